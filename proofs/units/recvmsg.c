/* WP unit `recvmsg`: the multishot recvmsg parsers, core/hr_recvmsg.h
 * (static inline functions are proved in this translation unit). */
#include "hringas.h"
