/* io_uring_submit_and_wait_timeout: return value and the CQE it hands back */
#include "ct.h"
int main(void)
{
    struct io_uring r;
    ct_init(&r, 8, 0);
    for (int i = 0; i < 4; i++) {
        struct io_uring_sqe *s = ct_sqe(&r);
        io_uring_prep_nop(s);
        s->user_data = 70 + i;
    }
    struct io_uring_cqe *c = NULL;
    struct __kernel_timespec ts = { .tv_sec = 1, .tv_nsec = 0 };
    int ret = io_uring_submit_and_wait_timeout(&r, &c, 4, &ts, NULL);
    printf("submit_and_wait_timeout=%d cqe=%d\n", ret, c != NULL);
    printf("cq_ready=%u\n", io_uring_cq_ready(&r));
    ct_reap_sorted(&r, 4, "nop", NULL);
    struct __kernel_timespec shortts = { .tv_sec = 0, .tv_nsec = 2000000 };
    c = NULL;
    ret = io_uring_submit_and_wait_timeout(&r, &c, 1, &shortts, NULL);
    printf("nothing: ret=%d cqe=%d\n", ret, c != NULL);
    struct io_uring_sqe *s = ct_sqe(&r);
    struct __kernel_timespec t10 = { .tv_sec = 0, .tv_nsec = 10000000 };
    io_uring_prep_timeout(s, &t10, 0, 0);
    s->user_data = 80;
    ret = io_uring_submit_and_wait_timeout(&r, &c, 1, &ts, NULL);
    printf("timer: ret=%d ud=%llu res=%d\n", ret, (unsigned long long)c->user_data, c->res);
    io_uring_cqe_seen(&r, c);
    io_uring_queue_exit(&r);
    return 0;
}
