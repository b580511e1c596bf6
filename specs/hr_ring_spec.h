/* hr_ring_spec.h -- contracts of the SQ/CQ protocol (bodies: core/hr_ring.h).
 *
 * Every function requires and preserves ring_ok(r).  Kernel-written words
 * (SQ head, SQ flags, CQ tail, CQEs) are read through the T-ATOMIC accessors,
 * so each contract holds for ANY value the kernel stores there: a garbage
 * head or tail yields NULL / 0 / -EIO, never an out-of-bounds access.
 * Counters are u32 and wrap; every formula is stated modulo 2^32 (u32_add,
 * u32_dist), so the contracts cover the whole wrap range.
 */
#ifndef HRINGAS_SPEC_RING_H
#define HRINGAS_SPEC_RING_H

#include "hr_trusted.h"


/* ---- helpers ------------------------------------------------------------ */

/* The only place where '&' meets the ring: callers reason on slot(). */
/*@ requires 0 <= k <= 16 && m == (1 << k) - 1;
    assigns \nothing;
    ensures \result == slot(x, k) && 0 <= \result <= m;
*/
static inline uint32_t hr__slot(uint32_t x, uint32_t m, uint32_t k);

/*@ requires s == 0 || s == 1;
    requires x <= 0x10000;
    assigns \nothing;
    ensures \result == units(x, s);
*/
static inline uint32_t hr__units(uint32_t x, uint32_t s);

/*@ requires \valid(dst + (0 .. len - 1));
    requires \valid_read(src + (0 .. len - 1));
    requires \separated(dst + (0 .. len - 1), src + (0 .. len - 1));
    assigns dst[0 .. len - 1];
    ensures \forall integer j; 0 <= j < len ==> same_cqe{Here, Here}(dst + j, src + j);
*/
static inline void hr__copy_seg(struct hr_cqe *dst, const struct hr_cqe *src, uint32_t len);

/* cnt units starting at unit `first` of a ring of e units: two segments. */
/*@ requires first < e && cnt <= e;
    requires \valid(out + (0 .. cnt - 1));
    requires \valid_read(ring + (0 .. e - 1));
    requires \separated(out + (0 .. cnt - 1), ring + (0 .. e - 1));
    assigns out[0 .. cnt - 1];
    ensures \forall integer i; 0 <= i < cnt ==>
      same_cqe{Here, Here}(out + i, ring + ring_slot(first, i, e));
*/
static inline void hr__copy_ring(struct hr_cqe *out, const struct hr_cqe *ring,
                                 uint32_t e, uint32_t first, uint32_t cnt);

/* ---- what the decisions read ------------------------------------------
   The enter log (hr_enter_calls and the last enter's arguments) is kept by
   the trusted enter itself (specs/hr_trusted.h).  hr_seen_sq_head,
   hr_seen_kflags, hr_seen_cq_ready: the kernel words (and the CQEs ready)
   as a function's decision read them; hr_seen_wakeup: the SQ flags word as
   the SQPOLL wakeup test read it (after the full fence). */
//@ ghost uint32_t hr_seen_sq_head;
//@ ghost uint32_t hr_seen_kflags;
//@ ghost uint32_t hr_seen_wakeup;
//@ ghost uint32_t hr_seen_cq_ready;

/*@
  // what a submit passes as to_submit: the SQEs published and not yet
  // consumed according to the head h it read, clamped like the kernel
  logic integer sq_pending(integer h, integer published, integer entries) =
    \min(u32_dist(h, published), entries);

  // an SQPOLL ring with SQEs pending whose poller asked for a wakeup
  predicate sq_wake{L}(struct hr_ring *r, integer pending, integer kflags) =
    (r->flags & IORING_SETUP_SQPOLL) != 0 && pending != 0 &&
    (kflags & IORING_SQ_NEED_WAKEUP) != 0;

  // the kernel flags overflowed CQEs or task work: reaping must enter
  predicate cq_flagged(integer kflags) =
    (kflags & (IORING_SQ_CQ_OVERFLOW | IORING_SQ_TASKRUN)) != 0;

  // IORING_SETUP_CQE_MIXED: 16- and 32-byte CQEs in one ring of 16-byte slots
  predicate cq_mixed{L}(struct hr_ring *r) = (r->flags & IORING_SETUP_CQE_MIXED) != 0;

  // the CQE at our head counter (CQE32: two units)
  logic struct hr_cqe *cq_head_cqe{L}(struct hr_ring *r) =
    r->cq.cqes + units(slot(r->cq.head, r->cq.shift), r->cq.cqe_shift);

  // the CQEs of counters from .. from+n-1 are all the kernel's padding
  // (IORING_CQE_F_SKIP): the only CQEs hr__cq_skip may release unread
  predicate cq_padding{L}(struct hr_ring *r, integer from, integer n) =
    \forall integer i; 0 <= i < n ==>
      (r->cq.cqes[units(slot(u32_add(from, i), r->cq.shift), r->cq.cqe_shift)].flags &
       IORING_CQE_F_SKIP) != 0;

  // between L1 and L2 our CQ head moved only on a mixed ring (over the
  // kernel's padding CQEs, hr__cq_skip), and then it is published
  predicate cq_kept{L1, L2}(struct hr_ring *r) =
    \at(r->cq.head, L2) == \at(r->cq.head, L1) ||
    (\at(r->flags & IORING_SETUP_CQE_MIXED, L2) != 0 &&
     \at(*r->cq.khead, L2) == \at(r->cq.head, L2));

  // a CQE flagged 32-byte on a mixed ring lies whole in the CQE array
  predicate cqe_whole{L}(struct hr_ring *r, struct hr_cqe *c) =
    cq_mixed(r) && (c->flags & IORING_CQE_F_32) != 0 ==> \valid(c + (0 .. 1));

  // a 32-byte CQE at counter pos that would straddle the end of the array
  predicate cqe_straddle_at{L}(struct hr_ring *r, integer pos) =
    cq_mixed(r) && r->cq.cqe_shift == 0 && slot(pos, r->cq.shift) == r->cq.mask &&
    (r->cq.cqes[slot(pos, r->cq.shift)].flags & IORING_CQE_F_32) != 0;
*/

