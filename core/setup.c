/* setup.c -- ring setup: validate the caller's input, create the ring,
 * check every value the kernel returned, map, bind.  Proved by WP (unit
 * `setup`, with -warn-unsigned-overflow: no wrap is intended here).
 * Contracts: specs/hr_setup_spec.h. */
#include "hr_bind.h"


/*@ requires \valid(shift);
    assigns *shift;
    ensures ok:  \result == 0 ==> ring_size(v, *shift);
    ensures bad: \result != 0 ==> \forall integer k; 0 <= k <= 16 ==> v != (1 << k);
*/
static int ring_shift(uint32_t v, uint32_t *shift)
{
    uint32_t k;
    /*@ loop invariant 0 <= k <= HR_MAX_SHIFT + 1;
        loop invariant \forall integer j; 0 <= j < k ==> v != (1 << j);
        loop assigns k;
        loop variant HR_MAX_SHIFT + 1 - k;
    */
    for (k = 0; k <= HR_MAX_SHIFT; k++) {
        if (v == (1u << k)) {
            *shift = k;
            return 0;
        }
    }
    return -1;
}

/*@ assigns \nothing;
    ensures \result <==> word_ok(off, hdr_end);
*/
static int word_in_header(uint32_t off, uint32_t hdr_end)
{
    return off % 4 == 0 && (uint64_t)off + 4 <= hdr_end;
}

/* One boolean expression per helper keeps each VC small. */
/*@ assigns \nothing;
    ensures \result != 0 <==> hdr_ok(sh, st, sf, ch, ct, co, hdr_end);
*/
static int header_ok(uint32_t sh, uint32_t st, uint32_t sf,
                     uint32_t ch, uint32_t ct, uint32_t co, uint32_t hdr_end)
{
    return word_in_header(sh, hdr_end) && word_in_header(st, hdr_end) &&
           word_in_header(sf, hdr_end) && word_in_header(ch, hdr_end) &&
           word_in_header(ct, hdr_end) && word_in_header(co, hdr_end) &&
           sh != st && sh != sf && st != sf && ch != ct && ch != co && ct != co &&
           sh != ch && sh != ct && sh != co && st != ch && st != ct && st != co &&
           sf != ch && sf != ct && sf != co;
}

/*@ assigns \nothing;
    ensures \result != 0 <==> word_ok(a, hdr_end) && word_ok(b, hdr_end) &&
                              word_ok(c, hdr_end) && word_ok(d, hdr_end);
*/
static int words_ok(uint32_t a, uint32_t b, uint32_t c, uint32_t d, uint32_t hdr_end)
{
    return word_in_header(a, hdr_end) && word_in_header(b, hdr_end) &&
           word_in_header(c, hdr_end) && word_in_header(d, hdr_end);
}

/*@ assigns \nothing;
    ensures \result != 0 <==> word_ok(f, hdr_end) && f != sh && f != st && f != sf &&
                              f != ch && f != ct && f != co;
*/
static int flags_word_ok(uint32_t f, uint32_t sh, uint32_t st, uint32_t sf,
                         uint32_t ch, uint32_t ct, uint32_t co, uint32_t hdr_end)
{
    return word_in_header(f, hdr_end) && f != sh && f != st && f != sf &&
           f != ch && f != ct && f != co;
}

