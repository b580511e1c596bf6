/* hr_register_spec.h -- contracts of the io_uring_register(2) operations
 * (bodies core/register.c, proved in unit `register`; prototypes and doc
 * comments core/hr_register.h).
 *
 * What reaches the kernel is read off the ghost log of the trusted system
 * call (hr_sys_io_uring_register, specs/hr_trusted.h): its fd, opcode,
 * argument pointer, count and result, and how many calls were made.  An
 * argument struct built on our stack is not a location a postcondition can
 * name: its contents are logged by a ghost copy taken right before the
 * call (hr_ghost_rsrc, ...: the struct as the kernel reads it).
 */
#ifndef HRINGAS_SPEC_REGISTER_H
#define HRINGAS_SPEC_REGISTER_H

#include "hr_trusted.h"

/* Ghost copies of the argument structs, taken just before the call (the
   one of IORING_(UN)REGISTER_RING_FDS, hr_ghost_ringfd, is in hr_trusted.h:
   hr_ring_exit's contract names it). */
//@ ghost struct io_uring_rsrc_register hr_ghost_rsrc;
//@ ghost struct io_uring_rsrc_update2 hr_ghost_upd2;
//@ ghost struct io_uring_files_update hr_ghost_fupd;
//@ ghost struct io_uring_file_index_range hr_ghost_range;
//@ ghost struct io_uring_buf_reg hr_ghost_breg;
//@ ghost int hr_ghost_evfd;
/* the struct io_uring_region_desc and io_uring_mem_region_reg of the last
   wait-region registration, as the kernel reads them */
//@ ghost uint64_t hr_ghost_wr_addr;
//@ ghost uint64_t hr_ghost_wr_size;
//@ ghost uint32_t hr_ghost_wr_type;
//@ ghost uint64_t hr_ghost_wr_zero;
//@ ghost uint64_t hr_ghost_wr_flags;
//@ ghost uint64_t hr_ghost_wr_desc;

/*@
  // Exactly one call since the count was n0, with these arguments.
  predicate reg_made{L}(integer fd, integer op, void *arg, integer nr, integer n0) =
    hr_ghost_reg_fd == fd && hr_ghost_reg_op == op && hr_ghost_reg_arg == arg &&
    hr_ghost_reg_nr == nr && hr_ghost_regs == (unsigned)(n0 + 1);

  // The same without the argument pointer: a struct on our stack (its
  // contents: a ghost copy), or a typed pointer (const int *, struct
  // iovec *, ...), whose conversion to the wrapper's const void * WP's
  // Typed model does not follow (an opaque cast: no equality survives it).
  // Each such function passes its argument unchanged (review, and the live
  // suites, which see the kernel act on it).
  predicate reg_made_op{L}(integer fd, integer op, integer nr, integer n0) =
    hr_ghost_reg_fd == fd && hr_ghost_reg_op == op &&
    hr_ghost_reg_nr == nr && hr_ghost_regs == (unsigned)(n0 + 1);

  // Refused before the kernel: result err, no call made.
  predicate reg_refused{L}(integer n0, integer res, integer err) =
    res == err && hr_ghost_regs == n0;

  // the ring fd was closed by hr_close_ring_fd: calls go to the registered
  // index, with IORING_REGISTER_USE_REGISTERED_RING
  predicate reg_via_index{L}(struct hr_ring *r) =
    r->ring_fd < 0 && (r->enter_flags & IORING_ENTER_REGISTERED_RING) != 0;

  // Where a call on a ring with this ring fd, enter flags and enter fd goes:
  // the ring fd; once it is closed (< 0), the registered index with the
  // opcode flagged IORING_REGISTER_USE_REGISTERED_RING; without either
  // (a torn-down ring) nowhere: -EBADF.  The kernel's result is returned.
  predicate reg_sent_op{L}(integer ring_fd, integer eflags, integer efd, integer op,
                           integer nr, integer n0, integer res) =
    ring_fd >= 0 ? reg_made_op(ring_fd, op, nr, n0) && res == hr_ghost_reg_ret :
    (eflags & IORING_ENTER_REGISTERED_RING) != 0 ?
      reg_made_op(efd, (unsigned)op | IORING_REGISTER_USE_REGISTERED_RING, nr, n0) &&
      res == hr_ghost_reg_ret :
    reg_refused(n0, res, -HR_EBADF);

  // One registration on ring r: -EINVAL without a ring, else as reg_sent_op,
  // with this argument pointer.
  predicate reg_ring{L}(struct hr_ring *r, integer op, void *arg, integer nr,
                        integer n0, integer res) =
    r == \null ? reg_refused(n0, res, -HR_EINVAL) :
    reg_sent_op(r->ring_fd, r->enter_flags, r->enter_fd, op, nr, n0, res) &&
    (r->ring_fd >= 0 || reg_via_index(r) ==> hr_ghost_reg_arg == arg);

  predicate reg_ring_op{L}(struct hr_ring *r, integer op, integer nr,
                              integer n0, integer res) =
    r == \null ? reg_refused(n0, res, -HR_EINVAL) :
    reg_sent_op(r->ring_fd, r->enter_flags, r->enter_fd, op, nr, n0, res);

  // the call was made (so the ghost copy is the struct the kernel read)
  predicate reg_live{L}(struct hr_ring *r) = r != \null && (r->ring_fd >= 0 || reg_via_index(r));

  // IORING_REGISTER_FILES2 / BUFFERS2: struct io_uring_rsrc_register
  // (data, tags: the addresses, (uint64_t)(uintptr_t)ptr)
  predicate rsrc_arg{L}(integer nr, integer flags, integer data, integer tags) =
    hr_ghost_rsrc.nr == nr && hr_ghost_rsrc.flags == flags && hr_ghost_rsrc.resv2 == 0 &&
    hr_ghost_rsrc.data == data && hr_ghost_rsrc.tags == tags;

  // IORING_REGISTER_FILES_UPDATE2 / BUFFERS_UPDATE: struct io_uring_rsrc_update2
  predicate upd2_arg{L}(integer off, integer data, integer tags, integer nr) =
    hr_ghost_upd2.offset == off && hr_ghost_upd2.resv == 0 &&
    hr_ghost_upd2.data == data && hr_ghost_upd2.tags == tags &&
    hr_ghost_upd2.nr == nr && hr_ghost_upd2.resv2 == 0;
*/

