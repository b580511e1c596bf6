/* hr_ring.h -- the SQ/CQ head/tail protocol, static inline (hot path).
 * Contracts: specs/hr_ring_spec.h.  Proved by WP in proofs unit `ring`.
 *
 * Memory ordering (pairs with io_uring/io_uring.c in the kernel):
 *   SQ: we write SQEs and SQ array slots, then store the SQ tail with
 *       RELEASE; the kernel loads it with acquire (smp_load_acquire in
 *       io_sqring_entries) before reading SQEs.  The kernel stores the SQ
 *       head with release after consuming; we load it with ACQUIRE.
 *   CQ: the kernel writes CQEs, then stores the CQ tail with release
 *       (io_commit_cqring); we load it with ACQUIRE before reading CQEs, and
 *       store the CQ head with RELEASE after reading them, so the kernel
 *       (smp_load_acquire of cq.head in io_cqring_event_overflow / __io_cqring_events)
 *       never overwrites a CQE we are still reading.
 *   SQPOLL: after the SQ tail store, a FULL fence before reading
 *       IORING_SQ_NEED_WAKEUP (store-buffering pattern; pairs with the
 *       smp_mb__after_atomic() in io_sq_thread after it sets the flag and
 *       re-checks the tail).
 */
#ifndef HRINGAS_RING_H
#define HRINGAS_RING_H

#include "hr_compiler.h"
HR_BEGIN_DECLS

#ifndef HR_EINTR
#define HR_EINTR 4
#endif
/* Liveness bound of every wait loop (hr_wait_cqe_nr, hr_wait.h): at most
   this many io_uring_enter calls per wait; if the kernel keeps returning
   without a CQE, the wait ends with -EINTR ("call again").  A sane kernel
   returns from a GETEVENTS enter with the CQEs asked for (K-LIVE), so this
   is reached only with a corrupted ring or an IOPOLL ring with nothing in
   flight. */
#define HR_WAIT_ROUNDS 64u

#include "hr_ring_spec.h"
#include "hr_atomic.h"
#include "hr_sys.h"


static inline uint32_t hr__slot(uint32_t x, uint32_t m, uint32_t k)
{
    (void)k;                 /* specification-only: m == 2^k - 1 */
    return x & m;
}

static inline uint32_t hr__units(uint32_t x, uint32_t s)
{
    return x << s;           /* s is 0 or 1: x or 2x */
}

/* io_uring_enter(2) on this ring: submit up to `to_submit` SQEs, wait for
   `min_complete` CQEs with IORING_ENTER_GETEVENTS, `arg`/`argsz` as the
   kernel takes them (sigset, or EXT_ARG).  The ring's own enter fd and
   IORING_ENTER_REGISTERED_RING are used.  Returns the number of SQEs
   consumed or the kernel's -errno.  Matches io_uring_enter in liburing. */
HR_HOT int hr_enter(struct hr_ring *r, uint32_t to_submit,
                    uint32_t min_complete, uint32_t flags,
                    const void *arg, uint64_t argsz)
{
    return hr__sys_enter(r, to_submit, min_complete, flags, arg, argsz);
}

/* ---- submission side ---------------------------------------------------- */

/* Refresh the cached SQ limit from the kernel's SQ head: 1 when SQEs are
   free past `tail`, 0 when the ring is full or the head is not a value the
   kernel could have written (then the limit is kept). */
static inline int hr__sq_refill(struct hr_ring *r, uint32_t tail)
{
    /* acquire: pairs with the kernel's release store of the SQ head after it
       has read the SQEs, so the slots up to head + entries are no longer
       being read. */
    const uint32_t head  = hr_load_acquire(r->sq.khead);
    const uint32_t limit = head + r->sq.entries;            /* wraps */
    const uint32_t room  = limit - r->sq.sqe_head;          /* wraps */
    if (HR_UNLIKELY(room > r->sq.entries ||
                    room < (uint32_t)(tail - r->sq.sqe_head)))
        return 0;          /* head ahead of our published tail, or behind
                              an SQE already handed out: a lying kernel */
    r->sq.sqe_limit = limit;
    return limit != tail;
}

/* The next free SQE, or NULL when the SQ is full.  Reads the kernel's SQ
   head only when the cached limit is reached: the kernel's head only moves
   forward (K-SQHEAD), so a limit computed from an earlier head value never
   hands out an SQE the kernel may still be reading.
   Matches io_uring_get_sqe in liburing. */
