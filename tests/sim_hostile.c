/* tests/sim_hostile.c -- the core against a hostile kernel.
 *
 * Seeded random values (reproducible: SIM_SEED) are written into every word
 * the kernel owns (SQ head, SQ flags, CQ tail, CQ overflow) and into the
 * CQEs, between calls and -- through the load hooks of tests/sim.h -- in the
 * middle of calls, right before each acquire/relaxed load returns.  The
 * simulated io_uring_enter scrambles everything and returns random values.
 * After every call the contract of specs/hr_ring_spec.h is checked against
 * the memory as the call left it, including its `assigns` clause (a snapshot
 * of every shared location), and ring_ok.  Every region sits against a guard
 * page with canary slack (ASan-poisoned in the sim-asan build), so an
 * out-of-bounds access faults, is reported by ASan, or breaks a canary. */
#include "sim.h"

#include <stdlib.h>
#include <string.h>

static uint32_t units(uint32_t x, uint32_t s) { return s ? 2 * x : x; }

struct snap {
    uint8_t  *sqes, *cqes;
    uint32_t *array;
    size_t    sqe_bytes, cqe_bytes;
    uint32_t  w[W_NWORDS];
};

static void snap_init(struct snap *n, const struct sim *s)
{
    n->sqe_bytes = (size_t)s->cfg.sq_entries * 64 * s->sqe_w;
    n->cqe_bytes = (size_t)s->cfg.cq_entries * 16 * s->cqe_w;
    n->sqes = malloc(n->sqe_bytes);
    n->cqes = malloc(n->cqe_bytes);
    n->array = malloc((size_t)s->cfg.sq_entries * 4);
}

static void snap_free(struct snap *n)
{
    free(n->sqes);
    free(n->cqes);
    free(n->array);
}

static void snap_take(struct snap *n, const struct sim *s)
{
    memcpy(n->sqes, s->sqes, n->sqe_bytes);
    memcpy(n->cqes, s->cqes, n->cqe_bytes);
    if (s->sq_array)
        memcpy(n->array, s->sq_array, (size_t)s->cfg.sq_entries * 4);
    for (int i = 0; i < W_NWORDS; i++)
        n->w[i] = *s->w[i];
}

/* assigns-clause check: what may have changed since the snapshot */
enum {
    MAY_SQ_TAIL = 1, MAY_CQ_HEAD = 2, MAY_ARRAY = 4, MAY_CQES = 8,
    MAY_KWORDS = 16,        /* the kernel (hooks / enter) wrote its words */
};

static void snap_check(const struct snap *n, const struct sim *s, unsigned may)
{
    CHECK(memcmp(n->sqes, s->sqes, n->sqe_bytes) == 0);     /* nobody writes SQEs */
    if (!(may & MAY_CQES))
        CHECK(memcmp(n->cqes, s->cqes, n->cqe_bytes) == 0);
    if (s->sq_array && !(may & MAY_ARRAY))
        CHECK(memcmp(n->array, s->sq_array, (size_t)s->cfg.sq_entries * 4) == 0);
    if (!(may & MAY_SQ_TAIL))
        CHECK_EQ(*s->w[W_SQ_TAIL], n->w[W_SQ_TAIL]);
    if (!(may & MAY_CQ_HEAD))
        CHECK_EQ(*s->w[W_CQ_HEAD], n->w[W_CQ_HEAD]);
    if (!(may & MAY_KWORDS)) {
        CHECK_EQ(*s->w[W_SQ_HEAD], n->w[W_SQ_HEAD]);
        CHECK_EQ(*s->w[W_SQ_FLAGS], n->w[W_SQ_FLAGS]);
        CHECK_EQ(*s->w[W_CQ_TAIL], n->w[W_CQ_TAIL]);
        CHECK_EQ(*s->w[W_CQ_OVERFLOW], n->w[W_CQ_OVERFLOW]);
    }
}

/* guarded out[] buffers for copy_cqes, one per n (cached) */
#define N_OUT 8
struct outbufs {
    uint32_t n[N_OUT];
    struct sim_region reg[N_OUT];
    unsigned count;
    int place_end;
};