/* ---- helpers (static in core/register.c; contracts there) ---------------- */

/* ---- files --------------------------------------------------------------- */

/*@ requires r == \null || \valid(r);
    assigns hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs;
    ensures files == \null && nr_files != 0 ?
      reg_refused(\old(hr_ghost_regs), \result, -HR_EINVAL) :
      reg_ring_op(r, IORING_REGISTER_FILES, nr_files, \old(hr_ghost_regs), \result);
*/
int hr_register_files(struct hr_ring *r, const int *files, unsigned nr_files);

/*@ requires r == \null || \valid(r);
    assigns hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs, hr_ghost_rsrc;
    ensures files == \null && nr != 0 ?
      reg_refused(\old(hr_ghost_regs), \result, -HR_EINVAL) :
      reg_ring_op(r, IORING_REGISTER_FILES2, sizeof(struct io_uring_rsrc_register),
                     \old(hr_ghost_regs), \result) &&
      (reg_live(r) ==> rsrc_arg(nr, 0, (uint64_t)(uintptr_t)files, (uint64_t)(uintptr_t)tags));
*/
int hr_register_files_tags(struct hr_ring *r, const int *files, const uint64_t *tags,
                           unsigned nr);

/*@ requires r == \null || \valid(r);
    assigns hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs, hr_ghost_rsrc;
    ensures reg_ring_op(r, IORING_REGISTER_FILES2, sizeof(struct io_uring_rsrc_register),
                           \old(hr_ghost_regs), \result);
    ensures reg_live(r) ==> rsrc_arg(nr, IORING_RSRC_REGISTER_SPARSE, 0, 0);
*/
int hr_register_files_sparse(struct hr_ring *r, unsigned nr);

