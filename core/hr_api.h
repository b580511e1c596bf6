/* hr_api.h -- the rest of the public API: small inline accessors, and the
 * out-of-line functions of the core/ sources (setup is declared with its contract
 * in specs/hr_setup_spec.h). */
#ifndef HRINGAS_API_H
#define HRINGAS_API_H

#include "hr_compiler.h"
HR_BEGIN_DECLS

#include "hr_types.h"
#include "hr_api_spec.h"

/* ---- SQE / CQE accessors ------------------------------------------------ */

static inline void hr_sqe_set_data64(struct hr_sqe *sqe, uint64_t data)
{
    sqe->user_data = data;
}

static inline void hr_sqe_set_data(struct hr_sqe *sqe, void *data)
{
    sqe->user_data = HR_PTR64(data);
}

static inline void hr_sqe_set_flags(struct hr_sqe *sqe, uint8_t flags)
{
    sqe->flags = flags;
}

static inline uint64_t hr_cqe_get_data64(const struct hr_cqe *cqe)
{
    return cqe->user_data;
}

static inline void *hr_cqe_get_data(const struct hr_cqe *cqe)
{
    return (void *)(uintptr_t)cqe->user_data;
}

/* ---- teardown ----------------------------------------------------------- */
/* hr_ring_init, hr_ring_init_params, hr_ring_exit: specs/hr_setup_spec.h */

HR_END_DECLS
#endif
