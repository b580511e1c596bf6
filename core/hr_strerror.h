/* hr_strerror.h -- names of errno values without libc.  Every hringas
 * function returns -errno on failure and nothing sets errno; a program
 * with libc can use strerror(-ret), one without can use hr_strerror(ret).
 * Body core/strerror.c (names core/errnames.c); contract
 * specs/hr_strerror_spec.h, proved by WP in unit `strerror` (included by
 * core/strerror.c only: no other proved code calls it). */
#ifndef HRINGAS_STRERROR_H
#define HRINGAS_STRERROR_H

#include "hr_compiler.h"
HR_BEGIN_DECLS

/* Size of the buffer behind every hr_strerror result: at most
 * HR_ERRNAME_SIZE - 1 characters and a NUL. */
#define HR_ERRNAME_SIZE 16
/* The largest errno value with a name (EHWPOISON). */
#define HR_ERRNO_MAX 133

/* Static name of errno value err ("EINVAL" for 22 or -22; err or -err both
 * accepted), "unknown error" for 0 and for values Linux does not assign.
 * Returns a NUL-terminated string of at most 15 characters that the caller
 * must not modify; never NULL, never fails, async-signal-safe.  liburing
 * has no such function (programs with libc use strerror(-ret)). */
const char *hr_strerror(int err);

HR_END_DECLS
#endif