static inline struct hr_sqe *hr_get_sqe(struct hr_ring *r)
{
    const uint32_t tail = r->sq.sqe_tail;
    if (HR_UNLIKELY(tail == r->sq.sqe_limit) && !hr__sq_refill(r, tail))
        return 0;                                   /* ring full */
    r->sq.sqe_tail = tail + 1;                      /* wraps at 2^32 */
    return r->sq.sqes + hr__units(hr__slot(tail, r->sq.mask, r->sq.shift), r->sq.sqe_shift);
}

/* Free SQ slots past our tail by the cached limit, the limit refreshed
   from the kernel's SQ head first when fewer than `need` are free. */
static inline uint32_t hr__sq_room(struct hr_ring *r, uint32_t need)
{
    const uint32_t tail = r->sq.sqe_tail;
    if (r->sq.sqe_limit - tail < need)
        (void)hr__sq_refill(r, tail);
    return r->sq.sqe_limit - tail;
}

/* The padding SQE of an IORING_SETUP_SQE_MIXED ring, in its last slot: a
   NOP whose CQE the kernel skips on success (IOSQE_CQE_SKIP_SUCCESS), every
   field set. */
static inline void hr__sqe_pad(struct hr_ring *r, struct hr_sqe *s)
{
    (void)r;                 /* specification-only: s is r's last SQE */
    s->opcode      = IORING_OP_NOP;
    s->flags       = IOSQE_CQE_SKIP_SUCCESS;
    s->ioprio      = 0;
    s->fd          = -1;
    s->off         = 0;
    s->addr        = 0;
    s->len         = 0;
    s->op_flags    = 0;
    s->user_data   = 0;
    s->buf_index   = 0;
    s->personality = 0;
    s->file_index  = 0;
    s->addr3       = 0;
    s->pad2        = 0;
}

/* A 128-byte SQE: on an IORING_SETUP_SQE128 ring hr_get_sqe; on an
   IORING_SETUP_SQE_MIXED ring (Linux 6.19) two consecutive 64-byte slots,
   after a padding NOP in the last slot when the tail is there (a 128-byte
   SQE never wraps; the NOP completes without a CQE).  Prepare it with a
   128-byte opcode (hr_prep_nop128, hr_prep_uring_cmd128).  Returns the SQE,
   or NULL when the SQ has no room for it (nothing is taken then) or the
   ring has neither flag.  Matches io_uring_get_sqe128 in liburing. */
static inline struct hr_sqe *hr_get_sqe128(struct hr_ring *r)
{
    if (r->flags & IORING_SETUP_SQE128)
        return hr_get_sqe(r);
    if (!(r->flags & IORING_SETUP_SQE_MIXED) || r->sq.sqe_shift != 0)
        return 0;
    const uint32_t t0 = r->sq.sqe_tail;
    const uint32_t pad = hr__slot(t0, r->sq.mask, r->sq.shift) == r->sq.mask;
    const uint32_t room = hr__sq_room(r, 2 + pad);
    if (room < 2 + pad)
        return 0;                                   /* nothing taken */
    //@ assert room: r->sq.entries >= 2 + pad && room == u32_dist(t0, r->sq.sqe_limit);
    /*@ assert next: slot(u32_add(t0, 1), r->sq.shift) ==
          ring_slot(slot(t0, r->sq.shift), 1, r->sq.entries); */
    struct hr_sqe *p = 0;                           /* the padding slot */
    if (pad) {
        //@ assert wrapped: slot(u32_add(t0, 1), r->sq.shift) == 0;
        p = hr_get_sqe(r);
        //@ assert p != \null && p == r->sq.sqes + r->sq.mask;
        //@ assert r->sq.sqe_tail == u32_add(t0, 1) && u32_dist(r->sq.sqe_tail, r->sq.sqe_limit) >= 2;
    }
    //@ assert tail_now: r->sq.sqe_tail == u32_add(t0, pad) && u32_dist(r->sq.sqe_tail, r->sq.sqe_limit) >= 2;
    //@ assert fits: slot(u32_add(t0, pad), r->sq.shift) + 1 < r->sq.entries;
    struct hr_sqe *const s = hr_get_sqe(r);
    //@ assert got: s != \null;
    //@ assert at: s == r->sq.sqes + units(slot(u32_add(t0, pad), r->sq.shift), r->sq.sqe_shift);
    //@ assert two_slots: \valid(s + (0 .. 1));
    (void)hr_get_sqe(r);
    //@ assert done: r->sq.sqe_tail == u32_add(t0, pad + 2);
    //@ assert first: pad != 0 ==> s == r->sq.sqes && p == r->sq.sqes + r->sq.mask;
    /*@ assert second: pad == 0 ==> p == \null &&
          s == r->sq.sqes + slot(t0, r->sq.shift) && r->sq.sqe_tail == u32_add(t0, 2); */
    if (p) {
        hr__sqe_pad(r, p);                             /* a write into the ring: last */
        //@ assert padded: sqe_pad_nop(r->sq.sqes + r->sq.mask);
        //@ assert kept: r->sq.sqe_tail == u32_add(t0, 3) && s == r->sq.sqes;
    }
    return s;
}

