/* tests/sim_wait.c -- core/hr_wait.h against the simulated kernel, across
 * the u32 wrap of the CQ and SQ counters: when the waits enter (liburing's
 * decision, checked against an independent formula over random states),
 * which CQE they return, the EXT_ARG argument (timeout, sigmask, min-wait)
 * they hand the kernel, -ETIME / -EINTR / kernel errors passed through,
 * the liveness bound (a kernel that keeps returning with nothing), the
 * re-published CQ head, and peek_batch / cq_batch / for_each in ring order
 * with CQE32.  Self-contained: only tests/sim.h's public interface.
 *
 * hr_wait.h is tokenised here with the sim's hooks (like sim.h does for
 * hr_ring.h), and its calls of hr_enter go to wait_enter below: a thin
 * EXT_ARG layer over sim_enter (which knows no EXT_ARG). */
#include "sim.h"

#include <errno.h>
#include <string.h>

static int wait_enter(struct hr_ring *r, uint32_t to_submit, uint32_t min_complete,
                      uint32_t flags, const void *arg, uint64_t argsz);

#define hr_load_acquire  sim_hook_load_acquire
#define hr_store_release sim_hook_store_release
#define hr_fence_full    sim_hook_fence
#define hr_enter         wait_enter
#define hr__sys_enter    wait_enter
#include "hr_wait.h"
#undef hr__sys_enter
#undef hr_load_acquire
#undef hr_store_release
#undef hr_fence_full
#undef hr_enter

/* ---- the EXT_ARG layer ---------------------------------------------------- */

static struct {
    unsigned n;                     /* enters seen */
    int      ext;                   /* last enter had EXT_ARG */
    struct hr_getevents_arg arg;    /* its argument */
    uint64_t argsz;
    const void *rawarg;
    uint32_t min_complete, flags, to_submit;
    int      lazy;                  /* return 0 at once, post nothing */
    int      fail;                  /* return this error (if != 0) */
    uint32_t khead_seen;            /* *cq.khead at the last enter */
    const struct hr_reg_wait *reg;  /* the registered wait region, */
    uint32_t reg_nr;                /* of reg_nr entries           */
    uint64_t reg_off;               /* EXT_ARG_REG: the last offset read */
} wk;

static int wait_enter(struct hr_ring *r, uint32_t to_submit, uint32_t min_complete,
                      uint32_t flags, const void *arg, uint64_t argsz)
{
    struct sim *s = sim_cur;
    wk.n++;
    wk.min_complete = min_complete;
    wk.flags = flags;
    wk.to_submit = to_submit;
    wk.argsz = argsz;
    wk.rawarg = arg;
    wk.khead_seen = *s->w[W_CQ_HEAD];
    wk.ext = (flags & IORING_ENTER_EXT_ARG) != 0;
    if (wk.fail)
        return wk.fail;
    if (wk.lazy)
        return 0;
    if (!wk.ext) {
        if (arg != NULL)
            return -EINVAL;          /* the sim has no signals: no sigmask */
        return sim_enter(r, to_submit, min_complete, flags, NULL, 0);
    }
    if (flags & HR_ENTER_EXT_ARG_REG) {
        /* the kernel reads entry arg / 64 of the registered region
           (io_get_ext_arg_reg: -EFAULT for an offset outside it) */
        const uint64_t off = (uint64_t)(uintptr_t)arg;
        if (argsz != sizeof(struct hr_reg_wait) || !(flags & IORING_ENTER_GETEVENTS))
            return -EINVAL;
        if (off % sizeof(struct hr_reg_wait) || off / sizeof(struct hr_reg_wait) >= wk.reg_nr)
            return -EFAULT;
        wk.reg_off = off;
        const struct hr_reg_wait *e = &wk.reg[off / sizeof(struct hr_reg_wait)];
        memset(&wk.arg, 0, sizeof wk.arg);
        wk.arg.ts = (e->flags & HR_REG_WAIT_TS) ? 1 : 0;
        wk.arg.min_wait_usec = e->min_wait_usec;
    } else {
    /* EXT_ARG: the kernel reads a struct io_uring_getevents_arg */
    if (argsz != sizeof(struct hr_getevents_arg) || !(flags & IORING_ENTER_GETEVENTS))
        return -EINVAL;
    memcpy(&wk.arg, arg, sizeof wk.arg);
    }
    if (wk.arg.sigmask && wk.arg.sigmask_sz != 8)
        return -EINVAL;
    /* submit and flush with no minimum, then decide like a timed wait */
    int ret = sim_enter(r, to_submit, 0,
                        flags & ~(uint32_t)(IORING_ENTER_EXT_ARG | HR_ENTER_EXT_ARG_REG), NULL, 0);
    if (ret < 0)
        return ret;
    const uint32_t ready = *s->w[W_CQ_TAIL] - *s->w[W_CQ_HEAD];
    if (ready < min_complete) {
        if (ret > 0)
            return ret;              /* the kernel reports the submission */
        if (wk.arg.min_wait_usec && ready > 0)
            return 0;                /* min-wait passed with something there */
        return wk.arg.ts ? -ETIME : -EINTR;
    }
    return ret;
}

