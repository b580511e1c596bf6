/* hr_kcheck.h -- the checking build of the enter wrapper, a test hook:
 * core/hr_sys.h, built with -DHR_KERNEL_CHECK (every live suite is built so:
 * HOST_CFLAGS in GNUmakefile; the library and the bench never are), renames
 * its shipped hr__sys_enter to hr__sys_enter_unchecked and includes this
 * header, whose hr__sys_enter (at the end) wraps it: after every
 * io_uring_enter the core makes in a live suite, the kernel assumptions of
 * specs/TRUSTED.md are checked against the ring as the kernel left it.
 *   K-SQTAIL  the kernel never writes the SQ tail: *sq.ktail == sq.sqe_head
 *   K-CQHEAD  the kernel never writes the CQ head: *cq.khead == cq.head
 *   K-SQHEAD  the SQ head moves forward by at most what was published and
 *             never passes the tail
 *   K-CQTAIL  CQ tail - CQ head never exceeds cq_entries
 * A violation prints what was seen and aborts the process: the test case
 * running it fails (every runner forks a child per case). */
#ifndef HR_KCHECK_H
#define HR_KCHECK_H

#include <stdio.h>
#include <stdlib.h>

static unsigned long hr_kcheck_enters;

static inline void hr_kcheck_violated(const char *what, unsigned long seen, unsigned long want)
{
    fprintf(stderr, "KERNEL ASSUMPTION VIOLATED: %s (seen %lu, expected %lu)\n", what, seen, want);
    abort();
}

static inline uint32_t hr_kcheck_load(const uint32_t *p)
{
    return __atomic_load_n(p, __ATOMIC_ACQUIRE);
}

static inline void hr_kernel_check_before(const struct hr_ring *r, uint32_t saved[2])
{
    saved[0] = hr_kcheck_load(r->sq.khead);
    saved[1] = hr_kcheck_load(r->sq.ktail);
}

static inline void hr_kernel_check_after(const struct hr_ring *r, int ret, const uint32_t saved[2])
{
    (void)ret;
    const uint32_t head = hr_kcheck_load(r->sq.khead), tail = hr_kcheck_load(r->sq.ktail);
    const uint32_t pending = saved[1] - saved[0];
    if (tail != saved[1])
        hr_kcheck_violated("K-SQTAIL: the SQ tail changed across io_uring_enter", tail, saved[1]);
    if (tail != r->sq.sqe_head)
        hr_kcheck_violated("K-SQTAIL: SQ tail differs from the published tail", tail, r->sq.sqe_head);
    if (hr_kcheck_load(r->cq.khead) != r->cq.head)
        hr_kcheck_violated("K-CQHEAD: the kernel wrote the CQ head", hr_kcheck_load(r->cq.khead), r->cq.head);
    if ((uint32_t)(head - saved[0]) > pending)
        hr_kcheck_violated("K-SQHEAD: the SQ head moved more than was published", head - saved[0], pending);
    if ((uint32_t)(tail - head) > r->sq.entries)
        hr_kcheck_violated("K-SQHEAD: the SQ head passed the tail", tail - head, r->sq.entries);
    const uint32_t ct = hr_kcheck_load(r->cq.ktail);
    if ((uint32_t)(ct - r->cq.head) > r->cq.entries)
        hr_kcheck_violated("K-CQTAIL: CQ tail - head exceeds cq_entries", ct - r->cq.head, r->cq.entries);
    hr_kcheck_enters++;
}

/* The enter every core function calls in a test build: the shipped one
   (core/hr_sys.h), between the checks. */
HR_HOT int hr__sys_enter(struct hr_ring *r, uint32_t to_submit, uint32_t min_complete,
                         uint32_t flags, const void *arg, uint64_t argsz)
{
    uint32_t saved[2];
    hr_kernel_check_before(r, saved);
    const int ret = hr__sys_enter_unchecked(r, to_submit, min_complete, flags, arg, argsz);
    hr_kernel_check_after(r, ret, saved);
    return ret;
}

#endif