/* Publish every SQE handed out by hr_get_sqe since the last flush (SQ
   array slots, then the SQ tail with release), without entering the
   kernel.  Returns the number published.  liburing does this inside
   io_uring_submit (its internal __io_uring_flush_sq). */
HR_HOT uint32_t hr_flush_sq(struct hr_ring *r)
{
    /* Geometry in const locals: loop invariants then do not depend on the
       memory the loop writes. */
    uint32_t *const array = r->sq.array;
    const uint32_t e     = r->sq.entries;
    const uint32_t k     = r->sq.shift;
    const uint32_t head  = r->sq.sqe_head;          /* == *ktail (ring_ok) */
    const uint32_t n     = r->sq.sqe_tail - head;   /* <= e (ring_ok) */

    if (HR_UNLIKELY(array != 0)) {            /* kernels before 6.6 */
        /* The SQE of counter c sits in slot c & mask; the kernel reads
           array[tail & mask] for counter tail == c: an identity map over the
           slots being published.  No '&' inside the loop. */
        const uint32_t first = hr__slot(head, r->sq.mask, k);
        uint32_t i, s = first;
        /*@ loop invariant 0 <= i <= n;
            loop invariant s == ring_slot(first, i, e);
            loop invariant 0 <= s < e;
            loop invariant \forall integer j; 0 <= j < i ==>
              array[ring_slot(first, j, e)] == ring_slot(first, j, e);
            loop invariant \forall integer x; 0 <= x < e ==>
              ring_off(first, x, e) >= i ==> array[x] == \at(array[x], LoopEntry);
            loop assigns i, s, array[0 .. e - 1];
            loop variant n - i;
        */
        for (i = 0; i < n; i++) {
            array[s] = s;
            s = (s + 1 == e) ? 0 : s + 1;
        }
        /*@ assert slot_link: \forall integer j; 0 <= j < n ==>
              slot(u32_add(head, j), k) == ring_slot(slot(head, k), j, e); */
    }
    const uint32_t tail = r->sq.sqe_tail;           /* == head + n (mod 2^32) */
    r->sq.sqe_head = tail;
    /* release: the SQEs and array slots above become visible before the new
       tail; pairs with the kernel's smp_load_acquire of the SQ tail. */
    hr_store_release(r->sq.ktail, tail);
    return n;
}

/* SQEs published or handed out that the kernel has not consumed yet.
   Returns that count.  Matches io_uring_sq_ready in liburing. */
static inline uint32_t hr_sq_ready(struct hr_ring *r)
{
    /* acquire: pairs with the kernel's release store of the SQ head. */
    return r->sq.sqe_tail - hr_load_acquire(r->sq.khead);
}

/* SQEs that hr_get_sqe can still hand out before the SQ is full.
   Returns that count (0 if the kernel's head is garbage).
   Matches io_uring_sq_space_left in liburing. */
static inline uint32_t hr_sq_space_left(struct hr_ring *r)
{
    const uint32_t ready = hr_sq_ready(r);
    return ready > r->sq.entries ? 0 : r->sq.entries - ready;
}

/* Whether submitting `submit` SQEs needs io_uring_enter: always without
   SQPOLL; with SQPOLL only when the poller sleeps, after a full fence
   (then IORING_ENTER_SQ_WAKEUP is ORed into *flags).  Returns 1 or 0.
   liburing's internal sq_ring_needs_enter does the same. */
static inline int hr_sq_ring_needs_enter(struct hr_ring *r, uint32_t submit, uint32_t *flags)
{
    if (submit == 0)
        return 0;
    if (HR_LIKELY(!(r->flags & IORING_SETUP_SQPOLL)))
        return 1;
    /* FULL fence: orders our SQ tail store before the flags load below
       (store-buffering).  Pairs with the poller's smp_mb after it sets
       IORING_SQ_NEED_WAKEUP and before it re-reads the SQ tail. */
    hr_fence_full();
    /* acquire (the fence above already orders it; acquire is the one load
       accessor, and costs a plain load on x86_64) */
    if (hr_load_acquire(r->sq.kflags) & IORING_SQ_NEED_WAKEUP) {
        *flags |= IORING_ENTER_SQ_WAKEUP;
        return 1;
    }
    return 0;
}

