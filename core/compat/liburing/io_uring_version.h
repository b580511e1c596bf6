/* liburing/io_uring_version.h (hringas-c compat) -- the liburing version whose
 * API this compat layer follows. */
#ifndef HRINGAS_COMPAT_LIBURING_VERSION_H
#define HRINGAS_COMPAT_LIBURING_VERSION_H

#define IO_URING_VERSION_MAJOR 2
#define IO_URING_VERSION_MINOR 15

#endif
