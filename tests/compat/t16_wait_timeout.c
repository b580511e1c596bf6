/* io_uring_wait_cqe_timeout: -ETIME on an empty ring, 0 with a CQE */
#include "ct.h"
int main(void)
{
    struct io_uring r;
    ct_init(&r, 4, 0);
    struct io_uring_cqe *c;
    struct __kernel_timespec ts = { .tv_sec = 0, .tv_nsec = 5000000 };
    printf("empty: %d\n", io_uring_wait_cqe_timeout(&r, &c, &ts));
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_nop(s);
    s->user_data = 9;
    /* wait_cqe_timeout submits pending SQEs first (liburing) */
    int ret = io_uring_wait_cqe_timeout(&r, &c, &ts);
    printf("pending nop: %d\n", ret);
    if (ret == 0) {
        printf("user_data=%llu res=%d\n", (unsigned long long)c->user_data, c->res);
        io_uring_cqe_seen(&r, c);
    }
    printf("null ts, nothing pending, cqe ready: ");
    s = ct_sqe(&r);
    io_uring_prep_nop(s);
    s->user_data = 10;
    io_uring_submit(&r);
    ret = io_uring_wait_cqe_timeout(&r, &c, NULL);
    printf("%d ud=%llu\n", ret, ret == 0 ? (unsigned long long)c->user_data : 0ULL);
    if (ret == 0)
        io_uring_cqe_seen(&r, c);
    io_uring_queue_exit(&r);
    return 0;
}
