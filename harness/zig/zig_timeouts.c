/* zig_timeouts.c -- Zig-behaviour suite (zt.h): timeouts and cancellation
 * (timeout by time and by count, timeout_remove, link_timeout, async cancel).
 * The timers and the bounds on how long a completion may take are scaled by
 * HR_TEST_TIMEOUT_SCALE, for slow (emulated) machines. */
#include "zt.h"

/* ms, scaled, in ns */
static uint64_t scaled_ns(unsigned ms)
{
    return (uint64_t)hr_test_scaled_ms(ms) * 1000000u;
}

/* a timer that must not fire during the test: 3 s, scaled */
static struct __kernel_timespec long_timer(void)
{
    const unsigned ms = hr_test_scaled_ms(3000);
    return (struct __kernel_timespec){ .tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000ll };
}

/* Zig: test "timeout (after a relative time)" */
static int t_timeout_relative(void)
{
    RING(r, 1, 0);
    NEED_OP(r, IORING_OP_TIMEOUT, "TIMEOUT");
    struct hr_cqe c;
    struct __kernel_timespec ts = { .tv_sec = 0, .tv_nsec = 10 * 1000 * 1000 };
    struct hr_sqe *s = SQE(r);
    hr_prep_timeout(s, &ts, 0, 0);
    hr_sqe_set_data64(s, 0x55555555);
    struct hr_sqe e = zt_sqe_expect(IORING_OP_TIMEOUT, -1, (uint64_t)(uintptr_t)&ts, 1, 0);
    e.user_data = 0x55555555;
    CHECK_SQE(s, &e);
    uint64_t t0 = zt_now_ns();
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    uint64_t dt = zt_now_ns() - t0;
    CHECK_CQE(&c, 0x55555555, -ETIME, 0);
    if (dt < 10 * 1000000u || dt > scaled_ns(500))
        FAILF("10 ms timeout completed after %.3f ms", (double)dt / 1e6);
    return HR_PASS;
}

/* Zig: test "timeout (after a number of completions)" */
static int t_timeout_count(void)
{
    RING(r, 2, 0);
    NEED_OP(r, IORING_OP_TIMEOUT, "TIMEOUT");
    struct hr_cqe c[2];
    struct __kernel_timespec ts = long_timer();
    struct hr_sqe *s = SQE(r);
    hr_prep_timeout(s, &ts, 1, 0);
    hr_sqe_set_data64(s, 0x66666666);
    struct hr_sqe e = zt_sqe_expect(IORING_OP_TIMEOUT, -1, (uint64_t)(uintptr_t)&ts, 1, 1);
    e.user_data = 0x66666666;
    CHECK_SQE(s, &e);
    s = SQE(r);
    hr_prep_nop(s);
    hr_sqe_set_data64(s, 0x77777777);
    uint64_t t0 = zt_now_ns();
    CHECK_EQ(hr_submit(r), 2);
    WAIT(r, c, 2);
    uint64_t dt = zt_now_ns() - t0;
    CHECK_CQE(&c[0], 0x77777777, 0, 0);
    CHECK_CQE(&c[1], 0x66666666, 0, 0);
    if (dt > scaled_ns(1000))
        FAILF("count timeout took %.1f ms: it waited for its timer", (double)dt / 1e6);
    return HR_PASS;
}

/* Zig: test "timeout_remove" */
static int t_timeout_remove(void)
{
    RING(r, 2, 0);
    NEED_OP(r, IORING_OP_TIMEOUT, "TIMEOUT");
    NEED_OP(r, IORING_OP_TIMEOUT_REMOVE, "TIMEOUT_REMOVE");
    struct hr_cqe c[2];
    struct __kernel_timespec ts = long_timer();
    struct hr_sqe *s = SQE(r);
    hr_prep_timeout(s, &ts, 0, 0);
    hr_sqe_set_data64(s, 0x88888888);
    s = SQE(r);
    hr_prep_timeout_remove(s, 0x88888888, 0);
    hr_sqe_set_data64(s, 0x99999999);
    struct hr_sqe e = zt_sqe_expect(IORING_OP_TIMEOUT_REMOVE, -1, 0x88888888, 0, 0);
    e.user_data = 0x99999999;
    CHECK_SQE(s, &e);
    uint64_t t0 = zt_now_ns();
    CHECK_EQ(hr_submit(r), 2);
    WAIT(r, c, 2);
    CHECK(zt_now_ns() - t0 < scaled_ns(1000));
    SKIP_IF_UNSUPPORTED(FIND(c, 2, 0x99999999)->res, "IORING_OP_TIMEOUT_REMOVE");
    /* the two CQEs may come in either order */
    CHECK_CQE(FIND(c, 2, 0x88888888), 0x88888888, -ECANCELED, 0);
    CHECK_CQE(FIND(c, 2, 0x99999999), 0x99999999, 0, 0);
    return HR_PASS;
}

