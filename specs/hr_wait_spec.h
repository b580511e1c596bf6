/* hr_wait_spec.h -- contracts of the waiting and completion API (bodies:
 * core/hr_wait.h, proved in proofs unit `wait`).
 *
 * Every function requires and preserves ring_ok(r) and holds for ANY value
 * the kernel writes into the shared words (T-ATOMIC, T-ENTER).
 *
 * When a wait enters the kernel is liburing's decision (_io_uring_get_cqe),
 * stated as the predicate wait_enter0 below over what the first look at the
 * ring saw: `avail` CQEs ready, `submit` SQEs to submit, the setup flags and
 * the SQ flags word.  Ghost state records that first look and the enters,
 * so the contracts can say exactly when the kernel was entered:
 *   hr_wait_enters   io_uring_enter calls made by the last wait (0 .. HR_WAIT_ROUNDS)
 *   hr_wait_avail0   CQEs ready at its first look (u32 distance head -> tail)
 *   hr_wait_kflags0  the SQ flags word as its first look read it
 *   hr_wait_submit   SQEs it was asked to submit
 *   hr_wait_kret     what the kernel returned to its last enter
 *   hr_wait_took     SQEs the kernel took: the sum of its non-negative enter
 *                    results, capped at hr_wait_submit
 */
#ifndef HRINGAS_SPEC_WAIT_H
#define HRINGAS_SPEC_WAIT_H

#include "hr_ring_spec.h"

//@ ghost int hr_wait_enters;
//@ ghost uint32_t hr_wait_avail0;
//@ ghost uint32_t hr_wait_kflags0;
//@ ghost uint32_t hr_wait_submit;
//@ ghost int hr_wait_kret;
//@ ghost uint32_t hr_wait_took;

/*@
  // liburing's first-round decision: enter when fewer than wait_nr CQEs are
  // ready, or SQEs are to be submitted (and, under SQPOLL, the poller
  // sleeps), or -- nothing ready, nothing to wait for or submit -- the ring
  // is IOPOLL or the kernel flags overflowed CQEs / pending task work.
  predicate wait_enter0(integer avail, integer submit, integer wait_nr,
                        integer setup, integer kflags) =
    ((avail == 0 && wait_nr == 0 && submit == 0) ==>
       ((setup & IORING_SETUP_IOPOLL) != 0 ||
        (kflags & (IORING_SQ_CQ_OVERFLOW | IORING_SQ_TASKRUN)) != 0)) &&
    (!(avail == 0 && wait_nr == 0 && submit == 0) ==>
       (wait_nr > avail ||
        (submit != 0 && ((setup & IORING_SETUP_SQPOLL) == 0 ||
                         (kflags & IORING_SQ_NEED_WAKEUP) != 0))));

  // The CQE of our head counter (zero-copy; CQE32: two units).
  predicate head_cqe{L}(struct hr_ring *r, struct hr_cqe *c) =
    c == r->cq.cqes + units(slot(r->cq.head, r->cq.shift), r->cq.cqe_shift) &&
    \valid(c + (0 .. units(1, r->cq.cqe_shift) - 1));

  // What every wait ends with, in six parts (each one goal of the proof of
  // hr__get_cqe): c is what it stores in *cqe_ptr, res its result, for
  // wait_nr as asked and hr_wait_submit SQEs to submit.

  // bounded: at most HR_WAIT_ROUNDS enters, whatever the kernel does; a
  // first look at a tail more than `entries` ahead: -EIO, no enter
  predicate wait_bounded(struct hr_ring *r, struct hr_cqe *c, integer res) =
    0 <= hr_wait_enters <= HR_WAIT_ROUNDS &&
    (hr_wait_avail0 > r->cq.entries ==>
       hr_wait_enters == 0 && res == -HR_EIO && c == \null);

  // otherwise it entered exactly when liburing would
  predicate wait_when(struct hr_ring *r, integer wait_nr) =
    hr_wait_avail0 <= r->cq.entries ==>
      (hr_wait_enters > 0 <==>
       wait_enter0(hr_wait_avail0, hr_wait_submit, wait_nr, r->flags, hr_wait_kflags0));

  // without an enter, the words it read are still there, and it returned
  // the oldest CQE if one was ready; -EAGAIN when there was nothing to do
  predicate wait_looked{L}(struct hr_ring *r, struct hr_cqe *c, integer res) =
    (hr_wait_enters == 0 ==>
       hr_wait_avail0 == u32_dist(r->cq.head, *r->cq.ktail)) &&
    (hr_wait_enters == 0 && hr_wait_avail0 <= r->cq.entries && res != -HR_EIO ==>
       hr_wait_kflags0 == *r->sq.kflags &&
       (c != \null <==> hr_wait_avail0 != 0) &&
       (res == -HR_EAGAIN <==> (hr_wait_avail0 == 0 && hr_wait_submit == 0)) &&
       (res != -HR_EAGAIN ==> res == 0));

  // the CQE returned is always the one at our head, and lies whole in the
  // ring if it is flagged 32-byte on a mixed ring
  predicate wait_cqe{L}(struct hr_ring *r, struct hr_cqe *c) =
    c != \null ==> head_cqe(r, c) && cqe_whole(r, c);

  // a 32-byte CQE at our head that would straddle the end of the array
  // (cqe_straddle_at, hr_ring_spec.h, at our head)
  predicate cq_straddle{L}(struct hr_ring *r) =
    cq_mixed(r) && r->cq.cqe_shift == 0 && slot(r->cq.head, r->cq.shift) == r->cq.mask &&
    (cq_head_cqe(r)->flags & IORING_CQE_F_32) != 0;

  // success: the count of SQEs this call submitted; failure: no CQE, the
  // kernel's error passed through, or one of the four the wait itself
  // reports (EIO: lying tail, EAGAIN: nothing to do, ETIME: liburing's
  // timeout rule, EINTR: HR_WAIT_ROUNDS enters in vain); waiting for
  // wait_nr > 0 without submitting: success means a CQE
  // a wait that submitted returns how many SQEs the kernel took (what its
  // enters returned, summed, capped at what it had to submit); one that
  // submitted none returns 0 or an error
  predicate wait_result(struct hr_ring *r, struct hr_cqe *c, integer wait_nr, integer res) =
    (res >= 0 ==> res <= hr_wait_submit) &&
    (hr_wait_took > 0 ==> res == hr_wait_took) && (hr_wait_took == 0 ==> res <= 0) &&
    (res < 0 ==> c == \null &&
       (res == -HR_EIO || res == -HR_EAGAIN || res == -HR_ETIME || res == -HR_EINTR ||
        (hr_wait_enters > 0 && res == hr_wait_kret))) &&
    (res >= 0 && wait_nr > 0 && hr_wait_submit == 0 ==> c != \null);

  // -ETIME only from a wait with a timeout (ts, or a registered wait) that
  // entered and still has no CQE; -EINTR only after HR_WAIT_ROUNDS enters
  // without one; either may also be the kernel's own result
  predicate wait_why{L}(integer res, integer timed) =
    (res == -HR_ETIME ==> (timed != 0 && hr_wait_enters > 0) ||
                          (hr_wait_enters > 0 && res == hr_wait_kret)) &&
    (res == -HR_EINTR ==> hr_wait_enters == HR_WAIT_ROUNDS ||
                          (hr_wait_enters > 0 && res == hr_wait_kret));

  // -EIO: the CQ tail lies (more than `entries` ahead), a 32-byte CQE sits
  // in the last slot, or the kernel returned it
  predicate wait_eio{L}(struct hr_ring *r, integer res) =
    res == -HR_EIO ==>
      u32_dist(r->cq.head, *r->cq.ktail) > r->cq.entries || cq_straddle(r) ||
      (hr_wait_enters > 0 && res == hr_wait_kret);

  // every enter re-published our head first (liveness: a corrupted head
  // word is repaired before the kernel reads it)
  predicate wait_republished{L}(struct hr_ring *r) =
    hr_wait_enters > 0 ==> *r->cq.khead == r->cq.head;

  predicate waited{L}(struct hr_ring *r, struct hr_cqe *c, integer wait_nr, integer res) =
    wait_bounded(r, c, res) && wait_when(r, wait_nr) && wait_looked(r, c, res) &&
    wait_cqe(r, c) && wait_result(r, c, wait_nr, res) && wait_republished(r) &&
    wait_eio(r, res);
*/

