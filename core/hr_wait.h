/* hr_wait.h -- waiting for completions and walking them in place: the
 * liburing wait family (wait_cqe, wait_cqes, timeouts, min-wait), batches
 * of CQE pointers, the for-each iterator, events, SQPOLL space, fork.
 * Static inline; contracts: specs/hr_wait_spec.h; proved in proofs unit `wait`.
 *
 * How a wait decides (liburing's _io_uring_get_cqe): look at the CQ; enter
 * the kernel only when fewer than wait_nr CQEs are ready, SQEs are to be
 * submitted (under SQPOLL: only if the poller sleeps), or -- nothing ready,
 * nothing to wait for -- the ring is IOPOLL or the kernel flags overflowed
 * CQEs / task work.  Differences from liburing, all on paths a sane kernel
 * never takes: at most HR_WAIT_ROUNDS enters per call (then -EINTR, "call
 * again"), our CQ head is stored again before every enter (a corrupted head
 * word would otherwise make the kernel return at once, forever), a CQ tail
 * more than `entries` ahead is -EIO, and timeouts need IORING_FEAT_EXT_ARG
 * (Linux 5.11; older kernels fail the enter with -EINVAL) instead of
 * liburing's internal timeout SQE.
 *
 * sigmask arguments: a kernel sigset (8 bytes, _NSIG / 8) or NULL, in the
 * position of liburing's sigset_t *.
 */
#ifndef HRINGAS_WAIT_H
#define HRINGAS_WAIT_H

#include "hr_compiler.h"
HR_BEGIN_DECLS

#include "hr_ring.h"

#ifndef HR_ETIME
#define HR_ETIME 62
#endif
#ifndef IORING_FEAT_MIN_TIMEOUT
#define IORING_FEAT_MIN_TIMEOUT (1U << 15)
#endif

/* How a wait passes its parameters (the ext argument of hr__wait_enter and
   hr__get_cqe): 0 the sigset alone, HR_WAIT_EXT a struct
   io_uring_getevents_arg (IORING_ENTER_EXT_ARG), HR_WAIT_REG entry
   reg_index of the registered wait region (IORING_ENTER_EXT_ARG_REG). */
#define HR_WAIT_EXT 1
#define HR_WAIT_REG 2
/* byte offset of entry i of the registered wait region: the enter's argument */
#define HR_REG_WAIT_OFF(i) ((uint64_t)(i) * sizeof(struct hr_reg_wait))

/* Size of the kernel's sigset_t (_NSIG / 8 on every Linux architecture we build for). */
#define HR_SIGSET_SIZE 8u

/* struct io_uring_getevents_arg with its 6.12 field name (older uapi
   headers call min_wait_usec `pad`); layout pinned below. */
struct hr_getevents_arg {
    uint64_t sigmask;
    uint32_t sigmask_sz;
    uint32_t min_wait_usec;
    uint64_t ts;
};
HR_STATIC_ASSERT(sizeof(struct hr_getevents_arg) == sizeof(struct io_uring_getevents_arg),
                 "getevents_arg size");
HR_STATIC_ASSERT(offsetof(struct hr_getevents_arg, sigmask_sz) ==
                 offsetof(struct io_uring_getevents_arg, sigmask_sz), "sigmask_sz");
HR_STATIC_ASSERT(offsetof(struct hr_getevents_arg, min_wait_usec) == 12, "min_wait_usec");
HR_STATIC_ASSERT(offsetof(struct hr_getevents_arg, ts) ==
                 offsetof(struct io_uring_getevents_arg, ts), "ts");

#include "hr_wait_spec.h"

/* ---- helpers ------------------------------------------------------------ */

static inline struct hr_cqe *hr__cq_head_cqe(struct hr_ring *r)
{
    return r->cq.cqes + hr__units(hr__slot(r->cq.head, r->cq.mask, r->cq.shift),
                                  r->cq.cqe_shift);
}

static inline int hr__cq_need(struct hr_ring *r, uint32_t avail, uint32_t submit,
                              uint32_t wait_nr, uint32_t looped)
{
    if (avail == 0 && wait_nr == 0 && submit == 0) {
        /* nothing to reap, wait for or submit: enter only to flush
           overflowed CQEs / run task work (or reap IOPOLL), once */
        if (looped || !((r->flags & IORING_SETUP_IOPOLL) || hr_cq_ring_needs_flush(r)))
            return -1;
        return 1;
    }
    return wait_nr > avail;
}

