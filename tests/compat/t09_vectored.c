/* prep_writev / prep_readv / prep_readv2 with several iovecs */
#include "ct.h"
int main(void)
{
    char path[64];
    ct_tmpfile(path, sizeof(path));
    int fd = open(path, O_RDWR);
    unlink(path);
    CHECK(fd >= 0);
    struct io_uring r;
    ct_init(&r, 8, 0);
    char a[] = "alpha-", b[] = "beta-", c[] = "gamma";
    struct iovec w[3] = { { a, 6 }, { b, 5 }, { c, 5 } };
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_writev(s, fd, w, 3, 0);
    s->user_data = 1;
    io_uring_submit(&r);
    ct_reap(&r, "writev");
    char x[4] = {0}, y[20] = {0};
    struct iovec rv[2] = { { x, 3 }, { y, sizeof(y) - 1 } };
    s = ct_sqe(&r);
    io_uring_prep_readv(s, fd, rv, 2, 0);
    s->user_data = 2;
    io_uring_submit(&r);
    ct_reap(&r, "readv");
    printf("x=%s y=%s\n", x, y);
    memset(y, 0, sizeof(y));
    struct iovec rv2 = { y, 5 };
    s = ct_sqe(&r);
    io_uring_prep_readv2(s, fd, &rv2, 1, 6, RWF_NOWAIT);
    s->user_data = 3;
    io_uring_submit(&r);
    int res = ct_reap(&r, "readv2");
    printf("y=%s\n", res > 0 ? y : "");
    io_uring_queue_exit(&r);
    close(fd);
    return 0;
}
