/* hr_bufring_spec.h -- provided-buffer rings ("ring-mapped provided
 * buffers", IORING_REGISTER_PBUF_RING): the caller-owned state, its ACSL
 * invariant and the contracts of the static inline hot path (bodies:
 * core/hr_bufring.h, proved by WP in proofs unit `bufring`).
 *
 * The shared ring is an array of `entries` struct hr_buf (16 bytes each) in
 * memory the caller provides.  We write entries and the u16 tail (overlaid
 * on bufs[0].resv); the kernel reads them and keeps its head to itself.
 * Our tail is a u16 that wraps at 2^16 (the kernel compares head != tail
 * as u16), and the slot of counter c is c & mask.  Every contract below is
 * stated for ANY u16 tail and offset, wrap included.
 *
 * Nothing here is trusted: the code reduces its u16 sums with % 0x10000,
 * which WP models exactly.
 */
#ifndef HRINGAS_SPEC_BUFRING_H
#define HRINGAS_SPEC_BUFRING_H

#include "hr_ring_spec.h"



/*@
  // x + j modulo 2^16 (the code reduces the non-negative int sum with %,
  // so no axiom about the conversion to uint16_t is needed), named so
  // that the provers get a trigger.
  logic integer u16_add(integer x, integer j) = (x + j) % 0x10000;

  // A usable buffer ring: 2^k entries (k <= 15), all valid, none of them
  // overlapping the state itself.
  predicate bufring_ok{L}(struct hr_buf_ring_state *s) =
    \valid(s) && ring_size(s->entries, s->shift) && s->shift <= 15 &&
    s->mask == s->entries - 1 &&
    \valid(s->bufs + (0 .. s->entries - 1)) &&
    \separated(s, s->bufs + (0 .. s->entries - 1));

  // The slot hr_buf_ring_add(s, .., offset) writes: counter tail + offset
  // (mod 2^16), masked.
  logic integer buf_slot{L}(struct hr_buf_ring_state *s, integer off) =
    slot(u16_add(s->tail, off), s->shift);
*/

/* liburing io_uring_buf_ring_mask: the mask of a ring of `entries`
   (a power of two); 0 for 0. */
/*@ assigns \nothing;
    ensures entries >= 1 ==> \result == entries - 1;
    ensures entries == 0 ==> \result == 0;
*/
static inline uint32_t hr_buf_ring_mask(uint32_t entries);

/* Set up the state over caller memory of `entries` struct hr_buf and reset
   the tail to 0 (ours and the shared one).  Nothing else of the array is
   touched: the kernel reads only entries between its head and our tail.
   -EINVAL: mem NULL, or entries not a power of two in 1 .. 32768.
   Call it before the group is registered (hr_setup_buf_ring does): the
   kernel's head is not reset with our tail.  The kernel additionally wants
   mem page-aligned (hr_setup_buf_ring). */
/*@ requires \valid(s);
    requires mem == \null || \valid(mem + (0 .. entries - 1));
    requires mem == \null || \separated(s, mem + (0 .. entries - 1));
    assigns *s, mem[0].resv;
    ensures ok: \result == 0 ==> bufring_ok(s) && s->bufs == mem &&
      s->entries == entries && s->tail == 0 && mem[0].resv == 0;
    ensures bad: \result != 0 ==> \result == -HR_EINVAL;
    ensures \result == 0 <==> (mem != \null &&
      \exists integer k; 0 <= k <= 15 && entries == (1 << k));
*/
static inline int hr_buf_ring_init(struct hr_buf_ring_state *s, struct hr_buf *mem,
                                   uint32_t entries);

/* liburing io_uring_buf_ring_add: fill the entry `offset` slots after the
   tail (not yet visible to the kernel; publish with hr_buf_ring_advance).
   Writes addr, len and bid of exactly that slot and nothing else -- in
   particular never a resv field, so the shared tail in bufs[0].resv is
   untouched.  u16 arithmetic: no overflow for any tail and offset. */
/*@ requires bufring_ok(s);
    assigns s->bufs[buf_slot(s, offset)].addr, s->bufs[buf_slot(s, offset)].len,
            s->bufs[buf_slot(s, offset)].bid;
    ensures bufring_ok(s);
    ensures in_ring: 0 <= buf_slot{Old}(s, offset) < s->entries;
    ensures wrap: buf_slot{Old}(s, offset) ==
      slot((\old(s->tail) + offset) % 0x10000, s->shift);
    ensures entry: s->bufs[buf_slot{Old}(s, offset)].addr == (uint64_t)(uintptr_t)addr &&
                   s->bufs[buf_slot{Old}(s, offset)].len == len &&
                   s->bufs[buf_slot{Old}(s, offset)].bid == bid;
    ensures tail_kept: s->bufs[0].resv == \old(s->bufs[0].resv) && s->tail == \old(s->tail);
*/
static inline void hr_buf_ring_add(struct hr_buf_ring_state *s, void *addr, uint32_t len,
                                   uint16_t bid, uint16_t offset);

/* liburing io_uring_buf_ring_advance: make `count` added entries visible:
   tail += count (mod 2^16), then ONE release store of the tail. */
/*@ requires bufring_ok(s);
    assigns s->tail, s->bufs[0].resv;
    ensures bufring_ok(s);
    ensures tail: s->tail == u16_add(\old(s->tail), count);
    ensures wrap: s->tail == (\old(s->tail) + count) % 0x10000;
    ensures published: s->bufs[0].resv == s->tail;
*/
static inline void hr_buf_ring_advance(struct hr_buf_ring_state *s, uint16_t count);

/* liburing io_uring_buf_ring_cq_advance: hand `count` buffers back and mark
   `count` CQEs seen: two release stores (buffer tail, then CQ head). */
/*@ requires ring_ok(r) && bufring_ok(s);
    requires \separated(s, s->bufs + (0 .. s->entries - 1), r, r->sq.ktail, r->cq.khead);
    assigns s->tail, s->bufs[0].resv, r->cq.head, *r->cq.khead;
    ensures ring_ok(r) && bufring_ok(s);
    ensures tail: s->tail == u16_add(\old(s->tail), count) && s->bufs[0].resv == s->tail;
    ensures cq: r->cq.head == u32_add(\old(r->cq.head), count) && *r->cq.khead == r->cq.head;
*/
static inline void hr_buf_ring_cq_advance(struct hr_ring *r, struct hr_buf_ring_state *s,
                                          uint16_t count);

/* The buffer id the kernel picked for this CQE (IORING_CQE_F_BUFFER set:
   the upper 16 bits of flags), else -ENOENT. */
/*@ requires \valid_read(cqe);
    assigns \nothing;
    behavior has_buffer:
      assumes (cqe->flags & IORING_CQE_F_BUFFER) != 0;
      // bits 16..31 of flags (the conversion only states the range)
      ensures \result == (uint16_t)(cqe->flags >> IORING_CQE_BUFFER_SHIFT);
      ensures 0 <= \result <= 0xffff;
    behavior no_buffer:
      assumes (cqe->flags & IORING_CQE_F_BUFFER) == 0;
      ensures \result == -HR_ENOENT;
    complete behaviors;
    disjoint behaviors;
*/
static inline int hr_cqe_buffer_id(const struct hr_cqe *cqe);

#endif