/*@ requires r == \null || \valid(r);
    assigns hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs, hr_ghost_fupd;
    ensures files == \null && nr_files != 0 ?
      reg_refused(\old(hr_ghost_regs), \result, -HR_EINVAL) :
      reg_ring_op(r, IORING_REGISTER_FILES_UPDATE, nr_files, \old(hr_ghost_regs), \result) &&
      (reg_live(r) ==> hr_ghost_fupd.offset == off && hr_ghost_fupd.resv == 0 &&
                       hr_ghost_fupd.fds == (uint64_t)(uintptr_t)files);
*/
int hr_register_files_update(struct hr_ring *r, unsigned off, const int *files,
                             unsigned nr_files);

/*@ requires r == \null || \valid(r);
    assigns hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs, hr_ghost_upd2;
    ensures files == \null && nr_files != 0 ?
      reg_refused(\old(hr_ghost_regs), \result, -HR_EINVAL) :
      reg_ring_op(r, IORING_REGISTER_FILES_UPDATE2, sizeof(struct io_uring_rsrc_update2),
                     \old(hr_ghost_regs), \result) &&
      (reg_live(r) ==> upd2_arg(off, (uint64_t)(uintptr_t)files, (uint64_t)(uintptr_t)tags, nr_files));
*/
int hr_register_files_update_tag(struct hr_ring *r, unsigned off, const int *files,
                                 const uint64_t *tags, unsigned nr_files);

/*@ requires r == \null || \valid(r);
    assigns hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs;
    ensures reg_ring(r, IORING_UNREGISTER_FILES, \null, 0, \old(hr_ghost_regs), \result);
*/
int hr_unregister_files(struct hr_ring *r);

/*@ requires r == \null || \valid(r);
    assigns hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs, hr_ghost_range;
    ensures reg_ring_op(r, IORING_REGISTER_FILE_ALLOC_RANGE, 0, \old(hr_ghost_regs), \result);
    ensures reg_live(r) ==> hr_ghost_range.off == off && hr_ghost_range.len == len &&
                            hr_ghost_range.resv == 0;
*/
int hr_register_file_alloc_range(struct hr_ring *r, unsigned off, unsigned len);

/* ---- fixed buffers ------------------------------------------------------- */

/*@ requires r == \null || \valid(r);
    assigns hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs;
    ensures iovecs == \null && nr_iovecs != 0 ?
      reg_refused(\old(hr_ghost_regs), \result, -HR_EINVAL) :
      reg_ring_op(r, IORING_REGISTER_BUFFERS, nr_iovecs, \old(hr_ghost_regs), \result);
*/
int hr_register_buffers(struct hr_ring *r, const struct iovec *iovecs, unsigned nr_iovecs);

/*@ requires r == \null || \valid(r);
    assigns hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs, hr_ghost_rsrc;
    ensures iovecs == \null && nr != 0 ?
      reg_refused(\old(hr_ghost_regs), \result, -HR_EINVAL) :
      reg_ring_op(r, IORING_REGISTER_BUFFERS2, sizeof(struct io_uring_rsrc_register),
                     \old(hr_ghost_regs), \result) &&
      (reg_live(r) ==> rsrc_arg(nr, 0, (uint64_t)(uintptr_t)iovecs, (uint64_t)(uintptr_t)tags));
*/
int hr_register_buffers_tags(struct hr_ring *r, const struct iovec *iovecs,
                             const uint64_t *tags, unsigned nr);

/*@ requires r == \null || \valid(r);
    assigns hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs, hr_ghost_rsrc;
    ensures reg_ring_op(r, IORING_REGISTER_BUFFERS2, sizeof(struct io_uring_rsrc_register),
                           \old(hr_ghost_regs), \result);
    ensures reg_live(r) ==> rsrc_arg(nr, IORING_RSRC_REGISTER_SPARSE, 0, 0);
*/
int hr_register_buffers_sparse(struct hr_ring *r, unsigned nr);

/*@ requires r == \null || \valid(r);
    assigns hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs, hr_ghost_upd2;
    ensures iovecs == \null && nr != 0 ?
      reg_refused(\old(hr_ghost_regs), \result, -HR_EINVAL) :
      reg_ring_op(r, IORING_REGISTER_BUFFERS_UPDATE, sizeof(struct io_uring_rsrc_update2),
                     \old(hr_ghost_regs), \result) &&
      (reg_live(r) ==> upd2_arg(off, (uint64_t)(uintptr_t)iovecs, (uint64_t)(uintptr_t)tags, nr));
*/
int hr_register_buffers_update_tag(struct hr_ring *r, unsigned off,
                                   const struct iovec *iovecs, const uint64_t *tags,
                                   unsigned nr);

