/* CQ overflow: more completions than CQ entries; nothing lost (FEAT_NODROP) */
#include "ct.h"
int main(void)
{
    struct io_uring r;
    struct io_uring_params p;
    memset(&p, 0, sizeof(p));
    p.flags = IORING_SETUP_CQSIZE;
    p.cq_entries = 4;
    int ret = io_uring_queue_init_params(4, &r, &p);
    CHECK_EQ(ret, 0);
    if (!(p.features & IORING_FEAT_NODROP))
        SKIP("no IORING_FEAT_NODROP");
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 4; i++) {
            struct io_uring_sqe *s = ct_sqe(&r);
            io_uring_prep_nop(s);
            s->user_data = round * 4 + i;
        }
        CHECK_EQ(io_uring_submit(&r), 4);
    }
    printf("cq_ready=%u overflow_flag=%d\n", io_uring_cq_ready(&r), io_uring_cq_has_overflow(&r));
    unsigned long long sum = 0;
    int n = 0;
    struct io_uring_cqe *c;
    while (n < 12 && io_uring_peek_cqe(&r, &c) == 0) {
        sum += c->user_data;
        n++;
        io_uring_cqe_seen(&r, c);
    }
    printf("reaped=%d sum=%llu overflow_flag=%d\n", n, sum, io_uring_cq_has_overflow(&r));
    printf("peek empty=%d\n", io_uring_peek_cqe(&r, &c));
    io_uring_queue_exit(&r);
    return 0;
}
