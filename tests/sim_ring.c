/* tests/sim_ring.c -- functional tests of core/hr_ring.h against the
 * simulated kernel: wrap-around, SQ full, SQ array slots, two-segment CQ
 * copies, SQE128/CQE32 strides, the ready/space formulas, SQPOLL wakeup,
 * overflow and task-run flushing, short submits, ordering of the stores. */
#include "sim.h"
#include "hr_prep.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#define NOSQA IORING_SETUP_NO_SQARRAY
#define S128  IORING_SETUP_SQE128
#define C32   IORING_SETUP_CQE32

static struct sim_cfg cfg(uint32_t sq, uint32_t cq, uint32_t flags, uint32_t start_sq,
                          uint32_t start_cq, int layout, int place_end)
{
    struct sim_cfg c = { sq, cq, flags, start_sq, start_cq, layout, place_end };
    return c;
}

static uint32_t units(uint32_t x, uint32_t s) { return s ? 2 * x : x; }

/* the SQE hr_get_sqe must hand out for counter c */
static struct hr_sqe *sqe_at(struct sim *s, uint32_t c)
{
    return s->ring.sq.sqes + units(c & s->ring.sq.mask, s->ring.sq.sqe_shift);
}

static struct hr_cqe *cqe_at(struct sim *s, uint32_t c)
{
    return s->ring.cq.cqes + units(c & s->ring.cq.mask, s->ring.cq.cqe_shift);
}

/* check one reaped CQE (1 or 2 units) against the NOP with user_data ud */
static void check_cqe(struct sim *s, const struct hr_cqe *c, uint64_t ud)
{
    CHECK_EQ(c->user_data, ud);
    CHECK_EQ(c->res, 0);
    CHECK_EQ(c->flags, 0);
    if (s->cqe_w == 2) {
        uint64_t big[2];
        memcpy(big, &c[1], 16);
        CHECK_EQ(big[0], sim_big0(ud));
        CHECK_EQ(big[1], sim_big1(ud));
    }
}

static void check_sim_clean(struct sim *s)
{
    CHECK(sim_ring_ok(s));
    CHECK_EQ(s->n_bad_sqe128, 0);
    CHECK_EQ(s->n_bad_opcode, 0);
    CHECK_EQ(s->sq_dropped, 0);
    CHECK_EQ(s->n_would_block, 0);
    CHECK_EQ(s->n_core_store_kernel_word, 0);
    CHECK_EQ(s->n_store_other, 0);
}

/* publish n NOPs (ud, ud+1, ...) */
static void get_fill(struct sim *s, uint32_t n, uint64_t ud)
{
    for (uint32_t i = 0; i < n; i++) {
        struct hr_sqe *q = hr_get_sqe(&s->ring);
        CHECK(q != NULL);
        if (!q)
            return;
        sim_fill_nop(s, q, ud + i);
    }
}

/* ------------------------------------------------------------------------ */

TEST(interposition_active)
{
    /* the hooks must be live, or every other test here proves nothing:
       hr_submit must reach sim_enter, not the io_uring_enter syscall */
    struct sim_cfg c = cfg(4, 8, 0, 0, 0, SIM_LAYOUT_KERNEL, 1);
    struct sim *s = sim_new(&c);
    struct hr_sqe *q = hr_get_sqe(&s->ring);
    CHECK(q == sqe_at(s, 0));
    sim_fill_nop(s, q, 77);
    CHECK_EQ(hr_submit(&s->ring), 1);
    CHECK_EQ(s->n_enter, 1);
    CHECK_EQ(s->last_to_submit, 1);
    CHECK_EQ(s->last_enter_flags, 0);
    CHECK_EQ(s->n_store[W_SQ_TAIL], 1);
    CHECK(s->n_load[W_SQ_HEAD] >= 1);
    struct hr_cqe *cqe;
    CHECK_EQ(hr_peek_cqe(&s->ring, &cqe), 0);
    CHECK(cqe == cqe_at(s, 0));
    check_cqe(s, cqe, 77);
    hr_cqe_seen(&s->ring, cqe);
    CHECK_EQ(*s->w[W_CQ_HEAD], 1);
    CHECK_EQ(hr_peek_cqe(&s->ring, &cqe), -HR_EAGAIN);
    CHECK(cqe == NULL);
    check_sim_clean(s);
    CHECK(sim_canaries_ok(s));
    sim_free(s);
}

/* ------------------------------------------------------------------------ */

TEST(sq_full_after_entries)
{
    static const uint32_t sizes[] = { 1, 2, 4, 8, 64, 32768 };
    static const uint32_t starts[] = { 0, 0xfffffff0u, 0xffffffffu, 0x7fffffffu, 0x80000003u };
    for (unsigned a = 0; a < 6; a++)
        for (unsigned b = 0; b < 5; b++)
            for (uint32_t fl = 0; fl < 4; fl++) {
                const uint32_t e = sizes[a];
                const uint32_t flags = ((fl & 1) ? NOSQA : 0) | ((fl & 2) ? S128 : 0);
                struct sim_cfg c = cfg(e, 2 * e < 65536 ? 2 * e : 65536, flags, starts[b], 0,
                                       (int)(fl & 1), (int)(b & 1));
                HR_CTX("%s", sim_cfg_name(&c));
                struct sim *s = sim_new(&c);
                struct hr_ring *r = &s->ring;
                for (uint32_t i = 0; i < e; i++) {
                    struct hr_sqe *q = hr_get_sqe(r);
                    CHECK(q == sqe_at(s, starts[b] + i));
                    if (q)
                        sim_fill_nop(s, q, i);
                    CHECK_EQ(hr_sq_space_left(r), e - i - 1);
                }
                CHECK_EQ(hr_sq_ready(r), e);
                CHECK_EQ(hr_sq_space_left(r), 0);
                const uint32_t t = r->sq.sqe_tail;
                CHECK(hr_get_sqe(r) == NULL);
                CHECK(hr_get_sqe(r) == NULL);
                CHECK_EQ(r->sq.sqe_tail, t);
                /* published but not consumed: still full */
                CHECK_EQ(hr_flush_sq(r), e);
                CHECK_EQ(*s->w[W_SQ_TAIL], starts[b] + e);
                CHECK(hr_get_sqe(r) == NULL);
                CHECK_EQ(r->sq.sqe_tail, t);
                /* the kernel consumes k: exactly k more */
                const uint32_t k = e > 3 ? 3 : 1;
                CHECK_EQ(sim_consume(s, k), k);
                for (uint32_t i = 0; i < k; i++) {
                    struct hr_sqe *q = hr_get_sqe(r);
                    CHECK(q == sqe_at(s, starts[b] + e + i));
                    if (q)
                        sim_fill_nop(s, q, e + i);
                }
                CHECK(hr_get_sqe(r) == NULL);
                CHECK_EQ(hr_flush_sq(r), k);
                CHECK_EQ(sim_consume(s, UINT32_MAX), e);
                CHECK_EQ(hr_sq_ready(r), 0);
                CHECK_EQ(hr_sq_space_left(r), e);
                check_sim_clean(s);
                CHECK(sim_canaries_ok(s));
                sim_free(s);
            }
}

