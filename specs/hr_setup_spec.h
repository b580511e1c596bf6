/* hr_setup_spec.h -- ring geometry: what the kernel's io_uring_params must
 * satisfy before the core uses them, and the contracts of setup/teardown.
 * Bodies: core/setup.c (proved, unit `setup`) and core/bind.c (trusted:
 * the mmap call and the typed view);
 * types and the public prototypes: core/hr_setup.h.
 *
 * Nothing the kernel returns is believed: every entry count, flag echo and
 * offset is checked (hr__layout_check) before any pointer is formed, so a
 * lying kernel gets -EIO, never an out-of-bounds pointer.
 */
#ifndef HRINGAS_SPEC_SETUP_H
#define HRINGAS_SPEC_SETUP_H

#include "hr_trusted.h"


/*@
  // e is the smallest power of two (up to 2^16) that is at least w: the
  // kernel's roundup_pow_of_two of a request w.
  predicate pow2_ceil(integer e, integer w) =
    \exists integer k; 0 <= k <= 16 && e == (1 << k) && e >= w &&
                       (k == 0 || (1 << (k - 1)) < w);

  // a 4-byte, 4-aligned word that ends before the arrays start
  predicate word_ok(integer off, integer hdr_end) =
    off % 4 == 0 && off + 4 <= hdr_end;

  // The six header words the core reads or writes: in the header, and
  // pairwise distinct (4-aligned + distinct ==> disjoint, which is what
  // the \separated of ring_mem rests on).
  predicate hdr_ok(integer sh, integer st, integer sf,
                   integer ch, integer ct, integer co, integer hdr_end) =
    word_ok(sh, hdr_end) && word_ok(st, hdr_end) && word_ok(sf, hdr_end) &&
    word_ok(ch, hdr_end) && word_ok(ct, hdr_end) && word_ok(co, hdr_end) &&
    sh != st && sh != sf && st != sf && ch != ct && ch != co && ct != co &&
    sh != ch && sh != ct && sh != co && st != ch && st != ct && st != co &&
    sf != ch && sf != ct && sf != co;

  logic integer hdr_end{L}(struct io_uring_params *p, struct hr_layout *g) =
    g->has_array != 0 ? \min(p->sq_off.array, p->cq_off.cqes) : p->cq_off.cqes;

  // The kernel's answer, in five parts (separate ensures keep each goal small).
  predicate layout_sizes{L}(struct io_uring_params *p, struct hr_layout *g) =
    ring_size(g->sq_entries, g->sq_shift) && g->sq_shift <= 15 &&
    ring_size(g->cq_entries, g->cq_shift) &&
    g->sq_entries == p->sq_entries && g->cq_entries == p->cq_entries &&
    (g->sqe_shift == 0 || g->sqe_shift == 1) &&
    (g->cqe_shift == 0 || g->cqe_shift == 1) &&
    (g->has_array == 0 || g->has_array == 1);

  predicate layout_hdr{L}(struct io_uring_params *p, struct hr_layout *g) =
    hdr_ok(p->sq_off.head, p->sq_off.tail, p->sq_off.flags,
           p->cq_off.head, p->cq_off.tail, p->cq_off.overflow, hdr_end(p, g)) &&
    word_ok(p->sq_off.ring_mask, hdr_end(p, g)) &&
    word_ok(p->sq_off.ring_entries, hdr_end(p, g)) &&
    word_ok(p->cq_off.ring_mask, hdr_end(p, g)) &&
    word_ok(p->cq_off.ring_entries, hdr_end(p, g));

  predicate layout_cq{L}(struct io_uring_params *p, struct hr_layout *g) =
    p->cq_off.cqes % 16 == 0 &&
    p->cq_off.cqes + 16 * units(g->cq_entries, g->cqe_shift) <= g->ring_len;

  predicate layout_sq{L}(struct io_uring_params *p, struct hr_layout *g) =
    g->has_array != 0 ==>
       p->sq_off.array % 4 == 0 &&
       p->sq_off.array + 4 * g->sq_entries <= g->ring_len &&
       (p->sq_off.array + 4 * g->sq_entries <= p->cq_off.cqes ||
        p->cq_off.cqes + 16 * units(g->cq_entries, g->cqe_shift) <= p->sq_off.array);

  predicate layout_lens{L}(struct hr_layout *g) =
    g->sqes_len == 64 * units(g->sq_entries, g->sqe_shift) &&
    0 < g->ring_len <= 0x200000000;

  // The CQ flags word: absent (offset 0: kernels before 5.8), or a header
  // word distinct from the six the core uses.
  predicate layout_cqflags{L}(struct io_uring_params *p, struct hr_layout *g) =
    (g->has_cq_flags == 0 || g->has_cq_flags == 1) &&
    (g->has_cq_flags != 0 <==> p->cq_off.flags != 0) &&
    (g->has_cq_flags != 0 ==>
       word_ok(p->cq_off.flags, hdr_end(p, g)) &&
       p->cq_off.flags != p->sq_off.head && p->cq_off.flags != p->sq_off.tail &&
       p->cq_off.flags != p->sq_off.flags && p->cq_off.flags != p->cq_off.head &&
       p->cq_off.flags != p->cq_off.tail && p->cq_off.flags != p->cq_off.overflow);

  predicate layout_ok{L}(struct io_uring_params *p, struct hr_layout *g) =
    layout_sizes(p, g) && layout_hdr(p, g) && layout_cq(p, g) &&
    layout_sq(p, g) && layout_lens(g) && layout_cqflags(p, g);
*/

