/* live_features.c -- the io_uring features newer than 6.12 on the real
 * kernel, one case each (registered wait regions, NO_MMAP rings, ring
 * resize, mixed-size CQEs and SQEs; each with its proved contract in specs/).  `make harness`
 * prints this suite's line as `features: N passed, N failed, N skipped`.
 * A case is skipped only when the running kernel lacks the feature (a probe
 * that also checks the kernel version, so that a wrong argument of ours is
 * a failure, not a skip), and says which. */
#define _GNU_SOURCE
#include "hringas.h"
#define HR_TEST_IMPLEMENTATION
#include "hr_test.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

static struct hr_ring ring;

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* the running kernel is at least major.minor */
static int kernel_at_least(int major, int minor)
{
    struct utsname u;
    int a = 0, b = 0;
    if (uname(&u) != 0 || sscanf(u.release, "%d.%d", &a, &b) != 2)
        return 0;
    return a > major || (a == major && b >= minor);
}

static int queue_nop(struct hr_ring *r, uint64_t ud)
{
    struct hr_sqe *s = hr_get_sqe(r);
    if (!s)
        return -1;
    hr_prep_nop(s);
    hr_sqe_set_data64(s, ud);
    return 0;
}

/* Registered wait region (6.13): a disabled ring, one page of 64 wait
   entries registered, enabled; waits name an entry by index. */
static int t_reg_wait(void)
{
    const unsigned nr = 4096 / sizeof(struct hr_reg_wait);
    struct hr_reg_wait *w = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
                                 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    struct hr_cqe *c = NULL;
    int ret;

    CHECK(w != MAP_FAILED);
    ret = hr_ring_init(&ring, 8, IORING_SETUP_R_DISABLED);
    CHECKF(ret == 0, "hr_ring_init(R_DISABLED): %s", strerror(-ret));
    CHECK(ring.reg_wait_nr == 0);
    /* no region: every index is refused before any system call */
    CHECK(hr_submit_and_wait_reg(&ring, &c, 1, 0) == -EFAULT && c == NULL);

    ret = hr_register_wait_region(&ring, w, nr);
    if (ret == -EINVAL && !kernel_at_least(6, 13)) {
        hr_ring_exit(&ring);
        munmap(w, 4096);
        SKIP_BECAUSE("kernel lacks IORING_REGISTER_MEM_REGION (6.13)");
    }
    CHECKF(ret == 0, "hr_register_wait_region: %s", strerror(-ret));
    CHECK(ring.reg_wait_nr == nr);
    /* one region per ring: a second one is the kernel's error, the count stays */
    ret = hr_register_wait_region(&ring, w, nr);
    CHECKF(ret < 0 && ring.reg_wait_nr == nr, "second region = %d", ret);
    CHECK(hr_register_wait_region(&ring, NULL, nr) == -EINVAL);
    CHECK(hr_register_wait_region(&ring, w, 0) == -EINVAL);
    CHECK(hr_enable_rings(&ring) == 0);

    /* an index past the region: -EFAULT, the NOP stays queued, unsubmitted */
    CHECK(queue_nop(&ring, 41) == 0);
    CHECK(hr_submit_and_wait_reg(&ring, &c, 1, (int)nr) == -EFAULT && c == NULL);
    CHECK(hr_submit_and_wait_reg(&ring, &c, 1, -1) == -EFAULT && c == NULL);
    CHECK(ring.sq.sqe_tail - ring.sq.sqe_head == 1);

    /* entry 5: 5 s timeout; the NOP completes at once */
    memset(w, 0, 4096);
    w[5].ts_sec = 5;
    w[5].flags = HR_REG_WAIT_TS;
    double t0 = now_s();
    ret = hr_submit_and_wait_reg(&ring, &c, 1, 5);
    CHECKF(ret == 1 && c && c->user_data == 41 && c->res == 0,
           "submit_and_wait_reg = %d, cqe %p", ret, (void *)c);
    CHECKF(now_s() - t0 < 2.5, "took %.3f s", now_s() - t0);
    hr_cqe_seen(&ring, c);

    /* entry 3: 100 ms; nothing to complete: -ETIME after the entry's
       timeout (not at once: the kernel read entry 3, not entry 0) */
    w[3].ts_nsec = 100 * 1000000LL;
    w[3].flags = HR_REG_WAIT_TS;
    t0 = now_s();
    ret = hr_submit_and_wait_reg(&ring, &c, 1, 3);
    double dt = now_s() - t0;
    CHECKF(ret == -ETIME && c == NULL, "= %d", ret);
    CHECKF(dt >= 0.09 && dt < 4.0, "timed out after %.3f s, want 0.1 s", dt);

    /* entry 7: 150 ms, wait for 2 with one NOP: submitted 1, its CQE back */
    w[7].ts_nsec = 150 * 1000000LL;
    w[7].flags = HR_REG_WAIT_TS;
    CHECK(queue_nop(&ring, 42) == 0);
    ret = hr_submit_and_wait_reg(&ring, &c, 2, 7);
    CHECKF(ret == 1 && c && c->user_data == 42, "= %d", ret);
    hr_cqe_seen(&ring, c);
    CHECK(hr_cq_ready(&ring) == 0);

    hr_ring_exit(&ring);
    munmap(w, 4096);
    return HR_PASS;
}

