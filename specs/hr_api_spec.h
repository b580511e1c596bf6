/* hr_api_spec.h -- contracts of the small SQE/CQE accessors (bodies:
 * core/hr_api.h, proved in unit `ring`). */
#ifndef HRINGAS_SPEC_API_H
#define HRINGAS_SPEC_API_H

#include "hr_ring_logic.h"

/*@ requires \valid(sqe);
    assigns sqe->user_data;
    ensures sqe->user_data == data;
*/
static inline void hr_sqe_set_data64(struct hr_sqe *sqe, uint64_t data);

/*@ requires \valid(sqe);
    assigns sqe->user_data;
    ensures sqe->user_data == HR_PTR64(data);
*/
static inline void hr_sqe_set_data(struct hr_sqe *sqe, void *data);

/*@ requires \valid(sqe);
    assigns sqe->flags;
    ensures sqe->flags == flags;
*/
static inline void hr_sqe_set_flags(struct hr_sqe *sqe, uint8_t flags);

/*@ requires \valid_read(cqe);
    assigns \nothing;
    ensures \result == cqe->user_data;
*/
static inline uint64_t hr_cqe_get_data64(const struct hr_cqe *cqe);

/*@ requires \valid_read(cqe);
    assigns \nothing;
*/
static inline void *hr_cqe_get_data(const struct hr_cqe *cqe);

#endif
