/* zt.c -- helpers and main of the Zig-behaviour suite (see zt.h). */
#define HR_TEST_IMPLEMENTATION
#include "zt.h"

#include <ftw.h>

char zt_dir[256];

static const char *errname_in(char *b, size_t len, long long v)
{
    if (v >= 0 || v < -4095)
        return "";
    const char *n = strerrorname_np((int)-v);
    snprintf(b, len, " (-%s)", n ? n : "?");
    return b;
}

const char *zt_errname(long long v)
{
    static char b[64];
    return errname_in(b, sizeof b, v);
}

/* ---- rings and fds ------------------------------------------------------- */

#define ZT_MAX_RINGS 4
#define ZT_MAX_FDS   128
static struct hr_ring zt_rings[ZT_MAX_RINGS];
static int zt_nrings;
static int zt_fds[ZT_MAX_FDS];
static int zt_nfds;

struct hr_ring *zt_ring_params(uint32_t entries, struct io_uring_params *p, int *err)
{
    if (zt_nrings == ZT_MAX_RINGS) {
        *err = -ENOMEM;
        return NULL;
    }
    struct hr_ring *r = &zt_rings[zt_nrings];
    *err = hr_ring_init_params(r, entries, p);
    if (*err < 0)
        return NULL;
    zt_nrings++;
    return r;
}

struct hr_ring *zt_ring(uint32_t entries, uint32_t flags, int *err)
{
    struct io_uring_params p;
    memset(&p, 0, sizeof p);
    p.flags = flags;
    return zt_ring_params(entries, &p, err);
}

int zt_fd(int fd)
{
    if (fd >= 0 && zt_nfds < ZT_MAX_FDS)
        zt_fds[zt_nfds++] = fd;
    return fd;
}

void zt_untrack(int fd)
{
    for (int i = 0; i < zt_nfds; i++)
        if (zt_fds[i] == fd) {
            zt_fds[i] = zt_fds[--zt_nfds];
            return;
        }
}

void zt_close(int fd)
{
    zt_untrack(fd);
    if (fd >= 0)
        close(fd);
}

static void zt_release_all(void)
{
    while (zt_nfds > 0)
        close(zt_fds[--zt_nfds]);
    while (zt_nrings > 0)
        hr_ring_exit(&zt_rings[--zt_nrings]);
}

/* ---- CQEs ---------------------------------------------------------------- */

uint64_t zt_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Collect exactly n CQEs (fewer if ms elapse): returns the count or -errno.
   Waits with IORING_ENTER_EXT_ARG and a timeout, so it cannot hang. */
int zt_wait(struct hr_ring *r, struct hr_cqe *out, unsigned n, int ms)
{
    const uint64_t deadline = zt_now_ns() + (uint64_t)ms * 1000000u;
    unsigned got = 0;

    for (;;) {
        int k = hr_copy_cqes_ready(r, out + got, n - got);
        if (k < 0)
            return k;
        got += (unsigned)k;
        if (got == n)
            return (int)got;
        uint64_t now = zt_now_ns();
        if (now >= deadline)
            return (int)got;
        uint64_t left = deadline - now;
        struct __kernel_timespec ts = { .tv_sec = (long long)(left / 1000000000u),
                                        .tv_nsec = (long long)(left % 1000000000u) };
        struct io_uring_getevents_arg arg;
        memset(&arg, 0, sizeof arg);
        arg.ts = (uint64_t)(uintptr_t)&ts;
        int e = hr_enter(r, 0, n - got, IORING_ENTER_GETEVENTS | IORING_ENTER_EXT_ARG,
                         &arg, sizeof arg);
        if (e < 0 && e != -ETIME && e != -EINTR && e != -EAGAIN && e != -EBUSY)
            return e;
    }
}

int zt_no_cqe(struct hr_ring *r, int ms)
{
    struct hr_cqe c;
    int k = zt_wait(r, &c, 1, ms);
    return k == 0;
}

const struct hr_cqe *zt_find(const struct hr_cqe *c, unsigned n, uint64_t ud)
{
    for (unsigned i = 0; i < n; i++)
        if (c[i].user_data == ud)
            return &c[i];
    return NULL;
}

/* ---- SQEs ---------------------------------------------------------------- */

struct hr_sqe zt_sqe_expect(uint8_t op, int32_t fd, uint64_t addr, uint32_t len, uint64_t off)
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

/* ---- feature detection --------------------------------------------------- */

int zt_op_supported(struct hr_ring *r, int op)
{
    static union hr_probe probe;
    if (hr_get_probe_ring(r, &probe) < 0)
        return -1;
    return hr_probe_opcode_supported(&probe.hdr, op) ? 1 : 0;
}

/* ---- files and sockets --------------------------------------------------- */

int zt_path(char *buf, size_t len, const char *name)
{
    return snprintf(buf, len, "%s/%s", zt_dir, name);
}

int zt_make_file(const char *name, char *path, size_t plen, const void *data, size_t n)
{
    zt_path(path, plen, name);
    int fd = open(path, O_CREAT | O_TRUNC | O_WRONLY | O_CLOEXEC, 0600);
    TRYC(fd);
    if (n && write(fd, data, n) != (ssize_t)n) {
        close(fd);
        FAILF("write %s: %s", path, strerror(errno));
    }
    close(fd);
    return HR_PASS;
}