int hr__layout_check(const struct io_uring_params *p, struct hr_layout *g)
{
    /* Read every kernel-provided field once, up front. */
    const uint32_t sq_entries = p->sq_entries,      cq_entries = p->cq_entries;
    const uint32_t features   = p->features,        flags      = p->flags;
    const uint32_t sq_head    = p->sq_off.head,     sq_tail    = p->sq_off.tail;
    const uint32_t sq_flags   = p->sq_off.flags,    sq_array   = p->sq_off.array;
    const uint32_t sq_mask    = p->sq_off.ring_mask, sq_ent    = p->sq_off.ring_entries;
    const uint32_t cq_head    = p->cq_off.head,     cq_tail    = p->cq_off.tail;
    const uint32_t cq_ovf     = p->cq_off.overflow, cq_cqes    = p->cq_off.cqes;
    const uint32_t cq_mask    = p->cq_off.ring_mask, cq_ent    = p->cq_off.ring_entries;
    const uint32_t cq_flags   = p->cq_off.flags;
    const uint32_t sqe_shift  = (flags & IORING_SETUP_SQE128) ? 1u : 0u;
    const uint32_t cqe_shift  = (flags & IORING_SETUP_CQE32) ? 1u : 0u;
    const uint32_t has_array  = (flags & IORING_SETUP_NO_SQARRAY) ? 0u : 1u;
    uint32_t sqs = 0, cqs = 0;

    if (!(features & IORING_FEAT_SINGLE_MMAP))
        return -HR_EOPNOTSUPP;                   /* kernel older than 5.4 */
    if (ring_shift(sq_entries, &sqs) != 0 || sqs > 15)
        return -HR_EIO;                          /* SQ: 1 .. 32768 entries */
    if (ring_shift(cq_entries, &cqs) != 0)
        return -HR_EIO;                          /* CQ: 1 .. 65536 entries */

    const uint32_t hdr_end = (has_array && sq_array < cq_cqes) ? sq_array : cq_cqes;
    if (!header_ok(sq_head, sq_tail, sq_flags, cq_head, cq_tail, cq_ovf, hdr_end))
        return -HR_EIO;
    if (!words_ok(sq_mask, sq_ent, cq_mask, cq_ent, hdr_end))
        return -HR_EIO;
    if (cq_cqes % 16 != 0)
        return -HR_EIO;
    /* The CQ flags word (5.8+; offset 0 before): one more header word,
       distinct from the six above. */
    const uint32_t has_cq_flags = cq_flags != 0 ? 1u : 0u;
    if (has_cq_flags &&
        !flags_word_ok(cq_flags, sq_head, sq_tail, sq_flags, cq_head, cq_tail, cq_ovf, hdr_end))
        return -HR_EIO;

    /* 64-bit arithmetic: < 2^32 + 2^22, cannot wrap (proved).  Products by
       constants only: linear arithmetic for the provers. */
    const uint64_t cq_units = cqe_shift ? 2u * (uint64_t)cq_entries : (uint64_t)cq_entries;
    const uint64_t sq_units = sqe_shift ? 2u * (uint64_t)sq_entries : (uint64_t)sq_entries;
    const uint64_t cq_end = (uint64_t)cq_cqes + 16u * cq_units;
    uint64_t ring_len = cq_end;
    if (has_array) {
        const uint64_t sq_end = (uint64_t)sq_array + 4u * (uint64_t)sq_entries;
        if (sq_array % 4 != 0 || !(sq_end <= cq_cqes || cq_end <= sq_array))
            return -HR_EIO;                      /* misaligned or overlapping */
        if (sq_end > ring_len)
            ring_len = sq_end;
    }

    g->sq_entries = sq_entries;
    g->sq_shift   = sqs;
    g->cq_entries = cq_entries;
    g->cq_shift   = cqs;
    g->sqe_shift  = sqe_shift;
    g->cqe_shift  = cqe_shift;
    g->has_array  = has_array;
    g->has_cq_flags = has_cq_flags;
    g->ring_len   = ring_len;
    g->sqes_len   = 64u * sq_units;
    return 0;
}

void hr__ring_bytes(char *ring, char *sqes, const struct io_uring_params *p,
                    const struct hr_layout *g, struct hr_ring_bytes *b)
{
    b->sq_head     = ring + p->sq_off.head;
    b->sq_tail     = ring + p->sq_off.tail;
    b->sq_flags    = ring + p->sq_off.flags;
    b->sq_mask     = ring + p->sq_off.ring_mask;
    b->sq_entries  = ring + p->sq_off.ring_entries;
    b->sq_array    = g->has_array ? ring + p->sq_off.array : 0;
    b->cq_head     = ring + p->cq_off.head;
    b->cq_tail     = ring + p->cq_off.tail;
    b->cq_overflow = ring + p->cq_off.overflow;
    b->cq_mask     = ring + p->cq_off.ring_mask;
    b->cq_entries  = ring + p->cq_off.ring_entries;
    b->cqes        = ring + p->cq_off.cqes;
    b->cq_flags    = g->has_cq_flags ? ring + p->cq_off.flags : 0;
    b->sqes        = sqes;
}

/* The kernel's own copy of the geometry (its ring_mask and ring_entries
   words) against the answer it gave in io_uring_params. */
