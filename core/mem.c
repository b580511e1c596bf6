/* mem.c -- rings in caller memory (IORING_SETUP_NO_MMAP): the size the
 * kernel needs, and setup on the caller's buffer.  Proved by WP (unit
 * `mem`, with -warn-unsigned-overflow: no wrap is intended here).
 * Contracts: specs/hr_mem_spec.h. */
/* what it proves and needs only (its proof unit is this file; see
   proofs/units/ring.c for why not hringas.h) */
#include "hr_compiler.h"
#include "hr_abi.h"
#include "hr_types.h"
#include "hr_trusted.h"
#include "hr_mem.h"


/* The sizes of one request, as the kernel will make them. */
struct mem_layout {
    uint32_t sq_entries, cq_entries;
    uint64_t sqes_region;      /* the SQEs, page-aligned: at offset 0      */
    uint64_t rings_region;     /* the rings, page-aligned: at sqes_region  */
};

/* roundup_pow_of_two(w) for 1 <= w <= 65536 */
/*@ requires 1 <= w <= 65536;
    assigns \nothing;
    ensures \result == pow2_up(w, 1);
    ensures w <= \result <= 65536 && pow2_16(\result);
*/
static uint32_t mem_pow2_up(uint32_t w)
{
    uint32_t e = 1;
    /*@ loop invariant pow2_16(e) && 1 <= e < 2 * w;
        loop invariant pow2_up(w, e) == pow2_up(w, 1);
        loop assigns e;
        loop variant w - e;
    */
    while (e < w)
        e = 2 * e;
    return e;
}

/* n rounded up to a multiple of a: mem_align */
/*@ requires 0 <= n <= 0x10000000 && 1 <= a <= 0x10000;
    assigns \nothing;
    ensures \result == mem_align(n, a);
    ensures n <= \result < n + a;
*/
static uint64_t mem_align_up(uint64_t n, uint64_t a)
{
    return (n + a - 1) / a * a;
}

/* The request's sizes: 0 and *m filled, or -EINVAL. */
/*@ requires \valid(m);
    assigns *m;
    ensures \result == 0 || \result == -HR_EINVAL;
    ensures ok: \result == 0 <==> mem_entries_ok(entries, cq_entries, flags);
    ensures entries: \result == 0 ==> m->sq_entries == mem_sq(entries) &&
      m->cq_entries == mem_cq(entries, cq_entries, flags) &&
      1 <= m->sq_entries <= HR_MAX_SQ_ENTRIES && 1 <= m->cq_entries <= HR_MAX_CQ_ENTRIES;
    ensures regions: \result == 0 ==>
      m->sqes_region == mem_sqes_region(m->sq_entries, flags) &&
      m->rings_region == mem_rings_region(m->sq_entries, m->cq_entries, flags) &&
      k_sqes_size(m->sq_entries, flags) <= m->sqes_region &&
      k_rings_size(m->sq_entries, m->cq_entries, flags) <= m->rings_region &&
      m->sqes_region + m->rings_region <= HR_MEM_MAX;
*/
static int mem_layout(uint32_t entries, uint32_t cq_entries, uint32_t flags,
                      struct mem_layout *m)
{
    const uint32_t clamp = flags & IORING_SETUP_CLAMP;
    uint32_t sq, cq;

    if (entries == 0 || (entries > HR_MAX_SQ_ENTRIES && !clamp))
        return -HR_EINVAL;
    sq = mem_pow2_up(entries < HR_MAX_SQ_ENTRIES ? entries : HR_MAX_SQ_ENTRIES);
    if (flags & IORING_SETUP_CQSIZE) {
        if (cq_entries == 0 || (cq_entries > HR_MAX_CQ_ENTRIES && !clamp))
            return -HR_EINVAL;
        cq = mem_pow2_up(cq_entries < HR_MAX_CQ_ENTRIES ? cq_entries : HR_MAX_CQ_ENTRIES);
        if (cq < sq)
            return -HR_EINVAL;                   /* the kernel refuses it too */
    } else {
        cq = 2 * sq;
    }