/* ---- helpers ------------------------------------------------------------ */

/* The CQE at our head counter (the caller knows one is ready). */
/*@ requires ring_ok(r);
    assigns \nothing;
    ensures head_cqe(r, \result);
*/
static inline struct hr_cqe *hr__cq_head_cqe(struct hr_ring *r);

/* The completion half of liburing's decision: -1 = nothing to do
   (-EAGAIN), 1 = enter with GETEVENTS, 0 = no need on the CQ side. */
/*@ requires ring_ok(r);
    assigns *r->sq.kflags;
    ensures ring_ok(r);
    ensures idle: avail == 0 && wait_nr == 0 && submit == 0 ==>
      (\result == 1 <==> (looped == 0 && ((r->flags & IORING_SETUP_IOPOLL) != 0 ||
         (*r->sq.kflags & (IORING_SQ_CQ_OVERFLOW | IORING_SQ_TASKRUN)) != 0))) &&
      (\result != 1 ==> \result == -1);
    ensures busy: !(avail == 0 && wait_nr == 0 && submit == 0) ==>
      (\result == 1 <==> wait_nr > avail) && (\result != 1 ==> \result == 0) &&
      *r->sq.kflags == \old(*r->sq.kflags);
*/
static inline int hr__cq_need(struct hr_ring *r, uint32_t avail, uint32_t submit,
                              uint32_t wait_nr, uint32_t looped);

/* One look's decision (hr__cq_need, then hr_sq_ring_needs_enter for the
   SQEs left): -1 = nothing to do (-EAGAIN), 0 = no enter, 1 = enter with
   the flags stored in *flags.  At the first look (looped == 0) it enters
   exactly when wait_enter0 holds of what it saw. */
/*@ requires ring_ok(r) && \valid(flags) &&
             \separated(flags, r, r->sq.ktail, r->sq.kflags);
    assigns *flags, *r->sq.kflags;
    ensures ring_ok(r);
    ensures -1 <= \result <= 1;
    ensures idle: looped == 0 && avail == 0 && wait_nr == 0 && submit == 0 ==>
      (\result == 1 <==> wait_enter0(avail, submit, wait_nr, r->flags, *r->sq.kflags));
    ensures busy: !(avail == 0 && wait_nr == 0 && submit == 0) ==>
      (\result == 1 <==> wait_enter0(avail, submit, wait_nr, r->flags, *r->sq.kflags));
    ensures nothing: \result == -1 <==>
      (avail == 0 && wait_nr == 0 && submit == 0 &&
       (looped != 0 || !wait_enter0(avail, submit, wait_nr, r->flags, *r->sq.kflags)));
*/
static inline int hr__wait_decide(struct hr_ring *r, uint32_t avail, uint32_t submit,
                                  uint32_t wait_nr, uint32_t looped, uint32_t *flags);

/*@ // the struct io_uring_getevents_arg of the last EXT_ARG enter, as the
    // kernel got it: these sigmask (and its size), timeout and min wait
  predicate ext_arg_is(void *sigmask, struct __kernel_timespec *ts,
                       integer min_wait) =
    hr_ext_sigmask == (uint64_t)(uintptr_t)sigmask &&
    hr_ext_sigmask_sz == HR_SIGSET_SIZE && hr_ext_min_wait == min_wait &&
    hr_ext_ts == (uint64_t)(uintptr_t)ts;

  // the argument of the last enter, with IORING_ENTER_EXT_ARG_REG: entry i
  // of the registered wait region, by its byte offset, and one entry's size
  predicate reg_wait_arg(integer i) =
    hr_enter_arg == (void *)(uintptr_t)((uint64_t)i * sizeof(struct hr_reg_wait)) &&
    hr_enter_argsz == sizeof(struct hr_reg_wait);

  // what the last enter of a wait passed besides the counts: no argument
  // without GETEVENTS; with it the caller's sigset (ext 0), entry
  // reg_index of the registered wait region (ext HR_WAIT_REG), or the
  // getevents struct of the caller's sigmask, timeout and minimum wait
  predicate wait_arg(integer ext, void *sigmask, struct __kernel_timespec *ts,
                     integer min_wait, integer reg_index) =
    ((hr_enter_flags & IORING_ENTER_GETEVENTS) == 0 ==>
       hr_enter_arg == \null && hr_enter_argsz == 0) &&
    ((hr_enter_flags & IORING_ENTER_GETEVENTS) != 0 ==>
       (ext == 0 ==> hr_enter_arg == sigmask &&
                     hr_enter_argsz == (sigmask != \null ? HR_SIGSET_SIZE : 0)) &&
       (ext == HR_WAIT_REG ==> reg_wait_arg(reg_index)) &&
       (ext != 0 && ext != HR_WAIT_REG ==>
          hr_enter_argsz == sizeof(struct hr_getevents_arg) &&
          ext_arg_is(sigmask, ts, min_wait)));
*/