/* Check the kernel's answer.  0 and *g filled, or -EIO (inconsistent) or
   -EOPNOTSUPP (no IORING_FEAT_SINGLE_MMAP: kernel older than 5.4). */
/*@ requires \valid_read(p) && \valid(g) && \separated(p, g);
    assigns *g;
    ensures \result == 0 || \result == -5 || \result == -95;
    ensures sizes: \result == 0 ==> layout_sizes(p, g);
    ensures hdr:   \result == 0 ==> layout_hdr(p, g);
    ensures cq:    \result == 0 ==> layout_cq(p, g);
    ensures sq:    \result == 0 ==> layout_sq(p, g);
    ensures lens:  \result == 0 ==> layout_lens(g);
    ensures cqflags: \result == 0 ==> layout_cqflags(p, g);
    ensures \result == 0 ==> g->sqe_shift == ((p->flags & IORING_SETUP_SQE128) ? 1 : 0);
    ensures \result == 0 ==> g->cqe_shift == ((p->flags & IORING_SETUP_CQE32) ? 1 : 0);
    ensures \result == 0 ==> g->has_array == ((p->flags & IORING_SETUP_NO_SQARRAY) ? 0 : 1);
*/
int hr__layout_check(const struct io_uring_params *p, struct hr_layout *g);