    /* The kernel's rings_size: header + CQEs (the whole doubled with
       CQE32), cache-line aligned, then the SQ array.  64-bit arithmetic,
       products by constants only. */
    const uint64_t cq_part = 16u * (uint64_t)cq + HR_KRING_HDR;
    uint64_t rings = (flags & IORING_SETUP_CQE32) ? 2u * cq_part : cq_part;
    rings = mem_align_up(rings, HR_SMP_CACHE_BYTES);
    if (!(flags & IORING_SETUP_NO_SQARRAY))
        rings += 4u * (uint64_t)sq;
    const uint64_t sqes = (flags & IORING_SETUP_SQE128) ? 128u * (uint64_t)sq
                                                        : 64u * (uint64_t)sq;
    m->sq_entries   = sq;
    m->cq_entries   = cq;
    m->sqes_region  = mem_align_up(sqes, HR_PAGE_SIZE);
    m->rings_region = mem_align_up(rings, HR_PAGE_SIZE);
    return 0;
}

long hr_ring_memory_size_params(uint32_t entries, const struct io_uring_params *p)
{
    struct mem_layout m;
    const int ret = mem_layout(entries, p->cq_entries, p->flags, &m);
    if (ret != 0)
        return ret;
    return (long)(m.sqes_region + m.rings_region);
}

long hr_ring_memory_size(uint32_t entries, uint32_t flags)
{
    struct mem_layout m;
    const int ret = mem_layout(entries, 0, flags, &m);
    if (ret != 0)
        return ret;
    return (long)(m.sqes_region + m.rings_region);
}

/* Ask the kernel for a ring on mem: the request's sizes, -ENOMEM if they do
   not fit in buf_size (no system call), else io_uring_setup with the SQEs
   at mem and the rings right after the SQE region.  The fd, or -errno. */
/*@ requires \valid(q) && \valid(m) && \separated(q, m);
    requires \valid(mem + (0 .. buf_size - 1));
    requires \separated(q, m, mem + (0 .. buf_size - 1));
    assigns *q, *m;
    ensures -4095 <= \result <= 0x7fffffff;
    ensures \result >= 0 ==> mem_entries_ok(entries, \old(q->cq_entries), \old(q->flags)) &&
      m->sq_entries == mem_sq(entries) &&
      m->cq_entries == mem_cq(entries, \old(q->cq_entries), \old(q->flags)) &&
      1 <= m->sq_entries <= HR_MAX_SQ_ENTRIES && 1 <= m->cq_entries <= HR_MAX_CQ_ENTRIES &&
      m->sqes_region == mem_sqes_region(m->sq_entries, \old(q->flags)) &&
      m->rings_region == mem_rings_region(m->sq_entries, m->cq_entries, \old(q->flags)) &&
      m->sqes_region + m->rings_region <= buf_size &&
      m->sqes_region + m->rings_region <= HR_MEM_MAX;
    ensures nomem: \result == -HR_ENOMEM ==> mem_entries_ok(entries, \old(q->cq_entries), \old(q->flags));
*/
static int mem_setup(uint32_t entries, struct io_uring_params *q, struct mem_layout *m,
                     char *mem, uint64_t buf_size)
{
    int ret = mem_layout(entries, q->cq_entries, q->flags, m);
    if (ret != 0)
        return ret;
    if (m->sqes_region + m->rings_region > buf_size)
        return -HR_ENOMEM;
    q->sq_off.HR_OFF_USER_ADDR = HR_PTR64(mem);
    q->cq_off.HR_OFF_USER_ADDR = HR_PTR64(mem + m->sqes_region);
    /* What the kernel pins and writes (K-NOMMAP): k_sqes_size bytes at the
       SQE region, k_rings_size bytes at the rings region; both regions lie
       in buf and do not overlap. */
    /*@ assert inside_buf:
          k_sqes_size(m->sq_entries, q->flags) <= m->sqes_region &&
          k_rings_size(m->sq_entries, m->cq_entries, q->flags) <= m->rings_region &&
          m->sqes_region + m->rings_region <= buf_size &&
          q->sq_off.HR_OFF_USER_ADDR == HR_PTR64(mem) &&
          q->cq_off.HR_OFF_USER_ADDR == HR_PTR64(mem + m->sqes_region);
    */
    return hr_sys_io_uring_setup(entries, q);
}

