/* WP unit `strerror`: hr_strerror (core/strerror.c), contract
 * specs/hr_strerror_spec.h.  The errno names (core/errnames.c) are not
 * part of the unit: the proof does not depend on them. */
#include "../../core/strerror.c"