int zt_read_file(const char *path, void *buf, size_t cap, ssize_t *got)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    TRYC(fd);
    *got = read(fd, buf, cap);
    close(fd);
    TRYC(*got);
    return HR_PASS;
}

int zt_tcp_listener(struct sockaddr_in *addr)
{
    int one = 1;
    socklen_t al = sizeof *addr;
    int fd = zt_fd(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (fd < 0)
        return -errno;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    memset(addr, 0, sizeof *addr);
    addr->sin_family = AF_INET;
    addr->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    addr->sin_port = 0;
    if (bind(fd, (struct sockaddr *)addr, sizeof *addr) < 0 || listen(fd, 16) < 0 ||
        getsockname(fd, (struct sockaddr *)addr, &al) < 0) {
        int e = errno;
        zt_close(fd);
        return -e;
    }
    return fd;
}

int zt_tcp_connect(const struct sockaddr_in *addr)
{
    int fd = zt_fd(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    if (fd < 0)
        return -errno;
    if (connect(fd, (const struct sockaddr *)addr, sizeof *addr) < 0) {
        int e = errno;
        zt_close(fd);
        return -e;
    }
    return fd;
}

/* A connected TCP pair made through the ring: ACCEPT on a loopback listener
   and CONNECT of a fresh socket, both SQEs in one submit. */
int zt_ring_tcp_pair(struct hr_ring *r, int *server, int *client)
{
    struct sockaddr_in a;
    struct hr_cqe c[2];
    int lfd = zt_tcp_listener(&a);
    TRY(lfd);
    int cfd = zt_fd(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    TRYC(cfd);

    struct hr_sqe *s = SQE(r);
    hr_prep_accept(s, lfd, NULL, NULL, 0);
    hr_sqe_set_data64(s, 0xaaaaaaaa);
    s = SQE(r);
    hr_prep_connect(s, cfd, (struct sockaddr *)&a, sizeof a);
    hr_sqe_set_data64(s, 0xcccccccc);
    CHECK_EQ(hr_submit(r), 2);
    WAIT(r, c, 2);
    const struct hr_cqe *acc = FIND(c, 2, 0xaaaaaaaa);
    const struct hr_cqe *con = FIND(c, 2, 0xcccccccc);
    if (acc->res < 0)
        FAILF("accept: %d (%s)", acc->res, zt_errname(acc->res));
    zt_fd(acc->res);
    CHECK_EQ(acc->flags, 0);
    CHECK_CQE(con, 0xcccccccc, 0, 0);
    zt_close(lfd);
    *server = acc->res;
    *client = cfd;
    return HR_PASS;
}

void zt_fill(void *buf, size_t n, unsigned seed)
{
    unsigned char *p = buf;
    uint32_t x = seed * 2654435761u + 12345u;
    for (size_t i = 0; i < n; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        p[i] = (unsigned char)x;
    }
}

/* ---- runner -------------------------------------------------------------- */

static char base_dir[200];

static int rm_one(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb; (void)flag; (void)ftw;
    remove(p);
    return 0;
}

static void rm_base(void)
{
    if (base_dir[0])
        nftw(base_dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void on_fatal(int sig)
{
    rm_base();
    signal(sig, SIG_DFL);
    raise(sig);
}

/* in the child: a fresh directory per test; default signal actions */
static void before_each(int idx)
{
    signal(SIGPIPE, SIG_IGN);
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    snprintf(zt_dir, sizeof zt_dir, "%s/t%02d", base_dir, idx + 1);
    if (mkdir(zt_dir, 0700) < 0)
        FAILF("mkdir %s: %s", zt_dir, strerror(errno));
}

int main(int argc, char **argv)
{
    static const struct { const struct hr_case *cases; const int *n; } areas[] = {
        { zig_ring_cases, &zig_ring_ncases },
        { zig_rw_cases, &zig_rw_ncases },
        { zig_files_cases, &zig_files_ncases },
        { zig_sockets_cases, &zig_sockets_ncases },
        { zig_timeouts_cases, &zig_timeouts_ncases },
        { zig_buffers_cases, &zig_buffers_ncases },
        { zig_registered_cases, &zig_registered_ncases },
    };
    static struct hr_case all[64];
    static const struct hr_suite suite = { .name = "zig", .timeout_s = 10,
                                           .before_each = before_each,
                                           .after_each = zt_release_all };
    int n = 0;
    for (unsigned a = 0; a < sizeof areas / sizeof areas[0]; a++)
        for (int i = 0; i < *areas[a].n && n < ZT_NCASES(all); i++)
            all[n++] = areas[a].cases[i];

    snprintf(base_dir, sizeof base_dir, "%s/hr-zig-XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(base_dir)) {
        perror("mkdtemp");
        base_dir[0] = 0;
        hr_test_summary(argc > 1 ? argv[1] : suite.name, 0, 1, 0);
        return 1;
    }
    signal(SIGINT, on_fatal);
    signal(SIGTERM, on_fatal);
    signal(SIGHUP, on_fatal);
    const int rc = hr_test_main(&suite, all, n, argc, argv);
    rm_base();
    return rc;
}
