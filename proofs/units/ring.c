/* WP unit `ring`: the SQ/CQ protocol of core/hr_ring.h (static inline
 * functions are proved in this translation unit). */
#include "hringas.h"
