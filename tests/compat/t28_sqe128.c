/* IORING_SETUP_SQE128: 128-byte SQEs, wraps of the SQ ring */
#include "ct.h"
int main(void)
{
    struct io_uring r;
    ct_init(&r, 4, IORING_SETUP_SQE128);
    for (int round = 0; round < 4; round++) {
        for (int i = 0; i < 3; i++) {
            struct io_uring_sqe *s = ct_sqe(&r);
            io_uring_prep_nop(s);
            s->user_data = round * 10 + i;
        }
        CHECK_EQ(io_uring_submit(&r), 3);
        ct_reap_sorted(&r, 3, "nop128", NULL);
    }
    io_uring_queue_exit(&r);
    return 0;
}