/* io_uring_enter on this ring (T-ENTER): the kernel may change the words it
   owns; everything ring_ok and our counters rest on is kept; the enter is
   logged. */
/*@ requires ring_ok(r);
    assigns *r->sq.khead, *r->sq.kflags, *r->cq.ktail, *r->cq.koverflow,
            r->cq.cqes[0 .. r->cq.cqe_units - 1], HR_ENTER_ARGS;
    ensures ring_ok(r);
    ensures ring_fixed{Pre, Post}(r);
    ensures r->sq.sqe_head == \old(r->sq.sqe_head) &&
            r->sq.sqe_tail == \old(r->sq.sqe_tail) && r->cq.head == \old(r->cq.head);
    ensures -4095 <= \result <= 0x7fffffff;
    ensures logged: hr_enter_calls == (uint32_t)(\old(hr_enter_calls) + 1) &&
      entered(to_submit, min_complete, flags);
    ensures logged_to: hr_enter_fd == r->enter_fd && hr_enter_ring_flags == r->enter_flags &&
      hr_enter_arg == arg && hr_enter_argsz == argsz;
*/
static inline int hr_enter(struct hr_ring *r, uint32_t to_submit,
                           uint32_t min_complete, uint32_t flags,
                           const void *arg, uint64_t argsz);

/* ---- submission side ---------------------------------------------------- */

/* Free room according to a head value h: how far the limit h + entries is
   ahead of our published tail. */
/*@ logic integer sq_room{L}(struct hr_ring *r, integer h) =
      u32_dist(r->sq.sqe_head, u32_add(h, r->sq.entries));
*/

/* Refresh the cached limit from the kernel's SQ head. */
/*@ requires ring_ok(r) && tail == r->sq.sqe_tail;
    assigns r->sq.sqe_limit, *r->sq.khead;
    ensures ring_ok(r);
    ensures lying: sq_room(r, *r->sq.khead) > r->sq.entries ||
                   sq_room(r, *r->sq.khead) < u32_dist(r->sq.sqe_head, tail) ==>
      \result == 0 && r->sq.sqe_limit == \old(r->sq.sqe_limit);
    ensures sane: sq_room(r, *r->sq.khead) <= r->sq.entries &&
                  sq_room(r, *r->sq.khead) >= u32_dist(r->sq.sqe_head, tail) ==>
      r->sq.sqe_limit == u32_add(*r->sq.khead, r->sq.entries) &&
      (\result != 0 <==> r->sq.sqe_limit != tail);
*/
static inline int hr__sq_refill(struct hr_ring *r, uint32_t tail);

/* Next free SQE, or NULL when `entries` SQEs are outstanding according to
   the kernel's SQ head (or that head is not a value it could legally hold).
   The head is read only when the cached limit is reached. */
/*@ requires ring_ok(r);
    assigns r->sq.sqe_tail, r->sq.sqe_limit, *r->sq.khead;
    ensures ring_ok(r);
    ensures cached: \old(r->sq.sqe_tail) != \old(r->sq.sqe_limit) ==>
      \result != \null && r->sq.sqe_limit == \old(r->sq.sqe_limit);
    ensures full: \old(r->sq.sqe_tail) == \old(r->sq.sqe_limit) ==>
      (\result == \null <==>
        (sq_room(r, *r->sq.khead) > r->sq.entries ||
         sq_room(r, *r->sq.khead) <= u32_dist(r->sq.sqe_head, \old(r->sq.sqe_tail))));
    ensures refilled: \old(r->sq.sqe_tail) == \old(r->sq.sqe_limit) && \result != \null ==>
      r->sq.sqe_limit == u32_add(*r->sq.khead, r->sq.entries);
    ensures got: \result != \null ==>
         \result == r->sq.sqes + units(slot(\old(r->sq.sqe_tail), r->sq.shift), r->sq.sqe_shift)
      && 0 <= slot(\old(r->sq.sqe_tail), r->sq.shift) < r->sq.entries
      && \valid(\result + (0 .. units(1, r->sq.sqe_shift) - 1))
      && r->sq.sqe_tail == u32_add(\old(r->sq.sqe_tail), 1);
    ensures unchanged: \result == \null ==> r->sq.sqe_tail == \old(r->sq.sqe_tail);
*/
static inline struct hr_sqe *hr_get_sqe(struct hr_ring *r);