/* io_uring_enter with IORING_ENTER_EXT_ARG: the flags or-ed with it, the
   argument a struct io_uring_getevents_arg of sigmask, ts and min_wait_usec
   (T-ENTER through the proved hr__sys_enter). */
/*@ requires ring_ok(r);
    assigns *r->sq.khead, *r->sq.kflags, *r->cq.ktail, *r->cq.koverflow,
            r->cq.cqes[0 .. r->cq.cqe_units - 1], HR_ENTER_LOG;
    ensures -4095 <= \result <= 0x7fffffff;
    ensures logged: hr_enter_calls == (uint32_t)(\old(hr_enter_calls) + 1) &&
      entered(to_submit, min_complete, flags | IORING_ENTER_EXT_ARG);
    ensures logged_to: hr_enter_fd == r->enter_fd && hr_enter_ring_flags == r->enter_flags &&
      hr_enter_argsz == sizeof(struct hr_getevents_arg);
    ensures ext_arg: ext_arg_is(sigmask, ts, min_wait_usec);
*/
static inline int hr__sys_enter_ext(struct hr_ring *r, uint32_t to_submit,
                                    uint32_t min_complete, uint32_t flags,
                                    const void *sigmask, struct __kernel_timespec *ts,
                                    uint32_t min_wait_usec);

/* io_uring_enter with IORING_ENTER_EXT_ARG on this ring, proved over
   hr__sys_enter_ext exactly as hr_enter is over hr__sys_enter: the kernel
   may change the words it owns; everything ring_ok and our counters rest
   on is kept. */
/*@ requires ring_ok(r);
    assigns *r->sq.khead, *r->sq.kflags, *r->cq.ktail, *r->cq.koverflow,
            r->cq.cqes[0 .. r->cq.cqe_units - 1], HR_ENTER_LOG;
    ensures ring_ok(r);
    ensures ring_fixed{Pre, Post}(r);
    ensures r->sq.sqe_head == \old(r->sq.sqe_head) &&
            r->sq.sqe_tail == \old(r->sq.sqe_tail) && r->cq.head == \old(r->cq.head);
    ensures -4095 <= \result <= 0x7fffffff;
    ensures logged: hr_enter_calls == (uint32_t)(\old(hr_enter_calls) + 1) &&
      entered(to_submit, min_complete, flags | IORING_ENTER_EXT_ARG);
    ensures logged_to: hr_enter_argsz == sizeof(struct hr_getevents_arg);
    ensures ext_arg: ext_arg_is(sigmask, ts, min_wait_usec);
*/
static inline int hr__enter_ext(struct hr_ring *r, uint32_t to_submit, uint32_t min_complete,
                                uint32_t flags, const void *sigmask,
                                struct __kernel_timespec *ts, uint32_t min_wait_usec);

/* One wait enter: without GETEVENTS no argument; with it the sigset (or
   none), or with ext HR_WAIT_REG entry reg_index of the registered wait
   region (IORING_ENTER_EXT_ARG_REG), or with another ext the struct
   hr_getevents_arg of sigmask, ts and min_wait_usec (IORING_ENTER_EXT_ARG).
   Same effect as hr_enter. */
/*@ requires ring_ok(r);
    assigns *r->sq.khead, *r->sq.kflags, *r->cq.ktail, *r->cq.koverflow,
            r->cq.cqes[0 .. r->cq.cqe_units - 1], HR_ENTER_LOG;
    ensures ring_ok(r);
    ensures ring_fixed{Pre, Post}(r);
    ensures r->sq.sqe_head == \old(r->sq.sqe_head) && r->sq.sqe_tail == \old(r->sq.sqe_tail) &&
            r->cq.head == \old(r->cq.head);
    ensures -4095 <= \result <= 0x7fffffff;
    ensures logged: hr_enter_calls == (uint32_t)(\old(hr_enter_calls) + 1) &&
      hr_enter_to_submit == to_submit && hr_enter_min_complete == min_complete;
    ensures getevents: (hr_enter_flags & IORING_ENTER_GETEVENTS) ==
                       (flags & IORING_ENTER_GETEVENTS);
    ensures no_arg: (flags & IORING_ENTER_GETEVENTS) == 0 ==>
      hr_enter_flags == flags && hr_enter_arg == \null && hr_enter_argsz == 0;
    ensures sigset: (flags & IORING_ENTER_GETEVENTS) != 0 && ext == 0 ==>
      hr_enter_flags == flags && hr_enter_arg == sigmask &&
      hr_enter_argsz == (sigmask != \null ? HR_SIGSET_SIZE : 0);
    ensures ext_reg: (flags & IORING_ENTER_GETEVENTS) != 0 && ext == HR_WAIT_REG ==>
      hr_enter_flags == (flags | IORING_ENTER_EXT_ARG | HR_ENTER_EXT_ARG_REG) &&
      reg_wait_arg(reg_index);
    ensures ext_arg: (flags & IORING_ENTER_GETEVENTS) != 0 && ext != 0 && ext != HR_WAIT_REG ==>
      hr_enter_flags == (flags | IORING_ENTER_EXT_ARG) &&
      hr_enter_argsz == sizeof(struct hr_getevents_arg) &&
      ext_arg_is(sigmask, ts, min_wait_usec);
*/
static inline int hr__wait_enter(struct hr_ring *r, uint32_t to_submit, uint32_t min_complete,
                                 uint32_t flags, int ext, const void *sigmask,
                                 struct __kernel_timespec *ts, uint32_t min_wait_usec,
                                 uint32_t reg_index);

/* liburing's _io_uring_get_cqe, bounded: look, decide, enter; at most
   HR_WAIT_ROUNDS enters, our head re-published before each. */
