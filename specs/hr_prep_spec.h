/* hr_prep_spec.h -- contracts of the prep helpers (bodies: core/hr_prep.h).
 * Each states the exact value of all 64 bytes of the SQE (through the
 * mirror's fields): the fields the op owns get the arguments, the rest 0. */
#ifndef HRINGAS_SPEC_PREP_H
#define HRINGAS_SPEC_PREP_H

#include "hr_ring_logic.h"

/*@ predicate sqe_rest_zero{L}(struct hr_sqe *s) =
      s->ioprio == 0 && s->buf_index == 0 && s->personality == 0 &&
      s->file_index == 0 && s->addr3 == 0 && s->pad2 == 0;
*/

/* The common shape of most ops (liburing's io_uring_prep_rw). */
/*@ requires \valid(sqe);
    assigns *sqe;
    ensures sqe->opcode == op && sqe->flags == 0 && sqe->fd == fd &&
            sqe->off == off && sqe->addr == addr && sqe->len == len &&
            sqe->op_flags == 0 && sqe->user_data == 0 && sqe_rest_zero(sqe);
*/
static inline void hr_prep_rw(uint8_t op, struct hr_sqe *sqe, int32_t fd,
                              uint64_t addr, uint32_t len, uint64_t off);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures sqe->opcode == IORING_OP_NOP && sqe->flags == 0 && sqe->fd == -1 &&
            sqe->off == 0 && sqe->addr == 0 && sqe->len == 0 &&
            sqe->op_flags == 0 && sqe->user_data == 0 && sqe_rest_zero(sqe);
*/
static inline void hr_prep_nop(struct hr_sqe *sqe);

#endif