/* Free slots by the cached limit, refreshed when fewer than need. */
/*@ requires ring_ok(r);
    assigns r->sq.sqe_limit, *r->sq.khead;
    ensures ring_ok(r);
    ensures \result == u32_dist(r->sq.sqe_tail, r->sq.sqe_limit);
    ensures kept: \old(u32_dist(r->sq.sqe_tail, r->sq.sqe_limit)) >= need ==>
      r->sq.sqe_limit == \old(r->sq.sqe_limit);
*/
static inline uint32_t hr__sq_room(struct hr_ring *r, uint32_t need);

/*@ predicate sqe_pad_nop{L}(struct hr_sqe *s) =
      s->opcode == IORING_OP_NOP && s->flags == IOSQE_CQE_SKIP_SUCCESS &&
      s->ioprio == 0 && s->fd == -1 && s->off == 0 && s->addr == 0 && s->len == 0 &&
      s->op_flags == 0 && s->user_data == 0 && s->buf_index == 0 &&
      s->personality == 0 && s->file_index == 0 && s->addr3 == 0 && s->pad2 == 0;
*/

/*@ requires ring_ok(r) && r->sq.sqe_shift == 0 && s == r->sq.sqes + r->sq.mask;
    assigns *s;
    ensures ring_ok(r);
    ensures ring_fixed{Pre, Post}(r);
    ensures r->sq.sqe_head == \old(r->sq.sqe_head) && r->sq.sqe_tail == \old(r->sq.sqe_tail) &&
      r->sq.sqe_limit == \old(r->sq.sqe_limit) && r->cq.head == \old(r->cq.head);
    ensures sqe_pad_nop(s);
*/
static inline void hr__sqe_pad(struct hr_ring *r, struct hr_sqe *s);

/* A 128-byte SQE (SQE128: hr_get_sqe; SQE_MIXED: two slots, padded). */
/*@ requires ring_ok(r);
    assigns r->sq.sqe_tail, r->sq.sqe_limit, *r->sq.khead,
            r->sq.sqes[0 .. r->sq.sqe_units - 1];
    ensures ring_ok(r);
    ensures unchanged: \result == \null ==> r->sq.sqe_tail == \old(r->sq.sqe_tail);
    behavior sqe128:
      assumes (r->flags & IORING_SETUP_SQE128) != 0;
      ensures \result != \null ==>
        \result == r->sq.sqes + units(slot(\old(r->sq.sqe_tail), r->sq.shift), r->sq.sqe_shift) &&
        \valid(\result + (0 .. units(1, r->sq.sqe_shift) - 1)) &&
        r->sq.sqe_tail == u32_add(\old(r->sq.sqe_tail), 1);
    behavior neither:
      assumes (r->flags & IORING_SETUP_SQE128) == 0 &&
              ((r->flags & IORING_SETUP_SQE_MIXED) == 0 || r->sq.sqe_shift != 0);
      ensures \result == \null && r->sq.sqe_limit == \old(r->sq.sqe_limit);
    behavior mixed:
      assumes (r->flags & IORING_SETUP_SQE128) == 0 &&
              (r->flags & IORING_SETUP_SQE_MIXED) != 0 && r->sq.sqe_shift == 0;
      ensures whole: \result != \null ==> \valid(\result + (0 .. 1));
      ensures in_place: \result != \null && slot(\old(r->sq.sqe_tail), r->sq.shift) != r->sq.mask ==>
        \result == r->sq.sqes + slot(\old(r->sq.sqe_tail), r->sq.shift) &&
        r->sq.sqe_tail == u32_add(\old(r->sq.sqe_tail), 2);
      ensures padded: \result != \null && slot(\old(r->sq.sqe_tail), r->sq.shift) == r->sq.mask ==>
        \result == r->sq.sqes && sqe_pad_nop(r->sq.sqes + r->sq.mask) &&
        r->sq.sqe_tail == u32_add(\old(r->sq.sqe_tail), 3);
    complete behaviors;
    disjoint behaviors;
*/
static inline struct hr_sqe *hr_get_sqe128(struct hr_ring *r);

/* Publish the SQEs obtained since the last flush: write their SQ array
   slots (unless NO_SQARRAY), then store the new tail with release. */
/*@ requires ring_ok(r);
    assigns r->sq.array[0 .. r->sq.entries - 1], *r->sq.ktail, r->sq.sqe_head;
    ensures ring_ok(r);
    ensures count: \result == u32_dist(\old(r->sq.sqe_head), \old(r->sq.sqe_tail));
    ensures r->sq.sqe_head == r->sq.sqe_tail;
    ensures tail: *r->sq.ktail == u32_add(\old(*r->sq.ktail), \result);
    ensures kernel_view: r->sq.array != \null ==>
      \forall integer j; 0 <= j < \result ==>
        r->sq.array[slot(u32_add(\old(*r->sq.ktail), j), r->sq.shift)] ==
          slot(u32_add(\old(r->sq.sqe_head), j), r->sq.shift);
    ensures untouched: r->sq.array != \null ==>
      \forall integer i; 0 <= i < r->sq.entries ==>
        ring_off(slot(\old(r->sq.sqe_head), r->sq.shift), i, r->sq.entries) >= \result ==>
          r->sq.array[i] == \old(r->sq.array[i]);
*/
static inline uint32_t hr_flush_sq(struct hr_ring *r);

