/* prep_write / prep_read / prep_fsync on a temporary file */
#include "ct.h"
int main(void)
{
    char path[64], buf[64] = {0};
    ct_tmpfile(path, sizeof(path));
    int fd = open(path, O_RDWR);
    unlink(path);
    CHECK(fd >= 0);
    struct io_uring r;
    ct_init(&r, 8, 0);
    static const char msg[] = "hello from the compat layer";
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_write(s, fd, msg, sizeof(msg), 0);
    s->user_data = 1;
    io_uring_submit(&r);
    ct_reap(&r, "write");
    s = ct_sqe(&r);
    io_uring_prep_fsync(s, fd, IORING_FSYNC_DATASYNC);
    s->user_data = 2;
    io_uring_submit(&r);
    ct_reap(&r, "fsync");
    s = ct_sqe(&r);
    io_uring_prep_read(s, fd, buf, sizeof(buf), 6);
    s->user_data = 3;
    io_uring_submit(&r);
    ct_reap(&r, "read");
    printf("data=%s\n", buf);
    s = ct_sqe(&r);
    io_uring_prep_read(s, -1, buf, sizeof(buf), 0);
    s->user_data = 4;
    io_uring_submit(&r);
    ct_reap(&r, "read-badfd");
    io_uring_queue_exit(&r);
    close(fd);
    return 0;
}