/*@ requires \valid(r);
    assigns *r;
    ensures r->ring_fd == -1 && r->enter_fd == -1;
    ensures r->ring_mem == \null && r->sqe_mem == \null;
*/
static void mem_ring_clear(struct hr_ring *r)
{
    r->sq.khead = 0; r->sq.ktail = 0; r->sq.kflags = 0; r->sq.array = 0;
    r->sq.sqes = 0;
    r->sq.entries = 0; r->sq.mask = 0; r->sq.shift = 0; r->sq.sqe_shift = 0; r->sq.sqe_units = 0;
    r->sq.sqe_head = 0; r->sq.sqe_tail = 0; r->sq.sqe_limit = 0;
    r->cq.khead = 0; r->cq.ktail = 0; r->cq.koverflow = 0; r->cq.cqes = 0;
    r->cq.entries = 0; r->cq.mask = 0; r->cq.shift = 0; r->cq.cqe_shift = 0; r->cq.cqe_units = 0;
    r->cq.head = 0; r->cq.kflags = 0;
    r->flags = 0; r->features = 0;
    r->ring_fd = -1; r->enter_fd = -1; r->enter_flags = 0; r->reg_wait_nr = 0;
    r->ring_mem = 0; r->ring_len = 0; r->sqe_mem = 0; r->sqe_len = 0;
}

/* Check the kernel's answer against the regions it was given, and bind the
   ring onto them (hr__bind, over the trusted typed view hr__view). */
/*@ requires \valid(r) && \valid_read(q) && \valid(g) && \valid_read(m);
    requires \separated(r, q, g, m);
    requires \valid(mem + (0 .. buf_size - 1));
    requires \separated(r, q, g, m, mem + (0 .. buf_size - 1));
    requires m->sqes_region + m->rings_region <= buf_size;
    assigns *g, r->sq, r->cq, r->ring_mem, r->ring_len, r->sqe_mem, r->sqe_len;
    ensures \result <= 0;
    ensures ok: \result == 0 ==> ring_mem(r, r->sq.entries, r->sq.sqe_units, r->cq.cqe_units) &&
      sq_geom(r) && cq_geom(r) && sq_counters(r) && r->sq.sqe_head == r->sq.sqe_tail;
    ensures cqflags: \result == 0 ==> cq_flags_ok(r);
    ensures entries: \result == 0 ==> r->sq.entries == q->sq_entries && r->cq.entries == q->cq_entries;
    ensures placed: \result == 0 ==> r->sqe_mem == mem && r->ring_mem == mem + m->sqes_region &&
      r->ring_len == 0 && r->sqe_len == 0;
*/
static int mem_attach(struct hr_ring *r, const struct io_uring_params *q, struct hr_layout *g,
                      const struct mem_layout *m, char *mem, uint64_t buf_size)
{
    (void)buf_size;          /* specification only: the regions lie in buf */
    int ret = hr__layout_check(q, g);
    if (ret != 0)
        return ret;
    if (g->ring_len > m->rings_region || g->sqes_len > m->sqes_region)
        return -HR_EIO;                          /* offsets outside the regions */
    r->sqe_mem = mem;
    r->sqe_len = 0;                              /* 0: caller's memory, never unmapped */
    r->ring_mem = mem + m->sqes_region;
    r->ring_len = 0;
    //@ assert same_entries: g->sq_entries == q->sq_entries && g->cq_entries == q->cq_entries;
    ret = hr__bind(r, q, g);
    //@ assert bound: ret == 0 ==> r->sq.entries == g->sq_entries && r->cq.entries == g->cq_entries;
    //@ assert still_same: g->sq_entries == q->sq_entries && g->cq_entries == q->cq_entries;
    return ret;
}

/* The request with NO_SQARRAY, then (kernel 6.5: -EINVAL) without it; *q
   receives the kernel's answer, *sent the flags the kernel was given.
   Ghost *first: what the first request returned. */
