/* WP unit `wait`: the waiting and completion API of core/hr_wait.h
 * (static inline functions are proved in this translation unit). */
#include "hringas.h"
