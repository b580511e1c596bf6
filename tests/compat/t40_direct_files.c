/* direct descriptors: openat_direct into a slot and allocated, files_update
   op, close_direct */
#include "ct.h"
int main(void)
{
    struct io_uring r;
    ct_init(&r, 8, 0);
    printf("sparse=%d\n", io_uring_register_files_sparse(&r, 4));
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_openat_direct(s, AT_FDCWD, "/dev/null", O_RDONLY, 0, 2);
    s->user_data = 1;
    io_uring_submit(&r);
    ct_reap(&r, "openat_direct slot 2");
    s = ct_sqe(&r);
    io_uring_prep_openat(s, AT_FDCWD, "/dev/null", O_RDONLY, 0);
    __io_uring_set_target_fixed_file(s, 0);
    s->user_data = 2;
    io_uring_submit(&r);
    ct_reap(&r, "openat target slot 0");
    char b[4];
    s = ct_sqe(&r);
    io_uring_prep_read(s, 2, b, sizeof(b), 0);
    io_uring_sqe_set_flags(s, IOSQE_FIXED_FILE);
    s->user_data = 3;
    io_uring_submit(&r);
    ct_reap(&r, "read direct");
    s = ct_sqe(&r);
    io_uring_prep_close_direct(s, 2);
    s->user_data = 4;
    io_uring_submit(&r);
    ct_reap(&r, "close_direct");
    s = ct_sqe(&r);
    io_uring_prep_close_direct(s, 2);
    s->user_data = 5;
    io_uring_submit(&r);
    ct_reap(&r, "close_direct empty");
    int fds[2] = { 0, 1 };
    s = ct_sqe(&r);
    io_uring_prep_files_update(s, fds, 2, 1);
    s->user_data = 6;
    io_uring_submit(&r);
    ct_reap(&r, "files_update op");
    io_uring_queue_exit(&r);
    return 0;
}
