/* hr_errno.h -- the errno values the library returns (negated).  The core
 * includes no libc header, so the values are Linux's (asm-generic/errno*.h,
 * the same on x86_64, aarch64 and riscv64); a hosted test pins them to
 * <errno.h>. */
#ifndef HRINGAS_ERRNO_H
#define HRINGAS_ERRNO_H

#define HR_ENOENT      2
#define HR_EIO         5
#define HR_EBADF       9
#define HR_EAGAIN     11
#define HR_EFAULT     14
#define HR_EEXIST     17
#define HR_EINVAL     22
#define HR_EDOM       33
#define HR_EOPNOTSUPP 95

#endif
