/* hr_register.h -- io_uring_register(2) operations (bodies core/register.c,
 * core/probe.c, provided-buffer ring setup core/bufring.c).
 *
 * Each hr_X matches liburing's io_uring_X (same arguments, ring first) and
 * returns the kernel's result (>= 0) or -errno; nothing sets errno, nothing
 * allocates.  Arguments that would be undefined behaviour here are refused
 * with -EINVAL before the kernel is entered: a NULL ring, a NULL array with
 * a nonzero count, a NULL out-parameter.  A torn-down ring (ring_fd == -1)
 * is -EBADF.  Everything else (bad fds, bad user addresses, unsupported
 * opcodes) is the kernel's to reject, and its -errno is returned unchanged.
 *
 * Proved by WP (unit `register`, contracts specs/hr_register_spec.h): which
 * opcode, argument and count reach io_uring_register, what changes in
 * struct hr_ring and struct hr_buf_ring_state, and that the kernel's result
 * is returned unchanged.  Not proved (proofs/no_contract.txt): the probe
 * (core/probe.c: a flexible array member) and hr_setup_buf_ring
 * (core/bufring.c: void * and mmap results cast to struct hr_buf *).  Checked against
 * the kernel by harness/live_register.c and harness/live_bufring.c.
 *
 * All of them issue io_uring_register on r->ring_fd, also after
 * hr_register_ring_fd (the plain fd stays open and valid).
 */
#ifndef HRINGAS_REGISTER_H
#define HRINGAS_REGISTER_H

#include "hr_compiler.h"
HR_BEGIN_DECLS

#include "hr_types.h"
#include "hr_bufring.h"      /* struct hr_buf_ring_state */

struct iovec;                 /* <sys/uio.h>; only passed through to the kernel */

/* ---- probe ------------------------------------------------------------------
 * The caller owns the probe buffer (no allocation): a union hr_probe is the
 * header plus room for every opcode; its hdr.ops[0 .. HR_PROBE_OPS - 1] are
 * in bounds (a union, not a struct around the header: C11 6.7.2.1p3 forbids
 * a struct with a flexible array member inside another struct, and Frama-C
 * rejects it).
 *     union hr_probe probe;
 *     if (hr_get_probe_ring(r, &probe) == 0 &&
 *         hr_probe_opcode_supported(&probe.hdr, IORING_OP_READ)) ... */
#define HR_PROBE_OPS 256
union hr_probe {
    struct io_uring_probe hdr;
    uint8_t bytes[sizeof(struct io_uring_probe) +
                  HR_PROBE_OPS * sizeof(struct io_uring_probe_op)];
};

#include "hr_register_spec.h"

/* ---- files ----------------------------------------------------------------
 * files[i] == -1 leaves slot i empty; in updates IORING_REGISTER_FILES_SKIP
 * (-2) leaves slot i unchanged.  Tags (may be NULL) come back in the CQE of
 * the slot's removal (user_data = tag). */

/* Register the fixed-file table files[0 .. nr_files - 1]
 * (IORING_REGISTER_FILES).
 * Returns 0 or -errno (-EINVAL: files NULL with nr_files > 0).
 * Matches io_uring_register_files in liburing. */
int hr_register_files(struct hr_ring *r, const int *files, unsigned nr_files);

/* Register the fixed-file table files[0 .. nr - 1] with tags[] (may be
 * NULL) (IORING_REGISTER_FILES2).
 * Returns 0 or -errno (-EINVAL: files NULL with nr > 0).
 * Matches io_uring_register_files_tags in liburing. */
int hr_register_files_tags(struct hr_ring *r, const int *files, const uint64_t *tags,
                           unsigned nr);

/* Register an empty fixed-file table of nr slots (IORING_REGISTER_FILES2,
 * IORING_RSRC_REGISTER_SPARSE).
 * Returns 0 or -errno.
 * Matches io_uring_register_files_sparse in liburing. */
int hr_register_files_sparse(struct hr_ring *r, unsigned nr);

/* Replace fixed-file slots off .. off + nr_files - 1 with files[]
 * (IORING_REGISTER_FILES_UPDATE).
 * Returns the number of slots updated, or -errno (-EINVAL: files NULL with
 * nr_files > 0).
 * Matches io_uring_register_files_update in liburing. */
int hr_register_files_update(struct hr_ring *r, unsigned off, const int *files,
                             unsigned nr_files);

/* Replace fixed-file slots off .. off + nr_files - 1 with files[] and
 * tags[] (IORING_REGISTER_FILES_UPDATE2).
 * Returns the number of slots updated, or -errno (-EINVAL: files NULL with
 * nr_files > 0).
 * Matches io_uring_register_files_update_tag in liburing. */