/*@ requires ring_ok(r) && \valid(cqe_ptr) && \separated(cqe_ptr, r, r->sq.khead,
               r->sq.ktail, r->sq.kflags, r->cq.khead, r->cq.ktail, r->cq.koverflow,
               r->cq.cqes + (0 .. r->cq.cqe_units - 1));
    requires submit <= r->sq.entries;
    assigns *cqe_ptr, *r->sq.khead, *r->sq.kflags, *r->cq.ktail, *r->cq.koverflow,
            r->cq.cqes[0 .. r->cq.cqe_units - 1], *r->cq.khead,
            r->cq.head, hr_wait_enters, hr_wait_avail0, hr_wait_kflags0, hr_wait_submit, hr_wait_kret, hr_wait_took, HR_ENTER_LOG;
    ensures ring_ok(r);
    ensures ring_fixed{Pre, Post}(r);
    ensures r->sq.sqe_head == \old(r->sq.sqe_head) && r->sq.sqe_tail == \old(r->sq.sqe_tail) &&
            cq_kept{Pre, Post}(r);
    ensures hr_wait_submit == submit;
    ensures bounded: wait_bounded(r, *cqe_ptr, \result);
    ensures when: wait_when(r, wait_nr);
    ensures looked: wait_looked(r, *cqe_ptr, \result);
    ensures cqe: wait_cqe(r, *cqe_ptr);
    ensures result: wait_result(r, *cqe_ptr, wait_nr, \result);
    ensures eio: wait_eio(r, \result);
    ensures why: wait_why(\result, ts != \null || ext == HR_WAIT_REG ? 1 : 0);
    ensures republished: wait_republished(r);
    ensures args: hr_wait_enters > 0 ==> hr_enter_min_complete == wait_nr;
    ensures reg: hr_wait_enters > 0 && ext == HR_WAIT_REG ==>
      hr_enter_argsz == 0 || reg_wait_arg(reg_index);
    ensures passed: hr_wait_enters > 0 ==> wait_arg(ext, sigmask, ts, min_wait_usec, reg_index);
*/
static inline int hr__get_cqe(struct hr_ring *r, struct hr_cqe **cqe_ptr, uint32_t submit,
                              uint32_t wait_nr, int ext, const void *sigmask,
                              struct __kernel_timespec *ts, uint32_t min_wait_usec,
                              uint32_t reg_index);

/* The SQEs the kernel has not consumed, after publishing ours: what a
   submit passes as to_submit (clamped like the kernel for a lying head). */
/*@ requires ring_ok(r);
    assigns r->sq.array[0 .. r->sq.entries - 1], *r->sq.ktail, r->sq.sqe_head,
            *r->sq.khead;
    ensures ring_ok(r);
    ensures ring_fixed{Pre, Post}(r);
    ensures published: r->sq.sqe_head == r->sq.sqe_tail && r->cq.head == \old(r->cq.head);
    ensures \result <= r->sq.entries;
    ensures u32_dist(*r->sq.khead, r->sq.sqe_head) <= r->sq.entries ==>
      \result == u32_dist(*r->sq.khead, r->sq.sqe_head);
*/
static inline uint32_t hr__flush_pending(struct hr_ring *r);

/* ---- waiting ------------------------------------------------------------- */

/* The pre- and postconditions every public wait shares. */
/*@ requires ring_ok(r) && \valid(cqe_ptr) && \separated(cqe_ptr, r, r->sq.khead,
               r->sq.ktail, r->sq.kflags, r->cq.khead, r->cq.ktail, r->cq.koverflow,
               r->cq.cqes + (0 .. r->cq.cqe_units - 1));
    assigns *cqe_ptr, *r->sq.khead, *r->sq.kflags, *r->cq.ktail, *r->cq.koverflow,
            r->cq.cqes[0 .. r->cq.cqe_units - 1], *r->cq.khead,
            r->cq.head, hr_wait_enters, hr_wait_avail0, hr_wait_kflags0, hr_wait_submit, hr_wait_kret, hr_wait_took, HR_ENTER_LOG;
    ensures ring_ok(r);
    ensures cq_kept{Pre, Post}(r);
    ensures hr_wait_submit == 0;
    ensures waited(r, *cqe_ptr, 1, \result);
    ensures passed: hr_wait_enters > 0 ==> wait_arg(0, \null, \null, 0, 0);
*/
static inline int hr_wait_cqe(struct hr_ring *r, struct hr_cqe **cqe_ptr);

/*@ requires ring_ok(r) && \valid(cqe_ptr) && \separated(cqe_ptr, r, r->sq.khead,
               r->sq.ktail, r->sq.kflags, r->cq.khead, r->cq.ktail, r->cq.koverflow,
               r->cq.cqes + (0 .. r->cq.cqe_units - 1));
    assigns *cqe_ptr, *r->sq.khead, *r->sq.kflags, *r->cq.ktail, *r->cq.koverflow,
            r->cq.cqes[0 .. r->cq.cqe_units - 1], *r->cq.khead,
            r->cq.head, hr_wait_enters, hr_wait_avail0, hr_wait_kflags0, hr_wait_submit, hr_wait_kret, hr_wait_took, HR_ENTER_LOG;
    ensures ring_ok(r);
    ensures cq_kept{Pre, Post}(r);
    ensures hr_wait_submit == 0;
    ensures waited(r, *cqe_ptr, wait_nr, \result);
    ensures passed: hr_wait_enters > 0 ==> wait_arg(ts != \null ? 1 : 0, sigmask, ts, 0, 0);
*/
static inline int hr_wait_cqes(struct hr_ring *r, struct hr_cqe **cqe_ptr, unsigned wait_nr,
                               struct __kernel_timespec *ts, const void *sigmask);

/*@ requires ring_ok(r) && \valid(cqe_ptr) && \separated(cqe_ptr, r, r->sq.khead,
               r->sq.ktail, r->sq.kflags, r->cq.khead, r->cq.ktail, r->cq.koverflow,
               r->cq.cqes + (0 .. r->cq.cqe_units - 1));
    assigns *cqe_ptr, *r->sq.khead, *r->sq.kflags, *r->cq.ktail, *r->cq.koverflow,
            r->cq.cqes[0 .. r->cq.cqe_units - 1], *r->cq.khead,
            r->cq.head, hr_wait_enters, hr_wait_avail0, hr_wait_kflags0, hr_wait_submit, hr_wait_kret, hr_wait_took, HR_ENTER_LOG;
    ensures ring_ok(r);
    ensures cq_kept{Pre, Post}(r);
    ensures hr_wait_submit == 0;
    ensures waited(r, *cqe_ptr, 1, \result);
    ensures passed: hr_wait_enters > 0 ==> wait_arg(ts != \null ? 1 : 0, \null, ts, 0, 0);
*/
static inline int hr_wait_cqe_timeout(struct hr_ring *r, struct hr_cqe **cqe_ptr,
                                      struct __kernel_timespec *ts);