/* Whether the kernel holds overflowed CQEs or pending task work
   (IORING_SQ_CQ_OVERFLOW / IORING_SQ_TASKRUN): then an enter with
   GETEVENTS is needed to see them.  Returns 1 or 0.
   liburing's internal cq_ring_needs_flush does the same. */
static inline int hr_cq_ring_needs_flush(struct hr_ring *r)
{
    /* acquire, though a hint only needs a single read: entering the kernel
       orders everything.  Pairs with the kernel's atomic_or of CQ_OVERFLOW /
       TASKRUN into sq_flags. */
    return (hr_load_acquire(r->sq.kflags) &
            (IORING_SQ_CQ_OVERFLOW | IORING_SQ_TASKRUN)) != 0;
}

/* Publish the SQEs handed out and submit every SQE the kernel has not
   consumed; with `wait_nr` > 0 also wait for that many CQEs
   (IORING_ENTER_GETEVENTS).  Without waiting it enters only if needed
   (SQPOLL asleep, IOPOLL, overflow or task work).  Returns the number of
   SQEs submitted or the kernel's -errno.
   Matches io_uring_submit_and_wait in liburing. */
HR_HOT int hr_submit_and_wait(struct hr_ring *r, uint32_t wait_nr)
{
    //@ ghost hr_enter_calls = 0;
    hr_flush_sq(r);
    /* Submit everything the kernel has not consumed, not only this flush:
       after a short submit the rest is still in the ring.  The count must be
       exact, not an upper bound: io_uring_enter returns without waiting
       when it consumes fewer SQEs than to_submit.  acquire: pairs with the
       kernel's release of the SQ head. */
    const uint32_t khead = hr_load_acquire(r->sq.khead);
    //@ ghost hr_seen_sq_head = khead;
    uint32_t pending = r->sq.sqe_head - khead;
    //@ assert flushed: ring_ok(r) && r->sq.sqe_head == r->sq.sqe_tail;
    if (HR_UNLIKELY(pending > r->sq.entries))
        pending = r->sq.entries;            /* a lying head: the kernel clamps too */
    //@ assert pending: pending == sq_pending(hr_seen_sq_head, r->sq.sqe_head, r->sq.entries);
    /* Waiting without SQPOLL: always enter with GETEVENTS (which also
       flushes overflowed CQEs); nothing else to decide. */
    if (HR_LIKELY(wait_nr > 0 && !(r->flags & IORING_SETUP_SQPOLL)))
        return hr_enter(r, pending, wait_nr, IORING_ENTER_GETEVENTS, 0, 0);
    uint32_t flags = 0;
    const int cq_enter = (r->flags & IORING_SETUP_IOPOLL) || hr_cq_ring_needs_flush(r);
    //@ ghost hr_seen_kflags = *r->sq.kflags;
    /*@ assert cq_rule: cq_enter != 0 <==>
          ((r->flags & IORING_SETUP_IOPOLL) != 0 || cq_flagged(hr_seen_kflags)); */
    //@ assert checked_cq: ring_ok(r) && r->sq.sqe_head == r->sq.sqe_tail;
    const int sq_enter = hr_sq_ring_needs_enter(r, pending, &flags);
    //@ ghost hr_seen_wakeup = *r->sq.kflags;
    /*@ assert wake_rule: flags == IORING_ENTER_SQ_WAKEUP <==>
          sq_wake(r, pending, hr_seen_wakeup); */
    /*@ assert sq_rule: sq_enter != 0 <==>
          ((pending != 0 && (r->flags & IORING_SETUP_SQPOLL) == 0) ||
           sq_wake(r, pending, hr_seen_wakeup)); */
    //@ assert checked_sq: ring_ok(r) && r->sq.sqe_head == r->sq.sqe_tail;
    /*@ assert wake: flags == 0 ||
          (flags == IORING_ENTER_SQ_WAKEUP && (r->flags & IORING_SETUP_SQPOLL) != 0); */
    //@ assert still_pending: pending == sq_pending(hr_seen_sq_head, r->sq.sqe_head, r->sq.entries);
    if (sq_enter || wait_nr > 0 || cq_enter) {
        if (wait_nr > 0 || cq_enter)       /* flags is 0 or SQ_WAKEUP (above) */
            flags = flags ? IORING_ENTER_GETEVENTS | IORING_ENTER_SQ_WAKEUP
                          : IORING_ENTER_GETEVENTS;
        return hr_enter(r, pending, wait_nr, flags, 0, 0);
    }
    return (int)pending;
}

/* Publish and submit the SQEs handed out, without waiting.  Returns the
   number of SQEs submitted or the kernel's -errno.
   Matches io_uring_submit in liburing. */
HR_HOT int hr_submit(struct hr_ring *r)
{
    return hr_submit_and_wait(r, 0);
}

