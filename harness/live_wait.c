/* live_wait.c -- the waiting and completion API (core/hr_wait.h) on the real
 * kernel: waits with and without timeouts, signals and signal masks,
 * min-wait, submit-and-wait, batches / for-each / in-place runs across the
 * CQ wrap, overflow flush, get_events, SQPOLL space, dontfork across a
 * fork, and the liveness hardening (a corrupted CQ head word must not make
 * a wait spin).  A case is skipped only when the kernel lacks the feature
 * (detected by a probe), and says which. */
#define _GNU_SOURCE
#include "hringas.h"
#define HR_TEST_IMPLEMENTATION
#include "hr_test.h"

#include <errno.h>
#include <setjmp.h>
#include <signal.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/wait.h>
#include <time.h>

static struct hr_ring ring;

static int ring_up(struct hr_ring *r, unsigned entries, unsigned flags)
{
    int ret = hr_ring_init(r, entries, flags);
    CHECKF(ret == 0, "hr_ring_init: %s", strerror(-ret));
    return 0;
}

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* queue n NOPs with user_data ud, ud+1, ... (not submitted) */
static int queue_nops(struct hr_ring *r, unsigned n, uint64_t ud)
{
    for (unsigned i = 0; i < n; i++) {
        struct hr_sqe *s = hr_get_sqe(r);
        if (!s)
            return -1;
        hr_prep_nop(s);
        hr_sqe_set_data64(s, ud + i);
    }
    return 0;
}

static volatile sig_atomic_t got_usr1;
static void on_usr1(int sig) { (void)sig; got_usr1 = 1; }

/* a child that sends SIGUSR1 to us after ms milliseconds */
static pid_t signal_later(int ms)
{
    pid_t parent = getpid();
    pid_t pid = fork();
    if (pid == 0) {
        struct timespec t = { ms / 1000, (long)(ms % 1000) * 1000000L };
        nanosleep(&t, NULL);
        kill(parent, SIGUSR1);
        _exit(0);
    }
    return pid;
}

static void install_usr1(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_usr1;           /* no SA_RESTART: the wait sees -EINTR */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGUSR1, &sa, NULL);
    got_usr1 = 0;
}

/* ------------------------------------------------------------------------ */

static int t_wait_cqe(void)
{
    if (ring_up(&ring, 8, 0)) return HR_FAIL;
    struct hr_cqe *c = NULL;
    CHECK(hr_peek_cqe(&ring, &c) == -EAGAIN);
    CHECK(queue_nops(&ring, 1, 77) == 0);
    CHECK(hr_submit(&ring) == 1);
    CHECK(hr_wait_cqe(&ring, &c) == 0 && c != NULL);
    CHECK(c->user_data == 77 && c->res == 0);
    CHECK(c == ring.cq.cqes + hr_cqe_index(&ring, ring.cq.head, ring.cq.mask));
    hr_cqe_seen(&ring, c);
    /* already-ready CQE: returned without waiting (the NOP is done) */
    CHECK(queue_nops(&ring, 1, 78) == 0);
    CHECK(hr_submit_and_wait(&ring, 1) == 1);
    CHECK(hr_wait_cqe(&ring, &c) == 0 && c->user_data == 78);
    hr_cqe_seen(&ring, c);
    CHECK(hr_cqe_shift(&ring) == 0);
    hr_ring_exit(&ring);
    return HR_PASS;
}

static int t_wait_cqes_nr(void)
{
    if (ring_up(&ring, 8, 0)) return HR_FAIL;
    struct hr_cqe *c = NULL;
    CHECK(queue_nops(&ring, 3, 10) == 0);
    CHECK(hr_submit(&ring) == 3);
    CHECK(hr_wait_cqes(&ring, &c, 3, NULL, NULL) == 0 && c != NULL);
    CHECK(hr_cq_ready(&ring) == 3);
    CHECK(c->user_data == 10);
    hr_cq_advance(&ring, 3);
    /* wait_cqe_nr on the hardened loop */
    CHECK(queue_nops(&ring, 2, 20) == 0);
    CHECK(hr_submit(&ring) == 2);
    CHECK(hr_wait_cqe_nr(&ring, &c, 2) == 0 && c->user_data == 20);
    hr_cq_advance(&ring, hr_cq_ready(&ring));
    hr_ring_exit(&ring);
    return HR_PASS;
}

