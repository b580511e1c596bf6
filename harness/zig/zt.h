/* zt.h -- scaffolding of the Zig-behaviour live-kernel suite (harness/zig).
 *
 * Each test is a function returning T_PASS / T_FAIL / T_SKIP and leaving a
 * reason in zt_msg.  The runner (zt.c) runs each in a forked child (its own
 * ring, its own fds, alarm(ZT_ALARM_S) against hangs) and prints one table
 * row per test.  Rings come from zt_ring*() and fds are registered with
 * zt_fd(): both are released after the test returns, whatever it returned.
 */
#ifndef HR_ZT_H
#define HR_ZT_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "hringas.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { T_PASS = 0, T_FAIL = 1, T_SKIP = 2 };

#define ZT_ALARM_S   10          /* per-test hard limit (SIGALRM -> FAIL) */
#define ZT_WAIT_MS   5000        /* default bound on one CQE wait         */

extern char zt_msg[512];         /* failure or skip reason                */
extern char zt_dir[256];         /* this test's fresh temporary directory */

void zt_set_msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#define FAILF(fmt, ...) do { \
        zt_set_msg("%s:%d: " fmt, __func__, __LINE__, ##__VA_ARGS__); return T_FAIL; } while (0)
#define SKIPF(fmt, ...) do { zt_set_msg(fmt, ##__VA_ARGS__); return T_SKIP; } while (0)

#define CHECK(c) do { if (!(c)) FAILF("check failed: %s", #c); } while (0)
#define CHECK_EQ(a, b) do { \
        long long a_ = (long long)(a), b_ = (long long)(b); \
        if (a_ != b_) FAILF("%s == %s: got %lld%s, expected %lld%s", #a, #b, a_, \
                            zt_errname(a_), b_, zt_errname2(b_)); } while (0)
#define CHECK_EQX(a, b) do { \
        unsigned long long a_ = (unsigned long long)(a), b_ = (unsigned long long)(b); \
        if (a_ != b_) FAILF("%s == %s: got 0x%llx, expected 0x%llx", #a, #b, a_, b_); \
    } while (0)
/* a library / ring call that returns -errno */
#define TRY(e) do { long t_ = (long)(e); \
        if (t_ < 0) FAILF("%s: %ld (%s)", #e, t_, strerror((int)-t_)); } while (0)
/* a libc call that returns -1 and sets errno */
#define TRYC(e) do { if ((long)(e) < 0) FAILF("%s: %s", #e, strerror(errno)); } while (0)
/* run a helper that returns a test status; propagate anything but T_PASS */
#define RUN(e) do { int s_ = (e); if (s_ != T_PASS) return s_; } while (0)

/* an SQE or FAIL ("submission queue full") */
#define SQE(r) ({ struct hr_sqe *s_ = hr_get_sqe(r); \
        do { if (!s_) FAILF("hr_get_sqe: submission queue full"); } while (0); s_; })

/* check a CQE completely: user_data, res, flags */
#define CHECK_CQE(c, ud, res_, flags_) do { \
        const struct hr_cqe *c_ = (c); \
        CHECK_EQX(c_->user_data, (ud)); \
        CHECK_EQ(c_->res, (res_)); \
        CHECK_EQX(c_->flags, (flags_)); } while (0)

/* " (-ENAME)" for a -errno value, else "" (two buffers: usable twice in one printf) */
const char *zt_errname(long long v);
const char *zt_errname2(long long v);

/* ring / fd bookkeeping (released after the test) */
struct hr_ring *zt_ring_params(uint32_t entries, struct io_uring_params *p, int *err);
struct hr_ring *zt_ring(uint32_t entries, uint32_t flags, int *err);
int  zt_fd(int fd);              /* track fd (returns it); -1 passes through */
void zt_close(int fd);           /* close now and untrack                     */
void zt_untrack(int fd);         /* the fd was closed some other way          */
void zt_release_all(void);

/* CQEs */
int zt_wait(struct hr_ring *r, struct hr_cqe *out, unsigned n, int ms);
#define WAIT(r, out, n) do { int w_ = zt_wait((r), (out), (n), ZT_WAIT_MS); \
        if (w_ < 0) FAILF("waiting for %u CQEs: %d%s", (unsigned)(n), w_, strerror(-w_)); \
        if ((unsigned)w_ != (unsigned)(n)) \
            FAILF("waiting for %u CQEs: got %d within %d ms", (unsigned)(n), w_, ZT_WAIT_MS); \
    } while (0)
const struct hr_cqe *zt_find(const struct hr_cqe *c, unsigned n, uint64_t ud);
#define FIND(c, n, ud) ({ const struct hr_cqe *f_ = zt_find((c), (n), (ud)); \
        do { if (!f_) FAILF("no CQE with user_data 0x%llx", (unsigned long long)(ud)); } \
        while (0); f_; })
int zt_no_cqe(struct hr_ring *r, int ms);      /* 1 if none arrives within ms */

/* opcode probe (IORING_REGISTER_PROBE through our API): 1 yes, 0 no,
   -1 probe unavailable */
int zt_op_supported(struct hr_ring *r, int op);
#define NEED_OP(r, op, name) do { if (zt_op_supported((r), (op)) == 0) \
        SKIPF("kernel lacks IORING_OP_%s (probe)", name); } while (0)
/* first use of a feature: the kernel's "I don't know this" answers */
#define SKIP_IF_UNSUPPORTED(res, what) do { int u_ = (res); \
        if (u_ == -EINVAL || u_ == -EOPNOTSUPP || u_ == -EBADF) \
            SKIPF("kernel lacks %s (first use:%s)", what, zt_errname(u_)); } while (0)
int zt_kernel_at_least(int major, int minor);

/* files and sockets */
int zt_path(char *buf, size_t len, const char *name);   /* zt_dir/name */
int zt_tcp_listener(struct sockaddr_in *addr);          /* 127.0.0.1:ephemeral */
int zt_tcp_connect(const struct sockaddr_in *addr);     /* blocking libc connect */
int zt_ring_tcp_pair(struct hr_ring *r, int *server, int *client);
uint64_t zt_now_ns(void);
void zt_fill(void *buf, size_t n, unsigned seed);

struct zt_test {
    const char *name;
    int (*fn)(void);
};
extern const struct zt_test zt_tests[];
extern const int zt_ntests;

#endif