static struct hr_cqe *outbuf(struct outbufs *o, uint32_t n, uint32_t cqe_shift, size_t *bytes)
{
    unsigned i;
    for (i = 0; i < o->count; i++)
        if (o->n[i] == n)
            break;
    if (i == o->count) {
        if (o->count == N_OUT)
            abort();
        o->n[i] = n;
        sim_region_alloc(&o->reg[i], (size_t)units(n, cqe_shift) * 16, 16, o->place_end);
        o->count++;
    }
    *bytes = o->reg[i].len;
    memset(o->reg[i].obj, 0xee, o->reg[i].len);
    return (struct hr_cqe *)o->reg[i].obj;
}

static int outbufs_canary_ok(const struct outbufs *o)
{
    for (unsigned i = 0; i < o->count; i++)
        if (!sim_region_canary_ok(&o->reg[i]))
            return 0;
    return 1;
}

static void outbufs_free(struct outbufs *o)
{
    for (unsigned i = 0; i < o->count; i++)
        sim_region_free(&o->reg[i]);
}

static int all_bytes(const void *p, size_t n, uint8_t v)
{
    const uint8_t *b = p;
    for (size_t i = 0; i < n; i++)
        if (b[i] != v)
            return 0;
    return 1;
}

static int same_cqe(const struct hr_cqe *a, const struct hr_cqe *b)
{
    return a->user_data == b->user_data && a->res == b->res && a->flags == b->flags;
}

/* touch every byte of an object the core handed out (faults if outside) */
static void touch(struct sim *s, void *p, size_t n)
{
    volatile uint8_t *b = p;
    uint8_t acc = 0;
    for (size_t i = 0; i < n; i++)
        acc ^= b[i];
    s->user = (void *)(uintptr_t)acc;
}

enum {
    OP_GET_SQE, OP_FLUSH, OP_SQ_READY, OP_SPACE_LEFT, OP_NEEDS_ENTER, OP_NEEDS_FLUSH,
    OP_CQ_READY, OP_COPY_READY, OP_PEEK, OP_ADVANCE, OP_SEEN,
    OP_N_NOENTER,
    OP_SUBMIT = OP_N_NOENTER, OP_SUBMIT_WAIT, OP_COPY_WAIT, OP_WAIT_CQE,
    OP_N_ALL
};

/* modes */
enum { H_BETWEEN = 1, H_MIDCALL = 2, H_ENTER = 4 };