/* SQEs published or obtained that the kernel has not consumed yet. */
/*@ requires ring_ok(r);
    assigns *r->sq.khead;
    ensures ring_ok(r);
    ensures \result == u32_dist(*r->sq.khead, r->sq.sqe_tail);
*/
static inline uint32_t hr_sq_ready(struct hr_ring *r);

/*@ requires ring_ok(r);
    assigns *r->sq.khead;
    ensures ring_ok(r);
    ensures u32_dist(*r->sq.khead, r->sq.sqe_tail) <= r->sq.entries ==>
      \result == r->sq.entries - u32_dist(*r->sq.khead, r->sq.sqe_tail);
    ensures u32_dist(*r->sq.khead, r->sq.sqe_tail) > r->sq.entries ==> \result == 0;
*/
static inline uint32_t hr_sq_space_left(struct hr_ring *r);

/* Whether submitting `submit` SQEs needs io_uring_enter; under SQPOLL sets
   IORING_ENTER_SQ_WAKEUP in *flags when the poller sleeps. */
/*@ requires ring_ok(r) && \valid(flags) &&
             \separated(flags, r, r->sq.ktail, r->sq.kflags);
    assigns *flags, *r->sq.kflags;
    ensures ring_ok(r);
    ensures 0 <= \result <= 1;
    ensures submit == 0 ==> \result == 0 && *flags == \old(*flags);
    ensures submit != 0 && !(r->flags & IORING_SETUP_SQPOLL) ==>
      \result == 1 && *flags == \old(*flags);
    ensures submit != 0 && (r->flags & IORING_SETUP_SQPOLL) ==>
      (\result == 1 <==> (*r->sq.kflags & IORING_SQ_NEED_WAKEUP) != 0) &&
      (\result == 1 ==> *flags == (\old(*flags) | IORING_ENTER_SQ_WAKEUP)) &&
      (\result == 0 ==> *flags == \old(*flags));
*/
static inline int hr_sq_ring_needs_enter(struct hr_ring *r, uint32_t submit, uint32_t *flags);

/* The kernel holds CQEs it could not post (overflow) or task work to run:
   reaping must enter with GETEVENTS. */
/*@ requires ring_ok(r);
    assigns *r->sq.kflags;
    ensures ring_ok(r);
    ensures \result != 0 <==>
      (*r->sq.kflags & (IORING_SQ_CQ_OVERFLOW | IORING_SQ_TASKRUN)) != 0;
*/
static inline int hr_cq_ring_needs_flush(struct hr_ring *r);

/* Flush, then enter if needed: submit everything the kernel has not
   consumed and wait for wait_nr completions.  Returns the kernel's count of
   SQEs consumed, or -errno. */
