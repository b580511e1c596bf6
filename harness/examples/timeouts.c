/* timeouts.c -- timeouts, cancellation and linked timeouts, each checked.
 *
 *   1. a timeout of 20 ms that expires:             res -ETIME
 *   2. a timeout that is satisfied by completions:  count = 2, two NOPs
 *      complete first, so the timeout fires early with res 0
 *   3. a 10 s timeout removed by hr_prep_timeout_remove:
 *                                        timeout -ECANCELED, remove 0
 *   4. a read of an empty pipe, cancelled by user_data (hr_prep_cancel64):
 *                                        read -ECANCELED, cancel 0
 *   5. a read of an empty pipe linked (IOSQE_IO_LINK) to a 20 ms
 *      hr_prep_link_timeout:             read -ECANCELED, link timeout -ETIME
 *   6. the same, but data arrives first: read 5 bytes, link timeout
 *      -ECANCELED (the timer is disarmed)
 * The whole run takes well under a second.  Exit 0 if every result is as
 * listed, 1 otherwise.  Build: cc timeouts.c $(pkg-config --cflags --libs hringas)
 */
#include <hringas.h>

#include <errno.h>
#include <stdio.h>
#include <unistd.h>

static int failures;

/* submit everything queued and collect exactly n CQEs into out[] */
static int run(struct hr_ring *ring, struct hr_cqe *out, unsigned n)
{
    int ret = hr_submit_and_wait(ring, n);
    if (ret < 0)
        return ret;
    unsigned got = 0;
    while (got < n) {
        ret = hr_copy_cqes(ring, out + got, n - got, n - got);
        if (ret < 0)
            return ret;
        got += (unsigned)ret;
    }
    return 0;
}

/* res of the CQE with this user_data among out[0..n) */
static int res_of(const struct hr_cqe *out, unsigned n, uint64_t ud)
{
    for (unsigned i = 0; i < n; i++)
        if (out[i].user_data == ud)
            return out[i].res;
    return 1;  /* not found: never a valid result here */
}

/* a result as text: an errno name or the number */
static const char *show(int v, char *tmp, size_t n)
{
    if (v < 0)
        return hr_strerror(v);
    snprintf(tmp, n, "%d", v);
    return tmp;
}

static void expect(const char *what, int got, int want)
{
    char a[16], b[16];

    printf("  %-40s %-10s (want %s)\n", what, show(got, a, sizeof a), show(want, b, sizeof b));
    if (got != want)
        failures++;
}

int main(void)
{
    struct hr_ring ring;
    struct hr_cqe out[4];
    struct hr_sqe *sqe;
    struct __kernel_timespec short_ts = { .tv_sec = 0, .tv_nsec = 20 * 1000 * 1000 };
    struct __kernel_timespec long_ts = { .tv_sec = 10, .tv_nsec = 0 };
    int pfd[2];
    char buf[16];

    int ret = hr_ring_init(&ring, 8, 0);
    if (ret < 0) {
        printf("hr_ring_init: %s\n", hr_strerror(ret));
        return ret == -ENOSYS || ret == -EPERM ? 77 : 1;
    }
    if (pipe(pfd) < 0)
        return 1;

    /* 1. pure timeout: count 0 = wait for time only */
    sqe = hr_get_sqe(&ring);
    hr_prep_timeout(sqe, &short_ts, 0, 0);
    hr_sqe_set_data64(sqe, 1);
    if (run(&ring, out, 1) < 0)
        return 1;
    expect("1. timeout expires", out[0].res, -ETIME);

    /* 2. completion-count timeout: fires after 2 other CQEs */
    sqe = hr_get_sqe(&ring);
    hr_prep_timeout(sqe, &long_ts, 2, 0);
    hr_sqe_set_data64(sqe, 20);
    for (int i = 0; i < 2; i++) {
        sqe = hr_get_sqe(&ring);
        hr_prep_nop(sqe);
        hr_sqe_set_data64(sqe, 21 + i);
    }
    if (run(&ring, out, 3) < 0)
        return 1;
    expect("2. timeout with count 2 after two NOPs", res_of(out, 3, 20), 0);

    /* 3. timeout removed before it expires */
    sqe = hr_get_sqe(&ring);
    hr_prep_timeout(sqe, &long_ts, 0, 0);
    hr_sqe_set_data64(sqe, 30);
    sqe = hr_get_sqe(&ring);
    hr_prep_timeout_remove(sqe, 30, 0);
    hr_sqe_set_data64(sqe, 31);
    if (run(&ring, out, 2) < 0)
        return 1;
    expect("3. removed timeout", res_of(out, 2, 30), -ECANCELED);
    expect("3. timeout_remove itself", res_of(out, 2, 31), 0);

    /* 4. a read that would block forever, cancelled by its user_data.  The
       read is submitted alone first so it is armed (waiting on the pipe)
       when the cancel arrives. */
    sqe = hr_get_sqe(&ring);
    hr_prep_read(sqe, pfd[0], buf, sizeof buf, 0);
    hr_sqe_set_data64(sqe, 40);
    if (hr_submit(&ring) != 1)
        return 1;
    sqe = hr_get_sqe(&ring);
    hr_prep_cancel64(sqe, 40, 0);
    hr_sqe_set_data64(sqe, 41);
    if (run(&ring, out, 2) < 0)
        return 1;
    expect("4. cancelled read", res_of(out, 2, 40), -ECANCELED);
    expect("4. cancel itself", res_of(out, 2, 41), 0);

    /* 5. read linked to a timeout: no data, the timeout cancels the read */
    sqe = hr_get_sqe(&ring);
    hr_prep_read(sqe, pfd[0], buf, sizeof buf, 0);
    hr_sqe_set_data64(sqe, 50);
    hr_sqe_set_flags(sqe, IOSQE_IO_LINK);        /* the next SQE guards this one */
    sqe = hr_get_sqe(&ring);
    hr_prep_link_timeout(sqe, &short_ts, 0);
    hr_sqe_set_data64(sqe, 51);
    if (run(&ring, out, 2) < 0)
        return 1;
    expect("5. read cut by its linked timeout", res_of(out, 2, 50), -ECANCELED);
    expect("5. linked timeout fired", res_of(out, 2, 51), -ETIME);

    /* 6. the same, but the data is already there: the read wins */
    if (write(pfd[1], "hello", 5) != 5)
        return 1;
    sqe = hr_get_sqe(&ring);
    hr_prep_read(sqe, pfd[0], buf, sizeof buf, 0);
    hr_sqe_set_data64(sqe, 60);
    hr_sqe_set_flags(sqe, IOSQE_IO_LINK);
    sqe = hr_get_sqe(&ring);
    hr_prep_link_timeout(sqe, &long_ts, 0);
    hr_sqe_set_data64(sqe, 61);
    if (run(&ring, out, 2) < 0)
        return 1;
    expect("6. read completes first (5 bytes)", res_of(out, 2, 60), 5);
    expect("6. linked timeout disarmed", res_of(out, 2, 61), -ECANCELED);

    hr_ring_exit(&ring);
    printf("timeouts: %s\n", failures ? "FAILED" : "all results as expected");
    return failures ? 1 : 0;
}
