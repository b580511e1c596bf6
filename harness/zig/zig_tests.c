/* zig_tests.c -- the behaviour of the 41 live-kernel tests of Zig's
 * std.os.linux.IoUring (summarised in shared/reference/zig-iouring-tests.md),
 * written against the hringas C API.  Runner and helpers: zt.c / zt.h. */
#include "zt.h"

#include <sys/syscall.h>

/* SOCKET_URING_OP_* (uapi 6.7) may be missing from the installed header */
#ifndef SOCKET_URING_OP_GETSOCKOPT
#define SOCKET_URING_OP_SIOCINQ    0
#define SOCKET_URING_OP_SIOCOUTQ   1
#define SOCKET_URING_OP_GETSOCKOPT 2
#define SOCKET_URING_OP_SETSOCKOPT 3
#endif

static struct hr_sqe sqe_expect(uint8_t op, int32_t fd, uint64_t addr, uint32_t len, uint64_t off)
{
    struct hr_sqe e;
    memset(&e, 0, sizeof e);
    e.opcode = op;
    e.fd = fd;
    e.addr = addr;
    e.len = len;
    e.off = off;
    return e;
}

#define CHECK_SQE(got, exp) do { \
        const struct hr_sqe *g_ = (got), *x_ = (exp); \
        if (memcmp(g_, x_, sizeof *g_) != 0) \
            FAILF("SQE bytes differ: op %u/%u flags %u/%u ioprio %u/%u fd %d/%d off %llx/%llx " \
                  "addr %llx/%llx len %u/%u op_flags %x/%x ud %llx/%llx buf %u/%u pers %u/%u " \
                  "fidx %u/%u addr3 %llx/%llx pad %llx/%llx (got/expected)", \
                  g_->opcode, x_->opcode, g_->flags, x_->flags, g_->ioprio, x_->ioprio, \
                  g_->fd, x_->fd, (unsigned long long)g_->off, (unsigned long long)x_->off, \
                  (unsigned long long)g_->addr, (unsigned long long)x_->addr, g_->len, x_->len, \
                  g_->op_flags, x_->op_flags, (unsigned long long)g_->user_data, \
                  (unsigned long long)x_->user_data, g_->buf_index, x_->buf_index, \
                  g_->personality, x_->personality, g_->file_index, x_->file_index, \
                  (unsigned long long)g_->addr3, (unsigned long long)x_->addr3, \
                  (unsigned long long)g_->pad2, (unsigned long long)x_->pad2); \
    } while (0)

#define RING(var, entries, flags) \
    struct hr_ring *var; \
    do { int e_; var = zt_ring((entries), (flags), &e_); \
         if (!var) FAILF("hr_ring_init(%u): %d%s", (unsigned)(entries), e_, zt_errname(e_)); \
    } while (0)

static int make_file(const char *name, char *path, size_t plen, const void *data, size_t n)
{
    zt_path(path, plen, name);
    int fd = open(path, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0600);
    TRYC(fd);
    if (n && write(fd, data, n) != (ssize_t)n) {
        close(fd);
        FAILF("write %s: %s", path, strerror(errno));
    }
    close(fd);
    return T_PASS;
}

static int read_file(const char *path, void *buf, size_t cap, ssize_t *got)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    TRYC(fd);
    *got = read(fd, buf, cap);
    close(fd);
    TRYC(*got);
    return T_PASS;
}

/* ======================================================================== */
/* 1 */
static int t_structs(void)
{
    struct hr_ring r;
    CHECK_EQ(sizeof(struct io_uring_params), 120);
    CHECK_EQ(sizeof(struct hr_sqe), 64);
    CHECK_EQ(sizeof(struct io_uring_sqe), 64);
    CHECK_EQ(sizeof(struct hr_cqe), 16);
    CHECK_EQ(sizeof(struct io_uring_cqe), 16);
    CHECK_EQX(IORING_OFF_SQ_RING, 0);
    CHECK_EQX(IORING_OFF_CQ_RING, 0x8000000);
    CHECK_EQX(IORING_OFF_SQES, 0x10000000);

    memset(&r, 0x5a, sizeof r);
    int e0 = hr_ring_init(&r, 0, 0);
    CHECK_EQ(e0, -EINVAL);
    CHECK_EQ(r.ring_fd, -1);
    memset(&r, 0x5a, sizeof r);
    int e3 = hr_ring_init(&r, 3, 0);
    CHECK_EQ(e3, -EDOM);
    CHECK_EQ(r.ring_fd, -1);
    CHECK(e0 != e3);
    hr_ring_exit(&r);               /* after a failed init: does nothing */
    CHECK_EQ(r.ring_fd, -1);

    /* and a good one, for contrast */
    TRY(hr_ring_init(&r, 1, 0));
    CHECK(r.ring_fd >= 0);
    CHECK_EQ(r.sq.entries, 1);
    CHECK(r.cq.entries >= 2);
    hr_ring_exit(&r);
    CHECK_EQ(r.ring_fd, -1);
    hr_ring_exit(&r);               /* exactly once: a second call is a no-op */
    return T_PASS;
}

/* 2 */
static int t_nop(void)
{
    RING(r, 1, 0);
    struct hr_cqe c;

    CHECK_EQ(r->sq.sqe_head, 0);
    CHECK_EQ(r->sq.sqe_tail, 0);
    CHECK_EQ(*r->sq.ktail, 0);
    CHECK_EQ(r->cq.head, 0);
    struct hr_sqe *s = SQE(r);
    memset(s, 0xa5, sizeof *s);     /* prep must overwrite every byte */
    hr_prep_nop(s);
    hr_sqe_set_data64(s, 0xaaaaaaaa);
    struct hr_sqe e = sqe_expect(IORING_OP_NOP, -1, 0, 0, 0);
    e.user_data = 0xaaaaaaaa;
    CHECK_SQE(s, &e);

    CHECK_EQ(r->sq.sqe_head, 0);
    CHECK_EQ(r->sq.sqe_tail, 1);
    CHECK_EQ(*r->sq.ktail, 0);
    CHECK_EQ(r->cq.head, 0);
    CHECK_EQ(hr_sq_ready(r), 1);
    CHECK_EQ(hr_cq_ready(r), 0);

    CHECK_EQ(hr_submit(r), 1);
    CHECK_EQ(r->sq.sqe_head, 1);
    CHECK_EQ(r->sq.sqe_tail, 1);
    CHECK_EQ(*r->sq.ktail, 1);
    CHECK_EQ(r->cq.head, 0);
    CHECK_EQ(hr_sq_ready(r), 0);

    CHECK_EQ(hr_copy_cqes(r, &c, 1, 1), 1);
    CHECK_CQE(&c, 0xaaaaaaaa, 0, 0);
    CHECK_EQ(r->cq.head, 1);
    CHECK_EQ(*r->cq.khead, 1);
    CHECK_EQ(hr_cq_ready(r), 0);

    /* a NOP with IO_DRAIN */
    s = SQE(r);
    hr_prep_nop(s);
    hr_sqe_set_data64(s, 0xbbbbbbbb);
    hr_sqe_set_flags(s, IOSQE_IO_DRAIN);
    e = sqe_expect(IORING_OP_NOP, -1, 0, 0, 0);
    e.user_data = 0xbbbbbbbb;
    e.flags = IOSQE_IO_DRAIN;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    CHECK_EQ(r->sq.sqe_head, 2);
    CHECK_EQ(r->sq.sqe_tail, 2);
    CHECK_EQ(*r->sq.ktail, 2);
    CHECK_EQ(hr_copy_cqes(r, &c, 1, 1), 1);
    CHECK_CQE(&c, 0xbbbbbbbb, 0, 0);
    CHECK_EQ(r->cq.head, 2);
    CHECK_EQ(*r->cq.khead, 2);
    CHECK_EQ(hr_cq_ready(r), 0);
    CHECK_EQ(hr_sq_ready(r), 0);
    return T_PASS;
}

/* 3 */
static int t_readv(void)
{
    RING(r, 1, 0);
    NEED_OP(r, IORING_OP_READV, "READV");
    unsigned char buf[128];
    struct iovec iov = { buf, sizeof buf };
    struct hr_cqe c;
    int fd = zt_fd(open("/dev/zero", O_RDONLY | O_CLOEXEC));
    TRYC(fd);
    TRY(hr_register_files(r, &fd, 1));

    memset(buf, 0xff, sizeof buf);
    struct hr_sqe *s = SQE(r);
    hr_prep_readv(s, 0, &iov, 1, 0);
    hr_sqe_set_flags(s, IOSQE_FIXED_FILE);
    hr_sqe_set_data64(s, 0xcccccccc);
    struct hr_sqe e = sqe_expect(IORING_OP_READV, 0, (uint64_t)(uintptr_t)&iov, 1, 0);
    e.flags = IOSQE_FIXED_FILE;
    e.user_data = 0xcccccccc;
    CHECK_SQE(s, &e);
    /* a second SQE on a 1-entry ring: the submission queue is full */
    CHECK(hr_get_sqe(r) == NULL);
    CHECK_EQ(hr_sq_space_left(r), 0);
    CHECK_EQ(r->sq.sqe_tail, 1);
    CHECK_EQ(hr_submit(r), 1);
    CHECK_EQ(hr_copy_cqes(r, &c, 1, 1), 1);
    CHECK_CQE(&c, 0xcccccccc, (int)sizeof buf, 0);
    for (size_t i = 0; i < sizeof buf; i++)
        if (buf[i] != 0)
            FAILF("buf[%zu] = %u after readv from /dev/zero", i, buf[i]);
    TRY(hr_unregister_files(r));
    return T_PASS;
}

/* 4 */
static int t_writev_fsync_readv(void)
{
    RING(r, 4, 0);
    NEED_OP(r, IORING_OP_WRITEV, "WRITEV");
    NEED_OP(r, IORING_OP_FSYNC, "FSYNC");
    NEED_OP(r, IORING_OP_READV, "READV");
    char path[300];
    unsigned char out[128], in[128];
    struct iovec ov = { out, sizeof out }, iv = { in, sizeof in };
    struct hr_cqe c[3];
    zt_path(path, sizeof path, "test_io_uring_writev_fsync_readv");
    int fd = zt_fd(open(path, O_CREAT | O_TRUNC | O_RDWR | O_CLOEXEC, 0600));
    TRYC(fd);
    zt_fill(out, sizeof out, 4);
    memset(in, 0, sizeof in);

    struct hr_sqe *s = SQE(r);
    hr_prep_writev(s, fd, &ov, 1, 17);
    hr_sqe_set_flags(s, IOSQE_IO_LINK);
    hr_sqe_set_data64(s, 0xdddddddd);
    s = SQE(r);
    hr_prep_fsync(s, fd, 0);
    hr_sqe_set_flags(s, IOSQE_IO_LINK);
    hr_sqe_set_data64(s, 0xeeeeeeee);
    struct hr_sqe e = sqe_expect(IORING_OP_FSYNC, fd, 0, 0, 0);
    e.flags = IOSQE_IO_LINK;
    e.user_data = 0xeeeeeeee;
    CHECK_SQE(s, &e);
    s = SQE(r);
    hr_prep_readv(s, fd, &iv, 1, 17);
    hr_sqe_set_data64(s, 0xffffffff);

    CHECK_EQ(hr_sq_ready(r), 3);
    CHECK_EQ(hr_submit_and_wait(r, 3), 3);
    CHECK_EQ(hr_sq_ready(r), 0);
    CHECK_EQ(hr_cq_ready(r), 3);
    CHECK_EQ(hr_copy_cqes(r, c, 3, 0), 3);
    CHECK_EQ(hr_cq_ready(r), 0);
    CHECK_CQE(&c[0], 0xdddddddd, (int)sizeof out, 0);
    CHECK_CQE(&c[1], 0xeeeeeeee, 0, 0);
    CHECK_CQE(&c[2], 0xffffffff, (int)sizeof in, 0);
    CHECK(memcmp(out, in, sizeof in) == 0);
    struct stat st;
    TRYC(fstat(fd, &st));
    CHECK_EQ(st.st_size, 17 + (long)sizeof out);
    return T_PASS;
}

