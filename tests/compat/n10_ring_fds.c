/* (compat only) the ring's descriptors and per-ring enter flags, as
   liburing 2.15 has them:
   - ring->ring_fd and ring->enter_ring_fd are read at every call: a program
     may put a dup()ed descriptor there and close the original (liburing
     2.15's test/sq-poll-dup.c failed with "wait_ret=-9" before);
   - int_flags carries liburing's bits (REG_RING 16, REG_REG_RING 1,
     NO_IOWAIT 128);
   - io_uring_set_iowait: -EOPNOTSUPP without IORING_FEAT_NO_IOWAIT, else 0,
     and every later enter carries IORING_ENTER_NO_IOWAIT (also with a
     registered ring fd, and back off with true);
   - io_uring_close_ring_fd: liburing's -EINVAL before the ring fd is
     registered; once registered -EOPNOTSUPP here (the fd stays open:
     DIFFERENCES.md item 16). */
#include "ct.h"
#include <time.h>

static void nop_round(struct io_uring *r, unsigned long long ud)
{
    struct io_uring_sqe *s = ct_sqe(r);
    struct io_uring_cqe *c;

    io_uring_prep_nop(s);
    s->user_data = ud;
    CHECK_EQ(io_uring_submit(r), 1);
    CHECK_EQ(io_uring_wait_cqe(r, &c), 0);
    CHECK_EQ(c->user_data, ud);
    CHECK_EQ(c->res, 0);
    io_uring_cqe_seen(r, c);
}

/* A timed wait on an empty CQ: the enter is made (with the ring's enter
   flags) and times out. */
static void timed_wait(struct io_uring *r)
{
    struct __kernel_timespec ts = { .tv_sec = 0, .tv_nsec = 5 * 1000 * 1000 };
    struct io_uring_cqe *c;

    CHECK_EQ(io_uring_wait_cqe_timeout(r, &c, &ts), -ETIME);
}

static void dup_fd(void)
{
    struct io_uring r;
    unsigned values[2] = { 0, 0 };

    CHECK_EQ(io_uring_queue_init(4, &r, 0), 0);
    nop_round(&r, 1);
    const int old = r.ring_fd;
    const int fd = dup(old);
    CHECK(fd >= 0);
    CHECK_EQ(close(old), 0);
    r.ring_fd = r.enter_ring_fd = fd;
    nop_round(&r, 2);                                  /* enter on the dup */
    timed_wait(&r);
    CHECK_EQ(io_uring_register_iowq_max_workers(&r, values), 0); /* register on it */
    CHECK(values[0] != 0 || values[1] != 0);
    CHECK_EQ(io_uring_register_ring_fd(&r), 1);        /* registers the dup */
    nop_round(&r, 3);
    CHECK_EQ(io_uring_unregister_ring_fd(&r), 1);
    CHECK_EQ(r.enter_ring_fd, fd);
    nop_round(&r, 4);
    io_uring_queue_exit(&r);                           /* closes the dup */
    CHECK_EQ(fcntl(fd, F_GETFD), -1);
    CHECK_EQ(errno, EBADF);
}

static void reg_flags(void)
{
    struct io_uring r;

    CHECK_EQ(io_uring_queue_init(4, &r, 0), 0);
    const int reg_reg = !!(r.features & IORING_FEAT_REG_REG_RING);
    CHECK_EQ(r.int_flags, 0);
    CHECK_EQ(io_uring_close_ring_fd(&r), reg_reg ? -EINVAL : -EOPNOTSUPP);
    CHECK_EQ(io_uring_unregister_ring_fd(&r), -EINVAL);
    CHECK_EQ(io_uring_register_ring_fd(&r), 1);
    CHECK_EQ(io_uring_register_ring_fd(&r), -EEXIST);
    CHECK_EQ(r.int_flags, 16 | (reg_reg ? 1 : 0));
    nop_round(&r, 5);
    CHECK_EQ(io_uring_unregister_ring_fd(&r), 1);
    CHECK_EQ(r.int_flags, 0);
    CHECK_EQ(r.enter_ring_fd, r.ring_fd);
    nop_round(&r, 6);
    /* the plain fd closed: enters and registrations through the index */
    CHECK_EQ(io_uring_register_ring_fd(&r), 1);
    const int fd = r.ring_fd;
    if (!reg_reg) {
        CHECK_EQ(io_uring_close_ring_fd(&r), -EOPNOTSUPP);
        io_uring_queue_exit(&r);
        return;
    }
    CHECK_EQ(io_uring_close_ring_fd(&r), 1);
    CHECK_EQ(r.ring_fd, -1);
    CHECK_EQ(fcntl(fd, F_GETFD), -1);
    CHECK_EQ(errno, EBADF);
    CHECK_EQ(io_uring_close_ring_fd(&r), -EBADF);
    nop_round(&r, 7);
    CHECK_EQ(io_uring_register_files_sparse(&r, 4), 0);
    CHECK_EQ(io_uring_unregister_files(&r), 0);
    struct io_uring_probe *p = io_uring_get_probe_ring(&r);
    CHECK(p != NULL && io_uring_opcode_supported(p, IORING_OP_NOP));
    io_uring_free_probe(p);
    io_uring_queue_exit(&r);
}

static void iowait(void)
{
    struct io_uring r;

    CHECK_EQ(io_uring_queue_init(4, &r, 0), 0);
    if (!(r.features & IORING_FEAT_NO_IOWAIT)) {
        CHECK_EQ(io_uring_set_iowait(&r, false), -EOPNOTSUPP);
        CHECK_EQ(r.int_flags, 0);
        io_uring_queue_exit(&r);
        SKIP("kernel without IORING_FEAT_NO_IOWAIT (6.15+)");
    }
    CHECK_EQ(io_uring_set_iowait(&r, false), 0);
    CHECK_EQ(r.int_flags, 128);
    CHECK(r.hr.enter_flags & IORING_ENTER_NO_IOWAIT);
    nop_round(&r, 7);
    timed_wait(&r);
    CHECK_EQ(io_uring_register_ring_fd(&r), 1);       /* both enter flags */
    CHECK(r.hr.enter_flags & IORING_ENTER_NO_IOWAIT);
    CHECK(r.hr.enter_flags & IORING_ENTER_REGISTERED_RING);
    nop_round(&r, 8);
    timed_wait(&r);
    CHECK_EQ(io_uring_unregister_ring_fd(&r), 1);
    CHECK_EQ(r.int_flags, 128);
    CHECK(r.hr.enter_flags & IORING_ENTER_NO_IOWAIT);
    CHECK_EQ(io_uring_set_iowait(&r, true), 0);
    CHECK_EQ(r.int_flags, 0);
    CHECK_EQ(r.hr.enter_flags, 0);
    nop_round(&r, 9);
    timed_wait(&r);
    io_uring_queue_exit(&r);
}

int main(void)
{
    dup_fd();
    reg_flags();
    iowait();
    printf("ok\n");
    return 0;
}
