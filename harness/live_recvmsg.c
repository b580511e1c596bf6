/* live_recvmsg.c -- the multishot recvmsg parsers (core/hr_recvmsg.h) on
 * real CQEs: IORING_OP_RECVMSG with IORING_RECV_MULTISHOT and a provided
 * buffer ring, on a UDP socket pair over 127.0.0.1.  Each case asks for a
 * name area (namelen) and a control area (controllen) in its msghdr,
 * sends datagrams and checks what the parsers find in the buffers the
 * kernel filled: full and truncated names, IP_PKTINFO and SO_TIMESTAMP
 * control messages complete and truncated (MSG_CTRUNC), truncated payloads
 * (MSG_TRUNC), several CQEs of one multishot request.  A case is skipped
 * only if the probe finds no multishot recvmsg (kernel before 6.0). */
#define _GNU_SOURCE
#include "hringas.h"
#define HR_TEST_IMPLEMENTATION
#include "hr_test.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#define NBUF  8
#define BSIZE 256
#define BGID  11

struct rx {
    struct hr_ring ring;
    struct hr_buf_ring_state st;
    void *ringmem;
    size_t ringlen;
    int rxfd, txfd;
    struct sockaddr_in rxa, txa;
    struct msghdr msg;          /* only msg_namelen / msg_controllen count */
    uint32_t nl, cl;
};

static uint8_t bufs[NBUF][BSIZE] __attribute__((aligned(64)));
static uint32_t rx_flags;       /* msg_flags of the request (MSG_TRUNC) */

static int udp_bound(struct sockaddr_in *a)
{
    socklen_t l = sizeof *a;
    const int fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    CHECKF(fd >= 0, "socket: %s", strerror(errno));
    memset(a, 0, sizeof *a);
    a->sin_family = AF_INET;
    a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    CHECKF(bind(fd, (struct sockaddr *)a, sizeof *a) == 0, "bind: %s", strerror(errno));
    CHECK(getsockname(fd, (struct sockaddr *)a, &l) == 0 && l == sizeof *a);
    return fd;
}

static void on(int fd, int level, int opt)
{
    const int one = 1;
    CHECKF(setsockopt(fd, level, opt, &one, sizeof one) == 0, "setsockopt(%d, %d): %s",
           level, opt, strerror(errno));
}