/*@ requires \valid_read(p) && \valid_read(g) && \valid(b);
    requires layout_ok(p, g);
    requires \valid(ring + (0 .. g->ring_len - 1));
    requires \valid(sqes + (0 .. g->sqes_len - 1));
    requires \separated(b, ring + (0 .. g->ring_len - 1), sqes + (0 .. g->sqes_len - 1));
    assigns *b;
    ensures \valid(b->sq_head + (0 .. 3)) && \valid(b->sq_tail + (0 .. 3)) &&
            \valid(b->sq_flags + (0 .. 3)) && \valid(b->cq_head + (0 .. 3)) &&
            \valid(b->cq_tail + (0 .. 3)) && \valid(b->cq_overflow + (0 .. 3)) &&
            \valid(b->sq_mask + (0 .. 3)) && \valid(b->sq_entries + (0 .. 3)) &&
            \valid(b->cq_mask + (0 .. 3)) && \valid(b->cq_entries + (0 .. 3));
    ensures g->has_array != 0 ==> \valid(b->sq_array + (0 .. 4 * g->sq_entries - 1));
    ensures g->has_cq_flags != 0 ==> \valid(b->cq_flags + (0 .. 3)) &&
      \separated(b->cq_flags + (0 .. 3),
                 b->sq_head + (0 .. 3), b->sq_tail + (0 .. 3), b->sq_flags + (0 .. 3),
                 b->cq_head + (0 .. 3), b->cq_tail + (0 .. 3), b->cq_overflow + (0 .. 3),
                 b->cqes + (0 .. 16 * units(g->cq_entries, g->cqe_shift) - 1),
                 b->sqes + (0 .. 64 * units(g->sq_entries, g->sqe_shift) - 1));
    ensures g->has_cq_flags != 0 && g->has_array != 0 ==>
      \separated(b->cq_flags + (0 .. 3), b->sq_array + (0 .. 4 * g->sq_entries - 1));
    ensures g->has_cq_flags == 0 ==> b->cq_flags == \null;
    ensures \valid(b->cqes + (0 .. 16 * units(g->cq_entries, g->cqe_shift) - 1));
    ensures \valid(b->sqes + (0 .. 64 * units(g->sq_entries, g->sqe_shift) - 1));
    ensures \separated(b->sq_head + (0 .. 3), b->sq_tail + (0 .. 3), b->sq_flags + (0 .. 3),
                       b->cq_head + (0 .. 3), b->cq_tail + (0 .. 3), b->cq_overflow + (0 .. 3),
                       b->cqes + (0 .. 16 * units(g->cq_entries, g->cqe_shift) - 1),
                       b->sqes + (0 .. 64 * units(g->sq_entries, g->sqe_shift) - 1));
    ensures g->has_array != 0 ==>
      \separated(b->sq_array + (0 .. 4 * g->sq_entries - 1),
                 b->sq_head + (0 .. 3), b->sq_tail + (0 .. 3), b->sq_flags + (0 .. 3),
                 b->cq_head + (0 .. 3), b->cq_tail + (0 .. 3), b->cq_overflow + (0 .. 3),
                 b->cqes + (0 .. 16 * units(g->cq_entries, g->cqe_shift) - 1),
                 b->sqes + (0 .. 64 * units(g->sq_entries, g->sqe_shift) - 1));
*/
void hr__ring_bytes(char *ring, char *sqes, const struct io_uring_params *p,
                    const struct hr_layout *g, struct hr_ring_bytes *b);

/* ---- T-MAP: trusted, body in core/bind.c (never given to WP) ------------- */

/* mmap(NULL, len, READ|WRITE, SHARED|POPULATE, fd, off): *res is the system
   call's result; unless it is an error (-4095 .. -1) the pointer returned
   is fresh memory of len bytes, so disjoint from every object that exists:
   in particular from *r, *p, *res and the mapping r->ring_mem already
   holds (empty while r->ring_len is 0).  r and p are ghost parameters:
   they only name what the mapping is disjoint from. */
/*@ requires \valid(r) && \valid_read(p) && \valid(res);
    assigns *res;
    ensures !(-4095 <= *res < 0) ==>
      \valid(\result + (0 .. len - 1)) &&
      \separated(\result + (0 .. len - 1), r, p, res,
                 r->ring_mem + (0 .. r->ring_len - 1));
*/
char *hr__mmap(int fd, uint64_t len, uint64_t off, long *res)
    /*@ ghost (struct hr_ring *r, const struct io_uring_params *p) */;


/* ---- proved in core/setup.c ---------------------------------------------- */

/* Bind the mapped rings to *r: the typed view (hr__view, trusted T-BIND:
   the casts WP cannot follow), the kernel's ring_mask/ring_entries words
   checked against g (-EIO if one differs), then the SQ/CQ fields of *r:
   entries, masks, shifts, unit counts from g; sqe_head = sqe_tail =
   sqe_limit = the SQ tail, head = the CQ head. */