/*@ requires \valid_read(p) && \valid(q) && \valid(m) && \valid(sent) && \valid(first);
    requires \separated(p, q, m, sent, first);
    requires \valid(mem + (0 .. buf_size - 1));
    requires \separated(p, q, m, sent, first, mem + (0 .. buf_size - 1));
    assigns *q, *m, *sent, *first;
    ensures -4095 <= \result <= 0x7fffffff;
    ensures once: !(*first == -HR_EINVAL && (\old(p->flags) & IORING_SETUP_NO_SQARRAY) == 0) ==>
      \result == *first &&
      *sent == (\old(p->flags) | IORING_SETUP_NO_MMAP | IORING_SETUP_NO_SQARRAY);
    ensures retried: *first == -HR_EINVAL && (\old(p->flags) & IORING_SETUP_NO_SQARRAY) == 0 ==>
      *sent == (\old(p->flags) | IORING_SETUP_NO_MMAP);
    ensures entries_ok: \result >= 0 ==> mem_entries_ok(entries, \old(p->cq_entries), *sent);
    ensures entries: \result >= 0 ==> m->sq_entries == mem_sq(entries) &&
      m->cq_entries == mem_cq(entries, \old(p->cq_entries), *sent);
    ensures bounds: \result >= 0 ==>
      1 <= m->sq_entries <= HR_MAX_SQ_ENTRIES && 1 <= m->cq_entries <= HR_MAX_CQ_ENTRIES;
    ensures regions: \result >= 0 ==>
      m->sqes_region == mem_sqes_region(m->sq_entries, *sent) &&
      m->rings_region == mem_rings_region(m->sq_entries, m->cq_entries, *sent);
    ensures fits: \result >= 0 ==>
      m->sqes_region + m->rings_region <= buf_size &&
      m->sqes_region + m->rings_region <= HR_MEM_MAX;
*/
static int mem_request(uint32_t entries, const struct io_uring_params *p,
                       struct io_uring_params *q, struct mem_layout *m, uint32_t *sent,
                       char *mem, uint64_t buf_size)
    /*@ ghost (int \ghost *first) */
{
    const struct io_uring_params orig = *p;  /* *p as it was: the retry starts from it */
    //@ ghost uint32_t cq_entries = orig.cq_entries;
    uint32_t flags = orig.flags | IORING_SETUP_NO_MMAP | IORING_SETUP_NO_SQARRAY;
    int fd;

    *q = orig;
    q->features = 0;
    q->flags = flags;
    //@ assert asked_flags: q->flags == flags;
    //@ assert asked: q->cq_entries == cq_entries;
    fd = mem_setup(entries, q, m, mem, buf_size);
    //@ ghost *first = fd;
    if (fd == -HR_EINVAL && !(orig.flags & IORING_SETUP_NO_SQARRAY)) {
        flags = orig.flags | IORING_SETUP_NO_MMAP;   /* kernel 6.5: with the SQ array */
        *q = orig;
        q->features = 0;
        q->flags = flags;
        //@ assert asked_again: q->flags == flags && q->cq_entries == cq_entries;
        fd = mem_setup(entries, q, m, mem, buf_size);
    }
    /*@ assert counts: fd >= 0 ==> mem_entries_ok(entries, cq_entries, flags) &&
          m->sq_entries == mem_sq(entries) && m->cq_entries == mem_cq(entries, cq_entries, flags) &&
          1 <= m->sq_entries <= HR_MAX_SQ_ENTRIES && 1 <= m->cq_entries <= HR_MAX_CQ_ENTRIES; */
    *sent = flags;
    //@ assert same_sent: *sent == flags;
    //@ assert same_p: \at(p->cq_entries, Pre) == cq_entries;
    return fd;
}

/* Give back what a setup that is not kept made: the ring fd, or with
   IORING_SETUP_REGISTERED_FD_ONLY the registered index the kernel returned
   instead (unregistered through itself: there is no fd). */
