/* tests/tsan_stress.c -- ThreadSanitizer stress of the ring core's memory
 * ordering (suite `tsan-stress`, built with clang -fsanitize=thread).
 *
 * The real core (core/hr_ring.h with its core/hr_atomic.h accessors) runs
 * on the main thread against a fake kernel THREAD that uses the kernel's
 * orderings (io_uring/io_uring.c, sqpoll.c):
 *   SQ: smp_load_acquire(sq.tail), read the array slot and the SQE, then
 *       smp_store_release(sq.head);
 *   CQ: load cq.head (acquire here: TSan has no control dependencies),
 *       write the CQE, smp_store_release(cq.tail); a full CQ (or a backlog
 *       already there) appends to a backlog and sets IORING_SQ_CQ_OVERFLOW,
 *       flushed by an enter with GETEVENTS;
 *   SQPOLL: when idle, atomic_or(NEED_WAKEUP), smp_mb, re-read the tail,
 *       sleep until an enter with IORING_ENTER_SQ_WAKEUP.
 * Only io_uring_enter(2) is replaced (hr__sys_enter -> fake_enter, by the
 * preprocessor; core/ is not touched).  Every case: one flag combination of
 * NO_SQARRAY, SQE128, CQE32, SQPOLL, an SQ ring of 1, 2, 4 or 8 entries, a
 * CQ ring of the same or twice the size, all four counters starting just
 * below 2^32.  Oracles: every user_data comes back exactly once and in
 * order (SQE128/CQE32 halves intact), the kernel sees every SQE once and
 * in order, no wait exceeds a bound (a lost wakeup), and TSan sees no data
 * race: a weakened release or acquire leaves the plain SQE/CQE accesses
 * unordered, which TSan reports (build with -DTSAN_WEAK_RELEASE or
 * -DTSAN_WEAK_ACQUIRE to see it fail).  A missing full fence is no data
 * race (only a lost wakeup): proofs/order/ring.pml refutes that one.
 *
 * Each case runs in a forked child (the parent has no threads), so a TSan
 * report (exit code 66) fails that case only.
 *   tsan_stress [filter]     last line: tsan-stress: N passed, N failed, N skipped
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "hr_ring_spec.h"
#include "hr_atomic.h"
#include "hr_sys.h"

struct fk;
static int fake_enter(struct hr_ring *r, uint32_t to_submit, uint32_t min_complete,
                      uint32_t flags, const void *arg, uint64_t argsz);

#ifdef TSAN_WEAK_RELEASE       /* the demonstration: every release made relaxed */
static inline void weak_store_release(uint32_t *p, uint32_t v)
{
    __atomic_store_n(p, v, __ATOMIC_RELAXED);
}
#define hr_store_release weak_store_release
#endif
#ifdef TSAN_WEAK_ACQUIRE       /* every acquire made relaxed */
static inline uint32_t weak_load_acquire(uint32_t *p)
{
    return __atomic_load_n(p, __ATOMIC_RELAXED);
}
#define hr_load_acquire weak_load_acquire
#endif
#define hr__sys_enter fake_enter
#include "hr_ring.h"
#undef hr__sys_enter
#undef hr_store_release
#undef hr_load_acquire

#define NOPS        3000u            /* SQEs per case */
#define WAIT_BOUND  30               /* seconds: longer is a lost wakeup */

/* ---- the fake kernel ------------------------------------------------------ */

struct fk {
    struct hr_ring r;
    uint32_t flags, sq_entries, cq_entries, sqe_shift, cqe_shift;
    /* shared memory, as the kernel lays it out (separate cache lines) */
    uint32_t *sq_head, *sq_tail, *sq_flags, *cq_head, *cq_tail, *cq_overflow;
    uint32_t *array;
    struct hr_sqe *sqes;
    struct hr_cqe *cqes;
    void *mem;
    /* kernel-private */
    uint32_t k_sq_head, k_cq_tail;
    uint64_t next_sqe_ud;            /* what the next SQE must carry */
    pthread_mutex_t lock;            /* ctx->completion_lock + wait queues */
    pthread_cond_t cond;
    uint64_t *backlog; size_t bl_head, bl_len;     /* overflowed CQEs (FIFO) */
    uint64_t *pend;    size_t pd_head, pd_len;     /* consumed, not completed */
    int wake, stop;
    pthread_t thr;
    /* outcome */
    unsigned long bad_sqe, bad_idx, hang, overflows, wakeups, sleeps;
};

static struct fk *g_fk;

