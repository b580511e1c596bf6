/* io_uring_queue_init_params: CQSIZE, CLAMP, what comes back in params */
#include "ct.h"
static void one(unsigned entries, unsigned flags, unsigned cq)
{
    struct io_uring r;
    struct io_uring_params p;
    memset(&p, 0, sizeof(p));
    p.flags = flags;
    p.cq_entries = cq;
    int ret = io_uring_queue_init_params(entries, &r, &p);
    if (ret) {
        printf("init(%u, 0x%x, cq %u): %d\n", entries, flags, cq, ret);
        return;
    }
    printf("init(%u, 0x%x, cq %u): p.sq %u p.cq %u ring sq %u cq %u single_mmap %d nodrop %d\n",
           entries, flags, cq, p.sq_entries, p.cq_entries, r.sq.ring_entries,
           r.cq.ring_entries, !!(p.features & IORING_FEAT_SINGLE_MMAP),
           !!(p.features & IORING_FEAT_NODROP));
    CHECK_EQ(r.features, p.features);
    io_uring_queue_exit(&r);
}
int main(void)
{
    one(8, 0, 0);
    one(8, IORING_SETUP_CQSIZE, 64);
    one(8, IORING_SETUP_CQSIZE, 100);
    one(8, IORING_SETUP_CQSIZE, 0);
    one(8, IORING_SETUP_CQSIZE, 4);
    one(64, IORING_SETUP_CQSIZE | IORING_SETUP_CLAMP, 1u << 20);
    one(16, IORING_SETUP_SUBMIT_ALL, 0);
    one(16, IORING_SETUP_COOP_TASKRUN, 0);
    one(16, IORING_SETUP_SQ_AFF, 0);
    return 0;
}
