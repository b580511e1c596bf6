/* live_ops.c -- the ops added since kernel 6.12, on the real kernel (suite
 * `ops`): epoll_wait, pipe / pipe_direct, readv_fixed / writev_fixed, the
 * socket commands (setsockopt, getsockopt, getsockname) and plain uring_cmd,
 * NOP with its flags (inject a result, file, fixed file, fixed buffer, task
 * work, CQE32), and send / recv bundles.  Each case checks what the kernel
 * did with the SQE our helper built (the bytes themselves: tests/sqe_diff.c).
 *
 * A case is skipped only when the running kernel lacks the op or flag, and
 * says which: by IORING_REGISTER_PROBE for opcodes, by
 * IORING_FEAT_RECVSEND_BUNDLE for bundles, and by the op's own answer where
 * the kernel has no probe (a socket command it does not know: -EOPNOTSUPP;
 * a NOP flag it does not know: -EINVAL). */
#define _GNU_SOURCE
#include "hringas.h"
#define HR_TEST_IMPLEMENTATION
#include "hr_test.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdint.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <sys/uio.h>

static struct hr_ring ring;

static void ring_up(unsigned flags)
{
    int ret = hr_ring_init(&ring, 8, flags);
    CHECKF(ret == 0, "hr_ring_init: %s", strerror(-ret));
}

/* submit what is queued and take n CQEs (blocking), in completion order;
   out[] holds n << cqe_shift units */
static int reap(struct hr_ring *r, struct hr_cqe *out, uint32_t n)
{
    uint32_t got = 0;
    int ret = hr_submit_and_wait(r, n);
    if (ret < 0)
        return ret;
    while (got < n) {
        ret = hr_copy_cqes(r, out + (got << r->cq.cqe_shift), n - got, 1);
        if (ret < 0)
            return ret;
        got += (uint32_t)ret;
    }
    return 0;
}

/* 1 if the running kernel knows opcode op, 0 if not, -errno if the probe
   itself failed */
static int op_supported(int op)
{
    union hr_probe probe;
    int ret = hr_get_probe_ring(&ring, &probe);
    if (ret < 0)
        return ret;
    return hr_probe_opcode_supported(&probe.hdr, op);
}

#define NEED_OP(op, name) do { int s_ = op_supported(op); \
    CHECKF(s_ >= 0, "probe: %s", strerror(-s_)); \
    if (!s_) SKIP_BECAUSE("kernel lacks %s (IORING_REGISTER_PROBE)", name); } while (0)

/* ---- epoll_wait ------------------------------------------------------------------ */

static int t_epoll_wait(void)
{
    int p[2], ep = epoll_create1(0);
    struct epoll_event ev = { .events = EPOLLIN, .data.u64 = 0x1234abcd };
    struct epoll_event out[4];
    struct hr_cqe c;
    CHECK(ep >= 0 && pipe(p) == 0);
    CHECK(epoll_ctl(ep, EPOLL_CTL_ADD, p[0], &ev) == 0);
    ring_up(0);
    NEED_OP(HR_OP_EPOLL_WAIT, "IORING_OP_EPOLL_WAIT (6.15)");

    /* nothing ready: the request waits, no CQE */
    memset(out, 0, sizeof out);
    struct hr_sqe *s = hr_get_sqe(&ring);
    hr_prep_epoll_wait(s, ep, out, 4, 0);
    s->user_data = 7;
    CHECK(hr_submit(&ring) == 1);
    CHECK(hr_copy_cqes(&ring, &c, 1, 0) == 0);
    /* an event: it completes with one */
    CHECK(write(p[1], "x", 1) == 1);
    CHECK(reap(&ring, &c, 1) == 0);
    CHECKF(c.user_data == 7 && c.res == 1, "epoll_wait: ud %llu res %d",
           (unsigned long long)c.user_data, c.res);
    CHECK(out[0].data.u64 == 0x1234abcd && (out[0].events & EPOLLIN));
    /* maxevents 0 is refused, like epoll_wait(2) */
    s = hr_get_sqe(&ring);
    hr_prep_epoll_wait(s, ep, out, 0, 0);
    CHECK(reap(&ring, &c, 1) == 0);
    CHECKF(c.res == -EINVAL, "epoll_wait maxevents 0: res %d", c.res);
    hr_ring_exit(&ring);
    close(ep); close(p[0]); close(p[1]);
    return HR_PASS;
}

