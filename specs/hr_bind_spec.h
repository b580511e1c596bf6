/* hr_bind_spec.h -- contract of hr__view (TRUSTED, T-BIND; body core/bind.c,
 * never given to WP).  Included by core/hr_bind.h only. */
#ifndef HRINGAS_SPEC_BIND_H
#define HRINGAS_SPEC_BIND_H

/* The typed view of the two mappings, once the sizes in r are set: the
   pointer fields of r->sq and r->cq, made from the byte addresses hr__ring_bytes computes (proved valid and
   disjoint at byte level), and the initial SQ tail and CQ head (one acquire load each; the kernel
   writes neither: K-SQTAIL, K-CQHEAD, so the words still hold them).  The
   casts `char *` -> `uint32_t *`, `struct hr_sqe *`, `struct hr_cqe *`
   are what WP's Typed model cannot follow. */
/*@ requires layout_ok(p, g) && \valid_read(p) && \valid_read(g) && \valid(r) && \valid(geo);
    requires \valid(r->ring_mem + (0 .. g->ring_len - 1));
    requires \valid(r->sqe_mem + (0 .. g->sqes_len - 1));
    requires \separated(r, geo, r->ring_mem + (0 .. g->ring_len - 1),
                        r->sqe_mem + (0 .. g->sqes_len - 1));
    requires r->sq.entries == g->sq_entries && r->sq.sqe_units == units(g->sq_entries, g->sqe_shift) &&
             r->cq.cqe_units == units(g->cq_entries, g->cqe_shift);
    assigns r->sq.khead, r->sq.ktail, r->sq.kflags, r->sq.array, r->sq.sqes,
            r->cq.khead, r->cq.ktail, r->cq.koverflow, r->cq.cqes, r->cq.kflags, *geo;
    ensures view: ring_mem(r, r->sq.entries, r->sq.sqe_units, r->cq.cqe_units) && cq_flags_ok(r);
    ensures array: r->sq.array == \null <==> g->has_array == 0;
    ensures cq_flags: r->cq.kflags == \null <==> g->has_cq_flags == 0;
    ensures counters: geo->sq_tail == *r->sq.ktail && geo->cq_head == *r->cq.khead;
*/
void hr__view(struct hr_ring *r, const struct io_uring_params *p, const struct hr_layout *g,
              struct hr_ring_geo *geo);

#endif
