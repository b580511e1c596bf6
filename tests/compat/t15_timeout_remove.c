/* timeout_remove and timeout_update */
#include "ct.h"
int main(void)
{
    struct io_uring r;
    ct_init(&r, 8, 0);
    struct __kernel_timespec ts = { .tv_sec = 10, .tv_nsec = 0 };
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_timeout(s, &ts, 0, 0);
    s->user_data = 1;
    io_uring_submit(&r);
    s = ct_sqe(&r);
    io_uring_prep_timeout_remove(s, 1, 0);
    s->user_data = 2;
    io_uring_submit(&r);
    ct_reap_sorted(&r, 2, "remove", NULL);
    s = ct_sqe(&r);
    io_uring_prep_timeout_remove(s, 12345, 0);
    s->user_data = 3;
    io_uring_submit(&r);
    ct_reap(&r, "remove-missing");
    s = ct_sqe(&r);
    io_uring_prep_timeout(s, &ts, 0, 0);
    s->user_data = 4;
    io_uring_submit(&r);
    struct __kernel_timespec shortts = { .tv_sec = 0, .tv_nsec = 1000000 };
    s = ct_sqe(&r);
    io_uring_prep_timeout_update(s, &shortts, 4, 0);
    s->user_data = 5;
    io_uring_submit(&r);
    ct_reap_sorted(&r, 2, "update", NULL);
    io_uring_queue_exit(&r);
    return 0;
}