/*@ requires r == \null || \valid(r);
    assigns hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs;
    ensures reg_ring(r, IORING_UNREGISTER_BUFFERS, \null, 0, \old(hr_ghost_regs), \result);
*/
int hr_unregister_buffers(struct hr_ring *r);

/* ---- eventfd ------------------------------------------------------------- */

/*@ requires r == \null || \valid(r);
    assigns hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs, hr_ghost_evfd;
    ensures reg_ring_op(r, IORING_REGISTER_EVENTFD, 1, \old(hr_ghost_regs), \result);
    ensures reg_live(r) ==> hr_ghost_evfd == fd;
*/
int hr_register_eventfd(struct hr_ring *r, int fd);

/*@ requires r == \null || \valid(r);
    assigns hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs, hr_ghost_evfd;
    ensures reg_ring_op(r, IORING_REGISTER_EVENTFD_ASYNC, 1, \old(hr_ghost_regs), \result);
    ensures reg_live(r) ==> hr_ghost_evfd == fd;
*/
int hr_register_eventfd_async(struct hr_ring *r, int fd);

/*@ requires r == \null || \valid(r);
    assigns hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs;
    ensures reg_ring(r, IORING_UNREGISTER_EVENTFD, \null, 0, \old(hr_ghost_regs), \result);
*/
int hr_unregister_eventfd(struct hr_ring *r);

/* ---- registered ring fd -------------------------------------------------- */

/* The kernel writes the index it picked into the argument's offset; we read
   it back with a volatile load, so nothing is assumed about its value. */
/*@ requires r == \null || \valid(r);
    assigns r->enter_fd, r->enter_flags,
            hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs, hr_ghost_ringfd;
    behavior no_ring:
      assumes r == \null;
      assigns \nothing;
      ensures \result == -HR_EINVAL;
    behavior registered:
      assumes r != \null && (r->enter_flags & IORING_ENTER_REGISTERED_RING) != 0;
      assigns \nothing;
      ensures \result == -HR_EEXIST;
    behavior closed:
      assumes r != \null && (r->enter_flags & IORING_ENTER_REGISTERED_RING) == 0 &&
              r->ring_fd < 0;
      ensures \result == -HR_EBADF && hr_ghost_regs == \old(hr_ghost_regs);
    behavior call:
      assumes r != \null && (r->enter_flags & IORING_ENTER_REGISTERED_RING) == 0 &&
              r->ring_fd >= 0;
      ensures \result == 1 || \result < 0;
      ensures ok: \result == 1 ==>
        reg_made_op(r->ring_fd, IORING_REGISTER_RING_FDS, 1, \old(hr_ghost_regs)) &&
        hr_ghost_reg_ret == 1 &&
        hr_ghost_ringfd.offset == 0xffffffffu && hr_ghost_ringfd.resv == 0 &&
        hr_ghost_ringfd.data == (uint32_t)r->ring_fd &&
        0 <= r->enter_fd &&
        r->enter_flags == (\old(r->enter_flags) | IORING_ENTER_REGISTERED_RING);
      ensures kernel_error: hr_ghost_regs == (unsigned)(\old(hr_ghost_regs) + 1) &&
                            hr_ghost_reg_ret != 1 ==>
        reg_made_op(r->ring_fd, IORING_REGISTER_RING_FDS, 1, \old(hr_ghost_regs)) &&
        \result == (hr_ghost_reg_ret < 0 ? hr_ghost_reg_ret : -HR_EIO);
      ensures bad_index: hr_ghost_regs != (unsigned)(\old(hr_ghost_regs) + 1) ==>
        hr_ghost_regs == (unsigned)(\old(hr_ghost_regs) + 2) && \result == -HR_EIO &&
        hr_ghost_reg_op == IORING_UNREGISTER_RING_FDS && hr_ghost_reg_nr == 1 &&
        hr_ghost_ringfd.offset > 0x7fffffff;
      ensures failed: \result != 1 ==>
        r->enter_fd == \old(r->enter_fd) && r->enter_flags == \old(r->enter_flags);
    complete behaviors;
    disjoint behaviors;
*/
int hr_register_ring_fd(struct hr_ring *r);

