/* hr_bind.h -- the typed view of the mapped rings: internal to core/setup.c
 * (hr__bind, proved) and core/bind.c (hr__view, trusted T-BIND). */
#ifndef HRINGAS_BIND_H
#define HRINGAS_BIND_H

/* what setup.c (proof unit setup) and bind.c need, not hringas.h: see
   proofs/units/ring.c */
#include "hr_compiler.h"
HR_BEGIN_DECLS
#include "hr_abi.h"
#include "hr_types.h"
#include "hr_trusted.h"
#include "hr_setup.h"
#include "hr_ring.h"
#include "hr_register.h"

/* What hr__view hands hr__bind besides the pointers of the ring: the
   initial SQ tail and CQ head, read once (acquire) by hr__view.  (The
   kernel's geometry words hr__bind reads as bytes, with no typed view.) */
struct hr_ring_geo {
    uint32_t sq_tail, cq_head;
};

#include "hr_bind_spec.h"
HR_END_DECLS

#endif
