/* get_sqe returns NULL when the SQ is full; space comes back after submit */
#include "ct.h"
int main(void)
{
    struct io_uring r;
    ct_init(&r, 4, 0);
    int n = 0;
    struct io_uring_sqe *s;
    while ((s = io_uring_get_sqe(&r)) != NULL) {
        io_uring_prep_nop(s);
        s->user_data = n++;
        if (n > 100)
            FAIL("no limit");
    }
    printf("got=%d space_left=%u ready=%u\n", n, io_uring_sq_space_left(&r), io_uring_sq_ready(&r));
    CHECK_EQ(io_uring_submit(&r), 4);
    printf("after submit space_left=%u\n", io_uring_sq_space_left(&r));
    ct_reap_sorted(&r, 4, "nop", NULL);
    for (int i = 0; i < 4; i++) {
        s = ct_sqe(&r);
        io_uring_prep_nop(s);
        s->user_data = 100 + i;
    }
    CHECK(io_uring_get_sqe(&r) == NULL);
    CHECK_EQ(io_uring_submit_and_wait(&r, 4), 4);
    ct_reap_sorted(&r, 4, "nop2", NULL);
    io_uring_queue_exit(&r);
    return 0;
}
