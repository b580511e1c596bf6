/* WP unit `bits`: proves the lemmas of specs/hr_bits.h once (tactic
 * scripts in proofs/sessions/bits/script: case split on k + Bit-Range).
 * Every other unit runs with -wp-prop=-@lemma and only uses them. */
#include "hr_bits.h"
