/* (liburing 2.4+ API, compat only) __io_uring_peek_cqe, io_uring_sqe_shift,
   io_uring_load_sq_head, sqe_set_buf_group, msg_ring_cqe_flags,
   register_sync_msg, ring_dontfork, mlock_size */
#include "ct.h"
int main(void)
{
    struct io_uring a, b;
    ct_init(&a, 8, 0);
    ct_init(&b, 8, IORING_SETUP_SQE128);
    CHECK_EQ(io_uring_sqe_shift(&a), 0);
    CHECK_EQ(io_uring_sqe_shift(&b), 1);
    CHECK_EQ(io_uring_sqe_shift_from_flags(IORING_SETUP_SQE128), 1);
    CHECK_EQ(io_uring_ring_dontfork(&a), 0);
    CHECK_EQ(io_uring_mlock_size(8, 0), 0);          /* 6.18: NATIVE_WORKERS */
    struct io_uring_cqe *c = (void *)1;
    unsigned avail = 99;
    CHECK_EQ(__io_uring_peek_cqe(&a, &c, &avail), 0);
    CHECK(c == NULL);
    CHECK_EQ(avail, 0);
    struct io_uring_sqe *s = ct_sqe(&a);
    io_uring_prep_msg_ring_cqe_flags(s, b.ring_fd, 5, 0x77, 0, IORING_CQE_F_MORE);
    s->user_data = 1;
    CHECK_EQ(io_uring_load_sq_head(&a), 0);
    io_uring_submit(&a);
    CHECK_EQ(io_uring_load_sq_head(&a), 1);
    CHECK_EQ(io_uring_wait_cqe(&a, &c), 0);
    CHECK_EQ(c->res, 0);
    io_uring_cqe_seen(&a, c);
    CHECK_EQ(io_uring_wait_cqe(&b, &c), 0);
    CHECK_EQ(c->user_data, 0x77);
    CHECK_EQ(c->res, 5);
    CHECK_EQ(c->flags, IORING_CQE_F_MORE);
    io_uring_cqe_seen(&b, c);
    /* a MSG_RING without a ring of one's own (6.13) */
    struct io_uring_sqe sq;
    memset(&sq, 0, sizeof(sq));
    io_uring_prep_msg_ring(&sq, b.ring_fd, 9, 0x88, 0);
    int ret = io_uring_register_sync_msg(&sq);
    if (ret != -EINVAL) {
        CHECK_EQ(ret, 0);
        avail = 0;
        CHECK_EQ(__io_uring_peek_cqe(&b, &c, &avail), 0);
        CHECK(c != NULL);
        CHECK_EQ(avail, 1);
        CHECK_EQ(c->user_data, 0x88);
        io_uring_cqe_seen(&b, c);
    }
    io_uring_queue_exit(&a);
    io_uring_queue_exit(&b);
    printf("ok\n");
    return 0;
}
