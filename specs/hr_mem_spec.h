/* hr_mem_spec.h -- rings in caller memory (IORING_SETUP_NO_MMAP, 6.5+):
 * the kernel's size formula as logic functions, and the contracts of
 * hr_ring_memory_size(_params) and hr_ring_init_mem.
 * Bodies: core/mem.c (proved, unit `mem`); prototypes: core/hr_mem.h.
 *
 * K-NOMMAP (specs/TRUSTED.md): with IORING_SETUP_NO_MMAP the kernel pins
 * two regions of the caller's memory, each page-aligned and of a
 * page-aligned length, and writes nothing else of it:
 *   the SQEs   at sq_off.user_addr, k_sqes_size(sq, flags) bytes;
 *   the rings  at cq_off.user_addr, k_rings_size(sq, cq, flags) bytes:
 *     struct io_rings (HR_KRING_HDR bytes up to its cqes[]) and the CQEs,
 *     doubled as a whole with CQE32, aligned to SMP_CACHE_BYTES, then the
 *     SQ array unless NO_SQARRAY (io_uring/io_uring.c rings_size,
 *     io_allocate_scq_urings; io_uring/memmap.c io_create_region).
 * The live suite `mem` compares the offsets the kernel reports with this
 * formula for every flag combination.
 */
#ifndef HRINGAS_SPEC_MEM_H
#define HRINGAS_SPEC_MEM_H

/*@
  // n rounded up to a multiple of a (a > 0, n >= 0)
  logic integer mem_align(integer n, integer a) = ((n + a - 1) / a) * a;

  // the smallest e * 2^j (j >= 0) that is at least w: with e == 1, the
  // kernel's roundup_pow_of_two of w >= 1
  logic integer pow2_up(integer w, integer e) = e >= w ? e : pow2_up(w, 2 * e);

  predicate pow2_16(integer e) =
    e == 1 || e == 2 || e == 4 || e == 8 || e == 16 || e == 32 || e == 64 ||
    e == 128 || e == 256 || e == 512 || e == 1024 || e == 2048 || e == 4096 ||
    e == 8192 || e == 16384 || e == 32768 || e == 65536;

  // The entry counts the kernel makes of a request (io_uring_create):
  // clamped (CLAMP), rounded up to a power of two; the CQ is twice the SQ
  // unless CQSIZE.
  logic integer mem_sq(integer entries) =
    pow2_up(entries < HR_MAX_SQ_ENTRIES ? entries : HR_MAX_SQ_ENTRIES, 1);
  logic integer mem_cq(integer entries, integer cq_entries, integer flags) =
    (flags & IORING_SETUP_CQSIZE) != 0 ?
      pow2_up(cq_entries < HR_MAX_CQ_ENTRIES ? cq_entries : HR_MAX_CQ_ENTRIES, 1) :
      2 * mem_sq(entries);

  // The requests the kernel accepts as to their sizes (liburing's
  // get_sq_cq_entries): -EINVAL otherwise.
  predicate mem_entries_ok(integer entries, integer cq_entries, integer flags) =
    1 <= entries && (entries <= HR_MAX_SQ_ENTRIES || (flags & IORING_SETUP_CLAMP) != 0) &&
    ((flags & IORING_SETUP_CQSIZE) != 0 ==>
       1 <= cq_entries &&
       (cq_entries <= HR_MAX_CQ_ENTRIES || (flags & IORING_SETUP_CLAMP) != 0) &&
       mem_cq(entries, cq_entries, flags) >= mem_sq(entries));

  // ---- K-NOMMAP: the kernel's formula (trusted, checked live) ----------
  logic integer k_rings_size(integer sq, integer cq, integer flags) =
    mem_align(((flags & IORING_SETUP_CQE32) != 0 ? 2 : 1) * (HR_KRING_HDR + 16 * cq),
              HR_SMP_CACHE_BYTES) +
    ((flags & IORING_SETUP_NO_SQARRAY) != 0 ? 0 : 4 * sq);
  logic integer k_sqes_size(integer sq, integer flags) =
    ((flags & IORING_SETUP_SQE128) != 0 ? 128 : 64) * sq;

  // Our layout of the caller's buffer (liburing's): the SQE region first,
  // the rings at the next page boundary; each region page-aligned, as the
  // kernel pins them.
  logic integer mem_sqes_region(integer sq, integer flags) =
    mem_align(k_sqes_size(sq, flags), HR_PAGE_SIZE);
  logic integer mem_rings_region(integer sq, integer cq, integer flags) =
    mem_align(k_rings_size(sq, cq, flags), HR_PAGE_SIZE);
  logic integer mem_size(integer entries, integer cq_entries, integer flags) =
    mem_sqes_region(mem_sq(entries), flags) +
    mem_rings_region(mem_sq(entries), mem_cq(entries, cq_entries, flags), flags);
*/

