/* liburing/barrier.h (hringas-c compat) -- liburing's memory-ordering macros,
 * as C11 atomics (the same operations core/hr_atomic.h uses for the rings).
 * For programs that touch shared ring words themselves. */
#ifndef HRINGAS_COMPAT_LIBURING_BARRIER_H
#define HRINGAS_COMPAT_LIBURING_BARRIER_H

#if defined(__cplusplus)
#include <atomic>
#define IO_URING_WRITE_ONCE(var, val) \
    std::atomic_store_explicit(reinterpret_cast<std::atomic<__typeof__(var)> *>(&(var)), (val), std::memory_order_relaxed)
#define IO_URING_READ_ONCE(var) \
    std::atomic_load_explicit(reinterpret_cast<const std::atomic<__typeof__(var)> *>(&(var)), std::memory_order_relaxed)
#define io_uring_smp_store_release(p, v) \
    std::atomic_store_explicit(reinterpret_cast<std::atomic<__typeof__(*(p))> *>(p), (v), std::memory_order_release)
#define io_uring_smp_load_acquire(p) \
    std::atomic_load_explicit(reinterpret_cast<const std::atomic<__typeof__(*(p))> *>(p), std::memory_order_acquire)
#define io_uring_smp_mb() std::atomic_thread_fence(std::memory_order_seq_cst)
#else
#include <stdatomic.h>
#define IO_URING_WRITE_ONCE(var, val) \
    atomic_store_explicit((_Atomic __typeof__(var) *)&(var), (val), memory_order_relaxed)
#define IO_URING_READ_ONCE(var) \
    atomic_load_explicit((_Atomic __typeof__(var) *)&(var), memory_order_relaxed)
#define io_uring_smp_store_release(p, v) \
    atomic_store_explicit((_Atomic __typeof__(*(p)) *)(p), (v), memory_order_release)
#define io_uring_smp_load_acquire(p) \
    atomic_load_explicit((_Atomic __typeof__(*(p)) *)(p), memory_order_acquire)
#define io_uring_smp_mb() atomic_thread_fence(memory_order_seq_cst)
#endif

#endif
