/* prep_timeout: pure timer (-ETIME), completion-count timeout, ETIME_SUCCESS */
#include "ct.h"
int main(void)
{
    struct io_uring r;
    ct_init(&r, 8, 0);
    struct __kernel_timespec ts = { .tv_sec = 0, .tv_nsec = 10000000 };
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_timeout(s, &ts, 0, 0);
    s->user_data = 1;
    io_uring_submit(&r);
    ct_reap(&r, "timer");
    struct __kernel_timespec longts = { .tv_sec = 10, .tv_nsec = 0 };
    s = ct_sqe(&r);
    io_uring_prep_timeout(s, &longts, 1, 0);
    s->user_data = 2;
    s = ct_sqe(&r);
    io_uring_prep_nop(s);
    s->user_data = 3;
    io_uring_submit(&r);
    ct_reap_sorted(&r, 2, "count", NULL);
    s = ct_sqe(&r);
    io_uring_prep_timeout(s, &ts, 0, IORING_TIMEOUT_ETIME_SUCCESS);
    s->user_data = 4;
    io_uring_submit(&r);
    ct_reap(&r, "etime_success");
    io_uring_queue_exit(&r);
    return 0;
}