/*@ requires \valid_read(g) && g->sq_entries >= 1 && g->cq_entries >= 1;
    assigns \nothing;
    ensures \result != 0 <==> sq_mask == g->sq_entries - 1 && sq_entries == g->sq_entries &&
                              cq_mask == g->cq_entries - 1 && cq_entries == g->cq_entries;
*/
static int geometry_matches(uint32_t sq_mask, uint32_t sq_entries, uint32_t cq_mask,
                            uint32_t cq_entries, const struct hr_layout *g)
{
    return sq_mask == g->sq_entries - 1 && sq_entries == g->sq_entries &&
           cq_mask == g->cq_entries - 1 && cq_entries == g->cq_entries;
}

/* One of the kernel's geometry words, read as its four bytes, so that no
   typed view of the word is needed; the ring ABI is little-endian on every
   architecture hr_arch.h supports.  A plain read: the kernel wrote the
   word before mmap returned and never writes it again. */
/*@ requires \valid_read(w + (0 .. 3));
    assigns \nothing;
*/
static uint32_t geo_word(const char *w)
{
    const int c0 = w[0], c1 = w[1], c2 = w[2], c3 = w[3];
    /* each byte as 0 .. 255 (char is signed on x86_64) */
    const uint32_t b0 = (uint32_t)(c0 < 0 ? c0 + 256 : c0);
    const uint32_t b1 = (uint32_t)(c1 < 0 ? c1 + 256 : c1);
    const uint32_t b2 = (uint32_t)(c2 < 0 ? c2 + 256 : c2);
    const uint32_t b3 = (uint32_t)(c3 < 0 ? c3 + 256 : c3);
    return b0 + 256u * (b1 + 256u * (b2 + 256u * b3));
}

int hr__bind(struct hr_ring *r, const struct io_uring_params *p, const struct hr_layout *g)
{
    struct hr_ring_geo geo;
    struct hr_ring_bytes b;

    //@ assert shifts: (g->sqe_shift == 0 || g->sqe_shift == 1) && (g->cqe_shift == 0 || g->cqe_shift == 1);
    r->sq.entries   = g->sq_entries;
    r->sq.mask      = g->sq_entries - 1;
    r->sq.shift     = g->sq_shift;
    r->sq.sqe_shift = g->sqe_shift;
    r->sq.sqe_units = g->sq_entries << g->sqe_shift;
    r->cq.entries   = g->cq_entries;
    r->cq.mask      = g->cq_entries - 1;
    r->cq.shift     = g->cq_shift;
    r->cq.cqe_shift = g->cqe_shift;
    r->cq.cqe_units = g->cq_entries << g->cqe_shift;
    //@ assert units: r->sq.sqe_units == units(g->sq_entries, g->sqe_shift) && r->cq.cqe_units == units(g->cq_entries, g->cqe_shift);
    hr__view(r, p, g, &geo);
    /* The kernel's geometry words, read once, before any other use. */
    hr__ring_bytes(r->ring_mem, r->sqe_mem, p, g, &b);
    if (!geometry_matches(geo_word(b.sq_mask), geo_word(b.sq_entries),
                          geo_word(b.cq_mask), geo_word(b.cq_entries), g))
        return -HR_EIO;
    //@ assert tail_read: *r->sq.ktail == geo.sq_tail;
    r->sq.sqe_head  = r->sq.sqe_tail = geo.sq_tail;
    r->sq.sqe_limit = r->sq.sqe_head;      /* no room cached: the first
                                              get_sqe reads the SQ head */
    r->cq.head      = geo.cq_head;
    //@ assert mem: ring_mem(r, r->sq.entries, r->sq.sqe_units, r->cq.cqe_units);
    //@ assert sq: sq_geom(r);
    //@ assert cq: cq_geom(r);
    //@ assert tail_kept: *r->sq.ktail == r->sq.sqe_head;
    //@ assert counters: sq_counters(r);
    //@ assert flags: cq_flags_ok(r);
    return 0;
}

