/* register_eventfd, eventfd counts, cq_eventfd_toggle / _enabled */
#include "ct.h"
#include <sys/eventfd.h>
int main(void)
{
    struct io_uring r;
    ct_init(&r, 8, 0);
    int efd = eventfd(0, EFD_NONBLOCK);
    CHECK(efd >= 0);
    printf("enabled=%d\n", io_uring_cq_eventfd_enabled(&r));
    printf("register_eventfd=%d again=%d\n", io_uring_register_eventfd(&r, efd),
           io_uring_register_eventfd(&r, efd));
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_nop(s);
    s->user_data = 1;
    io_uring_submit(&r);
    ct_reap(&r, "nop");
    uint64_t v = 0;
    printf("eventfd read=%zd v=%llu\n", read(efd, &v, 8), (unsigned long long)v);
    printf("toggle off=%d enabled=%d\n", io_uring_cq_eventfd_toggle(&r, false),
           io_uring_cq_eventfd_enabled(&r));
    s = ct_sqe(&r);
    io_uring_prep_nop(s);
    s->user_data = 2;
    io_uring_submit(&r);
    ct_reap(&r, "nop-disabled");
    v = 0;
    printf("eventfd read=%zd\n", read(efd, &v, 8));
    printf("toggle on=%d enabled=%d\n", io_uring_cq_eventfd_toggle(&r, true),
           io_uring_cq_eventfd_enabled(&r));
    printf("unregister=%d again=%d\n", io_uring_unregister_eventfd(&r),
           io_uring_unregister_eventfd(&r));
    printf("register_async=%d\n", io_uring_register_eventfd_async(&r, efd));
    printf("unregister=%d\n", io_uring_unregister_eventfd(&r));
    io_uring_queue_exit(&r);
    close(efd);
    return 0;
}
