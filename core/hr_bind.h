/* hr_bind.h -- the typed view of the mapped rings: internal to core/setup.c
 * (hr__bind, proved) and core/bind.c (hr__view, trusted T-BIND). */
#ifndef HRINGAS_BIND_H
#define HRINGAS_BIND_H

#include "hringas.h"

/* What hr__view hands hr__bind besides the pointers of the ring: where the
   kernel's own copy of the geometry lies in the ring mapping (sq/cq
   ring_mask and ring_entries, read once by hr__bind), and the initial SQ
   tail and CQ head, read once (acquire) by hr__view. */
struct hr_ring_geo {
    uint32_t *sq_mask, *sq_entries, *cq_mask, *cq_entries;
    uint32_t sq_tail, cq_head;
};

#include "hr_bind_spec.h"

#endif
