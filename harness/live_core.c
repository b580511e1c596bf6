/* live_core.c -- the verified core against the real kernel.
 *
 * Every submit goes through submit_checked(), which tests the kernel
 * assumptions of specs/TRUSTED.md live after each io_uring_enter:
 *   K-SQTAIL  the kernel never writes the SQ tail
 *   K-CQHEAD  the kernel never writes the CQ head
 *   K-SQHEAD  the SQ head moves forward by at most what was pending and
 *             never passes the published tail
 *   K-CQTAIL  CQ tail - head never exceeds cq_entries
 * and geometry_ok() checks T-MAP/T-BIND: every pointer ring_ok speaks of is
 * inside its mapping, aligned, and the six header words are distinct. */
#define _GNU_SOURCE
#include "hringas.h"
#define HR_TEST_IMPLEMENTATION
#include "hr_test.h"

#include <dirent.h>
#include <errno.h>
#include <string.h>
#include <sys/utsname.h>
#include <time.h>

/* Counted over every case (each runs in its own process, so the counts live
   in memory shared with the runner) and checked by the last case. */
struct assumptions {
    unsigned long checks, violations;
    char first[256];
};
static struct assumptions *kassume;

static void violated(const char *what, unsigned a, unsigned b)
{
    if (!kassume->violations)
        snprintf(kassume->first, sizeof kassume->first, "%s (%u vs %u)", what, a, b);
    kassume->violations++;
}

static void check_kernel_words(struct hr_ring *r, uint32_t head_before, uint32_t pending)
{
    const uint32_t head = __atomic_load_n(r->sq.khead, __ATOMIC_ACQUIRE);
    const uint32_t tail = *r->sq.ktail;
    kassume->checks++;
    if (tail != r->sq.sqe_head) violated("K-SQTAIL: kernel wrote the SQ tail", tail, r->sq.sqe_head);
    if (*r->cq.khead != r->cq.head) violated("K-CQHEAD: kernel wrote the CQ head", *r->cq.khead, r->cq.head);
    if ((uint32_t)(head - head_before) > pending) violated("K-SQHEAD: head moved more than pending", head - head_before, pending);
    if ((uint32_t)(tail - head) > r->sq.entries) violated("K-SQHEAD: head passed the tail", head, tail);
    const uint32_t ct = __atomic_load_n(r->cq.ktail, __ATOMIC_ACQUIRE);
    if ((uint32_t)(ct - r->cq.head) > r->cq.entries) violated("K-CQTAIL: tail - head > cq_entries", ct - r->cq.head, r->cq.entries);
}

static int submit_checked(struct hr_ring *r, uint32_t wait_nr)
{
    const uint32_t head_before = __atomic_load_n(r->sq.khead, __ATOMIC_ACQUIRE);
    const uint32_t pending = r->sq.sqe_tail - head_before;
    int ret = hr_submit_and_wait(r, wait_nr);
    check_kernel_words(r, head_before, pending);
    return ret;
}

static int copy_checked(struct hr_ring *r, struct hr_cqe *out, uint32_t n, uint32_t wait_nr)
{
    const uint32_t head_before = __atomic_load_n(r->sq.khead, __ATOMIC_ACQUIRE);
    int ret = hr_copy_cqes(r, out, n, wait_nr);
    check_kernel_words(r, head_before, 0);
    return ret;
}

static int in_map(const void *p, size_t size, const uint8_t *base, uint64_t len)
{
    const uint8_t *b = p;
    return b >= base && b + size <= base + len;
}

