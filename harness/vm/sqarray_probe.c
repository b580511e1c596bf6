/* sqarray_probe.c -- suite `sqarray`, run inside the VM suites (harness/vm):
 * says which SQ layout the running kernel gave the library's ring, and drives
 * the pre-6.6 SQ-array path of hr_flush_sq live.
 *
 *   setup-flags   print the ring's IORING_SETUP_* flags, features, and
 *                 whether r.sq.array is used; check they agree (the array
 *                 is there iff NO_SQARRAY is not set)
 *   sqarray-nops  on a kernel that rejects IORING_SETUP_NO_SQARRAY (< 6.6):
 *                 4500 NOPs in batches of 1..8 through an 8-entry ring (the
 *                 array wraps ~560 times); every CQE's user_data and res
 *                 checked, and after every flush the published slots of
 *                 sq.array hold the identity map.  Skipped (with the reason)
 *                 on a kernel that accepts NO_SQARRAY: there the library
 *                 never takes the array path.
 *   explicit      asking for IORING_SETUP_NO_SQARRAY is an error (-EINVAL,
 *                 nothing left open) exactly on a kernel without it, and
 *                 a ring without array otherwise.
 * Last line: `sqarray: N passed, N failed, N skipped`. */
#define _GNU_SOURCE
#include "hringas.h"

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/utsname.h>

enum { PASS = 0, FAIL = 1, SKIP = 77 };
static char why[256];

#define CHECKF(c, ...) do { if (!(c)) { snprintf(why, sizeof why, __VA_ARGS__); return FAIL; } } while (0)

static int open_fds(void)
{
    int n = 0;
    DIR *d = opendir("/proc/self/fd");
    if (!d)
        return -1;
    for (struct dirent *e; (e = readdir(d)) != NULL;)
        n += e->d_name[0] != '.';
    closedir(d);
    return n - 1;                 /* the directory's own fd */
}

static int kernel_has_no_sqarray = -1;   /* from setup-flags */

static int t_setup_flags(void)
{
    struct hr_ring r;
    struct utsname u;
    uname(&u);
    int ret = hr_ring_init(&r, 8, 0);
    CHECKF(ret == 0, "hr_ring_init(8, 0) = %d", ret);
    const int no_array = (r.flags & IORING_SETUP_NO_SQARRAY) != 0;
    printf("  info  kernel %s %s: ring setup flags 0x%x (IORING_SETUP_NO_SQARRAY %s), "
           "features 0x%x, sq.array %s\n", u.release, u.machine, r.flags,
           no_array ? "set" : "not set: the kernel rejected it", r.features,
           r.sq.array ? "in use (pre-6.6 SQ-array path)" : "NULL (no SQ array)");
    kernel_has_no_sqarray = no_array;
    const int has_array = r.sq.array != NULL;
    hr_ring_exit(&r);
    CHECKF(has_array != no_array, "sq.array %s but NO_SQARRAY %s",
           has_array ? "set" : "NULL", no_array ? "set" : "not set");
    return PASS;
}