static inline int hr__wait_decide(struct hr_ring *r, uint32_t avail, uint32_t submit,
                                  uint32_t wait_nr, uint32_t looped, uint32_t *flags)
{
    const int cq = hr__cq_need(r, avail, submit, wait_nr, looped);
    if (cq < 0)
        return -1;
    *flags = cq ? IORING_ENTER_GETEVENTS : 0;
    if (!submit)
        return cq;
    //@ assert busy: !(avail == 0 && wait_nr == 0 && submit == 0);
    const int sq = hr_sq_ring_needs_enter(r, submit, flags);
    return cq || sq;
}

/* One io_uring_enter with IORING_ENTER_EXT_ARG and the struct
   io_uring_getevents_arg built on the stack; the ghost log records the
   struct as the kernel gets it. */
HR_HOT int hr__sys_enter_ext(struct hr_ring *r, uint32_t to_submit, uint32_t min_complete,
                             uint32_t flags, const void *sigmask,
                             struct __kernel_timespec *ts, uint32_t min_wait_usec)
{
    struct hr_getevents_arg arg;
    arg.sigmask = HR_PTR64(sigmask);
    arg.sigmask_sz = HR_SIGSET_SIZE;
    arg.min_wait_usec = min_wait_usec;
    arg.ts = HR_PTR64(ts);
    /*@ ghost hr_ext_sigmask = arg.sigmask;  hr_ext_sigmask_sz = arg.sigmask_sz;
              hr_ext_min_wait = arg.min_wait_usec;  hr_ext_ts = arg.ts; */
    return hr__sys_enter(r, to_submit, min_complete, flags | IORING_ENTER_EXT_ARG,
                         &arg, sizeof arg);
}

/* The EXT_ARG enter with hr_enter's contract (one small proof, so that
   hr__wait_enter composes three calls whose contracts keep ring_ok). */
HR_HOT int hr__enter_ext(struct hr_ring *r, uint32_t to_submit, uint32_t min_complete,
                         uint32_t flags, const void *sigmask,
                         struct __kernel_timespec *ts, uint32_t min_wait_usec)
{
    return hr__sys_enter_ext(r, to_submit, min_complete, flags, sigmask, ts, min_wait_usec);
}

HR_HOT int hr__wait_enter(struct hr_ring *r, uint32_t to_submit, uint32_t min_complete,
                          uint32_t flags, int ext, const void *sigmask,
                          struct __kernel_timespec *ts, uint32_t min_wait_usec,
                          uint32_t reg_index)
{
    if (!(flags & IORING_ENTER_GETEVENTS))
        return hr_enter(r, to_submit, min_complete, flags, 0, 0);
    if (!ext)
        return hr_enter(r, to_submit, min_complete, flags, sigmask,
                        sigmask ? HR_SIGSET_SIZE : 0);
    if (ext == HR_WAIT_REG)         /* the argument: the entry's byte offset */
        return hr_enter(r, to_submit, min_complete,
                        flags | IORING_ENTER_EXT_ARG | HR_ENTER_EXT_ARG_REG,
                        (const void *)(uintptr_t)HR_REG_WAIT_OFF(reg_index),
                        sizeof(struct hr_reg_wait));
    return hr__enter_ext(r, to_submit, min_complete, flags, sigmask, ts, min_wait_usec);
}