/* ---- helpers ------------------------------------------------------------- */

static struct sim_cfg cfg(uint32_t sq, uint32_t cq, uint32_t flags, uint32_t start_sq,
                          uint32_t start_cq)
{
    struct sim_cfg c = { sq, cq, flags, start_sq, start_cq, SIM_LAYOUT_KERNEL, 1 };
    return c;
}

static struct hr_cqe *cqe_at(struct sim *s, uint32_t c)
{
    return s->ring.cq.cqes + ((c & s->ring.cq.mask) << s->ring.cq.cqe_shift);
}

static void queue(struct sim *s, uint32_t n, uint64_t ud)
{
    for (uint32_t i = 0; i < n; i++) {
        struct hr_sqe *q = hr_get_sqe(&s->ring);
        CHECK(q != NULL);
        sim_fill_nop(s, q, ud + i);
    }
}

static struct sim *fresh(const struct sim_cfg *c)
{
    memset(&wk, 0, sizeof wk);
    return sim_new(c);
}

/* liburing's first-round decision, written independently of hr_wait.h */
static int libur_enters(uint32_t avail, uint32_t submit, uint32_t wait_nr,
                        uint32_t setup, uint32_t kflags)
{
    if (avail == 0 && wait_nr == 0 && submit == 0)
        return (setup & IORING_SETUP_IOPOLL) ||
               (kflags & (IORING_SQ_CQ_OVERFLOW | IORING_SQ_TASKRUN));
    if (wait_nr > avail)
        return 1;
    return submit && (!(setup & IORING_SETUP_SQPOLL) || (kflags & IORING_SQ_NEED_WAKEUP));
}

static const uint32_t starts[] = { 0, 0xfffffff0u, 0xfffffffdu, 0x7ffffffeu };

/* ---- cases ---------------------------------------------------------------- */

/* hr_wait_cqe / hr_wait_cqes across the CQ wrap: the CQE of our head, no
   enter when enough are ready, one enter with min_complete = wait_nr */
TEST(wait_cqe_across_wrap)
{
    for (unsigned si = 0; si < sizeof starts / sizeof starts[0]; si++)
        for (uint32_t fl = 0; fl <= IORING_SETUP_CQE32; fl += IORING_SETUP_CQE32) {
            HR_CTX("start=0x%x flags=0x%x", starts[si], fl);
            struct sim_cfg c = cfg(8, 16, fl, starts[si] - 3, starts[si]);
            struct sim *s = fresh(&c);
            struct hr_ring *r = &s->ring;
            s->async = 1;
            uint64_t ud = 1, want = 1;
            for (int round = 0; round < 40; round++) {
                const uint32_t k = 1 + (uint32_t)round % 5;
                queue(s, k, ud);
                ud += k;
                CHECK_EQ(hr_submit(r), k);
                struct hr_cqe *p = NULL;
                unsigned n0 = wk.n;
                /* nothing ready: one GETEVENTS enter, min_complete 1 */
                CHECK_EQ(hr_wait_cqe(r, &p), 0);
                CHECK_EQ(wk.n, n0 + 1);
                CHECK_EQ(wk.min_complete, 1);
                CHECK(wk.flags & IORING_ENTER_GETEVENTS);
                CHECK(wk.rawarg == NULL && wk.argsz == 0);
                CHECK(p == cqe_at(s, r->cq.head));
                CHECK_EQ(p->user_data, want);
                /* k ready: wait_cqes(k) does not enter, returns the oldest */
                CHECK_EQ(hr_wait_cqes(r, &p, k, NULL, NULL), 0);
                CHECK_EQ(wk.n, n0 + 1);
                CHECK(p == cqe_at(s, r->cq.head));
                /* k + 1 wanted: enters; the sim cannot satisfy it and
                   returns -EINTR (a signal): passed through, no CQE */
                CHECK_EQ(hr_wait_cqes(r, &p, k + 1, NULL, NULL), -EINTR);
                CHECK_EQ(wk.n, n0 + 2);
                CHECK_EQ(wk.min_complete, k + 1);
                CHECK(p == NULL);
                s->n_would_block = 0;
                for (uint32_t i = 0; i < k; i++) {
                    CHECK_EQ(hr_wait_cqe(r, &p), 0);
                    CHECK_EQ(p->user_data, want);
                    want++;
                    hr_cqe_seen(r, p);
                }
                CHECK_EQ(wk.n, n0 + 2);
                CHECK_EQ(*s->w[W_CQ_HEAD], r->cq.head);
            }
            CHECK(sim_ring_ok(s));
            CHECK(sim_canaries_ok(s));
            sim_free(s);
        }
}

/* The decision over random states: entered (at least once) exactly when
   liburing's formula says, for every wait of the family. */