/* ---- pipe / pipe_direct ------------------------------------------------------------- */

static int t_pipe(void)
{
    int fds[2] = { -1, -1 };
    char buf[8] = { 0 };
    struct hr_cqe c;
    ring_up(0);
    NEED_OP(HR_OP_PIPE, "IORING_OP_PIPE (6.16)");
    struct hr_sqe *s = hr_get_sqe(&ring);
    hr_prep_pipe(s, fds, O_CLOEXEC);
    CHECK(reap(&ring, &c, 1) == 0);
    CHECKF(c.res == 0, "pipe: res %d", c.res);
    CHECK(fds[0] >= 0 && fds[1] >= 0 && fds[0] != fds[1]);
    CHECK(fcntl(fds[0], F_GETFD) & FD_CLOEXEC);
    CHECK(write(fds[1], "abc", 3) == 3);
    CHECK(read(fds[0], buf, sizeof buf) == 3 && memcmp(buf, "abc", 3) == 0);
    close(fds[0]); close(fds[1]);
    /* a flag pipe2 does not know is refused */
    s = hr_get_sqe(&ring);
    hr_prep_pipe(s, fds, O_APPEND);
    CHECK(reap(&ring, &c, 1) == 0);
    CHECKF(c.res == -EINVAL, "pipe O_APPEND: res %d", c.res);
    hr_ring_exit(&ring);
    return HR_PASS;
}

/* write through fixed file wslot, read back through fixed file rslot */
static int fixed_pipe_io(int rslot, int wslot)
{
    char in[8] = { 0 };
    struct hr_cqe c[2];
    struct hr_sqe *s = hr_get_sqe(&ring);
    hr_prep_write(s, wslot, "pipe!", 5, 0);
    s->flags = IOSQE_FIXED_FILE | IOSQE_IO_LINK;
    s->user_data = 1;
    s = hr_get_sqe(&ring);
    hr_prep_read(s, rslot, in, sizeof in, 0);
    s->flags = IOSQE_FIXED_FILE;
    s->user_data = 2;
    CHECK(reap(&ring, c, 2) == 0);
    CHECKF(c[0].res == 5 && c[1].res == 5, "fixed pipe io: res %d %d", c[0].res, c[1].res);
    CHECK(memcmp(in, "pipe!", 5) == 0);
    return HR_PASS;
}

static int t_pipe_direct(void)
{
    int fds[2] = { -1, -1 };
    struct hr_cqe c;
    ring_up(0);
    NEED_OP(HR_OP_PIPE, "IORING_OP_PIPE (6.16)");
    CHECK(hr_register_files_sparse(&ring, 8) == 0);
    /* two free slots, allocated by the kernel and reported in fds[] */
    struct hr_sqe *s = hr_get_sqe(&ring);
    hr_prep_pipe_direct(s, fds, 0, IORING_FILE_INDEX_ALLOC);
    CHECK(reap(&ring, &c, 1) == 0);
    CHECKF(c.res == 0, "pipe_direct ALLOC: res %d", c.res);
    CHECKF(fds[0] >= 0 && fds[0] < 8 && fds[1] >= 0 && fds[1] < 8 && fds[0] != fds[1],
           "pipe_direct ALLOC: slots %d %d", fds[0], fds[1]);
    if (fixed_pipe_io(fds[0], fds[1]) != HR_PASS) return HR_FAIL;
    /* slots 5 (read end) and 6 (write end), as asked */
    s = hr_get_sqe(&ring);
    hr_prep_pipe_direct(s, fds, 0, 5);
    CHECK(reap(&ring, &c, 1) == 0);
    CHECKF(c.res == 0, "pipe_direct slot 5: res %d", c.res);
    if (fixed_pipe_io(5, 6) != HR_PASS) return HR_FAIL;
    /* O_CLOEXEC means nothing for a fixed file: refused */
    s = hr_get_sqe(&ring);
    hr_prep_pipe_direct(s, fds, O_CLOEXEC, IORING_FILE_INDEX_ALLOC);
    CHECK(reap(&ring, &c, 1) == 0);
    CHECKF(c.res == -EINVAL, "pipe_direct O_CLOEXEC: res %d", c.res);
    hr_ring_exit(&ring);
    return HR_PASS;
}

