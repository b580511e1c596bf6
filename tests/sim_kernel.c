/* tests/sim_kernel.c -- the simulated io_uring kernel: guarded ring memory,
 * SQ consumption, CQ posting with overflow backlog, io_uring_enter, and the
 * hooks on the core's shared-word accessors.  See tests/sim.h. */
#include "sim.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define SIM_ASAN 1
#else
#define SIM_ASAN 0
#endif

struct sim *sim_cur;

/* ---- guarded memory ------------------------------------------------------ */

void sim_poison(const void *p, size_t n)
{
#if SIM_ASAN
    if (n)
        ASAN_POISON_MEMORY_REGION(p, n);
#else
    (void)p; (void)n;
#endif
}

void sim_unpoison(const void *p, size_t n)
{
#if SIM_ASAN
    if (n)
        ASAN_UNPOISON_MEMORY_REGION(p, n);
#else
    (void)p; (void)n;
#endif
}

static size_t page_size(void)
{
    static size_t pg;
    if (!pg)
        pg = (size_t)sysconf(_SC_PAGESIZE);
    return pg;
}

void sim_region_alloc(struct sim_region *g, size_t len, size_t align, int place_end)
{
    const size_t pg = page_size();
    const size_t usable = ((len + pg - 1) / pg) * pg + (len == 0 ? pg : 0);
    g->map_len = usable + 2 * pg;
    g->map = mmap(NULL, g->map_len, PROT_READ | PROT_WRITE,
                  MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (g->map == MAP_FAILED) {
        perror("sim: mmap");
        abort();
    }
    if (mprotect(g->map, pg, PROT_NONE) || mprotect(g->map + pg + usable, pg, PROT_NONE)) {
        perror("sim: mprotect");
        abort();
    }
    g->lo = g->map + pg;
    g->hi = g->lo + usable;
    g->len = len;
    g->obj = place_end ? (uint8_t *)((uintptr_t)(g->hi - len) & ~(uintptr_t)(align - 1)) : g->lo;
    memset(g->lo, SIM_CANARY, usable);
    memset(g->obj, 0, len);
    sim_poison(g->lo, (size_t)(g->obj - g->lo));
    sim_poison(g->obj + len, (size_t)(g->hi - (g->obj + len)));
}

void sim_region_free(struct sim_region *g)
{
    if (!g->map)
        return;
    sim_unpoison(g->lo, (size_t)(g->hi - g->lo));
    munmap(g->map, g->map_len);
    memset(g, 0, sizeof *g);
}

static int bytes_are(const uint8_t *p, size_t n, uint8_t v)
{
    for (size_t i = 0; i < n; i++)
        if (p[i] != v)
            return 0;
    return 1;
}

int sim_region_canary_ok(const struct sim_region *g)
{
    if (!g->map)
        return 1;
    const size_t before = (size_t)(g->obj - g->lo);
    const size_t after  = (size_t)(g->hi - (g->obj + g->len));
    sim_unpoison(g->lo, before);
    sim_unpoison(g->obj + g->len, after);
    const int ok = bytes_are(g->lo, before, SIM_CANARY) &&
                   bytes_are(g->obj + g->len, after, SIM_CANARY);
    sim_poison(g->lo, before);
    sim_poison(g->obj + g->len, after);
    return ok;
}

/* ---- layout -------------------------------------------------------------- */

/* struct io_rings of Linux 6.x (include/linux/io_uring_types.h):
 *   sq.head 0, sq.tail 4, cq.head 8, cq.tail 12, sq_ring_mask 16,
 *   cq_ring_mask 20, sq_ring_entries 24, cq_ring_entries 28, sq_dropped 32,
 *   sq_flags 36, cq_flags 40, cq_overflow 44, cqes[] at 64 (cache-aligned);
 *   the SQ array follows the CQEs, aligned to 64 (rings_size()). */
enum {
    RO_SQ_HEAD = 0, RO_SQ_TAIL = 4, RO_CQ_HEAD = 8, RO_CQ_TAIL = 12,
    RO_SQ_MASK = 16, RO_CQ_MASK = 20, RO_SQ_ENTRIES = 24, RO_CQ_ENTRIES = 28,
    RO_SQ_DROPPED = 32, RO_SQ_FLAGS = 36, RO_CQ_FLAGS = 40, RO_CQ_OVERFLOW = 44,
    RO_CQES = 64
};

static uint32_t log2u(uint32_t x)
{
    uint32_t k = 0;
    while ((1u << k) < x)
        k++;
    return k;
}

/* Every field of struct hr_ring is set by hand in sim_new.  A field added
   to core/hr_types.h would be left 0 here and the core would run on a
   half-wired ring: make that a build error instead of a wrong test.  The
   chains below pin the exact field list (no field inserted or appended). */
#define FOLLOWS(T, a, b) \
    _Static_assert(offsetof(T, b) == offsetof(T, a) + sizeof(((T *)0)->a), \
                   #T " changed near ." #b ": update the wiring in tests/sim_kernel.c sim_new()")
_Static_assert(offsetof(struct hr_sq, khead) == 0, "struct hr_sq changed");
FOLLOWS(struct hr_sq, khead, ktail);
FOLLOWS(struct hr_sq, ktail, kflags);
FOLLOWS(struct hr_sq, kflags, array);
FOLLOWS(struct hr_sq, array, sqes);
FOLLOWS(struct hr_sq, sqes, entries);
FOLLOWS(struct hr_sq, entries, mask);
FOLLOWS(struct hr_sq, mask, shift);
FOLLOWS(struct hr_sq, shift, sqe_shift);
FOLLOWS(struct hr_sq, sqe_shift, sqe_units);
FOLLOWS(struct hr_sq, sqe_units, sqe_head);
FOLLOWS(struct hr_sq, sqe_head, sqe_tail);
FOLLOWS(struct hr_sq, sqe_tail, sqe_limit);
/* 72 bytes of fields, no padding */
_Static_assert(sizeof(struct hr_sq) == offsetof(struct hr_sq, sqe_limit) + 4,
               "struct hr_sq changed after .sqe_limit: update tests/sim_kernel.c sim_new()");
_Static_assert(offsetof(struct hr_cq, khead) == 0, "struct hr_cq changed");
FOLLOWS(struct hr_cq, khead, ktail);
FOLLOWS(struct hr_cq, ktail, koverflow);
FOLLOWS(struct hr_cq, koverflow, cqes);
FOLLOWS(struct hr_cq, cqes, entries);
FOLLOWS(struct hr_cq, entries, mask);
FOLLOWS(struct hr_cq, mask, shift);
FOLLOWS(struct hr_cq, shift, cqe_shift);
FOLLOWS(struct hr_cq, cqe_shift, cqe_units);
FOLLOWS(struct hr_cq, cqe_units, head);
_Static_assert(offsetof(struct hr_cq, kflags) == offsetof(struct hr_cq, head) + 4 &&
               sizeof(struct hr_cq) == offsetof(struct hr_cq, kflags) + sizeof(uint32_t *),
               "struct hr_cq changed after .kflags: update tests/sim_kernel.c sim_new()");
_Static_assert(offsetof(struct hr_ring, sq) == 0, "struct hr_ring changed");
FOLLOWS(struct hr_ring, sq, cq);
FOLLOWS(struct hr_ring, cq, flags);
FOLLOWS(struct hr_ring, flags, features);
FOLLOWS(struct hr_ring, features, ring_fd);
FOLLOWS(struct hr_ring, ring_fd, enter_fd);
FOLLOWS(struct hr_ring, enter_fd, enter_flags);
FOLLOWS(struct hr_ring, enter_flags, reg_wait_nr);
FOLLOWS(struct hr_ring, reg_wait_nr, ring_mem);
FOLLOWS(struct hr_ring, ring_mem, ring_len);
FOLLOWS(struct hr_ring, ring_len, sqe_mem);
FOLLOWS(struct hr_ring, sqe_mem, sqe_len);
_Static_assert(sizeof(struct hr_ring) == offsetof(struct hr_ring, sqe_len) + 8,
               "struct hr_ring changed after .sqe_len: update tests/sim_kernel.c sim_new()");
#undef FOLLOWS

const char *sim_cfg_name(const struct sim_cfg *c)
{
    static char buf[160];
    snprintf(buf, sizeof buf, "sq=%u cq=%u %s %s %s%s%s %s/%s start_sq=0x%x start_cq=0x%x",
             c->sq_entries, c->cq_entries,
             (c->setup_flags & IORING_SETUP_NO_SQARRAY) ? "no-sqarray" : "sqarray",
             (c->setup_flags & IORING_SETUP_SQE128) ? "sqe128" : "sqe64",
             (c->setup_flags & IORING_SETUP_CQE32) ? "cqe32" : "cqe16",
             (c->setup_flags & IORING_SETUP_SQPOLL) ? " sqpoll" : "",
             (c->setup_flags & IORING_SETUP_IOPOLL) ? " iopoll" : "",
             c->layout == SIM_LAYOUT_KERNEL ? "kernel-layout" : "split-layout",
             c->place_end ? "end" : "start", c->start_sq, c->start_cq);
    return buf;
}

struct sim *sim_new(const struct sim_cfg *cfg)
{
    struct sim *s = calloc(1, sizeof *s);
    if (!s)
        abort();
    s->cfg = *cfg;
    const uint32_t se = cfg->sq_entries, ce = cfg->cq_entries;
    if (se == 0 || (se & (se - 1)) || se > 32768 || ce == 0 || (ce & (ce - 1)) || ce > 65536) {
        fprintf(stderr, "sim_new: bad geometry sq=%u cq=%u\n", se, ce);
        abort();
    }
    const uint32_t sqe_shift = (cfg->setup_flags & IORING_SETUP_SQE128) ? 1 : 0;
    const uint32_t cqe_shift = (cfg->setup_flags & IORING_SETUP_CQE32) ? 1 : 0;
    const int has_array = !(cfg->setup_flags & IORING_SETUP_NO_SQARRAY);
    s->sqe_w = 1u << sqe_shift;
    s->cqe_w = 1u << cqe_shift;
    const size_t cq_bytes  = (size_t)ce * 16u * s->cqe_w;
    const size_t sqe_bytes = (size_t)se * 64u * s->sqe_w;
    const size_t arr_bytes = (size_t)se * 4u;

    if (cfg->layout == SIM_LAYOUT_KERNEL) {
        const size_t cq_end  = RO_CQES + cq_bytes;
        const size_t arr_off = (cq_end + 63) & ~(size_t)63;
        const size_t total   = has_array ? arr_off + arr_bytes : cq_end;
        sim_region_alloc(&s->reg_rings, total, 8, cfg->place_end);
        uint8_t *b = s->reg_rings.obj;
        s->w[W_SQ_HEAD]     = (uint32_t *)(b + RO_SQ_HEAD);
        s->w[W_SQ_TAIL]     = (uint32_t *)(b + RO_SQ_TAIL);
        s->w[W_CQ_HEAD]     = (uint32_t *)(b + RO_CQ_HEAD);
        s->w[W_CQ_TAIL]     = (uint32_t *)(b + RO_CQ_TAIL);
        s->w[W_SQ_FLAGS]    = (uint32_t *)(b + RO_SQ_FLAGS);
        s->w[W_CQ_OVERFLOW] = (uint32_t *)(b + RO_CQ_OVERFLOW);
        *(uint32_t *)(b + RO_SQ_MASK)    = se - 1;
        *(uint32_t *)(b + RO_CQ_MASK)    = ce - 1;
        *(uint32_t *)(b + RO_SQ_ENTRIES) = se;
        *(uint32_t *)(b + RO_CQ_ENTRIES) = ce;
        s->cqes = (struct hr_cqe *)(b + RO_CQES);
        s->sq_array = has_array ? (uint32_t *)(b + arr_off) : NULL;
        /* the core never touches cq_flags, the header padding, or the gap
           between the CQEs and the SQ array: poison them (ASan) */
        memset(b + RO_CQ_FLAGS, SIM_CANARY, 4);
        memset(b + 48, SIM_CANARY, RO_CQES - 48);
        sim_poison(b + RO_CQ_FLAGS, 4);
        sim_poison(b + 48, RO_CQES - 48);
        if (has_array) {
            memset(b + cq_end, SIM_CANARY, arr_off - cq_end);
            sim_poison(b + cq_end, arr_off - cq_end);
        }
    } else {
        for (int i = 0; i < W_NWORDS; i++) {
            sim_region_alloc(&s->reg_word[i], 4, 4, cfg->place_end);
            s->w[i] = (uint32_t *)s->reg_word[i].obj;
        }
        sim_region_alloc(&s->reg_cqes, cq_bytes, 16, cfg->place_end);
        s->cqes = (struct hr_cqe *)s->reg_cqes.obj;
        if (has_array) {
            sim_region_alloc(&s->reg_array, arr_bytes, 4, cfg->place_end);
            s->sq_array = (uint32_t *)s->reg_array.obj;
        }
    }
    sim_region_alloc(&s->reg_sqes, sqe_bytes, 64, cfg->place_end);
    s->sqes = s->reg_sqes.obj;

    /* counters: anything the kernel could have reached */
    *s->w[W_SQ_HEAD] = *s->w[W_SQ_TAIL] = cfg->start_sq;
    *s->w[W_CQ_HEAD] = *s->w[W_CQ_TAIL] = cfg->start_cq;
    s->k_sq_head = cfg->start_sq;
    s->k_cq_tail = cfg->start_cq;

    /* wire struct hr_ring by hand, as hr_ring_init does from the params
       (core/setup.c, hr__bind); every field is set below */
    struct hr_ring *r = &s->ring;
    r->sq.khead     = s->w[W_SQ_HEAD];
    r->sq.ktail     = s->w[W_SQ_TAIL];
    r->sq.kflags    = s->w[W_SQ_FLAGS];
    r->sq.array     = s->sq_array;
    r->sq.sqes      = (struct hr_sqe *)s->sqes;
    r->sq.entries   = se;
    r->sq.mask      = se - 1;
    r->sq.shift     = log2u(se);
    r->sq.sqe_shift = sqe_shift;
    r->sq.sqe_units = se << sqe_shift;
    r->sq.sqe_head  = cfg->start_sq;
    r->sq.sqe_tail  = cfg->start_sq;
    r->sq.sqe_limit = cfg->start_sq;       /* no room cached, like hr__bind */
    r->cq.khead     = s->w[W_CQ_HEAD];
    r->cq.ktail     = s->w[W_CQ_TAIL];
    r->cq.koverflow = s->w[W_CQ_OVERFLOW];
    r->cq.cqes      = s->cqes;
    r->cq.entries   = ce;
    r->cq.mask      = ce - 1;
    r->cq.shift     = log2u(ce);
    r->cq.cqe_shift = cqe_shift;
    r->cq.cqe_units = ce << cqe_shift;
    r->cq.head      = cfg->start_cq;
    r->cq.kflags    = NULL;              /* no CQ flags word: eventfd toggle absent */
    r->flags        = cfg->setup_flags;
    r->features     = 0;
    r->ring_fd      = -1;   /* never used: hr_enter is interposed */
    r->enter_fd     = -1;
    r->enter_flags  = 0;
    r->reg_wait_nr  = 0;
    r->ring_mem     = s->cfg.layout == SIM_LAYOUT_KERNEL ? (char *)s->reg_rings.obj : NULL;
    r->ring_len     = s->cfg.layout == SIM_LAYOUT_KERNEL ? s->reg_rings.len : 0;
    r->sqe_mem      = (char *)s->sqes;
    r->sqe_len      = s->reg_sqes.len;

    s->rng.s = sim_seed() ^ 0x5157ull;
    sim_cur = s;
    return s;
}

void sim_free(struct sim *s)
{
    if (!s)
        return;
    sim_region_free(&s->reg_rings);
    for (int i = 0; i < W_NWORDS; i++)
        sim_region_free(&s->reg_word[i]);
    sim_region_free(&s->reg_cqes);
    sim_region_free(&s->reg_array);
    sim_region_free(&s->reg_sqes);
    free(s->backlog.v);
    free(s->pending.v);
    if (sim_cur == s)
        sim_cur = NULL;
    free(s);
}

int sim_canaries_ok(const struct sim *s)
{
    int ok = sim_region_canary_ok(&s->reg_rings) && sim_region_canary_ok(&s->reg_cqes) &&
             sim_region_canary_ok(&s->reg_array) && sim_region_canary_ok(&s->reg_sqes);
    for (int i = 0; i < W_NWORDS; i++)
        ok = ok && sim_region_canary_ok(&s->reg_word[i]);
    if (s->cfg.layout == SIM_LAYOUT_KERNEL) {
        uint8_t *b = s->reg_rings.obj;
        const size_t cq_end = RO_CQES + (size_t)s->cfg.cq_entries * 16u * s->cqe_w;
        const size_t arr_off = (cq_end + 63) & ~(size_t)63;
        sim_unpoison(b + RO_CQ_FLAGS, 4);
        sim_unpoison(b + 48, RO_CQES - 48);
        ok = ok && bytes_are(b + RO_CQ_FLAGS, 4, SIM_CANARY) &&
             bytes_are(b + 48, RO_CQES - 48, SIM_CANARY);
        sim_poison(b + RO_CQ_FLAGS, 4);
        sim_poison(b + 48, RO_CQES - 48);
        if (s->sq_array) {
            sim_unpoison(b + cq_end, arr_off - cq_end);
            ok = ok && bytes_are(b + cq_end, arr_off - cq_end, SIM_CANARY);
            sim_poison(b + cq_end, arr_off - cq_end);
        }
    }
    return ok;
}

int sim_word_id(const struct sim *s, const uint32_t *p)
{
    for (int i = 0; i < W_NWORDS; i++)
        if (s->w[i] == p)
            return i;
    return W_NONE;
}

int sim_ring_ok(const struct sim *s)
{
    const struct hr_ring *r = &s->ring;
    return __atomic_load_n(r->sq.ktail, __ATOMIC_RELAXED) == r->sq.sqe_head &&
           (uint32_t)(r->sq.sqe_tail - r->sq.sqe_head) <=
               (uint32_t)(r->sq.sqe_limit - r->sq.sqe_head) &&
           (uint32_t)(r->sq.sqe_limit - r->sq.sqe_head) <= r->sq.entries &&
           r->sq.khead == s->w[W_SQ_HEAD] && r->sq.ktail == s->w[W_SQ_TAIL] &&
           r->sq.kflags == s->w[W_SQ_FLAGS] && r->sq.array == s->sq_array &&
           r->sq.sqes == (struct hr_sqe *)s->sqes &&
           r->sq.entries == s->cfg.sq_entries && r->sq.mask == s->cfg.sq_entries - 1 &&
           r->sq.sqe_units == s->cfg.sq_entries * s->sqe_w &&
           r->cq.cqe_units == s->cfg.cq_entries * s->cqe_w &&
           r->cq.khead == s->w[W_CQ_HEAD] && r->cq.ktail == s->w[W_CQ_TAIL] &&
           r->cq.koverflow == s->w[W_CQ_OVERFLOW] && r->cq.cqes == s->cqes &&
           r->cq.entries == s->cfg.cq_entries && r->cq.mask == s->cfg.cq_entries - 1 &&
           r->flags == s->cfg.setup_flags;
}

/* ---- event log and hooks --------------------------------------------------- */

void sim_log_reset(struct sim *s)
{
    s->n_ev = 0;
}

static void log_ev(struct sim *s, int kind, const uint32_t *p, uint32_t v)
{
    if (s->n_ev < SIM_EVLOG)
        s->ev[s->n_ev] = (struct sim_event){ kind, p, v };
    s->n_ev++;
}

int sim_log_find(const struct sim *s, unsigned from, int kind, const uint32_t *p)
{
    const unsigned n = s->n_ev < SIM_EVLOG ? s->n_ev : SIM_EVLOG;
    for (unsigned i = from; i < n; i++)
        if (s->ev[i].kind == kind && (p == NULL || s->ev[i].p == p))
            return (int)i;
    return -1;
}

static int kernel_written(int w)
{
    return w == W_SQ_HEAD || w == W_SQ_FLAGS || w == W_CQ_TAIL || w == W_CQ_OVERFLOW;
}

static void hook_load(uint32_t *p)
{
    struct sim *s = sim_cur;
    if (!s)
        return;
    const int w = sim_word_id(s, p);
    if (w == W_NONE) {
        s->n_load_other++;
        return;
    }
    s->n_load[w]++;
    if (s->hostile_loads && kernel_written(w))
        __atomic_store_n(p, sim_hostile_value(s, w), __ATOMIC_RELAXED);
}

uint32_t sim_hook_load_acquire(uint32_t *p)
{
    hook_load(p);
    const uint32_t v = hr_load_acquire(p);      /* the real core/hr_atomic.h body */
    if (sim_cur)
        log_ev(sim_cur, EV_LOAD_ACQ, p, v);
    return v;
}

void sim_hook_store_release(uint32_t *p, uint32_t v)
{
    struct sim *s = sim_cur;
    if (s) {
        const int w = sim_word_id(s, p);
        if (w == W_NONE)
            s->n_store_other++;
        else {
            s->n_store[w]++;
            if (kernel_written(w))
                s->n_core_store_kernel_word++;
        }
        log_ev(s, EV_STORE_REL, p, v);
        if (s->on_store)
            s->on_store(s, p, v);
    }
    hr_store_release(p, v);
}

void sim_hook_fence(void)
{
    if (sim_cur) {
        sim_cur->n_fence++;
        log_ev(sim_cur, EV_FENCE, NULL, 0);
    }
    hr_fence_full();
}

/* ---- hostile values ---------------------------------------------------------- */

uint32_t sim_hostile_value(struct sim *s, int w)
{
    struct sim_rng *g = &s->rng;
    const struct hr_ring *r = &s->ring;
    const uint32_t pick = sim_below(g, 100);
    if (w == W_SQ_FLAGS) {
        if (pick < 50)
            return sim_rand32(g) & 7u;                  /* the real bits */
        return sim_rand32(g);
    }
    if (w == W_CQ_OVERFLOW)
        return pick < 50 ? sim_below(g, 4) : sim_rand32(g);
    const uint32_t e = w == W_SQ_HEAD ? r->sq.entries : r->cq.entries;
    const uint32_t ref = w == W_SQ_HEAD ? r->sq.sqe_tail : r->cq.head;
    if (pick < 45) {                                    /* plausible, +- a bit */
        const uint32_t d = sim_below(g, e + 3);
        return w == W_SQ_HEAD ? ref - d : ref + d;
    }
    if (pick < 60) {                                    /* boundaries */
        static const int64_t k[] = { 0, 1, -1, 2, -2 };
        switch (sim_below(g, 8)) {
        case 0: return ref + e;
        case 1: return ref + e + 1;
        case 2: return ref - e;
        case 3: return ref - e - 1;
        case 4: return 0;
        case 5: return 0xffffffffu;
        case 6: return 0x80000000u + (uint32_t)k[sim_below(g, 5)];
        default: return ref + (uint32_t)k[sim_below(g, 5)];
        }
    }
    if (pick < 70) {                                    /* near our other counter */
        const uint32_t ref2 = w == W_SQ_HEAD ? r->sq.sqe_head : r->cq.head;
        return ref2 + (uint32_t)(int32_t)(sim_below(g, 2 * e + 5) - (e + 2));
    }
    return sim_rand32(g);                               /* garbage */
}

void sim_hostile_scramble(struct sim *s)
{
    static const int ws[] = { W_SQ_HEAD, W_SQ_FLAGS, W_CQ_TAIL, W_CQ_OVERFLOW };
    for (unsigned i = 0; i < 4; i++)
        if (sim_below(&s->rng, 4) != 0)
            __atomic_store_n(s->w[ws[i]], sim_hostile_value(s, ws[i]), __ATOMIC_RELAXED);
    /* a few random CQE units */
    const uint32_t units = s->cfg.cq_entries * s->cqe_w;
    for (uint32_t n = sim_below(&s->rng, 4); n; n--) {
        struct hr_cqe *c = &s->cqes[sim_below(&s->rng, units)];
        c->user_data = sim_rand64(&s->rng);
        c->res = (int32_t)sim_rand32(&s->rng);
        c->flags = sim_rand32(&s->rng);
    }
}

/* ---- kernel steps ---------------------------------------------------------- */

static void fifo_push(struct sim_fifo *f, const struct sim_cqe *c)
{
    if (f->head + f->len == f->cap) {
        if (f->head > 0) {
            memmove(f->v, f->v + f->head, f->len * sizeof *f->v);
            f->head = 0;
        }
        if (f->len == f->cap) {
            f->cap = f->cap ? 2 * f->cap : 64;
            f->v = realloc(f->v, f->cap * sizeof *f->v);
            if (!f->v)
                abort();
        }
    }
    f->v[f->head + f->len++] = *c;
}

static struct sim_cqe fifo_pop(struct sim_fifo *f)
{
    struct sim_cqe c = f->v[f->head++];
    f->len--;
    if (f->len == 0)
        f->head = 0;
    return c;
}

uint32_t sim_cq_room(const struct sim *s)
{
    const uint32_t used = s->k_cq_tail - __atomic_load_n(s->w[W_CQ_HEAD], __ATOMIC_ACQUIRE);
    return used >= s->cfg.cq_entries ? 0 : s->cfg.cq_entries - used;
}

static void write_cqe(struct sim *s, const struct sim_cqe *c)
{
    const uint32_t idx = (s->k_cq_tail & (s->cfg.cq_entries - 1)) * s->cqe_w;
    struct hr_cqe *dst = &s->cqes[idx];
    dst->user_data = c->user_data;
    dst->res = c->res;
    dst->flags = c->flags;
    if (s->cqe_w == 2)
        memcpy(&dst[1], c->big, 16);
    s->k_cq_tail++;
    s->n_posted++;
}

void sim_commit(struct sim *s)
{
    /* io_commit_cqring: CQE stores before the tail, release */
    __atomic_store_n(s->w[W_CQ_TAIL], s->k_cq_tail, __ATOMIC_RELEASE);
}

void sim_post(struct sim *s, const struct sim_cqe *c)
{
    /* Once anything is in the backlog, new CQEs queue behind it
       (io_cqe_cache_refill refuses while IO_CHECK_CQ_OVERFLOW is set), so
       the application sees completions in order. */
    if (s->backlog.len > 0 || sim_cq_room(s) == 0) {
        fifo_push(&s->backlog, c);
        s->n_overflowed++;
        __atomic_or_fetch(s->w[W_SQ_FLAGS], IORING_SQ_CQ_OVERFLOW, __ATOMIC_RELAXED);
        return;
    }
    write_cqe(s, c);
}

void sim_flush_overflow(struct sim *s)
{
    while (s->backlog.len > 0 && sim_cq_room(s) > 0) {
        const struct sim_cqe c = fifo_pop(&s->backlog);
        write_cqe(s, &c);
    }
    sim_commit(s);
    if (s->backlog.len == 0)
        __atomic_and_fetch(s->w[W_SQ_FLAGS], ~IORING_SQ_CQ_OVERFLOW, __ATOMIC_RELAXED);
}

uint32_t sim_complete(struct sim *s, uint32_t max)
{
    uint32_t n = 0;
    while (n < max && s->pending.len > 0) {
        const struct sim_cqe c = fifo_pop(&s->pending);
        sim_post(s, &c);
        n++;
    }
    sim_commit(s);
    if (s->pending.len == 0)
        __atomic_and_fetch(s->w[W_SQ_FLAGS], ~IORING_SQ_TASKRUN, __ATOMIC_RELAXED);
    return n;
}

static void process_sqe(struct sim *s, const uint8_t *sqe_bytes)
{
    const struct hr_sqe *sqe = (const struct hr_sqe *)sqe_bytes;
    struct sim_cqe c;
    c.user_data = sqe->user_data;
    c.res = 0;
    c.flags = 0;
    c.big[0] = sim_big0(sqe->user_data);
    c.big[1] = sim_big1(sqe->user_data);
    if (sqe->opcode != IORING_OP_NOP) {
        c.res = -EINVAL;
        s->n_bad_opcode++;
    }
    if (s->sqe_w == 2 && s->check_sqe128) {
        for (unsigned i = 0; i < 64; i++)
            if (sqe_bytes[64 + i] != sim_sqe128_byte(sqe->user_data, i)) {
                s->n_bad_sqe128++;
                break;
            }
    }
    if (s->async) {
        fifo_push(&s->pending, &c);
        if (s->taskrun)
            __atomic_or_fetch(s->w[W_SQ_FLAGS], IORING_SQ_TASKRUN, __ATOMIC_RELAXED);
    } else {
        sim_post(s, &c);
    }
}

uint32_t sim_consume(struct sim *s, uint32_t max)
{
    const uint32_t e = s->cfg.sq_entries;
    /* io_sqring_entries: acquire of the SQ tail, clamped to the ring size */
    uint32_t avail = __atomic_load_n(s->w[W_SQ_TAIL], __ATOMIC_ACQUIRE) - s->k_sq_head;
    if (avail > e)
        avail = e;
    const uint32_t n = avail < max ? avail : max;
    uint32_t done = 0;
    for (; done < n; done++) {
        /* io_get_sqe */
        uint32_t idx = s->k_sq_head++ & (e - 1);
        if (s->sq_array) {
            idx = __atomic_load_n(&s->sq_array[idx], __ATOMIC_RELAXED);
            if (idx >= e) {             /* drop invalid entries */
                s->sq_dropped++;
                break;
            }
        }
        process_sqe(s, s->sqes + (size_t)idx * 64u * s->sqe_w);
        s->n_consumed++;
    }
    sim_commit(s);
    /* io_commit_sqring: release the SQ head after reading the SQEs */
    __atomic_store_n(s->w[W_SQ_HEAD], s->k_sq_head, __ATOMIC_RELEASE);
    return done;
}

/* ---- io_uring_enter ------------------------------------------------------------ */

static int hostile_enter(struct sim *s, uint32_t to_submit)
{
    sim_hostile_scramble(s);
    struct sim_rng *g = &s->rng;
    switch (sim_below(g, 6)) {
    case 0: return -(int)(1 + sim_below(g, 4095));
    case 1: return -EINTR;
    case 2: return 0;
    case 3: return (int)to_submit;
    case 4: return (int)sim_below(g, 0x80000000u);
    default: return (int)sim_below(g, to_submit + 2);
    }
}

int sim_enter(struct hr_ring *r, uint32_t to_submit, uint32_t min_complete,
              uint32_t flags, const void *arg, uint64_t argsz)
{
    struct sim *s = sim_cur;
    if (!s || r != &s->ring) {
        fprintf(stderr, "sim_enter: no simulated ring for %p\n", (void *)r);
        abort();
    }
    s->n_enter++;
    s->last_to_submit = to_submit;
    s->last_min_complete = min_complete;
    s->last_enter_flags = flags;
    log_ev(s, EV_ENTER, NULL, flags);
    if (arg != NULL || argsz != 0)
        return -EINVAL;
    if (s->hostile_enter)
        return hostile_enter(s, to_submit);
    if (flags & ~(uint32_t)(IORING_ENTER_GETEVENTS | IORING_ENTER_SQ_WAKEUP))
        return -EINVAL;

    int ret;
    if (r->flags & IORING_SETUP_SQPOLL) {
        if (flags & IORING_ENTER_SQ_WAKEUP) {
            __atomic_and_fetch(s->w[W_SQ_FLAGS], ~IORING_SQ_NEED_WAKEUP, __ATOMIC_RELAXED);
            s->n_wakeups++;
            sim_consume(s, s->submit_limit ? s->submit_limit : UINT32_MAX);
        }
        ret = (int)to_submit;          /* the SQPOLL kernel returns to_submit */
    } else {
        uint32_t lim = to_submit;
        if (s->submit_limit && lim > s->submit_limit)
            lim = s->submit_limit;
        ret = (int)sim_consume(s, lim);
    }
    if ((flags & IORING_ENTER_GETEVENTS) && s->spurious > 0) {
        /* woken early (signal, task work): back with nothing new posted */
        s->spurious--;
        return ret;
    }
    if ((flags & IORING_ENTER_GETEVENTS) || (r->flags & IORING_SETUP_IOPOLL)) {
        sim_flush_overflow(s);
        /* task work / async completions: all of them, as a real wait would
           eventually see them */
        if (s->pending.len > 0)
            sim_complete(s, UINT32_MAX);
        sim_flush_overflow(s);
        const uint32_t ready = __atomic_load_n(s->w[W_CQ_TAIL], __ATOMIC_RELAXED) -
                               __atomic_load_n(s->w[W_CQ_HEAD], __ATOMIC_RELAXED);
        if ((flags & IORING_ENTER_GETEVENTS) && ready < min_complete) {
            /* a real kernel would sleep forever: report instead of hanging */
            s->n_would_block++;
            return -EINTR;
        }
    }
    return ret;
}

/* ---- helpers for tests ------------------------------------------------------------ */

void sim_fill_nop(struct sim *s, struct hr_sqe *sqe, uint64_t ud)
{
    memset(sqe, 0, sizeof *sqe);
    sqe->opcode = IORING_OP_NOP;
    sqe->fd = -1;
    sqe->user_data = ud;
    if (s->sqe_w == 2) {
        uint8_t *b = (uint8_t *)sqe + 64;
        for (unsigned i = 0; i < 64; i++)
            b[i] = sim_sqe128_byte(ud, i);
    }
}

uint64_t sim_seed(void)
{
    static uint64_t seed;
    static int init;
    if (!init) {
        const char *e = getenv("SIM_SEED");
        seed = e ? strtoull(e, NULL, 0) : 0x68726e67617321ull;   /* "hrngas!" */
        init = 1;
    }
    return seed;
}
