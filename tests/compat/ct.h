/* ct.h -- helpers of the compat differential programs.  Each program is
 * written against liburing's API only, built once against Debian's liburing
 * and once against core/compat (hringas-c), run, and the two outputs are
 * compared by run.sh.  Print only what both must agree on (results, flags,
 * counts), never addresses, fds or timings.  Exit 0 pass, 1 fail, 77 skip
 * (only when the running kernel lacks a feature, with the reason). */
#ifndef COMPAT_CT_H
#define COMPAT_CT_H
#define _GNU_SOURCE
#include <liburing.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <unistd.h>

#define FAIL(...) do { printf("FAIL %s:%d: ", __FILE__, __LINE__); \
        printf(__VA_ARGS__); printf("\n"); exit(1); } while (0)
#define CHECK(c) do { if (!(c)) FAIL("%s", #c); } while (0)
#define CHECK_EQ(a, b) do { long long a_ = (long long)(a), b_ = (long long)(b); \
        if (a_ != b_) FAIL("%s == %lld, expected %s == %lld", #a, a_, #b, b_); } while (0)
#define SKIP(...) do { printf("SKIP: "); printf(__VA_ARGS__); printf("\n"); exit(77); } while (0)

static inline struct io_uring_sqe *ct_sqe(struct io_uring *r)
{
    struct io_uring_sqe *s = io_uring_get_sqe(r);
    if (!s)
        FAIL("get_sqe: ring full");
    return s;
}

/* Wait for one CQE, print it, mark it seen; returns its res. */
static inline int ct_reap(struct io_uring *r, const char *what)
{
    struct io_uring_cqe *c;
    int ret = io_uring_wait_cqe(r, &c);
    if (ret)
        FAIL("%s: wait_cqe %d", what, ret);
    int res = c->res;
    printf("%s: user_data=%llu res=%d flags=0x%x\n", what,
           (unsigned long long)c->user_data, c->res, c->flags);
    io_uring_cqe_seen(r, c);
    return res;
}

/* Wait for n CQEs and print them sorted by user_data (completion order of
   independent requests is not fixed). */
struct ct_cqe { unsigned long long ud; int res; unsigned flags; };
static int ct_cmp(const void *a, const void *b)
{
    const struct ct_cqe *x = a, *y = b;
    return x->ud < y->ud ? -1 : x->ud > y->ud;
}
static inline void ct_reap_sorted(struct io_uring *r, int n, const char *what,
                                  struct ct_cqe *out)
{
    struct ct_cqe buf[64];
    struct ct_cqe *v = out ? out : buf;
    for (int i = 0; i < n; i++) {
        struct io_uring_cqe *c;
        int ret = io_uring_wait_cqe(r, &c);
        if (ret)
            FAIL("%s: wait_cqe %d (after %d)", what, ret, i);
        v[i].ud = c->user_data; v[i].res = c->res; v[i].flags = c->flags;
        io_uring_cqe_seen(r, c);
    }
    qsort(v, n, sizeof(*v), ct_cmp);
    for (int i = 0; i < n; i++)
        printf("%s: user_data=%llu res=%d flags=0x%x\n", what, v[i].ud, v[i].res, v[i].flags);
}

static inline void ct_init(struct io_uring *r, unsigned entries, unsigned flags)
{
    int ret = io_uring_queue_init(entries, r, flags);
    if (ret == -EINVAL || ret == -EOPNOTSUPP)
        SKIP("io_uring_queue_init(%u, flags 0x%x): %d, kernel lacks it", entries, flags, ret);
    if (ret)
        FAIL("queue_init %d", ret);
}

static inline void ct_tmpfile(char *path, size_t n)
{
    snprintf(path, n, "/tmp/hr-compat-%d-XXXXXX", (int)getpid());
    int fd = mkstemp(path);
    if (fd < 0)
        FAIL("mkstemp");
    close(fd);
}
#endif