/*@ requires layout_ok(p, g) && \valid_read(p) && \valid_read(g) && \valid(r);
    requires \valid(r->ring_mem + (0 .. g->ring_len - 1));
    requires \valid(r->sqe_mem + (0 .. g->sqes_len - 1));
    requires \separated(r, r->ring_mem + (0 .. g->ring_len - 1),
                        r->sqe_mem + (0 .. g->sqes_len - 1));
    requires \separated(r, g) && \separated(r, p);
    assigns r->sq, r->cq;
    ensures \result == 0 || \result == -5;
    ensures \result == 0 ==> ring_mem(r, r->sq.entries, r->sq.sqe_units, r->cq.cqe_units) && sq_geom(r) && cq_geom(r) && sq_counters(r);
    ensures \result == 0 ==> cq_flags_ok(r) && (r->cq.kflags == \null <==> g->has_cq_flags == 0);
    ensures \result == 0 ==> r->sq.entries == g->sq_entries && r->cq.entries == g->cq_entries &&
      r->sq.sqe_shift == g->sqe_shift && r->cq.cqe_shift == g->cqe_shift &&
      (r->sq.array == \null <==> g->has_array == 0) &&
      r->sq.sqe_head == r->sq.sqe_tail;
*/
int hr__bind(struct hr_ring *r, const struct io_uring_params *p, const struct hr_layout *g);

/* mmap both regions of ring fd (hr__mmap): fresh memory, disjoint from *r,
   from the caller's params *p and from each other, of exactly the lengths
   asked.  On failure nothing stays mapped (the ring region is unmapped if
   the SQE region fails). */
/*@ requires \valid(r) && \valid_read(p) && \separated(r, p);
    assigns r->ring_mem, r->ring_len, r->sqe_mem, r->sqe_len, HR_UNMAP_LOG;
    ensures -4095 <= \result <= 0;
    ensures kept: \result == 0 ==> hr_ghost_unmaps == \old(hr_ghost_unmaps);
    ensures \result == 0 ==>
      r->ring_len == ring_len && r->sqe_len == sqes_len &&
      \valid(r->ring_mem + (0 .. ring_len - 1)) &&
      \valid(r->sqe_mem + (0 .. sqes_len - 1)) &&
      \separated(r, p, r->ring_mem + (0 .. ring_len - 1), r->sqe_mem + (0 .. sqes_len - 1));
*/
int hr__map_rings(struct hr_ring *r, const struct io_uring_params *p, int fd,
                  uint64_t ring_len, uint64_t sqes_len);

/*@ // a region teardown must unmap: ours (hr__map_rings), not the caller's
    // memory of a NO_MMAP ring, which is recorded with length 0
  predicate owned_map(char *p, uint64_t len) = p != \null && len != 0;

  // the unmaps of a teardown that found the SQE region (s, sl) and the ring
  // region (m, ml): the SQE region, then the ring region, each once with
  // its own length, skipping what is not owned_map; n0 the count before
  predicate unmapped_rings(char *s, uint64_t sl, char *m, uint64_t ml, unsigned n0) =
    (owned_map(s, sl) && owned_map(m, ml) ==>
       hr_ghost_unmaps == (unsigned)(n0 + 2) &&
       hr_ghost_unmap_prev_addr == (uintptr_t)s && hr_ghost_unmap_prev_len == sl &&
       hr_ghost_unmap_addr == (uintptr_t)m && hr_ghost_unmap_len == ml) &&
    (!owned_map(s, sl) && owned_map(m, ml) ==>
       hr_ghost_unmaps == (unsigned)(n0 + 1) &&
       hr_ghost_unmap_addr == (uintptr_t)m && hr_ghost_unmap_len == ml) &&
    (owned_map(s, sl) && !owned_map(m, ml) ==>
       hr_ghost_unmaps == (unsigned)(n0 + 1) &&
       hr_ghost_unmap_addr == (uintptr_t)s && hr_ghost_unmap_len == sl) &&
    (!owned_map(s, sl) && !owned_map(m, ml) ==> hr_ghost_unmaps == n0);
*/

