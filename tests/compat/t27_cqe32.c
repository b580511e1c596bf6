/* IORING_SETUP_CQE32: 32-byte CQEs, for_each_cqe and peek steps of two */
#include "ct.h"
int main(void)
{
    struct io_uring r;
    ct_init(&r, 8, IORING_SETUP_CQE32);
    printf("cqe_shift=%d\n", (int)io_uring_cqe_shift(&r));
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 6; i++) {
            struct io_uring_sqe *s = ct_sqe(&r);
            io_uring_prep_nop(s);
            s->user_data = round * 10 + i;
        }
        CHECK_EQ(io_uring_submit_and_wait(&r, 6), 6);
        unsigned h, n = 0;          /* not `head`: the macro must not care */
        struct io_uring_cqe *c;
        io_uring_for_each_cqe(&r, h, c) {
            printf("ud=%llu res=%d big=%llu,%llu\n", (unsigned long long)c->user_data, c->res,
                   (unsigned long long)c->big_cqe[0], (unsigned long long)c->big_cqe[1]);
            n++;
        }
        io_uring_cq_advance(&r, n);
    }
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_nop(s);
    s->user_data = 99;
    io_uring_submit(&r);
    ct_reap(&r, "nop");
    io_uring_queue_exit(&r);
    return 0;
}
