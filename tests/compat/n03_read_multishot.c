/* (liburing 2.5+ API, compat only) io_uring_prep_read_multishot from a pipe
   with a buffer ring */
#include "ct.h"
int main(void)
{
    int p[2];
    CHECK(pipe(p) == 0);
    struct io_uring r;
    ct_init(&r, 8, 0);
    int err;
    struct io_uring_buf_ring *br = io_uring_setup_buf_ring(&r, 4, 1, 0, &err);
    CHECK(br != NULL);
    static char bufs[4][16];
    for (int i = 0; i < 4; i++)
        io_uring_buf_ring_add(br, bufs[i], 16, i, io_uring_buf_ring_mask(4), i);
    io_uring_buf_ring_advance(br, 4);
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_read_multishot(s, p[0], 0, 0, 1);
    s->user_data = 1;
    CHECK_EQ(s->flags, IOSQE_BUFFER_SELECT);
    io_uring_submit(&r);
    for (int i = 0; i < 3; i++) {
        char m[8];
        int n = snprintf(m, sizeof(m), "r%d", i);
        CHECK(write(p[1], m, n) == n);
        struct io_uring_cqe *c;
        CHECK_EQ(io_uring_wait_cqe(&r, &c), 0);
        if (c->res == -EINVAL && i == 0)
            SKIP("no IORING_OP_READ_MULTISHOT (kernel < 6.7)");
        CHECK_EQ(c->res, n);
        CHECK(c->flags & IORING_CQE_F_MORE);
        int bid = c->flags >> IORING_CQE_BUFFER_SHIFT;
        CHECK(memcmp(bufs[bid], m, n) == 0);
        io_uring_cqe_seen(&r, c);
    }
    close(p[1]);
    struct io_uring_cqe *c;
    CHECK_EQ(io_uring_wait_cqe(&r, &c), 0);
    CHECK_EQ(c->res, 0);
    CHECK(!(c->flags & IORING_CQE_F_MORE));
    io_uring_cqe_seen(&r, c);
    CHECK_EQ(io_uring_free_buf_ring(&r, br, 4, 1), 0);
    io_uring_queue_exit(&r);
    printf("ok\n");
    return 0;
}
