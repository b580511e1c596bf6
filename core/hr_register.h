/* hr_register.h -- io_uring_register(2) operations (bodies core/register.c,
 * provided-buffer ring setup core/bufring.c).
 *
 * Each hr_X matches liburing's io_uring_X (same arguments, ring first) and
 * returns the kernel's result (>= 0) or -errno; nothing sets errno, nothing
 * allocates.  Arguments that would be undefined behaviour here are refused
 * with -EINVAL before the kernel is entered: a NULL ring, a NULL array with
 * a nonzero count, a NULL out-parameter.  A torn-down ring (ring_fd == -1)
 * is -EBADF.  Everything else (bad fds, bad user addresses, unsupported
 * opcodes) is the kernel's to reject, and its -errno is returned unchanged.
 *
 * Not given to WP (system calls with kernel-written arguments); checked by
 * harness/live_register.c and harness/live_bufring.c.
 *
 * All of them issue io_uring_register on r->ring_fd, also after
 * hr_register_ring_fd (the plain fd stays open and valid).
 */
#ifndef HRINGAS_REGISTER_H
#define HRINGAS_REGISTER_H

#include "hr_compiler.h"
HR_BEGIN_DECLS

#include "hr_types.h"

struct iovec;                 /* <sys/uio.h>; only passed through to the kernel */
struct hr_buf_ring_state;     /* specs/hr_bufring_spec.h */

/* ---- files ----------------------------------------------------------------
 * files[i] == -1 leaves slot i empty; in updates IORING_REGISTER_FILES_SKIP
 * (-2) leaves slot i unchanged.  Tags (may be NULL) come back in the CQE of
 * the slot's removal (user_data = tag). */
int hr_register_files(struct hr_ring *r, const int *files, unsigned nr_files);
int hr_register_files_tags(struct hr_ring *r, const int *files, const uint64_t *tags,
                           unsigned nr);
int hr_register_files_sparse(struct hr_ring *r, unsigned nr);
/* Returns the number of slots updated. */
int hr_register_files_update(struct hr_ring *r, unsigned off, const int *files,
                             unsigned nr_files);
int hr_register_files_update_tag(struct hr_ring *r, unsigned off, const int *files,
                                 const uint64_t *tags, unsigned nr_files);
int hr_unregister_files(struct hr_ring *r);
/* Slots [off, off + len) are the ones IORING_FILE_INDEX_ALLOC hands out. */
int hr_register_file_alloc_range(struct hr_ring *r, unsigned off, unsigned len);

/* ---- fixed buffers ------------------------------------------------------- */
int hr_register_buffers(struct hr_ring *r, const struct iovec *iovecs, unsigned nr_iovecs);
int hr_register_buffers_tags(struct hr_ring *r, const struct iovec *iovecs,
                             const uint64_t *tags, unsigned nr);
int hr_register_buffers_sparse(struct hr_ring *r, unsigned nr);
int hr_register_buffers_update_tag(struct hr_ring *r, unsigned off,
                                   const struct iovec *iovecs, const uint64_t *tags,
                                   unsigned nr);
int hr_unregister_buffers(struct hr_ring *r);

/* ---- eventfd ------------------------------------------------------------- */
int hr_register_eventfd(struct hr_ring *r, int fd);
/* signalled only for completions that were not inline (async) */
int hr_register_eventfd_async(struct hr_ring *r, int fd);
int hr_unregister_eventfd(struct hr_ring *r);

/* ---- probe ------------------------------------------------------------------
 * The caller owns the probe buffer (no allocation): a union hr_probe is the
 * header plus room for every opcode; its hdr.ops[0 .. HR_PROBE_OPS - 1] are
 * in bounds (a union, not a struct around the header: C11 6.7.2.1p3 forbids
 * a struct with a flexible array member inside another struct, and Frama-C
 * rejects it).  hr_register_probe zeroes the header and nr_ops entries first
 * (the kernel refuses a non-zero buffer), then asks the kernel to fill them;
 * p must have room for nr_ops entries (at most HR_PROBE_OPS are used).
 *     union hr_probe probe;
 *     if (hr_get_probe_ring(r, &probe) == 0 &&
 *         hr_probe_opcode_supported(&probe.hdr, IORING_OP_READ)) ... */
#define HR_PROBE_OPS 256
union hr_probe {
    struct io_uring_probe hdr;
    uint8_t bytes[sizeof(struct io_uring_probe) +
                  HR_PROBE_OPS * sizeof(struct io_uring_probe_op)];
};

