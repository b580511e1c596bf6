/* recv_multishot with a buffer ring: one SQE, one CQE per datagram with
   IORING_CQE_F_MORE, ends with -ENOBUFS when the ring runs dry */
#include "ct.h"
#include <sys/mman.h>
int main(void)
{
    int sv[2];
    CHECK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) == 0);
    struct io_uring r;
    ct_init(&r, 16, 0);
    struct io_uring_buf_ring *br = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
                                        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(br != MAP_FAILED);
    io_uring_buf_ring_init(br);
    struct io_uring_buf_reg reg;
    memset(&reg, 0, sizeof(reg));
    reg.ring_addr = (unsigned long)br;
    reg.ring_entries = 4;
    reg.bgid = 1;
    if (io_uring_register_buf_ring(&r, &reg, 0))
        SKIP("no buffer rings");
    static char bufs[4][32];
    for (int i = 0; i < 4; i++)
        io_uring_buf_ring_add(br, bufs[i], 32, i, io_uring_buf_ring_mask(4), i);
    io_uring_buf_ring_advance(br, 4);
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_recv_multishot(s, sv[0], NULL, 0, 0);
    io_uring_sqe_set_flags(s, IOSQE_BUFFER_SELECT);
    s->buf_group = 1;
    s->user_data = 5;
    io_uring_submit(&r);
    for (int i = 0; i < 6; i++) {
        char msg[16];
        int len = snprintf(msg, sizeof(msg), "m%d", i);
        CHECK(send(sv[1], msg, len, 0) == len);
    }
    for (int i = 0; i < 5; i++) {
        struct io_uring_cqe *c;
        CHECK_EQ(io_uring_wait_cqe(&r, &c), 0);
        int more = !!(c->flags & IORING_CQE_F_MORE);
        int bid = (c->flags & IORING_CQE_F_BUFFER) ? (int)(c->flags >> IORING_CQE_BUFFER_SHIFT) : -1;
        printf("cqe %d: ud=%llu res=%d more=%d bid=%d data=%.*s\n", i,
               (unsigned long long)c->user_data, c->res, more, bid,
               c->res > 0 ? c->res : 0, bid >= 0 ? bufs[bid] : "");
        io_uring_cqe_seen(&r, c);
        if (!more)
            break;
    }
    io_uring_queue_exit(&r);
    return 0;
}