/* T-MAP / T-BIND, live: what ring_ok says, checked on the running kernel. */
static int geometry_ok(struct hr_ring *r)
{
    const uint8_t *m = (const uint8_t *)r->ring_mem;
    const uint64_t l = r->ring_len;
    uint32_t *w[6] = { r->sq.khead, r->sq.ktail, r->sq.kflags,
                       r->cq.khead, r->cq.ktail, r->cq.koverflow };
    for (int i = 0; i < 6; i++) {
        if (!in_map(w[i], 4, m, l) || ((uintptr_t)w[i] & 3)) return 0;
        for (int j = 0; j < i; j++) if (w[i] == w[j]) return 0;
    }
    const size_t sqe_units = (size_t)r->sq.entries << r->sq.sqe_shift;
    const size_t cqe_units = (size_t)r->cq.entries << r->cq.cqe_shift;
    if (!in_map(r->sq.sqes, sqe_units * 64, (const uint8_t *)r->sqe_mem, r->sqe_len)) return 0;
    if (!in_map(r->cq.cqes, cqe_units * 16, m, l)) return 0;
    if (r->sq.array && !in_map(r->sq.array, r->sq.entries * 4u, m, l)) return 0;
    if (r->sq.entries & (r->sq.entries - 1)) return 0;
    if (r->cq.entries & (r->cq.entries - 1)) return 0;
    if (r->sq.mask != r->sq.entries - 1 || r->cq.mask != r->cq.entries - 1) return 0;
    if (r->sq.sqe_head != r->sq.sqe_tail || *r->sq.ktail != r->sq.sqe_head) return 0;
    return 1;
}

static int count_fds(void)
{
    int n = 0;
    DIR *d = opendir("/proc/self/fd");
    if (!d) return -1;
    while (readdir(d)) n++;
    closedir(d);
    return n;
}

static int maps_count(void)
{
    FILE *f = fopen("/proc/self/maps", "r");
    int n = 0, c;
    if (!f) return -1;
    while ((c = fgetc(f)) != EOF) n += c == '\n';
    fclose(f);
    return n;
}

/* ---- cases ------------------------------------------------------------- */

static int t_init_sizes(void)
{
    static const uint32_t sizes[] = { 1, 2, 4, 8, 16, 64, 256, 1024, 4096, 32768 };
    static const uint32_t flag_sets[] = { 0, IORING_SETUP_SQE128, IORING_SETUP_CQE32,
                                          IORING_SETUP_SQE128 | IORING_SETUP_CQE32 };
    const int fds = count_fds(), maps = maps_count();
    for (unsigned f = 0; f < sizeof flag_sets / sizeof *flag_sets; f++)
        for (unsigned i = 0; i < sizeof sizes / sizeof *sizes; i++) {
            struct hr_ring r;
            int ret = hr_ring_init(&r, sizes[i], flag_sets[f]);
            CHECKF(ret == 0, "init(%u, %#x) = %d", sizes[i], flag_sets[f], ret);
            CHECKF(geometry_ok(&r), "geometry of init(%u, %#x)", sizes[i], flag_sets[f]);
            CHECK(r.sq.entries == sizes[i] && r.cq.entries == 2 * sizes[i]);
            CHECK(r.sq.sqe_shift == !!(flag_sets[f] & IORING_SETUP_SQE128));
            CHECK(r.cq.cqe_shift == !!(flag_sets[f] & IORING_SETUP_CQE32));
            hr_ring_exit(&r);
            CHECK(r.ring_fd == -1);
            hr_ring_exit(&r);                       /* exactly once: no-op */
        }
    CHECKF(count_fds() == fds, "fd leak: %d -> %d", fds, count_fds());
    CHECKF(maps_count() == maps, "mapping leak: %d -> %d", maps, maps_count());
    return HR_PASS;
}