/* ---- completion side ---------------------------------------------------- */

/* CQEs the kernel has posted that we have not consumed.  Returns that
   count (more than `entries` only from a lying kernel).
   Matches io_uring_cq_ready in liburing. */
static inline uint32_t hr_cq_ready(struct hr_ring *r)
{
    /* acquire: pairs with the kernel's release store of the CQ tail. */
    return hr_load_acquire(r->cq.ktail) - r->cq.head;
}

/* The ready count hr_cq_ready gives, after releasing the kernel's padding
   CQEs (IORING_CQE_F_SKIP) at our head on an IORING_SETUP_CQE_MIXED ring:
   the kernel posts one in the last slot when a 32-byte CQE would not fit
   before the wrap.  Other rings: hr_cq_ready.  More than `entries`: a
   corrupted CQ tail (nothing is released then). */
static inline uint32_t hr__cq_skip(struct hr_ring *r)
{
    uint32_t ready = hr_cq_ready(r);        /* acquire of the CQ tail */
    if (!(r->flags & IORING_SETUP_CQE_MIXED) || ready > r->cq.entries)
        return ready;
    //@ ghost uint32_t *cq_head = r->cq.khead;
    //@ ghost uint32_t ready0 = ready;
    /*@ loop invariant ring_ok(r);
        loop invariant frame: ring_fixed{Pre, Here}(r);
        loop invariant cq_head == r->cq.khead;
        loop invariant ready == u32_dist(r->cq.head, *r->cq.ktail) && ready <= ready0;
        loop invariant moved: r->cq.head == u32_add(\at(r->cq.head, Pre), ready0 - ready);
        loop invariant padding: cq_padding(r, \at(r->cq.head, Pre), ready0 - ready);
        loop invariant still: ready == ready0 ==> *cq_head == \at(*r->cq.khead, Pre);
        loop invariant published: ready != ready0 ==> *cq_head == r->cq.head;
        loop invariant r->sq.sqe_head == \at(r->sq.sqe_head, Pre) &&
          r->sq.sqe_tail == \at(r->sq.sqe_tail, Pre) &&
          r->sq.sqe_limit == \at(r->sq.sqe_limit, Pre);
        loop assigns ready, r->cq.head, *cq_head;
        loop variant ready;
    */
    while (ready != 0 &&
           (r->cq.cqes[hr__units(hr__slot(r->cq.head, r->cq.mask, r->cq.shift),
                                 r->cq.cqe_shift)].flags & IORING_CQE_F_SKIP)) {
        hr_cq_advance(r, 1);                /* release store of the CQ head */
        ready--;
    }
    return ready;
}

/* 1 when the CQE of counter pos is flagged IORING_CQE_F_32 on a CQE_MIXED
   ring but starts in the last slot, so that its second half would lie
   past the CQE array (the kernel pads instead: only a corrupted ring shows
   this); else 0.  Callers report it as -EIO or end their walk there. */
static inline int hr__cq_straddles_at(const struct hr_ring *r, uint32_t pos)
{
    const uint32_t k = hr__slot(pos, r->cq.mask, r->cq.shift);
    if (!(r->flags & IORING_SETUP_CQE_MIXED) || r->cq.cqe_shift != 0 || k != r->cq.mask)
        return 0;
    return (r->cq.cqes[k].flags & IORING_CQE_F_32) != 0;
}

/* ... the CQE at our head. */
static inline int hr__cq_straddles(const struct hr_ring *r)
{
    return hr__cq_straddles_at(r, r->cq.head);
}

/* The 16-byte slots the CQE c takes in r's CQ: 2 for a CQE flagged
   IORING_CQE_F_32 on an IORING_SETUP_CQE_MIXED ring, else 1. */
static inline uint32_t hr__cqe_slots(const struct hr_ring *r, const struct hr_cqe *c)
{
    return ((r->flags & IORING_SETUP_CQE_MIXED) && (c->flags & IORING_CQE_F_32)) ? 2u : 1u;
}

/* The 16-byte CQ slots a CQE takes: 2 when it carries IORING_CQE_F_32 (a
   32-byte CQE of an IORING_SETUP_CQE_MIXED ring), else 1.  Returns 1 or 2.
   Matches io_uring_cqe_nr in liburing. */
static inline unsigned hr_cqe_nr(const struct hr_cqe *cqe)
{
    return (cqe->flags & IORING_CQE_F_32) ? 2u : 1u;
}

