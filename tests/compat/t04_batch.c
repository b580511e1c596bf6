/* many NOPs in one submit; wait_cqe_nr; peek_batch_cqe; cq_advance */
#include "ct.h"
int main(void)
{
    struct io_uring r;
    ct_init(&r, 32, 0);
    for (int i = 0; i < 20; i++) {
        struct io_uring_sqe *s = ct_sqe(&r);
        io_uring_prep_nop(s);
        io_uring_sqe_set_data64(s, 1000 + i);
    }
    printf("sq_ready=%u space_left=%u\n", io_uring_sq_ready(&r), io_uring_sq_space_left(&r));
    CHECK_EQ(io_uring_submit(&r), 20);
    struct io_uring_cqe *c;
    CHECK_EQ(io_uring_wait_cqe_nr(&r, &c, 20), 0);
    printf("cq_ready=%u\n", io_uring_cq_ready(&r));
    struct io_uring_cqe *v[32];
    unsigned n = io_uring_peek_batch_cqe(&r, v, 8);
    printf("batch1=%u first=%llu\n", n, (unsigned long long)v[0]->user_data);
    io_uring_cq_advance(&r, n);
    n = io_uring_peek_batch_cqe(&r, v, 32);
    unsigned long long sum = 0;
    for (unsigned i = 0; i < n; i++)
        sum += v[i]->user_data;
    printf("batch2=%u sum=%llu\n", n, sum);
    io_uring_cq_advance(&r, n);
    printf("cq_ready=%u peek=%d\n", io_uring_cq_ready(&r), io_uring_peek_cqe(&r, &c));
    io_uring_queue_exit(&r);
    return 0;
}