static int t_init_bad_input(void)
{
    struct hr_ring r;
    struct io_uring_params p;
    const int fds = count_fds(), maps = maps_count();
    CHECK(hr_ring_init(&r, 0, 0) == -EINVAL && r.ring_fd == -1);
    CHECK(hr_ring_init(&r, 65536, 0) == -EINVAL);              /* > 32768 without CLAMP */
    CHECK(hr_ring_init(&r, 1u << 31, 0) == -EINVAL);
    CHECK(hr_ring_init(&r, 8, 1u << 30) == -EINVAL);           /* unknown flag */
    CHECK(hr_ring_init(&r, 8, IORING_SETUP_SQ_AFF) == -EINVAL);  /* without SQPOLL */
    CHECK(hr_ring_init(&r, 8, IORING_SETUP_DEFER_TASKRUN) == -EINVAL);
    CHECK(hr_ring_init(&r, 8, IORING_SETUP_TASKRUN_FLAG) == -EINVAL);
    CHECK(hr_ring_init(&r, 8, IORING_SETUP_CQSIZE) == -EINVAL);  /* cq_entries 0 */
    memset(&p, 0, sizeof p); p.resv[1] = 1;
    CHECK(hr_ring_init_params(&r, 8, &p) == -EINVAL);
    memset(&p, 0, sizeof p); p.sq_off.resv2 = 1;
    CHECK(hr_ring_init_params(&r, 8, &p) == -EINVAL);
    memset(&p, 0, sizeof p); p.flags = IORING_SETUP_CQSIZE; p.cq_entries = 1u << 20;
    CHECK(hr_ring_init_params(&r, 8, &p) == -EINVAL);
    hr_ring_exit(&r);                                          /* after a failed init: no-op */
    CHECKF(count_fds() == fds, "fd leak: %d -> %d", fds, count_fds());
    CHECKF(maps_count() == maps, "mapping leak: %d -> %d", maps, maps_count());
    return HR_PASS;
}

static int t_init_params_cqsize(void)
{
    struct hr_ring r;
    struct io_uring_params p;
    memset(&p, 0, sizeof p);
    p.flags = IORING_SETUP_CQSIZE;
    p.cq_entries = 64;
    CHECK(hr_ring_init_params(&r, 4, &p) == 0);
    CHECK(geometry_ok(&r));
    CHECK(r.sq.entries == 4 && r.cq.entries == 64 && p.sq_entries == 4 && p.cq_entries == 64);
    CHECK(p.features & IORING_FEAT_SINGLE_MMAP);
    hr_ring_exit(&r);
    return HR_PASS;
}

/* hr__layout_check (the proved check of the kernel's setup answer) on the
   kernel's real io_uring_params and on hostile variants of it, which no
   live kernel produces (mutant setup-cqes-align of tests/mutate). */
static int t_layout_check_hostile(void)
{
    struct hr_ring r;
    struct io_uring_params p, q;
    struct hr_layout g;
    memset(&p, 0, sizeof p);
    CHECK(hr_ring_init_params(&r, 8, &p) == 0);
    hr_ring_exit(&r);
    /* the kernel's own answer passes */
    q = p;
    CHECK_EQ(hr__layout_check(&q, &g), 0);
    CHECK(g.sq_entries == p.sq_entries && g.cq_entries == p.cq_entries);
    /* a CQE array 8 bytes off its 16-byte alignment (setup-cqes-align) */
    q = p;
    q.cq_off.cqes += 8;
    CHECK_EQ(hr__layout_check(&q, &g), -EIO);
    /* entries not a power of two, 0, or beyond the kernel's maximum */
    q = p; q.sq_entries = 3;          CHECK_EQ(hr__layout_check(&q, &g), -EIO);
    q = p; q.cq_entries = 0;          CHECK_EQ(hr__layout_check(&q, &g), -EIO);
    q = p; q.sq_entries = 65536;      CHECK_EQ(hr__layout_check(&q, &g), -EIO);
    /* two header words at the same offset; a word past the header */
    q = p; q.cq_off.tail = q.cq_off.head;     CHECK_EQ(hr__layout_check(&q, &g), -EIO);
    q = p; q.sq_off.head = q.cq_off.cqes;     CHECK_EQ(hr__layout_check(&q, &g), -EIO);
    q = p; q.sq_off.tail += 2;                CHECK_EQ(hr__layout_check(&q, &g), -EIO);
    /* no IORING_FEAT_SINGLE_MMAP */
    q = p; q.features &= ~(uint32_t)IORING_FEAT_SINGLE_MMAP;
    CHECK_EQ(hr__layout_check(&q, &g), -EOPNOTSUPP);
    return HR_PASS;
}

/* MSG_RING with the target CQE's flags (6.3+): ring A posts a CQE into
   ring B carrying exactly the flags asked for (mutant prep-msg-ring-pass of
   tests/mutate). */