HR_HOT int hr__get_cqe(struct hr_ring *r, struct hr_cqe **cqe_ptr, uint32_t submit,
                       uint32_t wait_nr, int ext, const void *sigmask,
                       struct __kernel_timespec *ts, uint32_t min_wait_usec,
                       uint32_t reg_index)
{
    const int has_ts = ts != 0 || ext == HR_WAIT_REG;   /* liburing: a registered wait may time out */
    struct hr_cqe *c = 0;
    uint32_t left = submit;         /* still to submit */
    uint32_t looped = 0;            /* entered once without getting a CQE */
    uint32_t flags = 0;
    uint32_t round;
    int err = 0;
    //@ ghost hr_wait_enters = 0;
    //@ ghost hr_wait_submit = submit;
    //@ ghost hr_wait_took = 0;
    //@ ghost uint32_t *sq_head = r->sq.khead;
    //@ ghost uint32_t *sq_flags = r->sq.kflags;
    //@ ghost uint32_t *cq_tail = r->cq.ktail;
    //@ ghost uint32_t *cq_ovf = r->cq.koverflow;
    //@ ghost uint32_t *cq_head = r->cq.khead;
    //@ ghost struct hr_cqe *cq_cqes = r->cq.cqes;
    //@ ghost uint32_t cq_units = r->cq.cqe_units;
    /*@ loop invariant ring_ok(r);
        loop invariant frame: ring_fixed{Pre, Here}(r);
        loop invariant ours: r->sq.sqe_head == \at(r->sq.sqe_head, Pre) &&
          r->sq.sqe_tail == \at(r->sq.sqe_tail, Pre) && cq_kept{Pre, Here}(r);
        loop invariant words: sq_head == r->sq.khead && sq_flags == r->sq.kflags &&
          cq_tail == r->cq.ktail && cq_ovf == r->cq.koverflow && cq_head == r->cq.khead &&
          cq_cqes == r->cq.cqes && cq_units == r->cq.cqe_units;
        loop invariant 0 <= round <= HR_WAIT_ROUNDS && hr_wait_enters == round;
        loop invariant left <= submit && hr_wait_submit == submit;
        loop invariant took: hr_wait_took <= submit && left == submit - hr_wait_took;
        loop invariant unsent: round == 0 ==> left == submit;
        loop invariant looped == (round > 0 ? 1 : 0);
        loop invariant first: round > 0 ==> hr_wait_avail0 <= r->cq.entries &&
          wait_enter0(hr_wait_avail0, submit, wait_nr, r->flags, hr_wait_kflags0);
        loop invariant republished: round > 0 ==> *r->cq.khead == r->cq.head;
        loop invariant args: round > 0 ==> hr_enter_min_complete == wait_nr;
        loop invariant reg: round > 0 && ext == HR_WAIT_REG ==>
          hr_enter_argsz == 0 || reg_wait_arg(reg_index);
        loop invariant passed: round > 0 ==>
          wait_arg(ext, sigmask, ts, min_wait_usec, reg_index);
        loop invariant err == 0 && c == \null;
        loop assigns round, looped, left, flags, c, err, *sq_head, *sq_flags, *cq_tail,
          *cq_ovf, *cq_head, cq_cqes[0 .. cq_units - 1], r->cq.head,
          hr_wait_enters, hr_wait_avail0, hr_wait_kflags0, hr_wait_kret, hr_wait_took,
          HR_ENTER_LOG;
        loop variant HR_WAIT_ROUNDS - round;
    */
    for (round = 0; ; round++) {
        /* acquire of the CQ tail; on a mixed ring, padding CQEs released */
        const uint32_t avail = hr__cq_skip(r);
        //@ assert frame_look: ring_fixed{LoopCurrent, Here}(r);
        //@ ghost if (round == 0) hr_wait_avail0 = avail;
        if (HR_UNLIKELY(avail > r->cq.entries)) {
            err = -HR_EIO;                      /* the kernel wrote garbage */
            //@ assert lying: u32_dist(r->cq.head, *r->cq.ktail) > r->cq.entries;
            break;
        }
        if (avail)
            c = hr__cq_head_cqe(r);
        const int go = hr__wait_decide(r, avail, left, wait_nr, looped, &flags);
        //@ assert frame_decide: ring_fixed{LoopCurrent, Here}(r);
        //@ ghost if (round == 0) hr_wait_kflags0 = *r->sq.kflags;
        if (go < 0) {
            err = -HR_EAGAIN;
            break;
        }
        if (!go)
            break;
        if (looped && has_ts) {
            if (!c)
                err = -HR_ETIME;                /* liburing's rule */
            break;
        }
        if (HR_UNLIKELY(round == HR_WAIT_ROUNDS)) {
            if (!c)
                err = -HR_EINTR;                /* the kernel keeps returning empty */
            break;
        }
        hr__cq_republish(r);
        //@ assert frame_republish: ring_fixed{LoopCurrent, Here}(r);
        const int ret = hr__wait_enter(r, left, wait_nr, flags, ext, sigmask, ts,
                                       min_wait_usec, reg_index);
        //@ assert frame_enter: ring_fixed{LoopCurrent, Here}(r);
        //@ ghost hr_wait_enters = hr_wait_enters + 1;
        //@ ghost hr_wait_kret = ret;
        if (ret < 0) {
            c = 0;
            err = ret;
            break;
        }
        /*@ ghost hr_wait_took = (uint32_t)ret < submit - hr_wait_took ?
                hr_wait_took + (uint32_t)ret : submit; */
        left -= (uint32_t)ret < left ? (uint32_t)ret : left;
        if (c)
            break;
        looped = 1;
    }
    /* How the loop ended, one assertion per part of wait_result: */
    //@ assert exit_none: err < 0 ==> c == \null;
    /*@ assert exit_err: err == 0 || err == -HR_EIO || err == -HR_EAGAIN ||
          err == -HR_ETIME || err == -HR_EINTR || (hr_wait_enters > 0 && err == hr_wait_kret); */
    //@ assert exit_got: err == 0 && wait_nr > 0 && submit == 0 ==> c != \null;
    //@ check exit_why: wait_why(err, has_ts);
    if (c && HR_UNLIKELY(hr__cq_straddles(r))) {
        c = 0;                                  /* a 32-byte CQE in the last slot */
        err = -HR_EIO;
        //@ assert straddle: cq_straddle(r);
    }
    hr__put_cqe(r, cqe_ptr, c);
    const uint32_t done = submit - left;
    //@ assert took: done == hr_wait_took;
    return done ? (int)done : err;
}