/* ---- readv_fixed / writev_fixed ------------------------------------------------------ */

static int t_rwv_fixed(void)
{
    static unsigned char buf[8192];
    struct iovec reg = { buf, sizeof buf };
    struct hr_cqe c;
    unsigned char check[150];
    int fd = memfd_create("hr-ops", 0);
    CHECK(fd >= 0);
    ring_up(0);
    NEED_OP(HR_OP_WRITEV_FIXED, "IORING_OP_WRITEV_FIXED (6.15)");
    NEED_OP(HR_OP_READV_FIXED, "IORING_OP_READV_FIXED (6.15)");
    CHECK(hr_register_buffers(&ring, &reg, 1) == 0);
    for (unsigned i = 0; i < sizeof buf; i++)
        buf[i] = (unsigned char)(i * 7 + 3);
    /* two pieces of the registered buffer, gathered into the file */
    struct iovec w[2] = { { buf + 10, 100 }, { buf + 300, 50 } };
    struct hr_sqe *s = hr_get_sqe(&ring);
    hr_prep_writev_fixed(s, fd, w, 2, 0, 0, 0);
    CHECK(reap(&ring, &c, 1) == 0);
    CHECKF(c.res == 150, "writev_fixed: res %d", c.res);
    CHECK(pread(fd, check, sizeof check, 0) == 150);
    CHECK(memcmp(check, buf + 10, 100) == 0 && memcmp(check + 100, buf + 300, 50) == 0);
    /* scattered back into two other pieces of it, from offset 1 */
    memset(buf + 4096, 0, 4096);
    struct iovec r[2] = { { buf + 4096, 60 }, { buf + 6000, 89 } };
    s = hr_get_sqe(&ring);
    hr_prep_readv_fixed(s, fd, r, 2, 1, 0, 0);
    CHECK(reap(&ring, &c, 1) == 0);
    CHECKF(c.res == 149, "readv_fixed: res %d", c.res);
    CHECK(memcmp(buf + 4096, check + 1, 60) == 0 && memcmp(buf + 6000, check + 61, 89) == 0);
    /* an iovec outside the registered buffer is refused */
    static unsigned char other[64];
    struct iovec bad = { other, sizeof other };
    s = hr_get_sqe(&ring);
    hr_prep_readv_fixed(s, fd, &bad, 1, 0, 0, 0);
    CHECK(reap(&ring, &c, 1) == 0);
    CHECKF(c.res == -EFAULT, "readv_fixed outside the buffer: res %d", c.res);
    hr_ring_exit(&ring);
    close(fd);
    return HR_PASS;
}

/* ---- socket commands ---------------------------------------------------------------- */

static int t_cmd_sockopt(void)
{
    int one = 1, val = 0;
    socklen_t len = sizeof val;
    struct hr_cqe c;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    CHECK(fd >= 0);
    ring_up(0);
    NEED_OP(IORING_OP_URING_CMD, "IORING_OP_URING_CMD");
    struct hr_sqe *s = hr_get_sqe(&ring);
    hr_prep_cmd_sock(s, HR_SOCKET_URING_OP_SETSOCKOPT, fd, SOL_SOCKET, SO_KEEPALIVE,
                     &one, sizeof one);
    CHECK(reap(&ring, &c, 1) == 0);
    if (c.res == -EOPNOTSUPP) {
        SKIP_BECAUSE("kernel lacks socket uring_cmd SETSOCKOPT (6.7+): -EOPNOTSUPP");
    }
    CHECKF(c.res == 0, "setsockopt cmd: res %d", c.res);
    CHECK(getsockopt(fd, SOL_SOCKET, SO_KEEPALIVE, &val, &len) == 0 && val == 1);
    /* read it back through io_uring: res is the option's length */
    CHECK(setsockopt(fd, SOL_SOCKET, SO_RCVLOWAT, &(int){ 7 }, sizeof(int)) == 0);
    val = 0;
    s = hr_get_sqe(&ring);
    hr_prep_cmd_sock(s, HR_SOCKET_URING_OP_GETSOCKOPT, fd, SOL_SOCKET, SO_RCVLOWAT,
                     &val, sizeof val);
    CHECK(reap(&ring, &c, 1) == 0);
    CHECKF(c.res == (int)sizeof val && val == 7, "getsockopt cmd: res %d val %d", c.res, val);
    hr_ring_exit(&ring);
    close(fd);
    return HR_PASS;
}