TEST(enter_decision_random)
{
    struct sim_rng g = { sim_seed() ^ 0x3a17u };
    static const uint32_t setups[] = { 0, IORING_SETUP_IOPOLL, IORING_SETUP_SQPOLL,
                                       IORING_SETUP_CQE32 };
    for (int it = 0; it < 3000; it++) {
        const uint32_t setup = setups[sim_below(&g, 4)];
        const uint32_t st = starts[sim_below(&g, 4)] - sim_below(&g, 8);
        HR_CTX("it=%d setup=0x%x start=0x%x", it, setup, st);
        struct sim_cfg c = cfg(8, 16, setup, st + 7, st);
        struct sim *s = fresh(&c);
        struct hr_ring *r = &s->ring;
        /* some CQEs ready */
        const uint32_t ready = sim_below(&g, 6);
        queue(s, ready, 1000);
        CHECK_EQ(hr_submit_and_wait(r, 0) >= 0, 1);
        if (setup & IORING_SETUP_SQPOLL)
            sim_consume(s, UINT32_MAX);
        CHECK_EQ(hr_cq_ready(r), ready);
        /* some SQEs queued, not submitted */
        const uint32_t q = sim_below(&g, 3);
        queue(s, q, 2000);
        uint32_t kf = 0;
        if (sim_below(&g, 3) == 0) kf |= IORING_SQ_TASKRUN;
        if ((setup & IORING_SETUP_SQPOLL) && sim_below(&g, 2)) kf |= IORING_SQ_NEED_WAKEUP;
        *s->w[W_SQ_FLAGS] = kf;
        const uint32_t wait_nr = sim_below(&g, 4);
        const int which = (int)sim_below(&g, 4);
        struct hr_cqe *p = (struct hr_cqe *)1;
        struct __kernel_timespec ts = { 0, 1000 };
        const unsigned n0 = wk.n;
        int ret;
        uint32_t submit;
        switch (which) {
        case 0:  ret = hr_wait_cqes(r, &p, wait_nr, NULL, NULL); submit = 0; break;
        case 1:  ret = hr_wait_cqes(r, &p, wait_nr, &ts, NULL); submit = 0; break;
        case 2:  submit = q; ret = hr_submit_and_wait_timeout(r, &p, wait_nr, &ts, NULL); break;
        default: submit = q; ret = hr_submit_and_wait_timeout(r, &p, wait_nr, NULL, NULL); break;
        }
        s->n_would_block = 0;
        const int entered = wk.n != n0;
        CHECKF(entered == libur_enters(ready, submit, wait_nr, setup, kf),
               "which=%d ready=%u submit=%u wait_nr=%u kflags=0x%x: entered=%d (%u enters) ret=%d",
               which, ready, submit, wait_nr, kf, entered, wk.n - n0, ret);
        CHECK(wk.n - n0 <= HR_WAIT_ROUNDS);
        if (!entered) {
            CHECK(ret == 0 || ret == -HR_EAGAIN);
            CHECK_EQ(ret == -HR_EAGAIN, ready == 0 && submit == 0);
        }
        if (p != NULL)
            CHECK(p == cqe_at(s, r->cq.head));
        if (ret < 0)
            CHECK(p == NULL);
        if (ret >= 0 && wait_nr > 0 && submit == 0)
            CHECK(p != NULL);
        if (which >= 2)
            CHECK_EQ(r->sq.sqe_head, r->sq.sqe_tail);
        CHECK(sim_ring_ok(s));
        sim_free(s);
    }
}