/* munmap whatever hr__map_rings mapped (NULL or 0-length regions are
   skipped): the SQE region, then the ring region, each once, with its own
   length. */
/*@ requires \valid(r);
    assigns r->ring_mem, r->ring_len, r->sqe_mem, r->sqe_len, HR_UNMAP_LOG;
    ensures r->ring_mem == \null && r->sqe_mem == \null;
    ensures unmapped: unmapped_rings(\old(r->sqe_mem), \old(r->sqe_len),
                                     \old(r->ring_mem), \old(r->ring_len),
                                     \old(hr_ghost_unmaps));
*/
void hr__unmap_rings(struct hr_ring *r);

/* ---- public setup / teardown -------------------------------------------- */

/* Ghost log of the kernel boundary (see hr_trusted.h): the last fd closed
   and the number of closes, so that teardown can say which fd it closed. */

/* hr_ring_init_params, and with no_sqarray 0 the request as it is: the
   kernel's SQ array unless p->flags asks for IORING_SETUP_NO_SQARRAY
   (liburing's __io_uring_queue_init_params; the compat layer's entry for
   programs that index sq.array themselves). */
/*@ requires \valid(r) && \valid(p) && \separated(r, p);
    assigns *r, *p, hr_ghost_closed_fd, hr_ghost_closes, HR_UNMAP_LOG;
    ensures \result <= 0;
    ensures ok: \result == 0 ==> ring_ok(r) && cq_flags_ok(r) && r->sq.sqe_head == r->sq.sqe_tail &&
      r->ring_fd >= 0 && r->enter_fd == r->ring_fd && r->enter_flags == 0;
    ensures ok_answer: \result == 0 ==> r->flags == p->flags && r->features == p->features &&
      r->sq.entries == p->sq_entries && r->cq.entries == p->cq_entries;
    ensures ok_sq: \result == 0 ==>
      pow2_ceil(r->sq.entries, (entries < HR_MAX_SQ_ENTRIES ? entries : HR_MAX_SQ_ENTRIES));
    ensures ok_cq: \result == 0 ==> (\old(p->flags) & IORING_SETUP_CQSIZE ?
      pow2_ceil(r->cq.entries, (\old(p->cq_entries) < HR_MAX_CQ_ENTRIES ?
                                \old(p->cq_entries) : HR_MAX_CQ_ENTRIES)) :
      r->cq.entries == 2 * r->sq.entries);
    ensures failed: \result < 0 ==> r->ring_fd == -1 && r->ring_mem == \null;
*/
int hr__ring_init_params(struct hr_ring *r, uint32_t entries, struct io_uring_params *p,
                         uint32_t no_sqarray);

/*@ requires \valid(r) && \valid(p) && \separated(r, p);
    assigns *r, *p, hr_ghost_closed_fd, hr_ghost_closes, HR_UNMAP_LOG;
    ensures \result <= 0;
    ensures ok: \result == 0 ==> ring_ok(r) && cq_flags_ok(r) && r->sq.sqe_head == r->sq.sqe_tail &&
      r->ring_fd >= 0 && r->enter_fd == r->ring_fd && r->enter_flags == 0;
    ensures ok_answer: \result == 0 ==> r->flags == p->flags && r->features == p->features &&
      r->sq.entries == p->sq_entries && r->cq.entries == p->cq_entries;
    ensures ok_sq: \result == 0 ==>
      pow2_ceil(r->sq.entries, (entries < HR_MAX_SQ_ENTRIES ? entries : HR_MAX_SQ_ENTRIES));
    ensures ok_cq: \result == 0 ==> (\old(p->flags) & IORING_SETUP_CQSIZE ?
      pow2_ceil(r->cq.entries, (\old(p->cq_entries) < HR_MAX_CQ_ENTRIES ?
                                \old(p->cq_entries) : HR_MAX_CQ_ENTRIES)) :
      r->cq.entries == 2 * r->sq.entries);
    ensures failed: \result < 0 ==> r->ring_fd == -1 && r->ring_mem == \null;
*/
int hr_ring_init_params(struct hr_ring *r, uint32_t entries, struct io_uring_params *p);