TEST(sq_full_with_lying_head)
{
    /* `entries` SQEs handed out, none published: a head that claims more
       than was published must not open a slot (2nd test in hr_get_sqe). */
    static const uint32_t starts[] = { 0, 0xfffffffcu, 0xffffffffu };
    for (unsigned b = 0; b < 3; b++)
        for (uint32_t e = 1; e <= 16; e *= 2) {
            struct sim_cfg c = cfg(e, e, 0, starts[b], 0, SIM_LAYOUT_SPLIT, 1);
            HR_CTX("%s", sim_cfg_name(&c));
            struct sim *s = sim_new(&c);
            struct hr_ring *r = &s->ring;
            for (uint32_t i = 0; i < e; i++)
                CHECK(hr_get_sqe(r) != NULL);
            for (uint32_t d = 0; d <= e + 1; d++) {
                *s->w[W_SQ_HEAD] = starts[b] + d;      /* d beyond published */
                CHECK(hr_get_sqe(r) == NULL);
                CHECK_EQ(r->sq.sqe_tail, starts[b] + e);
            }
            *s->w[W_SQ_HEAD] = starts[b] - 1;          /* behind: 1 more than e */
            CHECK(hr_get_sqe(r) == NULL);
            CHECK(sim_ring_ok(s));
            sim_free(s);
        }
}

/* ------------------------------------------------------------------------ */

struct tail_probe { uint32_t first, n, errors, stores; };

static void on_store_sq_tail(struct sim *s, uint32_t *p, uint32_t v)
{
    struct tail_probe *t = s->user;
    if (p != s->w[W_SQ_TAIL])
        return;
    t->stores++;
    (void)v;
    /* release point: every slot being published is already in the array */
    if (s->sq_array)
        for (uint32_t j = 0; j < t->n; j++) {
            const uint32_t slot = (t->first + j) & (s->cfg.sq_entries - 1);
            if (s->sq_array[slot] != slot)
                t->errors++;
        }
}

TEST(flush_writes_exactly_the_slots)
{
    static const uint32_t starts[] = { 0, 5, 0xfffffff0u, 0xfffffffeu, 0x7ffffffdu };
    for (uint32_t e = 1; e <= 32; e *= 2)
        for (unsigned b = 0; b < 5; b++)
            for (uint32_t n = 0; n <= e; n++)
                for (int noarr = 0; noarr < 2; noarr++) {
                    struct sim_cfg c = cfg(e, e, noarr ? NOSQA : 0, starts[b], 0,
                                           (int)((n + b) & 1), (int)(n & 1));
                    HR_CTX("%s n=%u", sim_cfg_name(&c), n);
                    struct sim *s = sim_new(&c);
                    struct hr_ring *r = &s->ring;
                    if (s->sq_array)
                        for (uint32_t i = 0; i < e; i++)
                            s->sq_array[i] = 0xc0ffee00u + i;        /* canary */
                    get_fill(s, n, 100);
                    const size_t sqe_bytes = (size_t)e * 64 * s->sqe_w;
                    uint8_t *before = malloc(sqe_bytes);
                    memcpy(before, s->sqes, sqe_bytes);
                    struct tail_probe tp = { starts[b], n, 0, 0 };
                    s->user = &tp;
                    s->on_store = on_store_sq_tail;
                    sim_log_reset(s);
                    CHECK_EQ(hr_flush_sq(r), n);
                    s->on_store = NULL;
                    CHECK_EQ(tp.stores, 1);             /* one release store */
                    CHECK_EQ(tp.errors, 0);
                    CHECK_EQ(*s->w[W_SQ_TAIL], starts[b] + n);
                    CHECK_EQ(r->sq.sqe_head, starts[b] + n);
                    CHECK_EQ(r->sq.sqe_tail, starts[b] + n);
                    CHECK(memcmp(before, s->sqes, sqe_bytes) == 0);   /* SQEs untouched */
                    free(before);
                    if (s->sq_array) {
                        for (uint32_t i = 0; i < e; i++) {
                            /* is slot i one of the n published? */
                            const uint32_t off = (i - starts[b]) & (e - 1);
                            if (off < n)
                                CHECK_EQ(s->sq_array[i], i);
                            else
                                CHECK_EQ(s->sq_array[i], 0xc0ffee00u + i);
                        }
                    }
                    /* the kernel reads back exactly those NOPs */
                    CHECK_EQ(sim_consume(s, UINT32_MAX), n);
                    for (uint32_t j = 0; j < n; j++) {
                        struct hr_cqe *cqe;
                        CHECK_EQ(hr_peek_cqe(r, &cqe), 0);
                        if (cqe)
                            check_cqe(s, cqe, 100 + j);
                        hr_cqe_seen(r, cqe);
                    }
                    /* a second flush publishes nothing and writes no slot */
                    if (s->sq_array)
                        for (uint32_t i = 0; i < e; i++)
                            s->sq_array[i] = 0xbadu;
                    CHECK_EQ(hr_flush_sq(r), 0);
                    CHECK_EQ(*s->w[W_SQ_TAIL], starts[b] + n);
                    if (s->sq_array)
                        for (uint32_t i = 0; i < e; i++)
                            CHECK_EQ(s->sq_array[i], 0xbadu);
                    check_sim_clean(s);
                    CHECK(sim_canaries_ok(s));
                    sim_free(s);
                }
}

/* ------------------------------------------------------------------------ */

struct head_probe { struct hr_cqe *out; uint32_t cnt_units; uint64_t first_ud; int errors; int stores; };

static void on_store_cq_head(struct sim *s, uint32_t *p, uint32_t v)
{
    struct head_probe *h = s->user;
    (void)v;
    if (p != s->w[W_CQ_HEAD])
        return;
    h->stores++;
    /* release point: all CQEs already read out of the ring */
    for (uint32_t i = 0; i < h->cnt_units; i += s->cqe_w)
        if (h->out[i].user_data != h->first_ud + i / s->cqe_w)
            h->errors++;
}

