/* live_features.c -- the io_uring features newer than 6.12 on the real
 * kernel, one case each (registered wait regions, NO_MMAP rings, ring
 * resize; each with its proved contract in specs/).  `make harness`
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

int main(int argc, char **argv)
{
    static const struct hr_case cases[] = {
        { "no-mmap", t_no_mmap },
        { "reg-wait", t_reg_wait },
        { "resize", t_resize },
        { "ring-mmap", t_ring_mmap },
    };
    static const struct hr_suite suite = { .name = "features", .timeout_s = 30 };
    return hr_test_main(&suite, cases, (int)(sizeof cases / sizeof cases[0]), argc, argv);
}