/*@ requires \valid(r);
    assigns *r, hr_ghost_closed_fd, hr_ghost_closes, HR_UNMAP_LOG;
    ensures \result <= 0;
    ensures ok: \result == 0 ==> ring_ok(r) && cq_flags_ok(r) && r->sq.sqe_head == r->sq.sqe_tail &&
      r->ring_fd >= 0 && r->enter_fd == r->ring_fd && r->enter_flags == 0;
    ensures ok_sq: \result == 0 ==>
      pow2_ceil(r->sq.entries, (entries < HR_MAX_SQ_ENTRIES ? entries : HR_MAX_SQ_ENTRIES));
    ensures ok_cq: \result == 0 && !(flags & IORING_SETUP_CQSIZE) ==>
      r->cq.entries == 2 * r->sq.entries;
    ensures failed: \result < 0 ==> r->ring_fd == -1 && r->ring_mem == \null;
*/
int hr_ring_init(struct hr_ring *r, uint32_t entries, uint32_t flags);

/*@ requires \valid(r) && \valid_read(p) && \separated(r, p);
    assigns *r, HR_UNMAP_LOG;
    ensures \result <= 0;
    ensures ok: \result == 0 ==> ring_ok(r) && cq_flags_ok(r) && r->sq.sqe_head == r->sq.sqe_tail &&
      r->ring_fd == fd && r->enter_fd == fd && r->enter_flags == 0 &&
      r->flags == p->flags && r->features == p->features &&
      r->sq.entries == p->sq_entries && r->cq.entries == p->cq_entries;
    ensures failed: \result < 0 ==> r->ring_fd == -1 && r->ring_mem == \null;
*/
int hr_ring_mmap(struct hr_ring *r, int fd, const struct io_uring_params *p);

/* Resize a live ring (IORING_REGISTER_RESIZE_RINGS): publish what was
   handed out, ask, then map the new rings.  Refused before anything (ring
   as it was); the kernel's refusal (ring as it was, its handed-out SQEs
   published); resized (ring_ok on the new geometry, the counters carried
   over); or, after the kernel switched, not live (torn down: the fd closed,
   nothing mapped, the error returned). */