/* 5 */
static int t_write_read(void)
{
    RING(r, 2, 0);
    NEED_OP(r, IORING_OP_WRITE, "WRITE");
    NEED_OP(r, IORING_OP_READ, "READ");
    char path[300];
    unsigned char out[20], in[20];
    struct hr_cqe c[2];
    zt_path(path, sizeof path, "test_io_uring_write_read");
    int fd = zt_fd(open(path, O_CREAT | O_TRUNC | O_RDWR | O_CLOEXEC, 0600));
    TRYC(fd);
    zt_fill(out, sizeof out, 5);
    memset(in, 0, sizeof in);

    struct hr_sqe *s = SQE(r);
    hr_prep_write(s, fd, out, sizeof out, 10);
    hr_sqe_set_flags(s, IOSQE_IO_LINK);
    hr_sqe_set_data64(s, 0x11111111);
    struct hr_sqe e = sqe_expect(IORING_OP_WRITE, fd, (uint64_t)(uintptr_t)out, sizeof out, 10);
    e.flags = IOSQE_IO_LINK;
    e.user_data = 0x11111111;
    CHECK_SQE(s, &e);
    s = SQE(r);
    hr_prep_read(s, fd, in, sizeof in, 10);
    hr_sqe_set_data64(s, 0x22222222);
    CHECK_EQ(hr_submit(r), 2);
    WAIT(r, c, 2);
    CHECK_CQE(&c[0], 0x11111111, (int)sizeof out, 0);
    CHECK_CQE(&c[1], 0x22222222, (int)sizeof in, 0);
    CHECK(memcmp(out, in, sizeof in) == 0);
    return T_PASS;
}

/* 6 */
static int t_splice_read(void)
{
    RING(r, 4, 0);
    NEED_OP(r, IORING_OP_SPLICE, "SPLICE");
    NEED_OP(r, IORING_OP_READ, "READ");
    char pa[300], pb[300];
    unsigned char data[64], back[64];
    struct hr_cqe c[3];
    int p[2];
    zt_fill(data, sizeof data, 6);
    RUN(make_file("splice_src", pa, sizeof pa, data, sizeof data));
    zt_path(pb, sizeof pb, "splice_dst");
    int fa = zt_fd(open(pa, O_RDONLY | O_CLOEXEC));
    int fb = zt_fd(open(pb, O_CREAT | O_TRUNC | O_RDWR | O_CLOEXEC, 0600));
    TRYC(fa);
    TRYC(fb);
    TRYC(pipe2(p, O_CLOEXEC));
    zt_fd(p[0]);
    zt_fd(p[1]);
    memset(back, 0, sizeof back);

    struct hr_sqe *s = SQE(r);
    hr_prep_splice(s, fa, 0, p[1], -1, sizeof data, 0);
    hr_sqe_set_flags(s, IOSQE_IO_LINK);
    hr_sqe_set_data64(s, 0x11111111);
    struct hr_sqe e = sqe_expect(IORING_OP_SPLICE, p[1], 0, sizeof data, (uint64_t)-1);
    e.file_index = (uint32_t)fa;                  /* splice_fd_in */
    e.flags = IOSQE_IO_LINK;
    e.user_data = 0x11111111;
    CHECK_SQE(s, &e);
    s = SQE(r);
    hr_prep_splice(s, p[0], -1, fb, 10, sizeof data, 0);
    hr_sqe_set_flags(s, IOSQE_IO_LINK);
    hr_sqe_set_data64(s, 0x22222222);
    e = sqe_expect(IORING_OP_SPLICE, fb, (uint64_t)-1 /* splice_off_in */, sizeof data, 10);
    e.file_index = (uint32_t)p[0];
    e.flags = IOSQE_IO_LINK;
    e.user_data = 0x22222222;
    CHECK_SQE(s, &e);
    s = SQE(r);
    hr_prep_read(s, fb, back, sizeof back, 10);
    hr_sqe_set_data64(s, 0x33333333);
    CHECK_EQ(hr_submit(r), 3);
    WAIT(r, c, 3);
    SKIP_IF_UNSUPPORTED(c[0].res, "IORING_OP_SPLICE");
    CHECK_CQE(&c[0], 0x11111111, (int)sizeof data, 0);
    CHECK_CQE(&c[1], 0x22222222, (int)sizeof data, 0);
    CHECK_CQE(&c[2], 0x33333333, (int)sizeof back, 0);
    CHECK(memcmp(data, back, sizeof data) == 0);
    return T_PASS;
}

/* 7 */
static int t_write_read_fixed(void)
{
    RING(r, 2, 0);
    NEED_OP(r, IORING_OP_WRITE_FIXED, "WRITE_FIXED");
    NEED_OP(r, IORING_OP_READ_FIXED, "READ_FIXED");
    char path[300];
    static unsigned char raw[2][96];
    struct iovec iov[2] = { { raw[0], sizeof raw[0] }, { raw[1], sizeof raw[1] } };
    struct hr_cqe c[2];
    zt_path(path, sizeof path, "test_io_uring_write_read_fixed");
    int fd = zt_fd(open(path, O_CREAT | O_TRUNC | O_RDWR | O_CLOEXEC, 0600));
    TRYC(fd);
    TRY(hr_register_buffers(r, iov, 2));
    zt_fill(raw[0], sizeof raw[0], 7);
    memset(raw[1], 'z', sizeof raw[1]);

    struct hr_sqe *s = SQE(r);
    hr_prep_write_fixed(s, fd, raw[0], sizeof raw[0], 3, 0);
    hr_sqe_set_flags(s, IOSQE_IO_LINK);
    hr_sqe_set_data64(s, 0x45454545);
    struct hr_sqe e = sqe_expect(IORING_OP_WRITE_FIXED, fd, (uint64_t)(uintptr_t)raw[0],
                                 sizeof raw[0], 3);
    e.buf_index = 0;
    e.flags = IOSQE_IO_LINK;
    e.user_data = 0x45454545;
    CHECK_SQE(s, &e);
    s = SQE(r);
    hr_prep_read_fixed(s, fd, raw[1], sizeof raw[1], 3, 1);
    hr_sqe_set_data64(s, 0x12121212);
    e = sqe_expect(IORING_OP_READ_FIXED, fd, (uint64_t)(uintptr_t)raw[1], sizeof raw[1], 3);
    e.buf_index = 1;
    e.user_data = 0x12121212;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 2);
    WAIT(r, c, 2);
    CHECK_CQE(&c[0], 0x45454545, (int)sizeof raw[0], 0);
    CHECK_CQE(&c[1], 0x12121212, (int)sizeof raw[1], 0);
    CHECK(memcmp(raw[0], raw[1], sizeof raw[0]) == 0);
    TRY(hr_unregister_buffers(r));
    return T_PASS;
}

/* 8 */
static int t_openat(void)
{
    RING(r, 1, 0);
    NEED_OP(r, IORING_OP_OPENAT, "OPENAT");
    char path[300];
    struct hr_cqe c;
    zt_path(path, sizeof path, "test_io_uring_openat");
    const int flags = O_CLOEXEC | O_RDWR | O_CREAT;
    struct hr_sqe *s = SQE(r);
    hr_prep_openat(s, AT_FDCWD, path, flags, 0666);
    hr_sqe_set_data64(s, 0x33333333);
    struct hr_sqe e = sqe_expect(IORING_OP_OPENAT, AT_FDCWD, (uint64_t)(uintptr_t)path, 0666, 0);
    e.op_flags = (uint32_t)flags;
    e.user_data = 0x33333333;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    SKIP_IF_UNSUPPORTED(c.res, "IORING_OP_OPENAT");
    if (c.res < 0)
        FAILF("openat: %d%s", c.res, zt_errname(c.res));
    zt_fd(c.res);
    CHECK_EQX(c.user_data, 0x33333333);
    CHECK_EQX(c.flags, 0);
    int fdflags = fcntl(c.res, F_GETFD);
    CHECK(fdflags >= 0 && (fdflags & FD_CLOEXEC));
    struct stat a, b;
    TRYC(fstat(c.res, &a));
    TRYC(stat(path, &b));
    CHECK(a.st_ino == b.st_ino && S_ISREG(a.st_mode));
    return T_PASS;
}

/* 9 */
static int t_close(void)
{
    RING(r, 1, 0);
    NEED_OP(r, IORING_OP_CLOSE, "CLOSE");
    char path[300];
    struct hr_cqe c;
    RUN(make_file("test_io_uring_close", path, sizeof path, "x", 1));
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    TRYC(fd);
    struct hr_sqe *s = SQE(r);
    hr_prep_close(s, fd);
    hr_sqe_set_data64(s, 0x44444444);
    struct hr_sqe e = sqe_expect(IORING_OP_CLOSE, fd, 0, 0, 0);
    e.user_data = 0x44444444;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    if (c.res == -EINVAL || c.res == -EBADF) {
        close(fd);
        SKIPF("kernel lacks IORING_OP_CLOSE%s", zt_errname(c.res));
    }
    CHECK_CQE(&c, 0x44444444, 0, 0);
    CHECK(fcntl(fd, F_GETFD) < 0 && errno == EBADF);
    return T_PASS;
}

/* 10 */
static int t_accept_connect_send_recv(void)
{
    RING(r, 16, 0);
    NEED_OP(r, IORING_OP_ACCEPT, "ACCEPT");
    NEED_OP(r, IORING_OP_CONNECT, "CONNECT");
    NEED_OP(r, IORING_OP_SEND, "SEND");
    NEED_OP(r, IORING_OP_RECV, "RECV");
    int srv, cli;
    struct hr_cqe c[2];
    char out[] = "\x01\x00\x01\x01\x00\x00\x00\x01", in[16];
    RUN(zt_ring_tcp_pair(r, &srv, &cli));
    memset(in, 0, sizeof in);

    struct hr_sqe *s = SQE(r);
    hr_prep_send(s, cli, out, 8, 0);
    hr_sqe_set_flags(s, IOSQE_IO_LINK);
    hr_sqe_set_data64(s, 0xeeeeeeee);
    struct hr_sqe e = sqe_expect(IORING_OP_SEND, cli, (uint64_t)(uintptr_t)out, 8, 0);
    e.flags = IOSQE_IO_LINK;
    e.user_data = 0xeeeeeeee;
    CHECK_SQE(s, &e);
    s = SQE(r);
    hr_prep_recv(s, srv, in, sizeof in, 0);
    hr_sqe_set_data64(s, 0xffffffff);
    CHECK_EQ(hr_submit_and_wait(r, 2), 2);
    WAIT(r, c, 2);
    CHECK_CQE(&c[0], 0xeeeeeeee, 8, 0);
    /* IORING_CQE_F_SOCK_NONEMPTY may be set on the recv: mask it */
    CHECK_EQX(c[1].user_data, 0xffffffff);
    CHECK_EQ(c[1].res, 8);
    CHECK_EQX(c[1].flags & ~(uint32_t)IORING_CQE_F_SOCK_NONEMPTY, 0);
    CHECK(memcmp(out, in, 8) == 0);
    return T_PASS;
}