static inline void hr__copy_seg(struct hr_cqe *dst, const struct hr_cqe *src, uint32_t len)
{
    uint32_t i;
    /*@ loop invariant 0 <= i <= len;
        loop invariant \forall integer j; 0 <= j < i ==> same_cqe{Here, Here}(dst + j, src + j);
        loop assigns i, dst[0 .. len - 1];
        loop variant len - i;
    */
    for (i = 0; i < len; i++) {
        /* field by field: a struct copy is "havoc + equality" for WP */
        dst[i].user_data = src[i].user_data;
        dst[i].res       = src[i].res;
        dst[i].flags     = src[i].flags;
    }
}

static inline void hr__copy_ring(struct hr_cqe *out, const struct hr_cqe *ring,
                                 uint32_t e, uint32_t first, uint32_t cnt)
{
    const uint32_t room = e - first;                /* units up to the end */
    const uint32_t seg1 = room < cnt ? room : cnt;
    hr__copy_seg(out, ring + first, seg1);
    if (HR_UNLIKELY(cnt != seg1))
        hr__copy_seg(out + seg1, ring, cnt - seg1); /* the wrapped part */
    /*@ assert c1: \forall integer i; 0 <= i < seg1 ==>
          same_cqe{Here, Here}(out + i, ring + (first + i)); */
    /*@ assert c2: \forall integer i; seg1 <= i < cnt ==>
          same_cqe{Here, Here}(out + i, ring + (i - seg1)); */
}

/* On a CQE_MIXED ring: how many of the `max` slots from counter head hold
   whole CQEs, walking from head (a 32-byte CQE, IORING_CQE_F_32 without
   IORING_CQE_F_SKIP, is two slots; one that would be cut ends the run). */
static inline uint32_t hr__cq_whole(const struct hr_ring *r, uint32_t head, uint32_t max)
{
    const struct hr_cqe *const cqes = r->cq.cqes;
    uint32_t off = 0;
    /*@ loop invariant 0 <= off <= max;
        loop assigns off;
        loop variant max - off;
    */
    while (off < max) {
        const uint32_t f = cqes[hr__units(hr__slot(head + off, r->cq.mask, r->cq.shift),
                                          r->cq.cqe_shift)].flags;
        const uint32_t step = ((f & IORING_CQE_F_32) && !(f & IORING_CQE_F_SKIP)) ? 2u : 1u;
        if (step > max - off)
            break;                          /* only its first half is here */
        off += step;
    }
    return off;
}

/* Copy up to `n` ready CQEs, oldest first, into out[] and release them
   (one release store of the CQ head), without entering the kernel.
   Returns the number copied, or -EIO for a CQ tail more than `entries`
   ahead (nothing read).  With CQE32 one CQE is two units of out[].  On an
   IORING_SETUP_CQE_MIXED ring n counts 16-byte slots and so does the
   result: a 32-byte CQE is two units of out[] and is never cut (the copy
   stops before it), the kernel's padding CQEs are copied too (skip those
   with IORING_CQE_F_SKIP; step by hr_cqe_nr).
   No liburing equivalent (it has io_uring_peek_batch_cqe, pointers). */
static inline int hr_copy_cqes_ready(struct hr_ring *r, struct hr_cqe *out, uint32_t n)
{
    const struct hr_cqe *const cqes = r->cq.cqes;
    const uint32_t e    = r->cq.entries;
    const uint32_t k    = r->cq.shift;
    const uint32_t s    = r->cq.cqe_shift;
    const uint32_t head = r->cq.head;
    /* acquire: pairs with the kernel's release of the CQ tail, so the CQEs
       read below are the ones it wrote before publishing. */
    const uint32_t tail  = hr_load_acquire(r->cq.ktail);
    const uint32_t ready = tail - head;             /* wraps */

    if (HR_UNLIKELY(ready > e))
        return -HR_EIO;                             /* the kernel wrote garbage */
    const uint32_t want = ready < n ? ready : n;
    const uint32_t cnt = (r->flags & IORING_SETUP_CQE_MIXED) ? hr__cq_whole(r, head, want)
                                                              : want;
    const uint32_t first = hr__units(hr__slot(head, r->cq.mask, k), s);
    const uint32_t units = hr__units(cnt, s);
    /* proof steps: the copy writes out[] only (frame, counters), so the
       ring is still ok; one goal for ring_ok took CVC4 34 s, these three
       take 13 s together */
    //@ ghost Copy: ;
    hr__copy_ring(out, cqes, r->cq.cqe_units, first, units);
    //@ assert frame: ring_fixed{Copy, Here}(r);
    /*@ assert copied: \forall integer i; 0 <= i < units ==>
          same_cqe{Here, Here}(out + i, cqes + ring_slot(first, i, r->cq.cqe_units)); */
    /*@ assert counters: *r->sq.ktail == \at(*r->sq.ktail, Pre) &&
          r->sq.sqe_head == \at(r->sq.sqe_head, Pre) && r->sq.sqe_tail == \at(r->sq.sqe_tail, Pre) &&
          r->sq.sqe_limit == \at(r->sq.sqe_limit, Pre); */
    //@ assert still_ok: ring_ok(r);
    /*@ assert kernel_view: s == 0 ==> \forall integer i; 0 <= i < cnt ==>
          slot(u32_add(head, i), k) == ring_slot(slot(head, k), i, e); */
    r->cq.head = head + cnt;
    /* release: our reads of the CQEs above complete before the kernel sees
       the slots free; pairs with its acquire of the CQ head. */
    hr_store_release(r->cq.khead, r->cq.head);
    return (int)cnt;
}

