/* hr_version.h -- the version of hringas-c: compile-time macros (the
 * headers you compiled against) and run-time functions (the library you
 * linked).  The shared library's soname carries the major version
 * (libhringas.so.0); GNUmakefile reads the numbers from this file. */
#ifndef HRINGAS_VERSION_H
#define HRINGAS_VERSION_H

#include "hr_compiler.h"

#define HR_VERSION_MAJOR  0
#define HR_VERSION_MINOR  2
#define HR_VERSION_PATCH  0
#define HR_VERSION_STRING "0.2.0"
/* one comparable number: major * 10000 + minor * 100 + patch */
#define HR_VERSION_NUMBER (HR_VERSION_MAJOR * 10000 + HR_VERSION_MINOR * 100 + HR_VERSION_PATCH)

/* Compile-time check: 1 if these headers are OLDER than major.minor, else 0
 * (liburing's convention: true means "too old").
 * Matches IO_URING_CHECK_VERSION in liburing. */
#define HR_CHECK_VERSION(major, minor) \
    ((major) > HR_VERSION_MAJOR || \
     ((major) == HR_VERSION_MAJOR && (minor) > HR_VERSION_MINOR))

HR_BEGIN_DECLS

/* Major version of the linked library; never fails.
 * Matches io_uring_major_version in liburing. */
int hr_version_major(void);

/* Minor version of the linked library; never fails.
 * Matches io_uring_minor_version in liburing. */
int hr_version_minor(void);

/* Patch level of the linked library; never fails. */
int hr_version_patch(void);

/* Run-time check of the linked library: returns 1 if it is OLDER than
 * major.minor (the check fails), 0 if it is that version or newer.
 * Matches io_uring_check_version in liburing. */
int hr_check_version(int major, int minor);

HR_END_DECLS

#endif
