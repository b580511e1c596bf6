/* prep_cancel64 / prep_cancel / prep_cancel_fd, -ENOENT for nothing */
#include "ct.h"
int main(void)
{
    int p[2];
    CHECK(pipe(p) == 0);
    struct io_uring r;
    ct_init(&r, 8, 0);
    char buf[8];
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_read(s, p[0], buf, sizeof(buf), 0);
    s->user_data = 1;
    io_uring_submit(&r);
    s = ct_sqe(&r);
    io_uring_prep_cancel64(s, 1, 0);
    s->user_data = 2;
    io_uring_submit(&r);
    ct_reap_sorted(&r, 2, "cancel64", NULL);
    s = ct_sqe(&r);
    io_uring_prep_cancel64(s, 77, 0);
    s->user_data = 3;
    io_uring_submit(&r);
    ct_reap(&r, "cancel-missing");
    static int tag;
    s = ct_sqe(&r);
    io_uring_prep_read(s, p[0], buf, sizeof(buf), 0);
    io_uring_sqe_set_data(s, &tag);
    io_uring_submit(&r);
    s = ct_sqe(&r);
    io_uring_prep_cancel(s, &tag, 0);
    s->user_data = 4;
    io_uring_submit(&r);
    int res_tag = 1, res_cancel = 1;
    for (int i = 0; i < 2; i++) {
        struct io_uring_cqe *c;
        CHECK_EQ(io_uring_wait_cqe(&r, &c), 0);
        if (io_uring_cqe_get_data(c) == &tag)
            res_tag = c->res;
        else
            res_cancel = c->res;
        io_uring_cqe_seen(&r, c);
    }
    printf("cancel(ptr): read res=%d cancel res=%d\n", res_tag, res_cancel);
    for (int i = 0; i < 2; i++) {
        s = ct_sqe(&r);
        io_uring_prep_read(s, p[0], buf, sizeof(buf), 0);
        s->user_data = 10 + i;
    }
    io_uring_submit(&r);
    s = ct_sqe(&r);
    io_uring_prep_cancel_fd(s, p[0], IORING_ASYNC_CANCEL_ALL);
    s->user_data = 20;
    io_uring_submit(&r);
    ct_reap_sorted(&r, 3, "cancel_fd", NULL);
    io_uring_queue_exit(&r);
    return 0;
}