static void hostile_one(const struct sim_cfg *c, uint64_t seed, unsigned iters, int mode)
{
    struct sim *s = sim_new(c);
    struct hr_ring *r = &s->ring;
    struct sim_rng g = { seed };
    s->rng.s = seed ^ 0xdeadbeefcafef00dull;
    s->hostile_enter = 1;
    const uint32_t se = c->sq_entries, ce = c->cq_entries;
    const uint32_t su = s->sqe_w, cu = s->cqe_w;
    const uint32_t ssh = r->sq.sqe_shift, csh = r->cq.cqe_shift;
    /* garbage everywhere the kernel writes */
    for (size_t i = 0; i < (size_t)ce * cu; i++) {
        s->cqes[i].user_data = sim_rand64(&g);
        s->cqes[i].res = (int32_t)sim_rand32(&g);
        s->cqes[i].flags = sim_rand32(&g);
    }
    sim_hostile_scramble(s);

    struct snap sn;
    snap_init(&sn, s);
    struct outbufs ob = { .place_end = c->place_end };
    const uint32_t nchoice[N_OUT] = { 0, 1, 2, ce - 1 ? ce - 1 : 3, ce, ce + 1, ce + 3, 0x10000 };
    uint64_t stat_null = 0, stat_sqe = 0, stat_eio = 0, stat_copied = 0, stat_peek_ok = 0;
    const unsigned nops = (mode & H_ENTER) ? OP_N_ALL : OP_N_NOENTER;

    for (unsigned it = 0; it < iters; it++) {
        const unsigned op = sim_below(&g, nops);
        HR_CTX("%s mode=%d seed=0x%llx it=%u op=%u", sim_cfg_name(c), mode,
                (unsigned long long)seed, it, op);
        if ((mode & H_BETWEEN) && sim_below(&g, 2))
            sim_hostile_scramble(s);
        s->hostile_loads = (mode & H_MIDCALL) && sim_below(&g, 4) != 0;
        const unsigned kw = s->hostile_loads ? MAY_KWORDS : 0;
        snap_take(&sn, s);
        const uint32_t o_sqh = r->sq.sqe_head, o_sqt = r->sq.sqe_tail;
        const uint32_t o_lim = r->sq.sqe_limit;
        const uint32_t o_kt = *s->w[W_SQ_TAIL], o_cqh = r->cq.head;
        const uint64_t o_cqh_stores = s->n_store[W_CQ_HEAD];

        switch (op) {
        case OP_GET_SQE: {
            struct hr_sqe *q = hr_get_sqe(r);
            const uint32_t kh = *s->w[W_SQ_HEAD];
            /* the head is read only at the cached limit; the new limit is
               kh + se when it lies between what we handed out and se past
               what we published */
            const uint32_t room = kh + se - o_sqh;
            const int refill = o_sqt == o_lim;
            const int sane = room <= se && room >= (uint32_t)(o_sqt - o_sqh);
            const int full = refill && (!sane || room == (uint32_t)(o_sqt - o_sqh));
            CHECK_EQ(q == NULL, full);
            CHECK_EQ(r->sq.sqe_limit, refill && sane ? kh + se : o_lim);
            snap_check(&sn, s, kw);
            if (q) {
                CHECK(q == r->sq.sqes + units(o_sqt & (se - 1), ssh));
                CHECK_EQ(r->sq.sqe_tail, o_sqt + 1);
                CHECK((uint32_t)(r->sq.sqe_tail - o_sqh) <= (uint32_t)(r->sq.sqe_limit - o_sqh));
                CHECK((uint32_t)(r->sq.sqe_limit - o_sqh) <= se);
                memset(q, (int)(it & 0xff), (size_t)64 * su);   /* the whole SQE */
                stat_sqe++;
            } else {
                CHECK_EQ(r->sq.sqe_tail, o_sqt);
                stat_null++;
            }
            break;
        }
        case OP_FLUSH: {
            const uint32_t n = hr_flush_sq(r);
            CHECK_EQ(n, o_sqt - o_sqh);
            CHECK_EQ(*s->w[W_SQ_TAIL], o_kt + n);
            CHECK_EQ(r->sq.sqe_head, r->sq.sqe_tail);
            CHECK_EQ(r->sq.sqe_tail, o_sqt);
            if (s->sq_array)
                for (uint32_t i = 0; i < se; i++) {
                    const uint32_t off = (i - o_sqh) & (se - 1);    /* ring_off */
                    if (off < n)
                        CHECK_EQ(s->sq_array[i], i);     /* slot(tail+j) holds slot(head+j) */
                    else
                        CHECK_EQ(s->sq_array[i], sn.array[i]);
                }
            snap_check(&sn, s, kw | MAY_SQ_TAIL | MAY_ARRAY);
            break;
        }
        case OP_SQ_READY: {
            const uint32_t v = hr_sq_ready(r);
            CHECK_EQ(v, r->sq.sqe_tail - *s->w[W_SQ_HEAD]);
            snap_check(&sn, s, kw);
            break;
        }
        case OP_SPACE_LEFT: {
            const uint32_t v = hr_sq_space_left(r);
            const uint32_t d = r->sq.sqe_tail - *s->w[W_SQ_HEAD];
            CHECK_EQ(v, d > se ? 0 : se - d);
            snap_check(&sn, s, kw);
            break;
        }
        case OP_NEEDS_ENTER: {
            const uint32_t submit = sim_below(&g, 3) ? sim_rand32(&g) : 0;
            uint32_t f = sim_rand32(&g);
            const uint32_t f0 = f;
            const int ret = hr_sq_ring_needs_enter(r, submit, &f);
            const uint32_t kf = *s->w[W_SQ_FLAGS];
            if (submit == 0) {
                CHECK_EQ(ret, 0);
                CHECK_EQ(f, f0);
            } else if (!(r->flags & IORING_SETUP_SQPOLL)) {
                CHECK_EQ(ret, 1);
                CHECK_EQ(f, f0);
            } else {
                CHECK_EQ(ret, (kf & IORING_SQ_NEED_WAKEUP) != 0);
                CHECK_EQ(f, ret ? (f0 | IORING_ENTER_SQ_WAKEUP) : f0);
            }
            snap_check(&sn, s, kw);
            break;
        }
        case OP_NEEDS_FLUSH: {
            const int ret = hr_cq_ring_needs_flush(r);
            CHECK_EQ(ret != 0, (*s->w[W_SQ_FLAGS] & (IORING_SQ_CQ_OVERFLOW | IORING_SQ_TASKRUN)) != 0);
            snap_check(&sn, s, kw);
            break;
        }
        case OP_CQ_READY: {
            const uint32_t v = hr_cq_ready(r);
            CHECK_EQ(v, *s->w[W_CQ_TAIL] - o_cqh);
            snap_check(&sn, s, kw);
            break;
        }
        case OP_COPY_READY: {
            const uint32_t n = nchoice[sim_below(&g, sim_below(&g, 16) ? N_OUT - 1 : N_OUT)];
            size_t bytes;
            struct hr_cqe *out = outbuf(&ob, n, csh, &bytes);
            const int ret = hr_copy_cqes_ready(r, out, n);
            const uint32_t dist = *s->w[W_CQ_TAIL] - o_cqh;
            if (dist > ce) {
                CHECK_EQ(ret, -HR_EIO);
                CHECK_EQ(r->cq.head, o_cqh);
                CHECK_EQ(s->n_store[W_CQ_HEAD], o_cqh_stores);
                CHECK(all_bytes(out, bytes, 0xee));
                snap_check(&sn, s, kw);
                stat_eio++;
            } else {
                const uint32_t cnt = dist < n ? dist : n;
                CHECK_EQ(ret, cnt);
                CHECK(ret >= 0 && (uint32_t)ret <= n && (uint32_t)ret <= ce);
                CHECK_EQ(r->cq.head, o_cqh + cnt);
                CHECK_EQ(*s->w[W_CQ_HEAD], r->cq.head);
                CHECK_EQ(s->n_store[W_CQ_HEAD], o_cqh_stores + 1);
                /* in_order: out[i] == ring[ring_slot(units(slot(head)), i, units(e))] */
                const uint32_t eu = units(ce, csh), first = units(o_cqh & (ce - 1), csh);
                for (uint32_t i = 0; i < units(cnt, csh); i++) {
                    const uint32_t k = first + i < eu ? first + i : first + i - eu;
                    CHECK(same_cqe(&out[i], &s->cqes[k]));
                }
                CHECK(all_bytes(out + units(cnt, csh), bytes - (size_t)units(cnt, csh) * 16, 0xee));
                snap_check(&sn, s, kw | MAY_CQ_HEAD);
                stat_copied += cnt;
            }
            break;
        }
        case OP_PEEK: {
            struct hr_cqe *p = (struct hr_cqe *)(uintptr_t)0x1234;
            const int ret = hr_peek_cqe(r, &p);
            const uint32_t dist = *s->w[W_CQ_TAIL] - r->cq.head;
            CHECK_EQ(r->cq.head, o_cqh);
            if (dist == 0)
                CHECK_EQ(ret, -HR_EAGAIN);
            else if (dist > ce)
                CHECK_EQ(ret, -HR_EIO);
            else
                CHECK_EQ(ret, 0);
            if (ret == 0) {
                CHECK(p == r->cq.cqes + units(o_cqh & (ce - 1), csh));
                if (p)
                    touch(s, p, (size_t)16 * cu);
                stat_peek_ok++;
            } else {
                CHECK(p == NULL);
            }
            snap_check(&sn, s, kw);
            break;
        }
        case OP_ADVANCE: {
            /* any count, sane or not: the core just moves its head */
            const uint32_t k = sim_below(&g, 4) ? sim_below(&g, ce + 2) : sim_rand32(&g);
            hr_cq_advance(r, k);
            CHECK_EQ(r->cq.head, o_cqh + k);
            CHECK_EQ(*s->w[W_CQ_HEAD], r->cq.head);
            snap_check(&sn, s, kw | MAY_CQ_HEAD);
            break;
        }
        case OP_SEEN:
            hr_cqe_seen(r, r->cq.cqes);
            CHECK_EQ(r->cq.head, o_cqh + 1);
            CHECK_EQ(*s->w[W_CQ_HEAD], r->cq.head);
            snap_check(&sn, s, kw | MAY_CQ_HEAD);
            break;
        case OP_SUBMIT:
        case OP_SUBMIT_WAIT: {
            const uint64_t en = s->n_enter;
            const int ret = op == OP_SUBMIT ? hr_submit(r)
                                            : hr_submit_and_wait(r, sim_below(&g, 4));
            CHECK(ret >= -4095);
            CHECK_EQ(r->sq.sqe_head, r->sq.sqe_tail);
            CHECK_EQ(r->sq.sqe_tail, o_sqt);
            CHECK_EQ(*s->w[W_SQ_TAIL], o_kt + (o_sqt - o_sqh));
            CHECK_EQ(r->cq.head, o_cqh);
            if (s->n_enter != en)
                CHECK(s->last_to_submit <= se);          /* clamped like the kernel */
            snap_check(&sn, s, MAY_KWORDS | MAY_CQES | MAY_SQ_TAIL | MAY_ARRAY);
            break;
        }
        case OP_COPY_WAIT: {
            const uint32_t n = nchoice[sim_below(&g, N_OUT - 1)];
            size_t bytes;
            struct hr_cqe *out = outbuf(&ob, n, csh, &bytes);
            const int ret = hr_copy_cqes(r, out, n, sim_below(&g, 3));
            CHECK(ret >= -4095 && ret <= (int)n);
            if (ret >= 0) {
                CHECK_EQ(r->cq.head, o_cqh + (uint32_t)ret);
                CHECK(all_bytes(out + units((uint32_t)ret, csh),
                                bytes - (size_t)units((uint32_t)ret, csh) * 16, 0xee));
            } else {
                CHECK_EQ(r->cq.head, o_cqh);
            }
            snap_check(&sn, s, MAY_KWORDS | MAY_CQES | MAY_CQ_HEAD);
            break;
        }
        case OP_WAIT_CQE: {
            struct hr_cqe *p = (struct hr_cqe *)(uintptr_t)0x1234;
            const int ret = hr_wait_cqe_nr(r, &p, sim_below(&g, 3));
            CHECK(ret >= -4095 && ret <= 0);
            CHECK_EQ(r->cq.head, o_cqh);
            if (ret == 0) {
                CHECK(p == r->cq.cqes + units(o_cqh & (ce - 1), csh));
                if (p)
                    touch(s, p, (size_t)16 * cu);
            } else {
                CHECK(p == NULL);
            }
            snap_check(&sn, s, MAY_KWORDS | MAY_CQES);
            break;
        }
        }
        s->hostile_loads = 0;
        CHECK(sim_ring_ok(s));
        CHECK_EQ(*s->w[W_CQ_HEAD], r->cq.head);     /* only we write it, always our copy */
        CHECK_EQ(s->n_core_store_kernel_word, 0);
        CHECK_EQ(s->n_store_other, 0);
        if ((it & 255) == 0) {
            CHECK(sim_canaries_ok(s));
            CHECK(outbufs_canary_ok(&ob));
        }
    }
    CHECK(sim_canaries_ok(s));
    CHECK(outbufs_canary_ok(&ob));
    /* the generator must exercise both outcomes, or the test is vacuous */
    if (iters >= 2000) {
        CHECK(stat_null > 0 && stat_sqe > 0);
        CHECK(stat_eio > 0 && stat_copied > 0 && stat_peek_ok > 0);
    }
    outbufs_free(&ob);
    snap_free(&sn);
    sim_free(s);
}