int hr_register_files_update_tag(struct hr_ring *r, unsigned off, const int *files,
                                 const uint64_t *tags, unsigned nr_files);

/* Drop the fixed-file table (IORING_UNREGISTER_FILES).
 * Returns 0 or -errno.
 * Matches io_uring_unregister_files in liburing. */
int hr_unregister_files(struct hr_ring *r);

/* Make slots [off, off + len) the ones IORING_FILE_INDEX_ALLOC hands out
 * (IORING_REGISTER_FILE_ALLOC_RANGE).
 * Returns 0 or -errno.
 * Matches io_uring_register_file_alloc_range in liburing. */
int hr_register_file_alloc_range(struct hr_ring *r, unsigned off, unsigned len);

/* ---- fixed buffers ------------------------------------------------------- */

/* Register iovecs[0 .. nr_iovecs - 1] as fixed buffers
 * (IORING_REGISTER_BUFFERS).
 * Returns 0 or -errno (-EINVAL: iovecs NULL with nr_iovecs > 0).
 * Matches io_uring_register_buffers in liburing. */
int hr_register_buffers(struct hr_ring *r, const struct iovec *iovecs, unsigned nr_iovecs);

/* Register iovecs[0 .. nr - 1] as fixed buffers with tags[] (may be NULL)
 * (IORING_REGISTER_BUFFERS2).
 * Returns 0 or -errno (-EINVAL: iovecs NULL with nr > 0).
 * Matches io_uring_register_buffers_tags in liburing. */
int hr_register_buffers_tags(struct hr_ring *r, const struct iovec *iovecs,
                             const uint64_t *tags, unsigned nr);

/* Register an empty fixed-buffer table of nr slots
 * (IORING_REGISTER_BUFFERS2, IORING_RSRC_REGISTER_SPARSE).
 * Returns 0 or -errno.
 * Matches io_uring_register_buffers_sparse in liburing. */
int hr_register_buffers_sparse(struct hr_ring *r, unsigned nr);

/* Replace fixed-buffer slots off .. off + nr - 1 with iovecs[] and tags[]
 * (IORING_REGISTER_BUFFERS_UPDATE).
 * Returns the number of slots updated, or -errno (-EINVAL: iovecs NULL
 * with nr > 0).
 * Matches io_uring_register_buffers_update_tag in liburing. */
int hr_register_buffers_update_tag(struct hr_ring *r, unsigned off,
                                   const struct iovec *iovecs, const uint64_t *tags,
                                   unsigned nr);

/* Drop the fixed-buffer table (IORING_UNREGISTER_BUFFERS).
 * Returns 0 or -errno.
 * Matches io_uring_unregister_buffers in liburing. */
int hr_unregister_buffers(struct hr_ring *r);

/* ---- eventfd ------------------------------------------------------------- */

/* Signal eventfd fd on every completion (IORING_REGISTER_EVENTFD).
 * Returns 0 or -errno.
 * Matches io_uring_register_eventfd in liburing. */
int hr_register_eventfd(struct hr_ring *r, int fd);

/* Signal eventfd fd only for completions that were not inline
 * (IORING_REGISTER_EVENTFD_ASYNC).
 * Returns 0 or -errno.
 * Matches io_uring_register_eventfd_async in liburing. */
int hr_register_eventfd_async(struct hr_ring *r, int fd);

/* Stop signalling the registered eventfd (IORING_UNREGISTER_EVENTFD).
 * Returns 0 or -errno.
 * Matches io_uring_unregister_eventfd in liburing. */
int hr_unregister_eventfd(struct hr_ring *r);

/* ---- probe --------------------------------------------------------------- */

/* Zero the header and nr_ops entries of p (the kernel refuses a non-zero
 * buffer), then have the kernel fill them (IORING_REGISTER_PROBE); p must
 * have room for nr_ops entries (at most HR_PROBE_OPS are used).
 * Returns 0 or -errno (-EINVAL: r or p NULL; -EBADF: torn-down ring).
 * Matches io_uring_register_probe in liburing. */
int hr_register_probe(struct hr_ring *r, struct io_uring_probe *p, unsigned nr_ops);

/* Probe every opcode into the caller's *probe:
 * hr_register_probe(r, &probe->hdr, HR_PROBE_OPS), without liburing's
 * allocation.
 * Returns 0 or -errno (-EINVAL: probe NULL).
 * Matches io_uring_get_probe_ring in liburing. */
int hr_get_probe_ring(struct hr_ring *r, union hr_probe *probe);