static int t_timeout_times_out(void)
{
    if (ring_up(&ring, 8, 0)) return HR_FAIL;
    if (!(ring.features & IORING_FEAT_EXT_ARG)) {
        hr_ring_exit(&ring);
        SKIP_BECAUSE("kernel lacks IORING_FEAT_EXT_ARG (5.11)");
    }
    struct hr_cqe *c = (struct hr_cqe *)&ring;     /* must be overwritten */
    struct __kernel_timespec ts = { 0, 100 * 1000000LL };
    double t0 = now_s();
    int ret = hr_wait_cqe_timeout(&ring, &c, &ts);
    double dt = now_s() - t0;
    CHECKF(ret == -ETIME, "wait_cqe_timeout returned %d, want -ETIME", ret);
    CHECK(c == NULL);
    CHECKF(dt >= 0.09 && dt < 5.0, "timed out after %.3f s, want ~0.1 s", dt);
    /* wait_cqes with 2 wanted, 1 ready: returns the ready one at the timeout */
    CHECK(queue_nops(&ring, 1, 5) == 0);
    CHECK(hr_submit(&ring) == 1);
    ts.tv_nsec = 50 * 1000000LL;
    ret = hr_wait_cqes(&ring, &c, 2, &ts, NULL);
    CHECKF(ret == 0 && c && c->user_data == 5, "wait_cqes(2) = %d", ret);
    hr_cqe_seen(&ring, c);
    hr_ring_exit(&ring);
    return HR_PASS;
}

static int t_submit_and_wait_timeout(void)
{
    if (ring_up(&ring, 8, 0)) return HR_FAIL;
    struct hr_cqe *c = NULL;
    struct __kernel_timespec ts = { 1, 0 };
    CHECK(queue_nops(&ring, 2, 40) == 0);
    int ret = hr_submit_and_wait_timeout(&ring, &c, 2, &ts, NULL);
    CHECKF(ret == 2, "submit_and_wait_timeout = %d, want 2 submitted", ret);
    CHECK(c != NULL && c->user_data == 40 && hr_cq_ready(&ring) == 2);
    CHECK(ring.sq.sqe_head == ring.sq.sqe_tail);
    hr_cq_advance(&ring, 2);
    /* nothing to submit, nothing completes: -ETIME within the bound */
    ts.tv_sec = 0; ts.tv_nsec = 50 * 1000000LL;
    double t0 = now_s();
    ret = hr_submit_and_wait_timeout(&ring, &c, 1, &ts, NULL);
    double dt = now_s() - t0;
    CHECKF(ret == -ETIME && c == NULL, "= %d", ret);
    CHECKF(dt >= 0.045 && dt < 5.0, "timed out after %.3f s", dt);
    /* no timeout: plain submit and wait */
    CHECK(queue_nops(&ring, 1, 50) == 0);
    ret = hr_submit_and_wait_timeout(&ring, &c, 1, NULL, NULL);
    CHECKF(ret == 1 && c && c->user_data == 50, "= %d", ret);
    hr_cqe_seen(&ring, c);
    hr_ring_exit(&ring);
    return HR_PASS;
}

static int t_signal_interrupts(void)
{
    if (ring_up(&ring, 8, 0)) return HR_FAIL;
    install_usr1();
    pid_t kid = signal_later(50);
    CHECK(kid > 0);
    struct hr_cqe *c = NULL;
    double t0 = now_s();
    int ret = hr_wait_cqe(&ring, &c);           /* nothing in flight: only the signal ends it */
    double dt = now_s() - t0;
    waitpid(kid, NULL, 0);
    CHECKF(ret == -EINTR, "wait_cqe returned %d, want -EINTR", ret);
    CHECK(c == NULL && got_usr1);
    CHECKF(dt < 5.0, "took %.3f s", dt);
    hr_ring_exit(&ring);
    return HR_PASS;
}