static inline uint32_t hr__flush_pending(struct hr_ring *r)
{
    hr_flush_sq(r);
    /* after the flush sqe_tail == sqe_head: what the kernel has not consumed
       (acquire of the SQ head) */
    const uint32_t pending = hr_sq_ready(r);
    return pending > r->sq.entries ? r->sq.entries : pending;
}

/* ---- waiting ------------------------------------------------------------- */

/* Wait for one CQE and return it zero-copy in *cqe_ptr (hr_cqe_seen
   releases it).  Returns 0, or -errno from the kernel (-EINTR also after
   HR_WAIT_ROUNDS enters without a CQE; -EIO for a corrupted CQ tail).
   Matches io_uring_wait_cqe in liburing. */
HR_HOT int hr_wait_cqe(struct hr_ring *r, struct hr_cqe **cqe_ptr)
{
    return hr__get_cqe(r, cqe_ptr, 0, 1, 0, 0, 0, 0, 0);
}

/* Wait until wait_nr CQEs are ready, at most *ts (relative; NULL: no
   timeout), with sigmask installed while waiting; *cqe_ptr = the oldest.
   Returns 0, -ETIME on timeout, -EINTR on a signal, or another -errno of
   the kernel.  Matches io_uring_wait_cqes in liburing. */
HR_HOT int hr_wait_cqes(struct hr_ring *r, struct hr_cqe **cqe_ptr, unsigned wait_nr,
                        struct __kernel_timespec *ts, const void *sigmask)
{
    return hr__get_cqe(r, cqe_ptr, 0, wait_nr, ts != 0, sigmask, ts, 0, 0);
}

/* Wait for one CQE for at most *ts.  Returns 0, -ETIME, or -errno.
   Matches io_uring_wait_cqe_timeout in liburing. */
HR_HOT int hr_wait_cqe_timeout(struct hr_ring *r, struct hr_cqe **cqe_ptr,
                               struct __kernel_timespec *ts)
{
    return hr__get_cqe(r, cqe_ptr, 0, 1, ts != 0, 0, ts, 0, 0);
}

/* Like hr_wait_cqes, but once min_wait_usec has passed the kernel returns
   as soon as any CQE is ready (Linux 6.12, IORING_FEAT_MIN_TIMEOUT).
   Returns 0, -ETIME, -EINTR, -errno; -EINVAL without the feature.
   Matches io_uring_wait_cqes_min_timeout in liburing. */
HR_HOT int hr_wait_cqes_min_timeout(struct hr_ring *r, struct hr_cqe **cqe_ptr,
                                    unsigned wait_nr, struct __kernel_timespec *ts,
                                    unsigned min_wait_usec, const void *sigmask)
{
    //@ ghost hr_wait_enters = 0;
    if (!(r->features & IORING_FEAT_MIN_TIMEOUT))
        return -HR_EINVAL;
    return hr__get_cqe(r, cqe_ptr, 0, wait_nr, 1, sigmask, ts, min_wait_usec, 0);
}

