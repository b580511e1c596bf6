/* (liburing 2.8+ API, compat only) io_uring_clone_buffers: registered
   buffers of one ring used by another */
#include "ct.h"
int main(void)
{
    char path[64];
    ct_tmpfile(path, sizeof(path));
    int fd = open(path, O_RDWR);
    unlink(path);
    CHECK(fd >= 0);
    CHECK(write(fd, "cloned!", 7) == 7);
    struct io_uring src, dst;
    ct_init(&src, 4, 0);
    ct_init(&dst, 4, 0);
    static char buf[4096];
    struct iovec iov = { buf, sizeof(buf) };
    CHECK_EQ(io_uring_register_buffers(&src, &iov, 1), 0);
    int ret = io_uring_clone_buffers(&dst, &src);
    if (ret == -EINVAL)
        SKIP("no IORING_REGISTER_CLONE_BUFFERS (kernel < 6.12)");
    CHECK_EQ(ret, 0);
    CHECK_EQ(io_uring_clone_buffers(&dst, &src), -EBUSY);
    struct io_uring_sqe *s = ct_sqe(&dst);
    io_uring_prep_read_fixed(s, fd, buf, 7, 0, 0);
    io_uring_submit(&dst);
    struct io_uring_cqe *c;
    CHECK_EQ(io_uring_wait_cqe(&dst, &c), 0);
    CHECK_EQ(c->res, 7);
    io_uring_cqe_seen(&dst, c);
    CHECK(memcmp(buf, "cloned!", 7) == 0);
    io_uring_queue_exit(&src);
    io_uring_queue_exit(&dst);
    printf("ok\n");
    return 0;
}
