/* io_pread.c -- the synchronous baseline, and the bench file's maker.
 *   io_pread read 1 N FILE      N 4 KiB preads at the fixed-seed offsets
 *   io_pread mkfile MIB FILE    write MIB MiB of tagged 4 KiB blocks
 *   io_pread warm 1 FILE        read the whole file once (page cache) */
#include "bench.h"
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

static int mkfile(uint64_t mib, const char *path)
{
    const uint64_t blocks = mib * 256, per = 256;     /* 1 MiB per write */
    char *buf = aligned_alloc(BENCH_BLOCK, per * BENCH_BLOCK);
    int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (!buf || fd < 0)
        bench_die("mkfile: open", fd);
    for (uint64_t b = 0; b < blocks; b += per) {
        for (uint64_t i = 0; i < per; i++) {
            uint64_t *w = (uint64_t *)(buf + i * BENCH_BLOCK), s = b + i;
            w[0] = b + i;
            w[1] = BENCH_MAGIC;
            for (unsigned j = 2; j < BENCH_BLOCK / 8; j++)
                w[j] = bench_rng(&s);
        }
        if (write(fd, buf, per * BENCH_BLOCK) != (ssize_t)(per * BENCH_BLOCK))
            bench_die("mkfile: write", (long)b);
    }
    if (close(fd) != 0)
        bench_die("mkfile: close", 0);
    free(buf);
    return 0;
}

static int warm(const char *path)
{
    static char buf[1 << 20];
    int fd = open(path, O_RDONLY);
    uint64_t blocks = 0;
    ssize_t got;
    if (fd < 0)
        bench_die("warm: open", fd);
    while ((got = read(fd, buf, sizeof buf)) > 0) {
        for (ssize_t o = 0; o < got; o += BENCH_BLOCK, blocks++)
            bench_check_block(buf + o, blocks);
    }
    if (got < 0)
        bench_die("warm: read", (long)got);
    close(fd);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "mkfile") == 0)
        return mkfile(bench_arg(argc, argv, 2, "MiB"), argv[3]);
    if (argc == 4 && strcmp(argv[1], "warm") == 0)
        return warm(argv[3]);
    if (argc != 5 || strcmp(argv[1], "read") != 0)
        bench_die("usage: io_pread read 1 N FILE | mkfile MIB FILE | warm 1 FILE", argc);
    const uint64_t n = bench_arg(argc, argv, 3, "N");
    const int fd = open(argv[4], O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0 || st.st_size < BENCH_BLOCK)
        bench_die("open/stat", fd);
    uint64_t *const blk = bench_offsets(n, (uint64_t)st.st_size / BENCH_BLOCK);
    char *const buf = aligned_alloc(BENCH_BLOCK, BENCH_BLOCK);
    if (!buf)
        bench_die("aligned_alloc", 0);

    uint64_t sum = 0;
    const struct bench_t t0 = now_ns();
    for (uint64_t i = 0; i < n; i++) {
        const ssize_t got = pread(fd, buf, BENCH_BLOCK, (off_t)(blk[i] * BENCH_BLOCK));
        if (got != (ssize_t)BENCH_BLOCK)
            bench_die("pread", (long)got);
        bench_check_block(buf, blk[i]);
        sum += i;
    }
    const struct bench_t t1 = now_ns();
    if (sum != seq_sum(n))
        bench_die("sum mismatch", (long)(sum - seq_sum(n)));
    close(fd);
    bench_report("pread", 1, n, t0, t1);
    return 0;
}