/*@ requires fd >= 0;
    assigns hr_ghost_closed_fd, hr_ghost_closes, hr_ghost_reg_fd, hr_ghost_reg_op,
            hr_ghost_reg_arg, hr_ghost_reg_nr, hr_ghost_reg_ret, hr_ghost_regs;
    ensures closed: (flags & IORING_SETUP_REGISTERED_FD_ONLY) == 0 ==>
      hr_ghost_closed_fd == fd && hr_ghost_closes == (unsigned)(\old(hr_ghost_closes) + 1) &&
      hr_ghost_regs == \old(hr_ghost_regs);
    ensures unregistered: (flags & IORING_SETUP_REGISTERED_FD_ONLY) != 0 ==>
      hr_ghost_reg_fd == fd &&
      hr_ghost_reg_op == ((unsigned)IORING_UNREGISTER_RING_FDS | IORING_REGISTER_USE_REGISTERED_RING) &&
      hr_ghost_reg_nr == 1 && hr_ghost_regs == (unsigned)(\old(hr_ghost_regs) + 1) &&
      hr_ghost_closes == \old(hr_ghost_closes);
*/
static void mem_release(int fd, uint32_t flags)
{
    if (flags & IORING_SETUP_REGISTERED_FD_ONLY) {
        struct io_uring_rsrc_update up;
        up.offset = (uint32_t)fd;
        up.resv   = 0;
        up.data   = 0;
        hr_sys_io_uring_register(fd, IORING_UNREGISTER_RING_FDS |
                                 IORING_REGISTER_USE_REGISTERED_RING, &up, 1);
    } else {
        hr_sys_close(fd);
    }
}

int hr_ring_init_mem(struct hr_ring *r, uint32_t entries, struct io_uring_params *p,
                     void *buf, size_t buf_size)
{
    char *const mem = (char *)buf;     /* the caller's buffer, as bytes */
    struct io_uring_params q;
    struct hr_layout g;
    struct mem_layout m;
    uint32_t sent;
    int fd, ret;

    mem_ring_clear(r);
    /* A flag this file does not know might change the kernel's sizes. */
    if (p->flags & ~(uint32_t)(HR_SETUP_KNOWN | IORING_SETUP_NO_MMAP |
                               IORING_SETUP_REGISTERED_FD_ONLY))
        return -HR_EINVAL;
    //@ ghost int first;
    fd = mem_request(entries, p, &q, &m, &sent, mem, buf_size) /*@ ghost (&first) */;
    if (fd < 0)
        return fd;
    //@ ghost uint32_t cq_asked = p->cq_entries;
    //@ assert asked: cq_asked == \at(p->cq_entries, Pre);
    const uint64_t used = m.sqes_region + m.rings_region;
    //@ assert used: used <= HR_MEM_MAX && used <= buf_size;
    *p = q;
    /* The kernel's answer must be the request the regions were sized for. */
    ret = (q.sq_entries == m.sq_entries && q.cq_entries == m.cq_entries && q.flags == sent)
        ? mem_attach(r, &q, &g, &m, mem, buf_size) : -HR_EIO;
    if (ret != 0) {
        mem_release(fd, sent);
        mem_ring_clear(r);
        return ret;
    }
    //@ assert attached: ring_ok(r);
    //@ assert attached_rest: cq_flags_ok(r) && r->sq.sqe_head == r->sq.sqe_tail;
    //@ assert answer: q.flags == sent && r->sq.entries == m.sq_entries && r->cq.entries == m.cq_entries;
    //@ assert sized: used == mem_size(entries, cq_asked, sent);
    /* with IORING_SETUP_REGISTERED_FD_ONLY the kernel returned an index, no fd */
    const int ring_fd = (sent & IORING_SETUP_REGISTERED_FD_ONLY) ? -1 : fd;
    const uint32_t enter_flags = (sent & IORING_SETUP_REGISTERED_FD_ONLY)
        ? (uint32_t)IORING_ENTER_REGISTERED_RING : 0u;
    r->flags       = q.flags;
    r->features    = q.features;
    /*@ assert final_answer: r->flags == p->flags && r->features == p->features &&
          r->sq.entries == p->sq_entries && r->cq.entries == p->cq_entries; */
    r->ring_fd     = ring_fd;
    r->enter_fd    = fd;
    r->enter_flags = enter_flags;
    //@ assert fds: mem_fds(r, sent);
    //@ assert kept: ring_ok(r) && cq_flags_ok(r) && r->sq.sqe_head == r->sq.sqe_tail;
    /*@ assert final: (int)used >= 0 && (int)used <= buf_size &&
          (int)used == mem_size(entries, \at(p->cq_entries, Pre), p->flags) &&
          r->sq.entries == mem_sq(entries) &&
          r->cq.entries == mem_cq(entries, \at(p->cq_entries, Pre), p->flags) &&
          r->sqe_mem == mem && r->ring_mem == mem + mem_sqes_region(r->sq.entries, p->flags); */
    return (int)used;
}
