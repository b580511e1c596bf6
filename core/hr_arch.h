/* hr_arch.h -- raw Linux system calls, inline, per architecture.
 *
 * TRUSTED BASE (specs/TRUSTED.md, T-SYS): inline asm is invisible to WP
 * (the system call numbers below are not hidden).  hr__syscall is the
 * trusted primitive itself; its contract, with the ghost parameter that
 * hands back what the kernel got, is in specs/hr_trusted.h.
 * Each definition issues one `syscall`/`svc 0`/`ecall` at its call site (the
 * instruction inside an out-of-line function costs ~110 ns per call on a VM
 * with return-stack mitigations) and yields the kernel's raw return value:
 * -4095 .. -1 is -errno, anything else is the result.  Nothing sets errno.
 *
 * Register ABI
 *   x86_64 : nr rax; args rdi rsi rdx r10 r8 r9; ret rax; clobbers rcx r11
 *   aarch64: nr x8;  args x0..x5;                ret x0
 *   riscv64: nr a7;  args a0..a5;                ret a0
 * "memory" is clobbered: the kernel reads and writes user memory (SQEs,
 * CQEs, params, iovecs), so the compiler must not cache it across a call.
 */
#ifndef HRINGAS_ARCH_H
#define HRINGAS_ARCH_H

#include "hr_compiler.h"
HR_BEGIN_DECLS

#include <asm/unistd.h>

/* System call numbers: the kernel's own, from the uapi <asm/unistd.h> of
 * the target (linux-libc-dev, or linux-libc-dev-<arch>-cross when cross
 * building).  The io_uring calls are 425..427 on every architecture; older
 * uapi headers lack the names.  Visible to WP: the proved wrappers of
 * hr_sys.h pass them, the contract of hr__syscall (specs/hr_trusted.h)
 * names them. */
#define HR_NR_mmap      __NR_mmap
#define HR_NR_munmap    __NR_munmap
#define HR_NR_madvise   __NR_madvise
#define HR_NR_close     __NR_close
#ifdef __NR_io_uring_setup
#define HR_NR_io_uring_setup    __NR_io_uring_setup
#define HR_NR_io_uring_enter    __NR_io_uring_enter
#define HR_NR_io_uring_register __NR_io_uring_register
#else
#define HR_NR_io_uring_setup    425
#define HR_NR_io_uring_enter    426
#define HR_NR_io_uring_register 427
#endif

/* Little-endian only: hr__bind (core/setup.c) reads the kernel's geometry
   words as bytes. */
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "hringas: big-endian targets are not supported"
#endif

#ifndef __FRAMAC__   /* never given to WP: see specs/hr_trusted.h */

#if defined(__x86_64__)
static inline long hr__syscall(long n, long a, long b, long c, long d, long e, long f)
    /*@ ghost (long \ghost *sys) */
{
    long ret;
    register long r10 __asm__("r10") = d;
    register long r8  __asm__("r8")  = e;
    register long r9  __asm__("r9")  = f;
    __asm__ volatile ("syscall"
                      : "=a"(ret)
                      : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                      : "rcx", "r11", "memory");
    return ret;
}
#elif defined(__aarch64__) || (defined(__riscv) && __riscv_xlen == 64)
#if defined(__aarch64__)
#define HR_SC_NR  "x8"
#define HR_SC_A(i) "x" #i
#define HR_SC_INSN "svc #0"
#else
#define HR_SC_NR  "a7"
#define HR_SC_A(i) "a" #i
#define HR_SC_INSN "ecall"
#endif
static inline long hr__syscall(long n, long a, long b, long c, long d, long e, long f)
    /*@ ghost (long \ghost *sys) */
{
    register long nr __asm__(HR_SC_NR) = n;
    register long x0 __asm__(HR_SC_A(0)) = a;
    register long x1 __asm__(HR_SC_A(1)) = b;
    register long x2 __asm__(HR_SC_A(2)) = c;
    register long x3 __asm__(HR_SC_A(3)) = d;
    register long x4 __asm__(HR_SC_A(4)) = e;
    register long x5 __asm__(HR_SC_A(5)) = f;
    __asm__ volatile (HR_SC_INSN
                      : "+r"(x0)
                      : "r"(nr), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5)
                      : "memory");
    return x0;
}
#else
#error "hringas: unsupported architecture (x86_64, aarch64, riscv64)"
#endif

#endif /* __FRAMAC__ */

/* The name the examples and the compat layer use for a system call of
   their own (any number; never given to WP). */
#define hr_syscall6 hr__syscall
HR_END_DECLS
#endif