int hr__map_rings(struct hr_ring *r, const struct io_uring_params *p, int fd,
                  uint64_t ring_len, uint64_t sqes_len)
{
    long m;
    char *mem;

    (void)p;      /* passed to hr__mmap as a ghost argument only */
    r->ring_mem = 0;
    r->sqe_mem = 0;
    r->ring_len = 0;
    r->sqe_len = 0;
    mem = hr__mmap(fd, ring_len, IORING_OFF_SQ_RING, &m) /*@ ghost (r, p) */;
    if (m < 0 && m >= -4095)
        return (int)m;
    r->ring_mem = mem;
    r->ring_len = ring_len;
    mem = hr__mmap(fd, sqes_len, IORING_OFF_SQES, &m) /*@ ghost (r, p) */;
    if (m < 0 && m >= -4095) {
        hr_sys_munmap(r->ring_mem, ring_len);
        r->ring_mem = 0;
        r->ring_len = 0;
        return (int)m;
    }
    r->sqe_mem = mem;
    r->sqe_len = sqes_len;
    return 0;
}

void hr__unmap_rings(struct hr_ring *r)
{
    /* length 0: the caller's memory (hr_ring_init_mem), not ours to unmap */
    if (r->sqe_mem && r->sqe_len)
        hr_sys_munmap(r->sqe_mem, r->sqe_len);
    if (r->ring_mem && r->ring_len)
        hr_sys_munmap(r->ring_mem, r->ring_len);
    r->sqe_mem = 0;
    r->ring_mem = 0;
    r->sqe_len = 0;
    r->ring_len = 0;
}

/* The caller's request, checked as the kernel checks it (io_uring_create):
   0 entries, reserved bits, unknown flags and impossible combinations are
   -EINVAL; more entries than the kernel's maximum are -EINVAL unless
   IORING_SETUP_CLAMP asks to clamp them. */
/*@ assigns \nothing;
    ensures \result == 0 || \result == -HR_EINVAL;
    ensures \result == 0 ==> 1 <= entries && ((flags & IORING_SETUP_CQSIZE) ==> 1 <= cq_entries);
    ensures one_size: \result == 0 ==>
      (flags & IORING_SETUP_CQE32) == 0 || (flags & IORING_SETUP_CQE_MIXED) == 0;
    ensures one_sqe_size: \result == 0 ==>
      (flags & IORING_SETUP_SQE128) == 0 || (flags & IORING_SETUP_SQE_MIXED) == 0;
    ensures \result == 0 && !(flags & IORING_SETUP_CLAMP) ==> entries <= HR_MAX_SQ_ENTRIES;
    ensures \result == 0 && !(flags & IORING_SETUP_CLAMP) && (flags & IORING_SETUP_CQSIZE) ==>
      cq_entries <= HR_MAX_CQ_ENTRIES;
*/
static int params_input_ok(uint32_t entries, uint32_t flags, uint32_t cq_entries,
                           uint32_t resv0, uint32_t resv1, uint32_t resv2)
{
    const uint32_t clamp = flags & IORING_SETUP_CLAMP;
    if (entries == 0 || (entries > HR_MAX_SQ_ENTRIES && !clamp))
        return -HR_EINVAL;
    if (resv0 | resv1 | resv2)
        return -HR_EINVAL;                       /* reserved: must be zero */
    if (flags & ~(uint32_t)HR_SETUP_KNOWN)
        return -HR_EINVAL;                       /* unknown or unsupported flag */
    if ((flags & IORING_SETUP_SQ_AFF) && !(flags & IORING_SETUP_SQPOLL))
        return -HR_EINVAL;
    if ((flags & IORING_SETUP_CQE32) && (flags & IORING_SETUP_CQE_MIXED))
        return -HR_EINVAL;                       /* every CQE 32 bytes, or mixed */
    if ((flags & IORING_SETUP_SQE128) && (flags & IORING_SETUP_SQE_MIXED))
        return -HR_EINVAL;                       /* every SQE 128 bytes, or mixed */
    if ((flags & IORING_SETUP_CQSIZE) &&
        (cq_entries == 0 || (cq_entries > HR_MAX_CQ_ENTRIES && !clamp)))
        return -HR_EINVAL;
    if ((flags & IORING_SETUP_DEFER_TASKRUN) && !(flags & IORING_SETUP_SINGLE_ISSUER))
        return -HR_EINVAL;
    if ((flags & IORING_SETUP_TASKRUN_FLAG) &&
        !(flags & (IORING_SETUP_COOP_TASKRUN | IORING_SETUP_DEFER_TASKRUN)))
        return -HR_EINVAL;
    if ((flags & IORING_SETUP_SQPOLL) &&
        (flags & (IORING_SETUP_DEFER_TASKRUN | IORING_SETUP_COOP_TASKRUN)))
        return -HR_EINVAL;
    return 0;
}

