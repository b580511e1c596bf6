/* (liburing.h's feature macros, compat only) built with -std=c11, no
 * _GNU_SOURCE (tests/compat/compat.mk): liburing.h, included first, must
 * itself ask libc for sigset_t and cpu_set_t, as liburing's header does, so
 * that a strict-ISO program compiles and uses the signal-mask and CPU-set
 * functions.  No ct.h: it defines _GNU_SOURCE. */
#include <liburing.h>
#include <stdio.h>
#include <string.h>

#if defined(__STRICT_ANSI__) && !defined(_GNU_SOURCE)
#error "liburing.h did not define _GNU_SOURCE"
#endif

#define CHECK(c) do { if (!(c)) { printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #c); \
        return 1; } } while (0)

int main(void)
{
    struct io_uring ring;
    struct io_uring_sqe *sqe;
    struct io_uring_cqe *cqe;
    struct __kernel_timespec ts = { .tv_sec = 1, .tv_nsec = 0 };
    sigset_t mask;
    cpu_set_t cpus;

    CHECK(io_uring_queue_init(4, &ring, 0) == 0);
    CHECK(sigemptyset(&mask) == 0);
    sqe = io_uring_get_sqe(&ring);
    CHECK(sqe != NULL);
    io_uring_prep_nop(sqe);
    io_uring_sqe_set_data64(sqe, 7);
    CHECK(io_uring_submit(&ring) == 1);
    CHECK(io_uring_wait_cqes(&ring, &cqe, 1, &ts, &mask) == 0);
    CHECK(cqe->user_data == 7 && cqe->res == 0);
    io_uring_cqe_seen(&ring, cqe);

    CPU_ZERO(&cpus);
    CPU_SET(0, &cpus);
    CHECK(io_uring_register_iowq_aff(&ring, sizeof cpus, &cpus) == 0);
    CHECK(io_uring_unregister_iowq_aff(&ring) == 0);
    io_uring_queue_exit(&ring);
    printf("ok\n");
    return 0;
}