static int t_msg_ring_cqe_flags(void)
{
    struct hr_ring a, b;
    struct hr_cqe c;
    CHECK(hr_ring_init(&a, 4, 0) == 0);
    CHECK(hr_ring_init(&b, 4, 0) == 0);
    struct hr_sqe *s = hr_get_sqe(&a);
    CHECK(s != NULL);
    hr_prep_msg_ring_cqe_flags(s, b.ring_fd, 5, 0x1234, 0, 0xa50000u);
    hr_sqe_set_data64(s, 9);
    CHECK(hr_submit_and_wait(&a, 1) == 1);
    CHECK(hr_copy_cqes(&a, &c, 1, 0) == 1);
    CHECK(c.user_data == 9);
    /* probe: IORING_MSG_RING_FLAGS_PASS exists since Linux 6.3 (the kernel
       rejects the unknown flag with -EINVAL, which a missing flag would
       also cause, so the version decides) */
    struct utsname u;
    int maj = 0, min = 0;
    CHECK(uname(&u) == 0 && sscanf(u.release, "%d.%d", &maj, &min) == 2);
    if (maj < 6 || (maj == 6 && min < 3))
        SKIP_BECAUSE("kernel %s lacks IORING_MSG_RING_FLAGS_PASS (Linux 6.3)", u.release);
    CHECKF(c.res == 0, "msg_ring: %s", strerror(-c.res));
    CHECK(hr_copy_cqes(&b, &c, 1, 1) == 1);
    CHECK(c.user_data == 0x1234 && c.res == 5);
    CHECKF(c.flags == 0xa50000u, "target CQE flags 0x%x, want 0xa50000", c.flags);
    hr_ring_exit(&a);
    hr_ring_exit(&b);
    return HR_PASS;
}

static int t_nop_single(void)
{
    struct hr_ring r;
    struct hr_cqe out[4];
    CHECK(hr_ring_init(&r, 4, 0) == 0);
    struct hr_sqe *s = hr_get_sqe(&r);
    CHECK(s != NULL);
    hr_prep_nop(s);
    hr_sqe_set_data64(s, 0xdeadbeefcafef00dull);
    CHECK(hr_sq_ready(&r) == 1);
    CHECK(submit_checked(&r, 1) == 1);
    CHECK(hr_cq_ready(&r) == 1);
    CHECK(copy_checked(&r, out, 4, 0) == 1);
    CHECK(out[0].user_data == 0xdeadbeefcafef00dull && out[0].res == 0 && out[0].flags == 0);
    CHECK(hr_cq_ready(&r) == 0 && hr_sq_ready(&r) == 0);
    hr_ring_exit(&r);
    return HR_PASS;
}

static int t_nop_batches(void)
{
    struct hr_ring r;
    static struct hr_cqe out[256];
    CHECK(hr_ring_init(&r, 128, 0) == 0);
    uint64_t next = 1, expect = 1;
    for (uint32_t batch = 1; batch <= 128; batch *= 2) {
        for (uint32_t i = 0; i < batch; i++) {
            struct hr_sqe *s = hr_get_sqe(&r);
            CHECK(s != NULL);
            hr_prep_nop(s);
            s->user_data = next++;
        }
        CHECK(hr_sq_space_left(&r) == 128 - batch);
        CHECK(submit_checked(&r, batch) == (int)batch);
        uint32_t got = 0;
        while (got < batch) {
            int n = copy_checked(&r, out, 256, batch - got);
            CHECKF(n > 0, "copy_cqes = %d", n);
            for (int i = 0; i < n; i++) {
                CHECK(out[i].res == 0);
                CHECKF(out[i].user_data == expect, "user_data %llu, expected %llu",
                       (unsigned long long)out[i].user_data, (unsigned long long)expect);
                expect++;
            }
            got += (uint32_t)n;
        }
    }
    hr_ring_exit(&r);
    return HR_PASS;
}

