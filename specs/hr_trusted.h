/* hr_trusted.h -- contracts WP takes on trust: the functions whose bodies it
 * never sees.  Each one is listed in specs/TRUSTED.md with the live check in
 * harness/ (or the unit test) that tests it.  Bodies: core/hr_atomic.h and
 * core/hr_sys.h, hidden from Frama-C by #ifndef __FRAMAC__.  The proved
 * wrappers of core/hr_sys.h over hr__syscall: specs/hr_sys_spec.h.
 *
 * Modelling choice for words the kernel writes: a load first lets the
 * kernel store ANY value ("assigns *p") and then returns what is there, so no
 * proof can assume two loads agree or that the value is sane.
 */
#ifndef HRINGAS_SPEC_TRUSTED_H
#define HRINGAS_SPEC_TRUSTED_H

#include "hr_ring_logic.h"
#include "hr_arch.h"                 /* HR_NR_*: the system call numbers */

/* ---- T-ATOMIC: accessors of kernel-shared words ------------------------ */

/*@ requires \valid(p);
    assigns *p;               // the kernel may have stored anything ...
    ensures \result == *p;    // ... and we return what is there now
*/
static inline uint32_t hr_load_acquire(uint32_t *p);

/*@ requires \valid(p);
    assigns *p;
    ensures *p == v;
*/
static inline void hr_store_release(uint32_t *p, uint32_t v);

/*@ requires \valid(p);
    assigns *p;
    ensures *p == v;
*/
static inline void hr_store_release16(uint16_t *p, uint16_t v);

/*@ assigns \nothing; */
static inline void hr_fence_full(void);

/* ---- T-ENTER: io_uring_enter(2) on a valid ring ------------------------ */

/* The kernel boundary as a ghost log: the trusted enter below records the
   arguments it passes to the kernel, so every proved caller can say which
   enters it made and with what.  hr_enter_calls counts enters since a
   public function set it to 0; the others are the last enter's arguments:
   hr_enter_flags the flags of the caller (hr_enter_ring_flags, the ring's
   own enter_flags, is or-ed in by the system call itself), hr_enter_fd the
   fd it went to, hr_enter_arg / hr_enter_argsz the argument pointer and
   size.  hr_ext_*: the struct io_uring_getevents_arg of the last EXT_ARG
   enter as it was in memory when the kernel got it (recorded by the proved
   hr__sys_enter_ext, core/hr_wait.h).  Ghost state only: no code reads it. */
//@ ghost uint32_t hr_enter_calls;
//@ ghost uint32_t hr_enter_to_submit;
//@ ghost uint32_t hr_enter_min_complete;
//@ ghost uint32_t hr_enter_flags;
//@ ghost uint32_t hr_enter_ring_flags;
//@ ghost int hr_enter_fd;
//@ ghost const void *hr_enter_arg;
//@ ghost uint64_t hr_enter_argsz;
//@ ghost uint64_t hr_ext_sigmask;
//@ ghost uint32_t hr_ext_sigmask_sz;
//@ ghost uint32_t hr_ext_min_wait;
//@ ghost uint64_t hr_ext_ts;
/* what one enter writes, and what a caller making enters of either kind may */
#define HR_ENTER_ARGS hr_enter_calls, hr_enter_to_submit, hr_enter_min_complete, \
    hr_enter_flags, hr_enter_ring_flags, hr_enter_fd, hr_enter_arg, hr_enter_argsz
#define HR_ENTER_LOG HR_ENTER_ARGS, hr_ext_sigmask, hr_ext_sigmask_sz, hr_ext_min_wait, hr_ext_ts

/*@ // the last enter had these arguments
  predicate entered{L}(integer to_submit, integer min_complete, integer flags) =
    hr_enter_to_submit == to_submit && hr_enter_min_complete == min_complete &&
    hr_enter_flags == flags;
*/

/* The kernel may consume SQEs (moving the SQ head), set SQ flags, post CQEs
   and move the CQ tail and overflow count: all of those are assigned, so no
   fact about them survives the call.  It does not write our SQ tail, our CQ
   head, the SQ array or the SQEs (K-SQTAIL, K-CQHEAD in TRUSTED.md).  r is
   a ghost parameter, for this frame only; the system call gets fd, to_submit,
   min_complete, flags | ring_flags, arg, argsz, and the log records them.
   The ring code calls it through the proved hr__sys_enter (hr_sys_spec.h)
   and hr_enter (specs/hr_ring_spec.h), whose proof re-establishes ring_ok
   from this assigns clause once for all callers. */
/*@ requires ring_ok(r);
    assigns *r->sq.khead, *r->sq.kflags, *r->cq.ktail, *r->cq.koverflow,
            r->cq.cqes[0 .. r->cq.cqe_units - 1], HR_ENTER_ARGS;
    ensures -4095 <= \result <= 0x7fffffff;
    ensures logged: hr_enter_calls == (uint32_t)(\old(hr_enter_calls) + 1) &&
      entered(to_submit, min_complete, flags) && hr_enter_ring_flags == ring_flags &&
      hr_enter_fd == fd && hr_enter_arg == arg && hr_enter_argsz == argsz;
*/
static inline int hr__sys_io_uring_enter(int fd, uint32_t to_submit, uint32_t min_complete,
                                         uint32_t flags, uint32_t ring_flags,
                                         const void *arg, uint64_t argsz)
    /*@ ghost (struct hr_ring *r) */;

/* ---- T-SYS: the other system calls (bodies core/hr_sys.h) --------------- */

/*@ requires \valid(p);
    assigns *p;               // the kernel fills entries, features, offsets
    ensures -4095 <= \result <= 0x7fffffff;
*/
static inline int hr_sys_io_uring_setup(uint32_t entries, struct io_uring_params *p);

/* The one primitive of the system calls that write no memory the proofs
   track: close, munmap (ends a mapping; the callers clear every pointer
   into it), madvise (how pages are inherited by a fork, never their
   contents), mmap (a NEW mapping; the pointer it becomes is T-MAP's, in
   core/bind.c) and io_uring_register (the memory the kernel writes back at
   the argument for IORING_REGISTER_PROBE, RING_FDS and IOWQ_MAX_WORKERS is
   read by the proved callers through a volatile load only, and listed in
   their own assigns).  Every call returns -errno or a result that fits an
   int; close, munmap and madvise return 0 on success.  The proved wrappers
   of core/hr_sys.h (contracts specs/hr_sys_spec.h) pass the numbers.
   The ghost parameter `sys` receives the number and the six arguments as
   the kernel gets them, so that each wrapper proves (its assertion
   `passed`) exactly what it passes. */
/*@ requires nr == HR_NR_close || nr == HR_NR_munmap || nr == HR_NR_madvise ||
             nr == HR_NR_mmap || nr == HR_NR_io_uring_register;
    requires \valid(sys + (0 .. 6));
    assigns sys[0 .. 6];
    ensures sys[0] == nr && sys[1] == a && sys[2] == b && sys[3] == c && sys[4] == d &&
      sys[5] == e && sys[6] == f;
    ensures nr != HR_NR_mmap ==> -4095 <= \result <= 0x7fffffff;
    ensures nr != HR_NR_mmap && nr != HR_NR_io_uring_register ==> \result <= 0;
*/
static inline long hr__syscall(long nr, long a, long b, long c, long d, long e, long f)
    /*@ ghost (long \ghost *sys) */;

#include "hr_sys_spec.h"

#endif