TEST(copy_cqes_two_segments)
{
    /* small CQ; every head slot, every ready count, every n: the copy
       crosses the end of the ring (two segments) and the u32 wrap */
    for (uint32_t e = 1; e <= 8; e *= 2)
        for (int c32 = 0; c32 < 2; c32++)
            for (uint32_t h = 0; h < 2 * e + 1; h++)
                for (uint32_t ready = 0; ready <= e; ready++)
                    for (uint32_t n = 0; n <= e + 1; n++) {
                        const uint32_t start = 0xfffffff8u + h;
                        struct sim_cfg c = cfg(1, e, c32 ? C32 : 0, 0, start,
                                               (int)((h + n) & 1), (int)(ready & 1));
                        HR_CTX("%s ready=%u n=%u", sim_cfg_name(&c), ready, n);
                        struct sim *s = sim_new(&c);
                        struct hr_ring *r = &s->ring;
                        for (uint32_t i = 0; i < ready; i++) {
                            struct sim_cqe q = { 1000 + i, 0, 0, { sim_big0(1000 + i), sim_big1(1000 + i) } };
                            sim_post(s, &q);
                        }
                        sim_commit(s);
                        CHECK_EQ(hr_cq_ready(r), ready);
                        /* out[] sized exactly units(n), against a guard page */
                        struct sim_region og;
                        const uint32_t nu = units(n, r->cq.cqe_shift);
                        sim_region_alloc(&og, (size_t)nu * 16, 16, 1);
                        struct hr_cqe *out = (struct hr_cqe *)og.obj;
                        memset(out, 0xee, (size_t)nu * 16);
                        const uint32_t cnt = ready < n ? ready : n;
                        struct head_probe hp = { out, units(cnt, r->cq.cqe_shift), 1000, 0, 0 };
                        s->user = &hp;
                        s->on_store = on_store_cq_head;
                        const int got = hr_copy_cqes_ready(r, out, n);
                        s->on_store = NULL;
                        CHECK_EQ(got, cnt);
                        CHECK_EQ(hp.stores, 1);
                        CHECK_EQ(hp.errors, 0);
                        for (uint32_t i = 0; i < cnt; i++)
                            check_cqe(s, out + units(i, r->cq.cqe_shift), 1000 + i);
                        for (uint32_t i = units(cnt, r->cq.cqe_shift); i < nu; i++) {
                            const uint8_t *b = (const uint8_t *)&out[i];
                            for (int k = 0; k < 16; k++)
                                CHECK_EQ(b[k], 0xee);        /* untouched */
                        }
                        CHECK_EQ(r->cq.head, start + cnt);
                        CHECK_EQ(*s->w[W_CQ_HEAD], start + cnt);
                        CHECK_EQ(hr_cq_ready(r), ready - cnt);
                        CHECK(sim_region_canary_ok(&og));
                        sim_region_free(&og);
                        check_sim_clean(s);
                        CHECK(sim_canaries_ok(s));
                        sim_free(s);
                    }
}

TEST(copy_cqes_corrupt_tail_is_eio)
{
    for (uint32_t e = 1; e <= 64; e *= 4)
        for (int c32 = 0; c32 < 2; c32++) {
            const uint32_t start = 0xfffffffeu;
            struct sim_cfg c = cfg(1, e, c32 ? C32 : 0, 0, start, SIM_LAYOUT_SPLIT, 1);
            HR_CTX("%s", sim_cfg_name(&c));
            struct sim *s = sim_new(&c);
            struct hr_ring *r = &s->ring;
            struct hr_cqe out[2 * 64 + 2];
            static const uint32_t bad[] = { 1, 2, 1000, 0x7fffffffu, 0x80000000u, 0xffffffffu };
            for (unsigned i = 0; i < 6; i++) {
                /* more than e ahead, up to 2^32 - 1 ahead (no u32 wrap to <= e) */
                const uint32_t d = bad[i] == 0xffffffffu ? bad[i] : bad[i] + e;
                *s->w[W_CQ_TAIL] = start + d;
                memset(out, 0xee, sizeof out);
                const uint64_t st = s->n_store[W_CQ_HEAD];
                CHECK_EQ(hr_copy_cqes_ready(r, out, e), -HR_EIO);
                CHECK_EQ(r->cq.head, start);
                CHECK_EQ(s->n_store[W_CQ_HEAD], st);
                for (size_t k = 0; k < sizeof out; k++)
                    CHECK_EQ(((uint8_t *)out)[k], 0xee);
                struct hr_cqe *p = (struct hr_cqe *)1;
                CHECK_EQ(hr_peek_cqe(r, &p), -HR_EIO);
                CHECK(p == NULL);
            }
            /* exactly e ahead is a full ring, legal */
            *s->w[W_CQ_TAIL] = start + e;
            CHECK_EQ(hr_copy_cqes_ready(r, out, 1), 1);
            struct hr_cqe *p;
            CHECK_EQ(hr_peek_cqe(r, &p), e > 1 ? 0 : -HR_EAGAIN);
            sim_free(s);
        }
}

/* ------------------------------------------------------------------------ */

TEST(strides_sqe128_cqe32)
{
    for (uint32_t fl = 0; fl < 8; fl++) {
        const uint32_t flags = ((fl & 1) ? S128 : 0) | ((fl & 2) ? C32 : 0) | ((fl & 4) ? NOSQA : 0);
        struct sim_cfg c = cfg(8, 16, flags, 0xfffffffau, 0xfffffff5u, (int)(fl & 1), (int)((fl >> 1) & 1));
        HR_CTX("%s", sim_cfg_name(&c));
        struct sim *s = sim_new(&c);
        struct hr_ring *r = &s->ring;
        s->check_sqe128 = 1;
        uint64_t ud = 1, want = 1;
        for (int round = 0; round < 40; round++) {
            const uint32_t k = (uint32_t)(round % 8) + 1;
            for (uint32_t i = 0; i < k; i++) {
                const uint32_t t = r->sq.sqe_tail;
                struct hr_sqe *q = hr_get_sqe(r);
                /* byte distance: slot * 64 << sqe_shift */
                CHECK((uint8_t *)q == s->sqes + (size_t)(t & 7) * (64u << r->sq.sqe_shift));
                if (q)
                    sim_fill_nop(s, q, ud++);
            }
            CHECK_EQ(hr_submit(r), k);
            /* zero-copy side: peek gives the slot * 16 << cqe_shift */
            for (uint32_t i = 0; i < k / 2; i++) {
                struct hr_cqe *p;
                const uint32_t h = r->cq.head;
                CHECK_EQ(hr_peek_cqe(r, &p), 0);
                CHECK((uint8_t *)p == (uint8_t *)s->cqes + (size_t)(h & 15) * (16u << r->cq.cqe_shift));
                if (p)
                    check_cqe(s, p, want);
                want++;
                hr_cqe_seen(r, p);
            }
            /* copying side: units(n) units */
            struct hr_cqe out[2 * 16];
            const int got = hr_copy_cqes_ready(r, out, 16);
            CHECK_EQ(got, k - k / 2);
            for (int i = 0; i < got; i++)
                check_cqe(s, out + units((uint32_t)i, r->cq.cqe_shift), want++);
        }
        CHECK_EQ(want, ud);
        check_sim_clean(s);
        CHECK(sim_canaries_ok(s));
        sim_free(s);
    }
}

/* ------------------------------------------------------------------------ */