/* EXT_ARG: what the timed waits hand the kernel, and -ETIME back */
TEST(timeout_ext_arg)
{
    for (unsigned si = 0; si < sizeof starts / sizeof starts[0]; si++) {
        HR_CTX("start=0x%x", starts[si]);
        struct sim_cfg c = cfg(8, 16, 0, starts[si], starts[si] - 1);
        struct sim *s = fresh(&c);
        struct hr_ring *r = &s->ring;
        struct hr_cqe *p = (struct hr_cqe *)1;
        struct __kernel_timespec ts = { 1, 5 };
        uint64_t sigset = 1u << 9;
        CHECK_EQ(hr_wait_cqe_timeout(r, &p, &ts), -ETIME);
        CHECK(p == NULL);
        CHECK(wk.ext && wk.argsz == sizeof(struct hr_getevents_arg));
        CHECK_EQ(wk.arg.ts, (uint64_t)(uintptr_t)&ts);
        CHECK_EQ(wk.arg.sigmask, 0);
        CHECK_EQ(wk.arg.min_wait_usec, 0);
        CHECK_EQ(wk.min_complete, 1);
        CHECK_EQ(wk.n, 1);                              /* liburing: one timed enter */
        CHECK_EQ(hr_wait_cqes(r, &p, 3, &ts, &sigset), -ETIME);
        CHECK_EQ(wk.arg.sigmask, (uint64_t)(uintptr_t)&sigset);
        CHECK_EQ(wk.arg.sigmask_sz, 8);
        CHECK_EQ(wk.min_complete, 3);
        /* min-wait: the field reaches the kernel; without the feature -EINVAL */
        r->features |= IORING_FEAT_MIN_TIMEOUT;
        CHECK_EQ(hr_wait_cqes_min_timeout(r, &p, 2, &ts, 777, NULL), -ETIME);
        CHECK_EQ(wk.arg.min_wait_usec, 777);
        queue(s, 1, 5);
        const unsigned n0 = wk.n;
        CHECK_EQ(hr_submit_and_wait_min_timeout(r, &p, 2, &ts, 50, NULL), 1);
        CHECK_EQ(wk.n, n0 + 1);
        CHECK_EQ(wk.to_submit, 1);
        CHECK(p != NULL && p->user_data == 5);           /* min-wait passed, one there */
        hr_cqe_seen(r, p);
        r->features &= ~IORING_FEAT_MIN_TIMEOUT;
        queue(s, 1, 6);
        const uint32_t sh = r->sq.sqe_head;
        CHECK_EQ(hr_submit_and_wait_min_timeout(r, &p, 1, &ts, 50, NULL), -HR_EINVAL);
        CHECK_EQ(r->sq.sqe_head, sh);                    /* nothing submitted */
        CHECK_EQ(hr_wait_cqes_min_timeout(r, &p, 1, &ts, 50, NULL), -HR_EINVAL);
        CHECK_EQ(wk.n, n0 + 1);
        /* submit_and_wait_timeout: the count submitted, the CQE */
        CHECK_EQ(hr_submit_and_wait_timeout(r, &p, 1, &ts, NULL), 1);
        CHECK(p != NULL && p->user_data == 6);
        hr_cqe_seen(r, p);
        /* the kernel's error comes back unchanged */
        wk.fail = -EBADR;
        CHECK_EQ(hr_wait_cqe_timeout(r, &p, &ts), -EBADR);
        CHECK(p == NULL);
        wk.fail = 0;
        CHECK(sim_ring_ok(s));
        sim_free(s);
    }
}

/* Registered wait region: the enter names entry i by its byte offset with
   EXT_ARG | EXT_ARG_REG and argsz 64; an index outside the region the ring
   registered is refused before any enter, nothing published; at every wrap
   start. */
TEST(reg_wait_arg)
{
    static struct hr_reg_wait table[4];
    for (unsigned si = 0; si < sizeof starts / sizeof starts[0]; si++) {
        HR_CTX("start=0x%x", starts[si]);
        struct sim_cfg c = cfg(8, 16, 0, starts[si], starts[si] - 1);
        struct sim *s = fresh(&c);
        struct hr_ring *r = &s->ring;
        struct hr_cqe *p = (struct hr_cqe *)1;
        memset(table, 0, sizeof table);
        table[2].flags = HR_REG_WAIT_TS;
        wk.reg = table;
        wk.reg_nr = 4;
        /* no region on the ring yet: refused, no enter */
        const unsigned n0 = wk.n;
        CHECK_EQ(hr_submit_and_wait_reg(r, &p, 1, 0), -HR_EFAULT);
        CHECK(p == NULL);
        CHECK_EQ(wk.n, n0);
        r->reg_wait_nr = 4;                 /* as hr_register_wait_region leaves it */
        queue(s, 1, 9);
        const uint32_t sh = r->sq.sqe_head;
        CHECK_EQ(hr_submit_and_wait_reg(r, &p, 1, 4), -HR_EFAULT);
        CHECK_EQ(hr_submit_and_wait_reg(r, &p, 1, -1), -HR_EFAULT);
        CHECK_EQ(hr_submit_and_wait_reg(r, &p, 1, 0x7fffffff), -HR_EFAULT);
        CHECK(p == NULL);
        CHECK_EQ(wk.n, n0);
        CHECK_EQ(r->sq.sqe_head, sh);       /* nothing published */
        /* entry 3, no timeout: the NOP is submitted and comes back */
        CHECK_EQ(hr_submit_and_wait_reg(r, &p, 1, 3), 1);
        CHECK_EQ(wk.n, n0 + 1);
        CHECK_EQ(wk.reg_off, 3 * 64);
        CHECK_EQ(wk.argsz, 64);
        CHECK_EQ(wk.flags & (IORING_ENTER_GETEVENTS | IORING_ENTER_EXT_ARG | HR_ENTER_EXT_ARG_REG),
                 IORING_ENTER_GETEVENTS | IORING_ENTER_EXT_ARG | HR_ENTER_EXT_ARG_REG);
        CHECK_EQ(wk.to_submit, 1);
        CHECK_EQ(wk.min_complete, 1);
        CHECK(p != NULL && p->user_data == 9);
        hr_cqe_seen(r, p);
        /* entry 2 has a timeout: nothing comes, -ETIME after one enter */
        CHECK_EQ(hr_submit_and_wait_reg(r, &p, 2, 2), -ETIME);
        CHECK(p == NULL);
        CHECK_EQ(wk.n, n0 + 2);
        CHECK_EQ(wk.reg_off, 2 * 64);
        CHECK_EQ(wk.min_complete, 2);
        CHECK(sim_ring_ok(s));
        wk.reg = NULL;
        wk.reg_nr = 0;
        sim_free(s);
    }
}

