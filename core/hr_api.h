/* hr_api.h -- the rest of the public API: small inline accessors of SQEs
 * and CQEs (setup and teardown: core/hr_setup.h; contracts of these
 * accessors: specs/hr_api_spec.h). */
#ifndef HRINGAS_API_H
#define HRINGAS_API_H

#include "hr_compiler.h"
HR_BEGIN_DECLS

#include "hr_types.h"
#include "hr_api_spec.h"

/* ---- SQE / CQE accessors ------------------------------------------------ */

/* Set the SQE's user_data, which comes back unchanged in its CQE; never fails.
 * Matches io_uring_sqe_set_data64 in liburing. */
static inline void hr_sqe_set_data64(struct hr_sqe *sqe, uint64_t data)
{
    sqe->user_data = data;
}

/* Set the SQE's user_data to a pointer (read back with hr_cqe_get_data);
 * never fails.  Matches io_uring_sqe_set_data in liburing. */
static inline void hr_sqe_set_data(struct hr_sqe *sqe, void *data)
{
    sqe->user_data = HR_PTR64(data);
}

/* Set the SQE's IOSQE_* flags (IO_LINK, BUFFER_SELECT, FIXED_FILE, ...),
 * replacing the ones it had; never fails.
 * Matches io_uring_sqe_set_flags in liburing. */
static inline void hr_sqe_set_flags(struct hr_sqe *sqe, uint8_t flags)
{
    sqe->flags = flags;
}

/* Return the CQE's user_data (the value its SQE carried).
 * Matches io_uring_cqe_get_data64 in liburing. */
static inline uint64_t hr_cqe_get_data64(const struct hr_cqe *cqe)
{
    return cqe->user_data;
}

/* Return the CQE's user_data as a pointer (set by hr_sqe_set_data).
 * Matches io_uring_cqe_get_data in liburing. */
static inline void *hr_cqe_get_data(const struct hr_cqe *cqe)
{
    return (void *)(uintptr_t)cqe->user_data;
}

HR_END_DECLS
#endif
