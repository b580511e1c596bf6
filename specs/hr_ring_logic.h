/* hr_ring_logic.h -- what a valid ring is, in ACSL.  Pure specification.
 *
 * ring_ok(r) is the invariant every core function requires and preserves.
 * It is established by hr_ring_init (proved in proofs unit `setup` from the
 * geometry check) and is all the SQ/CQ proofs assume about the mappings.
 * Nothing in it constrains a word the kernel writes (SQ head, SQ flags,
 * CQ tail, CQ overflow, CQE contents): proofs hold for any value there.
 */
#ifndef HRINGAS_SPEC_RING_LOGIC_H
#define HRINGAS_SPEC_RING_LOGIC_H

#include "hr_bits.h"
#include "hr_types.h"

/*@
  // entries of e slots of 2^s units each (s is 0 or 1: SQE128 / CQE32)
  logic integer units(integer e, integer s) = s == 0 ? e : 2 * e;

  predicate sq_geom{L}(struct hr_ring *r) =
    ring_size(r->sq.entries, r->sq.shift) && r->sq.shift <= 15 &&
    r->sq.mask == r->sq.entries - 1 &&
    (r->sq.sqe_shift == 0 || r->sq.sqe_shift == 1) &&
    r->sq.sqe_units == units(r->sq.entries, r->sq.sqe_shift);

  predicate cq_geom{L}(struct hr_ring *r) =
    ring_size(r->cq.entries, r->cq.shift) &&
    r->cq.mask == r->cq.entries - 1 &&
    (r->cq.cqe_shift == 0 || r->cq.cqe_shift == 1) &&
    r->cq.cqe_units == units(r->cq.entries, r->cq.cqe_shift);

  // Every location the core touches is valid, and every pair of them is
  // disjoint (the geometry check proves the offsets distinct and aligned).
  // The lengths are parameters, so that the predicate reads no integer
  // memory: after a store to a shared word (uint32 memory) it is the same
  // atom as before, and the frame reasoning is left to three field reads.
  predicate ring_mem{L}(struct hr_ring *r, integer sq_entries,
                        integer sqe_units, integer cqe_units) =
    \valid(r) &&
    \valid(r->sq.khead) && \valid(r->sq.ktail) && \valid(r->sq.kflags) &&
    \valid(r->cq.khead) && \valid(r->cq.ktail) && \valid(r->cq.koverflow) &&
    \valid(r->sq.sqes + (0 .. sqe_units - 1)) &&
    \valid(r->cq.cqes + (0 .. cqe_units - 1)) &&
    \separated(r, r->sq.khead, r->sq.ktail, r->sq.kflags,
               r->cq.khead, r->cq.ktail, r->cq.koverflow,
               r->sq.sqes + (0 .. sqe_units - 1),
               r->cq.cqes + (0 .. cqe_units - 1)) &&
    (r->sq.array == \null ||
      (\valid(r->sq.array + (0 .. sq_entries - 1)) &&
       \separated(r->sq.array + (0 .. sq_entries - 1),
                  r, r->sq.khead, r->sq.ktail, r->sq.kflags,
                  r->cq.khead, r->cq.ktail, r->cq.koverflow,
                  r->sq.sqes + (0 .. sqe_units - 1),
                  r->cq.cqes + (0 .. cqe_units - 1))));

  // The CQ flags word (IORING_CQ_EVENTFD_DISABLED), apart from ring_ok:
  // absent (NULL), or valid and disjoint from everything ring_mem names.
  predicate cq_flags_ok{L}(struct hr_ring *r) =
    r->cq.kflags == \null ||
    (\valid(r->cq.kflags) &&
     \separated(r->cq.kflags, r, r->sq.khead, r->sq.ktail, r->sq.kflags,
                r->cq.khead, r->cq.ktail, r->cq.koverflow,
                r->sq.sqes + (0 .. r->sq.sqe_units - 1),
                r->cq.cqes + (0 .. r->cq.cqe_units - 1)) &&
     (r->sq.array == \null ||
      \separated(r->cq.kflags, r->sq.array + (0 .. r->sq.entries - 1))));

  // Our own counters: the published tail is sqe_head (the kernel never
  // writes the SQ tail: trusted K-SQTAIL); the SQEs handed out and not yet
  // published lie between sqe_head and the cached limit, which is at most
  // `entries` ahead of sqe_head, whatever the kernel writes.
  predicate sq_counters{L}(struct hr_ring *r) =
    *r->sq.ktail == r->sq.sqe_head &&
    u32_dist(r->sq.sqe_head, r->sq.sqe_tail) <=
      u32_dist(r->sq.sqe_head, r->sq.sqe_limit) &&
    u32_dist(r->sq.sqe_head, r->sq.sqe_limit) <= r->sq.entries;

  predicate ring_ok{L}(struct hr_ring *r) =
    ring_mem(r, r->sq.entries, r->sq.sqe_units, r->cq.cqe_units) &&
    sq_geom(r) && cq_geom(r) && sq_counters(r);

  // Between two states, nothing of the ring's own description changed:
  // pointers, geometry, setup flags.  (Counters are stated separately.)
  predicate ring_fixed{L1, L2}(struct hr_ring *r) =
    \at(r->sq.khead, L1) == \at(r->sq.khead, L2) &&
    \at(r->sq.ktail, L1) == \at(r->sq.ktail, L2) &&
    \at(r->sq.kflags, L1) == \at(r->sq.kflags, L2) &&
    \at(r->sq.array, L1) == \at(r->sq.array, L2) &&
    \at(r->sq.sqes, L1) == \at(r->sq.sqes, L2) &&
    \at(r->sq.entries, L1) == \at(r->sq.entries, L2) &&
    \at(r->sq.mask, L1) == \at(r->sq.mask, L2) &&
    \at(r->sq.shift, L1) == \at(r->sq.shift, L2) &&
    \at(r->sq.sqe_shift, L1) == \at(r->sq.sqe_shift, L2) &&
    \at(r->sq.sqe_units, L1) == \at(r->sq.sqe_units, L2) &&
    \at(r->cq.khead, L1) == \at(r->cq.khead, L2) &&
    \at(r->cq.ktail, L1) == \at(r->cq.ktail, L2) &&
    \at(r->cq.koverflow, L1) == \at(r->cq.koverflow, L2) &&
    \at(r->cq.cqes, L1) == \at(r->cq.cqes, L2) &&
    \at(r->cq.entries, L1) == \at(r->cq.entries, L2) &&
    \at(r->cq.mask, L1) == \at(r->cq.mask, L2) &&
    \at(r->cq.shift, L1) == \at(r->cq.shift, L2) &&
    \at(r->cq.cqe_shift, L1) == \at(r->cq.cqe_shift, L2) &&
    \at(r->cq.cqe_units, L1) == \at(r->cq.cqe_units, L2) &&
    \at(r->flags, L1) == \at(r->flags, L2);

  // CQE equality field by field (struct '==' makes WP record terms that
  // loop invariants time out on).
  predicate same_cqe{L1, L2}(struct hr_cqe *a, struct hr_cqe *b) =
    \at(a->user_data, L1) == \at(b->user_data, L2) &&
    \at(a->res, L1) == \at(b->res, L2) &&
    \at(a->flags, L1) == \at(b->flags, L2);
*/

#endif