/* 11 */
static int t_sendmsg_recvmsg(void)
{
    RING(r, 2, 0);
    NEED_OP(r, IORING_OP_SENDMSG, "SENDMSG");
    NEED_OP(r, IORING_OP_RECVMSG, "RECVMSG");
    struct sockaddr_in sa, ca, from;
    socklen_t al = sizeof sa;
    struct hr_cqe c[2];
    unsigned char out[32], in[32];
    int srv = zt_fd(socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    int cli = zt_fd(socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0));
    TRYC(srv);
    TRYC(cli);
    memset(&sa, 0, sizeof sa);
    sa.sin_family = AF_INET;
    sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ca = sa;
    TRYC(bind(srv, (struct sockaddr *)&sa, sizeof sa));
    TRYC(getsockname(srv, (struct sockaddr *)&sa, &al));
    TRYC(bind(cli, (struct sockaddr *)&ca, sizeof ca));
    al = sizeof ca;
    TRYC(getsockname(cli, (struct sockaddr *)&ca, &al));
    zt_fill(out, sizeof out, 11);
    memset(in, 0, sizeof in);
    memset(&from, 0, sizeof from);

    struct iovec ov = { out, sizeof out }, iv = { in, sizeof in };
    struct msghdr sm = { .msg_name = &sa, .msg_namelen = sizeof sa, .msg_iov = &ov,
                         .msg_iovlen = 1 };
    struct msghdr rm = { .msg_name = &from, .msg_namelen = sizeof from, .msg_iov = &iv,
                         .msg_iovlen = 1 };
    struct hr_sqe *s = SQE(r);
    hr_prep_sendmsg(s, cli, &sm, 0);
    hr_sqe_set_flags(s, IOSQE_IO_LINK);
    hr_sqe_set_data64(s, 0x11111111);
    struct hr_sqe e = sqe_expect(IORING_OP_SENDMSG, cli, (uint64_t)(uintptr_t)&sm, 1, 0);
    e.flags = IOSQE_IO_LINK;
    e.user_data = 0x11111111;
    CHECK_SQE(s, &e);
    s = SQE(r);
    hr_prep_recvmsg(s, srv, &rm, 0);
    hr_sqe_set_data64(s, 0x22222222);
    e = sqe_expect(IORING_OP_RECVMSG, srv, (uint64_t)(uintptr_t)&rm, 1, 0);
    e.user_data = 0x22222222;
    CHECK_SQE(s, &e);

    CHECK_EQ(hr_sq_ready(r), 2);
    CHECK_EQ(hr_submit_and_wait(r, 2), 2);
    CHECK_EQ(hr_sq_ready(r), 0);
    CHECK_EQ(hr_cq_ready(r), 2);
    CHECK_EQ(hr_copy_cqes(r, c, 2, 0), 2);
    CHECK_EQ(hr_cq_ready(r), 0);
    SKIP_IF_UNSUPPORTED(c[0].res, "IORING_OP_SENDMSG");
    CHECK_CQE(&c[0], 0x11111111, (int)sizeof out, 0);
    CHECK_CQE(&c[1], 0x22222222, (int)sizeof in, 0);
    CHECK(memcmp(out, in, sizeof in) == 0);
    CHECK_EQ(rm.msg_namelen, sizeof from);
    CHECK_EQ(from.sin_port, ca.sin_port);
    CHECK_EQX(from.sin_addr.s_addr, htonl(INADDR_LOOPBACK));
    return T_PASS;
}

/* 12 */
static int t_timeout_relative(void)
{
    RING(r, 1, 0);
    NEED_OP(r, IORING_OP_TIMEOUT, "TIMEOUT");
    struct hr_cqe c;
    struct __kernel_timespec ts = { .tv_sec = 0, .tv_nsec = 10 * 1000 * 1000 };
    struct hr_sqe *s = SQE(r);
    hr_prep_timeout(s, &ts, 0, 0);
    hr_sqe_set_data64(s, 0x55555555);
    struct hr_sqe e = sqe_expect(IORING_OP_TIMEOUT, -1, (uint64_t)(uintptr_t)&ts, 1, 0);
    e.user_data = 0x55555555;
    CHECK_SQE(s, &e);
    uint64_t t0 = zt_now_ns();
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    uint64_t dt = zt_now_ns() - t0;
    CHECK_CQE(&c, 0x55555555, -ETIME, 0);
    if (dt < 10 * 1000000u || dt > 500 * 1000000u)
        FAILF("10 ms timeout completed after %.3f ms", (double)dt / 1e6);
    return T_PASS;
}

/* 13 */
static int t_timeout_count(void)
{
    RING(r, 2, 0);
    NEED_OP(r, IORING_OP_TIMEOUT, "TIMEOUT");
    struct hr_cqe c[2];
    struct __kernel_timespec ts = { .tv_sec = 3, .tv_nsec = 0 };
    struct hr_sqe *s = SQE(r);
    hr_prep_timeout(s, &ts, 1, 0);
    hr_sqe_set_data64(s, 0x66666666);
    struct hr_sqe e = sqe_expect(IORING_OP_TIMEOUT, -1, (uint64_t)(uintptr_t)&ts, 1, 1);
    e.user_data = 0x66666666;
    CHECK_SQE(s, &e);
    s = SQE(r);
    hr_prep_nop(s);
    hr_sqe_set_data64(s, 0x77777777);
    uint64_t t0 = zt_now_ns();
    CHECK_EQ(hr_submit(r), 2);
    WAIT(r, c, 2);
    uint64_t dt = zt_now_ns() - t0;
    CHECK_CQE(&c[0], 0x77777777, 0, 0);
    CHECK_CQE(&c[1], 0x66666666, 0, 0);
    if (dt > 1000 * 1000000u)
        FAILF("count timeout took %.1f ms: it waited for its timer", (double)dt / 1e6);
    return T_PASS;
}

/* 14 */
static int t_timeout_remove(void)
{
    RING(r, 2, 0);
    NEED_OP(r, IORING_OP_TIMEOUT, "TIMEOUT");
    NEED_OP(r, IORING_OP_TIMEOUT_REMOVE, "TIMEOUT_REMOVE");
    struct hr_cqe c[2];
    struct __kernel_timespec ts = { .tv_sec = 3, .tv_nsec = 0 };
    struct hr_sqe *s = SQE(r);
    hr_prep_timeout(s, &ts, 0, 0);
    hr_sqe_set_data64(s, 0x88888888);
    s = SQE(r);
    hr_prep_timeout_remove(s, 0x88888888, 0);
    hr_sqe_set_data64(s, 0x99999999);
    struct hr_sqe e = sqe_expect(IORING_OP_TIMEOUT_REMOVE, -1, 0x88888888, 0, 0);
    e.user_data = 0x99999999;
    CHECK_SQE(s, &e);
    uint64_t t0 = zt_now_ns();
    CHECK_EQ(hr_submit(r), 2);
    WAIT(r, c, 2);
    CHECK(zt_now_ns() - t0 < 1000 * 1000000u);
    SKIP_IF_UNSUPPORTED(FIND(c, 2, 0x99999999)->res, "IORING_OP_TIMEOUT_REMOVE");
    /* the two CQEs may come in either order */
    CHECK_CQE(FIND(c, 2, 0x88888888), 0x88888888, -ECANCELED, 0);
    CHECK_CQE(FIND(c, 2, 0x99999999), 0x99999999, 0, 0);
    return T_PASS;
}

/* 15 */
static int t_link_timeout(void)
{
    RING(r, 8, 0);
    NEED_OP(r, IORING_OP_ACCEPT, "ACCEPT");
    NEED_OP(r, IORING_OP_CONNECT, "CONNECT");
    NEED_OP(r, IORING_OP_RECV, "RECV");
    NEED_OP(r, IORING_OP_LINK_TIMEOUT, "LINK_TIMEOUT");
    int srv, cli;
    char buf[8];
    struct hr_cqe c[2];
    struct __kernel_timespec ts = { .tv_sec = 0, .tv_nsec = 1000000 };
    RUN(zt_ring_tcp_pair(r, &srv, &cli));
    struct hr_sqe *s = SQE(r);
    hr_prep_recv(s, srv, buf, sizeof buf, 0);
    hr_sqe_set_flags(s, IOSQE_IO_LINK);
    hr_sqe_set_data64(s, 0xffffffff);
    s = SQE(r);
    hr_prep_link_timeout(s, &ts, 0);
    hr_sqe_set_data64(s, 0x22222222);
    struct hr_sqe e = sqe_expect(IORING_OP_LINK_TIMEOUT, -1, (uint64_t)(uintptr_t)&ts, 1, 0);
    e.user_data = 0x22222222;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 2);
    WAIT(r, c, 2);
    const struct hr_cqe *rc = FIND(c, 2, 0xffffffff), *tc = FIND(c, 2, 0x22222222);
    if (rc->res != -EINTR && rc->res != -ECANCELED)
        FAILF("recv: %d%s, expected -EINTR or -ECANCELED", rc->res, zt_errname(rc->res));
    if (tc->res != -EALREADY && tc->res != -ETIME && tc->res != 0)
        FAILF("link timeout: %d%s, expected -EALREADY or -ETIME", tc->res,
              zt_errname(tc->res));
    CHECK_EQX(rc->flags, 0);
    CHECK_EQX(tc->flags, 0);
    return T_PASS;
}

/* 16 */
static int t_fallocate(void)
{
    RING(r, 1, 0);
    NEED_OP(r, IORING_OP_FALLOCATE, "FALLOCATE");
    char path[300];
    struct hr_cqe c;
    struct stat st;
    zt_path(path, sizeof path, "test_io_uring_fallocate");
    int fd = zt_fd(open(path, O_CREAT | O_TRUNC | O_RDWR | O_CLOEXEC, 0600));
    TRYC(fd);
    TRYC(fstat(fd, &st));
    CHECK_EQ(st.st_size, 0);
    struct hr_sqe *s = SQE(r);
    hr_prep_fallocate(s, fd, 0, 0, 65536);
    hr_sqe_set_data64(s, 0xaaaaaaaa);
    struct hr_sqe e = sqe_expect(IORING_OP_FALLOCATE, fd, 65536, 0, 0);
    e.user_data = 0xaaaaaaaa;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    if (c.res == -EOPNOTSUPP)
        SKIPF("the file system of %s lacks fallocate", zt_dir);
    SKIP_IF_UNSUPPORTED(c.res, "IORING_OP_FALLOCATE");
    CHECK_CQE(&c, 0xaaaaaaaa, 0, 0);
    TRYC(fstat(fd, &st));
    CHECK_EQ(st.st_size, 65536);
    return T_PASS;
}