/* Publish the SQEs obtained, submit everything the kernel has not consumed
   and wait for wait_nr CQEs for at most *ts (NULL: no timeout).  Returns
   the number of SQEs submitted (>= 0; *cqe_ptr is NULL if none came), or
   -errno.  Matches io_uring_submit_and_wait_timeout in liburing. */
HR_HOT int hr_submit_and_wait_timeout(struct hr_ring *r, struct hr_cqe **cqe_ptr,
                                      unsigned wait_nr, struct __kernel_timespec *ts,
                                      const void *sigmask)
{
    const uint32_t pending = hr__flush_pending(r);
    return hr__get_cqe(r, cqe_ptr, pending, wait_nr, ts != 0, sigmask, ts, 0, 0);
}

/* hr_submit_and_wait_timeout with a minimum wait (see
   hr_wait_cqes_min_timeout).  Returns SQEs submitted, or -errno; -EINVAL
   without IORING_FEAT_MIN_TIMEOUT (nothing is submitted then).
   Matches io_uring_submit_and_wait_min_timeout in liburing. */
HR_HOT int hr_submit_and_wait_min_timeout(struct hr_ring *r, struct hr_cqe **cqe_ptr,
                                          unsigned wait_nr,
                                          struct __kernel_timespec *ts,
                                          unsigned min_wait_usec,
                                          const void *sigmask)
{
    //@ ghost hr_wait_enters = 0;
    if (!(r->features & IORING_FEAT_MIN_TIMEOUT))
        return -HR_EINVAL;
    const uint32_t pending = hr__flush_pending(r);
    return hr__get_cqe(r, cqe_ptr, pending, wait_nr, 1, sigmask, ts, min_wait_usec, 0);
}

/* Publish the SQEs obtained, submit everything the kernel has not consumed
   and wait for wait_nr CQEs with the parameters of entry reg_index of the
   ring's registered wait region (hr_register_wait_region: timeout with
   HR_REG_WAIT_TS, minimum wait, sigmask); *cqe_ptr = the oldest CQE or
   NULL.  Returns the number of SQEs submitted (>= 0), or -errno (-ETIME
   when the entry's timeout passed without a CQE).  An index that is not an
   entry of the registered region (or no region) is -EFAULT, refused before
   any system call with nothing published or submitted: liburing leaves
   that check to the kernel, which submits first.
   Matches io_uring_submit_and_wait_reg in liburing. */
HR_HOT int hr_submit_and_wait_reg(struct hr_ring *r, struct hr_cqe **cqe_ptr,
                                  unsigned wait_nr, int reg_index)
{
    //@ ghost hr_wait_enters = 0;
    if (reg_index < 0 || (uint32_t)reg_index >= r->reg_wait_nr) {
        *cqe_ptr = 0;
        return -HR_EFAULT;
    }
    const uint32_t pending = hr__flush_pending(r);
    return hr__get_cqe(r, cqe_ptr, pending, wait_nr, HR_WAIT_REG, 0, 0, 0,
                       (uint32_t)reg_index);
}

/* ---- batches and iteration ----------------------------------------------- */

static inline void hr__cq_ptrs(struct hr_ring *r, struct hr_cqe **out, uint32_t n)
{
    struct hr_cqe *const cqes = r->cq.cqes;
    const uint32_t e = r->cq.entries;
    const uint32_t s = r->cq.cqe_shift;
    const uint32_t first = hr__slot(r->cq.head, r->cq.mask, r->cq.shift);
    uint32_t i, k = first;
    /*@ loop invariant 0 <= i <= n;
        loop invariant k == ring_slot(first, i, e);
        loop invariant 0 <= k < e;
        loop invariant \forall integer j; 0 <= j < i ==>
          out[j] == cqes + units(ring_slot(first, j, e), s);
        loop assigns i, k, out[0 .. n - 1];
        loop variant n - i;
    */
    for (i = 0; i < n; i++) {
        out[i] = cqes + hr__units(k, s);
        k = (k + 1 == e) ? 0 : k + 1;          /* no '&' in the loop */
    }
    /*@ assert link: \forall integer j; 0 <= j < n ==>
          slot(u32_add(r->cq.head, j), r->cq.shift) == ring_slot(first, j, e); */
}