/* Close the plain ring fd of a ring whose fd is registered: from then on
   registrations go to the registered index (do_reg), enters already do. */
/*@ requires r == \null || \valid(r);
    assigns r->ring_fd, hr_ghost_closed_fd, hr_ghost_closes;
    behavior no_ring:
      assumes r == \null;
      assigns \nothing;
      ensures \result == -HR_EINVAL;
    behavior no_feature:
      assumes r != \null && (r->features & IORING_FEAT_REG_REG_RING) == 0;
      assigns \nothing;
      ensures \result == -HR_EOPNOTSUPP;
    behavior not_registered:
      assumes r != \null && (r->features & IORING_FEAT_REG_REG_RING) != 0 &&
              (r->enter_flags & IORING_ENTER_REGISTERED_RING) == 0;
      assigns \nothing;
      ensures \result == -HR_EINVAL;
    behavior already_closed:
      assumes r != \null && (r->features & IORING_FEAT_REG_REG_RING) != 0 &&
              (r->enter_flags & IORING_ENTER_REGISTERED_RING) != 0 && r->ring_fd < 0;
      assigns \nothing;
      ensures \result == -HR_EBADF;
    behavior close:
      assumes r != \null && (r->features & IORING_FEAT_REG_REG_RING) != 0 &&
              (r->enter_flags & IORING_ENTER_REGISTERED_RING) != 0 && r->ring_fd >= 0;
      ensures \result == 1 && r->ring_fd == -1;
      ensures closed: hr_ghost_closed_fd == \old(r->ring_fd) &&
                      hr_ghost_closes == (unsigned)(\old(hr_ghost_closes) + 1);
      ensures reg_via_index(r);
    complete behaviors;
    disjoint behaviors;
*/
int hr_close_ring_fd(struct hr_ring *r);

/* Writes only r->enter_fd and r->enter_flags (and the ghost log): the
   proved hr_ring_exit relies on it. */
/*@ requires r == \null || \valid(r);
    assigns r->enter_fd, r->enter_flags,
            hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs, hr_ghost_ringfd;
    behavior not_registered:
      assumes r == \null || (r->enter_flags & IORING_ENTER_REGISTERED_RING) == 0;
      assigns \nothing;
      ensures \result == -HR_EINVAL;
    behavior registered:
      assumes r != \null && (r->enter_flags & IORING_ENTER_REGISTERED_RING) != 0;
      ensures reg_sent_op(\old(r->ring_fd), \old(r->enter_flags), \old(r->enter_fd),
                          IORING_UNREGISTER_RING_FDS, 1, \old(hr_ghost_regs), \result);
      ensures called: hr_ghost_regs == (unsigned)(\old(hr_ghost_regs) + 1) &&
        hr_ghost_reg_op == (\old(r->ring_fd) >= 0 ? IORING_UNREGISTER_RING_FDS :
          (unsigned)IORING_UNREGISTER_RING_FDS | IORING_REGISTER_USE_REGISTERED_RING);
      ensures hr_ghost_ringfd.offset == (uint32_t)\old(r->enter_fd) &&
              hr_ghost_ringfd.resv == 0 && hr_ghost_ringfd.data == 0;
      ensures \result == 1 ==> r->enter_fd == r->ring_fd &&
        r->enter_flags == (\old(r->enter_flags) & ~IORING_ENTER_REGISTERED_RING);
      ensures \result != 1 ==>
        r->enter_fd == \old(r->enter_fd) && r->enter_flags == \old(r->enter_flags);
    complete behaviors;
    disjoint behaviors;
*/
int hr_unregister_ring_fd(struct hr_ring *r);

/* ---- credentials, io-wq, restrictions ------------------------------------ */

/*@ requires r == \null || \valid(r);
    assigns hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs;
    ensures reg_ring(r, IORING_REGISTER_PERSONALITY, \null, 0, \old(hr_ghost_regs), \result);
*/
int hr_register_personality(struct hr_ring *r);

/*@ requires r == \null || \valid(r);
    assigns hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs;
    ensures reg_ring(r, IORING_UNREGISTER_PERSONALITY, \null, (unsigned)id,
                     \old(hr_ghost_regs), \result);
*/
int hr_unregister_personality(struct hr_ring *r, int id);