TEST(ready_and_space_formulas)
{
    static const uint32_t vals[] = { 0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 0x7fffffffu, 0x80000000u,
                                     0x80000001u, 0xfffffff0u, 0xfffffff8u, 0xfffffffeu, 0xffffffffu };
    const unsigned nv = sizeof vals / sizeof vals[0];
    for (uint32_t e = 1; e <= 16; e *= 2) {
        struct sim_cfg c = cfg(e, e, 0, 0, 0, SIM_LAYOUT_KERNEL, 1);
        struct sim *s = sim_new(&c);
        struct hr_ring *r = &s->ring;
        for (unsigned a = 0; a < nv; a++)
            for (uint32_t d = 0; d <= e; d++)
                for (unsigned b = 0; b < nv; b++)
                    for (int dh = -3; dh <= 3; dh++) {
                        /* our counters, satisfying ring_ok */
                        r->sq.sqe_head = vals[a];
                        *s->w[W_SQ_TAIL] = vals[a];
                        r->sq.sqe_tail = vals[a] + d;
                        r->sq.sqe_limit = vals[a] + d;
                        /* the kernel's head: anything */
                        const uint32_t kh = vals[b] + (uint32_t)dh;
                        *s->w[W_SQ_HEAD] = kh;
                        const uint32_t ready = r->sq.sqe_tail - kh;
                        HR_CTX("e=%u sqe_head=0x%x d=%u khead=0x%x", e, vals[a], d, kh);
                        CHECK_EQ(hr_sq_ready(r), ready);
                        CHECK_EQ(hr_sq_space_left(r), ready > e ? 0 : e - ready);
                        /* CQ */
                        r->cq.head = vals[a] + d;
                        *s->w[W_CQ_TAIL] = kh;
                        CHECK_EQ(hr_cq_ready(r), (uint32_t)(kh - (vals[a] + d)));
                    }
        sim_free(s);
    }
}

/* ------------------------------------------------------------------------ */

TEST(needs_enter_sqpoll)
{
    for (int sqpoll = 0; sqpoll < 2; sqpoll++) {
        struct sim_cfg c = cfg(4, 8, sqpoll ? IORING_SETUP_SQPOLL : 0, 0, 0, SIM_LAYOUT_KERNEL, 0);
        struct sim *s = sim_new(&c);
        struct hr_ring *r = &s->ring;
        static const uint32_t kf[] = { 0, IORING_SQ_NEED_WAKEUP, IORING_SQ_CQ_OVERFLOW,
                                       IORING_SQ_TASKRUN, 7, 0xfffffffeu, 0xffffffffu, 0x100u };
        for (unsigned i = 0; i < 8; i++)
            for (uint32_t submit = 0; submit < 3; submit++) {
                HR_CTX("sqpoll=%d kflags=0x%x submit=%u", sqpoll, kf[i], submit);
                *s->w[W_SQ_FLAGS] = kf[i];
                uint32_t f = 0xf0u;
                sim_log_reset(s);
                const int ret = hr_sq_ring_needs_enter(r, submit, &f);
                if (submit == 0) {
                    CHECK_EQ(ret, 0);
                    CHECK_EQ(f, 0xf0u);
                } else if (!sqpoll) {
                    CHECK_EQ(ret, 1);
                    CHECK_EQ(f, 0xf0u);
                } else {
                    const int wake = (kf[i] & IORING_SQ_NEED_WAKEUP) != 0;
                    CHECK_EQ(ret, wake);
                    CHECK_EQ(f, wake ? (0xf0u | IORING_ENTER_SQ_WAKEUP) : 0xf0u);
                    /* a full fence before the flags load */
                    const int fe = sim_log_find(s, 0, EV_FENCE, NULL);
                    const int ld = sim_log_find(s, 0, EV_LOAD_ACQ, s->w[W_SQ_FLAGS]);
                    CHECK(fe >= 0 && ld > fe);
                }
            }
        sim_free(s);
    }
}

TEST(submit_under_sqpoll)
{
    struct sim_cfg c = cfg(8, 16, IORING_SETUP_SQPOLL, 0xfffffffcu, 0xfffffff0u, SIM_LAYOUT_SPLIT, 1);
    struct sim *s = sim_new(&c);
    struct hr_ring *r = &s->ring;
    uint64_t ud = 1, want = 1;
    for (int round = 0; round < 50; round++) {
        const int asleep = round % 3 == 0;
        *s->w[W_SQ_FLAGS] = asleep ? IORING_SQ_NEED_WAKEUP : 0;
        const uint32_t k = (uint32_t)(round % 5) + 1;
        get_fill(s, k, ud);
        ud += k;
        const uint64_t en = s->n_enter;
        sim_log_reset(s);
        const int ret = hr_submit(r);
        CHECK_EQ(ret, k);
        /* store the tail, then the fence, then read the flags */
        const int st = sim_log_find(s, 0, EV_STORE_REL, s->w[W_SQ_TAIL]);
        const int fe = sim_log_find(s, 0, EV_FENCE, NULL);
        const int ld = sim_log_find(s, fe < 0 ? 0 : (unsigned)fe, EV_LOAD_ACQ, s->w[W_SQ_FLAGS]);
        CHECK(st >= 0 && fe > st && ld > fe);
        if (asleep) {
            CHECK_EQ(s->n_enter, en + 1);
            CHECK(s->last_enter_flags & IORING_ENTER_SQ_WAKEUP);
            CHECK(!(s->last_enter_flags & IORING_ENTER_GETEVENTS));
            CHECK_EQ(s->last_to_submit, k);
        } else {
            CHECK_EQ(s->n_enter, en);            /* the poller is awake: no syscall */
            CHECK_EQ(sim_consume(s, UINT32_MAX), k);   /* the poller runs */
        }
        struct hr_cqe out[16];
        const int got = hr_copy_cqes_ready(r, out, 16);
        CHECK_EQ(got, k);
        for (int i = 0; i < got; i++)
            check_cqe(s, &out[i], want++);
    }
    CHECK_EQ(want, ud);
    check_sim_clean(s);
    sim_free(s);
}

TEST(needs_flush_flags)
{
    struct sim_cfg c = cfg(4, 8, 0, 0, 0, SIM_LAYOUT_KERNEL, 1);
    struct sim *s = sim_new(&c);
    for (uint32_t f = 0; f < 64; f++) {
        const uint32_t v = (f & 7) | ((f >> 3) << 29);     /* real bits + high garbage */
        *s->w[W_SQ_FLAGS] = v;
        HR_CTX("kflags=0x%x", v);
        CHECK_EQ(hr_cq_ring_needs_flush(&s->ring) != 0,
                 (v & (IORING_SQ_CQ_OVERFLOW | IORING_SQ_TASKRUN)) != 0);
    }
    sim_free(s);
}

/* ------------------------------------------------------------------------ */

