/* legacy provided buffers: provide_buffers, recv with IOSQE_BUFFER_SELECT,
   remove_buffers */
#include "ct.h"
int main(void)
{
    int sv[2];
    CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
    struct io_uring r;
    ct_init(&r, 8, 0);
    static char bufs[4][32];
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_provide_buffers(s, bufs, 32, 4, 7, 0);
    s->user_data = 1;
    io_uring_submit(&r);
    ct_reap(&r, "provide");
    for (int i = 0; i < 2; i++) {
        CHECK(write(sv[1], "payload", 7) == 7);
        s = ct_sqe(&r);
        io_uring_prep_recv(s, sv[0], NULL, 32, 0);
        io_uring_sqe_set_flags(s, IOSQE_BUFFER_SELECT);
        s->buf_group = 7;
        s->user_data = 10 + i;
        io_uring_submit(&r);
        struct io_uring_cqe *c;
        CHECK_EQ(io_uring_wait_cqe(&r, &c), 0);
        int bid = c->flags >> IORING_CQE_BUFFER_SHIFT;
        printf("recv: res=%d has_buffer=%d bid=%d data=%.*s\n", c->res,
               !!(c->flags & IORING_CQE_F_BUFFER), bid, c->res > 0 ? c->res : 0, bufs[bid]);
        io_uring_cqe_seen(&r, c);
    }
    s = ct_sqe(&r);
    io_uring_prep_remove_buffers(s, 4, 7);
    s->user_data = 2;
    io_uring_submit(&r);
    ct_reap(&r, "remove");
    s = ct_sqe(&r);
    io_uring_prep_remove_buffers(s, 1, 7);
    s->user_data = 3;
    io_uring_submit(&r);
    ct_reap(&r, "remove-empty");
    io_uring_queue_exit(&r);
    return 0;
}