/*@ requires ring_ok(r);
    assigns r->sq.array[0 .. r->sq.entries - 1], *r->sq.ktail, r->sq.sqe_head,
            *r->sq.khead, *r->sq.kflags, *r->cq.ktail, *r->cq.koverflow,
            r->cq.cqes[0 .. r->cq.cqe_units - 1], HR_ENTER_LOG, hr_seen_sq_head,
            hr_seen_kflags, hr_seen_wakeup;
    ensures ring_ok(r);
    ensures published: r->sq.sqe_head == r->sq.sqe_tail;
    ensures -4095 <= \result <= 0x7fffffff;
    ensures once: hr_enter_calls <= 1;
    // waiting: one enter with everything pending, min_complete = wait_nr and
    // GETEVENTS (under SQPOLL also SQ_WAKEUP when the poller sleeps)
    ensures waiting: wait_nr > 0 ==> hr_enter_calls == 1 &&
      hr_enter_min_complete == wait_nr;
    ensures waiting_submits: wait_nr > 0 ==>
      hr_enter_to_submit == sq_pending(hr_seen_sq_head, r->sq.sqe_head, r->sq.entries);
    ensures waiting_flags: wait_nr > 0 && (r->flags & IORING_SETUP_SQPOLL) == 0 ==>
      hr_enter_flags == IORING_ENTER_GETEVENTS;
    // not waiting: an enter when SQEs are pending without SQPOLL, the ring is
    // IOPOLL or the kernel flags overflow / task work (under SQPOLL also when
    // the poller sleeps); GETEVENTS exactly for IOPOLL and the flags
    ensures must_enter: wait_nr == 0 &&
      ((sq_pending(hr_seen_sq_head, r->sq.sqe_head, r->sq.entries) != 0 &&
        (r->flags & IORING_SETUP_SQPOLL) == 0) ||
       (r->flags & IORING_SETUP_IOPOLL) != 0 || cq_flagged(hr_seen_kflags)) ==>
      hr_enter_calls == 1;
    ensures submitting: wait_nr == 0 && hr_enter_calls == 1 ==>
      hr_enter_to_submit == sq_pending(hr_seen_sq_head, r->sq.sqe_head, r->sq.entries) &&
      hr_enter_min_complete == 0;
    // without SQPOLL the flags are exact: GETEVENTS for IOPOLL and the
    // kernel's flags, nothing otherwise
    ensures submitting_flags: wait_nr == 0 && hr_enter_calls == 1 &&
      (r->flags & IORING_SETUP_SQPOLL) == 0 ==>
      ((r->flags & IORING_SETUP_IOPOLL) != 0 || cq_flagged(hr_seen_kflags) ?
         hr_enter_flags == IORING_ENTER_GETEVENTS : hr_enter_flags == 0);
    ensures no_enter: hr_enter_calls == 0 ==>
      \result == sq_pending(hr_seen_sq_head, r->sq.sqe_head, r->sq.entries);
    // under SQPOLL an enter also when the poller sleeps, and only when needed
    ensures must_wake: sq_wake(r, sq_pending(hr_seen_sq_head, r->sq.sqe_head, r->sq.entries),
                               hr_seen_wakeup) ==> hr_enter_calls == 1;
    ensures only_needed: hr_enter_calls == 1 ==>
      wait_nr > 0 || (r->flags & IORING_SETUP_IOPOLL) != 0 || cq_flagged(hr_seen_kflags) ||
      (sq_pending(hr_seen_sq_head, r->sq.sqe_head, r->sq.entries) != 0 &&
       (r->flags & IORING_SETUP_SQPOLL) == 0) ||
      sq_wake(r, sq_pending(hr_seen_sq_head, r->sq.sqe_head, r->sq.entries), hr_seen_wakeup);
    // under SQPOLL, waiting: GETEVENTS, plus SQ_WAKEUP exactly for a
    // sleeping poller
    ensures sqpoll_waiting_flags: wait_nr > 0 && (r->flags & IORING_SETUP_SQPOLL) != 0 ==>
      (sq_wake(r, sq_pending(hr_seen_sq_head, r->sq.sqe_head, r->sq.entries), hr_seen_wakeup) ?
         hr_enter_flags == (IORING_ENTER_GETEVENTS | IORING_ENTER_SQ_WAKEUP) :
         hr_enter_flags == IORING_ENTER_GETEVENTS);
*/
static inline int hr_submit_and_wait(struct hr_ring *r, uint32_t wait_nr);

/*@ requires ring_ok(r);
    assigns r->sq.array[0 .. r->sq.entries - 1], *r->sq.ktail, r->sq.sqe_head,
            *r->sq.khead, *r->sq.kflags, *r->cq.ktail, *r->cq.koverflow,
            r->cq.cqes[0 .. r->cq.cqe_units - 1], HR_ENTER_LOG, hr_seen_sq_head,
            hr_seen_kflags, hr_seen_wakeup;
    ensures ring_ok(r);
    ensures published: r->sq.sqe_head == r->sq.sqe_tail;
    ensures -4095 <= \result <= 0x7fffffff;
    ensures once: hr_enter_calls <= 1;
    ensures must_enter:
      ((sq_pending(hr_seen_sq_head, r->sq.sqe_head, r->sq.entries) != 0 &&
        (r->flags & IORING_SETUP_SQPOLL) == 0) ||
       (r->flags & IORING_SETUP_IOPOLL) != 0 || cq_flagged(hr_seen_kflags)) ==>
      hr_enter_calls == 1;
    ensures submitting: hr_enter_calls == 1 ==>
      hr_enter_to_submit == sq_pending(hr_seen_sq_head, r->sq.sqe_head, r->sq.entries) &&
      hr_enter_min_complete == 0;
    ensures submitting_flags: hr_enter_calls == 1 && (r->flags & IORING_SETUP_SQPOLL) == 0 ==>
      ((r->flags & IORING_SETUP_IOPOLL) != 0 || cq_flagged(hr_seen_kflags) ?
         hr_enter_flags == IORING_ENTER_GETEVENTS : hr_enter_flags == 0);
    ensures no_enter: hr_enter_calls == 0 ==>
      \result == sq_pending(hr_seen_sq_head, r->sq.sqe_head, r->sq.entries);
    ensures must_wake: sq_wake(r, sq_pending(hr_seen_sq_head, r->sq.sqe_head, r->sq.entries),
                               hr_seen_wakeup) ==> hr_enter_calls == 1;
    ensures only_needed: hr_enter_calls == 1 ==>
      (r->flags & IORING_SETUP_IOPOLL) != 0 || cq_flagged(hr_seen_kflags) ||
      (sq_pending(hr_seen_sq_head, r->sq.sqe_head, r->sq.entries) != 0 &&
       (r->flags & IORING_SETUP_SQPOLL) == 0) ||
      sq_wake(r, sq_pending(hr_seen_sq_head, r->sq.sqe_head, r->sq.entries), hr_seen_wakeup);
*/
static inline int hr_submit(struct hr_ring *r);

/* ---- completion side ---------------------------------------------------- */

/*@ requires ring_ok(r);
    assigns *r->cq.ktail;
    ensures ring_ok(r);
    ensures \result == u32_dist(r->cq.head, *r->cq.ktail);
*/
static inline uint32_t hr_cq_ready(struct hr_ring *r);

