/* get_sqe semantics programs rely on: set_flags after prep, user_data kept
   from before prep (liburing never writes it in prep), sq_ready/space */
#include "ct.h"
int main(void)
{
    struct io_uring r;
    ct_init(&r, 4, 0);
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_sqe_set_data64(s, 1234);
    io_uring_prep_nop(s);
    printf("user_data after prep=%llu\n", (unsigned long long)s->user_data);
    io_uring_sqe_set_flags(s, IOSQE_ASYNC);
    printf("flags=0x%x opcode=%d fd=%d\n", s->flags, s->opcode, s->fd);
    CHECK_EQ(io_uring_submit(&r), 1);
    ct_reap(&r, "nop");
    s = ct_sqe(&r);
    io_uring_prep_nop(s);
    io_uring_sqe_set_flags(s, IOSQE_CQE_SKIP_SUCCESS);
    s->user_data = 5;
    s = ct_sqe(&r);
    io_uring_prep_nop(s);
    s->user_data = 6;
    CHECK_EQ(io_uring_submit(&r), 2);
    ct_reap(&r, "after-skip");
    struct io_uring_cqe *c;
    printf("peek=%d\n", io_uring_peek_cqe(&r, &c));
    io_uring_queue_exit(&r);
    return 0;
}
