/* hr_trusted.h -- contracts WP takes on trust: the functions whose bodies it
 * never sees.  Each one is listed in specs/TRUSTED.md with the live check in
 * harness/ (or the unit test) that tests it.  Bodies: core/hr_atomic.h and
 * core/hr_sys.h, hidden from Frama-C by #ifndef __FRAMAC__.
 *
 * Modelling choice for words the kernel writes: a load first lets the
 * kernel store ANY value ("assigns *p") and then returns what is there, so no
 * proof can assume two loads agree or that the value is sane.
 */
#ifndef HRINGAS_SPEC_TRUSTED_H
#define HRINGAS_SPEC_TRUSTED_H

#include "hr_ring_logic.h"

/* ---- T-ATOMIC: accessors of kernel-shared words ------------------------ */

/*@ requires \valid(p);
    assigns *p;               // the kernel may have stored anything ...
    ensures \result == *p;    // ... and we return what is there now
*/
static inline uint32_t hr_load_acquire(uint32_t *p);

/*@ requires \valid(p);
    assigns *p;
    ensures \result == *p;
*/
static inline uint32_t hr_load_relaxed(uint32_t *p);

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
/* The kernel may consume SQEs (moving the SQ head), set SQ flags, post CQEs
   and move the CQ tail and overflow count: all of those are assigned, so no
   fact about them survives the call.  It does not write our SQ tail, our CQ
   head, the SQ array or the SQEs (K-SQTAIL, K-CQHEAD in TRUSTED.md).  The
   ring code calls it through hr_enter (specs/hr_ring_spec.h), whose proof
   re-establishes ring_ok from this assigns clause once for all callers. */
/*@ requires ring_ok(r);
    assigns *r->sq.khead, *r->sq.kflags, *r->cq.ktail, *r->cq.koverflow,
            r->cq.cqes[0 .. r->cq.cqe_units - 1];
    ensures -4095 <= \result <= 0x7fffffff;
*/
static inline int hr__sys_enter(struct hr_ring *r, uint32_t to_submit,
                                uint32_t min_complete, uint32_t flags,
                                const void *arg, uint64_t argsz);

/* ---- T-SYS: the other system calls (bodies core/hr_sys.h) --------------- */

/*@ requires \valid(p);
    assigns *p;               // the kernel fills entries, features, offsets
    ensures -4095 <= \result <= 0x7fffffff;
*/
static inline int hr_sys_io_uring_setup(uint32_t entries, struct io_uring_params *p);

/* Ghost log of close(2): the fd of the last close and a (wrapping) count
   of closes, so that the contracts of teardown say WHICH fd they closed and
   how often.  Ghost state only: no code reads it. */
//@ ghost int hr_ghost_closed_fd;
//@ ghost unsigned hr_ghost_closes;

/*@ assigns hr_ghost_closed_fd, hr_ghost_closes;
    ensures -4095 <= \result <= 0;
    ensures hr_ghost_closed_fd == fd;
    ensures hr_ghost_closes == (unsigned)(\old(hr_ghost_closes) + 1);
*/
static inline int hr_sys_close(int fd);

/* Ghost log of io_uring_register(2): the arguments and the result of the
   last call and a (wrapping) count of calls, so that the contracts of the
   registration functions (specs/hr_register_spec.h) say exactly which
   opcode, argument pointer and count reached the kernel, and that they
   return its result.  Ghost state only: no code reads it.
   The kernel also writes the memory at arg for IORING_REGISTER_PROBE,
   IORING_REGISTER_RING_FDS and IORING_REGISTER_IOWQ_MAX_WORKERS, which no
   assigns clause can name through a void pointer: the proved callers read
   such memory back only with a volatile load (WP assumes nothing about its
   value) and list it in their own assigns (T-SYS in TRUSTED.md). */
//@ ghost int hr_ghost_reg_fd;
//@ ghost unsigned hr_ghost_reg_op;
//@ ghost const void *hr_ghost_reg_arg;
//@ ghost unsigned hr_ghost_reg_nr;
//@ ghost int hr_ghost_reg_ret;
//@ ghost unsigned hr_ghost_regs;
/* the argument struct of IORING_(UN)REGISTER_RING_FDS, as last passed
   (core/register.c takes this ghost copy right before the call) */
//@ ghost struct io_uring_rsrc_update hr_ghost_ringfd;

/*@ assigns hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs;
    ensures -4095 <= \result <= 0x7fffffff && hr_ghost_reg_ret == \result;
    ensures hr_ghost_reg_fd == fd && hr_ghost_reg_op == opcode &&
            hr_ghost_reg_arg == arg && hr_ghost_reg_nr == nr_args;
    ensures hr_ghost_regs == (unsigned)(\old(hr_ghost_regs) + 1);
*/
static inline int hr_sys_io_uring_register(int fd, uint32_t opcode, const void *arg,
                                           uint32_t nr_args);

/* munmap(2) (hr__unmap_rings, hr_free_buf_ring): ends a mapping and writes
   no memory WP tracks; the callers clear every pointer into it. */
/*@ assigns \nothing;
    ensures -4095 <= \result <= 0;
*/
static inline int hr_sys_munmap(void *addr, uint64_t len);

/* madvise(2) (hr_ring_dontfork): changes how the pages are inherited by a
   fork, never their contents. */
/*@ assigns \nothing;
    ensures -4095 <= \result <= 0;
*/
static inline int hr_sys_madvise(void *addr, uint64_t len, int advice);

#endif