static int t_cmd_getsockname(void)
{
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    struct sockaddr_in got, want;
    socklen_t wl = sizeof want;
    uint32_t gl = sizeof got;
    struct hr_cqe c;
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    CHECK(fd >= 0 && bind(fd, (struct sockaddr *)&a, sizeof a) == 0);
    CHECK(getsockname(fd, (struct sockaddr *)&want, &wl) == 0);
    ring_up(0);
    NEED_OP(IORING_OP_URING_CMD, "IORING_OP_URING_CMD");
    memset(&got, 0, sizeof got);
    struct hr_sqe *s = hr_get_sqe(&ring);
    hr_prep_cmd_getsockname(s, fd, (struct sockaddr *)&got, &gl, 0);
    CHECK(reap(&ring, &c, 1) == 0);
    hr_ring_exit(&ring);
    close(fd);
    if (c.res == -EOPNOTSUPP)
        SKIP_BECAUSE("kernel lacks SOCKET_URING_OP_GETSOCKNAME (6.19+): -EOPNOTSUPP");
    CHECKF(c.res == 0, "getsockname cmd: res %d", c.res);
    CHECK(gl == wl && got.sin_port == want.sin_port && got.sin_addr.s_addr == want.sin_addr.s_addr);
    return HR_PASS;
}

static int t_uring_cmd(void)
{
    struct sockaddr_in a = { .sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK) };
    socklen_t al = sizeof a;
    struct hr_cqe c;
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    CHECK(fd >= 0 && bind(fd, (struct sockaddr *)&a, sizeof a) == 0);
    CHECK(getsockname(fd, (struct sockaddr *)&a, &al) == 0);
    ring_up(0);
    NEED_OP(IORING_OP_URING_CMD, "IORING_OP_URING_CMD");
    /* SIOCINQ on a datagram socket: the size of the next datagram */
    struct hr_sqe *s = hr_get_sqe(&ring);
    hr_prep_uring_cmd(s, HR_SOCKET_URING_OP_SIOCINQ, fd);
    CHECK(reap(&ring, &c, 1) == 0);
    if (c.res == -EOPNOTSUPP) {
        SKIP_BECAUSE("kernel lacks socket uring_cmd SIOCINQ (6.7+): -EOPNOTSUPP");
    }
    CHECKF(c.res == 0, "SIOCINQ, empty: res %d", c.res);
    CHECK(sendto(fd, "seven!!", 7, 0, (struct sockaddr *)&a, sizeof a) == 7);
    s = hr_get_sqe(&ring);
    hr_prep_uring_cmd(s, HR_SOCKET_URING_OP_SIOCINQ, fd);
    CHECK(reap(&ring, &c, 1) == 0);
    CHECKF(c.res == 7, "SIOCINQ, one datagram: res %d", c.res);
    /* a command a socket does not know */
    s = hr_get_sqe(&ring);
    hr_prep_uring_cmd(s, 0x7fff, fd);
    CHECK(reap(&ring, &c, 1) == 0);
    CHECKF(c.res == -EOPNOTSUPP, "unknown socket cmd: res %d", c.res);
    hr_ring_exit(&ring);
    close(fd);
    return HR_PASS;
}

/* ---- NOP flags ------------------------------------------------------------------- */

/* queue NOP(flags, ...) and, linked after it, a plain NOP; res[0..1] are
   their results.  A NOP that fails cancels the second with -ECANCELED. */
static int nop_linked(uint32_t flags, int32_t fd, int32_t result, uint16_t bi,
                      int res[2])
{
    struct hr_cqe c[2];
    struct hr_sqe *s = hr_get_sqe(&ring);
    hr_prep_nop_flags(s, flags, fd, result, bi, 0, 0);
    s->flags = IOSQE_IO_LINK;
    s->user_data = 1;
    s = hr_get_sqe(&ring);
    hr_prep_nop(s);
    s->user_data = 2;
    int ret = reap(&ring, c, 2);
    if (ret)
        return ret;
    for (int i = 0; i < 2; i++)
        res[c[i].user_data == 2] = c[i].res;
    return 0;
}

