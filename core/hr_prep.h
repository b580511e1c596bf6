/* hr_prep.h -- prep helpers, static inline.  Contracts: specs/hr_prep_spec.h.
 * Each writes every field of the SQE: the op's own fields from the
 * arguments, every other field 0 (so a reused SQE carries nothing over). */
#ifndef HRINGAS_PREP_H
#define HRINGAS_PREP_H

#include "hr_prep_spec.h"

static inline void hr_prep_rw(uint8_t op, struct hr_sqe *sqe, int32_t fd,
                              uint64_t addr, uint32_t len, uint64_t off)
{
    sqe->opcode      = op;
    sqe->flags       = 0;
    sqe->ioprio      = 0;
    sqe->fd          = fd;
    sqe->off         = off;
    sqe->addr        = addr;
    sqe->len         = len;
    sqe->op_flags    = 0;
    sqe->user_data   = 0;
    sqe->buf_index   = 0;
    sqe->personality = 0;
    sqe->file_index  = 0;
    sqe->addr3       = 0;
    sqe->pad2        = 0;
}

static inline void hr_prep_nop(struct hr_sqe *sqe)
{
    hr_prep_rw(IORING_OP_NOP, sqe, -1, 0, 0, 0);
}

#endif