static int t_sq_full(void)
{
    struct hr_ring r;
    struct hr_cqe out[16];
    CHECK(hr_ring_init(&r, 8, 0) == 0);
    for (int round = 0; round < 3; round++) {
        for (int i = 0; i < 8; i++) {
            struct hr_sqe *s = hr_get_sqe(&r);
            CHECK(s != NULL);
            hr_prep_nop(s);
        }
        CHECK(hr_get_sqe(&r) == NULL);                 /* 8 outstanding */
        CHECK(hr_sq_space_left(&r) == 0);
        CHECK(hr_sq_ready(&r) == 8);
        CHECK(submit_checked(&r, 8) == 8);
        CHECK(copy_checked(&r, out, 16, 8) == 8);
        CHECK(hr_sq_space_left(&r) == 8);
    }
    hr_ring_exit(&r);
    return HR_PASS;
}

/* Small CQ, thousands of cycles: copy_cqes crosses the CQ wrap again and
   again; every user_data comes back once and in order. */
static int t_cq_wrap_cycles(void)
{
    struct hr_ring r;
    struct io_uring_params p;
    struct hr_cqe out[8];
    memset(&p, 0, sizeof p);
    p.flags = IORING_SETUP_CQSIZE;
    p.cq_entries = 8;
    CHECK(hr_ring_init_params(&r, 4, &p) == 0);
    uint64_t next = 0, expect = 0;
    for (int cycle = 0; cycle < 5000; cycle++) {
        const uint32_t batch = 1 + (uint32_t)cycle % 3;      /* 1..3: misaligned */
        for (uint32_t i = 0; i < batch; i++) {
            struct hr_sqe *s = hr_get_sqe(&r);
            CHECK(s != NULL);
            hr_prep_nop(s);
            s->user_data = next++;
        }
        CHECK(submit_checked(&r, batch) == (int)batch);
        uint32_t want = (uint32_t)(next - expect);
        /* reap in pieces of 2 to leave some behind across the wrap */
        while (want > (cycle % 2 ? 0u : 2u)) {
            int n = copy_checked(&r, out, 2, 1);
            CHECKF(n > 0 && n <= 2, "copy_cqes = %d", n);
            for (int i = 0; i < n; i++) {
                CHECKF(out[i].user_data == expect, "cycle %d: got %llu expected %llu", cycle,
                       (unsigned long long)out[i].user_data, (unsigned long long)expect);
                CHECK(out[i].res == 0);
                expect++;
            }
            want -= (uint32_t)n;
        }
    }
    while (expect < next) {
        int n = copy_checked(&r, out, 8, 1);
        CHECK(n > 0);
        for (int i = 0; i < n; i++) CHECK(out[i].user_data == expect++);
    }
    CHECK(r.cq.head == (uint32_t)next);              /* every CQE consumed once */
    hr_ring_exit(&r);
    return HR_PASS;
}

/* Submit far more than the CQ holds without reaping: with NODROP the kernel
   keeps the overflow and flags IORING_SQ_CQ_OVERFLOW; copy_cqes must enter
   with GETEVENTS, so every CQE comes back and nothing hangs. */
