/* IORING_OP_MSG_RING: post a CQE into another ring */
#include "ct.h"
int main(void)
{
    struct io_uring a, b;
    ct_init(&a, 8, 0);
    ct_init(&b, 8, 0);
    struct io_uring_sqe *s = ct_sqe(&a);
    io_uring_prep_msg_ring(s, b.ring_fd, 0x55, 0xabcdef, 0);
    s->user_data = 1;
    io_uring_submit(&a);
    ct_reap(&a, "sender");
    ct_reap(&b, "target");
    s = ct_sqe(&a);
    io_uring_prep_msg_ring(s, b.ring_fd, 7, 0x1234, IORING_MSG_RING_CQE_SKIP);
    s->user_data = 2;
    io_uring_submit(&a);
    ct_reap(&a, "sender-skip");
    struct io_uring_cqe *c;
    printf("target peek=%d\n", io_uring_peek_cqe(&b, &c));
    s = ct_sqe(&a);
    io_uring_prep_msg_ring(s, 0, 1, 2, 0);
    s->user_data = 3;
    io_uring_submit(&a);
    ct_reap(&a, "sender-notring");
    io_uring_queue_exit(&a);
    io_uring_queue_exit(&b);
    return 0;
}