/* Enter the kernel to flush overflowed CQEs and run task work, waiting for
   nothing.  Returns >= 0, or -errno of the kernel.
   Matches io_uring_get_events in liburing. */
HR_HOT int hr_get_events(struct hr_ring *r)
{
    return hr_enter(r, 0, 0, IORING_ENTER_GETEVENTS, 0, 0);
}

/* IORING_SETUP_CQE_MIXED, `ready` slots published from our head: one
   pointer per CQE whatever its size; the walk stops at a padding CQE, at a
   32-byte CQE not wholly published or in the last slot, and after count. */
static inline unsigned hr__cq_walk_mixed(struct hr_ring *r, struct hr_cqe **cqes,
                                         unsigned count, uint32_t ready)
{
    struct hr_cqe *const ring = r->cq.cqes;
    const uint32_t head = r->cq.head;
    const uint32_t s = r->cq.cqe_shift;
    struct hr_cqe *const c0 = ring + hr__units(hr__slot(head, r->cq.mask, r->cq.shift), s);
    uint32_t i = 0, off = 0;        /* CQEs stored, slots walked from head */
    (void)c0;                       /* the head's CQE: specification only */
    /*@ loop invariant 0 <= i <= count && i <= off <= ready;
        loop invariant started: i == 0 <==> off == 0;
        loop invariant first: i > 0 ==> cqes[0] == c0;
        loop invariant cqes: \forall integer j; 0 <= j < i ==>
          \valid(cqes[j] + (0 .. units(1, s) - 1)) && cqe_whole(r, cqes[j]) &&
          (cqes[j]->flags & IORING_CQE_F_SKIP) == 0;
        loop assigns i, off, cqes[0 .. count - 1];
        loop variant ready - off;
    */
    while (i < count && off < ready) {
        const uint32_t k = hr__slot(head + off, r->cq.mask, r->cq.shift);
        struct hr_cqe *const c = ring + hr__units(k, s);
        //@ assert off == 0 ==> c == c0;
        const uint32_t f = c->flags;
        uint32_t n = 1;
        if (f & IORING_CQE_F_SKIP)
            break;                  /* released once it is at our head */
        if (f & IORING_CQE_F_32) {
            if (hr__cq_straddles_at(r, head + off) || ready - off < 2)
                break;              /* not whole in the ring, or half published */
            n = 2;
        }
        cqes[i] = c;
        i++;
        off += n;
    }
    return i;
}

/* IORING_SETUP_CQE_MIXED: hr_peek_batch_cqe's walk, after releasing the
   padding CQEs at our head (as liburing does); a padding CQE met later is
   released when it reaches the head. */
static inline unsigned hr__peek_batch_mixed(struct hr_ring *r, struct hr_cqe **cqes,
                                            unsigned count)
{
    uint32_t ready = hr__cq_skip(r);
    if (ready == 0 && hr_cq_ring_needs_flush(r)) {
        (void)hr_get_events(r);
        ready = hr__cq_skip(r);
    }
    if (HR_UNLIKELY(ready > r->cq.entries))
        return 0;
    return hr__cq_walk_mixed(r, cqes, count, ready);
}

/* Up to count pointers to ready CQEs, oldest first, left in the ring (then
   hr_cq_advance(r, n)).  When none is ready but the kernel flags overflow
   or task work, enters once with GETEVENTS (its error is not reported).
   On an IORING_SETUP_CQE_MIXED ring one pointer per CQE of either size,
   padding CQEs at our head released first; advance by the sum of
   hr_cqe_nr over the CQEs returned.  Returns the number stored; 0 also for
   a corrupted CQ tail.  Matches io_uring_peek_batch_cqe in liburing. */
HR_HOT unsigned hr_peek_batch_cqe(struct hr_ring *r, struct hr_cqe **cqes, unsigned count)
{
    if (r->flags & IORING_SETUP_CQE_MIXED)
        return hr__peek_batch_mixed(r, cqes, count);
    uint32_t ready = hr_cq_ready(r);
    if (ready == 0 && hr_cq_ring_needs_flush(r)) {
        (void)hr_get_events(r);
        ready = hr_cq_ready(r);
    }
    if (HR_UNLIKELY(ready > r->cq.entries))
        return 0;
    const uint32_t n = ready < count ? ready : count;
    hr__cq_ptrs(r, cqes, n);
    return n;
}

