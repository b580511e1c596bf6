/* nop_uring.c -- NOP throughput through liburing (Debian liburing-dev).
 *   nop_uring batch B N   io_uring_get_sqe + io_uring_prep_nop,
 *                         io_uring_submit_and_wait(B),
 *                         io_uring_peek_batch_cqe + io_uring_cq_advance
 * Same checks as nop_ours: res == 0 everywhere, user_data sums to N(N-1)/2. */
#include <liburing.h>
#include "bench.h"

#define MAXB 4096

static struct io_uring_cqe *cqes[MAXB];

int main(int argc, char **argv)
{
    if (argc != 4)
        bench_die("usage: nop_uring batch BATCH N", argc);
    const unsigned batch = (unsigned)bench_arg(argc, argv, 2, "batch");
    const uint64_t n = bench_arg(argc, argv, 3, "N");
    if (batch > MAXB)
        bench_die("batch too large", (long)batch);

    struct io_uring ring;
    int ret = io_uring_queue_init(batch, &ring, 0);
    if (ret < 0)
        bench_die("io_uring_queue_init", ret);

    uint64_t seq = 0, sum = 0;
    const struct bench_t t0 = now_ns();
    while (seq < n) {
        const unsigned b = n - seq < batch ? (unsigned)(n - seq) : batch;
        for (unsigned i = 0; i < b; i++) {
            struct io_uring_sqe *sqe = io_uring_get_sqe(&ring);
            if (!sqe)
                bench_die("io_uring_get_sqe: ring full", (long)i);
            io_uring_prep_nop(sqe);
            io_uring_sqe_set_data64(sqe, seq + i);
        }
        ret = io_uring_submit_and_wait(&ring, b);
        if (ret != (int)b)
            bench_die("io_uring_submit_and_wait", ret);
        unsigned got = 0;
        while (got < b) {
            unsigned k = io_uring_peek_batch_cqe(&ring, cqes, batch);
            if (k == 0) {
                struct io_uring_cqe *c;
                ret = io_uring_wait_cqe(&ring, &c);
                if (ret < 0)
                    bench_die("io_uring_wait_cqe", ret);
                continue;
            }
            for (unsigned j = 0; j < k; j++) {
                if (cqes[j]->res != 0)
                    bench_die("NOP cqe res", cqes[j]->res);
                sum += cqes[j]->user_data;
            }
            io_uring_cq_advance(&ring, k);
            got += k;
        }
        if (got != b)
            bench_die("reaped more CQEs than submitted", (long)got);
        seq += b;
    }
    const struct bench_t t1 = now_ns();
    if (sum != seq_sum(n))
        bench_die("user_data sum mismatch", (long)(sum - seq_sum(n)));
    io_uring_queue_exit(&ring);
    bench_report("liburing", batch, n, t0, t1);
    return 0;
}
