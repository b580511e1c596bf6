/* queue.c (libhringas-liburing) -- submission and the wait family:
 * liburing's out-of-line queue functions over the core's hr_submit* and
 * hr_wait* (core/hr_ring.h, core/hr_wait.h). */
#define _GNU_SOURCE
#include "liburing.h"

static inline void sync_sq(struct io_uring *ring)
{
    ring->sq.sqe_head = ring->hr.sq.sqe_head;
    ring->sq.sqe_tail = ring->hr.sq.sqe_tail;
}

int io_uring_submit(struct io_uring *ring)
{
    const int ret = hr_submit(hrc_ring(ring));

    sync_sq(ring);
    return ret;
}

__attribute__((weak)) unsigned __io_uring_flush_sq(struct io_uring *ring)
{
    hr_flush_sq(&ring->hr);
    sync_sq(ring);
    return hr_sq_ready(&ring->hr);
}

int io_uring_submit_and_wait(struct io_uring *ring, unsigned wait_nr)
{
    const int ret = hr_submit_and_wait(hrc_ring(ring), wait_nr);

    sync_sq(ring);
    return ret;
}

/* sigset_t is passed through: the kernel reads its first _NSIG / 8 bytes,
   which is where glibc and musl keep the signal bits. */
#define KSIG(s) ((const void *)(s))

static inline int put(struct io_uring_cqe **cqe_ptr, struct hr_cqe *c, int ret)
{
    *cqe_ptr = HRC_CQE(c);
    return ret;
}

int io_uring_submit_and_wait_timeout(struct io_uring *ring, struct io_uring_cqe **cqe_ptr,
                                     unsigned wait_nr, struct __kernel_timespec *ts,
                                     sigset_t *sigmask)
{
    struct hr_cqe *c = NULL;
    const int ret = hr_submit_and_wait_timeout(hrc_ring(ring), &c, wait_nr, ts, KSIG(sigmask));

    sync_sq(ring);
    return put(cqe_ptr, c, ret);
}

int io_uring_submit_and_wait_min_timeout(struct io_uring *ring,
                                         struct io_uring_cqe **cqe_ptr, unsigned wait_nr,
                                         struct __kernel_timespec *ts, unsigned min_wait,
                                         sigset_t *sigmask)
{
    struct hr_cqe *c = NULL;
    const int ret = hr_submit_and_wait_min_timeout(hrc_ring(ring), &c, wait_nr, ts, min_wait,
                                                   KSIG(sigmask));

    sync_sq(ring);
    return put(cqe_ptr, c, ret);
}

int io_uring_wait_cqes(struct io_uring *ring, struct io_uring_cqe **cqe_ptr,
                       unsigned wait_nr, struct __kernel_timespec *ts, sigset_t *sigmask)
{
    struct hr_cqe *c;
    int ret;

    do {                        /* untimed IOPOLL waits: see hrc_iopoll_again */
        c = NULL;
        ret = hr_wait_cqes(hrc_ring(ring), &c, wait_nr, ts, KSIG(sigmask));
    } while (ts == NULL && wait_nr > 0 && hrc_iopoll_again(ring, ret));

    sync_sq(ring);
    return put(cqe_ptr, c, ret);
}

int io_uring_wait_cqes_min_timeout(struct io_uring *ring, struct io_uring_cqe **cqe_ptr,
                                   unsigned wait_nr, struct __kernel_timespec *ts,
                                   unsigned int min_ts_usec, sigset_t *sigmask)
{
    struct hr_cqe *c = NULL;
    const int ret = hr_wait_cqes_min_timeout(hrc_ring(ring), &c, wait_nr, ts, min_ts_usec,
                                             KSIG(sigmask));

    sync_sq(ring);
    return put(cqe_ptr, c, ret);
}

int io_uring_wait_cqe_timeout(struct io_uring *ring, struct io_uring_cqe **cqe_ptr,
                              struct __kernel_timespec *ts)
{
    struct hr_cqe *c = NULL;
    const int ret = hr_wait_cqe_timeout(hrc_ring(ring), &c, ts);

    sync_sq(ring);
    return put(cqe_ptr, c, ret);
}

unsigned io_uring_peek_batch_cqe(struct io_uring *ring, struct io_uring_cqe **cqes,
                                 unsigned count)
{
    return hr_peek_batch_cqe(hrc_ring(ring), (struct hr_cqe **)(void *)cqes, count);
}

int io_uring_get_events(struct io_uring *ring)
{
    return hr_get_events(hrc_ring(ring));
}

int io_uring_submit_and_get_events(struct io_uring *ring)
{
    const int ret = hr_submit_and_get_events(hrc_ring(ring));

    sync_sq(ring);
    return ret;
}

int __io_uring_sqring_wait(struct io_uring *ring)
{
    return hr_sqring_wait(hrc_ring(ring));
}

/* liburing's internal helper, exported: submit `submit` SQEs (already
   flushed), wait for wait_nr CQEs.  Only the forms liburing's inline
   callers use are mapped: submit == 0 (a wait) and submit > 0 (a submit
   and wait). */
int __io_uring_get_cqe(struct io_uring *ring, struct io_uring_cqe **cqe_ptr,
                       unsigned submit, unsigned wait_nr, sigset_t *sigmask)
{
    if (submit == 0 && sigmask == NULL)
        return io_uring_wait_cqe_nr(ring, cqe_ptr, wait_nr);
    if (submit == 0)
        return io_uring_wait_cqes(ring, cqe_ptr, wait_nr, NULL, sigmask);
    return io_uring_submit_and_wait_timeout(ring, cqe_ptr, wait_nr, NULL, sigmask);
}

/* Publish the SQEs handed out, submit what the kernel has not consumed,
   and wait for wait_nr CQEs with the wait parameters (timeout, minimum
   wait, signal mask) of entry reg_index of the registered wait region
   (set up by io_uring_register_region with IORING_MEM_REGION_REG_WAIT_ARG,
   which records the region's size in the ring): the core's
   hr_submit_and_wait_reg.  *cqe_ptr = the oldest CQE or NULL.  Returns the
   number of SQEs submitted, else 0 with a CQE, -ETIME when the wait ran
   out without one, -EINVAL without IORING_FEAT_EXT_ARG, -EFAULT for an
   index outside the registered region (before anything is submitted; see
   DIFFERENCES.md), or the kernel's -errno.
   Matches io_uring_submit_and_wait_reg in liburing. */
int io_uring_submit_and_wait_reg(struct io_uring *ring, struct io_uring_cqe **cqe_ptr,
                                 unsigned wait_nr, int reg_index)
{
    struct hr_cqe *c = NULL;
    int ret;

    if (!(ring->features & IORING_FEAT_EXT_ARG)) {
        *cqe_ptr = NULL;
        return -EINVAL;
    }
    ret = hr_submit_and_wait_reg(hrc_ring(ring), &c, wait_nr, reg_index);
    sync_sq(ring);
    return put(cqe_ptr, c, ret);
}
