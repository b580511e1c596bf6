/* sendmsg / recvmsg, and recvmsg_multishot parsed with io_uring_recvmsg_* */
#include "ct.h"
#include <sys/mman.h>
int main(void)
{
    int sv[2];
    CHECK(socketpair(AF_UNIX, SOCK_DGRAM, 0, sv) == 0);
    struct io_uring r;
    ct_init(&r, 8, 0);
    char out[] = "message-one";
    struct iovec iov = { out, sizeof(out) - 1 };
    struct msghdr m;
    memset(&m, 0, sizeof(m));
    m.msg_iov = &iov;
    m.msg_iovlen = 1;
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_sendmsg(s, sv[1], &m, 0);
    s->user_data = 1;
    io_uring_submit(&r);
    ct_reap(&r, "sendmsg");
    char in[32] = {0};
    struct iovec riov = { in, sizeof(in) };
    struct msghdr rm;
    memset(&rm, 0, sizeof(rm));
    rm.msg_iov = &riov;
    rm.msg_iovlen = 1;
    s = ct_sqe(&r);
    io_uring_prep_recvmsg(s, sv[0], &rm, 0);
    s->user_data = 2;
    io_uring_submit(&r);
    ct_reap(&r, "recvmsg");
    printf("in=%s\n", in);
    /* multishot recvmsg with a buffer ring */
    struct io_uring_buf_ring *br = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
                                        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    io_uring_buf_ring_init(br);
    struct io_uring_buf_reg reg;
    memset(&reg, 0, sizeof(reg));
    reg.ring_addr = (unsigned long)br;
    reg.ring_entries = 4;
    reg.bgid = 2;
    if (io_uring_register_buf_ring(&r, &reg, 0))
        SKIP("no buffer rings");
    static char bufs[4][128];
    for (int i = 0; i < 4; i++)
        io_uring_buf_ring_add(br, bufs[i], 128, i, 3, i);
    io_uring_buf_ring_advance(br, 4);
    struct msghdr mm;
    memset(&mm, 0, sizeof(mm));
    s = ct_sqe(&r);
    io_uring_prep_recvmsg_multishot(s, sv[0], &mm, 0);
    io_uring_sqe_set_flags(s, IOSQE_BUFFER_SELECT);
    s->buf_group = 2;
    s->user_data = 3;
    io_uring_submit(&r);
    for (int i = 0; i < 2; i++) {
        char msg[16];
        int len = snprintf(msg, sizeof(msg), "multi-%d", i);
        CHECK(send(sv[1], msg, len, 0) == len);
        struct io_uring_cqe *c;
        CHECK_EQ(io_uring_wait_cqe(&r, &c), 0);
        int bid = c->flags >> IORING_CQE_BUFFER_SHIFT;
        struct io_uring_recvmsg_out *o = io_uring_recvmsg_validate(bufs[bid], c->res, &mm);
        printf("cqe: res=%d more=%d valid=%d", c->res, !!(c->flags & IORING_CQE_F_MORE), o != NULL);
        if (o) {
            unsigned plen = io_uring_recvmsg_payload_length(o, c->res, &mm);
            printf(" payloadlen=%u len=%u data=%.*s name_off=%d cmsg=%d", o->payloadlen, plen,
                   (int)plen, (char *)io_uring_recvmsg_payload(o, &mm),
                   (int)((char *)io_uring_recvmsg_name(o) - (char *)o),
                   io_uring_recvmsg_cmsg_firsthdr(o, &mm) != NULL);
        }
        printf("\n");
        io_uring_cqe_seen(&r, c);
    }
    io_uring_queue_exit(&r);
    return 0;
}