TEST(cq_overflow_backlog_in_order)
{
    for (int c32 = 0; c32 < 2; c32++) {
        struct sim_cfg c = cfg(4, 4, c32 ? C32 : 0, 0xfffffffeu, 0xfffffffdu, SIM_LAYOUT_KERNEL, c32);
        HR_CTX("%s", sim_cfg_name(&c));
        struct sim *s = sim_new(&c);
        struct hr_ring *r = &s->ring;
        uint64_t ud = 1;
        for (int round = 0; round < 5; round++) {
            get_fill(s, 4, ud);
            ud += 4;
            CHECK_EQ(hr_submit(r), 4);
        }
        CHECK_EQ(hr_cq_ready(r), 4);
        CHECK_EQ(s->backlog.len, 16);
        CHECK(*s->w[W_SQ_FLAGS] & IORING_SQ_CQ_OVERFLOW);
        CHECK(hr_cq_ring_needs_flush(r));
        /* a submit with nothing to submit still enters, with GETEVENTS,
           because the kernel holds CQEs */
        const uint64_t en = s->n_enter;
        CHECK_EQ(hr_submit(r), 0);
        CHECK_EQ(s->n_enter, en + 1);
        CHECK_EQ(s->last_to_submit, 0);
        CHECK(s->last_enter_flags & IORING_ENTER_GETEVENTS);
        /* reap 3 at a time with copy_cqes(wait 0): enters when the ring is
           empty and the overflow flag is up */
        uint64_t want = 1;
        struct hr_cqe out[2 * 3];
        for (int guard = 0; guard < 100 && want < ud; guard++) {
            const int got = hr_copy_cqes(r, out, 3, 0);
            CHECK(got > 0 && got <= 3);
            for (int i = 0; i < got; i++)
                check_cqe(s, out + units((uint32_t)i, r->cq.cqe_shift), want++);
        }
        CHECK_EQ(want, ud);
        CHECK_EQ(s->backlog.len, 0);
        CHECK(!(*s->w[W_SQ_FLAGS] & IORING_SQ_CQ_OVERFLOW));
        CHECK(!hr_cq_ring_needs_flush(r));
        const uint64_t en2 = s->n_enter;
        CHECK_EQ(hr_copy_cqes(r, out, 3, 0), 0);         /* nothing: no enter */
        CHECK_EQ(s->n_enter, en2);
        check_sim_clean(s);
        CHECK(sim_canaries_ok(s));
        sim_free(s);
    }
}

TEST(taskrun_and_wait)
{
    struct sim_cfg c = cfg(8, 16, 0, 0xfffffff9u, 0xfffffffbu, SIM_LAYOUT_SPLIT, 0);
    struct sim *s = sim_new(&c);
    struct hr_ring *r = &s->ring;
    s->async = 1;
    uint64_t ud = 1, want = 1;
    struct hr_cqe out[16];
    for (int round = 0; round < 30; round++) {
        s->taskrun = round & 1;
        HR_CTX("round=%d", round);
        const uint32_t k = (uint32_t)(round % 7) + 1;
        get_fill(s, k, ud);
        ud += k;
        CHECK_EQ(hr_submit(r), k);
        CHECK_EQ(hr_cq_ready(r), 0);            /* completions are deferred */
        uint64_t en = s->n_enter;
        if (s->taskrun) {
            CHECK(hr_cq_ring_needs_flush(r));
            /* copy_cqes(wait 0) must enter because of IORING_SQ_TASKRUN */
            const int got = hr_copy_cqes(r, out, 16, 0);
            CHECK_EQ(s->n_enter, en + 1);
            CHECK(s->last_enter_flags & IORING_ENTER_GETEVENTS);
            CHECK_EQ(s->last_to_submit, 0);
            CHECK_EQ(got, k);
            for (int i = 0; i < got; i++)
                check_cqe(s, &out[i], want++);
        } else {
            CHECK(!hr_cq_ring_needs_flush(r));
            CHECK_EQ(hr_copy_cqes(r, out, 16, 0), 0);      /* no wait, no enter */
            CHECK_EQ(s->n_enter, en);
            struct hr_cqe *p;
            CHECK_EQ(hr_wait_cqe_nr(r, &p, 0), -HR_EAGAIN);
            CHECK_EQ(s->n_enter, en);
            if (round % 4 == 0) {
                /* zero-copy wait for one; the first two GETEVENTS come
                   back early with nothing: the wait must enter again */
                s->spurious = 2;
                CHECK_EQ(hr_wait_cqe_nr(r, &p, 1), 0);
                CHECK_EQ(s->n_enter, en + 3);
                CHECK_EQ(s->spurious, 0);
                CHECK_EQ(s->last_min_complete, 1);
                for (uint32_t i = 0; i < k; i++) {
                    CHECK_EQ(hr_wait_cqe_nr(r, &p, 1), 0);   /* ready: no enter */
                    if (p)
                        check_cqe(s, p, want);
                    want++;
                    hr_cqe_seen(r, p);
                }
                CHECK_EQ(s->n_enter, en + 3);
            } else {
                const uint32_t w = k < 2 ? k : 2;
                if (round % 8 == 2) {
                    /* an early return: copy_cqes enters once, copies what is there */
                    s->spurious = 1;
                    CHECK_EQ(hr_copy_cqes(r, out, 16, w), 0);
                    CHECK_EQ(s->n_enter, en + 1);
                    en++;
                }
                const int got = hr_copy_cqes(r, out, 16, w);
                CHECK_EQ(s->n_enter, en + 1);
                CHECK_EQ(s->last_min_complete, w);
                CHECK_EQ(got, k);
                for (int i = 0; i < got; i++)
                    check_cqe(s, &out[i], want++);
            }
        }
    }
    CHECK_EQ(want, ud);
    check_sim_clean(s);
    sim_free(s);
}

TEST(short_submit_resubmits_rest)
{
    for (int noarr = 0; noarr < 2; noarr++) {
        struct sim_cfg c = cfg(8, 32, noarr ? NOSQA : 0, 0xfffffffau, 0, SIM_LAYOUT_KERNEL, 1);
        struct sim *s = sim_new(&c);
        struct hr_ring *r = &s->ring;
        s->submit_limit = 3;
        get_fill(s, 8, 1);
        CHECK_EQ(hr_submit(r), 3);
        CHECK_EQ(s->last_to_submit, 8);
        CHECK_EQ(hr_submit(r), 3);
        CHECK_EQ(s->last_to_submit, 5);     /* the rest, though nothing new was flushed */
        get_fill(s, 2, 9);                  /* 2 new on top of 2 left */
        CHECK_EQ(hr_submit(r), 3);
        CHECK_EQ(s->last_to_submit, 4);
        CHECK_EQ(hr_submit(r), 1);
        CHECK_EQ(s->last_to_submit, 1);
        const uint64_t en = s->n_enter;
        CHECK_EQ(hr_submit(r), 0);          /* nothing left: no enter */
        CHECK_EQ(s->n_enter, en);
        struct hr_cqe out[16];
        CHECK_EQ(hr_copy_cqes_ready(r, out, 16), 10);
        for (int i = 0; i < 10; i++)
            check_cqe(s, &out[i], (uint64_t)i + 1);
        check_sim_clean(s);
        sim_free(s);
    }
}

