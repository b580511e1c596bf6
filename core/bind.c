/* bind.c -- TRUSTED (T-MAP, T-BIND in specs/TRUSTED.md).  Never given to WP:
 * the mmap calls whose results become pointers, and the casts from the
 * proved byte addresses to typed pointers -- nothing else.  Every offset,
 * length and check they rely on is proved in setup.c (hr__layout_check,
 * hr__ring_bytes, and hr__bind: the kernel's geometry cross-check and
 * every other field of the ring).  Contracts: specs/hr_setup_spec.h. */
#include "hringas.h"


int hr__map_rings(struct hr_ring *r, const struct io_uring_params *p, int fd,
                  uint64_t ring_len, uint64_t sqes_len)
{
    long m;

    (void)p;                 /* specification-only: the mapping is disjoint from it */

    r->ring_mem = 0;
    r->sqe_mem = 0;
    r->ring_len = 0;
    r->sqe_len = 0;
    m = hr_sys_mmap_shared(fd, ring_len, IORING_OFF_SQ_RING);
    if (m < 0 && m >= -4095)
        return (int)m;
    r->ring_mem = (uint8_t *)m;
    r->ring_len = ring_len;
    m = hr_sys_mmap_shared(fd, sqes_len, IORING_OFF_SQES);
    if (m < 0 && m >= -4095) {
        hr_sys_munmap(r->ring_mem, ring_len);
        r->ring_mem = 0;
        r->ring_len = 0;
        return (int)m;
    }
    r->sqe_mem = (uint8_t *)m;
    r->sqe_len = sqes_len;
    return 0;
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
}
