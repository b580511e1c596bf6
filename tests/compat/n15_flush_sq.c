/* (liburing <= 2.4 export, compat only) __io_uring_flush_sq: publishes the
 * SQEs obtained so far without entering the kernel and returns how many the
 * kernel has not consumed; a later io_uring_submit does not submit them
 * twice.  liburing 2.3's own iopoll / io_uring_passthrough tests declare it
 * extern and call it before a raw io_uring_enter. */
#include "ct.h"

extern unsigned __io_uring_flush_sq(struct io_uring *ring);

static void nops(struct io_uring *r, unsigned n, __u64 ud)
{
    for (unsigned i = 0; i < n; i++) {
        struct io_uring_sqe *s = ct_sqe(r);
        io_uring_prep_nop(s);
        s->user_data = ud + i;
    }
}

static void reap(struct io_uring *r, unsigned n, __u64 ud)
{
    for (unsigned i = 0; i < n; i++) {
        struct io_uring_cqe *c;
        CHECK_EQ(io_uring_wait_cqe(r, &c), 0);
        CHECK_EQ(c->user_data, ud + i);
        CHECK_EQ(c->res, 0);
        io_uring_cqe_seen(r, c);
    }
    CHECK_EQ(io_uring_cq_ready(r), 0);
}

static void run(struct io_uring *r, const char *what)
{
    const unsigned tail0 = *r->sq.ktail;

    nops(r, 3, 10);
    CHECK_EQ(*r->sq.ktail, tail0);                  /* not published yet */
    CHECK_EQ(__io_uring_flush_sq(r), 3);
    CHECK_EQ(*r->sq.ktail, tail0 + 3);              /* published, not entered */
    CHECK_EQ(r->sq.sqe_head, r->sq.sqe_tail);
    CHECK_EQ(io_uring_sq_ready(r), 3);
    if (r->sq.array)
        for (unsigned i = 0; i < 3; i++)
            CHECK_EQ(r->sq.array[(tail0 + i) & r->sq.ring_mask], (tail0 + i) & r->sq.ring_mask);
    /* nothing new: the count stays, the tail does not move */
    CHECK_EQ(__io_uring_flush_sq(r), 3);
    CHECK_EQ(*r->sq.ktail, tail0 + 3);

    CHECK_EQ(io_uring_enter(r->ring_fd, 3, 3, IORING_ENTER_GETEVENTS, NULL), 3);
    reap(r, 3, 10);
    CHECK_EQ(__io_uring_flush_sq(r), 0);

    /* the next submit sends only what is new */
    nops(r, 2, 20);
    CHECK_EQ(io_uring_submit_and_wait(r, 2), 2);
    reap(r, 2, 20);
    CHECK_EQ(*r->sq.ktail, tail0 + 5);
    printf("%s: ok\n", what);
}

int main(void)
{
    struct io_uring r;
    struct io_uring_params p;

    CHECK_EQ(io_uring_queue_init(8, &r, 0), 0);
    run(&r, "default ring");
    io_uring_queue_exit(&r);

    memset(&p, 0, sizeof p);            /* as liburing's t_io_uring_init_sqarray */
    CHECK(__io_uring_queue_init_params(8, &r, &p, NULL, 0) >= 0);
    CHECK(r.sq.array != NULL);
    run(&r, "SQ-array ring");
    io_uring_queue_exit(&r);
    return 0;
}