/* The kernel writes the previous limits back into values[0 .. 1]. */
/*@ requires r == \null || \valid(r);
    assigns values[0 .. 1],
            hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs;
    ensures values == \null ?
      reg_refused(\old(hr_ghost_regs), \result, -HR_EINVAL) :
      reg_ring_op(r, IORING_REGISTER_IOWQ_MAX_WORKERS, 2, \old(hr_ghost_regs), \result);
*/
int hr_register_iowq_max_workers(struct hr_ring *r, unsigned *values);

/*@ requires r == \null || \valid(r);
    assigns hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs;
    ensures mask == \null || cpusz == 0 || cpusz >= 0x80000000 ?
      reg_refused(\old(hr_ghost_regs), \result, -HR_EINVAL) :
      reg_ring(r, IORING_REGISTER_IOWQ_AFF, mask, cpusz, \old(hr_ghost_regs), \result);
*/
int hr_register_iowq_aff(struct hr_ring *r, uint64_t cpusz, const void *mask);

/*@ requires r == \null || \valid(r);
    assigns hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs;
    ensures reg_ring(r, IORING_UNREGISTER_IOWQ_AFF, \null, 0, \old(hr_ghost_regs), \result);
*/
int hr_unregister_iowq_aff(struct hr_ring *r);

/*@ requires r == \null || \valid(r);
    assigns hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs;
    ensures res == \null && nr_res != 0 ?
      reg_refused(\old(hr_ghost_regs), \result, -HR_EINVAL) :
      reg_ring_op(r, IORING_REGISTER_RESTRICTIONS, nr_res, \old(hr_ghost_regs), \result);
*/
int hr_register_restrictions(struct hr_ring *r, struct io_uring_restriction *res,
                             unsigned nr_res);

/*@ requires r == \null || \valid(r);
    assigns hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs;
    ensures reg_ring(r, IORING_REGISTER_ENABLE_RINGS, \null, 0, \old(hr_ghost_regs), \result);
*/
int hr_enable_rings(struct hr_ring *r);

/*@ requires r == \null || \valid(r);
    assigns hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs;
    ensures reg == \null ?
      reg_refused(\old(hr_ghost_regs), \result, -HR_EINVAL) :
      reg_ring_op(r, IORING_REGISTER_SYNC_CANCEL, 1, \old(hr_ghost_regs), \result);
*/
int hr_register_sync_cancel(struct hr_ring *r, struct io_uring_sync_cancel_reg *reg);

/* ---- registered wait region ---------------------------------------------- */

/*@ // the region the kernel was given: nr entries of struct hr_reg_wait at
    // entries (the caller's memory), registered as the wait-argument table,
    // every reserved field 0, the descriptor's address in the register struct
  predicate wait_region_arg(struct hr_reg_wait *entries, integer nr) =
    hr_ghost_wr_addr == (uint64_t)(uintptr_t)entries &&
    hr_ghost_wr_size == nr * sizeof(struct hr_reg_wait) &&
    hr_ghost_wr_type == HR_MEM_REGION_TYPE_USER && hr_ghost_wr_zero == 0 &&
    hr_ghost_wr_flags == HR_MEM_REGION_REG_WAIT_ARG && hr_ghost_wr_desc != 0;
*/

/*@ requires r == \null || \valid(r);
    assigns hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs, hr_ghost_wr_addr, hr_ghost_wr_size, hr_ghost_wr_type,
            hr_ghost_wr_zero, hr_ghost_wr_flags, hr_ghost_wr_desc, r->reg_wait_nr;
    ensures entries == \null || nr == 0 ?
      reg_refused(\old(hr_ghost_regs), \result, -HR_EINVAL) :
      reg_ring_op(r, HR_REGISTER_MEM_REGION, 1, \old(hr_ghost_regs), \result) &&
      (reg_live(r) ==> wait_region_arg(entries, nr));
    ensures known: r != \null ==> r->reg_wait_nr ==
      (\result == 0 ? nr : \old(r->reg_wait_nr));
*/
int hr_register_wait_region(struct hr_ring *r, struct hr_reg_wait *entries, unsigned nr);

