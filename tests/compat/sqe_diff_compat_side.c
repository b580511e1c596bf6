/* sqe_diff_compat_side.c -- one side of the compat SQE differential test:
 * compiled with -DSIDE=lu against Debian's <liburing.h> (2.3), and with
 * -DSIDE=hr against core/compat/liburing.h. */
#define _GNU_SOURCE
#include <liburing.h>
#include "sqe_diff_compat.h"

#define CAT2(a, b) a##b
#define CAT(a, b) CAT2(a, b)

#define SQE_CALL(name, call) case K_##name: call; break;

void CAT(sqe_case_, SIDE)(int k, void *p, const uint64_t *a)
{
    struct io_uring_sqe *sqe = p;
    switch (k) {
    SQE_CASES(SQE_CALL)
    default: break;
    }
}
