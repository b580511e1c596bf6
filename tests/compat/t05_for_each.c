/* io_uring_for_each_cqe over a wrapped CQ ring, then cq_advance */
#include "ct.h"
int main(void)
{
    struct io_uring r;
    ct_init(&r, 4, 0);
    unsigned long long total = 0;
    for (int round = 0; round < 5; round++) {
        for (int i = 0; i < 3; i++) {
            struct io_uring_sqe *s = ct_sqe(&r);
            io_uring_prep_nop(s);
            io_uring_sqe_set_data64(s, round * 10 + i);
        }
        CHECK_EQ(io_uring_submit_and_wait(&r, 3), 3);
        unsigned head, n = 0;
        struct io_uring_cqe *c;
        io_uring_for_each_cqe(&r, head, c) {
            printf("round %d: user_data=%llu res=%d\n", round,
                   (unsigned long long)c->user_data, c->res);
            total += c->user_data;
            n++;
        }
        io_uring_cq_advance(&r, n);
        printf("round %d: n=%u khead-ktail=%d\n", round, n,
               (int)(*r.cq.khead - *r.cq.ktail));
    }
    printf("total=%llu\n", total);
    io_uring_queue_exit(&r);
    return 0;
}