#define NOP_FLAG_KNOWN(res0, name) do { if ((res0) == -EINVAL) \
    SKIP_BECAUSE("kernel lacks %s (NOP answers -EINVAL)", name); } while (0)

static int t_nop_inject(void)
{
    int res[2];
    ring_up(0);
    CHECK(nop_linked(IORING_NOP_INJECT_RESULT, -1, -EFAULT, 0, res) == 0);
    NOP_FLAG_KNOWN(res[0], "IORING_NOP_INJECT_RESULT (6.10)");
    CHECKF(res[0] == -EFAULT, "inject -EFAULT: res %d", res[0]);
    CHECK(nop_linked(IORING_NOP_INJECT_RESULT, -1, 4242, 0, res) == 0);
    CHECKF(res[0] == 4242 && res[1] == 0, "inject 4242: res %d %d", res[0], res[1]);
    /* without the flag, len is not a result */
    CHECK(nop_linked(0, -1, 4242, 0, res) == 0);
    CHECKF(res[0] == 0, "no flag: res %d", res[0]);
    /* a flag the kernel does not know */
    CHECK(nop_linked(1U << 30, -1, 0, 0, res) == 0);
    CHECKF(res[0] == -EINVAL, "unknown NOP flag: res %d", res[0]);
    hr_ring_exit(&ring);
    return HR_PASS;
}

static int t_nop_file(void)
{
    int res[2], p[2];
    CHECK(pipe(p) == 0);
    ring_up(0);
    CHECK(nop_linked(IORING_NOP_FILE, p[0], 0, 0, res) == 0);
    NOP_FLAG_KNOWN(res[0], "IORING_NOP_FILE (6.12)");
    CHECKF(res[0] == 0 && res[1] == 0, "NOP_FILE open fd: res %d %d", res[0], res[1]);
    /* a closed fd: the NOP fails, the link is cut */
    close(p[0]); close(p[1]);
    CHECK(nop_linked(IORING_NOP_FILE, p[0], 0, 0, res) == 0);
    CHECKF(res[1] == -ECANCELED, "NOP_FILE closed fd: res %d %d", res[0], res[1]);
    hr_ring_exit(&ring);
    return HR_PASS;
}

static int t_nop_fixed_file(void)
{
    int res[2], p[2];
    CHECK(pipe(p) == 0);
    ring_up(0);
    CHECK(hr_register_files(&ring, p, 1) == 0);              /* slot 0 only */
    CHECK(nop_linked(IORING_NOP_FILE | IORING_NOP_FIXED_FILE, 0, 0, 0, res) == 0);
    NOP_FLAG_KNOWN(res[0], "IORING_NOP_FIXED_FILE (6.12)");
    CHECKF(res[0] == 0 && res[1] == 0, "NOP_FIXED_FILE slot 0: res %d %d", res[0], res[1]);
    CHECK(nop_linked(IORING_NOP_FILE | IORING_NOP_FIXED_FILE, 3, 0, 0, res) == 0);
    CHECKF(res[1] == -ECANCELED, "NOP_FIXED_FILE slot 3: res %d %d", res[0], res[1]);
    hr_ring_exit(&ring);
    close(p[0]); close(p[1]);
    return HR_PASS;
}

static int t_nop_fixed_buffer(void)
{
    static char b[4096];
    struct iovec iov = { b, sizeof b };
    int res[2];
    ring_up(0);
    CHECK(hr_register_buffers(&ring, &iov, 1) == 0);        /* index 0 only */
    CHECK(nop_linked(IORING_NOP_FIXED_BUFFER, -1, 0, 0, res) == 0);
    NOP_FLAG_KNOWN(res[0], "IORING_NOP_FIXED_BUFFER (6.12)");
    CHECKF(res[0] == 0 && res[1] == 0, "NOP_FIXED_BUFFER 0: res %d %d", res[0], res[1]);
    CHECK(nop_linked(IORING_NOP_FIXED_BUFFER, -1, 0, 5, res) == 0);
    CHECKF(res[1] == -ECANCELED, "NOP_FIXED_BUFFER 5: res %d %d", res[0], res[1]);
    hr_ring_exit(&ring);
    return HR_PASS;
}