TEST(iopoll_submit_gets_events)
{
    struct sim_cfg c = cfg(4, 8, IORING_SETUP_IOPOLL, 0, 0, SIM_LAYOUT_KERNEL, 1);
    struct sim *s = sim_new(&c);
    struct hr_ring *r = &s->ring;
    get_fill(s, 2, 1);
    CHECK_EQ(hr_submit(r), 2);
    CHECK(s->last_enter_flags & IORING_ENTER_GETEVENTS);
    const uint64_t en = s->n_enter;
    CHECK_EQ(hr_submit(r), 0);              /* IOPOLL: always reap */
    CHECK_EQ(s->n_enter, en + 1);
    check_sim_clean(s);
    sim_free(s);
}

TEST(submit_and_wait_min_complete)
{
    struct sim_cfg c = cfg(8, 16, 0, 0xfffffff0u, 0xfffffff0u, SIM_LAYOUT_SPLIT, 1);
    struct sim *s = sim_new(&c);
    struct hr_ring *r = &s->ring;
    s->async = 1;
    get_fill(s, 5, 1);
    CHECK_EQ(hr_submit_and_wait(r, 5), 5);
    CHECK_EQ(s->last_min_complete, 5);
    CHECK(s->last_enter_flags & IORING_ENTER_GETEVENTS);
    CHECK_EQ(hr_cq_ready(r), 5);
    /* nothing to submit, wait 0, no flags: no syscall */
    const uint64_t en = s->n_enter;
    CHECK_EQ(hr_submit_and_wait(r, 0), 0);
    CHECK_EQ(s->n_enter, en);
    /* nothing to submit but wait 1: enters */
    CHECK_EQ(hr_submit_and_wait(r, 1), 0);
    CHECK_EQ(s->n_enter, en + 1);
    CHECK_EQ(s->last_to_submit, 0);
    check_sim_clean(s);
    sim_free(s);
}

/* IOPOLL and SQPOLL rings take the second enter path of hr_submit_and_wait:
   it too must ask for exactly wait_nr completions, with GETEVENTS
   (mutant ring-sw-min-complete-1 of tests/mutate). */
TEST(submit_and_wait_min_complete_polled)
{
    const uint32_t fl[2] = { IORING_SETUP_IOPOLL, IORING_SETUP_SQPOLL };
    for (int i = 0; i < 2; i++) {
        struct sim_cfg c = cfg(8, 16, fl[i], 0, 0, SIM_LAYOUT_KERNEL, 1);
        struct sim *s = sim_new(&c);
        struct hr_ring *r = &s->ring;
        HR_CTX("flags 0x%x", fl[i]);
        for (uint32_t w = 2; w <= 4; w++) {
            *s->w[W_SQ_FLAGS] = fl[i] == IORING_SETUP_SQPOLL ? IORING_SQ_NEED_WAKEUP : 0;
            get_fill(s, w, 100 * w);
            const uint64_t en = s->n_enter;
            const int ret = hr_submit_and_wait(r, w);
            CHECK_EQ(ret, w);
            CHECK_EQ(s->n_enter, en + 1);
            CHECK_EQ(s->last_to_submit, w);
            CHECK_EQ(s->last_min_complete, w);
            CHECK(s->last_enter_flags & IORING_ENTER_GETEVENTS);
            CHECK_EQ(hr_cq_ready(r), w);
            hr_cq_advance(r, w);
        }
        check_sim_clean(s);
        sim_free(s);
    }
}

/* CQEs ready: hr_copy_cqes returns them without entering, whatever it was
   asked to wait for and whatever the kernel flags say (mutant
   ring-copy-enters-always). */
TEST(copy_cqes_ready_no_enter)
{
    struct sim_cfg c = cfg(8, 16, 0, 0, 0xfffffffeu, SIM_LAYOUT_KERNEL, 1);
    struct sim *s = sim_new(&c);
    struct hr_ring *r = &s->ring;
    get_fill(s, 6, 1);
    CHECK_EQ(hr_submit(r), 6);
    CHECK_EQ(hr_cq_ready(r), 6);
    struct hr_cqe out[2];
    const uint64_t en = s->n_enter;
    CHECK_EQ(hr_copy_cqes(r, out, 2, 1), 2);          /* wait 1, 6 ready */
    CHECK_EQ(s->n_enter, en);
    check_cqe(s, &out[0], 1);
    check_cqe(s, &out[1], 2);
    *s->w[W_SQ_FLAGS] |= IORING_SQ_TASKRUN;           /* flags up, CQEs ready */
    CHECK_EQ(hr_copy_cqes(r, out, 2, 0), 2);
    CHECK_EQ(s->n_enter, en);
    CHECK_EQ(hr_copy_cqes(r, out, 2, 2), 2);
    CHECK_EQ(s->n_enter, en);
    check_cqe(s, &out[1], 6);
    *s->w[W_SQ_FLAGS] &= ~(uint32_t)IORING_SQ_TASKRUN;
    check_sim_clean(s);
    sim_free(s);
}

/* An SQ head more than `entries` behind our tail (a lying kernel): submit
   still enters, asking for `entries` SQEs, as the kernel clamps (mutant
   ring-pending-clamp). */
TEST(submit_lying_head_clamps_to_entries)
{
    struct sim_cfg c = cfg(8, 16, 0, 0xfffffffau, 0, SIM_LAYOUT_KERNEL, 1);
    struct sim *s = sim_new(&c);
    struct hr_ring *r = &s->ring;
    get_fill(s, 3, 1);
    const uint32_t head = *s->w[W_SQ_HEAD];
    *s->w[W_SQ_HEAD] = r->sq.sqe_tail - 8 - 5;        /* 13 "pending" of 8 */
    const uint64_t en = s->n_enter;
    (void)hr_submit_and_wait(r, 0);
    CHECK_EQ(s->n_enter, en + 1);
    CHECK_EQ(s->last_to_submit, 8);
    if (*s->w[W_SQ_HEAD] == r->sq.sqe_tail - 8 - 5)
        *s->w[W_SQ_HEAD] = head;
    sim_free(s);
}