/* NO_MMAP (6.5): a ring in our own memory round-trips a NOP; the size
   function covers it (the full matrix is suite `mem`). */
static int t_no_mmap(void)
{
    struct io_uring_params p;
    memset(&p, 0, sizeof p);
    const long need = hr_ring_memory_size_params(8, &p);
    CHECKF(need > 0, "hr_ring_memory_size_params = %ld", need);
    uint8_t *buf = mmap(NULL, (size_t)need, PROT_READ | PROT_WRITE,
                        MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(buf != MAP_FAILED);
    int ret = hr_ring_init_mem(&ring, 8, &p, buf, (size_t)need);
    if (ret == -EINVAL && !kernel_at_least(6, 5)) {
        munmap(buf, (size_t)need);
        SKIP_BECAUSE("kernel lacks IORING_SETUP_NO_MMAP (6.5)");
    }
    CHECKF(ret >= 0 && ret <= need, "hr_ring_init_mem = %d (need %ld)", ret, need);
    CHECK((uint8_t *)ring.sq.sqes == buf);
    struct hr_cqe *c = NULL;
    CHECK(queue_nop(&ring, 7) == 0);
    CHECK(hr_submit_and_wait(&ring, 1) == 1);
    CHECK(hr_peek_cqe(&ring, &c) == 0 && c && c->user_data == 7);
    hr_cqe_seen(&ring, c);
    hr_ring_exit(&ring);
    munmap(buf, (size_t)need);
    return HR_PASS;
}

/* reap every ready CQE: seen[user_data]++ (user_data < 256) */
static unsigned reap_all(struct hr_ring *r, unsigned char *seen)
{
    struct hr_cqe *c = NULL;
    unsigned n = 0;
    while (hr_peek_cqe(r, &c) == 0) {
        if (c->user_data < 256)
            seen[c->user_data]++;
        hr_cqe_seen(r, c);
        n++;
    }
    return n;
}

/* Ring resize (6.13, DEFER_TASKRUN rings): CQEs not reaped and SQEs handed
   out but not submitted both survive, in both directions; the kernel's
   refusal leaves the ring as it was. */
static int t_resize(void)
{
    unsigned char seen[256];
    struct io_uring_params p;
    int ret = hr_ring_init(&ring, 8, IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN);
    CHECKF(ret == 0, "hr_ring_init(DEFER_TASKRUN): %s", strerror(-ret));
    memset(seen, 0, sizeof seen);
    /* 3 NOPs completed and not reaped, 2 prepared and not submitted */
    for (uint64_t u = 1; u <= 3; u++)
        CHECK(queue_nop(&ring, u) == 0);
    CHECK(hr_submit_and_wait(&ring, 3) == 3);
    CHECK(hr_cq_ready(&ring) == 3);
    for (uint64_t u = 4; u <= 5; u++)
        CHECK(queue_nop(&ring, u) == 0);
    memset(&p, 0, sizeof p);
    p.sq_entries = 64;
    p.cq_entries = 256;
    p.flags = IORING_SETUP_CQSIZE;
    ret = hr_resize_rings(&ring, &p);
    if (ret == -EINVAL && !kernel_at_least(6, 13)) {
        hr_ring_exit(&ring);
        SKIP_BECAUSE("kernel lacks IORING_REGISTER_RESIZE_RINGS (6.13)");
    }
    CHECKF(ret == 0, "resize up: %s", strerror(-ret));
    CHECK(ring.sq.entries == 64 && ring.cq.entries == 256);
    CHECK(p.sq_entries == 64 && p.cq_entries == 256);
    CHECK(hr_cq_ready(&ring) == 3);
    CHECK(hr_submit_and_wait(&ring, 5) == 2);            /* the 2 handed out before */
    CHECK(reap_all(&ring, seen) == 5);
    for (unsigned u = 1; u <= 5; u++)
        CHECKF(seen[u] == 1, "user_data %u seen %u times", u, seen[u]);
    /* many more than the old sizes, across the new rings' wrap */
    for (unsigned round = 0; round < 6; round++) {
        for (uint64_t u = 0; u < 40; u++)
            CHECK(queue_nop(&ring, 100 + u) == 0);
        CHECK(hr_submit_and_wait(&ring, 40) == 40);
        memset(seen, 0, sizeof seen);
        CHECK(reap_all(&ring, seen) == 40);
        CHECK(seen[100] == 1 && seen[139] == 1);
    }
    /* down, with 2 CQEs unreaped and 1 SQE handed out */
    memset(seen, 0, sizeof seen);
    CHECK(queue_nop(&ring, 6) == 0 && queue_nop(&ring, 7) == 0);
    CHECK(hr_submit_and_wait(&ring, 2) == 2);
    CHECK(queue_nop(&ring, 8) == 0);
    memset(&p, 0, sizeof p);
    p.sq_entries = 4;
    p.cq_entries = 8;
    p.flags = IORING_SETUP_CQSIZE;
    ret = hr_resize_rings(&ring, &p);
    CHECKF(ret == 0, "resize down: %s", strerror(-ret));
    CHECK(ring.sq.entries == 4 && ring.cq.entries == 8);
    CHECK(hr_submit_and_wait(&ring, 3) == 1);
    CHECK(reap_all(&ring, seen) == 3);
    CHECK(seen[6] == 1 && seen[7] == 1 && seen[8] == 1);
    /* too many CQEs pending for the new CQ: the kernel refuses, the ring is as it was */
    for (uint64_t u = 20; u < 26; u++)
        CHECK(queue_nop(&ring, u) == 0 || (hr_submit(&ring) >= 0 && queue_nop(&ring, u) == 0));
    CHECK(hr_submit_and_wait(&ring, 6) >= 0);
    while (hr_cq_ready(&ring) < 6)
        CHECK(hr_get_events(&ring) >= 0);
    memset(&p, 0, sizeof p);
    p.sq_entries = 2;
    p.cq_entries = 4;
    p.flags = IORING_SETUP_CQSIZE;
    ret = hr_resize_rings(&ring, &p);
    CHECKF(ret == -EOVERFLOW, "resize below the pending CQEs = %d", ret);
    CHECK(ring.ring_fd >= 0 && ring.sq.entries == 4 && ring.cq.entries == 8);
    memset(seen, 0, sizeof seen);
    CHECK(reap_all(&ring, seen) == 6);
    for (unsigned u = 20; u < 26; u++)
        CHECK(seen[u] == 1);
    /* flags other than CQSIZE / CLAMP: refused before the kernel */
    memset(&p, 0, sizeof p);
    p.sq_entries = 8;
    p.flags = IORING_SETUP_SQPOLL;
    CHECK(hr_resize_rings(&ring, &p) == -EINVAL && ring.sq.entries == 4);
    hr_ring_exit(&ring);

    /* a ring without DEFER_TASKRUN: the kernel's -EINVAL, ring unchanged */
    CHECK(hr_ring_init(&ring, 8, 0) == 0);
    memset(&p, 0, sizeof p);
    p.sq_entries = 16;
    CHECK(hr_resize_rings(&ring, &p) == -EINVAL);
    CHECK(ring.sq.entries == 8 && queue_nop(&ring, 9) == 0 && hr_submit_and_wait(&ring, 1) == 1);
    hr_ring_exit(&ring);
    return HR_PASS;
}

/* hr_ring_mmap: a second view of an existing ring fd, from its params;
   a layout that is not the kernel's is refused with nothing mapped. */
static int t_ring_mmap(void)
{
    struct io_uring_params p;
    struct hr_ring view;
    memset(&p, 0, sizeof p);
    CHECK(hr_ring_init_params(&ring, 16, &p) == 0);
    CHECK(hr_ring_mmap(&view, -1, &p) == -EBADF && view.ring_fd == -1);
    struct io_uring_params bad = p;
    bad.sq_off.tail = 1u << 30;                          /* outside the ring */
    const int fd2 = dup(ring.ring_fd);
    CHECK(fd2 >= 0);
    int ret = hr_ring_mmap(&view, fd2, &bad);
    CHECKF(ret < 0 && view.ring_fd == -1 && view.ring_mem == NULL, "bad layout = %d", ret);
    bad = p;
    bad.features = 0;                                    /* no IORING_FEAT_SINGLE_MMAP */
    CHECK(hr_ring_mmap(&view, fd2, &bad) == -EOPNOTSUPP);
    ret = hr_ring_mmap(&view, fd2, &p);
    CHECKF(ret == 0, "hr_ring_mmap = %d", ret);
    CHECK(view.sq.entries == ring.sq.entries && view.cq.entries == ring.cq.entries);
    CHECK(view.ring_fd == fd2 && view.flags == ring.flags);
    CHECK(view.ring_mem != ring.ring_mem);               /* its own mapping */
    /* the view works: a NOP through it */
    CHECK(queue_nop(&view, 31) == 0);
    CHECK(hr_submit_and_wait(&view, 1) == 1);
    struct hr_cqe *c = NULL;
    CHECK(hr_peek_cqe(&view, &c) == 0 && c->user_data == 31);
    hr_cqe_seen(&view, c);
    hr_ring_exit(&view);                                 /* closes fd2, unmaps the view */
    /* the original ring, in step again with the kernel's counters */
    ring.sq.sqe_head = ring.sq.sqe_tail = *ring.sq.ktail;
    ring.sq.sqe_limit = ring.sq.sqe_head;
    ring.cq.head = *ring.cq.khead;
    CHECK(queue_nop(&ring, 32) == 0);
    CHECK(hr_submit_and_wait(&ring, 1) == 1);
    CHECK(hr_peek_cqe(&ring, &c) == 0 && c->user_data == 32);
    hr_cqe_seen(&ring, c);
    hr_ring_exit(&ring);
    return HR_PASS;
}

/* one NOP, 32-byte (IORING_NOP_CQE32: the big CQE carries ud + 1000 and
   ud + 2000) when big, else 16-byte */
static int queue_nop_sized(struct hr_ring *r, uint64_t ud, int big)
{
    struct hr_sqe *s = hr_get_sqe(r);
    if (!s)
        return -1;
    if (big)
        hr_prep_nop_flags(s, IORING_NOP_CQE32, -1, 0, 0, ud + 1000, ud + 2000);
    else
        hr_prep_nop(s);
    hr_sqe_set_data64(s, ud);
    return 0;
}

/* a CQE of user_data ud, checked for its size and (32-byte) its payload */
static int check_mixed_cqe(const struct hr_cqe *c, uint64_t ud, int big)
{
    CHECKF(c->user_data == ud, "user_data %llu, want %llu",
           (unsigned long long)c->user_data, (unsigned long long)ud);
    CHECKF(!(c->flags & IORING_CQE_F_SKIP), "a padding CQE handed out (ud %llu)",
           (unsigned long long)ud);
    CHECKF(!!(c->flags & IORING_CQE_F_32) == big, "ud %llu: F_32 is %d, want %d",
           (unsigned long long)ud, !!(c->flags & IORING_CQE_F_32), big);
    CHECK_EQ(hr_cqe_nr(c), big ? 2u : 1u);
    if (big) {
        const uint64_t *x = (const uint64_t *)(const void *)(c + 1);
        CHECKF(x[0] == ud + 1000 && x[1] == ud + 2000, "ud %llu: extras %llu %llu",
               (unsigned long long)ud, (unsigned long long)x[0], (unsigned long long)x[1]);
    }
    return HR_PASS;
}

/* the size of operation i of the mixed run (a fixed irregular pattern) */
static int mixed_big(unsigned i)
{
    return (i * 5u + i / 4u) % 7u < 4u;
}

/* Mixed-size CQEs (IORING_SETUP_CQE_MIXED, 6.18): 16- and 32-byte CQEs in
   one ring of 8 slots, through wait/peek/seen, for_each and peek_batch,
   across many wraps, so that the kernel's padding CQE at the wrap is met
   (and released by us, never handed out). */
static int t_cqe_mixed(void)
{
    struct io_uring_params p;
    struct hr_cqe *c = NULL;
    unsigned i, skips = 0;
    int ret;

    memset(&p, 0, sizeof p);
    p.flags = IORING_SETUP_CQE_MIXED | IORING_SETUP_CQE32;
    CHECK_EQ(hr_ring_init_params(&ring, 4, &p), -EINVAL);   /* one size or mixed */
    memset(&p, 0, sizeof p);
    p.flags = IORING_SETUP_CQE_MIXED;
    ret = hr_ring_init_params(&ring, 4, &p);
    if (ret == -EINVAL && !kernel_at_least(6, 18))
        SKIP_BECAUSE("kernel lacks IORING_SETUP_CQE_MIXED (6.18)");
    CHECKF(ret == 0, "hr_ring_init_params(CQE_MIXED) = %d", ret);
    CHECK(ring.cq.entries == 8 && ring.cq.cqe_shift == 0);
    CHECK(ring.flags & IORING_SETUP_CQE_MIXED);

    /* 1. one at a time: wait, check, seen */
    for (i = 0; i < 60; i++) {
        const int big = mixed_big(i);
        CHECK(queue_nop_sized(&ring, 100 + i, big) == 0);
        CHECK_EQ(hr_submit(&ring), 1);
        const uint32_t before = ring.cq.head;
        const uint32_t slot = before & ring.cq.mask;
        CHECK_EQ(hr_wait_cqe(&ring, &c), 0);
        if (ring.cq.head != before) {
            /* the padding CQE: only in the last slot, before a 32-byte CQE */
            CHECKF(big && slot == ring.cq.mask && ring.cq.head == before + 1,
                   "head moved %u -> %u at slot %u (big %d)", before, ring.cq.head, slot, big);
            skips++;
        }
        if (check_mixed_cqe(c, 100 + i, big) != HR_PASS)
            return HR_FAIL;
        hr_cqe_seen(&ring, c);
        CHECK_EQ(*ring.cq.khead, ring.cq.head);
        CHECK_EQ(hr_cq_ready(&ring), 0u);
    }
    CHECKF(skips > 0, "60 CQEs of both sizes over 8 slots and no padding CQE met");

    /* 2. batches of 3 through for_each (padding visited, skipped by us) and
       peek_batch (never returned), released by hr_cqe_nr's sum */
    unsigned pads = 0;
    for (i = 0; i < 48; i += 3) {
        unsigned j, k = 0, n = 0, head;
        for (j = 0; j < 3; j++)
            CHECK(queue_nop_sized(&ring, 300 + i + j, mixed_big(i + j)) == 0);
        CHECK_EQ(hr_submit_and_wait(&ring, 3), 3);
        /* wait_nr counts CQEs, not slots: a padding CQE may still be due */
        while (hr_cq_ready(&ring) < 3u)
            CHECK(hr_get_events(&ring) >= 0);
        if ((i / 3) % 2 == 0) {
            hr_for_each_cqe(&ring, head, c) {
                n += hr_cqe_nr(c);
                if (c->flags & IORING_CQE_F_SKIP) {
                    pads++;
                    continue;
                }
                CHECK(k < 3);
                if (check_mixed_cqe(c, 300 + i + k, mixed_big(i + k)) != HR_PASS)
                    return HR_FAIL;
                k++;
            }
            CHECK_EQ(k, 3u);
            hr_cq_advance(&ring, n);
        } else {
            struct hr_cqe *v[4];
            while (k < 3) {
                const unsigned got = hr_peek_batch_cqe(&ring, v, 4);
                CHECK(got > 0 && k + got <= 3);
                for (j = 0, n = 0; j < got; j++, k++) {
                    if (check_mixed_cqe(v[j], 300 + i + k, mixed_big(i + k)) != HR_PASS)
                        return HR_FAIL;
                    n += hr_cqe_nr(v[j]);
                }
                hr_cq_advance(&ring, n);
            }
        }
        CHECK_EQ(hr_cq_ready(&ring), 0u);
    }
    CHECKF(pads > 0, "for_each never met a padding CQE");

    /* 3. hr_copy_cqes: 16-byte slots, a 32-byte CQE as two, never cut */
    struct hr_cqe out[16];
    unsigned got = 0, slots = 0;
    for (i = 0; i < 30; i++)
        CHECK(queue_nop_sized(&ring, 600 + i, mixed_big(i)) == 0 || (hr_submit(&ring) >= 0 &&
              queue_nop_sized(&ring, 600 + i, mixed_big(i)) == 0));
    CHECK(hr_submit(&ring) >= 0);
    i = 0;
    while (got < 30) {
        const int n = hr_copy_cqes(&ring, out, 5, 1);
        CHECKF(n > 0 && n <= 5, "hr_copy_cqes = %d", n);
        for (int j = 0; j < n; ) {
            if (out[j].flags & IORING_CQE_F_SKIP) {
                j++;
                continue;
            }
            const int big = mixed_big(got);
            CHECKF(j + (big ? 2 : 1) <= n, "a 32-byte CQE cut at %d of %d", j, n);
            if (check_mixed_cqe(&out[j], 600 + got, big) != HR_PASS)
                return HR_FAIL;
            j += big ? 2 : 1;
            got++;
        }
        slots += (unsigned)n;
        if (++i > 100)
            FAILF("30 CQEs not copied after 100 calls (%u copied)", got);
    }
    CHECK_EQ(hr_cq_ready(&ring), 0u);
    hr_ring_exit(&ring);
    return HR_PASS;
}

/* Mixed-size SQEs (IORING_SETUP_SQE_MIXED, 6.19): 64- and 128-byte NOPs
   in one SQ of 8 slots across several wraps (the padding NOP at the last
   slot completes without a CQE); every user_data comes back once. */
static int t_sqe_mixed(void)
{
    struct io_uring_params p;
    struct hr_cqe *c = NULL;
    int ret;

    memset(&p, 0, sizeof p);
    p.flags = IORING_SETUP_SQE_MIXED | IORING_SETUP_SQE128;
    CHECK_EQ(hr_ring_init_params(&ring, 8, &p), -EINVAL);   /* one size or mixed */
    memset(&p, 0, sizeof p);
    p.flags = IORING_SETUP_SQE_MIXED;
    ret = hr_ring_init_params(&ring, 8, &p);
    if (ret == -EINVAL && !kernel_at_least(6, 19))
        SKIP_BECAUSE("kernel lacks IORING_SETUP_SQE_MIXED (6.19): 128-byte NOPs not run");
    CHECKF(ret == 0, "hr_ring_init_params(SQE_MIXED) = %d", ret);
    for (unsigned i = 0; i < 40; i++) {
        const int big = i % 3 != 0;
        struct hr_sqe *s = big ? hr_get_sqe128(&ring) : hr_get_sqe(&ring);
        CHECK(s != NULL);
        if (big)
            hr_prep_nop128(s);
        else
            hr_prep_nop(s);
        hr_sqe_set_data64(s, 500 + i);
        CHECKF(hr_submit_and_wait(&ring, 1) >= 1, "submit %u", i);
        CHECK_EQ(hr_wait_cqe(&ring, &c), 0);
        CHECKF(c->user_data == 500 + i && c->res == 0, "ud %llu res %d, want %u",
               (unsigned long long)c->user_data, c->res, 500 + i);
        hr_cqe_seen(&ring, c);
        CHECK_EQ(hr_cq_ready(&ring), 0u);
    }
    hr_ring_exit(&ring);
    return HR_PASS;
}

int main(int argc, char **argv)
{
    static const struct hr_case cases[] = {
        { "no-mmap", t_no_mmap },
        { "reg-wait", t_reg_wait },
        { "resize", t_resize },
        { "ring-mmap", t_ring_mmap },
        { "cqe-mixed", t_cqe_mixed },
        { "sqe-mixed", t_sqe_mixed },
    };
    static const struct hr_suite suite = { .name = "features", .timeout_s = 30 };
    return hr_test_main(&suite, cases, (int)(sizeof cases / sizeof cases[0]), argc, argv);
}