/*@ requires ring_ok(r) && \valid(cqe_ptr) && \separated(cqe_ptr, r, r->sq.khead,
               r->sq.ktail, r->sq.kflags, r->cq.khead, r->cq.ktail, r->cq.koverflow,
               r->cq.cqes + (0 .. r->cq.cqe_units - 1));
    assigns *cqe_ptr, *r->sq.khead, *r->sq.kflags, *r->cq.ktail, *r->cq.koverflow,
            r->cq.cqes[0 .. r->cq.cqe_units - 1], *r->cq.khead,
            r->cq.head, hr_wait_enters, hr_wait_avail0, hr_wait_kflags0, hr_wait_submit, hr_wait_kret, hr_wait_took, HR_ENTER_LOG;
    ensures ring_ok(r);
    ensures cq_kept{Pre, Post}(r);
    ensures no_feature: !(r->features & IORING_FEAT_MIN_TIMEOUT) ==>
      \result == -HR_EINVAL && hr_wait_enters == 0;
    ensures (r->features & IORING_FEAT_MIN_TIMEOUT) ==>
      hr_wait_submit == 0 && waited(r, *cqe_ptr, wait_nr, \result);
    ensures passed: hr_wait_enters > 0 ==> wait_arg(1, sigmask, ts, min_wait_usec, 0);
*/
static inline int hr_wait_cqes_min_timeout(struct hr_ring *r, struct hr_cqe **cqe_ptr,
                                           unsigned wait_nr, struct __kernel_timespec *ts,
                                           unsigned min_wait_usec, const void *sigmask);

/*@ requires ring_ok(r) && \valid(cqe_ptr) && \separated(cqe_ptr, r, r->sq.khead,
               r->sq.ktail, r->sq.kflags, r->cq.khead, r->cq.ktail, r->cq.koverflow,
               r->cq.cqes + (0 .. r->cq.cqe_units - 1));
    requires \separated(cqe_ptr, r->sq.array + (0 .. r->sq.entries - 1));
    assigns *cqe_ptr, r->sq.array[0 .. r->sq.entries - 1], *r->sq.ktail, r->sq.sqe_head,
            *r->sq.khead, *r->sq.kflags, *r->cq.ktail, *r->cq.koverflow,
            r->cq.cqes[0 .. r->cq.cqe_units - 1], *r->cq.khead,
            r->cq.head, hr_wait_enters, hr_wait_avail0, hr_wait_kflags0, hr_wait_submit, hr_wait_kret, hr_wait_took, HR_ENTER_LOG;
    ensures ring_ok(r);
    ensures published: r->sq.sqe_head == r->sq.sqe_tail && cq_kept{Pre, Post}(r);
    ensures hr_wait_submit <= r->sq.entries;
    ensures waited(r, *cqe_ptr, wait_nr, \result);
    ensures passed: hr_wait_enters > 0 ==> wait_arg(ts != \null ? 1 : 0, sigmask, ts, 0, 0);
*/
static inline int hr_submit_and_wait_timeout(struct hr_ring *r, struct hr_cqe **cqe_ptr,
                                             unsigned wait_nr, struct __kernel_timespec *ts,
                                             const void *sigmask);

/*@ requires ring_ok(r) && \valid(cqe_ptr) && \separated(cqe_ptr, r, r->sq.khead,
               r->sq.ktail, r->sq.kflags, r->cq.khead, r->cq.ktail, r->cq.koverflow,
               r->cq.cqes + (0 .. r->cq.cqe_units - 1));
    requires \separated(cqe_ptr, r->sq.array + (0 .. r->sq.entries - 1));
    assigns *cqe_ptr, r->sq.array[0 .. r->sq.entries - 1], *r->sq.ktail, r->sq.sqe_head,
            *r->sq.khead, *r->sq.kflags, *r->cq.ktail, *r->cq.koverflow,
            r->cq.cqes[0 .. r->cq.cqe_units - 1], *r->cq.khead,
            r->cq.head, hr_wait_enters, hr_wait_avail0, hr_wait_kflags0, hr_wait_submit, hr_wait_kret, hr_wait_took, HR_ENTER_LOG;
    ensures ring_ok(r);
    ensures cq_kept{Pre, Post}(r);
    ensures no_feature: !(r->features & IORING_FEAT_MIN_TIMEOUT) ==>
      \result == -HR_EINVAL && hr_wait_enters == 0 &&
      r->sq.sqe_head == \old(r->sq.sqe_head);
    ensures (r->features & IORING_FEAT_MIN_TIMEOUT) ==>
      r->sq.sqe_head == r->sq.sqe_tail && hr_wait_submit <= r->sq.entries &&
      waited(r, *cqe_ptr, wait_nr, \result);
    ensures passed: hr_wait_enters > 0 ==> wait_arg(1, sigmask, ts, min_wait_usec, 0);
*/
static inline int hr_submit_and_wait_min_timeout(struct hr_ring *r, struct hr_cqe **cqe_ptr,
                                                 unsigned wait_nr,
                                                 struct __kernel_timespec *ts,
                                                 unsigned min_wait_usec,
                                                 const void *sigmask);

/* An index that is not an entry of the registered region is refused
   before anything is published; otherwise as hr_submit_and_wait_timeout,
   and the last enter, when it waited, named entry reg_index. */
/*@ requires ring_ok(r) && \valid(cqe_ptr) && \separated(cqe_ptr, r, r->sq.khead,
               r->sq.ktail, r->sq.kflags, r->cq.khead, r->cq.ktail, r->cq.koverflow,
               r->cq.cqes + (0 .. r->cq.cqe_units - 1));
    requires \separated(cqe_ptr, r->sq.array + (0 .. r->sq.entries - 1));
    assigns *cqe_ptr, r->sq.array[0 .. r->sq.entries - 1], *r->sq.ktail, r->sq.sqe_head,
            *r->sq.khead, *r->sq.kflags, *r->cq.ktail, *r->cq.koverflow,
            r->cq.cqes[0 .. r->cq.cqe_units - 1], *r->cq.khead,
            r->cq.head, hr_wait_enters, hr_wait_avail0, hr_wait_kflags0, hr_wait_submit, hr_wait_kret, hr_wait_took, HR_ENTER_LOG;
    ensures ring_ok(r);
    ensures cq_kept{Pre, Post}(r);
    ensures refused: !(0 <= reg_index < r->reg_wait_nr) ==>
      \result == -HR_EFAULT && *cqe_ptr == \null && hr_wait_enters == 0 &&
      r->sq.sqe_head == \old(r->sq.sqe_head);
    ensures in_region: 0 <= reg_index < r->reg_wait_nr ==>
      r->sq.sqe_head == r->sq.sqe_tail && hr_wait_submit <= r->sq.entries &&
      waited(r, *cqe_ptr, wait_nr, \result) &&
      (hr_wait_enters > 0 ==> hr_enter_argsz == 0 || reg_wait_arg(reg_index));
    ensures passed: hr_wait_enters > 0 ==> wait_arg(HR_WAIT_REG, \null, \null, 0, reg_index);
*/
static inline int hr_submit_and_wait_reg(struct hr_ring *r, struct hr_cqe **cqe_ptr,
                                         unsigned wait_nr, int reg_index);

