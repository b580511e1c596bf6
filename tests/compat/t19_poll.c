/* poll_add, poll_remove, poll_multishot, poll_update */
#include "ct.h"
int main(void)
{
    int p[2];
    CHECK(pipe(p) == 0);
    struct io_uring r;
    ct_init(&r, 8, 0);
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_poll_add(s, p[0], POLLIN);
    s->user_data = 1;
    io_uring_submit(&r);
    CHECK(write(p[1], "a", 1) == 1);
    ct_reap(&r, "poll");
    char b[16];
    CHECK(read(p[0], b, sizeof(b)) == 1);
    s = ct_sqe(&r);
    io_uring_prep_poll_add(s, p[0], POLLIN);
    s->user_data = 2;
    io_uring_submit(&r);
    s = ct_sqe(&r);
    io_uring_prep_poll_remove(s, 2);
    s->user_data = 3;
    io_uring_submit(&r);
    ct_reap_sorted(&r, 2, "poll_remove", NULL);
    s = ct_sqe(&r);
    io_uring_prep_poll_multishot(s, p[0], POLLIN);
    s->user_data = 4;
    io_uring_submit(&r);
    for (int i = 0; i < 3; i++) {
        CHECK(write(p[1], "b", 1) == 1);
        ct_reap(&r, "multishot");
        CHECK(read(p[0], b, sizeof(b)) == 1);
    }
    s = ct_sqe(&r);
    io_uring_prep_poll_update(s, 4, 5, POLLIN,
                              IORING_POLL_UPDATE_USER_DATA | IORING_POLL_UPDATE_EVENTS |
                              IORING_POLL_ADD_MULTI);
    s->user_data = 6;
    io_uring_submit(&r);
    ct_reap(&r, "update");
    CHECK(write(p[1], "c", 1) == 1);
    ct_reap(&r, "multishot-updated");
    s = ct_sqe(&r);
    io_uring_prep_poll_remove(s, 5);
    s->user_data = 7;
    io_uring_submit(&r);
    ct_reap_sorted(&r, 2, "remove-multishot", NULL);
    io_uring_queue_exit(&r);
    return 0;
}
