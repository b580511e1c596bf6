/* liburing/compat.h (hringas-c compat) -- what liburing's generated compat.h
 * provides: the kernel timespec, open_how, futex_waitv, and the few types
 * older libcs lack. */
#ifndef HRINGAS_COMPAT_LIBURING_COMPAT_H
#define HRINGAS_COMPAT_LIBURING_COMPAT_H

#include <linux/time_types.h>
#include <linux/openat2.h>
#include <inttypes.h>

/* futex2 (io_uring_prep_futex_*): liburing's compat.h includes
   <linux/futex.h> where it has struct futex_waitv (Linux 5.16 headers),
   and defines the struct and its two constants itself where it has not. */
#include <linux/futex.h>
#ifndef FUTEX_WAITV_MAX
#define FUTEX_32        2
#define FUTEX_WAITV_MAX 128
struct futex_waitv {
    uint64_t val;
    uint64_t uaddr;
    uint32_t flags;
    uint32_t __reserved;
};
#endif

#endif