static int t_nop_tw(void)
{
    int res[2];
    ring_up(0);
    CHECK(nop_linked(IORING_NOP_TW | IORING_NOP_INJECT_RESULT, -1, 77, 0, res) == 0);
    NOP_FLAG_KNOWN(res[0], "IORING_NOP_TW (6.15)");
    CHECKF(res[0] == 77 && res[1] == 0, "NOP_TW: res %d %d", res[0], res[1]);
    hr_ring_exit(&ring);
    return HR_PASS;
}

static int t_nop_cqe32(void)
{
    const uint64_t e1 = 0x1122334455667788ull, e2 = 0x99aabbccddeeff00ull;
    struct hr_cqe c[2];
    /* a ring with 16-byte CQEs has no room for the extras: refused */
    ring_up(0);
    struct hr_sqe *s = hr_get_sqe(&ring);
    hr_prep_nop_flags(s, IORING_NOP_CQE32, -1, 0, 0, e1, e2);
    CHECK(reap(&ring, c, 1) == 0);
    hr_ring_exit(&ring);
    CHECKF(c[0].res == -EINVAL, "NOP_CQE32 on a 16-byte CQ: res %d", c[0].res);
    /* on a CQE32 ring the big CQE carries extra1 (off) and extra2 (addr) */
    ring_up(IORING_SETUP_CQE32);
    s = hr_get_sqe(&ring);
    hr_prep_nop_flags(s, IORING_NOP_CQE32 | IORING_NOP_INJECT_RESULT, -1, 5, 0, e1, e2);
    s->user_data = 32;
    CHECK(reap(&ring, c, 1) == 0);
    hr_ring_exit(&ring);
    if (c[0].res == -EINVAL)
        SKIP_BECAUSE("kernel lacks IORING_NOP_CQE32 (6.18): NOP answers -EINVAL");
    CHECKF(c[0].user_data == 32 && c[0].res == 5, "NOP_CQE32: ud %llu res %d",
           (unsigned long long)c[0].user_data, c[0].res);
    uint64_t big[2];
    memcpy(big, &c[1], sizeof big);                 /* big_cqe[0..1] */
    CHECKF(big[0] == e1 && big[1] == e2, "NOP_CQE32 extras %#llx %#llx",
           (unsigned long long)big[0], (unsigned long long)big[1]);
    return HR_PASS;
}

/* ---- bundles --------------------------------------------------------------------- */

#define BNBUF 4
#define BSZ   16

struct bgroup {
    struct hr_buf_ring_state st;
    void *mem;
    unsigned char data[BNBUF][BSZ];
};

static int bgroup_up(struct bgroup *g, uint16_t bgid)
{
    g->mem = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (g->mem == MAP_FAILED)
        return -ENOMEM;
    int ret = hr_setup_buf_ring(&ring, &g->st, g->mem, BNBUF, bgid, 0);
    if (ret)
        return ret;
    for (uint16_t i = 0; i < BNBUF; i++)
        hr_buf_ring_add(&g->st, g->data[i], BSZ, i, i);
    hr_buf_ring_advance(&g->st, BNBUF);
    return 0;
}

static void bgroup_down(struct bgroup *g)
{
    hr_free_buf_ring(&ring, &g->st);
    munmap(g->mem, 4096);
}

static void bundle_ring(void)
{
    ring_up(0);
    if (!(ring.features & IORING_FEAT_RECVSEND_BUNDLE))
        SKIP_BECAUSE("kernel lacks IORING_RECVSEND_BUNDLE (6.10, IORING_FEAT_RECVSEND_BUNDLE)");
}

static int t_send_bundle(void)
{
    static struct bgroup g;
    unsigned char in[128];
    struct hr_cqe c;
    int sv[2];
    CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
    bundle_ring();
    for (int i = 0; i < BNBUF; i++)
        memset(g.data[i], 'a' + i, BSZ);
    CHECK(bgroup_up(&g, 3) == 0);
    /* one send takes all four provided buffers, in ring order */
    struct hr_sqe *s = hr_get_sqe(&ring);
    hr_prep_send_bundle(s, sv[0], 0, 0);
    s->flags = IOSQE_BUFFER_SELECT;
    s->buf_index = 3;                                   /* buf_group */
    CHECK(reap(&ring, &c, 1) == 0);
    CHECKF(c.res == BNBUF * BSZ, "send bundle: res %d", c.res);
    CHECKF((c.flags & IORING_CQE_F_BUFFER) && (c.flags >> IORING_CQE_BUFFER_SHIFT) == 0,
           "send bundle: cqe flags %#x", c.flags);
    CHECK(recv(sv[1], in, sizeof in, MSG_DONTWAIT) == BNBUF * BSZ);
    for (int i = 0; i < BNBUF * BSZ; i++)
        CHECKF(in[i] == 'a' + i / BSZ, "send bundle: byte %d is %c", i, in[i]);
    bgroup_down(&g);
    hr_ring_exit(&ring);
    close(sv[0]); close(sv[1]);
    return HR_PASS;
}

