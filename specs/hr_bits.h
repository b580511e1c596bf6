/* hr_bits.h -- ACSL vocabulary for ring arithmetic: u32 wrap-around, masks,
 * slots.  Pure specification: the compiler sees only comments.
 *
 * One axiomatic block is TRUSTED (specs/TRUSTED.md, A-WRAP): Frama-C 25 +
 * Why3 1.5.1 give the SMT solvers no usable semantics for the C conversion
 * of an out-of-range integer to uint32_t.  Its two axioms restate C11 facts
 * and are checked by tests/test_axioms.c on a dense sample.  (WP's Overflow
 * tactic, which could prove them, is not used: in Frama-C 25 its "Lower"
 * case rewrites (uint32_t)x to x % 2^32 with C's truncating '%', which
 * "proves" (uint32_t)-1 == -1.)  Every lemma below is proved by WP in proof
 * unit `bits` (land_mask_mod from per-mask lemmas proved by WP's Mod-Mask
 * rewrite, proofs/units/bits.c; the others with tactic scripts) and only
 * used elsewhere.
 */
#ifndef HRINGAS_SPEC_BITS_H
#define HRINGAS_SPEC_BITS_H

#include <stdint.h>

#define HR_MAX_SHIFT 16u   /* 65536 entries == IORING_MAX_CQ_ENTRIES */

/*@
  // A-WRAP: C11 6.3.1.3p2 on the range one u32 '+' or '-' can reach.
  axiomatic TrustedU32Wrap {
    axiom u32_wrap_hi: \forall integer x;
      0x100000000 <= x < 0x200000000 ==> (uint32_t)x == x - 0x100000000;
    axiom u32_wrap_lo: \forall integer x;
      -0x100000000 <= x < 0 ==> (uint32_t)x == x + 0x100000000;
  }

  // m == 2^k - 1 for some 0 <= k <= 16, spelled as constants so that the
  // mask lemma instantiates both on symbolic masks and after a case split.
  predicate is_mask(integer m) =
    m == 0 || m == 1 || m == 3 || m == 7 || m == 15 || m == 31 || m == 63 ||
    m == 127 || m == 255 || m == 511 || m == 1023 || m == 2047 ||
    m == 4095 || m == 8191 || m == 16383 || m == 32767 || m == 65535;

  // for m = 2^k - 1, x & m is x mod 2^k (two's complement, x >= 0)
  lemma land_mask_mod: \forall integer x, m;
    0 <= x ==> is_mask(m) ==> (x & m) == x % (m + 1);

  // e == 2^k entries, 1 <= e <= 65536
  predicate ring_size(integer e, integer k) = 0 <= k <= 16 && e == (1 << k);

  // The kernel's view of a ring position: counter x lives in slot x & (2^k-1).
  // Specs say slot(), never '&': a named symbol gives the SMT solvers a
  // trigger that '&' (AC-normalised by Qed) does not.
  logic integer slot(integer x, integer k) = x & ((1 << k) - 1);

  // x + j modulo 2^32, named for the same reason.
  logic integer u32_add(integer x, integer j) = (uint32_t)(x + j);

  // Distance from a to b on the u32 circle: how far b is ahead of a.
  logic integer u32_dist(integer a, integer b) = (uint32_t)(b - a);

  // The slot j positions after slot `first` in a ring of e slots, without %.
  logic integer ring_slot(integer first, integer j, integer e) =
    first + j < e ? first + j : first + j - e;

  // How many slots after `first` slot i is, in a ring of e slots.
  logic integer ring_off(integer first, integer i, integer e) =
    i >= first ? i - first : i - first + e;

  lemma ring_size_bounds: \forall integer k; 0 <= k <= 16 ==>
      1 <= (1 << k) <= 65536;

  // proved by case split on k + Bit-Range (no axiom needed)
  lemma mask_bound: \forall integer x, k; 0 <= x ==> 0 <= k <= 16 ==>
      0 <= (x & ((1 << k) - 1)) < (1 << k);
  // per k: linear arithmetic modulo a constant, from A-WRAP and land_mask_mod
  lemma mask_add: \forall integer x, j, k;
      0 <= x <= 0xffffffff ==> 0 <= k <= 16 ==> 0 <= j < (1 << k) ==>
      ((uint32_t)(x + j) & ((1 << k) - 1)) ==
        ring_slot(x & ((1 << k) - 1), j, 1 << k);

  // the same facts on slot(), the form the code proofs use
  lemma slot_bound: \forall integer x, k; 0 <= x ==> 0 <= k <= 16 ==>
      0 <= slot(x, k) < (1 << k);
  lemma slot_add: \forall integer x, j, k;
      0 <= x <= 0xffffffff ==> 0 <= k <= 16 ==> 0 <= j < (1 << k) ==>
      slot(u32_add(x, j), k) == ring_slot(slot(x, k), j, 1 << k);
*/

#endif