/* 17 */
static int t_statx(void)
{
    RING(r, 1, 0);
    NEED_OP(r, IORING_OP_STATX, "STATX");
    char path[300];
    unsigned char data[6];
    struct hr_cqe c;
    struct statx sx;
    zt_fill(data, sizeof data, 17);
    RUN(make_file("test_io_uring_statx", path, sizeof path, data, sizeof data));
    memset(&sx, 0, sizeof sx);
    struct hr_sqe *s = SQE(r);
    hr_prep_statx(s, AT_FDCWD, path, 0, STATX_SIZE, &sx);
    hr_sqe_set_data64(s, 0xaaaaaaaa);
    struct hr_sqe e = sqe_expect(IORING_OP_STATX, AT_FDCWD, (uint64_t)(uintptr_t)path,
                                 STATX_SIZE, (uint64_t)(uintptr_t)&sx);
    e.user_data = 0xaaaaaaaa;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    SKIP_IF_UNSUPPORTED(c.res, "IORING_OP_STATX");
    CHECK_CQE(&c, 0xaaaaaaaa, 0, 0);
    CHECK(sx.stx_mask & STATX_SIZE);
    CHECK_EQ(sx.stx_size, sizeof data);
    return T_PASS;
}

/* 18 */
static int t_cancel(void)
{
    RING(r, 8, 0);
    NEED_OP(r, IORING_OP_ACCEPT, "ACCEPT");
    NEED_OP(r, IORING_OP_CONNECT, "CONNECT");
    NEED_OP(r, IORING_OP_RECV, "RECV");
    NEED_OP(r, IORING_OP_ASYNC_CANCEL, "ASYNC_CANCEL");
    int srv, cli;
    char buf[8];
    struct hr_cqe c[2];
    RUN(zt_ring_tcp_pair(r, &srv, &cli));
    struct hr_sqe *s = SQE(r);
    hr_prep_recv(s, srv, buf, sizeof buf, 0);
    hr_sqe_set_data64(s, 0xffffffff);
    CHECK_EQ(hr_submit(r), 1);
    CHECK(zt_no_cqe(r, 20));           /* the recv is pending */
    s = SQE(r);
    hr_prep_cancel64(s, 0xffffffff, 0);
    hr_sqe_set_data64(s, 0x99999999);
    struct hr_sqe e = sqe_expect(IORING_OP_ASYNC_CANCEL, -1, 0xffffffff, 0, 0);
    e.user_data = 0x99999999;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, c, 2);
    CHECK_CQE(FIND(c, 2, 0xffffffff), 0xffffffff, -ECANCELED, 0);
    CHECK_CQE(FIND(c, 2, 0x99999999), 0x99999999, 0, 0);
    return T_PASS;
}

/* 19 */
static int t_register_files_update(void)
{
    RING(r, 1, 0);
    NEED_OP(r, IORING_OP_READ, "READ");
    unsigned char buf[64];
    struct hr_cqe c;
    int fd = zt_fd(open("/dev/zero", O_RDONLY | O_CLOEXEC));
    TRYC(fd);
    int fds[4] = { -1, -1, -1, -1 };
    int rr = hr_register_files(r, fds, 4);
    SKIP_IF_UNSUPPORTED(rr, "sparse registered files (-1 entries)");
    TRY(rr);

    /* fill slots 0 and 1 */
    int two[2] = { fd, fd };
    CHECK_EQ(hr_register_files_update(r, 0, two, 2), 2);
    for (int slot = 0; slot < 2; slot++) {
        memset(buf, 0xee, sizeof buf);
        struct hr_sqe *s = SQE(r);
        hr_prep_read(s, slot, buf, sizeof buf, 0);
        hr_sqe_set_flags(s, IOSQE_FIXED_FILE);
        hr_sqe_set_data64(s, 0xcccccccc + (unsigned)slot);
        CHECK_EQ(hr_submit(r), 1);
        WAIT(r, &c, 1);
        CHECK_CQE(&c, 0xcccccccc + (unsigned)slot, (int)sizeof buf, 0);
        for (size_t i = 0; i < sizeof buf; i++)
            CHECK_EQ(buf[i], 0);
    }
    /* a slot never filled is empty */
    struct hr_sqe *s = SQE(r);
    hr_prep_read(s, 2, buf, sizeof buf, 0);
    hr_sqe_set_flags(s, IOSQE_FIXED_FILE);
    hr_sqe_set_data64(s, 0xdddddddd);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    CHECK_CQE(&c, 0xdddddddd, -EBADF, 0);

    /* unset slot 1: reads through it fail with -EBADF, slot 0 still works */
    int none = -1;
    CHECK_EQ(hr_register_files_update(r, 1, &none, 1), 1);
    s = SQE(r);
    hr_prep_read(s, 1, buf, sizeof buf, 0);
    hr_sqe_set_flags(s, IOSQE_FIXED_FILE);
    hr_sqe_set_data64(s, 0xeeeeeeee);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    CHECK_CQE(&c, 0xeeeeeeee, -EBADF, 0);
    s = SQE(r);
    hr_prep_read(s, 0, buf, sizeof buf, 0);
    hr_sqe_set_flags(s, IOSQE_FIXED_FILE);
    hr_sqe_set_data64(s, 0xffffffff);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    CHECK_CQE(&c, 0xffffffff, (int)sizeof buf, 0);
    TRY(hr_unregister_files(r));
    return T_PASS;
}

/* 20 */
static int t_shutdown(void)
{
    RING(r, 2, 0);
    NEED_OP(r, IORING_OP_SHUTDOWN, "SHUTDOWN");
    struct sockaddr_in a;
    struct hr_cqe c;
    int lfd = zt_tcp_listener(&a);
    TRY(lfd);
    struct hr_sqe *s = SQE(r);
    hr_prep_shutdown(s, lfd, SHUT_RD);
    hr_sqe_set_data64(s, 0x445445445);
    struct hr_sqe e = sqe_expect(IORING_OP_SHUTDOWN, lfd, 0, SHUT_RD, 0);
    e.user_data = 0x445445445;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    SKIP_IF_UNSUPPORTED(c.res, "IORING_OP_SHUTDOWN");
    CHECK_CQE(&c, 0x445445445, 0, 0);

    int u = zt_fd(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    TRYC(u);
    s = SQE(r);
    hr_prep_shutdown(s, u, SHUT_RDWR);
    hr_sqe_set_data64(s, 0x445445446);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    CHECK_CQE(&c, 0x445445446, -ENOTCONN, 0);
    return T_PASS;
}

/* 21 */
static int t_renameat(void)
{
    RING(r, 1, 0);
    NEED_OP(r, IORING_OP_RENAMEAT, "RENAMEAT");
    char oldp[300], newp[300], back[32];
    struct hr_cqe c;
    struct stat st;
    ssize_t n;
    RUN(make_file("test_io_uring_renameat", oldp, sizeof oldp, "hello", 5));
    RUN(make_file("test_io_uring_renameat_new", newp, sizeof newp, "old contents", 12));
    struct hr_sqe *s = SQE(r);
    hr_prep_renameat(s, AT_FDCWD, oldp, AT_FDCWD, newp, 0);
    hr_sqe_set_data64(s, 0x12121212);
    struct hr_sqe e = sqe_expect(IORING_OP_RENAMEAT, AT_FDCWD, (uint64_t)(uintptr_t)oldp,
                                 (uint32_t)AT_FDCWD, (uint64_t)(uintptr_t)newp);
    e.user_data = 0x12121212;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    SKIP_IF_UNSUPPORTED(c.res, "IORING_OP_RENAMEAT");
    CHECK_CQE(&c, 0x12121212, 0, 0);
    CHECK(stat(oldp, &st) < 0 && errno == ENOENT);
    RUN(read_file(newp, back, sizeof back, &n));
    CHECK_EQ(n, 5);
    CHECK(memcmp(back, "hello", 5) == 0);
    return T_PASS;
}

/* 22 */
static int t_unlinkat(void)
{
    RING(r, 1, 0);
    NEED_OP(r, IORING_OP_UNLINKAT, "UNLINKAT");
    char path[300];
    struct hr_cqe c;
    struct stat st;
    RUN(make_file("test_io_uring_unlinkat", path, sizeof path, "", 0));
    struct hr_sqe *s = SQE(r);
    hr_prep_unlinkat(s, AT_FDCWD, path, 0);
    hr_sqe_set_data64(s, 0x12121212);
    struct hr_sqe e = sqe_expect(IORING_OP_UNLINKAT, AT_FDCWD, (uint64_t)(uintptr_t)path, 0, 0);
    e.user_data = 0x12121212;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    SKIP_IF_UNSUPPORTED(c.res, "IORING_OP_UNLINKAT");
    CHECK_CQE(&c, 0x12121212, 0, 0);
    CHECK(stat(path, &st) < 0 && errno == ENOENT);
    return T_PASS;
}

/* 23 */
static int t_mkdirat(void)
{
    RING(r, 1, 0);
    NEED_OP(r, IORING_OP_MKDIRAT, "MKDIRAT");
    char path[300];
    struct hr_cqe c;
    struct stat st;
    zt_path(path, sizeof path, "test_io_uring_mkdirat");
    struct hr_sqe *s = SQE(r);
    hr_prep_mkdirat(s, AT_FDCWD, path, 0700);
    hr_sqe_set_data64(s, 0x12121212);
    struct hr_sqe e = sqe_expect(IORING_OP_MKDIRAT, AT_FDCWD, (uint64_t)(uintptr_t)path, 0700, 0);
    e.user_data = 0x12121212;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    SKIP_IF_UNSUPPORTED(c.res, "IORING_OP_MKDIRAT");
    CHECK_CQE(&c, 0x12121212, 0, 0);
    TRYC(stat(path, &st));
    CHECK(S_ISDIR(st.st_mode));
    CHECK_EQ(st.st_mode & 0777, 0700);
    return T_PASS;
}

/* 24 */
static int t_symlinkat(void)
{
    RING(r, 1, 0);
    NEED_OP(r, IORING_OP_SYMLINKAT, "SYMLINKAT");
    char target[300], link[300], back[300];
    struct hr_cqe c;
    struct stat st;
    RUN(make_file("test_io_uring_symlinkat", target, sizeof target, "x", 1));
    zt_path(link, sizeof link, "test_io_uring_symlinkat_link");
    struct hr_sqe *s = SQE(r);
    hr_prep_symlinkat(s, target, AT_FDCWD, link);
    hr_sqe_set_data64(s, 0x12121212);
    struct hr_sqe e = sqe_expect(IORING_OP_SYMLINKAT, AT_FDCWD, (uint64_t)(uintptr_t)target, 0,
                                 (uint64_t)(uintptr_t)link);
    e.user_data = 0x12121212;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    SKIP_IF_UNSUPPORTED(c.res, "IORING_OP_SYMLINKAT");
    CHECK_CQE(&c, 0x12121212, 0, 0);
    TRYC(lstat(link, &st));
    CHECK(S_ISLNK(st.st_mode));
    ssize_t n = readlink(link, back, sizeof back);
    TRYC(n);
    CHECK_EQ(n, (long)strlen(target));
    CHECK(memcmp(back, target, (size_t)n) == 0);
    return T_PASS;
}

/* 25 */
static int t_linkat(void)
{
    RING(r, 1, 0);
    NEED_OP(r, IORING_OP_LINKAT, "LINKAT");
    char p1[300], p2[300], back[16];
    struct hr_cqe c;
    struct stat a, b;
    ssize_t n;
    RUN(make_file("test_io_uring_linkat", p1, sizeof p1, "hello", 5));
    zt_path(p2, sizeof p2, "test_io_uring_linkat_2");
    struct hr_sqe *s = SQE(r);
    hr_prep_linkat(s, AT_FDCWD, p1, AT_FDCWD, p2, 0);
    hr_sqe_set_data64(s, 0x12121212);
    struct hr_sqe e = sqe_expect(IORING_OP_LINKAT, AT_FDCWD, (uint64_t)(uintptr_t)p1,
                                 (uint32_t)AT_FDCWD, (uint64_t)(uintptr_t)p2);
    e.user_data = 0x12121212;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    SKIP_IF_UNSUPPORTED(c.res, "IORING_OP_LINKAT");
    CHECK_CQE(&c, 0x12121212, 0, 0);
    TRYC(stat(p1, &a));
    TRYC(stat(p2, &b));
    CHECK(a.st_ino == b.st_ino && a.st_dev == b.st_dev);
    CHECK_EQ(a.st_nlink, 2);
    RUN(read_file(p2, back, sizeof back, &n));
    CHECK_EQ(n, 5);
    CHECK(memcmp(back, "hello", 5) == 0);
    return T_PASS;
}

/* ---- legacy provided buffers ------------------------------------------- */

#define PB_N    4
#define PB_LEN  128
#define PB_GID  1337

static int provide(struct hr_ring *r, void *addr, int len, int nr, int bgid, int bid,
                   uint64_t ud, int first_use)
{
    struct hr_cqe c;
    struct hr_sqe *s = SQE(r);
    hr_prep_provide_buffers(s, addr, len, nr, bgid, bid);
    hr_sqe_set_data64(s, ud);
    struct hr_sqe e = sqe_expect(IORING_OP_PROVIDE_BUFFERS, nr, (uint64_t)(uintptr_t)addr,
                                 (uint32_t)len, (uint64_t)bid);
    e.buf_index = (uint16_t)bgid;
    e.user_data = ud;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    if (first_use)
        SKIP_IF_UNSUPPORTED(c.res, "IORING_OP_PROVIDE_BUFFERS");
    CHECK_CQE(&c, ud, 0, 0);
    return T_PASS;
}

/* one buffer-select read (or recv) of PB_LEN; *bid gets the buffer id, or -1 */
static int select_io(struct hr_ring *r, int op, int fd, uint64_t ud, struct hr_cqe *c)
{
    struct hr_sqe *s = SQE(r);
    if (op == IORING_OP_READ)
        hr_prep_read(s, fd, NULL, PB_LEN, 0);
    else
        hr_prep_recv(s, fd, NULL, PB_LEN, 0);
    hr_sqe_set_flags(s, IOSQE_BUFFER_SELECT);
    s->buf_index = PB_GID;                       /* buf_group */
    hr_sqe_set_data64(s, ud);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, c, 1);
    CHECK_EQX(c->user_data, ud);
    return T_PASS;
}

