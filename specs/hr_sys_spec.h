/* hr_sys_spec.h -- contracts of the system call wrappers of core/hr_sys.h
 * that WP proves (unit setup) over the trusted primitive hr__syscall
 * (specs/hr_trusted.h, T-SYS): what each passes to the kernel, the range of
 * its result, and the ghost logs the proved contracts of teardown and
 * registration speak of.  Included by hr_trusted.h. */
#ifndef HRINGAS_SPEC_SYS_H
#define HRINGAS_SPEC_SYS_H

/* io_uring_enter(2) on this ring: to the ring's enter fd (the registered
   index once hr_register_ring_fd made it so), with the ring's enter_flags
   (IORING_ENTER_REGISTERED_RING then) or-ed into the caller's flags.  The
   kernel may change the words it owns (T-ENTER); the enter is logged. */
/*@ requires ring_ok(r);
    assigns *r->sq.khead, *r->sq.kflags, *r->cq.ktail, *r->cq.koverflow,
            r->cq.cqes[0 .. r->cq.cqe_units - 1], HR_ENTER_ARGS;
    ensures -4095 <= \result <= 0x7fffffff;
    ensures logged: hr_enter_calls == (uint32_t)(\old(hr_enter_calls) + 1) &&
      entered(to_submit, min_complete, flags);
    ensures logged_to: hr_enter_fd == r->enter_fd && hr_enter_ring_flags == r->enter_flags &&
      hr_enter_arg == arg && hr_enter_argsz == argsz;
*/
static inline int hr__sys_enter(struct hr_ring *r, uint32_t to_submit,
                                uint32_t min_complete, uint32_t flags,
                                const void *arg, uint64_t argsz);

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

/*@ requires \valid(p);
    assigns *p, hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs;
    ensures -4095 <= \result <= 0x7fffffff && hr_ghost_reg_ret == \result;
    ensures hr_ghost_reg_fd == fd && hr_ghost_reg_op == opcode && hr_ghost_reg_nr == nr_args;
    ensures hr_ghost_regs == (unsigned)(\old(hr_ghost_regs) + 1);
*/
static inline int hr_sys_io_uring_register_params(int fd, uint32_t opcode,
                                                  struct io_uring_params *p, uint32_t nr_args);

/* Ghost log of munmap(2): the address (as an integer) and length of the
   last two unmaps and a (wrapping) count, so that the contracts of
   teardown say WHICH mappings they unmapped.  Ghost state only. */
//@ ghost unsigned hr_ghost_unmaps;
//@ ghost uintptr_t hr_ghost_unmap_addr;
//@ ghost uint64_t hr_ghost_unmap_len;
//@ ghost uintptr_t hr_ghost_unmap_prev_addr;
//@ ghost uint64_t hr_ghost_unmap_prev_len;
#define HR_UNMAP_LOG hr_ghost_unmaps, hr_ghost_unmap_addr, hr_ghost_unmap_len, \
    hr_ghost_unmap_prev_addr, hr_ghost_unmap_prev_len

/* munmap(2) (hr__unmap_rings, hr_free_buf_ring): ends a mapping and writes
   no memory WP tracks; the callers clear every pointer into it. */
/*@ assigns HR_UNMAP_LOG;
    ensures -4095 <= \result <= 0;
    ensures unmapped: hr_ghost_unmap_addr == (uintptr_t)addr && hr_ghost_unmap_len == len &&
      hr_ghost_unmaps == (unsigned)(\old(hr_ghost_unmaps) + 1);
    ensures before: hr_ghost_unmap_prev_addr == \old(hr_ghost_unmap_addr) &&
      hr_ghost_unmap_prev_len == \old(hr_ghost_unmap_len);
*/
static inline int hr_sys_munmap(char *addr, uint64_t len);

/* Ghost log of madvise(2): address, length, advice and result of the last
   call and of the one before, and a (wrapping) count, so that
   hr_ring_dontfork's contract says which mappings it advised.  Ghost
   state only. */
//@ ghost unsigned hr_ghost_madvs;
//@ ghost uintptr_t hr_ghost_madv_addr;
//@ ghost uint64_t hr_ghost_madv_len;
//@ ghost int hr_ghost_madv_advice;
//@ ghost uintptr_t hr_ghost_madv_prev_addr;
//@ ghost uint64_t hr_ghost_madv_prev_len;
//@ ghost int hr_ghost_madv_prev_advice;
//@ ghost int hr_ghost_madv_ret;
//@ ghost int hr_ghost_madv_prev_ret;
#define HR_MADV_LOG hr_ghost_madvs, hr_ghost_madv_addr, hr_ghost_madv_len, hr_ghost_madv_advice, \
    hr_ghost_madv_prev_addr, hr_ghost_madv_prev_len, hr_ghost_madv_prev_advice, \
    hr_ghost_madv_ret, hr_ghost_madv_prev_ret

/* madvise(2) (hr_ring_dontfork): changes how the pages are inherited by a
   fork, never their contents. */
/*@ assigns HR_MADV_LOG;
    ensures -4095 <= \result <= 0;
    ensures advised: hr_ghost_madv_addr == (uintptr_t)addr && hr_ghost_madv_len == len &&
      hr_ghost_madv_advice == advice && hr_ghost_madv_ret == \result &&
      hr_ghost_madvs == (unsigned)(\old(hr_ghost_madvs) + 1);
    ensures before: hr_ghost_madv_prev_addr == \old(hr_ghost_madv_addr) &&
      hr_ghost_madv_prev_len == \old(hr_ghost_madv_len) &&
      hr_ghost_madv_prev_advice == \old(hr_ghost_madv_advice) &&
      hr_ghost_madv_prev_ret == \old(hr_ghost_madv_ret);
*/
static inline int hr_sys_madvise(char *addr, uint64_t len, int advice);

/* mmap(2) of a ring region: the result is -errno or an address, which
   becomes a pointer only in core/bind.c (T-MAP) and core/bufring.c. */
/*@ assigns \nothing; */
static inline long hr_sys_mmap_shared(int fd, uint64_t len, uint64_t off);

#endif