/* Liveness: a kernel that returns 0 at once, posting nothing.  Every wait
   ends after HR_WAIT_ROUNDS enters with -EINTR; before each enter our head
   is back in the shared word, even if something corrupted it. */
TEST(lazy_kernel_bounded)
{
    struct sim_cfg c = cfg(8, 16, 0, 0xfffffffeu, 0xfffffffcu);
    struct sim *s = fresh(&c);
    struct hr_ring *r = &s->ring;
    struct hr_cqe *p = (struct hr_cqe *)1;
    wk.lazy = 1;
    *s->w[W_CQ_HEAD] = r->cq.head + 12345;               /* corrupted */
    CHECK_EQ(hr_wait_cqe(r, &p), -HR_EINTR);
    CHECK(p == NULL);
    CHECK_EQ(wk.n, HR_WAIT_ROUNDS);
    CHECK_EQ(wk.khead_seen, r->cq.head);
    CHECK_EQ(*s->w[W_CQ_HEAD], r->cq.head);
    /* the ring.h wait too */
    wk.n = 0;
    *s->w[W_CQ_HEAD] = r->cq.head - 7;
    s->spurious = 0;
    CHECK_EQ(hr_wait_cqes(r, &p, 2, NULL, NULL), -HR_EINTR);
    CHECK_EQ(wk.n, HR_WAIT_ROUNDS);
    CHECK_EQ(wk.khead_seen, r->cq.head);
    /* with a timeout, liburing's rule: two enters at most, then -ETIME */
    struct __kernel_timespec ts = { 0, 1 };
    wk.n = 0;
    CHECK_EQ(hr_wait_cqe_timeout(r, &p, &ts), -ETIME);
    CHECK_EQ(wk.n, 1);
    wk.lazy = 0;
    CHECK(sim_ring_ok(s));
    sim_free(s);
}

/* hr_wait_cqe_nr (hr_ring.h) under a kernel that returns with nothing:
   bounded, and our head re-published before each enter */
TEST(wait_cqe_nr_bounded)
{
    struct sim_cfg c = cfg(8, 16, 0, 0, 0xfffffff0u);
    struct sim *s = fresh(&c);
    struct hr_ring *r = &s->ring;
    s->spurious = HR_WAIT_ROUNDS + 10;                   /* GETEVENTS: back with nothing */
    *s->w[W_CQ_HEAD] = r->cq.head + 3;
    struct hr_cqe *p = (struct hr_cqe *)1;
    const uint64_t e0 = s->n_enter;
    CHECK_EQ(hr_wait_cqe_nr(r, &p, 1), -HR_EINTR);
    CHECK(p == NULL);
    CHECK_EQ(s->n_enter - e0, HR_WAIT_ROUNDS);
    CHECK_EQ(*s->w[W_CQ_HEAD], r->cq.head);
    /* a few early returns, then the CQE: found */
    s->spurious = 3;
    queue(s, 1, 42);
    s->async = 1;
    CHECK_EQ(hr_submit(r), 1);
    CHECK_EQ(hr_wait_cqe_nr(r, &p, 1), 0);
    CHECK(p == cqe_at(s, r->cq.head) && p->user_data == 42);
    sim_free(s);
}

/* peek_batch, cq_batch and for_each across the wrap (CQE32 too): ring order,
   the slots of head .. head + n - 1, contiguous runs that end at the end of
   the ring */