/* As hr_copy_cqes_ready, but first enters with GETEVENTS when nothing is
   ready and the caller waits (`wait_nr` > 0) or the kernel holds
   overflowed CQEs, so none is lost.  Returns the number copied, the
   kernel's -errno, or -EIO (on a CQE_MIXED ring: 16-byte slots, as
   hr_copy_cqes_ready).  Like Zig's IoUring.copy_cqes; no liburing
   equivalent. */
HR_HOT int hr_copy_cqes(struct hr_ring *r, struct hr_cqe *out, uint32_t n,
                        uint32_t wait_nr)
{
    /* Nothing ready and the caller wants to wait, or the kernel holds
       overflowed CQEs: enter with GETEVENTS first.  GETEVENTS also makes the
       kernel flush its overflow list into the ring (IORING_SQ_CQ_OVERFLOW),
       so no CQE is lost and no wait hangs. */
    //@ ghost hr_enter_calls = 0;
    const uint32_t ready = hr_cq_ready(r);
    //@ ghost hr_seen_cq_ready = ready;
    if (HR_UNLIKELY(ready == 0)) {
        const int flagged = hr_cq_ring_needs_flush(r);
        //@ ghost hr_seen_kflags = *r->sq.kflags;
        if (wait_nr > 0 || flagged) {
            const int e = hr_enter(r, 0, wait_nr, IORING_ENTER_GETEVENTS, 0, 0);
            if (HR_UNLIKELY(e < 0))
                return e;
        }
    }
    return hr_copy_cqes_ready(r, out, n);
}

/* The oldest ready CQE, zero-copy (release it with hr_cqe_seen), without
   entering the kernel.  On an IORING_SETUP_CQE_MIXED ring the kernel's
   padding CQEs (IORING_CQE_F_SKIP) at our head are released first, and a
   CQE flagged IORING_CQE_F_32 lies whole in the ring.  Returns 0 (*cqe
   set), -EAGAIN when none is ready (*cqe = NULL), -EIO for a CQ tail more
   than `entries` ahead or a 32-byte CQE in the last slot.
   Matches io_uring_peek_cqe in liburing. */
static inline int hr_peek_cqe(struct hr_ring *r, struct hr_cqe **cqe)
{
    const uint32_t ready = hr__cq_skip(r);     /* acquire of the CQ tail */

    *cqe = 0;
    if (HR_UNLIKELY(ready > r->cq.entries))
        return -HR_EIO;
    if (HR_UNLIKELY(ready == 0))
        return -HR_EAGAIN;
    if (HR_UNLIKELY(hr__cq_straddles(r)))
        return -HR_EIO;
    *cqe = r->cq.cqes + hr__units(hr__slot(r->cq.head, r->cq.mask, r->cq.shift),
                                  r->cq.cqe_shift);
    return 0;
}

/* Release the `n` oldest ready CQEs to the kernel (release store of the
   CQ head).  `n` must not exceed hr_cq_ready.  No return value.
   Matches io_uring_cq_advance in liburing. */
static inline void hr_cq_advance(struct hr_ring *r, uint32_t n)
{
    r->cq.head += n;
    /* release: pairs with the kernel's acquire of the CQ head; our reads of
       the released CQEs are done before it may reuse their slots. */
    hr_store_release(r->cq.khead, r->cq.head);
}

/* Release the oldest CQE, the one hr_peek_cqe or hr_wait_cqe gave: one
   slot, two for a 32-byte CQE (IORING_CQE_F_32) of an IORING_SETUP_CQE_MIXED
   ring; nothing when cqe is NULL.  No return value.
   Matches io_uring_cqe_seen in liburing. */
static inline void hr_cqe_seen(struct hr_ring *r, struct hr_cqe *cqe)
{
    if (cqe)
        hr_cq_advance(r, hr__cqe_slots(r, cqe));
}

