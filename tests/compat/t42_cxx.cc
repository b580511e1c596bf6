// C++ program against liburing's API (the header must compile as C++17):
// NOPs through for_each_cqe with an iterator not named head, a timed wait,
// prep helpers taking pointers.
#include <liburing.h>
#include <cstdio>
#include <cstring>

int main()
{
    struct io_uring r;
    if (io_uring_queue_init(8, &r, 0) != 0)
        return 1;
    for (int i = 0; i < 4; i++) {
        struct io_uring_sqe *s = io_uring_get_sqe(&r);
        io_uring_prep_nop(s);
        io_uring_sqe_set_data64(s, 100 + i);
    }
    std::printf("submit_and_wait=%d\n", io_uring_submit_and_wait(&r, 4));
    unsigned it, n = 0;
    struct io_uring_cqe *c;
    io_uring_for_each_cqe(&r, it, c) {
        std::printf("ud=%llu res=%d\n", (unsigned long long)io_uring_cqe_get_data64(c), c->res);
        n++;
    }
    io_uring_cq_advance(&r, n);
    struct __kernel_timespec ts;
    ts.tv_sec = 0;
    ts.tv_nsec = 1000000;
    std::printf("wait_cqe_timeout(empty)=%d\n", io_uring_wait_cqe_timeout(&r, &c, &ts));
    char buf[8];
    struct io_uring_sqe *s = io_uring_get_sqe(&r);
    io_uring_prep_read(s, -1, buf, sizeof(buf), 0);
    s->user_data = 7;
    io_uring_submit(&r);
    if (io_uring_wait_cqe(&r, &c) != 0)
        return 1;
    std::printf("read(-1): ud=%llu res=%d\n", (unsigned long long)c->user_data, c->res);
    io_uring_cqe_seen(&r, c);
    io_uring_queue_exit(&r);
    return 0;
}
