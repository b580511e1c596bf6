/* IORING_SETUP_SQPOLL: submissions without io_uring_enter, wait for CQEs,
   sqring_wait */
#include "ct.h"
int main(void)
{
    struct io_uring r;
    struct io_uring_params p;
    memset(&p, 0, sizeof(p));
    p.flags = IORING_SETUP_SQPOLL;
    p.sq_thread_idle = 100;
    int ret = io_uring_queue_init_params(8, &r, &p);
    if (ret == -EPERM || ret == -EINVAL)
        SKIP("SQPOLL not available: %d", ret);
    CHECK_EQ(ret, 0);
    printf("sqpoll flag=%d\n", !!(r.flags & IORING_SETUP_SQPOLL));
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 8; i++) {
            struct io_uring_sqe *s = ct_sqe(&r);
            io_uring_prep_nop(s);
            s->user_data = round * 100 + i;
        }
        ret = io_uring_submit(&r);
        printf("round %d submit=%d\n", round, ret);
        ct_reap_sorted(&r, 8, "sqpoll-nop", NULL);
        printf("sqring_wait=%d\n", io_uring_sqring_wait(&r));
        if (round == 1)
            usleep(300000);       /* let the poller go idle: NEED_WAKEUP path */
    }
    io_uring_queue_exit(&r);
    return 0;
}