/* Bytes of caller memory a NO_MMAP ring of this request needs, or -EINVAL. */
/*@ requires \valid_read(p);
    assigns \nothing;
    ensures ok:  mem_entries_ok(entries, p->cq_entries, p->flags) ==>
                   \result == mem_size(entries, p->cq_entries, p->flags);
    ensures bad: !mem_entries_ok(entries, p->cq_entries, p->flags) ==> \result == -HR_EINVAL;
    ensures covers: \result >= 0 ==>
      k_sqes_size(mem_sq(entries), p->flags) <= mem_sqes_region(mem_sq(entries), p->flags) &&
      mem_sqes_region(mem_sq(entries), p->flags) % HR_PAGE_SIZE == 0 &&
      mem_sqes_region(mem_sq(entries), p->flags) +
        k_rings_size(mem_sq(entries), mem_cq(entries, p->cq_entries, p->flags), p->flags)
        <= \result;
    ensures bounded: \result <= HR_MEM_MAX;
*/
long hr_ring_memory_size_params(uint32_t entries, const struct io_uring_params *p);

/*@ assigns \nothing;
    ensures ok:  mem_entries_ok(entries, 0, flags) ==> \result == mem_size(entries, 0, flags);
    ensures bad: !mem_entries_ok(entries, 0, flags) ==> \result == -HR_EINVAL;
    ensures bounded: \result <= HR_MEM_MAX;
*/
long hr_ring_memory_size(uint32_t entries, uint32_t flags);

/*@ // the fds of a ring set up with these flags: its own fd; with
    // IORING_SETUP_REGISTERED_FD_ONLY no fd, only the registered index the
    // kernel returned, entered with IORING_ENTER_REGISTERED_RING
  predicate mem_fds(struct hr_ring *r, integer flags) =
    (flags & IORING_SETUP_REGISTERED_FD_ONLY) == 0 ?
      r->ring_fd >= 0 && r->enter_fd == r->ring_fd && r->enter_flags == 0 :
      r->ring_fd == -1 && r->enter_fd >= 0 && r->enter_flags == IORING_ENTER_REGISTERED_RING;
*/

/* Set up a ring on caller memory.  On success the kernel was given the
   SQE region at buf and the rings at buf + mem_sqes_region (the proved
   assertion `inside_buf` of core/mem.c: both regions lie in
   buf[0 .. buf_size - 1] and do not overlap); the ring satisfies ring_ok,
   and ring_len == sqe_len == 0 tells hr_ring_exit that nothing is ours to
   unmap.  The buffer is seen as bytes through `char *`, the one view of a
   `void *` that WP's Typed model follows. */
/*@ requires \valid(r) && \valid(p) && \separated(r, p);
    requires \valid((char *)buf + (0 .. buf_size - 1));
    requires \separated(r, p, (char *)buf + (0 .. buf_size - 1));
    assigns *r, *p, hr_ghost_closed_fd, hr_ghost_closes, hr_ghost_reg_fd, hr_ghost_reg_op,
            hr_ghost_reg_arg, hr_ghost_reg_nr, hr_ghost_reg_ret, hr_ghost_regs;
    ensures ok: \result >= 0 ==> ring_ok(r) && cq_flags_ok(r) && r->sq.sqe_head == r->sq.sqe_tail &&
      mem_fds(r, p->flags);
    ensures ok_size: \result >= 0 ==> \result <= buf_size &&
      \result == mem_size(entries, \old(p->cq_entries), p->flags);
    ensures ok_answer: \result >= 0 ==> r->flags == p->flags && r->features == p->features &&
      r->sq.entries == p->sq_entries && r->cq.entries == p->cq_entries;
    ensures ok_entries: \result >= 0 ==> r->sq.entries == mem_sq(entries) &&
      r->cq.entries == mem_cq(entries, \old(p->cq_entries), p->flags);
    ensures caller_memory: \result >= 0 ==> r->sqe_mem == (char *)buf &&
      r->ring_mem == (char *)buf + mem_sqes_region(r->sq.entries, p->flags) &&
      r->ring_len == 0 && r->sqe_len == 0;
    ensures failed: \result < 0 ==> r->ring_fd == -1 && r->ring_mem == \null;
*/
int hr_ring_init_mem(struct hr_ring *r, uint32_t entries, struct io_uring_params *p,
                     void *buf, size_t buf_size);

#endif