/* The ready CQEs from our head that lie contiguously in the ring, at most
   max: *first points at the oldest, first[i << hr_cqe_shift(r)] is the
   i-th; release them with hr_cq_advance(r, n).  A run stops at the end of
   the ring: call again for the rest.  Never enters the kernel.  Returns n
   (0: none ready, or a corrupted CQ tail; then *first = NULL). */
HR_HOT unsigned hr_cq_batch(struct hr_ring *r, struct hr_cqe **first, unsigned max)
{
    const uint32_t head = r->cq.head;
    /* acquire: pairs with the kernel's release of the CQ tail */
    const uint32_t ready = hr_load_acquire(r->cq.ktail) - head;
    const uint32_t e = r->cq.entries;
    const uint32_t s = hr__slot(head, r->cq.mask, r->cq.shift);
    uint32_t n = e - s;                         /* slots up to the ring's end */
    if (HR_UNLIKELY(ready > e))
        n = 0;                                  /* the kernel wrote garbage */
    else if (ready < n)
        n = ready;
    if (max < n)
        n = max;
    /*@ assert contiguous: \forall integer j; 0 <= j < n ==>
          slot(u32_add(head, j), r->cq.shift) == ring_slot(s, j, e); */
    *first = n ? r->cq.cqes + hr__units(s, r->cq.cqe_shift) : 0;
    return n;
}

static inline struct hr_cqe *hr__cq_at(struct hr_ring *r, uint32_t pos)
{
    const uint32_t head = r->cq.head;
    /* acquire: pairs with the kernel's release of the CQ tail */
    const uint32_t ready = hr_load_acquire(r->cq.ktail) - head;
    if (HR_UNLIKELY(ready > r->cq.entries) || pos - head >= ready)
        return 0;
    const uint32_t k = hr__slot(pos, r->cq.mask, r->cq.shift);
    struct hr_cqe *const c = r->cq.cqes + hr__units(k, r->cq.cqe_shift);
    if (HR_UNLIKELY(hr__cq_straddles_at(r, pos)))
        return 0;                   /* a 32-byte CQE in the last slot */
    return c;
}

/* Iterate over the ready CQEs in place: head (an unsigned) runs from our
   head counter, cqe is the CQE of each; stops at the kernel's tail (re-read
   every step).  On an IORING_SETUP_CQE_MIXED ring a 32-byte CQE steps two
   slots, and the kernel's padding CQEs (IORING_CQE_F_SKIP) are visited:
   ignore them.  Release the CQEs afterwards with hr_cq_advance(r, n), n
   the sum of hr_cqe_nr over them.
   Matches io_uring_for_each_cqe in liburing. */
#define hr_for_each_cqe(r, head, cqe)                                         \
    for ((head) = (r)->cq.head; ((cqe) = hr__cq_at((r), (head))) != 0;        \
         (head) += hr__cqe_slots((r), (cqe)))

/* Index of the CQE of counter ptr in the CQE array (in 16-byte units: twice
   the slot with CQE32); mask must be r->cq.mask.
   Matches io_uring_cqe_index in liburing. */
static inline unsigned hr_cqe_index(const struct hr_ring *r, unsigned ptr, unsigned mask)
{
    return hr__units(hr__slot(ptr, mask, r->cq.shift), r->cq.cqe_shift);
}

/* 1 on a CQE32 ring (each CQE is two 16-byte units), else 0.
   Matches io_uring_cqe_shift in liburing. */
static inline unsigned hr_cqe_shift(const struct hr_ring *r)
{
    return r->cq.cqe_shift;
}

/* ---- flags, events, SQPOLL, fork ---------------------------------------- */

/* Non-zero when the kernel holds CQEs the CQ had no room for (they come
   back on the next GETEVENTS enter: hr_get_events).
   Matches io_uring_cq_has_overflow in liburing. */
static inline int hr_cq_has_overflow(const struct hr_ring *r)
{
    /* acquire (a hint: one read would do); pairs with the kernel's
       atomic_or of CQ_OVERFLOW */
    return (hr_load_acquire(r->sq.kflags) & IORING_SQ_CQ_OVERFLOW) != 0;
}