static int check_selected(const struct hr_cqe *c, int want_len, unsigned *seen,
                          unsigned char (*bufs)[PB_LEN], const void *want)
{
    CHECK_EQ(c->res, want_len);
    CHECK(c->flags & IORING_CQE_F_BUFFER);
    CHECK_EQX(c->flags & ~(IORING_CQE_F_BUFFER | IORING_CQE_F_SOCK_NONEMPTY |
                           (0xffffu << IORING_CQE_BUFFER_SHIFT)), 0);
    int bid = hr_cqe_buffer_id(c);
    if (bid < 0 || bid >= PB_N)
        FAILF("buffer id %d out of range", bid);
    if (*seen & (1u << bid))
        FAILF("buffer id %d selected twice", bid);
    *seen |= 1u << bid;
    if (memcmp(bufs[bid], want, (size_t)want_len) != 0)
        FAILF("buffer %d holds the wrong bytes", bid);
    return T_PASS;
}

/* 26 */
static int t_provide_buffers_read(void)
{
    RING(r, 1, 0);
    NEED_OP(r, IORING_OP_PROVIDE_BUFFERS, "PROVIDE_BUFFERS");
    NEED_OP(r, IORING_OP_READ, "READ");
    static unsigned char bufs[PB_N][PB_LEN];
    static const unsigned char zero[PB_LEN];
    struct hr_cqe c;
    unsigned seen = 0;
    int fd = zt_fd(open("/dev/zero", O_RDONLY | O_CLOEXEC));
    TRYC(fd);
    memset(bufs, 'X', sizeof bufs);
    RUN(provide(r, bufs, PB_LEN, PB_N, PB_GID, 0, 0xcccccccc, 1));

    for (int i = 0; i < PB_N; i++) {
        RUN(select_io(r, IORING_OP_READ, fd, 0xdddddddd, &c));
        RUN(check_selected(&c, PB_LEN, &seen, bufs, zero));
    }
    CHECK_EQ(seen, 0xf);
    RUN(select_io(r, IORING_OP_READ, fd, 0xdfdfdfdf, &c));
    CHECK_CQE(&c, 0xdfdfdfdf, -ENOBUFS, 0);

    /* give buffer 2 back: the next read uses it */
    memset(bufs[2], 'X', PB_LEN);
    RUN(provide(r, bufs[2], PB_LEN, 1, PB_GID, 2, 0xabababab, 0));
    RUN(select_io(r, IORING_OP_READ, fd, 0xdfdfdfdf, &c));
    seen = 0;
    RUN(check_selected(&c, PB_LEN, &seen, bufs, zero));
    CHECK_EQ(hr_cqe_buffer_id(&c), 2);
    return T_PASS;
}

/* 27 */
static int t_remove_buffers(void)
{
    RING(r, 1, 0);
    NEED_OP(r, IORING_OP_PROVIDE_BUFFERS, "PROVIDE_BUFFERS");
    NEED_OP(r, IORING_OP_REMOVE_BUFFERS, "REMOVE_BUFFERS");
    NEED_OP(r, IORING_OP_READ, "READ");
    static unsigned char bufs[PB_N][PB_LEN];
    static const unsigned char zero[PB_LEN];
    struct hr_cqe c;
    unsigned seen = 0;
    int fd = zt_fd(open("/dev/zero", O_RDONLY | O_CLOEXEC));
    TRYC(fd);
    memset(bufs, 'X', sizeof bufs);
    RUN(provide(r, bufs, PB_LEN, PB_N, PB_GID, 0, 0xcccccccc, 1));

    struct hr_sqe *s = SQE(r);
    hr_prep_remove_buffers(s, 3, PB_GID);
    hr_sqe_set_data64(s, 0xbababababa);
    struct hr_sqe e = sqe_expect(IORING_OP_REMOVE_BUFFERS, 3, 0, 0, 0);
    e.buf_index = PB_GID;
    e.user_data = 0xbababababa;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    SKIP_IF_UNSUPPORTED(c.res, "IORING_OP_REMOVE_BUFFERS");
    CHECK_CQE(&c, 0xbababababa, 3, 0);

    RUN(select_io(r, IORING_OP_READ, fd, 0xdfdfdfdf, &c));
    RUN(check_selected(&c, PB_LEN, &seen, bufs, zero));
    RUN(select_io(r, IORING_OP_READ, fd, 0xdfdfdfdf, &c));
    CHECK_CQE(&c, 0xdfdfdfdf, -ENOBUFS, 0);
    return T_PASS;
}

/* 28 */
static int t_provide_buffers_recv(void)
{
    RING(r, 16, 0);
    NEED_OP(r, IORING_OP_PROVIDE_BUFFERS, "PROVIDE_BUFFERS");
    NEED_OP(r, IORING_OP_ACCEPT, "ACCEPT");
    NEED_OP(r, IORING_OP_CONNECT, "CONNECT");
    NEED_OP(r, IORING_OP_SEND, "SEND");
    NEED_OP(r, IORING_OP_RECV, "RECV");
    static unsigned char bufs[PB_N][PB_LEN];
    unsigned char msg[PB_LEN];
    struct hr_cqe c;
    unsigned seen = 0;
    int srv, cli;
    RUN(zt_ring_tcp_pair(r, &srv, &cli));
    memset(bufs, 'X', sizeof bufs);
    RUN(provide(r, bufs, PB_LEN, PB_N, PB_GID, 0, 0xcccccccc, 1));

    for (int i = 0; i < PB_N; i++) {
        zt_fill(msg, sizeof msg, 280 + (unsigned)i);
        struct hr_sqe *s = SQE(r);
        hr_prep_send(s, cli, msg, sizeof msg, 0);
        hr_sqe_set_data64(s, 0xdeaddead);
        CHECK_EQ(hr_submit(r), 1);
        WAIT(r, &c, 1);
        CHECK_CQE(&c, 0xdeaddead, (int)sizeof msg, 0);
        RUN(select_io(r, IORING_OP_RECV, srv, 0xdfdfdfdf, &c));
        RUN(check_selected(&c, PB_LEN, &seen, bufs, msg));
    }
    CHECK_EQ(seen, 0xf);

    /* no buffer left: -ENOBUFS, even with data waiting */
    zt_fill(msg, sizeof msg, 299);
    struct hr_sqe *s = SQE(r);
    hr_prep_send(s, cli, msg, sizeof msg, 0);
    hr_sqe_set_data64(s, 0xdeaddead);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    CHECK_CQE(&c, 0xdeaddead, (int)sizeof msg, 0);
    RUN(select_io(r, IORING_OP_RECV, srv, 0xdfdfdfdf, &c));
    CHECK_CQE(&c, 0xdfdfdfdf, -ENOBUFS, 0);

    /* re-provide buffer 1: the waiting data lands in it */
    memset(bufs[1], 'X', PB_LEN);
    RUN(provide(r, bufs[1], PB_LEN, 1, PB_GID, 1, 0xabababab, 0));
    RUN(select_io(r, IORING_OP_RECV, srv, 0xdfdfdfdf, &c));
    seen = 0;
    RUN(check_selected(&c, PB_LEN, &seen, bufs, msg));
    CHECK_EQ(hr_cqe_buffer_id(&c), 1);
    return T_PASS;
}