/* The ring size the kernel makes of a request for `want` entries: `want`
   capped at `max` (IORING_SETUP_CLAMP; params_input_ok rejected larger
   requests without it), rounded up to a power of two. */
/*@ requires 1 <= want && (max == HR_MAX_SQ_ENTRIES || max == HR_MAX_CQ_ENTRIES);
    assigns \nothing;
    ensures pow2_ceil(\result, (want < max ? want : max));
*/
static uint32_t kernel_ring_size(uint32_t want, uint32_t max)
{
    const uint32_t w = want < max ? want : max;
    uint32_t k;
    /*@ loop invariant 0 <= k <= 16;
        loop invariant \forall integer j; 0 <= j < k ==> (1 << j) < w;
        loop assigns k;
        loop variant 16 - k;
    */
    for (k = 0; k < 16; k++) {
        if ((1u << k) >= w)
            break;
    }
    //@ assert (1 << k) >= w;
    return 1u << k;
}

/*@ requires \valid(r);
    assigns *r;
    ensures r->ring_fd == -1 && r->enter_fd == -1 && r->enter_flags == 0;
    ensures r->ring_mem == \null && r->sqe_mem == \null;
*/
static void ring_clear(struct hr_ring *r)
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

/* Layout check, map, bind: 0 and a ring satisfying ring_ok, or an error with
   nothing mapped. */
/*@ requires \valid(r) && \valid_read(q) && \valid(g) && \separated(r, q, g);
    assigns *g, r->sq, r->cq, r->ring_mem, r->ring_len, r->sqe_mem, r->sqe_len, HR_UNMAP_LOG;
    ensures \result <= 0;
    ensures ok: \result == 0 ==> ring_mem(r, r->sq.entries, r->sq.sqe_units, r->cq.cqe_units) &&
      sq_geom(r) && cq_geom(r) && sq_counters(r) && r->sq.sqe_head == r->sq.sqe_tail;
    ensures cqflags: \result == 0 ==> cq_flags_ok(r);
    ensures sq_entries: \result == 0 ==> r->sq.entries == q->sq_entries;
    ensures cq_entries: \result == 0 ==> r->cq.entries == q->cq_entries;
*/
static int ring_attach(struct hr_ring *r, int fd, const struct io_uring_params *q,
                       struct hr_layout *g)
{
    int ret = hr__layout_check(q, g);
    if (ret != 0)
        return ret;
    //@ assert same_entries: g->sq_entries == q->sq_entries && g->cq_entries == q->cq_entries;
    ret = hr__map_rings(r, q, fd, g->ring_len, g->sqes_len);
    if (ret != 0)
        return ret;
    //@ assert still_same: g->sq_entries == q->sq_entries && g->cq_entries == q->cq_entries;
    ret = hr__bind(r, q, g);
    if (ret != 0)
        hr__unmap_rings(r);
    return ret;
}

int hr__ring_init_params(struct hr_ring *r, uint32_t entries, struct io_uring_params *p,
                         uint32_t no_sqarray)
{
    struct io_uring_params q;
    struct hr_layout g;            /* the caller's frame: outlives ring_attach */
    int fd, ret;

    ring_clear(r);
    ret = params_input_ok(entries, p->flags, p->cq_entries,
                          p->resv[0], p->resv[1], p->resv[2]);
    if (ret != 0)
        return ret;
    if (p->sq_off.resv1 != 0 || p->sq_off.resv2 != 0 ||
        p->cq_off.resv1 != 0 || p->cq_off.resv2 != 0)
        return -HR_EINVAL;
    /* What the kernel will make of the request (clamped, rounded up); its
       answer must say the same. */
    const uint32_t sq_want = kernel_ring_size(entries, HR_MAX_SQ_ENTRIES);
    const uint64_t cq_want = (p->flags & IORING_SETUP_CQSIZE)
        ? kernel_ring_size(p->cq_entries, HR_MAX_CQ_ENTRIES) : 2u * (uint64_t)sq_want;

    /* Work on a copy; the caller's struct receives the kernel's answer once
       the kernel has created the ring. */
    q = *p;
    q.features = 0;
    if (no_sqarray)
        q.flags |= IORING_SETUP_NO_SQARRAY;      /* one store less per SQE */
    fd = hr_sys_io_uring_setup(entries, &q);
    if (no_sqarray && fd == -HR_EINVAL && !(p->flags & IORING_SETUP_NO_SQARRAY)) {
        q = *p;                                  /* kernel < 6.6: with the array */
        q.features = 0;
        fd = hr_sys_io_uring_setup(entries, &q);
    }
    if (fd < 0)
        return fd;
    *p = q;

    ret = (q.sq_entries == sq_want && q.cq_entries == cq_want)
        ? ring_attach(r, fd, &q, &g) : -HR_EIO;
    if (ret != 0) {
        hr_sys_close(fd);
        ring_clear(r);
        return ret;
    }
    //@ assert attached: ring_ok(r);
    r->flags       = q.flags;
    r->features    = q.features;
    r->ring_fd     = fd;
    r->enter_fd    = fd;
    r->enter_flags = 0;
    return 0;
}