/* ---- batches and iteration ----------------------------------------------- */

/* n CQE pointers, in ring order from our head, into out[]. */
/*@ requires ring_ok(r) && n <= r->cq.entries;
    requires \valid(out + (0 .. n - 1));
    requires \separated(out + (0 .. n - 1), r, r->sq.khead, r->sq.ktail, r->sq.kflags,
               r->cq.khead, r->cq.ktail, r->cq.koverflow);
    assigns out[0 .. n - 1];
    ensures ring_ok(r);
    ensures in_order: \forall integer j; 0 <= j < n ==>
      out[j] == r->cq.cqes + units(slot(u32_add(r->cq.head, j), r->cq.shift), r->cq.cqe_shift);
*/
static inline void hr__cq_ptrs(struct hr_ring *r, struct hr_cqe **out, uint32_t n);

/*@ requires ring_ok(r);
    assigns *r->sq.khead, *r->sq.kflags, *r->cq.ktail, *r->cq.koverflow,
            r->cq.cqes[0 .. r->cq.cqe_units - 1], HR_ENTER_LOG;
    ensures ring_ok(r);
    ensures ring_fixed{Pre, Post}(r);
    ensures r->sq.sqe_head == \old(r->sq.sqe_head) && r->sq.sqe_tail == \old(r->sq.sqe_tail) &&
            r->cq.head == \old(r->cq.head);
    ensures -4095 <= \result <= 0x7fffffff;
    // one enter: nothing submitted, no wait, GETEVENTS, no argument
    ensures entered: hr_enter_calls == (uint32_t)(\old(hr_enter_calls) + 1) &&
      entered(0, 0, IORING_ENTER_GETEVENTS) && hr_enter_arg == \null && hr_enter_argsz == 0;
*/
static inline int hr_get_events(struct hr_ring *r);

/* Mixed ring, ready slots from our head: one pointer per CQE. */
/*@ requires ring_ok(r) && count <= 0x10000 && ready <= r->cq.entries;
    requires \valid(cqes + (0 .. count - 1));
    requires \separated(cqes + (0 .. count - 1), r, r->sq.khead, r->sq.ktail, r->sq.kflags,
               r->cq.khead, r->cq.ktail, r->cq.koverflow,
               r->cq.cqes + (0 .. r->cq.cqe_units - 1));
    assigns cqes[0 .. count - 1];
    ensures ring_ok(r);
    ensures range: \result <= count;
    ensures first: \result > 0 ==> cqes[0] == cq_head_cqe(r);
    ensures cqes: \forall integer j; 0 <= j < \result ==>
      \valid(cqes[j] + (0 .. units(1, r->cq.cqe_shift) - 1)) && cqe_whole(r, cqes[j]) &&
      (cqes[j]->flags & IORING_CQE_F_SKIP) == 0;
    ensures some: count > 0 && ready >= 1 &&
      (cq_head_cqe(r)->flags & IORING_CQE_F_SKIP) == 0 &&
      (cq_head_cqe(r)->flags & IORING_CQE_F_32) == 0 ==> \result >= 1;
*/
static inline unsigned hr__cq_walk_mixed(struct hr_ring *r, struct hr_cqe **cqes,
                                         unsigned count, uint32_t ready);

/* Mixed ring: one pointer per CQE, each valid, whole and not padding. */
/*@ requires ring_ok(r) && count <= 0x10000;
    requires \valid(cqes + (0 .. count - 1));
    requires \separated(cqes + (0 .. count - 1), r, r->sq.khead, r->sq.ktail, r->sq.kflags,
               r->cq.khead, r->cq.ktail, r->cq.koverflow,
               r->cq.cqes + (0 .. r->cq.cqe_units - 1));
    assigns cqes[0 .. count - 1], *r->sq.khead, *r->sq.kflags, *r->cq.ktail,
            *r->cq.koverflow, r->cq.cqes[0 .. r->cq.cqe_units - 1], HR_ENTER_LOG,
            r->cq.head, *r->cq.khead;
    ensures ring_ok(r);
    ensures kept: cq_kept{Pre, Post}(r);
    ensures range: \result <= count;
    ensures corrupt: u32_dist(r->cq.head, *r->cq.ktail) > r->cq.entries ==> \result == 0;
    ensures first: \result > 0 ==> cqes[0] == cq_head_cqe(r);
    ensures cqes: \forall integer j; 0 <= j < \result ==>
      \valid(cqes[j] + (0 .. units(1, r->cq.cqe_shift) - 1)) && cqe_whole(r, cqes[j]) &&
      (cqes[j]->flags & IORING_CQE_F_SKIP) == 0;
    ensures some: count > 0 && 1 <= u32_dist(r->cq.head, *r->cq.ktail) <= r->cq.entries &&
      (cq_head_cqe(r)->flags & IORING_CQE_F_SKIP) == 0 &&
      (cq_head_cqe(r)->flags & IORING_CQE_F_32) == 0 ==> \result >= 1;
*/
static inline unsigned hr__peek_batch_mixed(struct hr_ring *r, struct hr_cqe **cqes,
                                            unsigned count);