/* Whether the probe says opcode op is supported; never reads past
 * p->ops_len.
 * Returns 1 if supported, else 0 (also for p NULL, op < 0, op beyond the
 * kernel's last opcode or beyond the entries the probe holds).
 * Matches io_uring_opcode_supported in liburing. */
int hr_probe_opcode_supported(const struct io_uring_probe *p, int op);

/* ---- registered ring fd ------------------------------------------------------ */

/* Register the ring fd itself (IORING_REGISTER_RING_FDS, any free index):
 * from then on io_uring_enter gets the index and IORING_ENTER_REGISTERED_RING
 * (r->enter_fd, r->enter_flags), saving the fd lookup on every enter;
 * hr_ring_exit unregisters it.
 * Returns 1 (registered) or -errno (-EEXIST: already registered; -EIO: the
 * kernel's answer is not one registration at a valid index); on failure the
 * ring is unchanged and keeps working with the plain fd.
 * Matches io_uring_register_ring_fd in liburing. */
int hr_register_ring_fd(struct hr_ring *r);

/* Close the ring's plain fd once it is registered (hr_register_ring_fd),
 * so that no fd of the process refers to the ring: enters use the
 * registered index already, registrations go to it from then on (with
 * IORING_REGISTER_USE_REGISTERED_RING), and hr_ring_exit unregisters it and
 * unmaps the ring without closing anything.  Things that need a real fd
 * stop working: mmap of kernel-allocated buffer rings, passing the ring to
 * another ring (IORING_SETUP_ATTACH_WQ, msg_ring).
 * Returns 1, or -errno: -EOPNOTSUPP without IORING_FEAT_REG_REG_RING (6.3),
 * -EINVAL when the ring fd is not registered, -EBADF when already closed.
 * Matches io_uring_close_ring_fd in liburing. */
int hr_close_ring_fd(struct hr_ring *r);

/* Unregister the ring fd registered by hr_register_ring_fd; enter uses the
 * plain fd again.  Writes only r->enter_fd and r->enter_flags.
 * Returns 1 or -errno (-EINVAL: not registered).
 * Matches io_uring_unregister_ring_fd in liburing. */
int hr_unregister_ring_fd(struct hr_ring *r);

/* ---- credentials, io-wq, restrictions ---------------------------------------- */

/* Register the calling task's credentials (IORING_REGISTER_PERSONALITY).
 * Returns the new personality id (for sqe->personality) or -errno.
 * Matches io_uring_register_personality in liburing. */
int hr_register_personality(struct hr_ring *r);

/* Drop personality id (IORING_UNREGISTER_PERSONALITY).
 * Returns 0 or -errno.
 * Matches io_uring_unregister_personality in liburing. */
int hr_unregister_personality(struct hr_ring *r, int id);

/* Set the io-wq worker limits: values[0] bounded, values[1] unbounded
 * workers, 0 = only read; the previous limits are written back into
 * values[] (IORING_REGISTER_IOWQ_MAX_WORKERS).
 * Returns 0 or -errno (-EINVAL: values NULL).
 * Matches io_uring_register_iowq_max_workers in liburing. */
int hr_register_iowq_max_workers(struct hr_ring *r, unsigned *values);

/* Bind the io-wq workers to the CPUs of mask, a cpu_set_t of cpusz bytes
 * (IORING_REGISTER_IOWQ_AFF).
 * Returns 0 or -errno (-EINVAL: mask NULL, cpusz 0 or >= 2^31).
 * Matches io_uring_register_iowq_aff in liburing. */
int hr_register_iowq_aff(struct hr_ring *r, uint64_t cpusz, const void *mask);

/* Drop the io-wq CPU affinity (IORING_UNREGISTER_IOWQ_AFF).
 * Returns 0 or -errno.
 * Matches io_uring_unregister_iowq_aff in liburing. */
int hr_unregister_iowq_aff(struct hr_ring *r);

/* Restrict the opcodes and flags the ring accepts
 * (IORING_REGISTER_RESTRICTIONS); only on a ring created with
 * IORING_SETUP_R_DISABLED, before hr_enable_rings.
 * Returns 0 or -errno (-EINVAL: res NULL with nr_res > 0).
 * Matches io_uring_register_restrictions in liburing. */
int hr_register_restrictions(struct hr_ring *r, struct io_uring_restriction *res,
                             unsigned nr_res);

/* Start a ring created with IORING_SETUP_R_DISABLED
 * (IORING_REGISTER_ENABLE_RINGS).
 * Returns 0 or -errno.
 * Matches io_uring_enable_rings in liburing. */
int hr_enable_rings(struct hr_ring *r);