static int t_sqarray_nops(void)
{
    if (kernel_has_no_sqarray != 0) {
        snprintf(why, sizeof why, "kernel accepts IORING_SETUP_NO_SQARRAY (>= 6.6): "
                 "the library uses no SQ array there");
        return SKIP;
    }
    struct hr_ring r;
    struct hr_cqe out[8];
    int ret = hr_ring_init(&r, 8, 0);
    CHECKF(ret == 0, "hr_ring_init(8, 0) = %d", ret);
    CHECKF(r.sq.array != NULL, "no SQ array on a kernel without NO_SQARRAY");
    uint64_t next = 1, total = 0;
    int result = PASS;
    for (unsigned round = 0; round < 1000 && result == PASS; round++) {
        const unsigned batch = 1 + round % 8;
        const uint32_t tail0 = r.sq.sqe_tail;
        for (unsigned i = 0; i < batch; i++) {
            struct hr_sqe *s = hr_get_sqe(&r);
            if (!s) { snprintf(why, sizeof why, "round %u: get_sqe NULL", round); result = FAIL; break; }
            hr_prep_nop(s);
            hr_sqe_set_data64(s, next + i);
        }
        if (result != PASS)
            break;
        ret = hr_submit_and_wait(&r, batch);
        if (ret != (int)batch) {
            snprintf(why, sizeof why, "round %u: submit_and_wait(%u) = %d", round, batch, ret);
            result = FAIL;
            break;
        }
        for (unsigned i = 0; i < batch; i++) {
            const uint32_t slot = (tail0 + i) & r.sq.mask;
            if (r.sq.array[slot] != slot) {
                snprintf(why, sizeof why, "round %u: sq.array[%u] = %u, not the identity",
                         round, slot, r.sq.array[slot]);
                result = FAIL;
                break;
            }
        }
        unsigned got = 0;
        while (got < batch && result == PASS) {
            int n = hr_copy_cqes(&r, out, 8, batch - got);
            if (n <= 0) { snprintf(why, sizeof why, "round %u: copy_cqes = %d", round, n); result = FAIL; break; }
            for (int i = 0; i < n; i++) {
                if (out[i].res != 0 || out[i].user_data != next + got + (unsigned)i) {
                    snprintf(why, sizeof why, "round %u: CQE user_data %llu res %d, expected %llu res 0",
                             round, (unsigned long long)out[i].user_data, out[i].res,
                             (unsigned long long)(next + got + (unsigned)i));
                    result = FAIL;
                    break;
                }
            }
            got += (unsigned)n;
        }
        next += batch;
        total += batch;
    }
    hr_ring_exit(&r);
    if (result == PASS)
        printf("  info  SQ-array path ran live: %llu NOPs through sq.array of an 8-entry ring\n",
               (unsigned long long)total);
    return result;
}

static int t_explicit(void)
{
    struct hr_ring r;
    const int fds = open_fds();
    int ret = hr_ring_init(&r, 8, IORING_SETUP_NO_SQARRAY);
    if (kernel_has_no_sqarray == 0) {
        CHECKF(ret == -HR_EINVAL, "hr_ring_init(NO_SQARRAY) on a kernel without it = %d, not -EINVAL", ret);
        CHECKF(r.ring_fd == -1, "ring_fd %d after a failed init", r.ring_fd);
        CHECKF(open_fds() == fds, "fds open: %d before, %d after", fds, open_fds());
        return PASS;
    }
    CHECKF(ret == 0, "hr_ring_init(NO_SQARRAY) = %d", ret);
    const int ok = r.sq.array == NULL && (r.flags & IORING_SETUP_NO_SQARRAY);
    hr_ring_exit(&r);
    CHECKF(ok, "NO_SQARRAY asked and granted, yet sq.array is used");
    return PASS;
}

int main(void)
{
    static const struct { const char *name; int (*fn)(void); } cases[] = {
        { "setup-flags: ring flags, features, SQ array (printed above)", t_setup_flags },
        { "sqarray-nops: 4500 NOPs through the SQ array (pre-6.6 path)", t_sqarray_nops },
        { "explicit NO_SQARRAY: -EINVAL without it, no array with it", t_explicit },
    };
    int p = 0, f = 0, s = 0;
    setvbuf(stdout, NULL, _IOLBF, 0);
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        why[0] = 0;
        const int r = cases[i].fn();
        if (r == PASS) { p++; printf("  PASS  %s\n", cases[i].name); }
        else if (r == SKIP) { s++; printf("  SKIP  %s: %s\n", cases[i].name, why); }
        else { f++; printf("  FAIL  %s: %s\n", cases[i].name, why); }
    }
    printf("sqarray: %d passed, %d failed, %d skipped\n", p, f, s);
    return f != 0;
}
