/* WP unit `ring`: the SQ/CQ protocol of core/hr_ring.h (static inline
 * functions are proved in this translation unit). */
/* Only the headers this unit proves and what they need: a unit's result
 * is keyed by the program Frama-C parses, so including hringas.h would
 * make every header's change re-run this unit.  That the headers agree
 * with each other is checked by proofs/prove.sh, which parses hringas.h
 * as a whole. */
#include "hr_abi.h"
#include "hr_types.h"
#include "hr_trusted.h"
#include "hr_ring.h"
#include "hr_api.h"
