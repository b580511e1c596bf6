/* bind.c -- TRUSTED (T-MAP, T-BIND in specs/TRUSTED.md).  Never given to WP:
 * the mmap call whose result becomes a pointer, and the typed view of the
 * mapped rings (pointer casts, nothing else).  Every offset, length and
 * error test they rely on is proved in setup.c (hr__layout_check,
 * hr__ring_bytes, hr__map_rings / hr__unmap_rings: the mmap error tests
 * and the unmapping on failure), and so is what is built on the view
 * (hr__bind: the kernel's geometry words checked, the ring's fields and
 * counters set).  Contracts: specs/hr_setup_spec.h, specs/hr_bind_spec.h. */
#include "hr_bind.h"


/* r and p are ghost parameters (specs/hr_setup_spec.h): the mapping is
   disjoint from them and from the ring mapping r->ring_mem. */
char *hr__mmap(int fd, uint64_t len, uint64_t off, long *res)
    /*@ ghost (struct hr_ring *r, const struct io_uring_params *p) */
{
    *res = hr_sys_mmap_shared(fd, len, off);
    return (char *)*res;     /* meaningful unless *res is an error (the caller tests) */
}

void hr__view(struct hr_ring *r, const struct io_uring_params *p, const struct hr_layout *g,
              struct hr_ring_geo *geo)
{
    struct hr_ring_bytes b;

    hr__ring_bytes(r->ring_mem, r->sqe_mem, p, g, &b);
    r->sq.khead     = (uint32_t *)b.sq_head;
    r->sq.ktail     = (uint32_t *)b.sq_tail;
    r->sq.kflags    = (uint32_t *)b.sq_flags;
    r->sq.array     = (uint32_t *)b.sq_array;      /* NULL with NO_SQARRAY */
    r->sq.sqes      = (struct hr_sqe *)b.sqes;
    r->cq.khead     = (uint32_t *)b.cq_head;
    r->cq.ktail     = (uint32_t *)b.cq_tail;
    r->cq.koverflow = (uint32_t *)b.cq_overflow;
    r->cq.cqes      = (struct hr_cqe *)b.cqes;
    r->cq.kflags    = (uint32_t *)b.cq_flags;      /* NULL without cq_off.flags */
    /* acquire: pairs with nothing yet (fresh ring); we are the tail's writer */
    geo->sq_tail    = hr_load_acquire(r->sq.ktail);
    /* acquire: the CQ head is ours from now on; read its initial value once */
    geo->cq_head    = hr_load_acquire(r->cq.khead);
}
