/* (liburing 2.4+ API, compat only) io_uring_setup_buf_ring /
   io_uring_free_buf_ring / io_uring_buf_ring_available / buf_ring_head */
#include "ct.h"
int main(void)
{
    int sv[2];
    CHECK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) == 0);
    struct io_uring r;
    ct_init(&r, 8, 0);
    int err = 1;
    struct io_uring_buf_ring *br = io_uring_setup_buf_ring(&r, 8, 5, 0, &err);
    if (!br && err == -EINVAL)
        SKIP("no buffer rings");
    CHECK(br != NULL);
    CHECK_EQ(err, 0);
    static char bufs[8][32];
    for (int i = 0; i < 8; i++)
        io_uring_buf_ring_add(br, bufs[i], 32, i, io_uring_buf_ring_mask(8), i);
    io_uring_buf_ring_advance(br, 8);
    uint16_t head = 99;
    int ret = io_uring_buf_ring_head(&r, 5, &head);
    if (ret == -EINVAL)
        SKIP("no IORING_REGISTER_PBUF_STATUS (kernel < 6.8)");
    CHECK_EQ(ret, 0);
    CHECK_EQ(head, 0);
    CHECK_EQ(io_uring_buf_ring_available(&r, br, 5), 8);
    CHECK(send(sv[1], "x", 1, 0) == 1);
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_recv(s, sv[0], NULL, 0, 0);
    io_uring_sqe_set_flags(s, IOSQE_BUFFER_SELECT);
    io_uring_sqe_set_buf_group(s, 5);
    io_uring_submit(&r);
    struct io_uring_cqe *c;
    CHECK_EQ(io_uring_wait_cqe(&r, &c), 0);
    CHECK_EQ(c->res, 1);
    CHECK(c->flags & IORING_CQE_F_BUFFER);
    CHECK_EQ(c->flags >> IORING_CQE_BUFFER_SHIFT, 0);
    io_uring_cqe_seen(&r, c);
    CHECK_EQ(io_uring_buf_ring_available(&r, br, 5), 7);
    CHECK_EQ(io_uring_buf_ring_head(&r, 5, &head), 0);
    CHECK_EQ(head, 1);
    CHECK_EQ(io_uring_buf_ring_head(&r, 6, &head), -ENOENT);
    CHECK_EQ(io_uring_free_buf_ring(&r, br, 8, 5), 0);
    CHECK_EQ(io_uring_unregister_buf_ring(&r, 5), -ENOENT);
    /* not a power of two: the kernel's -EINVAL, NULL */
    br = io_uring_setup_buf_ring(&r, 7, 6, 0, &err);
    CHECK(br == NULL);
    CHECK_EQ(err, -EINVAL);
    /* kernel-allocated ring (6.4+) */
    br = io_uring_setup_buf_ring(&r, 16, 7, IOU_PBUF_RING_MMAP, &err);
    CHECK(br != NULL && err == 0);
    io_uring_buf_ring_add(br, bufs[0], 32, 3, io_uring_buf_ring_mask(16), 0);
    io_uring_buf_ring_advance(br, 1);
    CHECK(send(sv[1], "yz", 2, 0) == 2);
    s = ct_sqe(&r);
    io_uring_prep_recv(s, sv[0], NULL, 0, 0);
    io_uring_sqe_set_flags(s, IOSQE_BUFFER_SELECT);
    s->buf_group = 7;
    io_uring_submit(&r);
    CHECK_EQ(io_uring_wait_cqe(&r, &c), 0);
    CHECK_EQ(c->res, 2);
    CHECK_EQ(c->flags >> IORING_CQE_BUFFER_SHIFT, 3);
    io_uring_cqe_seen(&r, c);
    CHECK_EQ(io_uring_free_buf_ring(&r, br, 16, 7), 0);
    io_uring_queue_exit(&r);
    printf("ok\n");
    return 0;
}