static inline void hr__put_cqe(struct hr_ring *r, struct hr_cqe **cqe, struct hr_cqe *c)
{
    (void)r;                 /* specification-only */
    *cqe = c;
}

static inline void hr__cq_republish(struct hr_ring *r)
{
    /* release: our head as it is (only we write this word, K-CQHEAD); the
       kernel computes what is ready from it, so a corrupted copy would
       make a GETEVENTS enter return at once, every time */
    hr_store_release(r->cq.khead, r->cq.head);
}

/* The oldest CQE, zero-copy: when none is ready, enter with GETEVENTS and
   min_complete = wait_nr until one is (wait_nr 0: enter once, only if the
   kernel flags overflow or task work).  Unlike liburing it does not enter
   when 1 .. wait_nr - 1 are ready (hr_wait_cqes does).  Our CQ head is
   stored again before each enter; at most HR_WAIT_ROUNDS enters.  Returns
   0, -EAGAIN (wait_nr 0, none ready), -EINTR (a signal, or HR_WAIT_ROUNDS
   enters without a CQE), -EIO, or the kernel's -errno.
   Matches io_uring_wait_cqe_nr in liburing. */
HR_HOT int hr_wait_cqe_nr(struct hr_ring *r, struct hr_cqe **cqe, uint32_t wait_nr)
{
    struct hr_cqe *c = 0;          /* a local: WP's frame over it is free */
    //@ ghost hr_enter_calls = 0;
    int ret = hr_peek_cqe(r, &c);
    if (ret == -HR_EAGAIN && (wait_nr > 0 || hr_cq_ring_needs_flush(r))) {
        /* What the kernel may write, in const locals: the loop's assigns
           clause must not depend on memory the loop writes. */
        //@ ghost uint32_t *sq_head = r->sq.khead;
        //@ ghost uint32_t *sq_flags = r->sq.kflags;
        //@ ghost uint32_t *cq_tail = r->cq.ktail;
        //@ ghost uint32_t *cq_ovf = r->cq.koverflow;
        //@ ghost uint32_t *cq_head = r->cq.khead;
        //@ ghost struct hr_cqe *cq_cqes = r->cq.cqes;
        //@ ghost uint32_t cq_units = r->cq.cqe_units;
        uint32_t round;
        /* Bounded (liveness): a kernel that keeps returning at once with
           nothing posted ends the wait after HR_WAIT_ROUNDS enters. */
        /*@ loop invariant ring_ok(r);
            loop invariant frame: ring_fixed{Pre, Here}(r);
            loop invariant words: sq_head == r->sq.khead && sq_flags == r->sq.kflags &&
              cq_tail == r->cq.ktail && cq_ovf == r->cq.koverflow &&
              cq_head == r->cq.khead &&
              cq_cqes == r->cq.cqes && cq_units == r->cq.cqe_units;
            loop invariant kept: cq_kept{Pre, Here}(r);
            loop invariant 0 <= round <= HR_WAIT_ROUNDS;
            loop invariant log: hr_enter_calls == round &&
              (round > 0 ==> entered(0, wait_nr, IORING_ENTER_GETEVENTS));
            loop assigns round, ret, c, *sq_head, *sq_flags, *cq_tail, *cq_ovf, *cq_head,
              cq_cqes[0 .. cq_units - 1], HR_ENTER_LOG, r->cq.head;
            loop variant HR_WAIT_ROUNDS - round;
        */
        for (round = 0; ; round++) {
            if (HR_UNLIKELY(round == HR_WAIT_ROUNDS)) {
                c = 0;
                ret = -HR_EINTR;
                break;
            }
            hr__cq_republish(r);
            ret = hr_enter(r, 0, wait_nr, IORING_ENTER_GETEVENTS, 0, 0);
            //@ assert kept_enter: cq_kept{Pre, Here}(r);
            if (ret < 0) {
                c = 0;
                break;
            }
            ret = hr_peek_cqe(r, &c);
            //@ assert kept_peek: cq_kept{Pre, Here}(r);
            if (ret != -HR_EAGAIN || wait_nr == 0)
                break;
        }
    }
    /*@ assert got: ret == 0 ==>
          c == cq_head_cqe(r) && \valid(c + (0 .. units(1, r->cq.cqe_shift) - 1)) &&
          cqe_whole(r, c) && (cq_mixed(r) ==> (c->flags & IORING_CQE_F_SKIP) == 0) &&
          1 <= u32_dist(r->cq.head, *r->cq.ktail) <= r->cq.entries; */
    //@ assert kept: cq_kept{Pre, Here}(r);
    hr__put_cqe(r, cqe, c);
    return ret;
}

HR_END_DECLS
#endif