/* Zig: test "accept/connect/recv/link_timeout" */
static int t_link_timeout(void)
{
    RING(r, 8, 0);
    NEED_OP(r, IORING_OP_ACCEPT, "ACCEPT");
    NEED_OP(r, IORING_OP_CONNECT, "CONNECT");
    NEED_OP(r, IORING_OP_RECV, "RECV");
    NEED_OP(r, IORING_OP_LINK_TIMEOUT, "LINK_TIMEOUT");
    int srv, cli;
    char buf[8];
    struct hr_cqe c[2];
    struct __kernel_timespec ts = { .tv_sec = 0, .tv_nsec = 1000000 };
    RUN(zt_ring_tcp_pair(r, &srv, &cli));
    struct hr_sqe *s = SQE(r);
    hr_prep_recv(s, srv, buf, sizeof buf, 0);
    hr_sqe_set_flags(s, IOSQE_IO_LINK);
    hr_sqe_set_data64(s, 0xffffffff);
    s = SQE(r);
    hr_prep_link_timeout(s, &ts, 0);
    hr_sqe_set_data64(s, 0x22222222);
    struct hr_sqe e = zt_sqe_expect(IORING_OP_LINK_TIMEOUT, -1, (uint64_t)(uintptr_t)&ts, 1, 0);
    e.user_data = 0x22222222;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 2);
    WAIT(r, c, 2);
    const struct hr_cqe *rc = FIND(c, 2, 0xffffffff), *tc = FIND(c, 2, 0x22222222);
    if (rc->res != -EINTR && rc->res != -ECANCELED)
        FAILF("recv: %d%s, expected -EINTR or -ECANCELED", rc->res, zt_errname(rc->res));
    if (tc->res != -EALREADY && tc->res != -ETIME && tc->res != 0)
        FAILF("link timeout: %d%s, expected -EALREADY or -ETIME", tc->res,
              zt_errname(tc->res));
    CHECK_EQ(rc->flags, 0);
    CHECK_EQ(tc->flags, 0);
    return HR_PASS;
}

/* Zig: test "accept/connect/recv/cancel" */
static int t_cancel(void)
{
    RING(r, 8, 0);
    NEED_OP(r, IORING_OP_ACCEPT, "ACCEPT");
    NEED_OP(r, IORING_OP_CONNECT, "CONNECT");
    NEED_OP(r, IORING_OP_RECV, "RECV");
    NEED_OP(r, IORING_OP_ASYNC_CANCEL, "ASYNC_CANCEL");
    int srv, cli;
    char buf[8];
    struct hr_cqe c[2];
    RUN(zt_ring_tcp_pair(r, &srv, &cli));
    struct hr_sqe *s = SQE(r);
    hr_prep_recv(s, srv, buf, sizeof buf, 0);
    hr_sqe_set_data64(s, 0xffffffff);
    CHECK_EQ(hr_submit(r), 1);
    CHECK(zt_no_cqe(r, 20));           /* the recv is pending */
    s = SQE(r);
    hr_prep_cancel64(s, 0xffffffff, 0);
    hr_sqe_set_data64(s, 0x99999999);
    struct hr_sqe e = zt_sqe_expect(IORING_OP_ASYNC_CANCEL, -1, 0xffffffff, 0, 0);
    e.user_data = 0x99999999;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, c, 2);
    CHECK_CQE(FIND(c, 2, 0xffffffff), 0xffffffff, -ECANCELED, 0);
    CHECK_CQE(FIND(c, 2, 0x99999999), 0x99999999, 0, 0);
    return HR_PASS;
}

const struct hr_case zig_timeouts_cases[] = {
    { "timeout: 10 ms relative completes with -ETIME", t_timeout_relative },
    { "timeout: count 1 completes after one NOP, not by its timer", t_timeout_count },
    { "timeout_remove: the pending timeout ends with -ECANCELED", t_timeout_remove },
    { "link_timeout: a linked recv without data is cut short", t_link_timeout },
    { "async cancel: a pending recv ends with -ECANCELED", t_cancel },
};
const int zig_timeouts_ncases = ZT_NCASES(zig_timeouts_cases);
