/* register_files, IOSQE_FIXED_FILE, files_update, sparse + alloc range */
#include "ct.h"
int main(void)
{
    int p[2];
    CHECK(pipe(p) == 0);
    struct io_uring r;
    ct_init(&r, 8, 0);
    int files[3] = { p[0], -1, p[1] };
    printf("register_files=%d\n", io_uring_register_files(&r, files, 3));
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_write(s, 2, "xyz", 3, 0);
    io_uring_sqe_set_flags(s, IOSQE_FIXED_FILE);
    s->user_data = 1;
    io_uring_submit(&r);
    ct_reap(&r, "write-fixed-file");
    char buf[8] = {0};
    s = ct_sqe(&r);
    io_uring_prep_read(s, 0, buf, 3, 0);
    io_uring_sqe_set_flags(s, IOSQE_FIXED_FILE);
    s->user_data = 2;
    io_uring_submit(&r);
    ct_reap(&r, "read-fixed-file");
    printf("buf=%s\n", buf);
    s = ct_sqe(&r);
    io_uring_prep_read(s, 1, buf, 3, 0);
    io_uring_sqe_set_flags(s, IOSQE_FIXED_FILE);
    s->user_data = 3;
    io_uring_submit(&r);
    ct_reap(&r, "read-empty-slot");
    int upd[1] = { p[0] };
    printf("files_update=%d\n", io_uring_register_files_update(&r, 1, upd, 1));
    printf("unregister=%d again=%d\n", io_uring_unregister_files(&r),
           io_uring_unregister_files(&r));
    printf("sparse=%d\n", io_uring_register_files_sparse(&r, 8));
    printf("alloc_range=%d\n", io_uring_register_file_alloc_range(&r, 2, 4));
    printf("unregister=%d\n", io_uring_unregister_files(&r));
    __u64 tags[2] = { 5, 6 };
    int f2[2] = { p[0], p[1] };
    printf("files_tags=%d\n", io_uring_register_files_tags(&r, f2, tags, 2));
    printf("update_tag=%d\n", io_uring_register_files_update_tag(&r, 0, upd, tags, 1));
    printf("unregister=%d\n", io_uring_unregister_files(&r));
    ct_reap_sorted(&r, 3, "file-tag", NULL);
    io_uring_queue_exit(&r);
    return 0;
}
