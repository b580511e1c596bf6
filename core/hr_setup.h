/* hr_setup.h -- ring setup and teardown (bodies: core/setup.c, proved in
 * unit `setup`; the mmap calls and the typed view: core/bind.c, trusted).  The types of
 * the validated geometry live here; the contracts in specs/hr_setup_spec.h. */
#ifndef HRINGAS_SETUP_H
#define HRINGAS_SETUP_H

#include "hr_compiler.h"
HR_BEGIN_DECLS

#include "hr_abi.h"
#include "hr_types.h"
#include "hr_sys.h"
#include "hr_atomic.h"

/* The kernel's limits (IORING_MAX_ENTRIES, IORING_MAX_CQ_ENTRIES). */
#define HR_MAX_SQ_ENTRIES 32768u
#define HR_MAX_CQ_ENTRIES 65536u

/* Validated geometry of one ring: one mapping for both rings
 * (IORING_FEAT_SINGLE_MMAP) and one for the SQEs. */
struct hr_layout {
    uint64_t ring_len;       /* bytes to map at IORING_OFF_SQ_RING */
    uint64_t sqes_len;       /* bytes to map at IORING_OFF_SQES    */
    uint32_t sq_entries, sq_shift;
    uint32_t cq_entries, cq_shift;
    uint32_t sqe_shift;      /* 1: 128-byte SQEs */
    uint32_t cqe_shift;      /* 1: 32-byte CQEs  */
    uint32_t has_array;      /* 0 with IORING_SETUP_NO_SQARRAY */
    uint32_t has_cq_flags;   /* the kernel gave cq_off.flags (5.8+) */
};


/* Byte addresses of everything the core touches: pure char arithmetic,
   proved in bounds; the typed view is made by the trusted hr__view. */
struct hr_ring_bytes {
    char *sq_head, *sq_tail, *sq_flags, *sq_mask, *sq_entries, *sq_array;
    char *cq_head, *cq_tail, *cq_overflow, *cq_mask, *cq_entries, *cqes;
    char *cq_flags;          /* NULL without has_cq_flags */
    char *sqes;
};


#include "hr_setup_spec.h"

/* Set up a ring of `entries` SQEs (rounded up to a power of two, as the
 * kernel does) from the caller's io_uring_params: p->flags, p->sq_thread_cpu,
 * p->sq_thread_idle, p->cq_entries (with IORING_SETUP_CQSIZE) and p->wq_fd
 * (with IORING_SETUP_ATTACH_WQ) are read; once the kernel created the ring,
 * *p receives its answer (entries, features, offsets).  *r is overwritten
 * whatever it held: call hr_ring_exit first on a live ring, or its fd and
 * mappings leak.
 * Returns 0, or -EINVAL (0 or too many entries, unknown flags or flag
 * combinations, non-zero reserved fields), -EOPNOTSUPP (kernel without
 * IORING_FEAT_SINGLE_MMAP), -EIO (the kernel's answer is inconsistent:
 * nothing is used and the ring fd is closed) or the kernel's -errno; on
 * failure r->ring_fd is -1 and nothing stays open or mapped.
 * Matches io_uring_queue_init_params in liburing. */
int hr_ring_init_params(struct hr_ring *r, uint32_t entries, struct io_uring_params *p);

/* Set up a ring of `entries` SQEs with IORING_SETUP_* `flags` (the CQ gets
 * twice as many entries unless CQSIZE says otherwise).
 * Returns 0 or -errno, as hr_ring_init_params.
 * Matches io_uring_queue_init in liburing. */
int hr_ring_init(struct hr_ring *r, uint32_t entries, uint32_t flags);

/* Tear a ring down: unregister the ring fd if registered, unmap both
 * regions, close the ring fd, and leave *r in the torn-down state.  Safe on
 * a ring that is torn down, whose init failed, or that is all zero bytes
 * (HR_RING_INIT): then it does nothing.  Undefined on a NULL pointer.
 * Matches io_uring_queue_exit in liburing. */
void hr_ring_exit(struct hr_ring *r);

/* Map the rings of an existing ring fd (set up elsewhere: *p is what
 * io_uring_setup returned for it, offsets included) into *r, which is
 * overwritten.  The layout in *p is checked like the kernel's answer in
 * hr_ring_init_params.  hr_ring_exit(r) unmaps and closes fd: the caller
 * decides who owns it (liburing's semantics).
 * Returns 0, or -EBADF (fd < 0), -EINVAL / -EIO (a layout that is not the
 * kernel's), -EOPNOTSUPP (no IORING_FEAT_SINGLE_MMAP in p->features), or
 * mmap's -errno; on failure r->ring_fd is -1 and nothing is mapped.
 * Matches io_uring_queue_mmap in liburing. */
int hr_ring_mmap(struct hr_ring *r, int fd, const struct io_uring_params *p);

/* Resize the rings of a live ring (IORING_REGISTER_RESIZE_RINGS, Linux
 * 6.13; the kernel accepts it only on rings set up with
 * IORING_SETUP_DEFER_TASKRUN).  p->sq_entries, and p->cq_entries with
 * IORING_SETUP_CQSIZE (IORING_SETUP_CLAMP allowed), give the new sizes;
 * every other property is the ring's.  SQEs handed out by hr_get_sqe and
 * not yet submitted are published first, so the kernel carries them over
 * (liburing 2.15 loses them); ready CQEs carry over too; the new mapping
 * replaces the old one.  *p receives the kernel's answer.
 * Returns 0; -EINVAL (other flags, or a ring in caller memory, as
 * liburing), -EBADF (the ring fd was closed: nothing to map) before
 * anything is done; the kernel's -errno (e.g. -EOVERFLOW: what is
 * pending does not fit, -EINVAL: no DEFER_TASKRUN) with the ring as it
 * was; or, when mapping the new rings fails after the kernel switched, the
 * error with the ring torn down (fd closed, nothing mapped, r->ring_fd
 * -1), as after hr_ring_exit.
 * Matches io_uring_resize_rings in liburing. */
int hr_resize_rings(struct hr_ring *r, struct io_uring_params *p);

/* A struct hr_ring that holds no ring: hr_ring_exit on it does nothing.
 * All zero bytes mean the same, so a static or memset ring is safe too. */
#ifdef __cplusplus
#define HR_RING_INIT {}
#else
#define HR_RING_INIT {0}
#endif

HR_END_DECLS
#endif
