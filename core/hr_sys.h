/* hr_sys.h -- system calls the library makes, as -errno-returning inline
 * wrappers over hr_arch.h.
 *   TRUSTED (hidden from WP; specs/TRUSTED.md): hr_sys_io_uring_setup
 *   (T-SYS: the kernel writes *p) and hr__sys_io_uring_enter (T-ENTER),
 *   each a call of hr__syscall (core/hr_arch.h, T-SYS) and the casts of
 *   its arguments; their contracts are in specs/hr_trusted.h.
 *   PROVED (unit setup): the wrappers below the hidden region, over
 *   hr__syscall; contracts in specs/hr_sys_spec.h. */
#ifndef HRINGAS_SYS_H
#define HRINGAS_SYS_H

#include "hr_compiler.h"
HR_BEGIN_DECLS

#include "hr_arch.h"
#include "hr_types.h"

/* Test builds only (-DHR_KERNEL_CHECK: every live suite; never the library,
   the bench or WP): the enter below is renamed, and tests/hr_kcheck.h
   defines hr__sys_enter as it wrapped in the checks of the kernel
   assumptions K-SQTAIL, K-CQHEAD, K-SQHEAD and K-CQTAIL of specs/TRUSTED.md,
   so they are checked around EVERY io_uring_enter the core makes. */
#ifdef HR_KERNEL_CHECK
#define hr__sys_enter hr__sys_enter_unchecked
#endif

#ifndef __FRAMAC__


static inline int hr_sys_io_uring_setup(uint32_t entries, struct io_uring_params *p)
{
    return (int)hr__syscall(HR_NR_io_uring_setup, entries, (long)p, 0, 0, 0, 0);
}

/* io_uring_enter(fd, to_submit, min_complete, flags | ring_flags, arg,
   argsz): the `syscall` instruction is inlined here; the ghost parameter r
   only names the memory the kernel may write (its contract, T-ENTER). */
HR_HOT int hr__sys_io_uring_enter(int fd, uint32_t to_submit, uint32_t min_complete,
                                  uint32_t flags, uint32_t ring_flags, const void *arg,
                                  uint64_t argsz) /*@ ghost (struct hr_ring *r) */
{
    return (int)hr__syscall(HR_NR_io_uring_enter, fd, to_submit, min_complete,
                            flags | ring_flags, (long)arg, (long)argsz);
}

#endif

/* io_uring_enter on this ring (proved, unit setup): to its enter fd, with
   its enter_flags or-ed in (IORING_ENTER_REGISTERED_RING once the ring fd
   is registered). */
HR_HOT int hr__sys_enter(struct hr_ring *r, uint32_t to_submit, uint32_t min_complete,
                         uint32_t flags, const void *arg, uint64_t argsz)
{
    return hr__sys_io_uring_enter(r->enter_fd, to_submit, min_complete, flags,
                                  r->enter_flags, arg, argsz) /*@ ghost (r) */;
}

#ifdef HR_KERNEL_CHECK
#undef hr__sys_enter
#include "hr_kcheck.h"
#endif

/* ---- proved wrappers over hr__syscall (unit setup) ---------------------- */
/* Pointers reach the kernel as the integer of their address: (uintptr_t)
   first, which WP accepts (the pointer fits), then (long) like any
   argument. */

static inline int hr_sys_close(int fd)
{
    //@ ghost long sys[7];
    const int ret = (int)hr__syscall(HR_NR_close, fd, 0, 0, 0, 0, 0) /*@ ghost (sys) */;
    //@ assert passed: sys[0] == HR_NR_close && sys[1] == fd;
    /*@ ghost hr_ghost_closed_fd = fd;
              hr_ghost_closes = hr_ghost_closes == 0xffffffffu ? 0u : hr_ghost_closes + 1u; */
    return ret;
}