static int t_cq_overflow(void)
{
    struct hr_ring r;
    struct io_uring_params p;
    struct hr_cqe out[64];
    memset(&p, 0, sizeof p);
    p.flags = IORING_SETUP_CQSIZE;
    p.cq_entries = 8;
    CHECK(hr_ring_init_params(&r, 8, &p) == 0);
    if (!(r.features & IORING_FEAT_NODROP))
        SKIP_BECAUSE("kernel lacks IORING_FEAT_NODROP");
    const uint32_t total = 200;
    uint64_t next = 0;
    while (next < total) {
        for (int i = 0; i < 8; i++) {
            struct hr_sqe *s = hr_get_sqe(&r);
            CHECK(s != NULL);
            hr_prep_nop(s);
            s->user_data = next++;
        }
        int ret = submit_checked(&r, 0);
        CHECKF(ret == 8, "submit = %d", ret);
    }
    CHECK(hr_cq_ready(&r) == 8);                       /* the CQ is full */
    CHECK(*r.sq.kflags & IORING_SQ_CQ_OVERFLOW);       /* the rest overflowed */
    CHECK(hr_cq_ring_needs_flush(&r));
    static unsigned char seen[200];
    memset(seen, 0, sizeof seen);
    uint32_t got = 0;
    while (got < total) {
        int n = copy_checked(&r, out, 64, 0);          /* no wait: flush must happen anyway */
        CHECKF(n > 0, "copy_cqes = %d after %u of %u (overflow flag %u)", n, got, total,
               *r.sq.kflags & IORING_SQ_CQ_OVERFLOW);
        for (int i = 0; i < n; i++) {
            CHECK(out[i].res == 0 && out[i].user_data < total);
            CHECKF(!seen[out[i].user_data], "user_data %llu twice", (unsigned long long)out[i].user_data);
            seen[out[i].user_data] = 1;
        }
        got += (uint32_t)n;
    }
    CHECK(!(*r.sq.kflags & IORING_SQ_CQ_OVERFLOW));
    CHECK(copy_checked(&r, out, 64, 0) == 0);
    hr_ring_exit(&r);
    return HR_PASS;
}

static int t_peek_seen(void)
{
    struct hr_ring r;
    struct hr_cqe *c;
    CHECK(hr_ring_init(&r, 4, 0) == 0);
    CHECK(hr_peek_cqe(&r, &c) == -EAGAIN && c == NULL);
    for (uint64_t round = 0; round < 100; round++) {
        for (int i = 0; i < 3; i++) {
            struct hr_sqe *s = hr_get_sqe(&r);
            CHECK(s);
            hr_prep_nop(s);
            s->user_data = round * 3 + (uint64_t)i;
        }
        CHECK(submit_checked(&r, 3) == 3);
        for (int i = 0; i < 3; i++) {
            CHECK(hr_wait_cqe_nr(&r, &c, 1) == 0 && c != NULL);
            CHECK(c->user_data == round * 3 + (uint64_t)i && c->res == 0);
            hr_cqe_seen(&r, c);
        }
        CHECK(hr_peek_cqe(&r, &c) == -EAGAIN);
        CHECK(hr_wait_cqe_nr(&r, &c, 0) == -EAGAIN);
    }
    hr_ring_exit(&r);
    return HR_PASS;
}

static int t_cqe32_sqe128(void)
{
    struct hr_ring r;
    struct hr_cqe out[2 * 8];
    int ret = hr_ring_init(&r, 4, IORING_SETUP_SQE128 | IORING_SETUP_CQE32);
    if (ret == -EINVAL) SKIP_BECAUSE("kernel lacks SQE128/CQE32 (5.19+)");
    CHECK(ret == 0);
    for (int round = 0; round < 50; round++) {
        for (int i = 0; i < 4; i++) {
            struct hr_sqe *s = hr_get_sqe(&r);
            CHECK(s);
            memset(s, 0xAB, 128);                      /* the whole 128-byte slot */
            hr_prep_nop(s);
            memset(s + 1, 0, 64);                      /* second half: no command data */
            s->user_data = (uint64_t)(round * 4 + i);
        }
        CHECK(submit_checked(&r, 4) == 4);
        memset(out, 0xEE, sizeof out);
        int n = copy_checked(&r, out, 8, 4);
        CHECKF(n == 4, "copy_cqes = %d", n);
        for (int i = 0; i < 4; i++) {
            CHECK(out[2 * i].user_data == (uint64_t)(round * 4 + i) && out[2 * i].res == 0);
            /* big_cqe[0..1] of a NOP: zero */
            CHECK(out[2 * i + 1].user_data == 0 && out[2 * i + 1].res == 0 && out[2 * i + 1].flags == 0);
        }
    }
    hr_ring_exit(&r);
    return HR_PASS;
}

