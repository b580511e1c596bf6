/* a read on an empty pipe linked to a 20 ms link timeout */
#include "ct.h"
int main(void)
{
    int p[2];
    CHECK(pipe(p) == 0);
    struct io_uring r;
    ct_init(&r, 8, 0);
    char buf[8];
    struct __kernel_timespec ts = { .tv_sec = 0, .tv_nsec = 20000000 };
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_read(s, p[0], buf, sizeof(buf), 0);
    io_uring_sqe_set_flags(s, IOSQE_IO_LINK);
    s->user_data = 1;
    s = ct_sqe(&r);
    io_uring_prep_link_timeout(s, &ts, 0);
    s->user_data = 2;
    CHECK_EQ(io_uring_submit(&r), 2);
    ct_reap_sorted(&r, 2, "read+timeout", NULL);
    /* completed before the timeout: the timeout is cancelled */
    CHECK(write(p[1], "abc", 3) == 3);
    ts.tv_sec = 5;
    s = ct_sqe(&r);
    io_uring_prep_read(s, p[0], buf, sizeof(buf), 0);
    io_uring_sqe_set_flags(s, IOSQE_IO_LINK);
    s->user_data = 3;
    s = ct_sqe(&r);
    io_uring_prep_link_timeout(s, &ts, 0);
    s->user_data = 4;
    CHECK_EQ(io_uring_submit(&r), 2);
    ct_reap_sorted(&r, 2, "read+timeout", NULL);
    io_uring_queue_exit(&r);
    return 0;
}