/* hr_cq_ready after releasing the padding CQEs at our head (mixed rings). */
/*@ requires ring_ok(r);
    assigns *r->cq.ktail, r->cq.head, *r->cq.khead;
    ensures ring_ok(r);
    ensures frame: ring_fixed{Pre, Post}(r);
    ensures sq: r->sq.sqe_head == \old(r->sq.sqe_head) &&
      r->sq.sqe_tail == \old(r->sq.sqe_tail) && r->sq.sqe_limit == \old(r->sq.sqe_limit);
    ensures ready: \result == u32_dist(r->cq.head, *r->cq.ktail);
    ensures plain: !cq_mixed(r) ==>
      r->cq.head == \old(r->cq.head) && *r->cq.khead == \old(*r->cq.khead);
    ensures kept: cq_kept{Pre, Post}(r);
    check ensures padding: cq_padding(r, \old(r->cq.head), u32_dist(\old(r->cq.head), r->cq.head));
    ensures still: r->cq.head == \old(r->cq.head) ==> *r->cq.khead == \old(*r->cq.khead);
    ensures corrupt: \result > r->cq.entries ==> r->cq.head == \old(r->cq.head);
    ensures skipped: cq_mixed(r) && 0 < \result <= r->cq.entries ==>
      (cq_head_cqe(r)->flags & IORING_CQE_F_SKIP) == 0;
*/
static inline uint32_t hr__cq_skip(struct hr_ring *r);

/* A 32-byte CQE at counter pos that would straddle the end of the array. */
/*@ requires ring_ok(r);
    assigns \nothing;
    ensures \result == 0 || \result == 1;
    ensures whole: \result == 0 ==>
      cqe_whole(r, r->cq.cqes + units(slot(pos, r->cq.shift), r->cq.cqe_shift));
    ensures straddles: \result == 1 <==> cqe_straddle_at(r, pos);
*/
static inline int hr__cq_straddles_at(const struct hr_ring *r, uint32_t pos);

/* ... at our head. */
/*@ requires ring_ok(r);
    assigns \nothing;
    ensures \result == 0 || \result == 1;
    ensures whole: \result == 0 ==> cqe_whole(r, cq_head_cqe(r));
    ensures straddles: \result == 1 ==> cq_mixed(r) && r->cq.cqe_shift == 0 &&
      slot(r->cq.head, r->cq.shift) == r->cq.mask &&
      (cq_head_cqe(r)->flags & IORING_CQE_F_32) != 0;
*/
static inline int hr__cq_straddles(const struct hr_ring *r);

/*@ requires \valid_read(r) && \valid_read(c);
    assigns \nothing;
    ensures two: cq_mixed(r) && (c->flags & IORING_CQE_F_32) != 0 ==> \result == 2;
    ensures one: !(cq_mixed(r) && (c->flags & IORING_CQE_F_32) != 0) ==> \result == 1;
*/
static inline uint32_t hr__cqe_slots(const struct hr_ring *r, const struct hr_cqe *c);

/*@ requires \valid_read(cqe);
    assigns \nothing;
    ensures two: (cqe->flags & IORING_CQE_F_32) != 0 ==> \result == 2;
    ensures one: (cqe->flags & IORING_CQE_F_32) == 0 ==> \result == 1;
*/
static inline unsigned hr_cqe_nr(const struct hr_cqe *cqe);

/* The slots of whole CQEs from head, at most max (mixed rings). */
/*@ requires ring_ok(r) && max <= r->cq.entries;
    assigns \nothing;
    ensures \result <= max;
    ensures cut: \result != max ==> \result + 1 == max &&
      (r->cq.cqes[units(slot(u32_add(head, \result), r->cq.shift), r->cq.cqe_shift)].flags &
         IORING_CQE_F_32) != 0 &&
      (r->cq.cqes[units(slot(u32_add(head, \result), r->cq.shift), r->cq.cqe_shift)].flags &
         IORING_CQE_F_SKIP) == 0;
*/
static inline uint32_t hr__cq_whole(const struct hr_ring *r, uint32_t head, uint32_t max);

/* Copy min(n, ready) CQEs into out[] in ring order, then release them to the
   kernel with ONE release store of the head.  With CQE32 each CQE is two
   units of out[].  A tail more than `entries` ahead (impossible for a sane
   kernel) reads nothing and returns -EIO. */
