/* entry-count rounding, clamping and limits of io_uring_queue_init */
#include "ct.h"
int main(void)
{
    static const unsigned e[] = { 1, 2, 3, 5, 7, 100, 1000, 4096, 32768, 0, 32769, 65536 };
    for (unsigned i = 0; i < sizeof(e) / sizeof(e[0]); i++) {
        struct io_uring r;
        int ret = io_uring_queue_init(e[i], &r, 0);
        if (ret) {
            printf("entries %u: %d\n", e[i], ret);
            continue;
        }
        printf("entries %u: sq %u cq %u\n", e[i], r.sq.ring_entries, r.cq.ring_entries);
        io_uring_queue_exit(&r);
    }
    static const unsigned c[] = { 1, 3, 100, 40000, 100000 };
    for (unsigned i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
        struct io_uring r;
        int ret = io_uring_queue_init(c[i], &r, IORING_SETUP_CLAMP);
        if (ret) {
            printf("clamp %u: %d\n", c[i], ret);
            continue;
        }
        printf("clamp %u: sq %u cq %u\n", c[i], r.sq.ring_entries, r.cq.ring_entries);
        io_uring_queue_exit(&r);
    }
    return 0;
}
