/* io_ours.c -- 4 KiB random reads at queue depth QD through hringas-c.
 *   io_ours read QD N FILE
 * Keeps QD reads in flight: hr_submit_and_wait(r, 1), reap everything ready
 * with hr_copy_cqes, refill one read per reaped CQE.  user_data = seq << 8 |
 * buffer slot; every CQE must return 4096 bytes of the right block. */
#include "hringas.h"
#include "bench.h"
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>



#define MAXQD 128

static struct hr_cqe cqes[MAXQD];

int main(int argc, char **argv)
{
    if (argc != 5)
        bench_die("usage: io_ours read QD N FILE", argc);
    const uint32_t qd = (uint32_t)bench_arg(argc, argv, 2, "qd");
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

    struct hr_ring r;
    int ret = hr_ring_init(&r, qd, 0);
    if (ret < 0)
        bench_die("hr_ring_init", ret);

    uint64_t next = 0, done = 0, sum = 0;
    const struct bench_t t0 = now_ns();
    for (uint32_t slot = 0; slot < qd && next < n; slot++, next++) {
        struct hr_sqe *sqe = hr_get_sqe(&r);
        if (!sqe)
            bench_die("hr_get_sqe", (long)slot);
        hr_prep_read(sqe, fd, bufs + (size_t)slot * BENCH_BLOCK, BENCH_BLOCK, blk[next] * BENCH_BLOCK);
        hr_sqe_set_data64(sqe, next << 8 | slot);
    }
    while (done < n) {
        ret = hr_submit_and_wait(&r, 1);
        if (ret < 0)
            bench_die("hr_submit_and_wait", ret);
        const int k = hr_copy_cqes(&r, cqes, qd, 0);
        if (k < 0)
            bench_die("hr_copy_cqes", k);
        for (int j = 0; j < k; j++) {
            const uint64_t seq = cqes[j].user_data >> 8;
            const uint32_t slot = (uint32_t)(cqes[j].user_data & 0xff);
            if (cqes[j].res != (int)BENCH_BLOCK || seq >= n || slot >= qd)
                bench_die("read cqe res", cqes[j].res);
            bench_check_block(bufs + (size_t)slot * BENCH_BLOCK, blk[seq]);
            sum += seq;
            done++;
            if (next < n) {
                struct hr_sqe *sqe = hr_get_sqe(&r);
                if (!sqe)
                    bench_die("hr_get_sqe", (long)slot);
                hr_prep_read(sqe, fd, bufs + (size_t)slot * BENCH_BLOCK, BENCH_BLOCK,
                          blk[next] * BENCH_BLOCK);
                hr_sqe_set_data64(sqe, next << 8 | slot);
                next++;
            }
        }
    }
    const struct bench_t t1 = now_ns();
    if (sum != seq_sum(n))
        bench_die("user_data sum mismatch", (long)(sum - seq_sum(n)));
    hr_ring_exit(&r);
    close(fd);
    bench_report("ours", qd, n, t0, t1);
    return 0;
}
