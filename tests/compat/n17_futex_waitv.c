/* (liburing 2.5+ API, compat only) struct futex_waitv comes with
 * <liburing.h> (liburing's compat.h includes <linux/futex.h>, or defines the
 * struct on older headers): a program fills one without including
 * <linux/futex.h> itself.  A vectored wait on a futex whose value is not the
 * expected one completes at once with -EAGAIN; a matching one is woken. */
#include "ct.h"

int main(void)
{
    struct io_uring r;
    struct io_uring_cqe *c;
    static uint32_t word = 1;
    struct futex_waitv fw[1];

    CHECK(FUTEX_WAITV_MAX >= 1);
    memset(fw, 0, sizeof fw);
    fw[0].val = 0;                      /* the word holds 1: no wait */
    fw[0].uaddr = (uint64_t)(uintptr_t)&word;
    fw[0].flags = FUTEX_32;
    fw[0].__reserved = 0;
    CHECK_EQ(sizeof fw[0], 24);

    CHECK_EQ(io_uring_queue_init(4, &r, 0), 0);
    io_uring_prep_futex_waitv(ct_sqe(&r), fw, 1, 0);
    CHECK_EQ(io_uring_submit_and_wait(&r, 1), 1);
    CHECK_EQ(io_uring_peek_cqe(&r, &c), 0);
    if (c->res == -EINVAL || c->res == -EOPNOTSUPP)
        SKIP("IORING_OP_FUTEX_WAITV needs Linux 6.7");
    CHECK_EQ(c->res, -EAGAIN);
    io_uring_cqe_seen(&r, c);

    /* a matching value waits until woken */
    fw[0].val = 1;
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_futex_waitv(s, fw, 1, 0);
    io_uring_sqe_set_data64(s, 1);
    CHECK_EQ(io_uring_submit(&r), 1);
    s = ct_sqe(&r);
    io_uring_prep_futex_wake(s, &word, 1, FUTEX_BITSET_MATCH_ANY, FUTEX_32, 0);
    io_uring_sqe_set_data64(s, 2);
    CHECK_EQ(io_uring_submit(&r), 1);
    int seen = 0;
    for (int i = 0; i < 2; i++) {
        CHECK_EQ(io_uring_wait_cqe(&r, &c), 0);
        if (c->user_data == 1)
            CHECK_EQ(c->res, 0);        /* index of the woken futex */
        else
            CHECK_EQ(c->res, 1);        /* one waiter woken */
        seen |= 1 << c->user_data;
        io_uring_cqe_seen(&r, c);
    }
    CHECK_EQ(seen, 6);
    io_uring_queue_exit(&r);
    printf("ok\n");
    return 0;
}
