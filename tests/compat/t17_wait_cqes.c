/* io_uring_wait_cqes with wait_nr > 1, with and without a timeout */
#include "ct.h"
int main(void)
{
    struct io_uring r;
    ct_init(&r, 8, 0);
    for (int i = 0; i < 3; i++) {
        struct io_uring_sqe *s = ct_sqe(&r);
        io_uring_prep_nop(s);
        s->user_data = 50 + i;
    }
    CHECK_EQ(io_uring_submit(&r), 3);
    struct io_uring_cqe *c;
    struct __kernel_timespec ts = { .tv_sec = 1, .tv_nsec = 0 };
    printf("wait_cqes(3, 1s)=%d\n", io_uring_wait_cqes(&r, &c, 3, &ts, NULL));
    printf("cq_ready=%u\n", io_uring_cq_ready(&r));
    ct_reap_sorted(&r, 3, "nop", NULL);
    struct __kernel_timespec shortts = { .tv_sec = 0, .tv_nsec = 2000000 };
    printf("wait_cqes(2, 2ms, empty)=%d\n", io_uring_wait_cqes(&r, &c, 2, &shortts, NULL));
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_nop(s);
    s->user_data = 60;
    io_uring_submit(&r);
    int ret = io_uring_wait_cqes(&r, &c, 1, NULL, NULL);
    printf("wait_cqes(1, NULL)=%d ud=%llu\n", ret, (unsigned long long)c->user_data);
    io_uring_cqe_seen(&r, c);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGUSR1);
    s = ct_sqe(&r);
    io_uring_prep_nop(s);
    s->user_data = 61;
    io_uring_submit(&r);
    ret = io_uring_wait_cqes(&r, &c, 1, &ts, &set);
    printf("wait_cqes(sigmask)=%d ud=%llu\n", ret, ret ? 0ULL : (unsigned long long)c->user_data);
    if (!ret)
        io_uring_cqe_seen(&r, c);
    io_uring_queue_exit(&r);
    return 0;
}