static int t_recv_bundle(void)
{
    static struct bgroup g;
    unsigned char out[40];
    struct hr_cqe c;
    int sv[2];
    CHECK(socketpair(AF_UNIX, SOCK_STREAM, 0, sv) == 0);
    bundle_ring();
    memset(g.data, 0, sizeof g.data);
    CHECK(bgroup_up(&g, 4) == 0);
    for (int i = 0; i < (int)sizeof out; i++)
        out[i] = (unsigned char)(i + 1);
    CHECK(send(sv[0], out, sizeof out, 0) == (ssize_t)sizeof out);
    /* recv bundles until all 40 bytes are in: each takes the next provided
       buffers in ring order (the CQE names the first one), and the first
       already takes more than one (how many, the kernel decides: it may
       stop at what it knows is queued) */
    int got = 0, bid = 0;
    while (got < (int)sizeof out) {
        struct hr_sqe *s = hr_get_sqe(&ring);
        hr_prep_recv(s, sv[1], NULL, 0, 0);
        s->ioprio |= IORING_RECVSEND_BUNDLE;
        s->flags = IOSQE_BUFFER_SELECT;
        s->buf_index = 4;                               /* buf_group */
        CHECK(reap(&ring, &c, 1) == 0);
        CHECKF(c.res > 0 && got + c.res <= (int)sizeof out, "recv bundle: res %d after %d",
               c.res, got);
        CHECKF((c.flags & IORING_CQE_F_BUFFER) &&
               (int)(c.flags >> IORING_CQE_BUFFER_SHIFT) == bid,
               "recv bundle after %d bytes: cqe flags %#x, want bid %d", got, c.flags, bid);
        if (got == 0)
            CHECKF(c.res > BSZ, "recv bundle: the first took one buffer (res %d)", c.res);
        /* its bytes fill buffers bid, bid + 1, ... in order */
        for (int k = 0; k < c.res; k++)
            CHECKF(g.data[bid + k / BSZ][k % BSZ] == out[got + k],
                   "recv bundle: byte %d", got + k);
        bid += (c.res + BSZ - 1) / BSZ;
        got += c.res;
    }
    bgroup_down(&g);
    hr_ring_exit(&ring);
    close(sv[0]); close(sv[1]);
    return HR_PASS;
}

int main(int argc, char **argv)
{
    static const struct hr_case cases[] = {
        { "epoll_wait: waits, then one event; maxevents 0 refused", t_epoll_wait },
        { "pipe: two fds, O_CLOEXEC honoured, bad flag refused", t_pipe },
        { "pipe_direct: allocated and given slots carry data", t_pipe_direct },
        { "writev_fixed / readv_fixed: gather, scatter, outside refused", t_rwv_fixed },
        { "cmd_sock: setsockopt and getsockopt", t_cmd_sockopt },
        { "cmd_getsockname: bound address", t_cmd_getsockname },
        { "uring_cmd: SIOCINQ, unknown command", t_uring_cmd },
        { "nop INJECT_RESULT, unknown flag refused", t_nop_inject },
        { "nop FILE: open fd, closed fd", t_nop_file },
        { "nop FIXED_FILE: registered and empty slot", t_nop_fixed_file },
        { "nop FIXED_BUFFER: registered and missing index", t_nop_fixed_buffer },
        { "nop TW", t_nop_tw },
        { "nop CQE32: extras in the big CQE", t_nop_cqe32 },
        { "send bundle: four provided buffers in one send", t_send_bundle },
        { "recv bundle: 40 bytes over three provided buffers", t_recv_bundle },
    };
    static const struct hr_suite suite = { .name = "ops", .timeout_s = 20 };
    return hr_test_main(&suite, cases, (int)(sizeof cases / sizeof cases[0]), argc, argv);
}