/*@ requires ring_ok(r);
    requires \valid(out + (0 .. units(n, r->cq.cqe_shift) - 1));
    requires \separated(out + (0 .. units(n, r->cq.cqe_shift) - 1), r,
               r->sq.khead, r->sq.ktail, r->sq.kflags,
               r->cq.khead, r->cq.ktail, r->cq.koverflow,
               r->cq.cqes + (0 .. r->cq.cqe_units - 1));
    requires n <= 0x10000;
    assigns out[0 .. units(n, r->cq.cqe_shift) - 1], r->cq.head, *r->cq.khead, *r->cq.ktail;
    ensures ring_ok(r);
    ensures range: \result == -HR_EIO || 0 <= \result <= n;
    ensures corrupt: u32_dist(\old(r->cq.head), *r->cq.ktail) > r->cq.entries ==>
      \result == -HR_EIO && r->cq.head == \old(r->cq.head);
    // mixed ring: slots, at most min(n, ready), one fewer only where a
    // 32-byte CQE would be cut
    ensures mixed: cq_mixed(r) && u32_dist(\old(r->cq.head), *r->cq.ktail) <= r->cq.entries ==>
         \result + 1 >= \min((integer)n, u32_dist(\old(r->cq.head), *r->cq.ktail))
      && \result <= \min((integer)n, u32_dist(\old(r->cq.head), *r->cq.ktail))
      && r->cq.head == u32_add(\old(r->cq.head), \result)
      && *r->cq.khead == r->cq.head;
    ensures count: !cq_mixed(r) && u32_dist(\old(r->cq.head), *r->cq.ktail) <= r->cq.entries ==>
         \result == \min((integer)n, u32_dist(\old(r->cq.head), *r->cq.ktail))
      && r->cq.head == u32_add(\old(r->cq.head), \result)
      && *r->cq.khead == r->cq.head;
    ensures in_order: \result >= 0 ==>
      \forall integer i; 0 <= i < units(\result, r->cq.cqe_shift) ==>
        same_cqe{Here, Here}(out + i, r->cq.cqes +
          ring_slot(units(slot(\old(r->cq.head), r->cq.shift), r->cq.cqe_shift), i,
                    r->cq.cqe_units));
    ensures kernel_view: \result >= 0 && r->cq.cqe_shift == 0 ==>
      \forall integer i; 0 <= i < \result ==>
        same_cqe{Here, Here}(out + i,
          r->cq.cqes + slot(u32_add(\old(r->cq.head), i), r->cq.shift));
*/
static inline int hr_copy_cqes_ready(struct hr_ring *r, struct hr_cqe *out, uint32_t n);

/* If nothing is ready and the caller wants to wait (or the kernel holds
   overflowed CQEs), enter with GETEVENTS once; then copy_cqes_ready. */
/*@ requires ring_ok(r);
    requires \valid(out + (0 .. units(n, r->cq.cqe_shift) - 1));
    requires \separated(out + (0 .. units(n, r->cq.cqe_shift) - 1), r,
               r->sq.khead, r->sq.ktail, r->sq.kflags,
               r->cq.khead, r->cq.ktail, r->cq.koverflow,
               r->cq.cqes + (0 .. r->cq.cqe_units - 1));
    requires n <= 0x10000;
    assigns out[0 .. units(n, r->cq.cqe_shift) - 1], r->cq.head, *r->cq.khead,
            *r->sq.khead, *r->sq.kflags, *r->cq.ktail, *r->cq.koverflow,
            r->cq.cqes[0 .. r->cq.cqe_units - 1], HR_ENTER_LOG, hr_seen_kflags,
            hr_seen_cq_ready;
    ensures ring_ok(r);
    ensures -4095 <= \result <= n;
    ensures \result >= 0 ==> r->cq.head == u32_add(\old(r->cq.head), \result);
    // at most one enter: exactly when its first look saw nothing ready and
    // the caller waits or the kernel flags overflow / task work; it submits
    // nothing and waits for wait_nr with GETEVENTS
    ensures once: hr_enter_calls <= 1;
    ensures enter_when: hr_enter_calls == 1 <==>
      (hr_seen_cq_ready == 0 && (wait_nr > 0 || cq_flagged(hr_seen_kflags)));
    ensures entered: hr_enter_calls == 1 ==> entered(0, wait_nr, IORING_ENTER_GETEVENTS);
*/
static inline int hr_copy_cqes(struct hr_ring *r, struct hr_cqe *out, uint32_t n,
                               uint32_t wait_nr);

/* Zero-copy: the oldest ready CQE, left in the ring until cqe_seen (on a
   mixed ring after releasing the padding CQEs at our head). */
/*@ requires ring_ok(r) && \valid(cqe) && \separated(cqe, r, r->cq.ktail, r->cq.khead,
               r->cq.cqes + (0 .. r->cq.cqe_units - 1));
    assigns *cqe, *r->cq.ktail, r->cq.head, *r->cq.khead;
    ensures ring_ok(r);
    ensures frame: ring_fixed{Pre, Post}(r);
    ensures sq: r->sq.sqe_head == \old(r->sq.sqe_head) &&
      r->sq.sqe_tail == \old(r->sq.sqe_tail) && r->sq.sqe_limit == \old(r->sq.sqe_limit);
    ensures kept: cq_kept{Pre, Post}(r);
    ensures still: r->cq.head == \old(r->cq.head) ==> *r->cq.khead == \old(*r->cq.khead);
    ensures range: \result == 0 || \result == -HR_EAGAIN || \result == -HR_EIO;
    ensures ok: \result == 0 ==>
      (1 <= u32_dist(r->cq.head, *r->cq.ktail) <= r->cq.entries);
    ensures \result == 0 ==>
      *cqe == cq_head_cqe(r) && \valid(*cqe + (0 .. units(1, r->cq.cqe_shift) - 1));
    ensures whole: \result == 0 ==> cqe_whole(r, *cqe);
    ensures real: \result == 0 && cq_mixed(r) ==> ((*cqe)->flags & IORING_CQE_F_SKIP) == 0;
    ensures none: \result == -HR_EAGAIN <==> u32_dist(r->cq.head, *r->cq.ktail) == 0;
    ensures corrupt: u32_dist(r->cq.head, *r->cq.ktail) > r->cq.entries ==> \result == -HR_EIO;
    ensures straddle: \result == -HR_EIO ==>
      u32_dist(r->cq.head, *r->cq.ktail) > r->cq.entries ||
      (cq_mixed(r) && slot(r->cq.head, r->cq.shift) == r->cq.mask);
    ensures \result != 0 ==> *cqe == \null;
*/
static inline int hr_peek_cqe(struct hr_ring *r, struct hr_cqe **cqe);