static int t_sigmask_blocks(void)
{
    if (ring_up(&ring, 8, 0)) return HR_FAIL;
    if (!(ring.features & IORING_FEAT_EXT_ARG)) {
        hr_ring_exit(&ring);
        SKIP_BECAUSE("kernel lacks IORING_FEAT_EXT_ARG (5.11)");
    }
    install_usr1();
    sigset_t mask;                              /* its first 8 bytes: the kernel set */
    sigemptyset(&mask);
    sigaddset(&mask, SIGUSR1);
    pid_t kid = signal_later(30);
    CHECK(kid > 0);
    struct hr_cqe *c = NULL;
    struct __kernel_timespec ts = { 0, 300 * 1000000LL };
    int ret = hr_wait_cqes(&ring, &c, 1, &ts, &mask);
    waitpid(kid, NULL, 0);
    /* SIGUSR1 blocked during the wait: the timeout ends it, then the signal
       is delivered when the old mask comes back */
    CHECKF(ret == -ETIME, "wait with SIGUSR1 masked returned %d, want -ETIME", ret);
    CHECK(got_usr1);
    hr_ring_exit(&ring);
    return HR_PASS;
}

static int t_min_wait(void)
{
    if (ring_up(&ring, 8, 0)) return HR_FAIL;
    struct hr_cqe *c = NULL;
    struct __kernel_timespec ts = { 2, 0 };
    if (!(ring.features & IORING_FEAT_MIN_TIMEOUT)) {
        CHECK(hr_wait_cqes_min_timeout(&ring, &c, 1, &ts, 1000, NULL) == -EINVAL);
        hr_ring_exit(&ring);
        SKIP_BECAUSE("kernel lacks IORING_FEAT_MIN_TIMEOUT (6.12)");
    }
    /* one CQE ready, four wanted: after the 50 ms min-wait the kernel
       returns with what there is, long before the 2 s timeout */
    CHECK(queue_nops(&ring, 1, 90) == 0);
    CHECK(hr_submit(&ring) == 1);
    double t0 = now_s();
    int ret = hr_wait_cqes_min_timeout(&ring, &c, 4, &ts, 50000, NULL);
    double dt = now_s() - t0;
    CHECKF(ret == 0 && c && c->user_data == 90, "min_timeout wait = %d", ret);
    CHECKF(dt >= 0.045 && dt < 1.5, "returned after %.3f s, want ~0.05 s (min-wait) not 2 s", dt);
    hr_cqe_seen(&ring, c);
    /* submit variant: submits, then the same rule */
    CHECK(queue_nops(&ring, 1, 91) == 0);
    t0 = now_s();
    ret = hr_submit_and_wait_min_timeout(&ring, &c, 4, &ts, 50000, NULL);
    dt = now_s() - t0;
    CHECKF(ret == 1 && c && c->user_data == 91, "submit_and_wait_min_timeout = %d", ret);
    CHECKF(dt < 1.5, "returned after %.3f s", dt);
    hr_cqe_seen(&ring, c);
    /* nothing at all: the full timeout, -ETIME */
    ts.tv_sec = 0; ts.tv_nsec = 100 * 1000000LL;
    t0 = now_s();
    ret = hr_wait_cqes_min_timeout(&ring, &c, 1, &ts, 20000, NULL);
    dt = now_s() - t0;
    CHECKF(ret == -ETIME && c == NULL, "= %d", ret);
    CHECKF(dt >= 0.09 && dt < 5.0, "timed out after %.3f s", dt);
    hr_ring_exit(&ring);
    return HR_PASS;
}

static int t_peek_batch_for_each(void)
{
    if (ring_up(&ring, 16, 0)) return HR_FAIL;
    struct hr_cqe *v[16];
    CHECK(hr_peek_batch_cqe(&ring, v, 16) == 0);
    CHECK(queue_nops(&ring, 5, 100) == 0);
    CHECK(hr_submit_and_wait(&ring, 5) == 5);
    CHECK(hr_peek_batch_cqe(&ring, v, 3) == 3);
    for (unsigned i = 0; i < 3; i++)
        CHECK(v[i]->user_data == 100 + i);
    CHECK(hr_peek_batch_cqe(&ring, v, 16) == 5);
    for (unsigned i = 0; i < 5; i++)
        CHECK(v[i]->user_data == 100 + i);
    unsigned head, n = 0;
    struct hr_cqe *c;
    hr_for_each_cqe(&ring, head, c) {
        CHECK(c->user_data == 100 + n);
        CHECK(c == v[n]);
        n++;
    }
    CHECK(n == 5);
    hr_cq_advance(&ring, n);
    n = 0;
    hr_for_each_cqe(&ring, head, c)
        n++;
    CHECK(n == 0);
    hr_ring_exit(&ring);
    return HR_PASS;
}

