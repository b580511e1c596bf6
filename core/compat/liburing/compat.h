/* liburing/compat.h (hringas-c compat) -- what liburing's generated compat.h
 * provides: the kernel timespec, open_how, and the few types older libcs lack. */
#ifndef HRINGAS_COMPAT_LIBURING_COMPAT_H
#define HRINGAS_COMPAT_LIBURING_COMPAT_H

#include <linux/time_types.h>
#include <linux/openat2.h>
#include <inttypes.h>

#endif
