/* hr_compiler.h -- compiler and language plumbing shared by every header:
 * inlining and branch-layout hints, the C/C++ static assertion, and the
 * extern "C" guards that let C++ programs include the public headers. */
#ifndef HRINGAS_COMPILER_H
#define HRINGAS_COMPILER_H

#ifdef __cplusplus
#define HR_BEGIN_DECLS extern "C" {
#define HR_END_DECLS   }
#define HR_STATIC_ASSERT(c, msg) static_assert(c, msg)
#else
#define HR_BEGIN_DECLS
#define HR_END_DECLS
#define HR_STATIC_ASSERT(c, msg) _Static_assert(c, msg)
#endif

/* Hot paths that reach the `syscall` instruction must be inlined into the
 * caller: an out-of-line copy makes the return after `syscall` mispredict
 * (~150 ns per call on a VM with return-stack mitigations).  WP ignores
 * the attribute (it reads the body, not how it is compiled). */
#define HR_HOT static inline __attribute__((always_inline))

/* Branch layout hints for the hot paths: the common case falls through, the
 * rare one (ring full, lying kernel, wrapped copy, SQPOLL, errors) is placed
 * out of line.  __builtin_expect(e, c) has the value of e (GCC manual), so
 * the hint changes code layout only; WP sees the bare condition.  Measured
 * (harness/bench/RESULTS.md): with fewer taken branches per operation the
 * NOP loop stays at the raw loop's speed in every build we tried; without
 * them most builds ran ~145 ns per io_uring_enter slower, the time landing
 * at kernel function entries. */
#if defined(__FRAMAC__) || defined(HR_NO_LAYOUT_HINTS)  /* the latter: bench A/B */
#define HR_LIKELY(c)   (c)
#define HR_UNLIKELY(c) (c)
#else
#define HR_LIKELY(c)   __builtin_expect(!!(c), 1)
#define HR_UNLIKELY(c) __builtin_expect(!!(c), 0)
#endif

/* struct hr_sqe and struct hr_cqe may alias anything, so a program may
 * cast between them and the kernel's struct io_uring_sqe / io_uring_cqe
 * (or bytes) and mix accesses through both, under strict aliasing.  For
 * the compiler only: WP's typed model has no strict-aliasing rule. */
#ifdef __FRAMAC__
#define HR_MAY_ALIAS
#else
#define HR_MAY_ALIAS __attribute__((__may_alias__))
#endif

#endif