/* many rounds of k NOPs reaped with hr_cq_batch: the CQ (16 entries) wraps
   many times; every CQE comes back once, in order, in contiguous runs */
static int t_cq_batch_wrap(void)
{
    if (ring_up(&ring, 8, 0)) return HR_FAIL;
    uint64_t next = 1, want = 1;
    unsigned runs = 0, split = 0;
    for (int round = 0; round < 200; round++) {
        unsigned k = 1 + (unsigned)(round % 8);
        CHECK(queue_nops(&ring, k, next) == 0);
        next += k;
        CHECK(hr_submit_and_wait(&ring, k) == (int)k);
        unsigned got = 0;
        struct hr_cqe *first;
        unsigned n;
        while ((n = hr_cq_batch(&ring, &first, ~0u)) > 0) {
            runs++;
            for (unsigned i = 0; i < n; i++)
                CHECKF(first[i << hr_cqe_shift(&ring)].user_data == want + i,
                       "round %d: %llu != %llu", round,
                       (unsigned long long)first[i].user_data,
                       (unsigned long long)(want + i));
            CHECK((ring.cq.head & ring.cq.mask) + n <= ring.cq.entries);
            want += n;
            got += n;
            hr_cq_advance(&ring, n);
        }
        if (got == k && runs > 0 && (ring.cq.head & ring.cq.mask) < k &&
            (ring.cq.head & ring.cq.mask) != 0)
            split++;
        CHECK(got == k && first == NULL);
        /* max limits a run */
        CHECK(queue_nops(&ring, 2, next) == 0);
        next += 2;
        CHECK(hr_submit_and_wait(&ring, 2) == 2);
        CHECK(hr_cq_batch(&ring, &first, 1) == 1 && first->user_data == want);
        hr_cq_advance(&ring, 1);
        want++;
        CHECK(hr_cq_batch(&ring, &first, 1) == 1 && first->user_data == want);
        hr_cq_advance(&ring, 1);
        want++;
    }
    CHECK(want == next);
    CHECK(split > 0);              /* some rounds did cross the end of the ring */
    hr_ring_exit(&ring);
    return HR_PASS;
}

/* CQ overflow: 32 NOPs on a CQ of 8 without reaping; the kernel keeps the
   rest (IORING_SQ_CQ_OVERFLOW) and peek_batch's GETEVENTS brings them back */
static int t_overflow_flush(void)
{
    struct io_uring_params p;
    memset(&p, 0, sizeof p);
    p.flags = IORING_SETUP_CQSIZE;
    p.cq_entries = 8;
    int ret = hr_ring_init_params(&ring, 8, &p);
    CHECKF(ret == 0, "init: %s", strerror(-ret));
    uint64_t want = 1;
    for (int b = 0; b < 4; b++) {
        CHECK(queue_nops(&ring, 8, 1 + 8 * (uint64_t)b) == 0);
        CHECK(hr_submit(&ring) == 8);
    }
    CHECK(hr_cq_has_overflow(&ring));
    struct hr_cqe *v[8];
    unsigned total = 0;
    for (int i = 0; i < 20 && total < 32; i++) {
        unsigned n = hr_peek_batch_cqe(&ring, v, 8);
        for (unsigned j = 0; j < n; j++)
            CHECK(v[j]->user_data == want++);
        hr_cq_advance(&ring, n);
        total += n;
    }
    CHECKF(total == 32, "got %u of 32 CQEs back", total);
    CHECK(!hr_cq_has_overflow(&ring));
    hr_ring_exit(&ring);
    return HR_PASS;
}

static int t_get_events(void)
{
    if (ring_up(&ring, 8, 0)) return HR_FAIL;
    CHECK(hr_get_events(&ring) >= 0);
    CHECK(queue_nops(&ring, 3, 60) == 0);
    int ret = hr_submit_and_get_events(&ring);
    CHECKF(ret == 3, "submit_and_get_events = %d", ret);
    struct hr_cqe *c;
    CHECK(hr_wait_cqes(&ring, &c, 3, NULL, NULL) == 0 && c->user_data == 60);
    hr_cq_advance(&ring, 3);
    /* enter2 = the raw enter with an argument size */
    CHECK(hr_enter2(&ring, 0, 0, IORING_ENTER_GETEVENTS, NULL, HR_SIGSET_SIZE) == 0);
    hr_ring_exit(&ring);
    return HR_PASS;
}