/*@ requires ring_ok(r) && count <= 0x10000;
    requires \valid(cqes + (0 .. count - 1));
    requires \separated(cqes + (0 .. count - 1), r, r->sq.khead, r->sq.ktail, r->sq.kflags,
               r->cq.khead, r->cq.ktail, r->cq.koverflow,
               r->cq.cqes + (0 .. r->cq.cqe_units - 1));
    assigns cqes[0 .. count - 1], *r->sq.khead, *r->sq.kflags, *r->cq.ktail,
            *r->cq.koverflow, r->cq.cqes[0 .. r->cq.cqe_units - 1], HR_ENTER_LOG,
            r->cq.head, *r->cq.khead;
    ensures ring_ok(r);
    ensures range: \result <= count;
    ensures corrupt: u32_dist(r->cq.head, *r->cq.ktail) > r->cq.entries ==> \result == 0;
    behavior plain:
      assumes !cq_mixed(r);
      ensures r->cq.head == \old(r->cq.head) && *r->cq.khead == \old(*r->cq.khead);
      ensures count: u32_dist(r->cq.head, *r->cq.ktail) <= r->cq.entries ==>
        \result == \min((integer)count, u32_dist(r->cq.head, *r->cq.ktail));
      ensures in_order: \forall integer j; 0 <= j < \result ==>
        cqes[j] == r->cq.cqes + units(slot(u32_add(r->cq.head, j), r->cq.shift), r->cq.cqe_shift);
    behavior mixed:
      assumes cq_mixed(r);
      ensures kept: cq_kept{Pre, Post}(r);
      ensures first: \result > 0 ==> cqes[0] == cq_head_cqe(r);
      ensures cqes: \forall integer j; 0 <= j < \result ==>
        \valid(cqes[j] + (0 .. units(1, r->cq.cqe_shift) - 1)) && cqe_whole(r, cqes[j]) &&
        (cqes[j]->flags & IORING_CQE_F_SKIP) == 0;
    complete behaviors;
    disjoint behaviors;
*/
static inline unsigned hr_peek_batch_cqe(struct hr_ring *r, struct hr_cqe **cqes,
                                         unsigned count);

/*@ requires ring_ok(r) && \valid(first) && \separated(first, r, r->cq.ktail);
    assigns *first, *r->cq.ktail;
    ensures ring_ok(r);
    ensures range: \result <= max &&
      \result <= r->cq.entries - slot(r->cq.head, r->cq.shift);
    ensures corrupt: u32_dist(r->cq.head, *r->cq.ktail) > r->cq.entries ==> \result == 0;
    ensures count: u32_dist(r->cq.head, *r->cq.ktail) <= r->cq.entries ==>
      \result == \min(\min((integer)max, u32_dist(r->cq.head, *r->cq.ktail)),
                      r->cq.entries - slot(r->cq.head, r->cq.shift));
    ensures run: \result > 0 ==>
      *first == r->cq.cqes + units(slot(r->cq.head, r->cq.shift), r->cq.cqe_shift) &&
      \valid(*first + (0 .. units(\result, r->cq.cqe_shift) - 1)) &&
      \forall integer j; 0 <= j < \result ==>
        slot(u32_add(r->cq.head, j), r->cq.shift) == slot(r->cq.head, r->cq.shift) + j;
    ensures none: \result == 0 ==> *first == \null;
*/
static inline unsigned hr_cq_batch(struct hr_ring *r, struct hr_cqe **first, unsigned max);

/* The CQE of counter pos if it is ready (for hr_for_each_cqe). */
/*@ requires ring_ok(r);
    assigns *r->cq.ktail;
    ensures ring_ok(r);
    ensures ready: \result != \null ==>
      (u32_dist(r->cq.head, *r->cq.ktail) <= r->cq.entries &&
       u32_dist(r->cq.head, pos) < u32_dist(r->cq.head, *r->cq.ktail));
    ensures stops: \result == \null ==>
      (u32_dist(r->cq.head, *r->cq.ktail) > r->cq.entries ||
       u32_dist(r->cq.head, pos) >= u32_dist(r->cq.head, *r->cq.ktail) ||
       cqe_straddle_at(r, pos));
    ensures at: \result != \null ==>
      \result == r->cq.cqes + units(slot(pos, r->cq.shift), r->cq.cqe_shift) &&
      \valid(\result + (0 .. units(1, r->cq.cqe_shift) - 1)) && cqe_whole(r, \result);
*/
static inline struct hr_cqe *hr__cq_at(struct hr_ring *r, uint32_t pos);

/*@ requires ring_ok(r);
    requires mask == r->cq.mask;
    assigns \nothing;
    ensures \result == units(slot(ptr, r->cq.shift), r->cq.cqe_shift);
    ensures \result + units(1, r->cq.cqe_shift) <= r->cq.cqe_units;
*/
static inline unsigned hr_cqe_index(const struct hr_ring *r, unsigned ptr, unsigned mask);

/*@ requires ring_ok(r);
    assigns \nothing;
    ensures \result == r->cq.cqe_shift;
*/
static inline unsigned hr_cqe_shift(const struct hr_ring *r);

/* ---- flags, events, SQPOLL, fork ---------------------------------------- */

/*@ requires ring_ok(r);
    assigns *r->sq.kflags;
    ensures ring_ok(r);
    ensures \result != 0 <==> (*r->sq.kflags & IORING_SQ_CQ_OVERFLOW) != 0;
*/
static inline int hr_cq_has_overflow(const struct hr_ring *r);

/*@ requires ring_ok(r);
    assigns r->sq.array[0 .. r->sq.entries - 1], *r->sq.ktail, r->sq.sqe_head,
            *r->sq.khead, *r->sq.kflags, *r->cq.ktail, *r->cq.koverflow,
            r->cq.cqes[0 .. r->cq.cqe_units - 1], HR_ENTER_LOG, hr_seen_sq_head,
            hr_seen_kflags;
    ensures ring_ok(r);
    ensures published: r->sq.sqe_head == r->sq.sqe_tail && r->cq.head == \old(r->cq.head);
    ensures -4095 <= \result <= 0x7fffffff;
    // one enter, no wait, no argument; it submits what the kernel has not
    // consumed (the SQ head read after the flush: hr_seen_sq_head)
    ensures entered: hr_enter_calls == (uint32_t)(\old(hr_enter_calls) + 1) &&
      hr_enter_min_complete == 0 && hr_enter_arg == \null && hr_enter_argsz == 0 &&
      hr_enter_to_submit <= r->sq.entries;
    ensures to_submit: u32_dist(hr_seen_sq_head, r->sq.sqe_head) <= r->sq.entries ==>
      hr_enter_to_submit == u32_dist(hr_seen_sq_head, r->sq.sqe_head);
    // GETEVENTS, and SQ_WAKEUP exactly when an SQPOLL ring had something to
    // submit and its poller asked for a wakeup (SQ flags read after the fence)
    ensures wakeup: (r->flags & IORING_SETUP_SQPOLL) != 0 && hr_enter_to_submit != 0 &&
      (hr_seen_kflags & IORING_SQ_NEED_WAKEUP) != 0 ==>
      hr_enter_flags == (IORING_ENTER_GETEVENTS | IORING_ENTER_SQ_WAKEUP);
    ensures no_wakeup: !((r->flags & IORING_SETUP_SQPOLL) != 0 && hr_enter_to_submit != 0 &&
      (hr_seen_kflags & IORING_SQ_NEED_WAKEUP) != 0) ==>
      hr_enter_flags == IORING_ENTER_GETEVENTS;
*/
static inline int hr_submit_and_get_events(struct hr_ring *r);