/* ring, buffer group, sockets; the multishot request armed with (nl, cl) */
static void rx_up(struct rx *x, uint32_t nl, uint32_t cl, int pktinfo, int timestamp)
{
    memset(x, 0, sizeof *x);
    x->nl = nl;
    x->cl = cl;
    int ret = hr_ring_init(&x->ring, 16, 0);
    CHECKF(ret == 0, "hr_ring_init: %s", strerror(-ret));
    x->ringlen = (size_t)sysconf(_SC_PAGESIZE);
    x->ringmem = mmap(NULL, x->ringlen, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(x->ringmem != MAP_FAILED);
    ret = hr_setup_buf_ring(&x->ring, &x->st, x->ringmem, NBUF, BGID, 0);
    if (ret == -EINVAL || ret == -EOPNOTSUPP)
        SKIP_BECAUSE("kernel lacks provided-buffer rings (%s)", strerror(-ret));
    CHECKF(ret == 0, "hr_setup_buf_ring: %s", strerror(-ret));
    for (uint16_t i = 0; i < NBUF; i++)
        hr_buf_ring_add(&x->st, bufs[i], BSIZE, i, i);
    hr_buf_ring_advance(&x->st, NBUF);

    x->rxfd = udp_bound(&x->rxa);
    x->txfd = udp_bound(&x->txa);
    if (pktinfo)
        on(x->rxfd, IPPROTO_IP, IP_PKTINFO);
    if (timestamp)
        on(x->rxfd, SOL_SOCKET, SO_TIMESTAMP);

    x->msg.msg_namelen = nl;
    x->msg.msg_controllen = cl;
    struct hr_sqe *s = hr_get_sqe(&x->ring);
    CHECK(s != NULL);
    hr_prep_recvmsg_multishot(s, x->rxfd, &x->msg, rx_flags);
    s->flags |= IOSQE_BUFFER_SELECT;
    s->buf_index = BGID;                        /* buf_group */
    hr_sqe_set_data64(s, 0x5eed);
    CHECK_EQ(hr_submit(&x->ring), 1);
}

static void send_dgram(struct rx *x, const void *p, size_t n)
{
    const ssize_t w = sendto(x->txfd, p, n, 0, (struct sockaddr *)&x->rxa, sizeof x->rxa);
    CHECKF(w == (ssize_t)n, "sendto: %zd (%s)", w, strerror(errno));
}

/* the next CQE of the request: its buffer (copied into out[BSIZE]) and res;
   the buffer goes back to the ring */
static int32_t next_cqe(struct rx *x, uint8_t *out, uint32_t *cflags)
{
    struct hr_cqe *c = NULL;
    int ret = hr_wait_cqe_nr(&x->ring, &c, 1);
    CHECKF(ret == 0 && c, "hr_wait_cqe_nr: %d", ret);
    const int32_t res = c->res;
    *cflags = c->flags;
    CHECK_EQ(c->user_data, 0x5eed);
    if (res == -EINVAL && !(c->flags & IORING_CQE_F_BUFFER))
        SKIP_BECAUSE("kernel lacks multishot recvmsg (IORING_RECV_MULTISHOT: %s)",
                     strerror(-res));
    CHECKF(res >= 0, "recvmsg CQE res %d (%s)", res, res < 0 ? strerror(-res) : "");
    const int bid = hr_cqe_buffer_id(c);
    CHECKF(bid >= 0 && bid < NBUF, "buffer id %d", bid);
    CHECK(res <= BSIZE);
    memcpy(out, bufs[bid], BSIZE);
    hr_buf_ring_add(&x->st, bufs[bid], BSIZE, (uint16_t)bid, 0);
    hr_buf_ring_advance(&x->st, 1);
    hr_cqe_seen(&x->ring, c);
    return res;
}

static void rx_down(struct rx *x)
{
    close(x->rxfd);
    close(x->txfd);
    hr_ring_exit(&x->ring);         /* tears the buffer group down with it */
    munmap(x->ringmem, x->ringlen);
}

static struct io_uring_recvmsg_out out_of(const uint8_t *b)
{
    struct io_uring_recvmsg_out o;
    memcpy(&o, b, sizeof o);
    return o;
}

/* every cmsg of the buffer, through the parsers: copies of the headers and
   the data bytes each holds */
struct seen {
    unsigned n;
    struct { int level, type; size_t len; uint8_t data[64]; } c[8];
};

static struct seen walk(uint8_t *b, int32_t res, uint32_t nl, uint32_t cl)
{
    struct seen s;
    memset(&s, 0, sizeof s);
    for (uint8_t *p = hr_recvmsg_cmsg_firsthdr(b, res, nl, cl); p;
         p = hr_recvmsg_cmsg_nexthdr(b, res, nl, cl, p)) {
        CHECK(s.n < 8);
        struct cmsghdr h;
        memcpy(&h, p, sizeof h);            /* p may be misaligned */
        CHECK(p >= b + 16 + nl && p + h.cmsg_len <= b + 16 + nl + cl);
        s.c[s.n].level = h.cmsg_level;
        s.c[s.n].type = h.cmsg_type;
        s.c[s.n].len = h.cmsg_len;
        const size_t d = h.cmsg_len - sizeof h;
        memcpy(s.c[s.n].data, p + sizeof h, d < 64 ? d : 64);
        s.n++;
    }
    return s;
}

static void check_name(struct rx *x, uint8_t *b, int32_t res, uint32_t want_bytes)
{
    const struct io_uring_recvmsg_out o = out_of(b);
    CHECK_EQ(o.namelen, sizeof(struct sockaddr_in));     /* before truncation */
    uint8_t *name = hr_recvmsg_name(b, res, x->nl, x->cl);
    CHECK(name == b + 16);
    CHECKF(memcmp(name, &x->txa, want_bytes) == 0, "name: first %u bytes differ from "
           "the sender's address", want_bytes);
}

/* ---- cases -------------------------------------------------------------- */

/* full name, IP_PKTINFO complete, payload complete */
TEST(full_name_pktinfo)
{
    struct rx x;
    uint8_t b[BSIZE];
    uint32_t f;
    rx_up(&x, sizeof(struct sockaddr_in), 64, 1, 0);
    send_dgram(&x, "hello", 5);
    const int32_t res = next_cqe(&x, b, &f);
    CHECK(f & IORING_CQE_F_MORE);
    CHECK_EQ(res, 16 + 16 + 64 + 5);
    CHECK(hr_recvmsg_validate(b, res, x.nl, x.cl) == b);
    const struct io_uring_recvmsg_out o = out_of(b);
    CHECK_EQ(o.payloadlen, 5);
    CHECK_EQ(o.controllen, CMSG_SPACE(sizeof(struct in_pktinfo)));
    CHECK_EQ(o.flags & (MSG_TRUNC | MSG_CTRUNC), 0);
    check_name(&x, b, res, sizeof(struct sockaddr_in));
    const struct seen s = walk(b, res, x.nl, x.cl);
    CHECK_EQ(s.n, 1);
    CHECK_EQ(s.c[0].level, IPPROTO_IP);
    CHECK_EQ(s.c[0].type, IP_PKTINFO);
    CHECK_EQ(s.c[0].len, CMSG_LEN(sizeof(struct in_pktinfo)));
    struct in_pktinfo pi;
    memcpy(&pi, s.c[0].data, sizeof pi);
    CHECK_EQ(ntohl(pi.ipi_addr.s_addr), INADDR_LOOPBACK);
    CHECK(memcmp(hr_recvmsg_payload(b, res, x.nl, x.cl), "hello", 5) == 0);
    CHECK_EQ(hr_recvmsg_payload_length(b, res, x.nl, x.cl), 5);
    rx_down(&x);
}

/* namelen smaller than sockaddr_in: the kernel reports 16, writes nl bytes */
static void truncated_name(uint32_t nl)
{
    struct rx x;
    uint8_t b[BSIZE];
    uint32_t f;
    rx_up(&x, nl, 0, 0, 0);
    send_dgram(&x, "abc", 3);
    const int32_t res = next_cqe(&x, b, &f);
    HR_CTX("namelen %u", nl);
    CHECK_EQ(res, 16 + (int32_t)nl + 3);
    CHECK(hr_recvmsg_validate(b, res, nl, 0) == b);
    check_name(&x, b, res, nl);
    CHECK(hr_recvmsg_cmsg_firsthdr(b, res, nl, 0) == NULL);
    CHECK(memcmp(hr_recvmsg_payload(b, res, nl, 0), "abc", 3) == 0);
    CHECK(hr_recvmsg_payload(b, res, nl, 0) == b + 16 + nl);
    CHECK_EQ(hr_recvmsg_payload_length(b, res, nl, 0), 3);
    /* a namelen larger than the buffer's layout: rejected, nothing read */
    CHECK(hr_recvmsg_validate(b, res, nl + 4, 0) == NULL);
    CHECK(hr_recvmsg_name(b, res, nl + 4, 0) == NULL);
    rx_down(&x);
}
TEST(name_truncated_8) { truncated_name(8); }
TEST(name_truncated_4) { truncated_name(4); }
TEST(name_truncated_2) { truncated_name(2); }

/* no name asked: the kernel records none */
TEST(name_none)
{
    struct rx x;
    uint8_t b[BSIZE];
    uint32_t f;
    rx_up(&x, 0, 0, 0, 0);
    send_dgram(&x, "xyz", 3);
    const int32_t res = next_cqe(&x, b, &f);
    CHECK_EQ(res, 16 + 3);
    CHECK_EQ(out_of(b).namelen, 0);
    CHECK(hr_recvmsg_name(b, res, 0, 0) == b + 16);
    CHECK(memcmp(hr_recvmsg_payload(b, res, 0, 0), "xyz", 3) == 0);
    rx_down(&x);
}

/* IP_PKTINFO needs 28 bytes; 20 asked: one cmsg with cmsg_len 20, 4 data
   bytes, MSG_CTRUNC; no second one */
TEST(pktinfo_truncated)
{
    struct rx x;
    uint8_t b[BSIZE];
    uint32_t f;
    rx_up(&x, sizeof(struct sockaddr_in), 20, 1, 0);
    send_dgram(&x, "trunc", 5);
    const int32_t res = next_cqe(&x, b, &f);
    CHECK_EQ(res, 16 + 16 + 20 + 5);
    const struct io_uring_recvmsg_out o = out_of(b);
    CHECK(o.flags & MSG_CTRUNC);
    CHECK_EQ(o.controllen, 20);
    const struct seen s = walk(b, res, x.nl, x.cl);
    CHECK_EQ(s.n, 1);
    CHECK_EQ(s.c[0].level, IPPROTO_IP);
    CHECK_EQ(s.c[0].type, IP_PKTINFO);
    CHECK_EQ(s.c[0].len, 20);
    /* the 4 bytes it holds: ipi_ifindex of the loopback device */
    int ifindex;
    memcpy(&ifindex, s.c[0].data, 4);
    CHECK(ifindex > 0);
    check_name(&x, b, res, sizeof(struct sockaddr_in));
    CHECK(memcmp(hr_recvmsg_payload(b, res, x.nl, x.cl), "trunc", 5) == 0);
    rx_down(&x);
}

/* a control area smaller than a cmsghdr: nothing written, MSG_CTRUNC */
TEST(control_smaller_than_header)
{
    struct rx x;
    uint8_t b[BSIZE];
    uint32_t f;
    rx_up(&x, sizeof(struct sockaddr_in), 8, 1, 0);
    send_dgram(&x, "q", 1);
    const int32_t res = next_cqe(&x, b, &f);
    CHECK_EQ(res, 16 + 16 + 8 + 1);
    const struct io_uring_recvmsg_out o = out_of(b);
    CHECK(o.flags & MSG_CTRUNC);
    CHECK_EQ(o.controllen, 0);
    CHECK(hr_recvmsg_cmsg_firsthdr(b, res, x.nl, x.cl) == NULL);
    CHECK(memcmp(hr_recvmsg_payload(b, res, x.nl, x.cl), "q", 1) == 0);
    rx_down(&x);
}

/* SO_TIMESTAMP (struct timeval: 32 bytes with its header) and IP_PKTINFO,
   both complete; then with the second one truncated */
static void two_cmsgs(uint32_t cl, int complete)
{
    struct rx x;
    uint8_t b[BSIZE];
    uint32_t f;
    struct timeval before;
    gettimeofday(&before, NULL);
    rx_up(&x, sizeof(struct sockaddr_in), cl, 1, 1);
    HR_CTX("controllen %u", cl);
    send_dgram(&x, "two", 3);
    const int32_t res = next_cqe(&x, b, &f);
    CHECK_EQ(res, 16 + 16 + (int32_t)cl + 3);
    const struct io_uring_recvmsg_out o = out_of(b);
    CHECK_EQ(!!(o.flags & MSG_CTRUNC), !complete);
    const struct seen s = walk(b, res, x.nl, x.cl);
    CHECK_EQ(s.n, 2);
    int ts = -1, pi = -1;
    for (unsigned i = 0; i < 2; i++) {
        if (s.c[i].level == SOL_SOCKET && s.c[i].type == SO_TIMESTAMP)
            ts = (int)i;
        if (s.c[i].level == IPPROTO_IP && s.c[i].type == IP_PKTINFO)
            pi = (int)i;
    }
    CHECKF(ts >= 0 && pi >= 0, "cmsgs (%d,%d) (%d,%d)", s.c[0].level, s.c[0].type,
           s.c[1].level, s.c[1].type);
    CHECK_EQ(s.c[ts].len, CMSG_LEN(sizeof(struct timeval)));
    struct timeval tv;
    memcpy(&tv, s.c[ts].data, sizeof tv);
    CHECK(tv.tv_sec >= before.tv_sec && tv.tv_sec <= before.tv_sec + 600);
    /* udp_recvmsg writes the socket-level cmsgs (timestamp) before the IP
       ones (pktinfo); a short area cuts the last one */
    const unsigned last = s.n - 1;
    if (complete)
        CHECK_EQ(s.c[pi].len, CMSG_LEN(sizeof(struct in_pktinfo)));
    else
        CHECK_EQ(s.c[last].len, cl - CMSG_SPACE(s.c[0].len - CMSG_LEN(0)));
    CHECK(memcmp(hr_recvmsg_payload(b, res, x.nl, x.cl), "two", 3) == 0);
    rx_down(&x);
}
TEST(timestamp_and_pktinfo) { two_cmsgs(64, 1); }
TEST(timestamp_and_pktinfo_second_truncated) { two_cmsgs(52, 0); }

/* a datagram larger than the payload area: MSG_TRUNC in out->flags;
   payload_length is what the buffer holds; out->payloadlen is what
   recvmsg returned: the bytes copied, or the datagram's size when the
   request asked for MSG_TRUNC */
static void payload_trunc(uint32_t flags)
{
    struct rx x;
    uint8_t b[BSIZE], big[400];
    uint32_t f;
    for (size_t i = 0; i < sizeof big; i++)
        big[i] = (uint8_t)(i * 7);
    rx_flags = flags;
    rx_up(&x, sizeof(struct sockaddr_in), 0, 0, 0);
    send_dgram(&x, big, sizeof big);
    const int32_t res = next_cqe(&x, b, &f);
    CHECK_EQ(res, BSIZE);
    const struct io_uring_recvmsg_out o = out_of(b);
    CHECK(o.flags & MSG_TRUNC);
    CHECK_EQ(o.payloadlen, flags & MSG_TRUNC ? sizeof big : BSIZE - 32);
    CHECK_EQ(hr_recvmsg_payload_length(b, res, x.nl, 0), BSIZE - 16 - 16);
    CHECK(memcmp(hr_recvmsg_payload(b, res, x.nl, 0), big, BSIZE - 32) == 0);
    rx_down(&x);
}
TEST(payload_truncated) { payload_trunc(0); }
TEST(payload_truncated_msg_trunc) { payload_trunc(MSG_TRUNC); }

/* one multishot request, several datagrams, several CQEs, buffers reused */
TEST(multishot_many)
{
    struct rx x;
    uint8_t b[BSIZE];
    uint32_t f;
    rx_up(&x, sizeof(struct sockaddr_in), 32, 1, 0);
    for (int i = 0; i < 3 * NBUF; i++) {
        char m[32];
        const int n = snprintf(m, sizeof m, "datagram %d", i);
        send_dgram(&x, m, (size_t)n);
        const int32_t res = next_cqe(&x, b, &f);
        HR_CTX("datagram %d", i);
        CHECK(f & IORING_CQE_F_MORE);
        CHECK_EQ(hr_recvmsg_payload_length(b, res, x.nl, x.cl), n);
        CHECK(memcmp(hr_recvmsg_payload(b, res, x.nl, x.cl), m, (size_t)n) == 0);
        check_name(&x, b, res, sizeof(struct sockaddr_in));
        const struct seen s = walk(b, res, x.nl, x.cl);
        CHECK_EQ(s.n, 1);
        CHECK_EQ(s.c[0].type, IP_PKTINFO);
    }
    rx_down(&x);
}

int main(int argc, char **argv)
{
    static const struct hr_suite suite = { "recvmsg", 20, NULL, NULL };
    return hr_test_main(&suite, NULL, 0, argc, argv);
}
