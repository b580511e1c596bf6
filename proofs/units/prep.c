/* WP unit `prep`: the prep helpers of core/hr_prep.h (static inline
 * functions are proved in this translation unit; select them with -wp-fct). */
#include "hringas.h"