/* 29 */
static int t_accept_multishot(void)
{
    RING(r, 4, 0);
    NEED_OP(r, IORING_OP_ACCEPT, "ACCEPT");
    NEED_OP(r, IORING_OP_ASYNC_CANCEL, "ASYNC_CANCEL");
    struct sockaddr_in a;
    struct hr_cqe c, cc[2];
    int lfd = zt_tcp_listener(&a);
    TRY(lfd);
    struct hr_sqe *s = SQE(r);
    hr_prep_multishot_accept(s, lfd, NULL, NULL, 0);
    hr_sqe_set_data64(s, 0xaaaaaaaa);
    struct hr_sqe e = sqe_expect(IORING_OP_ACCEPT, lfd, 0, 0, 0);
    e.ioprio = IORING_ACCEPT_MULTISHOT;
    e.user_data = 0xaaaaaaaa;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);

    for (int i = 0; i < 4; i++) {
        int cfd = zt_tcp_connect(&a);
        TRY(cfd);
        WAIT(r, &c, 1);
        if (i == 0 && (c.res == -EINVAL || c.res == -EOPNOTSUPP))
            SKIPF("kernel lacks multishot accept%s", zt_errname(c.res));
        CHECK_EQX(c.user_data, 0xaaaaaaaa);
        if (c.res < 0)
            FAILF("accept %d: %d%s", i, c.res, zt_errname(c.res));
        zt_fd(c.res);
        CHECK_EQX(c.flags, IORING_CQE_F_MORE);
        /* the accepted socket is this client's peer */
        struct sockaddr_in pa, la;
        socklen_t l1 = sizeof pa, l2 = sizeof la;
        TRYC(getpeername(c.res, (struct sockaddr *)&pa, &l1));
        TRYC(getsockname(cfd, (struct sockaddr *)&la, &l2));
        CHECK_EQ(pa.sin_port, la.sin_port);
        zt_close(c.res);
        zt_close(cfd);
    }
    /* cancel: the final CQE has no F_MORE */
    s = SQE(r);
    hr_prep_cancel64(s, 0xaaaaaaaa, 0);
    hr_sqe_set_data64(s, 0x99999999);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, cc, 2);
    CHECK_CQE(FIND(cc, 2, 0xaaaaaaaa), 0xaaaaaaaa, -ECANCELED, 0);
    CHECK_CQE(FIND(cc, 2, 0x99999999), 0x99999999, 0, 0);
    return T_PASS;
}

/* 30 */
static int t_send_zc(void)
{
    RING(r, 16, 0);
    NEED_OP(r, IORING_OP_ACCEPT, "ACCEPT");
    NEED_OP(r, IORING_OP_CONNECT, "CONNECT");
    NEED_OP(r, IORING_OP_SEND_ZC, "SEND_ZC");
    NEED_OP(r, IORING_OP_RECV, "RECV");
    int srv, cli;
    unsigned char out[64], in[64];
    struct hr_cqe c[3];
    RUN(zt_ring_tcp_pair(r, &srv, &cli));
    zt_fill(out, sizeof out, 30);
    memset(in, 0, sizeof in);

    struct hr_sqe *s = SQE(r);
    hr_prep_send_zc(s, cli, out, sizeof out, 0, 0);
    hr_sqe_set_flags(s, IOSQE_IO_LINK);
    hr_sqe_set_data64(s, 0xeeeeeeee);
    struct hr_sqe e = sqe_expect(IORING_OP_SEND_ZC, cli, (uint64_t)(uintptr_t)out, sizeof out, 0);
    e.flags = IOSQE_IO_LINK;
    e.user_data = 0xeeeeeeee;
    CHECK_SQE(s, &e);
    s = SQE(r);
    hr_prep_recv(s, srv, in, sizeof in, 0);
    hr_sqe_set_data64(s, 0xffffffff);
    CHECK_EQ(hr_submit(r), 2);
    WAIT(r, c, 1);
    SKIP_IF_UNSUPPORTED(c[0].res, "IORING_OP_SEND_ZC");
    WAIT(r, c + 1, 2);

    /* send result first (F_MORE), its notification after it (F_NOTIF) */
    int isend = -1, inotif = -1, irecv = -1;
    for (int i = 0; i < 3; i++) {
        if (c[i].user_data == 0xffffffff)
            irecv = i;
        else if (c[i].user_data == 0xeeeeeeee && !(c[i].flags & IORING_CQE_F_NOTIF))
            isend = i;
        else if (c[i].user_data == 0xeeeeeeee)
            inotif = i;
    }
    if (isend < 0 || inotif < 0 || irecv < 0)
        FAILF("CQEs: ud %llx/%llx/%llx flags %x/%x/%x: want send, notif, recv",
              (unsigned long long)c[0].user_data, (unsigned long long)c[1].user_data,
              (unsigned long long)c[2].user_data, c[0].flags, c[1].flags, c[2].flags);
    CHECK(isend < inotif);
    CHECK_CQE(&c[isend], 0xeeeeeeee, (int)sizeof out, IORING_CQE_F_MORE);
    CHECK_CQE(&c[inotif], 0xeeeeeeee, 0, IORING_CQE_F_NOTIF);
    CHECK_EQ(c[irecv].res, (int)sizeof in);
    CHECK_EQX(c[irecv].flags & ~(uint32_t)IORING_CQE_F_SOCK_NONEMPTY, 0);
    CHECK(memcmp(out, in, sizeof in) == 0);
    return T_PASS;
}

/* 31 */
static int t_accept_direct(void)
{
    RING(r, 4, 0);
    NEED_OP(r, IORING_OP_ACCEPT, "ACCEPT");
    NEED_OP(r, IORING_OP_RECV, "RECV");
    struct sockaddr_in a;
    struct hr_cqe c;
    unsigned char out[32], in[32];
    int lfd = zt_tcp_listener(&a);
    TRY(lfd);
    int rr = hr_register_files_sparse(r, 2);
    SKIP_IF_UNSUPPORTED(rr, "sparse file tables (IORING_RSRC_REGISTER_SPARSE)");
    TRY(rr);
    unsigned used = 0;

    for (int i = 0; i < 3; i++) {
        struct hr_sqe *s = SQE(r);
        hr_prep_accept_direct(s, lfd, NULL, NULL, 0, IORING_FILE_INDEX_ALLOC);
        hr_sqe_set_data64(s, 0xaaaaaaaa);
        struct hr_sqe e = sqe_expect(IORING_OP_ACCEPT, lfd, 0, 0, 0);
        e.file_index = IORING_FILE_INDEX_ALLOC;
        e.user_data = 0xaaaaaaaa;
        CHECK_SQE(s, &e);
        CHECK_EQ(hr_submit(r), 1);
        int cfd = zt_tcp_connect(&a);
        TRY(cfd);
        WAIT(r, &c, 1);
        if (i == 0)
            SKIP_IF_UNSUPPORTED(c.res, "accept into an allocated fixed slot");
        if (i == 2) {                           /* the table is full */
            CHECK_CQE(&c, 0xaaaaaaaa, -ENFILE, 0);
            break;
        }
        CHECK_EQX(c.user_data, 0xaaaaaaaa);
        CHECK_EQX(c.flags, 0);
        if (c.res < 0 || c.res > 1 || (used & (1u << c.res)))
            FAILF("accept_direct %d: res %d, expected a free slot of 2", i, c.res);
        used |= 1u << c.res;
        /* data through the fixed descriptor */
        zt_fill(out, sizeof out, 310 + (unsigned)i);
        memset(in, 0, sizeof in);
        TRYC(send(cfd, out, sizeof out, 0));
        s = SQE(r);
        hr_prep_recv(s, c.res, in, sizeof in, 0);
        hr_sqe_set_flags(s, IOSQE_FIXED_FILE);
        hr_sqe_set_data64(s, 0xbbbbbbbb);
        CHECK_EQ(hr_submit(r), 1);
        WAIT(r, &c, 1);
        CHECK_EQX(c.user_data, 0xbbbbbbbb);
        CHECK_EQ(c.res, (int)sizeof in);
        CHECK(memcmp(out, in, sizeof in) == 0);
    }
    CHECK_EQ(used, 3);
    TRY(hr_unregister_files(r));
    return T_PASS;
}

/* 32 */
static int t_accept_multishot_direct(void)
{
    RING(r, 4, 0);
    NEED_OP(r, IORING_OP_ACCEPT, "ACCEPT");
    NEED_OP(r, IORING_OP_CLOSE, "CLOSE");
    struct sockaddr_in a;
    struct hr_cqe c;
    int lfd = zt_tcp_listener(&a);
    TRY(lfd);
    int rr = hr_register_files_sparse(r, 2);
    SKIP_IF_UNSUPPORTED(rr, "sparse file tables");
    TRY(rr);

    for (int round = 0; round < 2; round++) {
        struct hr_sqe *s = SQE(r);
        hr_prep_multishot_accept_direct(s, lfd, NULL, NULL, 0);
        hr_sqe_set_data64(s, 0xaaaaaaaa);
        struct hr_sqe e = sqe_expect(IORING_OP_ACCEPT, lfd, 0, 0, 0);
        e.ioprio = IORING_ACCEPT_MULTISHOT;
        e.file_index = IORING_FILE_INDEX_ALLOC;
        e.user_data = 0xaaaaaaaa;
        CHECK_SQE(s, &e);
        CHECK_EQ(hr_submit(r), 1);
        unsigned used = 0;
        for (int i = 0; i < 3; i++) {
            int cfd = zt_tcp_connect(&a);
            TRY(cfd);
            WAIT(r, &c, 1);
            if (round == 0 && i == 0)
                SKIP_IF_UNSUPPORTED(c.res, "multishot accept into fixed slots");
            if (i == 2) {       /* table full: -ENFILE ends the multishot */
                CHECK_CQE(&c, 0xaaaaaaaa, -ENFILE, 0);
                break;
            }
            CHECK_EQX(c.user_data, 0xaaaaaaaa);
            CHECK_EQX(c.flags, IORING_CQE_F_MORE);
            if (c.res < 0 || c.res > 1 || (used & (1u << c.res)))
                FAILF("round %d accept %d: res %d%s, expected a free slot of 2", round, i,
                      c.res, zt_errname(c.res));
            used |= 1u << c.res;
        }
        CHECK_EQ(used, 3);
        CHECK(zt_no_cqe(r, 20));      /* nothing after the terminating CQE */
        /* empty the table for the next round */
        for (unsigned slot = 0; slot < 2; slot++) {
            s = SQE(r);
            hr_prep_close_direct(s, slot);
            hr_sqe_set_data64(s, 0xc0 + slot);
            CHECK_EQ(hr_submit(r), 1);
            WAIT(r, &c, 1);
            CHECK_CQE(&c, 0xc0 + slot, 0, 0);
        }
    }
    TRY(hr_unregister_files(r));
    return T_PASS;
}

/* 33 */
static int t_socket(void)
{
    RING(r, 1, 0);
    NEED_OP(r, IORING_OP_SOCKET, "SOCKET");
    struct hr_cqe c;
    int type = 0;
    socklen_t tl = sizeof type;
    struct hr_sqe *s = SQE(r);
    hr_prep_socket(s, AF_INET, SOCK_STREAM, 0, 0);
    hr_sqe_set_data64(s, 0x5050);
    struct hr_sqe e = sqe_expect(IORING_OP_SOCKET, AF_INET, 0, 0, SOCK_STREAM);
    e.user_data = 0x5050;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    SKIP_IF_UNSUPPORTED(c.res, "IORING_OP_SOCKET");
    if (c.res < 0)
        FAILF("socket: %d%s", c.res, zt_errname(c.res));
    zt_fd(c.res);
    CHECK_EQX(c.user_data, 0x5050);
    CHECK_EQX(c.flags, 0);
    TRYC(getsockopt(c.res, SOL_SOCKET, SO_TYPE, &type, &tl));
    CHECK_EQ(type, SOCK_STREAM);
    return T_PASS;
}