static int t_sqring_wait(void)
{
    if (ring_up(&ring, 8, 0)) return HR_FAIL;
    CHECK(hr_sqring_wait(&ring) == -EINVAL);
    hr_ring_exit(&ring);
    int ret = hr_ring_init(&ring, 4, IORING_SETUP_SQPOLL);
    if (ret == -EPERM || ret == -EINVAL)
        SKIP_BECAUSE("SQPOLL ring not available here (%s)", strerror(-ret));
    CHECKF(ret == 0, "init SQPOLL: %s", strerror(-ret));
    CHECK(hr_sqring_wait(&ring) == 0);           /* room now */
    uint64_t ud = 1;
    for (int round = 0; round < 50; round++) {
        while (hr_sq_space_left(&ring) > 0) {
            CHECK(queue_nops(&ring, 1, ud++) == 0);
            CHECK(hr_submit(&ring) >= 0);
        }
        /* the poller makes room; SQ_WAIT returns when the kernel's private
           head moved, the shared one follows at the end of its batch */
        int tries = 0;
        do {
            ret = hr_sqring_wait(&ring);
            CHECKF(ret >= 0, "sqring_wait = %d", ret);
        } while (hr_sq_space_left(&ring) == 0 && ++tries < 100000);
        CHECKF(hr_sq_space_left(&ring) > 0, "no SQ room after %d waits", tries);
        struct hr_cqe *c;
        while (hr_peek_cqe(&ring, &c) == 0)
            hr_cqe_seen(&ring, c);
    }
    hr_ring_exit(&ring);
    return HR_PASS;
}

static sigjmp_buf segv_jmp;
static void on_segv(int sig) { (void)sig; siglongjmp(segv_jmp, 1); }

static int t_dontfork(void)
{
    if (ring_up(&ring, 8, 0)) return HR_FAIL;
    CHECK(hr_ring_dontfork(&ring) == 0);
    pid_t kid = fork();
    CHECK(kid >= 0);
    if (kid == 0) {
        /* the child must not have the mappings: touching them faults */
        struct sigaction sa;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_segv;
        sigaction(SIGSEGV, &sa, NULL);
        sigaction(SIGBUS, &sa, NULL);
        int faults = 0;
        if (sigsetjmp(segv_jmp, 1) == 0)
            (void)*(volatile uint8_t *)ring.ring_mem;
        else
            faults++;
        if (sigsetjmp(segv_jmp, 1) == 0)
            (void)*(volatile uint8_t *)ring.sqe_mem;
        else
            faults++;
        _exit(faults == 2 ? 0 : 1);
    }
    int st = 0;
    CHECK(waitpid(kid, &st, 0) == kid);
    CHECKF(WIFEXITED(st) && WEXITSTATUS(st) == 0,
           "child could read the ring mappings (status 0x%x)", st);
    /* the parent's ring still works */
    struct hr_cqe *c;
    CHECK(queue_nops(&ring, 1, 7) == 0);
    CHECK(hr_submit(&ring) == 1);
    CHECK(hr_wait_cqe(&ring, &c) == 0 && c->user_data == 7);
    hr_cqe_seen(&ring, c);
    struct hr_ring none;
    memset(&none, 0, sizeof none);
    CHECK(hr_ring_dontfork(&none) == -EINVAL);
    hr_ring_exit(&ring);
    return HR_PASS;
}

/* Liveness (issue: hostile memory).  Only we write the CQ head word; if it
   is corrupted the kernel sees CQEs that are not there and returns at once.
   The waits store our head again before entering, so they wait properly. */