/*@ requires ring_ok(r) && cq_flags_ok(r);
    assigns \nothing;
    ensures r->cq.kflags == \null ==> \result == 1;
    ensures r->cq.kflags != \null ==>
      (\result == 1 <==> (*r->cq.kflags & IORING_CQ_EVENTFD_DISABLED) == 0) &&
      (\result == 0 || \result == 1);
*/
static inline int hr_cq_eventfd_enabled(const struct hr_ring *r);

/*@ requires ring_ok(r) && cq_flags_ok(r);
    assigns *r->cq.kflags;
    ensures ring_ok(r) && cq_flags_ok(r);
    ensures absent: r->cq.kflags == \null ==>
      (\result == 0 <==> enabled != 0) && (\result != 0 ==> \result == -HR_EOPNOTSUPP);
    ensures set: r->cq.kflags != \null ==> \result == 0 &&
      ((*r->cq.kflags & IORING_CQ_EVENTFD_DISABLED) == 0 <==> enabled != 0);
    ensures same: r->cq.kflags != \null &&
      ((\old(*r->cq.kflags) & IORING_CQ_EVENTFD_DISABLED) == 0 <==> enabled != 0) ==>
      *r->cq.kflags == \old(*r->cq.kflags);
    ensures on: r->cq.kflags != \null && enabled != 0 &&
      (\old(*r->cq.kflags) & IORING_CQ_EVENTFD_DISABLED) != 0 ==>
      *r->cq.kflags == (\old(*r->cq.kflags) & ~(uint32_t)IORING_CQ_EVENTFD_DISABLED);
    ensures off: r->cq.kflags != \null && enabled == 0 &&
      (\old(*r->cq.kflags) & IORING_CQ_EVENTFD_DISABLED) == 0 ==>
      *r->cq.kflags == (\old(*r->cq.kflags) | IORING_CQ_EVENTFD_DISABLED);
*/
static inline int hr_cq_eventfd_toggle(struct hr_ring *r, int enabled);

/*@ requires ring_ok(r);
    assigns *r->sq.khead, *r->sq.kflags, *r->cq.ktail, *r->cq.koverflow,
            r->cq.cqes[0 .. r->cq.cqe_units - 1], HR_ENTER_LOG, hr_seen_sq_head;
    ensures ring_ok(r);
    ensures r->cq.head == \old(r->cq.head) && r->sq.sqe_tail == \old(r->sq.sqe_tail);
    ensures -4095 <= \result <= 0x7fffffff;
    behavior no_sqpoll:
      assumes (r->flags & IORING_SETUP_SQPOLL) == 0;
      ensures \result == -HR_EINVAL && hr_enter_calls == \old(hr_enter_calls);
    behavior room:
      assumes (r->flags & IORING_SETUP_SQPOLL) != 0;
      // the SQ head read (hr_seen_sq_head) left room: no enter
      ensures u32_dist(hr_seen_sq_head, r->sq.sqe_tail) < r->sq.entries ==>
        \result == 0 && hr_enter_calls == \old(hr_enter_calls);
      // full (or a lying head): one enter with IORING_ENTER_SQ_WAIT only
      ensures u32_dist(hr_seen_sq_head, r->sq.sqe_tail) >= r->sq.entries ==>
        hr_enter_calls == (uint32_t)(\old(hr_enter_calls) + 1) &&
        entered(0, 0, IORING_ENTER_SQ_WAIT) && hr_enter_arg == \null && hr_enter_argsz == 0;
    complete behaviors;
    disjoint behaviors;
*/
static inline int hr_sqring_wait(struct hr_ring *r);

/*@ requires \valid(r);
    assigns HR_MADV_LOG;
    ensures -4095 <= \result <= 0;
    behavior unmapped:
      assumes r->ring_mem == \null || r->sqe_mem == \null;
      ensures \result == -HR_EINVAL && hr_ghost_madvs == \old(hr_ghost_madvs);
    behavior mapped:
      assumes r->ring_mem != \null && r->sqe_mem != \null;
      // the SQE region first, MADV_DONTFORK (10) over its whole length; its
      // error is returned ...
      ensures advised: hr_ghost_madvs == (unsigned)(\old(hr_ghost_madvs) + 1) &&
        hr_ghost_madv_addr == (uintptr_t)r->sqe_mem && hr_ghost_madv_len == r->sqe_len &&
        hr_ghost_madv_advice == 10 && hr_ghost_madv_ret < 0 && \result == hr_ghost_madv_ret ||
      // ... else the ring region follows, and its result is returned
        hr_ghost_madvs == (unsigned)(\old(hr_ghost_madvs) + 2) &&
        hr_ghost_madv_prev_addr == (uintptr_t)r->sqe_mem &&
        hr_ghost_madv_prev_len == r->sqe_len && hr_ghost_madv_prev_advice == 10 &&
        hr_ghost_madv_prev_ret == 0 &&
        hr_ghost_madv_addr == (uintptr_t)r->ring_mem && hr_ghost_madv_len == r->ring_len &&
        hr_ghost_madv_advice == 10 && \result == hr_ghost_madv_ret;
    complete behaviors;
    disjoint behaviors;
*/
static inline int hr_ring_dontfork(struct hr_ring *r);

/*@ requires ring_ok(r);
    assigns *r->sq.khead, *r->sq.kflags, *r->cq.ktail, *r->cq.koverflow,
            r->cq.cqes[0 .. r->cq.cqe_units - 1], HR_ENTER_LOG;
    ensures ring_ok(r);
    ensures ring_fixed{Pre, Post}(r);
    ensures r->sq.sqe_head == \old(r->sq.sqe_head) && r->sq.sqe_tail == \old(r->sq.sqe_tail) &&
            r->cq.head == \old(r->cq.head);
    ensures -4095 <= \result <= 0x7fffffff;
    // one enter, with exactly the caller's arguments
    ensures entered: hr_enter_calls == (uint32_t)(\old(hr_enter_calls) + 1) &&
      entered(to_submit, min_complete, flags) && hr_enter_arg == arg && hr_enter_argsz == argsz;
*/
static inline int hr_enter2(struct hr_ring *r, uint32_t to_submit, uint32_t min_complete,
                            uint32_t flags, const void *arg, uint64_t argsz);

#endif