/* 34 */
static int t_socket_direct(void)
{
    RING(r, 4, 0);
    NEED_OP(r, IORING_OP_SOCKET, "SOCKET");
    NEED_OP(r, IORING_OP_CONNECT, "CONNECT");
    NEED_OP(r, IORING_OP_SEND, "SEND");
    NEED_OP(r, IORING_OP_CLOSE, "CLOSE");
    struct sockaddr_in a;
    struct hr_cqe c;
    int lfd = zt_tcp_listener(&a);
    TRY(lfd);
    int rr = hr_register_files_sparse(r, 3);
    SKIP_IF_UNSUPPORTED(rr, "sparse file tables");
    TRY(rr);

    /* slots 0 and 1 by index, then one allocated (2) */
    for (unsigned slot = 0; slot < 2; slot++) {
        struct hr_sqe *s = SQE(r);
        hr_prep_socket_direct(s, AF_INET, SOCK_STREAM, 0, slot, 0);
        hr_sqe_set_data64(s, 0x5050 + slot);
        struct hr_sqe e = sqe_expect(IORING_OP_SOCKET, AF_INET, 0, 0, SOCK_STREAM);
        e.file_index = slot + 1;
        e.user_data = 0x5050 + slot;
        CHECK_SQE(s, &e);
        CHECK_EQ(hr_submit(r), 1);
        WAIT(r, &c, 1);
        if (slot == 0)
            SKIP_IF_UNSUPPORTED(c.res, "IORING_OP_SOCKET into fixed slots");
        CHECK_CQE(&c, 0x5050 + slot, 0, 0);
    }
    struct hr_sqe *s = SQE(r);
    hr_prep_socket_direct_alloc(s, AF_INET, SOCK_STREAM, 0, 0);
    hr_sqe_set_data64(s, 0x5052);
    struct hr_sqe e = sqe_expect(IORING_OP_SOCKET, AF_INET, 0, 0, SOCK_STREAM);
    e.file_index = IORING_FILE_INDEX_ALLOC;
    e.user_data = 0x5052;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    CHECK_CQE(&c, 0x5052, 2, 0);
    /* table full now */
    s = SQE(r);
    hr_prep_socket_direct_alloc(s, AF_INET, SOCK_STREAM, 0, 0);
    hr_sqe_set_data64(s, 0x5053);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    CHECK_CQE(&c, 0x5053, -ENFILE, 0);

    /* connect through each fixed socket; the listener sees each one */
    for (unsigned slot = 0; slot < 3; slot++) {
        s = SQE(r);
        hr_prep_connect(s, (int)slot, (struct sockaddr *)&a, sizeof a);
        hr_sqe_set_flags(s, IOSQE_FIXED_FILE);
        hr_sqe_set_data64(s, 0xc000 + slot);
        CHECK_EQ(hr_submit(r), 1);
        WAIT(r, &c, 1);
        CHECK_CQE(&c, 0xc000 + slot, 0, 0);
        int afd = zt_fd(accept4(lfd, NULL, NULL, SOCK_CLOEXEC));
        TRYC(afd);
        /* bytes sent through the fixed descriptor arrive */
        char b[4] = { 'z', 'i', 'g', (char)('0' + slot) }, got[4];
        s = SQE(r);
        hr_prep_send(s, (int)slot, b, 4, 0);
        hr_sqe_set_flags(s, IOSQE_FIXED_FILE);
        hr_sqe_set_data64(s, 0xd000 + slot);
        CHECK_EQ(hr_submit(r), 1);
        WAIT(r, &c, 1);
        CHECK_CQE(&c, 0xd000 + slot, 4, 0);
        CHECK_EQ(recv(afd, got, 4, MSG_WAITALL), 4);
        CHECK(memcmp(b, got, 4) == 0);
        zt_close(afd);
    }
    /* close_direct each slot; then the slot is empty */
    for (unsigned slot = 0; slot < 3; slot++) {
        s = SQE(r);
        hr_prep_close_direct(s, slot);
        hr_sqe_set_data64(s, 0xe000 + slot);
        e = sqe_expect(IORING_OP_CLOSE, 0, 0, 0, 0);
        e.file_index = slot + 1;
        e.user_data = 0xe000 + slot;
        CHECK_SQE(s, &e);
        CHECK_EQ(hr_submit(r), 1);
        WAIT(r, &c, 1);
        CHECK_CQE(&c, 0xe000 + slot, 0, 0);
    }
    s = SQE(r);
    hr_prep_close_direct(s, 0);
    hr_sqe_set_data64(s, 0xe0ff);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    CHECK_CQE(&c, 0xe0ff, -EBADF, 0);
    TRY(hr_unregister_files(r));
    return T_PASS;
}

/* 35 */
static int t_openat_direct(void)
{
    RING(r, 4, 0);
    NEED_OP(r, IORING_OP_OPENAT, "OPENAT");
    NEED_OP(r, IORING_OP_READ, "READ");
    NEED_OP(r, IORING_OP_CLOSE, "CLOSE");
    char path[300];
    struct hr_cqe c;
    unsigned char data[16], back[16];
    zt_fill(data, sizeof data, 35);
    RUN(make_file("test_io_uring_openat_direct", path, sizeof path, data, sizeof data));
    int rr = hr_register_files_sparse(r, 3);
    SKIP_IF_UNSUPPORTED(rr, "sparse file tables");
    TRY(rr);
    const int flags = O_RDONLY;        /* O_CLOEXEC is refused for direct opens */

    for (unsigned i = 0; i < 4; i++) {
        unsigned idx = i < 2 ? i : IORING_FILE_INDEX_ALLOC;
        struct hr_sqe *s = SQE(r);
        hr_prep_openat_direct(s, AT_FDCWD, path, flags, 0, idx);
        hr_sqe_set_data64(s, 0x3500 + i);
        struct hr_sqe e = sqe_expect(IORING_OP_OPENAT, AT_FDCWD, (uint64_t)(uintptr_t)path, 0, 0);
        e.op_flags = (uint32_t)flags;
        e.file_index = i < 2 ? i + 1 : IORING_FILE_INDEX_ALLOC;
        e.user_data = 0x3500 + i;
        CHECK_SQE(s, &e);
        CHECK_EQ(hr_submit(r), 1);
        WAIT(r, &c, 1);
        if (i == 0)
            SKIP_IF_UNSUPPORTED(c.res, "IORING_OP_OPENAT into fixed slots");
        /* slots 0, 1 given: res 0; then allocated: 2; then the table is full */
        int want = i < 2 ? 0 : i == 2 ? 2 : -ENFILE;
        CHECK_CQE(&c, 0x3500 + i, want, 0);
    }
    /* each slot reads the file */
    for (unsigned slot = 0; slot < 3; slot++) {
        memset(back, 0, sizeof back);
        struct hr_sqe *s = SQE(r);
        hr_prep_read(s, (int)slot, back, sizeof back, 0);
        hr_sqe_set_flags(s, IOSQE_FIXED_FILE);
        hr_sqe_set_data64(s, 0x3600 + slot);
        CHECK_EQ(hr_submit(r), 1);
        WAIT(r, &c, 1);
        CHECK_CQE(&c, 0x3600 + slot, (int)sizeof back, 0);
        CHECK(memcmp(back, data, sizeof data) == 0);
    }
    for (unsigned slot = 0; slot < 3; slot++) {
        struct hr_sqe *s = SQE(r);
        hr_prep_close_direct(s, slot);
        hr_sqe_set_data64(s, 0x3700 + slot);
        CHECK_EQ(hr_submit(r), 1);
        WAIT(r, &c, 1);
        CHECK_CQE(&c, 0x3700 + slot, 0, 0);
    }
    TRY(hr_unregister_files(r));
    return T_PASS;
}

/* 36 */
static int t_waitid(void)
{
    if (!zt_kernel_at_least(6, 7))
        SKIPF("IORING_OP_WAITID needs kernel >= 6.7 (uname)");
    RING(r, 1, 0);
    NEED_OP(r, HR_OP_WAITID, "WAITID");
    struct hr_cqe c;
    siginfo_t si;
    memset(&si, 0, sizeof si);
    pid_t pid = fork();
    TRYC(pid);
    if (pid == 0)
        _exit(7);
    struct hr_sqe *s = SQE(r);
    hr_prep_waitid(s, P_PID, (id_t)pid, &si, WEXITED, 0);
    hr_sqe_set_data64(s, 0x3636);
    struct hr_sqe e = sqe_expect(HR_OP_WAITID, (int32_t)pid, 0, P_PID,
                                 (uint64_t)(uintptr_t)&si /* addr2 */);
    e.file_index = WEXITED;                         /* options */
    e.user_data = 0x3636;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    if (c.res < 0)
        waitpid(pid, NULL, 0);
    SKIP_IF_UNSUPPORTED(c.res, "IORING_OP_WAITID");
    CHECK_CQE(&c, 0x3636, 0, 0);
    CHECK_EQ(si.si_signo, SIGCHLD);
    CHECK_EQ(si.si_code, CLD_EXITED);
    CHECK_EQ(si.si_pid, pid);
    CHECK_EQ(si.si_status, 7);
    /* reaped: nothing left to wait for */
    CHECK(waitpid(pid, NULL, WNOHANG) < 0 && errno == ECHILD);
    return T_PASS;
}

/* ---- ring-mapped provided buffers (37-39) -------------------------------- */
#include "zt_bufring.inc"

/* 40 */
static int t_copy_cqes_wrap(void)
{
    /* NOP and TIMEOUT: in every kernel with IORING_FEAT_SINGLE_MMAP (5.4) */
    struct io_uring_params p;
    memset(&p, 0, sizeof p);
    p.flags = IORING_SETUP_CQSIZE;
    p.cq_entries = 4;
    int err;
    struct hr_ring *r = zt_ring_params(2, &p, &err);
    if (!r)
        FAILF("hr_ring_init_params(2, CQSIZE 4): %d%s", err, zt_errname(err));
    CHECK_EQ(r->sq.entries, 2);
    CHECK_EQ(r->cq.entries, 4);
    CHECK_EQ(r->cq.mask, 3);
    CHECK_EQ(p.cq_entries, 4);

    /* offset the CQ head by one so every later batch of 4 straddles the end */
    struct hr_cqe c[4];
    struct hr_sqe *s = SQE(r);
    hr_prep_nop(s);
    hr_sqe_set_data64(s, 0xffff);
    CHECK_EQ(hr_submit_and_wait(r, 1), 1);
    CHECK_EQ(hr_copy_cqes(r, c, 4, 1), 1);
    CHECK_CQE(&c[0], 0xffff, 0, 0);
    CHECK_EQ(r->cq.head, 1);

    static const unsigned chunks[4][3] = { { 4 }, { 1, 3 }, { 2, 2 }, { 3, 1 } };
    static unsigned char seen[1023 * 4];
    struct __kernel_timespec ts = { 0, 0 };
    uint32_t head = 1;
    uint64_t ud = 0;
    memset(seen, 0, sizeof seen);
    for (unsigned round = 0; round < 1023; round++) {
        for (unsigned half = 0; half < 2; half++) {
            for (unsigned k = 0; k < 2; k++) {
                s = SQE(r);
                hr_prep_timeout(s, &ts, 0, 0);
                hr_sqe_set_data64(s, ud++);
            }
            CHECK(hr_get_sqe(r) == NULL);      /* a 2-entry SQ is full */
            CHECK_EQ(hr_submit(r), 2);
        }
        /* all four completions in the 4-entry CQ: full, nothing overflowed */
        while (hr_cq_ready(r) < 4)
            TRY(hr_enter(r, 0, 4, IORING_ENTER_GETEVENTS, NULL, 0));
        CHECK_EQ(hr_cq_ready(r), 4);
        CHECK_EQ(*r->cq.koverflow, 0);
        const unsigned *ch = chunks[round % 4];
        for (unsigned j = 0; j < 3 && ch[j]; j++) {
            CHECK_EQ(hr_copy_cqes(r, c, ch[j], 0), ch[j]);
            head += ch[j];
            CHECK_EQ(r->cq.head, head);
            CHECK_EQ(*r->cq.khead, head);
            for (unsigned i = 0; i < ch[j]; i++) {
                if (c[i].res != -ETIME || c[i].flags != 0)
                    FAILF("round %u: CQE res %d flags %x", round, c[i].res, c[i].flags);
                if (c[i].user_data >= ud || c[i].user_data + 4 < ud || seen[c[i].user_data])
                    FAILF("round %u: CQE user_data %llu (submitted %llu) unexpected or twice",
                          round, (unsigned long long)c[i].user_data, (unsigned long long)ud);
                seen[c[i].user_data] = 1;
            }
        }
        CHECK_EQ(hr_cq_ready(r), 0);
        CHECK_EQ(r->sq.sqe_head, r->sq.sqe_tail);
        CHECK_EQ(*r->sq.ktail, r->sq.sqe_tail);
        CHECK_EQ(*r->sq.ktail, 1 + 4 * (round + 1));
    }
    CHECK_EQ(head, 1 + 1023 * 4);
    CHECK_EQ(hr_copy_cqes(r, c, 4, 0), 0);
    for (unsigned i = 0; i < 1023 * 4; i++)
        if (!seen[i])
            FAILF("timeout %u never completed", i);
    return T_PASS;
}