int hr_register_probe(struct hr_ring *r, struct io_uring_probe *p, unsigned nr_ops);
/* hr_register_probe(r, &probe->hdr, HR_PROBE_OPS) (liburing's
   io_uring_get_probe_ring, without the allocation). */
int hr_get_probe_ring(struct hr_ring *r, union hr_probe *probe);
/* 1 if the probe says opcode op is supported, else 0 (also for op < 0,
   op beyond the kernel's last opcode, or beyond the entries the probe
   holds: never reads past p->ops_len). */
int hr_probe_opcode_supported(const struct io_uring_probe *p, int op);

/* ---- registered ring fd ------------------------------------------------------
 * Registers the ring fd itself (IORING_REGISTER_RING_FDS, any free index):
 * from then on io_uring_enter gets the index and IORING_ENTER_REGISTERED_RING
 * (r->enter_fd, r->enter_flags), saving the fd lookup on every enter.
 * Returns 1 (registered) or -errno; on failure the ring is unchanged and keeps
 * working with the plain fd.  -EEXIST if already registered.
 * hr_unregister_ring_fd: 1 or -errno; -EINVAL if not registered.
 * hr_ring_exit unregisters it. */
int hr_register_ring_fd(struct hr_ring *r);
int hr_unregister_ring_fd(struct hr_ring *r);

/* ---- credentials, io-wq, restrictions ---------------------------------------- */
/* Returns the new personality id (for sqe->personality). */
int hr_register_personality(struct hr_ring *r);
int hr_unregister_personality(struct hr_ring *r, int id);
/* values[0] bounded, values[1] unbounded workers; 0 = only read.  The
   previous limits are written back into values[]. */
int hr_register_iowq_max_workers(struct hr_ring *r, unsigned *values);
/* mask: a cpu_set_t of cpusz bytes (cpusz < 2^31) */
int hr_register_iowq_aff(struct hr_ring *r, uint64_t cpusz, const void *mask);
int hr_unregister_iowq_aff(struct hr_ring *r);
/* Only on a ring created with IORING_SETUP_R_DISABLED, before hr_enable_rings. */
int hr_register_restrictions(struct hr_ring *r, struct io_uring_restriction *res,
                             unsigned nr_res);
int hr_enable_rings(struct hr_ring *r);
/* Synchronous cancel (IORING_REGISTER_SYNC_CANCEL, kernel 6.0+). */
int hr_register_sync_cancel(struct hr_ring *r, struct io_uring_sync_cancel_reg *reg);

/* ---- provided-buffer rings ---------------------------------------------------
 * hr_register_buf_ring: liburing's io_uring_register_buf_ring; `flags` is
 * reserved and must be 0 (set IOU_PBUF_RING_* in reg's 16-bit field after
 * bgid: `pad` in older uapi headers, `flags` in newer ones).
 * hr_unregister_buf_ring: bgid in 0 .. 65535, else -EINVAL. */
int hr_register_buf_ring(struct hr_ring *r, struct io_uring_buf_reg *reg, unsigned flags);
int hr_unregister_buf_ring(struct hr_ring *r, int bgid);

/* Set up and register buffer group bgid of `entries` buffers (a power of two,
 * 1 .. 32768), and fill *s for hr_buf_ring_add / hr_buf_ring_advance.
 *   flags 0 or IOU_PBUF_RING_INC: mem is the caller's memory for the ring:
 *     page-aligned (the kernel refuses anything else with -EINVAL), and the
 *     whole pages covering entries * 16 bytes must stay mapped and untouched
 *     by anything else until the group is unregistered (the kernel pins them).
 *   flags IOU_PBUF_RING_MMAP (kernel 6.4+): mem must be NULL; the kernel
 *     allocates the ring and we map it (hr_free_buf_ring unmaps it).
 * Returns 0 or -errno; on failure nothing stays registered or mapped. */
int hr_setup_buf_ring(struct hr_ring *r, struct hr_buf_ring_state *s, void *mem,
                      uint32_t entries, uint16_t bgid, uint32_t flags);
/* Unregister s's group and unmap the ring if hr_setup_buf_ring mapped it. */
int hr_free_buf_ring(struct hr_ring *r, struct hr_buf_ring_state *s);

HR_END_DECLS
#endif