TEST(batches_across_wrap)
{
    for (unsigned si = 0; si < sizeof starts / sizeof starts[0]; si++)
        for (uint32_t fl = 0; fl <= IORING_SETUP_CQE32; fl += IORING_SETUP_CQE32) {
            HR_CTX("start=0x%x flags=0x%x", starts[si], fl);
            struct sim_cfg c = cfg(8, 16, fl, starts[si] + 5, starts[si] - 9);
            struct sim *s = fresh(&c);
            struct hr_ring *r = &s->ring;
            const uint32_t sh = r->cq.cqe_shift;
            uint64_t ud = 1, want = 1;
            for (int round = 0; round < 60; round++) {
                const uint32_t k = 1 + (uint32_t)(round * 7 % 8);
                queue(s, k, ud);
                ud += k;
                CHECK_EQ(hr_submit(r), k);
                struct hr_cqe *v[16];
                const uint32_t m = (uint32_t)round % 3 == 0 ? k : 1 + (uint32_t)round % k;
                CHECK_EQ(hr_peek_batch_cqe(r, v, m), m);
                for (uint32_t j = 0; j < m; j++) {
                    CHECK(v[j] == cqe_at(s, r->cq.head + j));
                    CHECK_EQ(v[j]->user_data, want + j);
                }
                unsigned head, n = 0;
                struct hr_cqe *q;
                hr_for_each_cqe(r, head, q) {
                    CHECK(q == cqe_at(s, r->cq.head + n));
                    CHECK_EQ(q->user_data, want + n);
                    CHECK_EQ(hr_cqe_index(r, head, r->cq.mask),
                             (uint32_t)(q - r->cq.cqes));
                    n++;
                }
                CHECK_EQ(n, k);
                uint32_t got = 0;
                struct hr_cqe *first = NULL;
                uint32_t b;
                while ((b = hr_cq_batch(r, &first, 5)) > 0) {
                    CHECK(b <= 5);
                    CHECK(first == cqe_at(s, r->cq.head));
                    CHECK((r->cq.head & r->cq.mask) + b <= r->cq.entries);
                    for (uint32_t j = 0; j < b; j++)
                        CHECK_EQ(first[j << sh].user_data, want + j);
                    want += b;
                    got += b;
                    hr_cq_advance(r, b);
                }
                CHECK(first == NULL);
                CHECK_EQ(got, k);
                CHECK_EQ(hr_cqe_shift(r), sh);
            }
            CHECK_EQ(want, ud);
            /* a tail more than `entries` ahead: nothing, whatever the API */
            *s->w[W_CQ_TAIL] = r->cq.head + r->cq.entries + 1;
            struct hr_cqe *v[4], *first = (struct hr_cqe *)1, *q;
            unsigned head, n = 0;
            CHECK_EQ(hr_peek_batch_cqe(r, v, 4), 0);
            CHECK_EQ(hr_cq_batch(r, &first, 4), 0);
            CHECK(first == NULL);
            hr_for_each_cqe(r, head, q)
                n++;
            CHECK_EQ(n, 0);
            CHECK_EQ(hr_wait_cqe(r, &q), -HR_EIO);
            *s->w[W_CQ_TAIL] = r->cq.head;
            sim_free(s);
        }
}

/* overflow: peek_batch and get_events bring the kernel's backlog back;
   has_overflow follows the flag */
/* A wait without timeout hands the kernel its sigmask as a plain sigset
   argument (8 bytes, no EXT_ARG) (mutant wait-sigmask-dropped of
   tests/mutate). */
TEST(sigmask_without_timeout)
{
    struct sim_cfg c = cfg(8, 16, 0, 0, 0);
    struct sim *s = fresh(&c);
    struct hr_ring *r = &s->ring;
    struct hr_cqe *p = (struct hr_cqe *)1;
    uint64_t sigset = 1u << 9;
    wk.fail = -EINTR;                    /* a signal arrives while waiting */
    CHECK_EQ(hr_wait_cqes(r, &p, 1, NULL, &sigset), -EINTR);
    CHECK_EQ(wk.n, 1);
    CHECK(!wk.ext);
    CHECK(wk.rawarg == &sigset);
    CHECK_EQ(wk.argsz, 8);
    CHECK(wk.flags & IORING_ENTER_GETEVENTS);
    CHECK_EQ(hr_wait_cqes(r, &p, 1, NULL, NULL), -EINTR);
    CHECK(wk.rawarg == NULL && wk.argsz == 0);
    wk.fail = 0;
    sim_free(s);
}

/* A kernel that consumes fewer SQEs than asked: the submit-and-wait calls
   return what it consumed, never the count they asked for (mutant
   wait-left-all). */
TEST(short_submit_counts_consumed)
{
    struct sim_cfg c = cfg(8, 16, 0, 0xfffffffeu, 0);
    struct sim *s = fresh(&c);
    struct hr_ring *r = &s->ring;
    struct hr_cqe *p = NULL;
    s->submit_limit = 1;
    queue(s, 4, 1);
    uint64_t c0 = s->n_consumed;
    int ret = hr_submit_and_wait_timeout(r, &p, 1, NULL, NULL);
    CHECK(ret > 0 && ret < 4);
    CHECK_EQ(ret, s->n_consumed - c0);
    CHECK(p != NULL && p->user_data == 1);
    s->submit_limit = 0;
    sim_free(s);
}

/* An SQ head more than `entries` behind our tail (a lying kernel): the
   calls that flush and submit ask for `entries` SQEs at most, as the kernel
   clamps (mutant wait-flush-pending-unclamped). */
TEST(flush_pending_clamps_lying_head)
{
    for (int f = 0; f < 2; f++) {
        struct sim_cfg c = cfg(8, 16, 0, 0xfffffffcu, 0);
        struct sim *s = fresh(&c);
        struct hr_ring *r = &s->ring;
        struct hr_cqe *p = NULL;
        HR_CTX("call %d", f);
        queue(s, 2, 1);
        *s->w[W_SQ_HEAD] = r->sq.sqe_tail - 8 - 3;      /* 11 "pending" of 8 */
        if (f == 0)
            (void)hr_submit_and_get_events(r);
        else {
            wk.fail = -EBADR;                           /* stop at the first enter */
            CHECK_EQ(hr_submit_and_wait_timeout(r, &p, 1, NULL, NULL), -EBADR);
            wk.fail = 0;
        }
        CHECK_EQ(wk.n, 1);
        CHECK_EQ(wk.to_submit, 8);
        sim_free(s);
    }
}