static uint8_t sqe_byte(uint64_t ud, unsigned i) { return (uint8_t)(ud * 131u + i * 7u + 1u); }
static uint64_t big0(uint64_t ud) { return ud ^ 0xb16cafe5b16cafe5ull; }

/* io_submit_sqes: acquire the tail, read array slots and SQEs, release the head */
static uint32_t k_consume(struct fk *k, uint32_t max, uint64_t *uds)
{
    const uint32_t tail = __atomic_load_n(k->sq_tail, __ATOMIC_ACQUIRE);
    uint32_t n = 0;
    while (k->k_sq_head != tail && n < max) {
        uint32_t idx = k->k_sq_head & (k->sq_entries - 1);
        if (k->array)
            idx = k->array[idx];                  /* READ_ONCE(sq_array[..]) */
        if (idx >= k->sq_entries) {
            k->bad_idx++;
            break;
        }
        const struct hr_sqe *sqe = k->sqes + (idx << k->sqe_shift);
        const uint64_t ud = sqe->user_data;
        if (ud != k->next_sqe_ud)
            k->bad_sqe++;
        if (k->sqe_shift) {
            const uint8_t *b = (const uint8_t *)(sqe + 1);
            for (unsigned i = 0; i < 64; i += 8)
                if (b[i] != sqe_byte(ud, i)) { k->bad_sqe++; break; }
        }
        k->next_sqe_ud = ud + 1;
        uds[n++] = ud;
        k->k_sq_head++;
    }
    if (n)
        __atomic_store_n(k->sq_head, k->k_sq_head, __ATOMIC_RELEASE);
    return n;
}

static void k_write_cqe(struct fk *k, uint64_t ud)
{
    struct hr_cqe *c = k->cqes + ((k->k_cq_tail & (k->cq_entries - 1)) << k->cqe_shift);
    c->user_data = ud;
    c->res = (int32_t)(ud & 0x7fffffff);
    c->flags = 0;
    if (k->cqe_shift) {
        c[1].user_data = big0(ud);
        c[1].res = 0;
        c[1].flags = 0;
    }
    k->k_cq_tail++;
}

static int k_cq_room(struct fk *k)
{
    /* the kernel reads the head with READ_ONCE + a control dependency;
       acquire is the closest TSan understands */
    return k->k_cq_tail - __atomic_load_n(k->cq_head, __ATOMIC_ACQUIRE) < k->cq_entries;
}

/* under k->lock */
static void k_post(struct fk *k, uint64_t ud)
{
    if (k->bl_len == 0 && k_cq_room(k)) {
        k_write_cqe(k, ud);
        __atomic_store_n(k->cq_tail, k->k_cq_tail, __ATOMIC_RELEASE);
    } else {
        k->backlog[(k->bl_head + k->bl_len++) % NOPS] = ud;
        k->overflows++;
        __atomic_fetch_or(k->sq_flags, IORING_SQ_CQ_OVERFLOW, __ATOMIC_SEQ_CST);
    }
    pthread_cond_broadcast(&k->cond);
}

/* under k->lock: __io_cqring_overflow_flush */
static void k_flush(struct fk *k)
{
    int moved = 0;
    while (k->bl_len && k_cq_room(k)) {
        k_write_cqe(k, k->backlog[k->bl_head]);
        k->bl_head = (k->bl_head + 1) % NOPS;
        k->bl_len--;
        moved = 1;
    }
    if (moved)
        __atomic_store_n(k->cq_tail, k->k_cq_tail, __ATOMIC_RELEASE);
    if (!k->bl_len)
        __atomic_fetch_and(k->sq_flags, ~(uint32_t)IORING_SQ_CQ_OVERFLOW, __ATOMIC_SEQ_CST);
}

static int deadline_passed(const struct timespec *t0)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return now.tv_sec - t0->tv_sec > WAIT_BOUND;
}

static void timed_wait(struct fk *k)
{
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    ts.tv_nsec += 20 * 1000 * 1000;
    if (ts.tv_nsec >= 1000000000L) { ts.tv_sec++; ts.tv_nsec -= 1000000000L; }
    pthread_cond_timedwait(&k->cond, &k->lock, &ts);
}