/* Cancel the requests *reg selects, synchronously
 * (IORING_REGISTER_SYNC_CANCEL, kernel 6.0+).
 * Returns 0 or -errno (-EINVAL: reg NULL; -ENOENT: nothing matched).
 * Matches io_uring_register_sync_cancel in liburing. */
int hr_register_sync_cancel(struct hr_ring *r, struct io_uring_sync_cancel_reg *reg);

/* ---- registered wait region (Linux 6.13) ------------------------------------ */

/* Register entries[0 .. nr-1] (caller memory: page-aligned, nr * 64 bytes a
 * multiple of the page size, kept until the ring is torn down) as the
 * ring's registered wait region (IORING_REGISTER_MEM_REGION with
 * IORING_MEM_REGION_REG_WAIT_ARG); only on a ring created with
 * IORING_SETUP_R_DISABLED, before hr_enable_rings.  The caller fills an
 * entry (timeout with HR_REG_WAIT_TS, min_wait_usec, sigmask) and waits with
 * hr_submit_and_wait_reg(r, &cqe, wait_nr, index).  Returns 0 (the ring
 * then accepts indexes 0 .. nr-1), or -errno (-EINVAL: entries NULL or nr
 * 0; the kernel's: -EINVAL for a ring not disabled or a misaligned region,
 * -EBUSY when one is already registered).
 * Matches io_uring_register_region in liburing with a struct
 * io_uring_mem_region_reg of IORING_MEM_REGION_REG_WAIT_ARG around a user
 * region of these entries (liburing's own io_uring_register_wait_reg is a
 * stub returning -EINVAL). */
int hr_register_wait_region(struct hr_ring *r, struct hr_reg_wait *entries, unsigned nr);

/* ---- provided-buffer rings --------------------------------------------------- */

/* Register the provided-buffer ring *reg describes
 * (IORING_REGISTER_PBUF_RING); `flags` is reserved and must be 0 (set
 * IOU_PBUF_RING_* in reg's 16-bit field after bgid: `pad` in older uapi
 * headers, `flags` in newer ones).
 * Returns 0 or -errno (-EINVAL: reg NULL or flags non-zero).
 * Matches io_uring_register_buf_ring in liburing. */
int hr_register_buf_ring(struct hr_ring *r, struct io_uring_buf_reg *reg, unsigned flags);

/* Unregister buffer group bgid (IORING_UNREGISTER_PBUF_RING).
 * Returns 0 or -errno (-EINVAL: bgid outside 0 .. 65535).
 * Matches io_uring_unregister_buf_ring in liburing. */
int hr_unregister_buf_ring(struct hr_ring *r, int bgid);

/* Set up and register buffer group bgid of `entries` buffers (a power of two,
 * 1 .. 32768), and fill *s for hr_buf_ring_add / hr_buf_ring_advance.
 *   flags 0 or IOU_PBUF_RING_INC: mem is the caller's memory for the ring:
 *     page-aligned (the kernel refuses anything else with -EINVAL), and the
 *     whole pages covering entries * 16 bytes must stay mapped and untouched
 *     by anything else until the group is unregistered (the kernel pins them).
 *   flags IOU_PBUF_RING_MMAP (kernel 6.4+): mem must be NULL; the kernel
 *     allocates the ring and we map it (hr_free_buf_ring unmaps it).
 * Returns 0 or -errno (-EINVAL: r or s NULL, unknown flags, bad mem or
 * entries); on failure nothing stays registered or mapped.
 * Matches io_uring_setup_buf_ring in liburing (which allocates the ring
 * and returns it; here the caller owns mem and *s). */
int hr_setup_buf_ring(struct hr_ring *r, struct hr_buf_ring_state *s, void *mem,
                      uint32_t entries, uint16_t bgid, uint32_t flags);
/* Unregister s's group, unmap the ring if hr_setup_buf_ring mapped it, and
 * clear *s.
 * Returns 0 or -errno (-EINVAL: r or s NULL; else the unregistration's).
 * Matches io_uring_free_buf_ring in liburing. */
int hr_free_buf_ring(struct hr_ring *r, struct hr_buf_ring_state *s);

/* Internal (core/bufring.c): register group bgid with the ring at addr (0:
 * kernel-allocated, IOU_PBUF_RING_MMAP) of `entries` buffers and the
 * IOU_PBUF_RING_* flags; and the mmap offset of a kernel-allocated group's
 * ring.  Returns 0 or -errno; the offset. */
int hr__register_pbuf(struct hr_ring *r, uint64_t addr, uint32_t entries, uint16_t bgid,
                      uint32_t flags);
uint64_t hr__pbuf_mmap_off(uint16_t bgid);

HR_END_DECLS
#endif
