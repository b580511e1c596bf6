/* peek on an empty ring, cqe_seen(NULL), queue_exit twice-safe paths */
#include "ct.h"
int main(void)
{
    struct io_uring r;
    struct io_uring_cqe *c = (void *)1;
    ct_init(&r, 2, 0);
    printf("peek=%d cqe_null=%d\n", io_uring_peek_cqe(&r, &c), c == NULL);
    io_uring_cqe_seen(&r, NULL);
    printf("cq_ready=%u\n", io_uring_cq_ready(&r));
    printf("submit(empty)=%d\n", io_uring_submit(&r));
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_nop(s);
    s->user_data = 7;
    printf("sq_ready=%u\n", io_uring_sq_ready(&r));
    CHECK_EQ(io_uring_submit(&r), 1);
    ct_reap(&r, "nop");
    printf("peek=%d\n", io_uring_peek_cqe(&r, &c));
    io_uring_queue_exit(&r);
    return 0;
}