/* the kernel's answer to the resize */
//@ ghost int hr_ghost_resize_ret;
/*@ requires ring_ok(r) && \valid(p) && \separated(r, p);
    requires \separated(p, r->sq.array + (0 .. r->sq.entries - 1), r->sq.ktail);
    assigns *r, *p, r->sq.array[0 .. r->sq.entries - 1], *r->sq.ktail, hr_ghost_resize_ret,
            hr_ghost_closed_fd, hr_ghost_closes,
            hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs, hr_ghost_ringfd, HR_UNMAP_LOG;
    behavior refused:
      assumes r->ring_fd < 0 || r->sqe_len == 0 || r->ring_len == 0 ||
              (p->flags & ~(uint32_t)(IORING_SETUP_CQSIZE | IORING_SETUP_CLAMP)) != 0;
      assigns \nothing;
      ensures \result == -HR_EBADF || \result == -HR_EINVAL;
    behavior asked:
      assumes r->ring_fd >= 0 && r->sqe_len != 0 && r->ring_len != 0 &&
              (p->flags & ~(uint32_t)(IORING_SETUP_CQSIZE | IORING_SETUP_CLAMP)) == 0;
      ensures kernel_refused: hr_ghost_resize_ret < 0 ==> \result == hr_ghost_resize_ret &&
        hr_ghost_reg_fd == \old(r->ring_fd) && hr_ghost_reg_op == HR_REGISTER_RESIZE_RINGS &&
        hr_ghost_regs == (unsigned)(\old(hr_ghost_regs) + 1) &&
        ring_ok(r) && r->sq.sqe_head == r->sq.sqe_tail &&
        r->sq.sqe_tail == \old(r->sq.sqe_tail) && r->cq.head == \old(r->cq.head) &&
        r->ring_fd == \old(r->ring_fd) && r->ring_mem == \old(r->ring_mem);
      ensures resized: \result == 0 ==> ring_ok(r) && cq_flags_ok(r) &&
        r->sq.sqe_head == r->sq.sqe_tail &&
        r->sq.sqe_tail == \old(r->sq.sqe_tail) && r->cq.head == \old(r->cq.head) &&
        r->sq.entries == p->sq_entries && r->cq.entries == p->cq_entries &&
        r->ring_fd == \old(r->ring_fd) && r->flags == \old(r->flags) &&
        hr_ghost_reg_fd == \old(r->ring_fd) && hr_ghost_reg_op == HR_REGISTER_RESIZE_RINGS &&
        hr_ghost_regs == (unsigned)(\old(hr_ghost_regs) + 1);
      ensures not_live: hr_ghost_resize_ret >= 0 && \result != 0 ==> \result < 0 &&
        r->ring_fd == -1 && r->ring_mem == \null && r->sqe_mem == \null &&
        hr_ghost_closed_fd == \old(r->ring_fd);
    complete behaviors;
    disjoint behaviors;
*/
int hr_resize_rings(struct hr_ring *r, struct io_uring_params *p);

/* Tear down: unregister the ring fd if registered, unmap both regions,
   close the ring fd (unless hr_close_ring_fd did).  Exactly once: a second
   call, a call after a failed init, or a call on an all-zero struct does
   nothing.  A ring in caller memory (hr_ring_init_mem: ring_len ==
   sqe_len == 0) is not unmapped: only its fd is closed, the memory stays
   the caller's. */
/*@ requires \valid(r);
    assigns *r, hr_ghost_closed_fd, hr_ghost_closes,
            hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs, hr_ghost_ringfd, HR_UNMAP_LOG;
    behavior live:
      assumes r->ring_mem != \null;
      ensures closed_ring_fd: \old(r->ring_fd) >= 0 ==>
        hr_ghost_closed_fd == \old(r->ring_fd) &&
        hr_ghost_closes == (unsigned)(\old(hr_ghost_closes) + 1);
      ensures fd_closed_before: \old(r->ring_fd) < 0 ==>
        hr_ghost_closes == \old(hr_ghost_closes);
      ensures torn_down: r->ring_fd == -1 && r->ring_mem == \null && r->sqe_mem == \null;
      ensures unregistered: (\old(r->enter_flags) & IORING_ENTER_REGISTERED_RING) != 0 ==>
        hr_ghost_reg_op == (\old(r->ring_fd) >= 0 ? IORING_UNREGISTER_RING_FDS :
          (unsigned)IORING_UNREGISTER_RING_FDS | IORING_REGISTER_USE_REGISTERED_RING) &&
        hr_ghost_regs == (unsigned)(\old(hr_ghost_regs) + 1);
      ensures unmapped: unmapped_rings(\old(r->sqe_mem), \old(r->sqe_len),
                                       \old(r->ring_mem), \old(r->ring_len),
                                       \old(hr_ghost_unmaps));
      ensures never_registered: (\old(r->enter_flags) & IORING_ENTER_REGISTERED_RING) == 0 ==>
        hr_ghost_regs == \old(hr_ghost_regs);
    behavior no_ring:
      assumes r->ring_mem == \null;
      assigns \nothing;
    complete behaviors;
    disjoint behaviors;
*/
void hr_ring_exit(struct hr_ring *r);

#endif
