/* hr_kcheck.c -- the checking half of the enter wrapper (core/hr_sys.h,
 * built with -DHR_KERNEL_CHECK): after every io_uring_enter the core makes
 * in a live suite, the kernel assumptions of specs/TRUSTED.md are checked
 * against the ring as the kernel left it.
 *   K-SQTAIL  the kernel never writes the SQ tail: *sq.ktail == sq.sqe_head
 *   K-CQHEAD  the kernel never writes the CQ head: *cq.khead == cq.head
 *   K-SQHEAD  the SQ head moves forward by at most what was published and
 *             never passes the tail
 *   K-CQTAIL  CQ tail - CQ head never exceeds cq_entries
 * A violation prints what was seen and aborts the process: the test case
 * running it fails (every runner forks a child per case).  At exit the
 * number of checked enters is printed on stderr when HR_KCHECK_VERBOSE is
 * set. */
#include <hringas.h>

#include <stdio.h>
#include <stdlib.h>

static unsigned long checked;

static void violated(const char *what, unsigned long seen, unsigned long want)
{
    fprintf(stderr, "KERNEL ASSUMPTION VIOLATED: %s (seen %lu, expected %lu)\n", what, seen, want);
    abort();
}

static uint32_t load(const uint32_t *p)
{
    return __atomic_load_n(p, __ATOMIC_ACQUIRE);
}

void hr_kernel_check_before(const struct hr_ring *r, uint32_t saved[2])
{
    saved[0] = load(r->sq.khead);
    saved[1] = load(r->sq.ktail);
}

void hr_kernel_check_after(const struct hr_ring *r, int ret, const uint32_t saved[2])
{
    (void)ret;
    const uint32_t head = load(r->sq.khead), tail = load(r->sq.ktail);
    const uint32_t pending = saved[1] - saved[0];
    if (tail != saved[1])
        violated("K-SQTAIL: the SQ tail changed across io_uring_enter", tail, saved[1]);
    if (tail != r->sq.sqe_head)
        violated("K-SQTAIL: SQ tail differs from the published tail", tail, r->sq.sqe_head);
    if (load(r->cq.khead) != r->cq.head)
        violated("K-CQHEAD: the kernel wrote the CQ head", load(r->cq.khead), r->cq.head);
    if ((uint32_t)(head - saved[0]) > pending)
        violated("K-SQHEAD: the SQ head moved more than was published", head - saved[0], pending);
    if ((uint32_t)(tail - head) > r->sq.entries)
        violated("K-SQHEAD: the SQ head passed the tail", tail - head, r->sq.entries);
    const uint32_t ct = load(r->cq.ktail);
    if ((uint32_t)(ct - r->cq.head) > r->cq.entries)
        violated("K-CQTAIL: CQ tail - head exceeds cq_entries", ct - r->cq.head, r->cq.entries);
    checked++;
}

static void report(void) __attribute__((destructor));
static void report(void)
{
    if (getenv("HR_KCHECK_VERBOSE"))
        fprintf(stderr, "kernel assumptions checked on %lu enters\n", checked);
}

/* How many enters were checked so far (for suites that print it). */
unsigned long hr_kernel_checked_enters(void);
unsigned long hr_kernel_checked_enters(void)
{
    return checked;
}