static void *k_thread(void *arg)
{
    struct fk *k = arg;
    uint64_t uds[8];
    unsigned idle = 0;
    for (;;) {
        if (__atomic_load_n(&k->stop, __ATOMIC_ACQUIRE))
            return 0;
        if (k->flags & IORING_SETUP_SQPOLL) {
            /* io_sq_thread */
            const uint32_t n = k_consume(k, 8, uds);
            if (n) {
                pthread_mutex_lock(&k->lock);
                for (uint32_t i = 0; i < n; i++)
                    k_post(k, uds[i]);
                pthread_mutex_unlock(&k->lock);
                idle = 0;
                continue;
            }
            if (++idle < 64) {
                sched_yield();
                continue;
            }
            idle = 0;
            __atomic_fetch_or(k->sq_flags, IORING_SQ_NEED_WAKEUP, __ATOMIC_RELAXED);
            __atomic_thread_fence(__ATOMIC_SEQ_CST);              /* smp_mb__after_atomic */
            if (__atomic_load_n(k->sq_tail, __ATOMIC_ACQUIRE) == k->k_sq_head) {
                struct timespec t0;
                clock_gettime(CLOCK_MONOTONIC, &t0);
                pthread_mutex_lock(&k->lock);
                k->sleeps++;
                while (!k->wake && !__atomic_load_n(&k->stop, __ATOMIC_ACQUIRE)) {
                    if (deadline_passed(&t0)) {
                        /* a lost wakeup would leave SQEs here forever; the
                           app's wait bound reports it */
                        break;
                    }
                    timed_wait(k);
                }
                k->wake = 0;
                pthread_mutex_unlock(&k->lock);
            }
            __atomic_fetch_and(k->sq_flags, ~(uint32_t)IORING_SQ_NEED_WAKEUP, __ATOMIC_SEQ_CST);
        } else {
            /* completion context: post what enter consumed */
            pthread_mutex_lock(&k->lock);
            while (!k->pd_len && !__atomic_load_n(&k->stop, __ATOMIC_ACQUIRE))
                timed_wait(k);
            uint32_t n = 0;
            while (k->pd_len && n < 1 + (k->pd_head & 3)) {
                k_post(k, k->pend[k->pd_head]);
                k->pd_head = (k->pd_head + 1) % NOPS;
                k->pd_len--;
                n++;
            }
            pthread_mutex_unlock(&k->lock);
            if (n)
                sched_yield();
        }
    }
}

/* io_uring_enter(2) */
static int fake_enter(struct hr_ring *r, uint32_t to_submit, uint32_t min_complete,
                      uint32_t flags, const void *arg, uint64_t argsz)
{
    struct fk *k = g_fk;
    int ret = 0;
    (void)r; (void)arg; (void)argsz;
    __atomic_thread_fence(__ATOMIC_SEQ_CST);                     /* syscall entry */
    if (k->flags & IORING_SETUP_SQPOLL) {
        if (flags & IORING_ENTER_SQ_WAKEUP) {
            pthread_mutex_lock(&k->lock);
            k->wake = 1;
            k->wakeups++;
            pthread_cond_broadcast(&k->cond);
            pthread_mutex_unlock(&k->lock);
        }
        ret = (int)to_submit;
    } else if (to_submit) {
        uint64_t uds[8];
        uint32_t n = 0, m;
        while (n < to_submit && (m = k_consume(k, to_submit - n < 8 ? to_submit - n : 8, uds)) > 0) {
            pthread_mutex_lock(&k->lock);
            for (uint32_t i = 0; i < m; i++)
                k->pend[(k->pd_head + k->pd_len++) % NOPS] = uds[i];
            pthread_cond_broadcast(&k->cond);
            pthread_mutex_unlock(&k->lock);
            n += m;
        }
        ret = (int)n;
    }
    if (flags & IORING_ENTER_GETEVENTS) {
        struct timespec t0;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        pthread_mutex_lock(&k->lock);
        for (;;) {
            k_flush(k);
            if (k->k_cq_tail - __atomic_load_n(k->cq_head, __ATOMIC_ACQUIRE) >= min_complete)
                break;
            if (deadline_passed(&t0)) {
                k->hang++;
                ret = -HR_EINTR;
                break;
            }
            timed_wait(k);
        }
        pthread_mutex_unlock(&k->lock);
    }
    __atomic_thread_fence(__ATOMIC_SEQ_CST);                     /* syscall exit */
    return ret;
}

/* ---- one case ------------------------------------------------------------- */

static size_t align64(size_t x) { return (x + 63) & ~(size_t)63; }

