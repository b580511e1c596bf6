/* io_uring.c -- 4 KiB random reads at queue depth QD through liburing.
 *   io_uring read QD N FILE
 * Same loop and checks as io_ours.c: io_uring_submit_and_wait(1),
 * io_uring_peek_batch_cqe + io_uring_cq_advance, one refill per CQE. */
#include <liburing.h>
#include "bench.h"
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

#define MAXQD 128

static struct io_uring_cqe *cqes[MAXQD];

int main(int argc, char **argv)
{
    if (argc != 5)
        bench_die("usage: io_uring read QD N FILE", argc);
    const unsigned qd = (unsigned)bench_arg(argc, argv, 2, "qd");
    const uint64_t n = bench_arg(argc, argv, 3, "N");
    if (qd > MAXQD || (qd & (qd - 1)))
        bench_die("qd must be a power of two <= 128", (long)qd);
    const int fd = open(argv[4], O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || st.st_size < BENCH_BLOCK)
        bench_die("open/stat", fd);
    uint64_t *const blk = bench_offsets(n, (uint64_t)st.st_size / BENCH_BLOCK);
    char *const bufs = aligned_alloc(BENCH_BLOCK, (size_t)qd * BENCH_BLOCK);
    if (!bufs)
        bench_die("aligned_alloc", 0);

    struct io_uring ring;
    int ret = io_uring_queue_init(qd, &ring, 0);
    if (ret < 0)
        bench_die("io_uring_queue_init", ret);

    uint64_t next = 0, done = 0, sum = 0;
    const struct bench_t t0 = now_ns();
    for (unsigned slot = 0; slot < qd && next < n; slot++, next++) {
        struct io_uring_sqe *sqe = io_uring_get_sqe(&ring);
        if (!sqe)
            bench_die("io_uring_get_sqe", (long)slot);
        io_uring_prep_read(sqe, fd, bufs + (size_t)slot * BENCH_BLOCK, BENCH_BLOCK,
                           blk[next] * BENCH_BLOCK);
        io_uring_sqe_set_data64(sqe, next << 8 | slot);
    }
    while (done < n) {
        ret = io_uring_submit_and_wait(&ring, 1);
        if (ret < 0)
            bench_die("io_uring_submit_and_wait", ret);
        const unsigned k = io_uring_peek_batch_cqe(&ring, cqes, qd);
        for (unsigned j = 0; j < k; j++) {
            const uint64_t seq = cqes[j]->user_data >> 8;
            const unsigned slot = (unsigned)(cqes[j]->user_data & 0xff);
            if (cqes[j]->res != (int)BENCH_BLOCK || seq >= n || slot >= qd)
                bench_die("read cqe res", cqes[j]->res);
            bench_check_block(bufs + (size_t)slot * BENCH_BLOCK, blk[seq]);
            sum += seq;
            done++;
            if (next < n) {
                struct io_uring_sqe *sqe = io_uring_get_sqe(&ring);
                if (!sqe)
                    bench_die("io_uring_get_sqe", (long)slot);
                io_uring_prep_read(sqe, fd, bufs + (size_t)slot * BENCH_BLOCK, BENCH_BLOCK,
                                   blk[next] * BENCH_BLOCK);
                io_uring_sqe_set_data64(sqe, next << 8 | slot);
                next++;
            }
        }
        io_uring_cq_advance(&ring, k);
    }
    const struct bench_t t1 = now_ns();
    if (sum != seq_sum(n))
        bench_die("user_data sum mismatch", (long)(sum - seq_sum(n)));
    io_uring_queue_exit(&ring);
    close(fd);
    bench_report("liburing", qd, n, t0, t1);
    return 0;
}
