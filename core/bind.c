/* bind.c -- TRUSTED (T-MAP, T-BIND in specs/TRUSTED.md).  Never given to WP:
 * the mmap call whose result becomes a pointer, and the casts from the
 * proved byte addresses to typed pointers -- nothing else.  Every offset,
 * length, error test and check they rely on is proved in setup.c
 * (hr__layout_check, hr__ring_bytes, hr__map_rings: the mmap error tests
 * and the unmapping on failure, hr__bind: the kernel's geometry
 * cross-check and every other field of the ring).  Contracts:
 * specs/hr_setup_spec.h. */
#include "hringas.h"


uint8_t *hr__mmap(struct hr_ring *r, const struct io_uring_params *p, int fd,
                  uint64_t len, uint64_t off, long *res)
{
    (void)r;                 /* specification-only: the mapping is disjoint from */
    (void)p;                 /* them and from the ring mapping r->ring_mem       */
    *res = hr_sys_mmap_shared(fd, len, off);
    return (uint8_t *)*res;  /* meaningful unless *res is an error (the caller tests) */
}

void hr__bind_view(struct hr_ring *r, const struct io_uring_params *p,
                   const struct hr_layout *g, struct hr_geom_words *w)
{
    struct hr_ring_bytes b;

    hr__ring_bytes(r->ring_mem, r->sqe_mem, p, g, &b);
    r->sq.khead     = (uint32_t *)b.sq_head;
    r->sq.ktail     = (uint32_t *)b.sq_tail;
    r->sq.kflags    = (uint32_t *)b.sq_flags;
    r->sq.array     = (uint32_t *)b.sq_array;     /* NULL without the SQ array */
    r->sq.sqes      = (struct hr_sqe *)b.sqes;
    r->cq.khead     = (uint32_t *)b.cq_head;
    r->cq.ktail     = (uint32_t *)b.cq_tail;
    r->cq.koverflow = (uint32_t *)b.cq_overflow;
    r->cq.cqes      = (struct hr_cqe *)b.cqes;
    r->cq.kflags    = (uint32_t *)b.cq_flags;     /* NULL without cq_off.flags */
    w->sq_mask      = (uint32_t *)b.sq_mask;
    w->sq_entries   = (uint32_t *)b.sq_entries;
    w->cq_mask      = (uint32_t *)b.cq_mask;
    w->cq_entries   = (uint32_t *)b.cq_entries;
    /* acquire: pairs with nothing yet (fresh ring); we are the SQ tail's
       writer and the CQ head is ours from now on: read each once */
    r->sq.sqe_head  = r->sq.sqe_tail = hr_load_acquire(r->sq.ktail);
    r->sq.sqe_limit = r->sq.sqe_head;     /* no room cached: the first
                                             get_sqe reads the SQ head */
    r->cq.head      = hr_load_acquire(r->cq.khead);
}
