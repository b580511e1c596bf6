/* register_ring_fd / unregister_ring_fd and I/O in between */
#include "ct.h"
int main(void)
{
    struct io_uring r;
    ct_init(&r, 8, 0);
    int ret = io_uring_register_ring_fd(&r);
    if (ret == -EINVAL)
        SKIP("no registered ring fds (kernel < 5.18)");
    /* (registering twice: -EEXIST in liburing 2.4+, a second slot in 2.3;
       not compared) */
    printf("register_ring_fd=%d\n", ret);
    for (int i = 0; i < 3; i++) {
        struct io_uring_sqe *s = ct_sqe(&r);
        io_uring_prep_nop(s);
        s->user_data = i;
        io_uring_submit(&r);
        ct_reap(&r, "nop-regfd");
    }
    printf("unregister_ring_fd=%d\n", io_uring_unregister_ring_fd(&r));
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_nop(s);
    s->user_data = 9;
    io_uring_submit(&r);
    ct_reap(&r, "nop-plainfd");
    printf("register again=%d\n", io_uring_register_ring_fd(&r));
    io_uring_queue_exit(&r);
    return 0;
}