int hr_ring_init_params(struct hr_ring *r, uint32_t entries, struct io_uring_params *p)
{
    return hr__ring_init_params(r, entries, p, 1);
}

int hr_ring_init(struct hr_ring *r, uint32_t entries, uint32_t flags)
{
    struct io_uring_params p = {0};
    p.flags = flags;
    return hr_ring_init_params(r, entries, &p);
}

void hr_ring_exit(struct hr_ring *r)
{
    if (r->ring_mem == 0)
        return;      /* torn down, failed init, or all zero bytes: no ring */
    if (r->enter_flags & IORING_ENTER_REGISTERED_RING)
        hr_unregister_ring_fd(r);                /* frees the task's ring-fd slot */
    hr__unmap_rings(r);
    if (r->ring_fd >= 0)                         /* not closed by hr_close_ring_fd */
        hr_sys_close(r->ring_fd);
    ring_clear(r);                               /* ring_fd = -1, every pointer NULL */
}

int hr_ring_mmap(struct hr_ring *r, int fd, const struct io_uring_params *p)
{
    struct hr_layout g;
    int ret;

    ring_clear(r);
    if (fd < 0)
        return -HR_EBADF;
    ret = ring_attach(r, fd, p, &g);
    if (ret != 0) {
        ring_clear(r);
        return ret;
    }
    //@ assert attached: ring_ok(r);
    r->flags       = p->flags;
    r->features    = p->features;
    r->ring_fd     = fd;
    r->enter_fd    = fd;
    r->enter_flags = 0;
    return 0;
}

/* ---- resize ---------------------------------------------------------------- */

/* What hr_resize_rings refuses before doing anything. */
/*@ requires \valid_read(r) && \valid_read(p);
    assigns \nothing;
    ensures \result == 0 || \result == -HR_EBADF || \result == -HR_EINVAL;
    ensures \result == 0 <==> (r->ring_fd >= 0 && r->sqe_len != 0 && r->ring_len != 0 &&
      (p->flags & ~(uint32_t)(IORING_SETUP_CQSIZE | IORING_SETUP_CLAMP)) == 0);
*/
static int resize_refused(const struct hr_ring *r, const struct io_uring_params *p)
{
    if (r->ring_fd < 0)
        return -HR_EBADF;          /* closed by hr_close_ring_fd: nothing to mmap */
    if (r->sqe_len == 0 || r->ring_len == 0)
        return -HR_EINVAL;         /* rings in caller memory (NO_MMAP): as liburing */
    if (p->flags & ~(uint32_t)(IORING_SETUP_CQSIZE | IORING_SETUP_CLAMP))
        return -HR_EINVAL;         /* the rest is inherited from the ring */
    return 0;
}

