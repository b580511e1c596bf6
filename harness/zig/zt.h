/* zt.h -- helpers of the Zig-behaviour live-kernel suite (harness/zig).
 *
 * The suite: the 41 tests of Zig's std.os.linux.IoUring (lib/std/os/linux/
 * IoUring.zig, the `test "..."` blocks that need a live kernel), each
 * rewritten against the hringas C API; a test skips where Zig's skips
 * (the kernel lacks the op or feature, found by a probe or by the kernel's
 * answer to the first use).  One file per area (zig_ring.c, zig_rw.c,
 * zig_files.c, zig_sockets.c, zig_timeouts.c, zig_buffers.c,
 * zig_registered.c), each exporting a table of cases; zt.c runs them all.
 *
 * The runner and CHECK/CHECKF/CHECK_EQ/FAILF/SKIP_BECAUSE are those of
 * tests/hr_test.h: every test runs in its own child with a timeout, a
 * failed check ends it.  Rings come from zt_ring*() and fds are registered
 * with zt_fd(): both are released after the test returns.  zt_dir is the
 * test's own fresh temporary directory.
 */
#ifndef HR_ZT_H
#define HR_ZT_H

#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include "hringas.h"
#include "hr_test.h"

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
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* bound on one CQE wait (5 s, scaled by HR_TEST_TIMEOUT_SCALE) */
#define ZT_WAIT_MS ((int)hr_test_scaled_ms(5000))

extern char zt_dir[256];         /* this test's fresh temporary directory */

/* a library / ring call that returns -errno */
#define TRY(e) do { long t_ = (long)(e); \
        if (t_ < 0) FAILF("%s: %ld (%s)", #e, t_, strerror((int)-t_)); } while (0)
/* a libc call that returns -1 and sets errno */
#define TRYC(e) do { if ((long)(e) < 0) FAILF("%s: %s", #e, strerror(errno)); } while (0)
/* run a helper that returns a test status; propagate anything but HR_PASS */
#define RUN(e) do { int s_ = (e); if (s_ != HR_PASS) return s_; } while (0)

/* an SQE or FAIL ("submission queue full") */
#define SQE(r) ({ struct hr_sqe *s_ = hr_get_sqe(r); \
        do { if (!s_) FAILF("hr_get_sqe: submission queue full"); } while (0); s_; })

/* a ring of `entries` with setup `flags` (released after the test), or FAIL */
#define RING(var, entries, flags) \
    struct hr_ring *var; \
    do { int e_; var = zt_ring((entries), (flags), &e_); \
         if (!var) FAILF("hr_ring_init(%u): %d%s", (unsigned)(entries), e_, zt_errname(e_)); \
    } while (0)

/* check a CQE completely: user_data, res, flags */
#define CHECK_CQE(c, ud, res_, flags_) do { \
        const struct hr_cqe *c_ = (c); \
        CHECK_EQ(c_->user_data, (ud)); \
        CHECK_EQ(c_->res, (res_)); \
        CHECK_EQ(c_->flags, (flags_)); } while (0)

/* the SQE a prep helper must write: every field zero except these */
struct hr_sqe zt_sqe_expect(uint8_t op, int32_t fd, uint64_t addr, uint32_t len, uint64_t off);
/* all 64 bytes of an SQE as expected */
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

/* " (-ENAME)" for a -errno value, else "" */
const char *zt_errname(long long v);

/* ring / fd bookkeeping (released after the test) */
struct hr_ring *zt_ring_params(uint32_t entries, struct io_uring_params *p, int *err);
struct hr_ring *zt_ring(uint32_t entries, uint32_t flags, int *err);
int  zt_fd(int fd);              /* track fd (returns it); -1 passes through */
void zt_close(int fd);           /* close now and untrack                     */
void zt_untrack(int fd);         /* the fd was closed some other way          */

/* CQEs */
int zt_wait(struct hr_ring *r, struct hr_cqe *out, unsigned n, int ms);
#define WAIT(r, out, n) do { const int ms_ = ZT_WAIT_MS; \
        int w_ = zt_wait((r), (out), (n), ms_); \
        if (w_ < 0) FAILF("waiting for %u CQEs: %d%s", (unsigned)(n), w_, strerror(-w_)); \
        if ((unsigned)w_ != (unsigned)(n)) \
            FAILF("waiting for %u CQEs: got %d within %d ms", (unsigned)(n), w_, ms_); \
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
        SKIP_BECAUSE("kernel lacks IORING_OP_%s (probe)", name); } while (0)
/* first use of a feature: the kernel's "I don't know this" answers */
#define SKIP_IF_UNSUPPORTED(res, what) do { int u_ = (res); \
        if (u_ == -EINVAL || u_ == -EOPNOTSUPP || u_ == -EBADF) \
            SKIP_BECAUSE("kernel lacks %s (first use:%s)", what, zt_errname(u_)); } while (0)

/* files and sockets */
int zt_path(char *buf, size_t len, const char *name);   /* zt_dir/name */
/* create zt_dir/name holding n bytes of data; its path in path */
int zt_make_file(const char *name, char *path, size_t plen, const void *data, size_t n);
/* read up to cap bytes of the file at path; the count in *got */
int zt_read_file(const char *path, void *buf, size_t cap, ssize_t *got);
int zt_tcp_listener(struct sockaddr_in *addr);          /* 127.0.0.1:ephemeral */
int zt_tcp_connect(const struct sockaddr_in *addr);     /* blocking libc connect */
int zt_ring_tcp_pair(struct hr_ring *r, int *server, int *client);
uint64_t zt_now_ns(void);
void zt_fill(void *buf, size_t n, unsigned seed);

/* the tables of the area files, run in this order by zt.c */
#define ZT_AREA(a) extern const struct hr_case zig_##a##_cases[]; extern const int zig_##a##_ncases;
ZT_AREA(ring)
ZT_AREA(rw)
ZT_AREA(files)
ZT_AREA(sockets)
ZT_AREA(timeouts)
ZT_AREA(buffers)
ZT_AREA(registered)
#undef ZT_AREA
#define ZT_NCASES(t) ((int)(sizeof(t) / sizeof((t)[0])))

#endif