/* ---- provided-buffer rings ----------------------------------------------- */

/*@ requires r == \null || \valid(r);
    assigns hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs;
    ensures reg == \null || flags != 0 ?
      reg_refused(\old(hr_ghost_regs), \result, -HR_EINVAL) :
      reg_ring_op(r, IORING_REGISTER_PBUF_RING, 1, \old(hr_ghost_regs), \result);
*/
int hr_register_buf_ring(struct hr_ring *r, struct io_uring_buf_reg *reg, unsigned flags);

/*@ requires r == \null || \valid(r);
    assigns hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs, hr_ghost_breg;
    ensures bgid < 0 || bgid > 0xffff ?
      reg_refused(\old(hr_ghost_regs), \result, -HR_EINVAL) :
      reg_ring_op(r, IORING_UNREGISTER_PBUF_RING, 1, \old(hr_ghost_regs), \result) &&
      (reg_live(r) ==> hr_ghost_breg.ring_addr == 0 && hr_ghost_breg.ring_entries == 0 &&
                       hr_ghost_breg.bgid == bgid && hr_ghost_breg.pad == 0 &&
                       hr_ghost_breg.resv[0] == 0 && hr_ghost_breg.resv[1] == 0 &&
                       hr_ghost_breg.resv[2] == 0);
*/
int hr_unregister_buf_ring(struct hr_ring *r, int bgid);

/* hr_setup_buf_ring's registration: the struct the kernel reads names the
   ring at addr, its entries, the group and the flags, nothing else. */
/*@ requires r == \null || \valid(r);
    assigns hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs, hr_ghost_breg;
    ensures reg_ring_op(r, IORING_REGISTER_PBUF_RING, 1, \old(hr_ghost_regs), \result);
    ensures arg: reg_live(r) ==> hr_ghost_breg.ring_addr == addr &&
      hr_ghost_breg.ring_entries == entries && hr_ghost_breg.bgid == bgid &&
      hr_ghost_breg.pad == (uint16_t)flags && hr_ghost_breg.resv[0] == 0 &&
      hr_ghost_breg.resv[1] == 0 && hr_ghost_breg.resv[2] == 0;
*/
int hr__register_pbuf(struct hr_ring *r, uint64_t addr, uint32_t entries, uint16_t bgid,
                      uint32_t flags);

/* where the kernel maps group bgid's ring (io_uring/kbuf.c) */
/*@ assigns \nothing;
    ensures \result == IORING_OFF_PBUF_RING + bgid * 65536;
*/
uint64_t hr__pbuf_mmap_off(uint16_t bgid);

/* The group of *s is unregistered whatever its map_len; then the mapping
   (if hr_setup_buf_ring made one) is unmapped and *s cleared. */
/*@ requires r == \null || \valid(r);
    requires s == \null || \valid(s);
    requires r == \null || s == \null || \separated(r, s);
    assigns *s, hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs, hr_ghost_breg, HR_UNMAP_LOG;
    behavior refused:
      assumes r == \null || s == \null;
      assigns \nothing;
      ensures \result == -HR_EINVAL;
    behavior unregister:
      assumes r != \null && s != \null;
      ensures reg_ring_op(r, IORING_UNREGISTER_PBUF_RING, 1, \old(hr_ghost_regs), \result);
      ensures reg_live(r) ==> hr_ghost_breg.bgid == \old(s->bgid) &&
                              hr_ghost_breg.ring_addr == 0 && hr_ghost_breg.ring_entries == 0;
      ensures cleared: s->bufs == \null && s->entries == 0 && s->mask == 0 &&
                       s->shift == 0 && s->tail == 0 && s->map_len == 0;
      ensures s->bgid == \old(s->bgid);
      ensures unmapped: \old(s->map_len) != 0 ==> hr_ghost_unmap_len == \old(s->map_len) &&
        hr_ghost_unmaps == (unsigned)(\old(hr_ghost_unmaps) + 1);
      ensures not_mapped: \old(s->map_len) == 0 ==> hr_ghost_unmaps == \old(hr_ghost_unmaps);
    complete behaviors;
    disjoint behaviors;
*/
int hr_free_buf_ring(struct hr_ring *r, struct hr_buf_ring_state *s);

#endif
