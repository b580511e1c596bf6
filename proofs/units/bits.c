/* WP unit `bits`: proves the lemmas of specs/hr_bits.h once (tactic
 * scripts in proofs/sessions/bits/script: case split on k + Bit-Range,
 * WP's Mod-Mask rewrite).  Every other unit runs with -wp-prop=-@lemma and
 * only uses them.
 *
 * land_mask_mod (hr_bits.h) for each of its 17 masks: x & (2^k - 1) is
 * x mod 2^k for x >= 0, one lemma per k (k = 0 is Qed's), each proved by
 * WP's Mod-Mask tactic (rewrites x & (2^k - 1) to x % 2^k under the
 * guard x >= 0).  They come before hr_bits.h so that its land_mask_mod is
 * proved from them; no other unit sees them. */
#include <stdint.h>
/*@
  lemma land_mask_1: \forall integer x; 0 <= x ==> (x & 1) == x % 2;
  lemma land_mask_2: \forall integer x; 0 <= x ==> (x & 3) == x % 4;
  lemma land_mask_3: \forall integer x; 0 <= x ==> (x & 7) == x % 8;
  lemma land_mask_4: \forall integer x; 0 <= x ==> (x & 15) == x % 16;
  lemma land_mask_5: \forall integer x; 0 <= x ==> (x & 31) == x % 32;
  lemma land_mask_6: \forall integer x; 0 <= x ==> (x & 63) == x % 64;
  lemma land_mask_7: \forall integer x; 0 <= x ==> (x & 127) == x % 128;
  lemma land_mask_8: \forall integer x; 0 <= x ==> (x & 255) == x % 256;
  lemma land_mask_9: \forall integer x; 0 <= x ==> (x & 511) == x % 512;
  lemma land_mask_10: \forall integer x; 0 <= x ==> (x & 1023) == x % 1024;
  lemma land_mask_11: \forall integer x; 0 <= x ==> (x & 2047) == x % 2048;
  lemma land_mask_12: \forall integer x; 0 <= x ==> (x & 4095) == x % 4096;
  lemma land_mask_13: \forall integer x; 0 <= x ==> (x & 8191) == x % 8192;
  lemma land_mask_14: \forall integer x; 0 <= x ==> (x & 16383) == x % 16384;
  lemma land_mask_15: \forall integer x; 0 <= x ==> (x & 32767) == x % 32768;
  lemma land_mask_16: \forall integer x; 0 <= x ==> (x & 65535) == x % 65536;
*/
#include "hr_bits.h"