/* SQPOLL with a full SQ: hr_sqring_wait enters with IORING_ENTER_SQ_WAIT
   only (mutant wait-sqring-wait-flag); with room it does not enter. */
TEST(sqring_wait_flag)
{
    struct sim_cfg c = cfg(8, 16, IORING_SETUP_SQPOLL, 0xfffffffau, 0);
    struct sim *s = fresh(&c);
    struct hr_ring *r = &s->ring;
    CHECK_EQ(hr_sqring_wait(r), 0);                     /* room: no enter */
    CHECK_EQ(wk.n, 0);
    queue(s, 8, 1);
    wk.fail = -EBADR;
    CHECK_EQ(hr_sqring_wait(r), -EBADR);
    CHECK_EQ(wk.n, 1);
    CHECK_EQ(wk.flags, IORING_ENTER_SQ_WAIT);
    CHECK_EQ(wk.to_submit, 0);
    CHECK_EQ(wk.min_complete, 0);
    wk.fail = 0;
    sim_free(s);
}

TEST(overflow_flush_batch)
{
    struct sim_cfg c = cfg(8, 8, 0, 0xfffffffau, 0xfffffffcu);
    struct sim *s = fresh(&c);
    struct hr_ring *r = &s->ring;
    uint64_t want = 1;
    for (int b = 0; b < 3; b++) {
        queue(s, 8, 1 + 8 * (uint64_t)b);
        CHECK_EQ(hr_submit(r), 8);
    }
    CHECK(hr_cq_has_overflow(r));
    struct hr_cqe *v[8];
    uint32_t total = 0;
    for (int i = 0; i < 8 && total < 24; i++) {
        const unsigned n = hr_peek_batch_cqe(r, v, 8);
        for (unsigned j = 0; j < n; j++)
            CHECK_EQ(v[j]->user_data, want++);
        hr_cq_advance(r, n);
        total += n;
    }
    CHECK_EQ(total, 24);
    CHECK(!hr_cq_has_overflow(r));
    CHECK(hr_get_events(r) >= 0);
    queue(s, 2, 100);
    CHECK_EQ(hr_submit_and_get_events(r), 2);
    CHECK(wk.flags & IORING_ENTER_GETEVENTS);
    CHECK_EQ(hr_cq_ready(r), 2);
    CHECK_EQ(hr_sqring_wait(r), -HR_EINVAL);
    sim_free(s);
}

/* ---- IORING_SETUP_CQE_MIXED ----------------------------------------------- */

/* the "kernel" posts one CQE of `slots` slots (a padding CQE: flags
   IORING_CQE_F_SKIP) at its tail, written straight into the ring */
static void post_mixed(struct sim *s, uint64_t ud, uint32_t flags, uint32_t slots)
{
    uint32_t t = *s->w[W_CQ_TAIL];
    struct hr_cqe *c = cqe_at(s, t);
    c->user_data = ud;
    c->res = (int32_t)ud;
    c->flags = flags;
    if (slots == 2) {
        c[1].user_data = ud + 1000;         /* big_cqe[0] */
        c[1].res = -1;                      /* junk a walker must not read as a CQE */
        c[1].flags = IORING_CQE_F_SKIP | IORING_CQE_F_32;
    }
    *s->w[W_CQ_TAIL] = t + slots;
}

/* Mixed rings at every wrap start: padding CQEs at our head are released
   (and only those), a 32-byte CQE is released as two slots, a 32-byte CQE
   in the last slot (only a corrupted ring has one) is -EIO / the end of a
   walk, peek_batch stops at later padding, copy is refused; on a ring
   without CQE_MIXED the two flags mean nothing to the core. */