static void fk_init(struct fk *k, uint32_t flags, uint32_t sqe, uint32_t cqe, uint32_t start)
{
    memset(k, 0, sizeof *k);
    k->flags = flags;
    k->sq_entries = sqe;
    k->cq_entries = cqe;
    k->sqe_shift = (flags & IORING_SETUP_SQE128) ? 1 : 0;
    k->cqe_shift = (flags & IORING_SETUP_CQE32) ? 1 : 0;
    const size_t words = 6 * 64;
    const size_t arr = align64(sqe * sizeof(uint32_t));
    const size_t sqes = align64((size_t)(sqe << k->sqe_shift) * sizeof(struct hr_sqe));
    const size_t cqes = align64((size_t)(cqe << k->cqe_shift) * sizeof(struct hr_cqe));
    uint8_t *m = aligned_alloc(64, words + arr + sqes + cqes);
    memset(m, 0, words + arr + sqes + cqes);
    k->mem = m;
    k->sq_head = (uint32_t *)(m + 0);
    k->sq_tail = (uint32_t *)(m + 64);
    k->sq_flags = (uint32_t *)(m + 128);
    k->cq_head = (uint32_t *)(m + 192);
    k->cq_tail = (uint32_t *)(m + 256);
    k->cq_overflow = (uint32_t *)(m + 320);
    k->array = (flags & IORING_SETUP_NO_SQARRAY) ? 0 : (uint32_t *)(m + words);
    k->sqes = (struct hr_sqe *)(m + words + arr);
    k->cqes = (struct hr_cqe *)(m + words + arr + sqes);
    *k->sq_head = *k->sq_tail = start;
    *k->cq_head = *k->cq_tail = start - 3;
    k->k_sq_head = start;
    k->k_cq_tail = start - 3;
    k->backlog = calloc(NOPS, sizeof(uint64_t));
    k->pend = calloc(NOPS, sizeof(uint64_t));
    pthread_mutex_init(&k->lock, 0);
    pthread_cond_init(&k->cond, 0);

    /* the ring as hr__bind wires it */
    struct hr_ring *r = &k->r;
    uint32_t shift = 0;
    while ((1u << shift) < sqe) shift++;
    r->sq.khead = k->sq_head; r->sq.ktail = k->sq_tail; r->sq.kflags = k->sq_flags;
    r->sq.array = k->array; r->sq.sqes = k->sqes;
    r->sq.entries = sqe; r->sq.mask = sqe - 1; r->sq.shift = shift;
    r->sq.sqe_shift = k->sqe_shift; r->sq.sqe_units = sqe << k->sqe_shift;
    r->sq.sqe_head = r->sq.sqe_tail = r->sq.sqe_limit = start;
    shift = 0;
    while ((1u << shift) < cqe) shift++;
    r->cq.khead = k->cq_head; r->cq.ktail = k->cq_tail; r->cq.koverflow = k->cq_overflow;
    r->cq.cqes = k->cqes; r->cq.entries = cqe; r->cq.mask = cqe - 1; r->cq.shift = shift;
    r->cq.cqe_shift = k->cqe_shift; r->cq.cqe_units = cqe << k->cqe_shift;
    r->cq.head = start - 3;
    r->flags = flags;
    r->ring_fd = r->enter_fd = -1;
}

static void fk_free(struct fk *k)
{
    free(k->mem); free(k->backlog); free(k->pend);
}

static unsigned long g_bad_cqe;

static void check_cqe(struct fk *k, const struct hr_cqe *c, uint64_t *expect)
{
    if (c->user_data != *expect || c->res != (int32_t)(*expect & 0x7fffffff) ||
        (k->cqe_shift && c[1].user_data != big0(*expect))) {
        if (g_bad_cqe++ < 5)
            fprintf(stderr, "  CQE user_data %llu, expected %llu\n",
                    (unsigned long long)c->user_data, (unsigned long long)*expect);
    }
    (*expect)++;
}