TEST(peek_advance_batch)
{
    for (int c32 = 0; c32 < 2; c32++) {
        struct sim_cfg c = cfg(4, 8, c32 ? C32 : 0, 0, 0xfffffffau, SIM_LAYOUT_KERNEL, 0);
        struct sim *s = sim_new(&c);
        struct hr_ring *r = &s->ring;
        uint64_t ud = 1, want = 1;
        for (int round = 0; round < 40; round++) {
            const uint32_t k = (uint32_t)(round % 4) + 1;
            get_fill(s, k, ud);
            ud += k;
            hr_flush_sq(r);
            sim_consume(s, UINT32_MAX);
            /* liburing-style: walk the ring by hand, then advance once */
            const uint32_t n = hr_cq_ready(r);
            CHECK_EQ(n, k);
            for (uint32_t i = 0; i < n; i++)
                check_cqe(s, cqe_at(s, r->cq.head + i), want++);
            const uint64_t st = s->n_store[W_CQ_HEAD];
            hr_cq_advance(r, n);
            CHECK_EQ(s->n_store[W_CQ_HEAD], st + 1);
            CHECK_EQ(*s->w[W_CQ_HEAD], r->cq.head);
            struct hr_cqe *p;
            CHECK_EQ(hr_peek_cqe(r, &p), -HR_EAGAIN);
        }
        CHECK_EQ(want, ud);
        check_sim_clean(s);
        sim_free(s);
    }
}

/* ------------------------------------------------------------------------ */
/* the main round trip: random interleaving of every API, counters starting
   near 2^32, every user_data reaped exactly once and in submission order. */

struct stress_stats { uint64_t sqes, overflowed, enters, wrapped_sq, wrapped_cq, ring_cycles; };

static void stress_one(const struct sim_cfg *c, uint64_t seed, unsigned iters,
                       struct stress_stats *st)
{
    struct sim *s = sim_new(c);
    struct hr_ring *r = &s->ring;
    struct sim_rng g = { seed };
    s->check_sqe128 = 1;
    const uint32_t se = c->sq_entries, ce = c->cq_entries, cu = s->cqe_w;
    struct hr_cqe *out = malloc((size_t)(ce + 2) * 16 * cu);
    uint64_t ud = 1, want = 1;
    uint64_t reaped = 0;
    unsigned it = 0;

#define OUTSTANDING_CONSUMED() (s->n_consumed - reaped)   /* CQ ring + backlog */
#define TAKE(p) do { check_cqe(s, (p), want); want++; reaped++; } while (0)

    for (it = 0; it < 4 * iters + 1000 && (it < iters || want < ud); it++) {
        HR_CTX("%s seed=0x%llx it=%u", sim_cfg_name(c), (unsigned long long)seed, it);
        const int draining = it >= iters;
        /* (1) get SQEs */
        const uint32_t k = draining ? 0 : sim_below(&g, se + 2);
        for (uint32_t j = 0; j < k; j++) {
            const uint32_t t = r->sq.sqe_tail;
            const int full = (uint32_t)(t + 1 - *s->w[W_SQ_HEAD]) > se;
            struct hr_sqe *q = hr_get_sqe(r);
            CHECK_EQ(q == NULL, full);
            if (!q) {
                CHECK_EQ(r->sq.sqe_tail, t);
                break;
            }
            CHECK(q == sqe_at(s, t));
            sim_fill_nop(s, q, ud++);
        }
        /* (2) submit */
        switch (draining ? 2 : sim_below(&g, 5)) {
        case 0:
            break;
        case 1: {                                   /* kernel step, no syscall */
            const uint32_t pub = r->sq.sqe_tail - r->sq.sqe_head;
            CHECK_EQ(hr_flush_sq(r), pub);
            sim_consume(s, sim_below(&g, se + 1));
            break;
        }
        case 2: case 3: {
            const uint32_t before = r->sq.sqe_tail - *s->w[W_SQ_HEAD];
            const int ret = hr_submit(r);
            CHECK_EQ(ret, before);
            break;
        }
        default: {
            hr_flush_sq(r);
            const uint64_t avail = OUTSTANDING_CONSUMED() + (r->sq.sqe_head - *s->w[W_SQ_HEAD]);
            const uint32_t w = sim_below(&g, (uint32_t)(avail < ce ? avail : ce) + 1);
            const int ret = hr_submit_and_wait(r, w);
            CHECK(ret >= 0);
            CHECK(hr_cq_ready(r) >= w);
            break;
        }
        }
        CHECK(sim_ring_ok(s));
        /* (3) reap */
        switch (draining ? 4 : sim_below(&g, 7)) {
        case 0:
            break;
        case 1: {
            const uint32_t n = sim_below(&g, ce + 2);
            const uint32_t rd = hr_cq_ready(r);
            const int got = hr_copy_cqes_ready(r, out, n);
            CHECK_EQ(got, rd < n ? rd : n);
            for (int i = 0; i < got; i++)
                TAKE(out + (size_t)i * cu);
            break;
        }
        case 2: {
            for (uint32_t m = sim_below(&g, ce + 1); m; m--) {
                struct hr_cqe *p;
                const uint32_t h = r->cq.head;
                const int ret = hr_peek_cqe(r, &p);
                if (ret == -HR_EAGAIN) {
                    CHECK(p == NULL);
                    break;
                }
                CHECK_EQ(ret, 0);
                CHECK(p == cqe_at(s, h));
                TAKE(p);
                hr_cqe_seen(r, p);
            }
            break;
        }
        case 3: {
            const uint32_t rd = hr_cq_ready(r);
            const uint32_t m = sim_below(&g, rd + 1);
            for (uint32_t i = 0; i < m; i++)
                TAKE(cqe_at(s, r->cq.head + i));
            hr_cq_advance(r, m);
            break;
        }
        case 4: case 5: {
            const uint32_t n = 1 + sim_below(&g, ce + 1);
            const uint64_t oc = OUTSTANDING_CONSUMED();
            const uint32_t lim = (uint32_t)(oc < ce ? oc : ce);
            const uint32_t w = sim_below(&g, (lim < n ? lim : n) + 1);
            const int got = hr_copy_cqes(r, out, n, w);
            /* returns what is ready without waiting; waits only when empty */
            CHECK(got >= 0 && got <= (int)n);
            CHECK(w == 0 || got > 0);
            for (int i = 0; i < got; i++)
                TAKE(out + (size_t)i * cu);
            break;
        }
        default: {
            const uint32_t w = OUTSTANDING_CONSUMED() > 0 ? sim_below(&g, 2) : 0;
            struct hr_cqe *p;
            const int ret = hr_wait_cqe_nr(r, &p, w);
            if (ret == 0) {
                TAKE(p);
                hr_cqe_seen(r, p);
            } else {
                CHECK_EQ(ret, -HR_EAGAIN);
                CHECK_EQ(w, 0);
            }
            break;
        }
        }
        CHECK_EQ(*s->w[W_CQ_HEAD], r->cq.head);
        CHECK_EQ(*s->w[W_SQ_HEAD], s->k_sq_head);
        CHECK(want <= ud);
        check_sim_clean(s);
    }
    CHECK_EQ(want, ud);                     /* everything reaped, once, in order */
    CHECK_EQ(s->n_consumed, ud - 1);
    st->sqes += ud - 1;
    st->overflowed += s->n_overflowed;
    st->enters += s->n_enter;
    st->wrapped_sq += r->sq.sqe_tail < c->start_sq;     /* crossed 2^32 */
    st->wrapped_cq += r->cq.head < c->start_cq;
    st->ring_cycles += (ud - 1) / c->cq_entries;
    CHECK(sim_canaries_ok(s));
    free(out);
    sim_free(s);
#undef OUTSTANDING_CONSUMED
#undef TAKE
}