TEST(cqe_mixed_walks)
{
    for (unsigned si = 0; si < sizeof starts / sizeof starts[0]; si++) {
        /* our head at slot 4 of 8 */
        const uint32_t base = (starts[si] & ~7u) + 4;
        HR_CTX("base=0x%x", base);
        struct sim_cfg c = cfg(4, 8, IORING_SETUP_CQE_MIXED, starts[si], base);
        struct sim *s = fresh(&c);
        struct hr_ring *r = &s->ring;
        struct hr_cqe *p = NULL, *v[8], out[8];
        unsigned head, n, k;

        /* slot 4 small, 5-6 big, 7 padding, 0-1 big, 2 small */
        post_mixed(s, 1, 0, 1);
        post_mixed(s, 2, IORING_CQE_F_32, 2);
        post_mixed(s, 0, IORING_CQE_F_SKIP, 1);
        post_mixed(s, 3, IORING_CQE_F_32, 2);
        post_mixed(s, 4, 0, 1);
        /* copy counts slots and never cuts a 32-byte CQE */
        {
            const uint32_t h0 = r->cq.head;
            CHECK_EQ(hr_copy_cqes_ready(r, out, 2), 1);     /* 1 | 2 would be cut */
            CHECK_EQ(out[0].user_data, 1);
            CHECK_EQ(hr_copy_cqes_ready(r, out, 8), 6);     /* 2, pad, 3 (2), 4 */
            CHECK(out[0].user_data == 2 && out[0].flags == IORING_CQE_F_32 &&
                  out[1].user_data == 1002);
            CHECK(out[2].flags == IORING_CQE_F_SKIP);
            CHECK(out[3].user_data == 3 && out[4].user_data == 1003 && out[5].user_data == 4);
            CHECK_EQ(r->cq.head, h0 + 7);
            CHECK_EQ(*s->w[W_CQ_HEAD], h0 + 7);
            CHECK_EQ(wk.n, 0);
            /* the same CQEs again, for the walks below */
            r->cq.head = h0;
            *s->w[W_CQ_HEAD] = h0;
        }

        /* for_each visits 1, 2, the padding, 3, 4 and steps 7 slots */
        static const uint64_t uds[] = { 1, 2, 0, 3, 4 };
        n = k = 0;
        hr_for_each_cqe(r, head, p) {
            CHECK(k < 5);
            CHECK_EQ(p->user_data, uds[k]);
            n += hr_cqe_nr(p);
            k++;
        }
        CHECK_EQ(k, 5);
        CHECK_EQ(n, 7);
        CHECK_EQ(head, base + 7);

        /* peek_batch: 1 and 2, then the padding stops it */
        CHECK_EQ(hr_peek_batch_cqe(r, v, 8), 2);
        CHECK(v[0] == cqe_at(s, base) && v[1] == cqe_at(s, base + 1));
        CHECK_EQ(r->cq.head, base);
        hr_cq_advance(r, hr_cqe_nr(v[0]) + hr_cqe_nr(v[1]));
        /* ... called again: the padding at our head is released, 3 and 4 */
        CHECK_EQ(hr_peek_batch_cqe(r, v, 8), 2);
        CHECK_EQ(r->cq.head, base + 4);
        CHECK_EQ(*s->w[W_CQ_HEAD], base + 4);
        CHECK(v[0]->user_data == 3 && v[1]->user_data == 4);

        /* peek / seen: 3 is two slots, 4 one */
        CHECK_EQ(hr_peek_cqe(r, &p), 0);
        CHECK(p == v[0]);
        hr_cqe_seen(r, p);
        CHECK_EQ(r->cq.head, base + 6);
        CHECK_EQ(hr_wait_cqe(r, &p), 0);
        CHECK_EQ(p->user_data, 4);
        hr_cqe_seen(r, p);
        hr_cqe_seen(r, NULL);               /* liburing: nothing */
        CHECK_EQ(r->cq.head, base + 7);
        CHECK_EQ(*s->w[W_CQ_HEAD], base + 7);
        CHECK_EQ(hr_peek_cqe(r, &p), -HR_EAGAIN);

        /* our head is at slot 3: four paddings, then a 32-byte CQE in the
           last slot -- a corrupted ring */
        for (k = 0; k < 4; k++)
            post_mixed(s, 0, IORING_CQE_F_SKIP, 1);
        post_mixed(s, 9, IORING_CQE_F_32, 1);
        CHECK_EQ(hr_peek_cqe(r, &p), -HR_EIO);
        CHECK(p == NULL);
        CHECK_EQ(r->cq.head, base + 11);    /* the paddings are gone */
        p = (struct hr_cqe *)1;
        CHECK_EQ(hr_wait_cqe(r, &p), -HR_EIO);
        CHECK(p == NULL);
        CHECK_EQ(wk.n, 0);
        CHECK_EQ(hr_peek_batch_cqe(r, v, 8), 0);
        n = 0;
        hr_for_each_cqe(r, head, p)
            n++;
        CHECK_EQ(n, 0);
        CHECK_EQ(hr_wait_cqe_nr(r, &p, 1), -HR_EIO);

        /* nothing but paddings: all released, nothing handed out */
        cqe_at(s, base + 11)->flags = IORING_CQE_F_SKIP;
        for (k = 0; k < 7; k++)
            post_mixed(s, 0, IORING_CQE_F_SKIP, 1);
        CHECK_EQ(hr_cq_ready(r), 8);
        CHECK_EQ(hr_peek_cqe(r, &p), -HR_EAGAIN);
        CHECK_EQ(r->cq.head, base + 19);
        CHECK_EQ(hr_cq_ready(r), 0);
        sim_free(s);

        /* the same flags on a ring without CQE_MIXED: plain CQEs */
        c = cfg(4, 8, 0, starts[si], base);
        s = fresh(&c);
        r = &s->ring;
        post_mixed(s, 0, IORING_CQE_F_SKIP, 1);
        post_mixed(s, 5, IORING_CQE_F_32, 1);
        CHECK_EQ(hr_peek_cqe(r, &p), 0);
        CHECK(p->flags == IORING_CQE_F_SKIP && r->cq.head == base);
        hr_cqe_seen(r, p);
        CHECK_EQ(hr_peek_cqe(r, &p), 0);
        CHECK_EQ(p->user_data, 5);
        hr_cqe_seen(r, p);
        CHECK_EQ(r->cq.head, base + 2);     /* one slot each */
        sim_free(s);
    }
}