static void hostile_set(int mode, unsigned iters, int sqpoll)
{
    static const uint32_t geo[][2] = { { 1, 1 }, { 2, 8 }, { 8, 2 }, { 16, 16 }, { 4, 64 } };
    unsigned n = 0;
    for (unsigned a = 0; a < 5; a++)
        for (uint32_t fl = 0; fl < 8; fl++, n++) {
            const uint32_t flags = ((fl & 1) ? IORING_SETUP_NO_SQARRAY : 0) |
                                   ((fl & 2) ? IORING_SETUP_SQE128 : 0) |
                                   ((fl & 4) ? IORING_SETUP_CQE32 : 0) |
                                   (sqpoll ? IORING_SETUP_SQPOLL : 0);
            const uint64_t seed = sim_seed() * 31 + (uint64_t)mode * 1000003u + n * 7919u + (unsigned)sqpoll;
            struct sim_rng g = { seed };
            struct sim_cfg c = { geo[a][0], geo[a][1], flags, sim_rand32(&g), sim_rand32(&g),
                                 (int)((a + fl) & 1), (int)((a + fl / 2) & 1) };
            hostile_one(&c, seed, iters, mode);
        }
}

TEST(hostile_between_calls)
{
    hostile_set(H_BETWEEN, 3000, 0);
}

TEST(hostile_mid_call_loads)
{
    hostile_set(H_BETWEEN | H_MIDCALL, 3000, 0);
}

TEST(hostile_enter)
{
    hostile_set(H_BETWEEN | H_MIDCALL | H_ENTER, 3000, 0);
}

TEST(hostile_enter_sqpoll)
{
    hostile_set(H_BETWEEN | H_MIDCALL | H_ENTER, 2000, 1);
}