/* Release n CQEs to the kernel (one release store). */
/*@ requires ring_ok(r);
    assigns r->cq.head, *r->cq.khead;
    ensures ring_ok(r);
    ensures r->cq.head == u32_add(\old(r->cq.head), n) && *r->cq.khead == r->cq.head;
*/
static inline void hr_cq_advance(struct hr_ring *r, uint32_t n);

/*@ requires ring_ok(r);
    requires cqe == \null || \valid_read(cqe);
    assigns r->cq.head, *r->cq.khead;
    ensures ring_ok(r);
    behavior none:
      assumes cqe == \null;
      ensures r->cq.head == \old(r->cq.head) && *r->cq.khead == \old(*r->cq.khead);
    behavior big:
      assumes cqe != \null && cq_mixed(r) && (cqe->flags & IORING_CQE_F_32) != 0;
      ensures r->cq.head == u32_add(\old(r->cq.head), 2) && *r->cq.khead == r->cq.head;
    behavior one:
      assumes cqe != \null && !(cq_mixed(r) && (cqe->flags & IORING_CQE_F_32) != 0);
      ensures r->cq.head == u32_add(\old(r->cq.head), 1) && *r->cq.khead == r->cq.head;
    complete behaviors;
    disjoint behaviors;
*/
static inline void hr_cqe_seen(struct hr_ring *r, struct hr_cqe *cqe);

/* Store a CQE pointer for the caller; the ring is untouched. */
/*@ requires ring_ok(r) && \valid(cqe) && \separated(cqe, r);
    assigns *cqe;
    ensures ring_ok(r) && *cqe == c;
    ensures same: r->flags == \old(r->flags) && r->cq.head == \old(r->cq.head) &&
      r->cq.khead == \old(r->cq.khead) && *r->cq.khead == \old(*r->cq.khead);
*/
static inline void hr__put_cqe(struct hr_ring *r, struct hr_cqe **cqe, struct hr_cqe *c);

/* Store our CQ head into the shared word again (before every wait enter). */
/*@ requires ring_ok(r);
    assigns *r->cq.khead;
    ensures ring_ok(r);
    ensures ring_fixed{Pre, Post}(r);
    ensures r->cq.head == \old(r->cq.head) && r->sq.sqe_head == \old(r->sq.sqe_head) &&
            r->sq.sqe_tail == \old(r->sq.sqe_tail);
    ensures *r->cq.khead == r->cq.head;
*/
static inline void hr__cq_republish(struct hr_ring *r);

/* Wait until a CQE is ready (entering with GETEVENTS as needed, which also
   flushes overflowed CQEs) and return it zero-copy in *cqe.  Our CQ head is
   stored again before every enter; at most HR_WAIT_ROUNDS enters (the loop
   variant proves it), then -EINTR. */
/*@ requires ring_ok(r) && \valid(cqe) && \separated(cqe, r, r->sq.khead,
               r->sq.kflags, r->cq.khead, r->cq.ktail, r->cq.koverflow,
               r->cq.cqes + (0 .. r->cq.cqe_units - 1));
    assigns *cqe, *r->sq.khead, *r->sq.kflags, *r->cq.ktail, *r->cq.koverflow,
            *r->cq.khead, r->cq.cqes[0 .. r->cq.cqe_units - 1], HR_ENTER_LOG, r->cq.head;
    ensures ring_ok(r);
    ensures kept: cq_kept{Pre, Post}(r);
    ensures \result == 0 ==>
      *cqe == cq_head_cqe(r) && \valid(*cqe + (0 .. units(1, r->cq.cqe_shift) - 1));
    ensures whole: \result == 0 ==> cqe_whole(r, *cqe);
    ensures real: \result == 0 && cq_mixed(r) ==> ((*cqe)->flags & IORING_CQE_F_SKIP) == 0;
    ensures -4095 <= \result <= 0;
    // every enter reaps only: nothing to submit, wait for wait_nr, GETEVENTS
    ensures enters: hr_enter_calls <= HR_WAIT_ROUNDS &&
      (hr_enter_calls > 0 ==> entered(0, wait_nr, IORING_ENTER_GETEVENTS));
    // 0 only with a CQE ready at our head; otherwise no CQE is handed out
    ensures ready: \result == 0 ==> 1 <= u32_dist(r->cq.head, *r->cq.ktail) <= r->cq.entries;
    ensures none: \result != 0 ==> *cqe == \null;
*/
static inline int hr_wait_cqe_nr(struct hr_ring *r, struct hr_cqe **cqe, uint32_t wait_nr);

#endif