/* The resize proper (its contract: the behaviour `asked` of hr_resize_rings). */
/*@ requires ring_ok(r) && \valid(p) && \separated(r, p);
    requires \separated(p, r->sq.array + (0 .. r->sq.entries - 1), r->sq.ktail);
    requires r->ring_fd >= 0 && r->sqe_len != 0 && r->ring_len != 0;
    assigns *r, *p, r->sq.array[0 .. r->sq.entries - 1], *r->sq.ktail, hr_ghost_resize_ret,
            hr_ghost_closed_fd, hr_ghost_closes,
            hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr,
            hr_ghost_reg_ret, hr_ghost_regs, hr_ghost_ringfd, HR_UNMAP_LOG;
    ensures kernel_refused: hr_ghost_resize_ret < 0 ==> \result == hr_ghost_resize_ret &&
      hr_ghost_reg_fd == \old(r->ring_fd) && hr_ghost_reg_op == HR_REGISTER_RESIZE_RINGS &&
      hr_ghost_regs == (unsigned)(\old(hr_ghost_regs) + 1) &&
      ring_ok(r) && r->sq.sqe_head == r->sq.sqe_tail &&
      r->sq.sqe_tail == \old(r->sq.sqe_tail) && r->cq.head == \old(r->cq.head) &&
      r->ring_fd == \old(r->ring_fd) && r->ring_mem == \old(r->ring_mem);
    ensures resized_ring: \result == 0 ==> ring_ok(r) && cq_flags_ok(r) &&
      r->sq.sqe_head == r->sq.sqe_tail;
    ensures resized_counters: \result == 0 ==>
      r->sq.sqe_tail == \old(r->sq.sqe_tail) && r->cq.head == \old(r->cq.head);
    ensures resized_sizes: \result == 0 ==>
      r->sq.entries == p->sq_entries && r->cq.entries == p->cq_entries;
    ensures resized_same: \result == 0 ==>
      r->ring_fd == \old(r->ring_fd) && r->flags == \old(r->flags);
    ensures resized_call: \result == 0 ==>
      hr_ghost_reg_fd == \old(r->ring_fd) && hr_ghost_reg_op == HR_REGISTER_RESIZE_RINGS &&
      hr_ghost_regs == (unsigned)(\old(hr_ghost_regs) + 1);
    ensures not_live: hr_ghost_resize_ret >= 0 && \result != 0 ==> \result < 0 &&
      r->ring_fd == -1 && r->ring_mem == \null && r->sqe_mem == \null &&
      hr_ghost_closed_fd == \old(r->ring_fd);
*/
static int resize_rings(struct hr_ring *r, struct io_uring_params *p)
{
    struct io_uring_params q;
    struct hr_layout g;            /* the caller's frame: outlives ring_attach */
    int ret;

    /* Publish the SQEs handed out: the kernel copies the SQ entries from its
       head to the published tail into the new ring, and no others. */
    hr_flush_sq(r);
    const uint32_t sq_tail = r->sq.sqe_tail;
    const uint32_t cq_head = r->cq.head;
    //@ assert kept: sq_tail == \at(r->sq.sqe_tail, Pre) && cq_head == \at(r->cq.head, Pre);
    //@ assert same_flushed: r->ring_fd == \at(r->ring_fd, Pre) && r->flags == \at(r->flags, Pre);
    q = *p;
    ret = hr_sys_io_uring_register_params(r->ring_fd, HR_REGISTER_RESIZE_RINGS, &q, 1);
    //@ ghost hr_ghost_resize_ret = ret;
    if (ret < 0)
        return ret;                /* the old rings are in use, as they were */
    /* The kernel switched to the new rings (q: their entries and offsets,
       written back; the features are the ring's, the kernel leaves that
       field as it was given).  The old mappings are of no use now. */
    q.features = r->features;
    *p = q;
    //@ assert same_asked: r->ring_fd == \at(r->ring_fd, Pre) && r->flags == \at(r->flags, Pre);
    hr__unmap_rings(r);
    ret = ring_attach(r, r->ring_fd, &q, &g);
    //@ assert same_attached: r->ring_fd == \at(r->ring_fd, Pre) && r->flags == \at(r->flags, Pre);
    /* The kernel carried the counters over: anything else would lose or
       repeat an SQE or a CQE. */
    if (ret == 0 && (r->sq.sqe_tail != sq_tail || r->cq.head != cq_head)) {
        hr__unmap_rings(r);
        ret = -HR_EIO;
    }
    if (ret != 0) {
        /* not live any more: give back the fd (and its registered index) */
        if (r->enter_flags & IORING_ENTER_REGISTERED_RING)
            hr_unregister_ring_fd(r);
        hr_sys_close(r->ring_fd);
        ring_clear(r);
        return ret;
    }
    //@ assert carried: r->sq.sqe_tail == sq_tail && r->cq.head == cq_head;
    return 0;
}

int hr_resize_rings(struct hr_ring *r, struct io_uring_params *p)
{
    const int ret = resize_refused(r, p);
    if (ret != 0)
        return ret;
    return resize_rings(r, p);
}
