/* WP unit `bufring`: provided-buffer rings, core/hr_bufring.h (static
 * inline functions are proved in this translation unit). */
#include "hringas.h"
