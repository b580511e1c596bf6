/* hr_types.h -- the ring state owned by the caller.  No allocation anywhere:
 * a struct hr_ring lives wherever the caller puts it (the stack is fine). */
#ifndef HRINGAS_TYPES_H
#define HRINGAS_TYPES_H

#include "hr_compiler.h"
HR_BEGIN_DECLS

#include "hr_abi.h"

/* Submission queue.  Shared words (see specs/TRUSTED.md, "shared words"):
 *   *khead   kernel writes, we read with acquire
 *   *ktail   we write with release; the kernel never writes it
 *   *kflags  kernel writes (NEED_WAKEUP, CQ_OVERFLOW, TASKRUN); we read it
 *            after a full fence (SQPOLL wakeup) or relaxed (overflow hint)
 *   array[]  we write before the release of *ktail; NULL with NO_SQARRAY */
struct hr_sq {
    uint32_t      *khead;
    uint32_t      *ktail;
    uint32_t      *kflags;
    uint32_t      *array;
    struct hr_sqe *sqes;      /* entries << sqe_shift units of 64 bytes      */
    uint32_t       entries;   /* 1 << shift                                  */
    uint32_t       mask;      /* entries - 1                                 */
    uint32_t       shift;
    uint32_t       sqe_shift; /* 1 with IORING_SETUP_SQE128, else 0          */
    uint32_t       sqe_units; /* entries << sqe_shift: length of sqes[]       */
    uint32_t       sqe_head;  /* first SQE not yet published (== *ktail)     */
    uint32_t       sqe_tail;  /* next SQE get_sqe hands out (wrapping u32)   */
    uint32_t       sqe_limit; /* get_sqe hands out SQEs up to here without
                                 reading *khead: a head it read + entries   */
};

/* Completion queue.
 *   *khead   we write with release (after reading the CQEs); our copy: head
 *   *ktail   kernel writes, we read with acquire (before reading CQEs)
 *   cqes[]   kernel writes, we read between those two */
struct hr_cq {
    uint32_t      *khead;
    uint32_t      *ktail;
    uint32_t      *koverflow;
    struct hr_cqe *cqes;      /* entries << cqe_shift units of 16 bytes      */
    uint32_t       entries;   /* 1 << shift                                  */
    uint32_t       mask;
    uint32_t       shift;
    uint32_t       cqe_shift; /* 1 with IORING_SETUP_CQE32, else 0           */
    uint32_t       cqe_units; /* entries << cqe_shift: length of cqes[]       */
    uint32_t       head;      /* our copy of *khead; we are its only writer  */
    uint32_t      *kflags;    /* IORING_CQ_EVENTFD_DISABLED: we write it, the
                                 kernel reads it; NULL if the kernel gave no
                                 cq_off.flags */
};

struct hr_ring {
    struct hr_sq sq;
    struct hr_cq cq;
    uint32_t flags;           /* IORING_SETUP_* the ring was created with    */
    uint32_t features;        /* IORING_FEAT_* the kernel reported           */
    int      ring_fd;         /* the io_uring file descriptor                */
    int      enter_fd;        /* ring_fd, or its registered index            */
    uint32_t enter_flags;     /* IORING_ENTER_REGISTERED_RING once registered */
    uint32_t reg_wait_nr;     /* entries of the registered wait region (0: none) */
    char *ring_mem;           /* SQ+CQ ring mapping (IORING_OFF_SQ_RING)     */
    uint64_t ring_len;
    char *sqe_mem;            /* SQE array mapping (IORING_OFF_SQES)         */
    uint64_t sqe_len;
};

HR_END_DECLS
#endif
