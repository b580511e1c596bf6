/* hr_atomic.h -- bodies of the shared-word accessors (TRUSTED, T-ATOMIC;
 * contracts in specs/hr_trusted.h).  Hidden from Frama-C, which has no model
 * of __atomic builtins.  Each call site says which kernel access it pairs
 * with; specs/TRUSTED.md has the table. */
#ifndef HRINGAS_ATOMIC_H
#define HRINGAS_ATOMIC_H

#include "hr_compiler.h"
#include <stdint.h>
HR_BEGIN_DECLS
#ifndef __FRAMAC__

static inline uint32_t hr_load_acquire(uint32_t *p)
{
    return __atomic_load_n(p, __ATOMIC_ACQUIRE);
}


static inline void hr_store_release(uint32_t *p, uint32_t v)
{
    __atomic_store_n(p, v, __ATOMIC_RELEASE);
}

static inline void hr_store_release16(uint16_t *p, uint16_t v)
{
    __atomic_store_n(p, v, __ATOMIC_RELEASE);
}

static inline void hr_fence_full(void)
{
    __atomic_thread_fence(__ATOMIC_SEQ_CST);
}

#endif
HR_END_DECLS
#endif