static int t_corrupted_head(void)
{
    if (ring_up(&ring, 8, 0)) return HR_FAIL;
    struct hr_sqe *s = hr_get_sqe(&ring);
    CHECK(s != NULL);
    struct __kernel_timespec t50 = { 0, 50 * 1000000LL };
    hr_prep_timeout(s, &t50, 0, 0);
    hr_sqe_set_data64(s, 555);
    CHECK(hr_submit(&ring) == 1);
    *ring.cq.khead = ring.cq.head - 5;             /* corrupt: kernel sees 5 CQEs */
    struct hr_cqe *c = NULL;
    double t0 = now_s();
    int ret = hr_wait_cqe_nr(&ring, &c, 1);
    double dt = now_s() - t0;
    CHECKF(ret == 0 && c && c->user_data == 555 && c->res == -ETIME,
           "wait_cqe_nr = %d", ret);
    CHECK(*ring.cq.khead == ring.cq.head);
    CHECKF(dt < 5.0, "took %.3f s", dt);
    hr_cqe_seen(&ring, c);
    /* the same with hr_wait_cqe (hr_wait.h) and a timeout wait */
    s = hr_get_sqe(&ring);
    hr_prep_timeout(s, &t50, 0, 0);
    hr_sqe_set_data64(s, 556);
    CHECK(hr_submit(&ring) == 1);
    *ring.cq.khead = ring.cq.head + 3;
    ret = hr_wait_cqe(&ring, &c);
    CHECKF(ret == 0 && c && c->user_data == 556, "wait_cqe = %d", ret);
    hr_cqe_seen(&ring, c);
    if (ring.features & IORING_FEAT_EXT_ARG) {
        *ring.cq.khead = ring.cq.head - 1;
        t0 = now_s();
        ret = hr_wait_cqe_timeout(&ring, &c, &t50);
        dt = now_s() - t0;
        CHECKF(ret == -ETIME && c == NULL, "wait_cqe_timeout = %d", ret);
        CHECKF(dt >= 0.045, "returned after %.3f s: the kernel did not wait", dt);
    }
    hr_ring_exit(&ring);
    return HR_PASS;
}

static int t_eventfd_toggle(void)
{
    if (ring_up(&ring, 8, 0)) return HR_FAIL;
    if (!ring.cq.kflags) {
        CHECK(hr_cq_eventfd_enabled(&ring));
        CHECK(hr_cq_eventfd_toggle(&ring, 0) == -EOPNOTSUPP);
        hr_ring_exit(&ring);
        SKIP_BECAUSE("kernel has no CQ flags word (5.8)");
    }
    int efd = eventfd(0, EFD_NONBLOCK);
    CHECK(efd >= 0);
    CHECK(hr_register_eventfd(&ring, efd) == 0);
    uint64_t v;
    CHECK(hr_cq_eventfd_enabled(&ring));
    CHECK(hr_cq_eventfd_toggle(&ring, 0) == 0 && !hr_cq_eventfd_enabled(&ring));
    CHECK(queue_nops(&ring, 1, 1) == 0);
    CHECK(hr_submit_and_wait(&ring, 1) == 1);
    CHECK(read(efd, &v, 8) < 0 && errno == EAGAIN);      /* disabled: no signal */
    hr_cq_advance(&ring, 1);
    CHECK(hr_cq_eventfd_toggle(&ring, 1) == 0 && hr_cq_eventfd_enabled(&ring));
    CHECK(queue_nops(&ring, 1, 2) == 0);
    CHECK(hr_submit_and_wait(&ring, 1) == 1);
    CHECK(read(efd, &v, 8) == 8 && v >= 1);               /* enabled: signalled */
    hr_cq_advance(&ring, 1);
    close(efd);
    hr_ring_exit(&ring);
    return HR_PASS;
}

int main(int argc, char **argv)
{
    static const struct hr_case cases[] = {
        { "wait-cqe", t_wait_cqe },
        { "wait-cqes-nr", t_wait_cqes_nr },
        { "timeout-times-out", t_timeout_times_out },
        { "submit-and-wait-timeout", t_submit_and_wait_timeout },
        { "signal-interrupts-wait", t_signal_interrupts },
        { "sigmask-blocks-signal", t_sigmask_blocks },
        { "min-wait", t_min_wait },
        { "peek-batch-for-each", t_peek_batch_for_each },
        { "cq-batch-wrap", t_cq_batch_wrap },
        { "overflow-flush", t_overflow_flush },
        { "get-events", t_get_events },
        { "sqring-wait", t_sqring_wait },
        { "dontfork", t_dontfork },
        { "corrupted-cq-head", t_corrupted_head },
        { "eventfd-toggle", t_eventfd_toggle },
    };
    static const struct hr_suite suite = { .name = "wait", .timeout_s = 20 };
    return hr_test_main(&suite, cases, (int)(sizeof cases / sizeof cases[0]), argc, argv);
}