static inline int hr_sys_io_uring_register(int fd, uint32_t opcode, const void *arg,
                                           uint32_t nr_args)
{
    //@ ghost long sys[7];
    const int ret = (int)hr__syscall(HR_NR_io_uring_register, fd, opcode,
                                     (long)(uintptr_t)arg, nr_args, 0, 0) /*@ ghost (sys) */;
    /*@ assert passed: sys[0] == HR_NR_io_uring_register && sys[1] == fd && sys[2] == opcode &&
          sys[3] == (long)(uintptr_t)arg && sys[4] == nr_args; */
    /*@ ghost hr_ghost_reg_fd = fd;  hr_ghost_reg_op = opcode;  hr_ghost_reg_arg = arg;
              hr_ghost_reg_nr = nr_args;  hr_ghost_reg_ret = ret;
              hr_ghost_regs = hr_ghost_regs == 0xffffffffu ? 0u : hr_ghost_regs + 1u; */
    return ret;
}

/* io_uring_register(2) with a struct io_uring_params the kernel writes back
   (IORING_REGISTER_RESIZE_RINGS: the new entry counts and offsets): the
   call of hr_sys_io_uring_register, and its contract says *p may have
   changed, so nothing about the old contents survives it. */
static inline int hr_sys_io_uring_register_params(int fd, uint32_t opcode,
                                                  struct io_uring_params *p, uint32_t nr_args)
{
    return hr_sys_io_uring_register(fd, opcode, p, nr_args);
}

static inline int hr_sys_munmap(char *addr, uint64_t len)
{
    //@ ghost long sys[7];
    const int ret = (int)hr__syscall(HR_NR_munmap, (long)(uintptr_t)addr, (long)len, 0, 0, 0,
                                     0) /*@ ghost (sys) */;
    //@ assert passed: sys[0] == HR_NR_munmap && sys[1] == (long)(uintptr_t)addr && sys[2] == (long)len;
    /*@ ghost hr_ghost_unmap_prev_addr = hr_ghost_unmap_addr;
              hr_ghost_unmap_prev_len = hr_ghost_unmap_len;
              hr_ghost_unmap_addr = (uintptr_t)addr;  hr_ghost_unmap_len = len;
              hr_ghost_unmaps = hr_ghost_unmaps == 0xffffffffu ? 0u : hr_ghost_unmaps + 1u; */
    return ret;
}

/* madvise(addr, len, advice): 0 or -errno (hr_ring_dontfork). */
static inline int hr_sys_madvise(char *addr, uint64_t len, int advice)
{
    //@ ghost long sys[7];
    const int ret = (int)hr__syscall(HR_NR_madvise, (long)(uintptr_t)addr, (long)len, advice,
                                     0, 0, 0) /*@ ghost (sys) */;
    /*@ assert passed: sys[0] == HR_NR_madvise && sys[1] == (long)(uintptr_t)addr &&
          sys[2] == (long)len && sys[3] == advice; */
    /*@ ghost hr_ghost_madv_prev_addr = hr_ghost_madv_addr;
              hr_ghost_madv_prev_len = hr_ghost_madv_len;
              hr_ghost_madv_prev_advice = hr_ghost_madv_advice;
              hr_ghost_madv_prev_ret = hr_ghost_madv_ret;
              hr_ghost_madv_addr = (uintptr_t)addr;  hr_ghost_madv_len = len;
              hr_ghost_madv_advice = advice;  hr_ghost_madv_ret = ret;
              hr_ghost_madvs = hr_ghost_madvs == 0xffffffffu ? 0u : hr_ghost_madvs + 1u; */
    return ret;
}

/* mmap(NULL, len, READ|WRITE, SHARED|POPULATE, fd, off); -errno on failure.
   The address it returns becomes a pointer only in core/bind.c (T-MAP). */
static inline long hr_sys_mmap_shared(int fd, uint64_t len, uint64_t off)
{
    //@ ghost long sys[7];
    const long ret = hr__syscall(HR_NR_mmap, 0, (long)len, 0x1 | 0x2 /* PROT_READ|WRITE */,
                                 0x01 | 0x8000 /* MAP_SHARED|MAP_POPULATE */, fd,
                                 (long)off) /*@ ghost (sys) */;
    /*@ assert passed: sys[0] == HR_NR_mmap && sys[1] == 0 && sys[2] == (long)len &&
          sys[3] == (0x1 | 0x2) && sys[4] == (0x01 | 0x8000) && sys[5] == fd &&
          sys[6] == (long)off; */
    return ret;
}

HR_END_DECLS
#endif
