/* register_buffers, write_fixed / read_fixed, buffer updates, unregister */
#include "ct.h"
int main(void)
{
    char path[64];
    ct_tmpfile(path, sizeof(path));
    int fd = open(path, O_RDWR);
    unlink(path);
    CHECK(fd >= 0);
    struct io_uring r;
    ct_init(&r, 8, 0);
    static char b0[4096], b1[4096];
    struct iovec iov[2] = { { b0, sizeof(b0) }, { b1, sizeof(b1) } };
    int ret = io_uring_register_buffers(&r, iov, 2);
    printf("register_buffers=%d\n", ret);
    printf("register again=%d\n", io_uring_register_buffers(&r, iov, 2));
    strcpy(b0, "fixed buffer zero");
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_write_fixed(s, fd, b0, 18, 0, 0);
    s->user_data = 1;
    io_uring_submit(&r);
    ct_reap(&r, "write_fixed");
    s = ct_sqe(&r);
    io_uring_prep_read_fixed(s, fd, b1, 18, 0, 1);
    s->user_data = 2;
    io_uring_submit(&r);
    ct_reap(&r, "read_fixed");
    printf("b1=%s\n", b1);
    s = ct_sqe(&r);
    io_uring_prep_read_fixed(s, fd, b1, 18, 0, 5);
    s->user_data = 3;
    io_uring_submit(&r);
    ct_reap(&r, "read_fixed-badindex");
    printf("unregister=%d again=%d\n", io_uring_unregister_buffers(&r),
           io_uring_unregister_buffers(&r));
    printf("sparse=%d\n", io_uring_register_buffers_sparse(&r, 4));
    __u64 tags[1] = { 99 };
    printf("update_tag=%d\n", io_uring_register_buffers_update_tag(&r, 1, iov, tags, 1));
    printf("unregister=%d\n", io_uring_unregister_buffers(&r));
    ct_reap(&r, "buffer-tag");
    io_uring_queue_exit(&r);
    close(fd);
    return 0;
}
