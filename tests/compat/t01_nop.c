/* setup with queue_init, one NOP, wait_cqe, cqe_seen, queue_exit */
#include "ct.h"
int main(void)
{
    struct io_uring r;
    ct_init(&r, 8, 0);
    printf("sq.ring_entries=%u cq.ring_entries=%u sq.ring_mask=%u cq.ring_mask=%u\n",
           r.sq.ring_entries, r.cq.ring_entries, r.sq.ring_mask, r.cq.ring_mask);
    printf("kring_entries=%u/%u ring_fd_ok=%d\n", *r.sq.kring_entries, *r.cq.kring_entries,
           r.ring_fd >= 0);
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_nop(s);
    io_uring_sqe_set_data64(s, 42);
    printf("sq_ready=%u\n", io_uring_sq_ready(&r));
    CHECK_EQ(io_uring_submit(&r), 1);
    ct_reap(&r, "nop");
    printf("cq_ready=%u\n", io_uring_cq_ready(&r));
    io_uring_queue_exit(&r);
    return 0;
}