/* 41 */
static int cmd_sock(struct hr_ring *r, uint32_t op, int fd, int level, int optname,
                    void *optval, int optlen, uint8_t flags, uint64_t ud)
{
    struct hr_sqe *s = SQE(r);
    hr_prep_cmd_sock(s, (int)op, fd, level, optname, optval, optlen);
    hr_sqe_set_flags(s, flags);
    hr_sqe_set_data64(s, ud);
    struct hr_sqe e = sqe_expect(IORING_OP_URING_CMD, fd,
                                 (uint64_t)(uint32_t)level | (uint64_t)(uint32_t)optname << 32,
                                 0, op);
    e.file_index = (uint32_t)optlen;
    e.addr3 = (uint64_t)(uintptr_t)optval;
    e.flags = flags;
    e.user_data = ud;
    CHECK_SQE(s, &e);
    return T_PASS;
}

static int t_bind_listen_connect(void)
{
    RING(r, 8, 0);
    struct hr_cqe c[5];
    int p = zt_op_supported(r, HR_OP_LISTEN);
    if (p == 0)
        SKIPF("kernel lacks IORING_OP_LISTEN (probe)");
    if (p < 0)
        FAILF("IORING_REGISTER_PROBE failed");
    NEED_OP(r, HR_OP_BIND, "BIND");
    NEED_OP(r, IORING_OP_URING_CMD, "URING_CMD");
    NEED_OP(r, IORING_OP_SOCKET, "SOCKET");

    /* the listening socket, made and set up through the ring */
    struct hr_sqe *s = SQE(r);
    hr_prep_socket(s, AF_INET, SOCK_STREAM, 0, 0);
    hr_sqe_set_data64(s, 1);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, c, 1);
    if (c[0].res < 0)
        FAILF("socket: %d%s", c[0].res, zt_errname(c[0].res));
    int lfd = zt_fd(c[0].res);

    int one = 1;
    struct sockaddr_in a;
    memset(&a, 0, sizeof a);
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    RUN(cmd_sock(r, SOCKET_URING_OP_SETSOCKOPT, lfd, SOL_SOCKET, SO_REUSEADDR, &one,
                 sizeof one, IOSQE_IO_LINK, 2));
    RUN(cmd_sock(r, SOCKET_URING_OP_SETSOCKOPT, lfd, SOL_SOCKET, SO_REUSEPORT, &one,
                 sizeof one, IOSQE_IO_LINK, 3));
    s = SQE(r);
    hr_prep_bind(s, lfd, (struct sockaddr *)&a, sizeof a);
    hr_sqe_set_flags(s, IOSQE_IO_LINK);
    hr_sqe_set_data64(s, 4);
    struct hr_sqe e = sqe_expect(HR_OP_BIND, lfd, (uint64_t)(uintptr_t)&a, 0, sizeof a);
    e.flags = IOSQE_IO_LINK;
    e.user_data = 4;
    CHECK_SQE(s, &e);
    s = SQE(r);
    hr_prep_listen(s, lfd, 128);
    hr_sqe_set_data64(s, 5);
    e = sqe_expect(HR_OP_LISTEN, lfd, 0, 128, 0);
    e.user_data = 5;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 4);
    WAIT(r, c, 4);
    for (int i = 0; i < 4; i++)
        CHECK_CQE(&c[i], (uint64_t)i + 2, 0, 0);

    /* GETSOCKOPT through the ring reads back SO_REUSEADDR */
    int val = 0;
    RUN(cmd_sock(r, SOCKET_URING_OP_GETSOCKOPT, lfd, SOL_SOCKET, SO_REUSEADDR, &val,
                 sizeof val, 0, 6));
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, c, 1);
    CHECK_CQE(&c[0], 6, (int)sizeof val, 0);
    CHECK_EQ(val, 1);

    socklen_t al = sizeof a;
    TRYC(getsockname(lfd, (struct sockaddr *)&a, &al));
    CHECK(a.sin_port != 0);
    int acc = 0;
    TRYC(getsockopt(lfd, SOL_SOCKET, SO_ACCEPTCONN, &acc, &al));
    CHECK_EQ(acc, 1);

    /* a client socket through the ring; accept + connect */
    s = SQE(r);
    hr_prep_socket(s, AF_INET, SOCK_STREAM, 0, 0);
    hr_sqe_set_data64(s, 7);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, c, 1);
    if (c[0].res < 0)
        FAILF("socket: %d%s", c[0].res, zt_errname(c[0].res));
    int cfd = zt_fd(c[0].res);
    s = SQE(r);
    hr_prep_accept(s, lfd, NULL, NULL, 0);
    hr_sqe_set_data64(s, 8);
    s = SQE(r);
    hr_prep_connect(s, cfd, (struct sockaddr *)&a, sizeof a);
    hr_sqe_set_data64(s, 9);
    CHECK_EQ(hr_submit(r), 2);
    WAIT(r, c, 2);
    const struct hr_cqe *ac = FIND(c, 2, 8);
    if (ac->res < 0)
        FAILF("accept: %d%s", ac->res, zt_errname(ac->res));
    int sfd = zt_fd(ac->res);
    CHECK_CQE(FIND(c, 2, 9), 9, 0, 0);

    /* send / recv both ways */
    for (int dir = 0; dir < 2; dir++) {
        unsigned char out[24], in[24];
        zt_fill(out, sizeof out, 410 + (unsigned)dir);
        memset(in, 0, sizeof in);
        s = SQE(r);
        hr_prep_send(s, dir ? sfd : cfd, out, sizeof out, 0);
        hr_sqe_set_flags(s, IOSQE_IO_LINK);
        hr_sqe_set_data64(s, 10);
        s = SQE(r);
        hr_prep_recv(s, dir ? cfd : sfd, in, sizeof in, MSG_WAITALL);
        hr_sqe_set_data64(s, 11);
        CHECK_EQ(hr_submit(r), 2);
        WAIT(r, c, 2);
        CHECK_CQE(&c[0], 10, (int)sizeof out, 0);
        CHECK_EQX(c[1].user_data, 11);
        CHECK_EQ(c[1].res, (int)sizeof in);
        CHECK(memcmp(out, in, sizeof in) == 0);
    }

    /* linked SHUTDOWN -> CLOSE of the client; the server then reads EOF */
    s = SQE(r);
    hr_prep_shutdown(s, cfd, SHUT_WR);
    hr_sqe_set_flags(s, IOSQE_IO_LINK);
    hr_sqe_set_data64(s, 12);
    s = SQE(r);
    hr_prep_close(s, cfd);
    hr_sqe_set_data64(s, 13);
    CHECK_EQ(hr_submit(r), 2);
    WAIT(r, c, 2);
    CHECK_CQE(&c[0], 12, 0, 0);
    CHECK_CQE(&c[1], 13, 0, 0);
    zt_untrack(cfd);
    char b;
    s = SQE(r);
    hr_prep_recv(s, sfd, &b, 1, 0);
    hr_sqe_set_data64(s, 14);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, c, 1);
    /* EOF; TCP reports "readable" (F_SOCK_NONEMPTY) on a finished stream */
    CHECK_EQX(c[0].user_data, 14);
    CHECK_EQ(c[0].res, 0);
    CHECK_EQX(c[0].flags & ~(uint32_t)IORING_CQE_F_SOCK_NONEMPTY, 0);
    return T_PASS;
}

const struct zt_test zt_tests[] = {
    { "structs/offsets/entries", t_structs },
    { "nop", t_nop },
    { "readv", t_readv },
    { "writev/fsync/readv", t_writev_fsync_readv },
    { "write/read", t_write_read },
    { "splice/read", t_splice_read },
    { "write_fixed/read_fixed", t_write_read_fixed },
    { "openat", t_openat },
    { "close", t_close },
    { "accept/connect/send/recv", t_accept_connect_send_recv },
    { "sendmsg/recvmsg", t_sendmsg_recvmsg },
    { "timeout (after a relative time)", t_timeout_relative },
    { "timeout (after a number of completions)", t_timeout_count },
    { "timeout_remove", t_timeout_remove },
    { "accept/connect/recv/link_timeout", t_link_timeout },
    { "fallocate", t_fallocate },
    { "statx", t_statx },
    { "accept/connect/recv/cancel", t_cancel },
    { "register_files_update", t_register_files_update },
    { "shutdown", t_shutdown },
    { "renameat", t_renameat },
    { "unlinkat", t_unlinkat },
    { "mkdirat", t_mkdirat },
    { "symlinkat", t_symlinkat },
    { "linkat", t_linkat },
    { "provide_buffers: read", t_provide_buffers_read },
    { "remove_buffers", t_remove_buffers },
    { "provide_buffers: accept/connect/send/recv", t_provide_buffers_recv },
    { "accept multishot", t_accept_multishot },
    { "accept/connect/send_zc/recv", t_send_zc },
    { "accept_direct", t_accept_direct },
    { "accept_multishot_direct", t_accept_multishot_direct },
    { "socket", t_socket },
    { "socket_direct/socket_direct_alloc/close_direct", t_socket_direct },
    { "openat_direct/close_direct", t_openat_direct },
    { "waitid", t_waitid },
    { "BufferGroup", t_buffer_group },
    { "ring mapped buffers recv", t_bufring_recv },
    { "ring mapped buffers multishot recv", t_bufring_multishot },
    { "copy_cqes with wrapping completion queue", t_copy_cqes_wrap },
    { "bind/listen/connect", t_bind_listen_connect },
};
const int zt_ntests = (int)(sizeof zt_tests / sizeof zt_tests[0]);
