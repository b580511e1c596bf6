/* buffer rings: register_buf_ring on page-aligned memory, buf_ring_init /
   add / advance / cq_advance, recv with buffer select */
#include "ct.h"
#include <sys/mman.h>
int main(void)
{
    int sv[2];
    CHECK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) == 0);
    struct io_uring r;
    ct_init(&r, 8, 0);
    const unsigned n = 8;
    struct io_uring_buf_ring *br = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
                                        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(br != MAP_FAILED);
    io_uring_buf_ring_init(br);
    struct io_uring_buf_reg reg;
    memset(&reg, 0, sizeof(reg));
    reg.ring_addr = (unsigned long)br;
    reg.ring_entries = n;
    reg.bgid = 3;
    int ret = io_uring_register_buf_ring(&r, &reg, 0);
    if (ret == -EINVAL)
        SKIP("no buffer rings (kernel < 5.19)");
    printf("register_buf_ring=%d again=%d\n", ret, io_uring_register_buf_ring(&r, &reg, 0));
    static char bufs[8][16];
    int mask = io_uring_buf_ring_mask(n);
    printf("mask=%d\n", mask);
    for (unsigned i = 0; i < n; i++)
        io_uring_buf_ring_add(br, bufs[i], 16, i, mask, i);
    io_uring_buf_ring_advance(br, n);
    for (int i = 0; i < 10; i++) {
        char msg[16];
        int len = snprintf(msg, sizeof(msg), "dgram-%d", i);
        CHECK(send(sv[1], msg, len, 0) == len);
        struct io_uring_sqe *s = ct_sqe(&r);
        io_uring_prep_recv(s, sv[0], NULL, 0, 0);
        io_uring_sqe_set_flags(s, IOSQE_BUFFER_SELECT);
        s->buf_group = 3;
        s->user_data = i;
        io_uring_submit(&r);
        struct io_uring_cqe *c;
        CHECK_EQ(io_uring_wait_cqe(&r, &c), 0);
        int bid = c->flags >> IORING_CQE_BUFFER_SHIFT;
        printf("recv %d: res=%d buf=%d bid=%d data=%.*s\n", i, c->res,
               !!(c->flags & IORING_CQE_F_BUFFER), bid, c->res > 0 ? c->res : 0, bufs[bid]);
        /* give the buffer back and retire the CQE together */
        io_uring_buf_ring_add(br, bufs[bid], 16, bid, mask, 0);
        io_uring_buf_ring_cq_advance(&r, br, 1);
    }
    printf("unregister=%d again=%d\n", io_uring_unregister_buf_ring(&r, 3),
           io_uring_unregister_buf_ring(&r, 3));
    io_uring_queue_exit(&r);
    return 0;
}
