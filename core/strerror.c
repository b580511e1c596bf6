/* strerror.c -- hr_strerror: the symbolic name of an errno value, for
 * programs without libc (the library returns -errno everywhere and never
 * sets errno).  Proved by WP (unit `strerror`), contract in
 * specs/hr_strerror_spec.h.
 *
 * Every errno value has a name, not only the few the library itself
 * returns: a completion carries whatever the operation failed with (a read
 * passes the filesystem's error through, a recv the network stack's).
 * Aliases: EWOULDBLOCK is EAGAIN, EDEADLOCK is EDEADLK, ENOTSUP is
 * EOPNOTSUPP. */
#include "hr_strerror.h"

static const char hr__unknown[HR_ERRNAME_SIZE] = "unknown error";

/* The names, in core/errnames.c: WP needs none of them (see below).
   Hidden: a PC-relative access, no GOT entry (nm -u stays empty) and no
   export from the shared library. */
extern const char hr__errnames[HR_ERRNO_MAX + 1][HR_ERRNAME_SIZE]
    __attribute__((visibility("hidden")));

/* The contract names both tables: included here, after them. */
#include "hr_strerror_spec.h"

const char *hr_strerror(int err)
{
    int e = err;

    /* -err is not taken for INT_MIN (it overflows): anything below
       -HR_ERRNO_MAX is unknown anyway. */
    if (e < 0 && e >= -HR_ERRNO_MAX)
        e = -e;
    if (e <= 0 || e > HR_ERRNO_MAX)
        return hr__unknown;
    /* An unassigned value is an empty row.  A row whose last byte is not
       NUL would be a 16-character name, which C accepts silently in a
       char[16] initializer: refused here, so every result is terminated
       whatever the table says (WP proves it without reading the table). */
    if (hr__errnames[e][0] == '\0' || hr__errnames[e][HR_ERRNAME_SIZE - 1] != '\0')
        return hr__unknown;
    return hr__errnames[e];
}
