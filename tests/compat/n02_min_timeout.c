/* (liburing 2.8+ API, compat only) wait_cqes_min_timeout,
   submit_and_wait_min_timeout */
#include "ct.h"
int main(void)
{
    struct io_uring r;
    ct_init(&r, 8, 0);
    if (!(r.features & IORING_FEAT_MIN_TIMEOUT))
        SKIP("no IORING_FEAT_MIN_TIMEOUT (kernel < 6.12)");
    struct io_uring_cqe *c = NULL;
    struct __kernel_timespec ts = { .tv_sec = 0, .tv_nsec = 20000000 };
    CHECK_EQ(io_uring_wait_cqes_min_timeout(&r, &c, 1, &ts, 1000, NULL), -ETIME);
    for (int i = 0; i < 3; i++) {
        struct io_uring_sqe *s = ct_sqe(&r);
        io_uring_prep_nop(s);
        s->user_data = 10 + i;
    }
    ts.tv_sec = 1;
    int ret = io_uring_submit_and_wait_min_timeout(&r, &c, 3, &ts, 1000, NULL);
    CHECK(ret >= 0);
    CHECK(c != NULL);
    CHECK_EQ(c->user_data, 10);
    CHECK_EQ(io_uring_cq_ready(&r), 3);
    io_uring_cq_advance(&r, 3);
    /* min wait elapses with one CQE ready: return with what is there */
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_nop(s);
    s->user_data = 20;
    io_uring_submit(&r);
    ret = io_uring_wait_cqes_min_timeout(&r, &c, 4, &ts, 1000, NULL);
    CHECK_EQ(ret, 0);
    CHECK_EQ(c->user_data, 20);
    io_uring_cqe_seen(&r, c);
    io_uring_queue_exit(&r);
    printf("ok\n");
    return 0;
}
