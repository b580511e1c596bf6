/* hr_sys.h -- system calls the library makes, as -errno-returning inline
 * wrappers over hr_arch.h.  TRUSTED (T-SYS, T-ENTER): bodies hidden from WP;
 * the contracts WP uses are in specs/hr_trusted.h and specs/hr_setup_spec.h. */
#ifndef HRINGAS_SYS_H
#define HRINGAS_SYS_H

#include "hr_compiler.h"
HR_BEGIN_DECLS

#include "hr_arch.h"
#include "hr_types.h"

#ifndef __FRAMAC__

static inline int hr_sys_io_uring_setup(uint32_t entries, struct io_uring_params *p)
{
    return (int)hr_syscall6(HR_NR_io_uring_setup, entries, (long)p, 0, 0, 0, 0);
}

HR_HOT int hr_sys_io_uring_enter(int fd, uint32_t to_submit, uint32_t min_complete,
                                        uint32_t flags, const void *arg, uint64_t argsz)
{
    return (int)hr_syscall6(HR_NR_io_uring_enter, fd, to_submit, min_complete,
                            flags, (long)arg, (long)argsz);
}

static inline int hr_sys_io_uring_register(int fd, uint32_t opcode, const void *arg,
                                           uint32_t nr_args)
{
    return (int)hr_syscall6(HR_NR_io_uring_register, fd, opcode, (long)arg,
                            nr_args, 0, 0);
}

static inline int hr_sys_close(int fd)
{
    return (int)hr_syscall6(HR_NR_close, fd, 0, 0, 0, 0, 0);
}

static inline int hr_sys_munmap(void *addr, uint64_t len)
{
    return (int)hr_syscall6(HR_NR_munmap, (long)addr, (long)len, 0, 0, 0, 0);
}

/* madvise(addr, len, advice): 0 or -errno (hr_ring_dontfork). */
static inline int hr_sys_madvise(void *addr, uint64_t len, int advice)
{
    return (int)hr_syscall6(HR_NR_madvise, (long)addr, (long)len, advice, 0, 0, 0);
}

/* mmap(NULL, len, READ|WRITE, SHARED|POPULATE, fd, off); -errno on failure. */
static inline long hr_sys_mmap_shared(int fd, uint64_t len, uint64_t off)
{
    return hr_syscall6(HR_NR_mmap, 0, (long)len, 0x1 | 0x2 /* PROT_READ|WRITE */,
                       0x01 | 0x8000 /* MAP_SHARED|MAP_POPULATE */, fd, (long)off);
}

/* io_uring_enter on this ring: the `syscall` instruction is inlined here. */
#ifdef HR_KERNEL_CHECK
/* Checking build of the enter wrapper (every live suite is built with
 * -DHR_KERNEL_CHECK -Itests; the library and the bench never are): the
 * kernel assumptions K-SQTAIL, K-CQHEAD, K-SQHEAD and K-CQTAIL of
 * specs/TRUSTED.md are checked around EVERY io_uring_enter the core makes,
 * whatever test made it (tests/hr_kcheck.h). */
#include "hr_kcheck.h"
#endif

HR_HOT int hr__sys_enter(struct hr_ring *r, uint32_t to_submit,
                           uint32_t min_complete, uint32_t flags,
                           const void *arg, uint64_t argsz)
{
#ifdef HR_KERNEL_CHECK
    uint32_t saved[2];
    hr_kernel_check_before(r, saved);
    int ret = hr_sys_io_uring_enter(r->enter_fd, to_submit, min_complete,
                                    flags | r->enter_flags, arg, argsz);
    hr_kernel_check_after(r, ret, saved);
    return ret;
#else
    return hr_sys_io_uring_enter(r->enter_fd, to_submit, min_complete,
                                 flags | r->enter_flags, arg, argsz);
#endif
}

#endif
HR_END_DECLS
#endif