static void stress_set(uint32_t base_flags, unsigned iters)
{
    static const uint32_t geo[][2] = { { 1, 1 }, { 1, 4 }, { 2, 2 }, { 4, 8 }, { 8, 8 }, { 16, 64 } };
    static const uint32_t starts[][2] = {
        { 0xfffffff0u, 0xfffffff0u }, { 0xffffffffu, 0xfffffff7u },
        { 0xfffffffbu, 0xffffffffu }, { 0x7ffffff8u, 0x80000000u }, { 0, 0xfffffffeu },
    };
    unsigned n = 0;
    struct stress_stats st = { 0 };
    for (unsigned a = 0; a < 6; a++)
        for (unsigned b = 0; b < 5; b++)
            for (uint32_t fl = 0; fl < 4; fl++, n++) {
                const uint32_t flags = base_flags | ((fl & 1) ? NOSQA : 0) | ((fl & 2) ? S128 : 0);
                struct sim_cfg c = cfg(geo[a][0], geo[a][1], flags, starts[b][0], starts[b][1],
                                       (int)((a + fl) & 1), (int)((b + fl) & 1));
                stress_one(&c, sim_seed() + n * 7919u + base_flags, iters, &st);
            }
    printf("    %u configs, %llu NOPs round-tripped, %llu CQ ring cycles, %llu overflowed "
           "(backlog), %llu enters, u32 wrap crossed: SQ %llu CQ %llu\n", n,
           (unsigned long long)st.sqes, (unsigned long long)st.ring_cycles,
           (unsigned long long)st.overflowed, (unsigned long long)st.enters,
           (unsigned long long)st.wrapped_sq, (unsigned long long)st.wrapped_cq);
    /* the interleaving must reach the paths it is meant to test */
    CHECK(st.overflowed > 0);
    CHECK_EQ(st.wrapped_sq, n / 5 * 3);    /* SQ starts near 2^32: 3 of the 5 */
    CHECK_EQ(st.wrapped_cq, n / 5 * 4);    /* CQ starts near 2^32: 4 of the 5 */
}

TEST(stress_wrap_cqe16)
{
    stress_set(0, 1500);
}

TEST(stress_wrap_cqe32)
{
    stress_set(C32, 1500);
}

/* IORING_SETUP_SQE_MIXED (6.19): hr_get_sqe128 takes two slots that never
   wrap, a padding NOP (no CQE on success) in the last slot when the tail is
   there, and nothing when the room is short; on an SQE128 ring it is
   hr_get_sqe, on other rings NULL.  Every wrap start, SQ array or not. */
TEST(sqe_mixed_get_sqe128)
{
    static const uint32_t starts[] = { 0, 5, 0xfffffff0u, 0xffffffffu, 0x7ffffffdu };
    for (unsigned b = 0; b < 5; b++)
        for (uint32_t fl = 0; fl < 2; fl++) {
            const uint32_t flags = IORING_SETUP_SQE_MIXED | (fl ? NOSQA : 0);
            struct sim_cfg c = cfg(8, 16, flags, starts[b], 0, (int)fl, (int)(b & 1));
            HR_CTX("start=0x%x %s", starts[b], fl ? "no-sqarray" : "sqarray");
            struct sim *s = sim_new(&c);
            struct hr_ring *r = &s->ring;
            uint32_t t = starts[b], used = 0, pads = 0;
            /* 64, 128, 128, 64, 128, ... until the SQ is full */
            for (unsigned i = 0; i < 16; i++) {
                const int big = i % 4 != 0;
                const uint32_t need = big ? 2 + ((t & 7) == 7) : 1;
                struct hr_sqe *q = big ? hr_get_sqe128(r) : hr_get_sqe(r);
                if (used + need > 8) {
                    CHECK(q == NULL);
                    CHECK_EQ(r->sq.sqe_tail, t);     /* nothing taken */
                    break;
                }
                CHECK(q != NULL);
                if (big && (t & 7) == 7) {
                    const struct hr_sqe *p = sqe_at(s, t);
                    CHECK(p->opcode == IORING_OP_NOP && p->flags == IOSQE_CQE_SKIP_SUCCESS &&
                          p->fd == -1 && p->user_data == 0 && p->len == 0);
                    t++;
                    pads++;
                }
                CHECK(q == sqe_at(s, t));
                if (big) {
                    CHECK((t & 7) != 7);               /* both halves in the ring */
                    hr_prep_nop128(q);
                } else {
                    hr_prep_nop(q);
                }
                q->user_data = i;
                t += big ? 2 : 1;
                used += need;
                CHECK_EQ(r->sq.sqe_tail, t);
            }
            CHECK(used >= 7);
            /* published in slot order (identity SQ array) */
            CHECK_EQ(hr_flush_sq(r), used);
            CHECK_EQ(*s->w[W_SQ_TAIL], t);
            if (!fl)
                for (uint32_t j = 0; j < used; j++)
                    CHECK_EQ(s->sq_array[(starts[b] + j) & 7], (starts[b] + j) & 7);
            /* the kernel consumed all: room again, the next 128-byte SQE
               goes where the tail is (padded at the last slot) */
            *s->w[W_SQ_HEAD] = t;
            s->k_sq_head = t;
            struct hr_sqe *q = hr_get_sqe128(r);
            CHECK(q != NULL);
            if ((t & 7) == 7) {
                CHECK(q == sqe_at(s, t + 1));
                CHECK_EQ(r->sq.sqe_tail, t + 3);
                pads++;
            } else {
                CHECK(q == sqe_at(s, t));
                CHECK_EQ(r->sq.sqe_tail, t + 2);
            }
            (void)pads;
            sim_free(s);
        }
    /* an SQE128 ring: any SQE; a ring with neither flag: NULL */
    struct sim_cfg c = cfg(4, 8, S128, 0xfffffffeu, 0, 0, 0);
    struct sim *s = sim_new(&c);
    CHECK(hr_get_sqe128(&s->ring) == sqe_at(s, 0xfffffffeu));
    CHECK_EQ(s->ring.sq.sqe_tail, 0xffffffffu);
    sim_free(s);
    c = cfg(4, 8, 0, 3, 0, 0, 0);
    s = sim_new(&c);
    CHECK(hr_get_sqe128(&s->ring) == NULL);
    CHECK_EQ(s->ring.sq.sqe_tail, 3);
    sim_free(s);
}
