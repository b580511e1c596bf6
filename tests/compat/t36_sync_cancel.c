/* io_uring_register_sync_cancel */
#include "ct.h"
int main(void)
{
    int p[2];
    CHECK(pipe(p) == 0);
    struct io_uring r;
    ct_init(&r, 8, 0);
    char buf[8];
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_read(s, p[0], buf, sizeof(buf), 0);
    s->user_data = 42;
    io_uring_submit(&r);
    struct io_uring_sync_cancel_reg reg;
    memset(&reg, 0, sizeof(reg));
    reg.addr = 42;
    reg.timeout.tv_sec = -1;
    reg.timeout.tv_nsec = -1;
    int ret = io_uring_register_sync_cancel(&r, &reg);
    if (ret == -EINVAL)
        SKIP("no sync cancel (kernel < 6.0)");
    printf("sync_cancel=%d\n", ret);
    ct_reap(&r, "cancelled-read");
    printf("sync_cancel again=%d\n", io_uring_register_sync_cancel(&r, &reg));
    io_uring_queue_exit(&r);
    return 0;
}
