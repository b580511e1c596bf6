/* splice and tee between pipes */
#include "ct.h"
int main(void)
{
    int a[2], b[2], c2[2];
    CHECK(pipe(a) == 0 && pipe(b) == 0 && pipe(c2) == 0);
    struct io_uring r;
    ct_init(&r, 8, 0);
    CHECK(write(a[1], "spliced!", 8) == 8);
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_tee(s, a[0], c2[1], 8, 0);
    s->user_data = 1;
    io_uring_submit(&r);
    ct_reap(&r, "tee");
    s = ct_sqe(&r);
    io_uring_prep_splice(s, a[0], -1, b[1], -1, 8, 0);
    s->user_data = 2;
    io_uring_submit(&r);
    ct_reap(&r, "splice");
    char x[16] = {0}, y[16] = {0};
    CHECK(read(b[0], x, sizeof(x)) == 8);
    CHECK(read(c2[0], y, sizeof(y)) == 8);
    printf("spliced=%s teed=%s\n", x, y);
    s = ct_sqe(&r);
    io_uring_prep_splice(s, -1, -1, b[1], -1, 8, 0);
    s->user_data = 3;
    io_uring_submit(&r);
    ct_reap(&r, "splice-badfd");
    io_uring_queue_exit(&r);
    return 0;
}
