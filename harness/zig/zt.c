/* zt.c -- scaffolding and runner of the Zig-behaviour suite (see zt.h). */
#include "zt.h"

#include <ftw.h>
#include <poll.h>
#include <stdarg.h>

char zt_msg[512];
char zt_dir[256];

void zt_set_msg(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(zt_msg, sizeof zt_msg, fmt, ap);
    va_end(ap);
}

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

const char *zt_errname2(long long v)
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

void zt_release_all(void)
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

/* ---- feature detection --------------------------------------------------- */

int zt_op_supported(struct hr_ring *r, int op)
{
    static union hr_probe probe;
    if (hr_get_probe_ring(r, &probe) < 0)
        return -1;
    return hr_probe_opcode_supported(&probe.hdr, op) ? 1 : 0;
}

int zt_kernel_at_least(int major, int minor)
{
    struct utsname u;
    int ma = 0, mi = 0;
    if (uname(&u) != 0 || sscanf(u.release, "%d.%d", &ma, &mi) != 2)
        return 0;
    return ma > major || (ma == major && mi >= minor);
}

/* ---- files and sockets --------------------------------------------------- */

int zt_path(char *buf, size_t len, const char *name)
{
    return snprintf(buf, len, "%s/%s", zt_dir, name);
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
    CHECK_EQX(acc->flags, 0);
    CHECK_CQE(con, 0xcccccccc, 0, 0);
    zt_close(lfd);
    *server = acc->res;
    *client = cfd;
    return T_PASS;
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
static volatile pid_t cur_child;
static int result_fd = -1;

static int rm_one(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
    (void)sb; (void)flag; (void)ftw;
    return remove(p) < 0 ? 0 : 0;
}

static void rm_base(void)
{
    if (base_dir[0])
        nftw(base_dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static void on_fatal(int sig)
{
    if (cur_child > 0)
        kill(cur_child, SIGKILL);
    rm_base();
    signal(sig, SIG_DFL);
    raise(sig);
}

static void on_alarm(int sig)
{
    (void)sig;
    static const char m[] = "Ftimed out after 10 s (SIGALRM): the test hung";
    if (result_fd >= 0)
        (void)!write(result_fd, m, sizeof m - 1);
    _exit(3);
}

static void run_child(int idx, int wfd)
{
    result_fd = wfd;
    signal(SIGALRM, on_alarm);
    signal(SIGPIPE, SIG_IGN);
    signal(SIGINT, SIG_DFL);
    signal(SIGTERM, SIG_DFL);
    signal(SIGHUP, SIG_DFL);
    alarm(ZT_ALARM_S);
    snprintf(zt_dir, sizeof zt_dir, "%s/t%02d", base_dir, idx + 1);
    if (mkdir(zt_dir, 0700) < 0) {
        dprintf(wfd, "Fmkdir %s: %s", zt_dir, strerror(errno));
        _exit(1);
    }
    zt_msg[0] = 0;
    int st = zt_tests[idx].fn();
    zt_release_all();
    alarm(0);
    char c = st == T_PASS ? 'P' : st == T_SKIP ? 'S' : 'F';
    dprintf(wfd, "%c%s", c, zt_msg);
    _exit(st == T_FAIL ? 1 : 0);
}

int main(int argc, char **argv)
{
    int passed = 0, failed = 0, skipped = 0;
    int only = argc > 1 ? atoi(argv[1]) : 0;     /* run one test: its number */

    setvbuf(stdout, NULL, _IOLBF, 0);
    snprintf(base_dir, sizeof base_dir, "%s/hr-zig-XXXXXX",
             getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(base_dir)) {
        perror("mkdtemp");
        base_dir[0] = 0;
        printf("zig: 0 passed, 1 failed, 0 skipped\n");
        return 1;
    }
    signal(SIGINT, on_fatal);
    signal(SIGTERM, on_fatal);
    signal(SIGHUP, on_fatal);

    printf("  # %-48s %-6s %s\n", "test", "result", "note");
    for (int i = 0; i < zt_ntests; i++) {
        if (only && i + 1 != only)
            continue;
        int pfd[2];
        char buf[600];
        size_t len = 0;
        if (pipe2(pfd, O_CLOEXEC) < 0) {
            perror("pipe");
            failed++;
            continue;
        }
        fflush(stdout);
        pid_t pid = fork();
        if (pid == 0) {
            close(pfd[0]);
            run_child(i, pfd[1]);
        }
        close(pfd[1]);
        cur_child = pid;
        /* the child's own alarm fires at 10 s; this is the backstop */
        uint64_t deadline = zt_now_ns() + (uint64_t)(ZT_ALARM_S + 5) * 1000000000u;
        int killed = 0;
        for (;;) {
            uint64_t now = zt_now_ns();
            if (now >= deadline) {
                kill(pid, SIGKILL);
                killed = 1;
                break;
            }
            struct pollfd p = { .fd = pfd[0], .events = POLLIN };
            int pr = poll(&p, 1, (int)((deadline - now) / 1000000u) + 1);
            if (pr < 0 && errno == EINTR)
                continue;
            if (pr <= 0)
                continue;
            ssize_t k = read(pfd[0], buf + len, sizeof buf - 1 - len);
            if (k < 0 && errno == EINTR)
                continue;
            if (k <= 0)
                break;
            len += (size_t)k;
            if (len == sizeof buf - 1)
                break;
        }
        buf[len] = 0;
        close(pfd[0]);
        int ws = 0;
        waitpid(pid, &ws, 0);
        cur_child = 0;

        const char *res, *note = len > 1 ? buf + 1 : "";
        char why[96] = "";
        if (killed) {
            res = "FAIL";
            note = "killed after 15 s: the test hung";
        } else if (len == 0) {
            res = "FAIL";
            if (WIFSIGNALED(ws))
                snprintf(why, sizeof why, "child died: %s", strsignal(WTERMSIG(ws)));
            else
                snprintf(why, sizeof why, "child exited %d without a result",
                         WIFEXITED(ws) ? WEXITSTATUS(ws) : -1);
            note = why;
        } else if (buf[0] == 'P' && WIFEXITED(ws) && WEXITSTATUS(ws) == 0) {
            res = "PASS";
        } else if (buf[0] == 'S' && WIFEXITED(ws) && WEXITSTATUS(ws) == 0) {
            res = "SKIP";
        } else {
            res = "FAIL";
        }
        if (res[0] == 'P')
            passed++;
        else if (res[0] == 'S')
            skipped++;
        else
            failed++;
        printf(" %2d %-48s %-6s %s\n", i + 1, zt_tests[i].name, res, note);
    }
    rm_base();
    printf("zig: %d passed, %d failed, %d skipped\n", passed, failed, skipped);
    return failed ? 1 : 0;
}