static int t_sqpoll(void)
{
    struct hr_ring r;
    struct io_uring_params p;
    struct hr_cqe out[16];
    memset(&p, 0, sizeof p);
    p.flags = IORING_SETUP_SQPOLL;
    p.sq_thread_idle = 1;                              /* 1 ms: the poller sleeps often */
    int ret = hr_ring_init_params(&r, 16, &p);
    if (ret == -EPERM) SKIP_BECAUSE("SQPOLL not permitted for this user");
    CHECK(ret == 0);
    uint64_t next = 0, expect = 0;
    for (int round = 0; round < 200; round++) {
        if (round % 50 == 0) {
            struct timespec ts = { 0, 5 * 1000 * 1000 };
            nanosleep(&ts, NULL);                      /* let the poller go to sleep */
        }
        for (int i = 0; i < 4; i++) {
            struct hr_sqe *s = hr_get_sqe(&r);
            CHECK(s);
            hr_prep_nop(s);
            s->user_data = next++;
        }
        ret = hr_submit(&r);
        CHECKF(ret >= 0, "submit = %d", ret);
        while (expect < next) {
            int n = hr_copy_cqes(&r, out, 16, 1);
            CHECKF(n > 0, "copy_cqes = %d", n);
            for (int i = 0; i < n; i++) CHECK(out[i].user_data == expect++ && out[i].res == 0);
        }
    }
    hr_ring_exit(&r);
    return HR_PASS;
}

static int t_enter_ext_arg_timeout(void)
{
    struct hr_ring r;
    CHECK(hr_ring_init(&r, 4, 0) == 0);
    if (!(r.features & IORING_FEAT_EXT_ARG)) SKIP_BECAUSE("kernel lacks IORING_FEAT_EXT_ARG");
    struct __kernel_timespec ts = { 0, 10 * 1000 * 1000 };
    struct io_uring_getevents_arg arg;
    memset(&arg, 0, sizeof arg);
    arg.ts = (uint64_t)(uintptr_t)&ts;
    int ret = hr_enter(&r, 0, 1, IORING_ENTER_GETEVENTS | IORING_ENTER_EXT_ARG, &arg, sizeof arg);
    CHECKF(ret == -ETIME, "enter with a 10 ms timeout and nothing pending = %d", ret);
    hr_ring_exit(&r);
    return HR_PASS;
}

static int t_kernel_assumptions(void)
{
    CHECKF(kassume->checks > 1000, "only %lu checks ran", kassume->checks);
    CHECKF(kassume->violations == 0, "%lu violations, first: %s", kassume->violations,
           kassume->first);
    printf("        (%lu enter calls checked for K-SQTAIL, K-CQHEAD, K-SQHEAD, K-CQTAIL)\n",
           kassume->checks);
    return HR_PASS;
}

int main(int argc, char **argv)
{
    static const struct hr_case cases[] = {
        { "init/exit: sizes 1..32768, SQE128/CQE32, geometry (T-MAP, T-BIND), no leak", t_init_sizes },
        { "init: bad input -> -EINVAL, nothing leaked", t_init_bad_input },
        { "init_params: CQSIZE", t_init_params_cqsize },
        { "layout check: the kernel's answer passes, hostile variants -EIO", t_layout_check_hostile },
        { "msg_ring passes the target CQE's flags", t_msg_ring_cqe_flags },
        { "nop: single", t_nop_single },
        { "nop: batches 1..128", t_nop_batches },
        { "sq full -> NULL", t_sq_full },
        { "copy_cqes across the CQ wrap, 5000 cycles", t_cq_wrap_cycles },
        { "CQ overflow with NODROP: nothing lost, no hang", t_cq_overflow },
        { "peek / seen / wait_cqe", t_peek_seen },
        { "SQE128 + CQE32 strides", t_cqe32_sqe128 },
        { "SQPOLL: wakeup after the poller sleeps", t_sqpoll },
        { "enter EXT_ARG timeout", t_enter_ext_arg_timeout },
        { "kernel assumptions K-* held on every enter", t_kernel_assumptions },
    };
    static const struct hr_suite suite = { .name = "core", .timeout_s = 20 };
    kassume = hr_test_shared(sizeof *kassume);
    return hr_test_main(&suite, cases, (int)(sizeof cases / sizeof *cases), argc, argv);
}