/* Publish the SQEs obtained, submit everything not yet consumed and enter
   with GETEVENTS (flush overflow, run task work) without waiting.  Returns
   the kernel's count of SQEs consumed, or -errno.
   Matches io_uring_submit_and_get_events in liburing. */
HR_HOT int hr_submit_and_get_events(struct hr_ring *r)
{
    const uint32_t pending = hr__flush_pending(r);
    //@ ghost hr_seen_sq_head = *r->sq.khead;
    uint32_t flags = IORING_ENTER_GETEVENTS;
    (void)hr_sq_ring_needs_enter(r, pending, &flags);   /* SQPOLL: wake it */
    //@ ghost hr_seen_kflags = *r->sq.kflags;
    return hr_enter(r, pending, 0, flags, 0, 0);
}

/* Whether the kernel signals a registered eventfd when it posts CQEs:
   1 (the default, and always on kernels without the CQ flags word), 0 after
   hr_cq_eventfd_toggle(r, 0).  Matches io_uring_cq_eventfd_enabled in liburing. */
static inline int hr_cq_eventfd_enabled(const struct hr_ring *r)
{
    if (!r->cq.kflags)
        return 1;
    /* plain read: only we write this word (the kernel reads it) */
    return (*r->cq.kflags & IORING_CQ_EVENTFD_DISABLED) == 0;
}

/* Enable (enabled != 0) or disable eventfd notifications for this ring's
   CQEs by setting IORING_CQ_EVENTFD_DISABLED in the CQ flags word.  Returns
   0, or -EOPNOTSUPP when a change is asked for and the kernel has no CQ
   flags word.  Matches io_uring_cq_eventfd_toggle in liburing. */
static inline int hr_cq_eventfd_toggle(struct hr_ring *r, int enabled)
{
    if ((enabled != 0) == hr_cq_eventfd_enabled(r))
        return 0;
    if (!r->cq.kflags)
        return -HR_EOPNOTSUPP;
    const uint32_t flags = *r->cq.kflags;
    /* release: ordered after everything before the toggle; the kernel reads
       the word when it posts a CQE (io_eventfd_signal) */
    hr_store_release(r->cq.kflags, enabled ? flags & ~(uint32_t)IORING_CQ_EVENTFD_DISABLED
                                           : flags | IORING_CQ_EVENTFD_DISABLED);
    return 0;
}

/* SQPOLL: wait until the poller has made room in the SQ.  Returns 0 (room
   now, or after the wait), -EINVAL without SQPOLL, or -errno.
   Matches io_uring_sqring_wait in liburing. */
static inline int hr_sqring_wait(struct hr_ring *r)
{
    if (!(r->flags & IORING_SETUP_SQPOLL))
        return -HR_EINVAL;
    const uint32_t room = hr_sq_space_left(r);
    //@ ghost hr_seen_sq_head = *r->sq.khead;
    if (room)
        return 0;
    return hr_enter(r, 0, 0, IORING_ENTER_SQ_WAIT, 0, 0);
}

/* madvise(MADV_DONTFORK) on both ring mappings (rings + SQEs), so a forked
   child does not share them.  Returns 0, -EINVAL if the ring is not mapped,
   or -errno of madvise.  Matches io_uring_ring_dontfork in liburing. */
static inline int hr_ring_dontfork(struct hr_ring *r)
{
    if (!r->ring_mem || !r->sqe_mem)
        return -HR_EINVAL;
    const int ret = hr_sys_madvise(r->sqe_mem, r->sqe_len, 10 /* MADV_DONTFORK */);
    if (ret < 0)
        return ret;
    return hr_sys_madvise(r->ring_mem, r->ring_len, 10 /* MADV_DONTFORK */);
}

/* io_uring_enter on this ring with an argument of argsz bytes (a sigset
   and its size, or with IORING_ENTER_EXT_ARG a struct hr_getevents_arg).
   Returns the kernel's result.  Matches io_uring_enter2 in liburing. */
HR_HOT int hr_enter2(struct hr_ring *r, uint32_t to_submit, uint32_t min_complete,
                     uint32_t flags, const void *arg, uint64_t argsz)
{
    return hr_enter(r, to_submit, min_complete, flags, arg, argsz);
}

HR_END_DECLS
#endif