static int run_case(uint32_t flags, uint32_t sqe, uint32_t cqe, uint64_t seed)
{
    struct fk k;
    fk_init(&k, flags, sqe, cqe, 0xffffffffu - (uint32_t)(seed % 5));
    g_fk = &k;
    pthread_create(&k.thr, 0, k_thread, &k);
    struct hr_ring *r = &k.r;
    uint64_t next = 0, expect = 0, rng = seed * 0x9e3779b97f4a7c15ull + 1;
    struct hr_cqe out[16 * 2];
    int err = 0;
    while (expect < NOPS && !err) {
        rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17;
        /* get and fill up to a ring's worth of SQEs */
        uint32_t want = 1 + (uint32_t)(rng % sqe);
        while (want-- && next < NOPS) {
            struct hr_sqe *s = hr_get_sqe(r);
            if (!s)
                break;
            memset(s, 0, sizeof *s << k.sqe_shift);
            s->user_data = next;
            if (k.sqe_shift) {
                uint8_t *b = (uint8_t *)(s + 1);
                for (unsigned i = 0; i < 64; i++)
                    b[i] = sqe_byte(next, i);
            }
            next++;
        }
        const int ret = hr_submit(r);
        if (ret < 0) { err = 1; break; }
        /* reap, three ways */
        const int outstanding = expect < next;
        switch ((rng >> 20) % 3) {
        case 0: {                              /* peek + seen */
            struct hr_cqe *c;
            while (hr_peek_cqe(r, &c) == 0) {
                check_cqe(&k, c, &expect);
                hr_cqe_seen(r, c);
            }
            break;
        }
        case 1: {                              /* copy, maybe waiting */
            const uint32_t n = 1 + (uint32_t)((rng >> 30) % 16);
            const int got = hr_copy_cqes(r, out, n, outstanding && (rng & 1ull << 40) ? 1 : 0);
            if (got < 0) { err = 1; break; }
            for (int i = 0; i < got; i++)
                check_cqe(&k, out + ((uint32_t)i << k.cqe_shift), &expect);
            break;
        }
        default:                               /* wait for one */
            if (outstanding) {
                struct hr_cqe *c;
                const int w = hr_wait_cqe_nr(r, &c, 1);
                if (w == -HR_EINTR && k.hang) { err = 1; break; }
                if (w == 0 && c) {
                    check_cqe(&k, c, &expect);
                    hr_cqe_seen(r, c);
                }
            }
            break;
        }
        if (k.hang)
            err = 1;
    }
    __atomic_store_n(&k.stop, 1, __ATOMIC_RELEASE);
    pthread_mutex_lock(&k.lock);
    pthread_cond_broadcast(&k.cond);
    pthread_mutex_unlock(&k.lock);
    pthread_join(k.thr, 0);
    const int ok = !err && !k.hang && !k.bad_sqe && !k.bad_idx && !g_bad_cqe && expect == NOPS;
    if (!ok || getenv("TSAN_STRESS_VERBOSE"))
        fprintf(stderr, "  reaped %llu/%u, bad sqe %lu, bad idx %lu, bad cqe %lu, hang %lu, "
                "overflows %lu, sleeps %lu, wakeups %lu\n", (unsigned long long)expect, NOPS,
                k.bad_sqe, k.bad_idx, g_bad_cqe, k.hang, k.overflows, k.sleeps, k.wakeups);
    fk_free(&k);
    return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
    const char *filter = argc > 1 ? argv[1] : 0;
    static const uint32_t fl[4] = { IORING_SETUP_NO_SQARRAY, IORING_SETUP_SQE128,
                                    IORING_SETUP_CQE32, IORING_SETUP_SQPOLL };
    unsigned pass = 0, fail = 0, skip = 0;
    for (unsigned combo = 0; combo < 16; combo++) {
        for (uint32_t sqe = 1; sqe <= 8; sqe <<= 1) {
            uint32_t flags = 0;
            char name[128];
            for (unsigned b = 0; b < 4; b++)
                if (combo & (1u << b))
                    flags |= fl[b];
            const uint32_t cqe = (combo + sqe) & 1 ? sqe : 2 * sqe;
            snprintf(name, sizeof name, "sq%u-cq%u%s%s%s%s", sqe, cqe,
                     flags & IORING_SETUP_NO_SQARRAY ? "-nosqarray" : "",
                     flags & IORING_SETUP_SQE128 ? "-sqe128" : "",
                     flags & IORING_SETUP_CQE32 ? "-cqe32" : "",
                     flags & IORING_SETUP_SQPOLL ? "-sqpoll" : "");
            if (filter && !strstr(name, filter))
                continue;
            fflush(stdout);
            const pid_t pid = fork();
            if (pid == 0)
                exit(run_case(flags, sqe, cqe, combo * 16 + sqe));
            int st = 0;
            waitpid(pid, &st, 0);
            const int code = WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
            if (code == 0) {
                pass++;
                printf("PASS %s\n", name);
            } else if (code == 77) {
                skip++;
                printf("SKIP %s\n", name);
            } else {
                fail++;
                printf("FAIL %s (%s)\n", name, code == 66 ? "ThreadSanitizer report" :
                       code == 1 ? "oracle" : "crash");
            }
        }
    }
    printf("tsan-stress: %u passed, %u failed, %u skipped\n", pass, fail, skip);
    return fail ? 1 : 0;
}
