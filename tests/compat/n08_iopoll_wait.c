/* (compat only) untimed waits on an IOPOLL ring wait until the CQE is
   there, as liburing's do.  The kernel may return from a polled
   GETEVENTS enter with nothing completed (it yields when it must
   reschedule); the core's wait then answers -EINTR after HR_WAIT_ROUNDS
   enters, and the compat layer calls it again (hrc_iopoll_again).  liburing
   2.15's test/500f9fbadef8.c failed with "wait completion: -4" before. */
#include "ct.h"

#define ROUNDS 256

int main(void)
{
    struct io_uring r;
    struct iovec iov;
    char name[] = "n08_iopoll.XXXXXX";

    if (posix_memalign(&iov.iov_base, 4096, 4096))
        FAIL("posix_memalign");
    iov.iov_len = 4096;
    memset(iov.iov_base, 0x5a, 4096);
    int ret = io_uring_queue_init(2, &r, IORING_SETUP_IOPOLL);
    if (ret)
        FAIL("queue_init IOPOLL: %d", ret);
    int fd = mkostemp(name, O_WRONLY | O_DIRECT);
    if (fd < 0 && errno == EINVAL)
        SKIP("O_DIRECT not supported in the current directory");
    if (fd < 0)
        FAIL("mkostemp: %d", errno);
    unlink(name);
    for (int i = 0; i < ROUNDS; i++) {
        struct io_uring_sqe *s = ct_sqe(&r);
        struct io_uring_cqe *c;

        io_uring_prep_writev(s, fd, &iov, 1, (i % 16) * 4096);
        s->user_data = i;
        ret = io_uring_submit_and_wait(&r, 1);
        if (ret < 0)
            FAIL("submit_and_wait: %d", ret);
        ret = (i & 1) ? io_uring_wait_cqe(&r, &c)
                      : io_uring_wait_cqes(&r, &c, 1, NULL, NULL);
        if (ret)
            FAIL("round %d: wait: %d", i, ret);
        if (c->res == -EOPNOTSUPP)
            SKIP("no polled I/O for this file system");
        CHECK_EQ(c->res, 4096);
        CHECK_EQ(c->user_data, i);
        io_uring_cqe_seen(&r, c);
    }
    close(fd);
    io_uring_queue_exit(&r);
    free(iov.iov_base);
    printf("ok\n");
    return 0;
}
