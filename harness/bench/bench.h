/* bench.h -- shared scaffolding for the hosted bench programs (harness/bench).
 * Timing, argument parsing, result lines, the fixed-seed offset generator and
 * the file layout of the read bench.  Everything here runs outside the timed
 * loops except now_ns() and the checks, which every variant does alike. */
#ifndef HR_BENCH_H
#define HR_BENCH_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define BENCH_BLOCK 4096u

static void bench_die(const char *what, long v) __attribute__((noreturn, unused));
static void bench_die(const char *what, long v)
{
    fprintf(stderr, "bench: FAILED: %s (%ld)\n", what, v);
    exit(2);
}

/* Two clocks around each timed loop: wall time, and the CPU time of the
 * whole process (every thread, io-wq workers included).  On a machine where
 * other work shares our CPU, wall time measures the scheduler's share as
 * much as the code; CPU time does not.  On an idle machine the two agree
 * (every loop here runs on-CPU: NOPs and page-cache reads complete inline). */
struct bench_t {
    uint64_t wall, cpu;
};

static inline uint64_t bench_clock_ns(clockid_t c)
{
    struct timespec ts;
    clock_gettime(c, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static inline struct bench_t now_ns(void)
{
    struct bench_t t;
    t.cpu  = bench_clock_ns(CLOCK_PROCESS_CPUTIME_ID);
    t.wall = bench_clock_ns(CLOCK_MONOTONIC);
    return t;
}

static inline unsigned long bench_arg(int argc, char **argv, int i, const char *name)
{
    char *end;
    unsigned long v;
    if (i >= argc)
        bench_die(name, i);
    v = strtoul(argv[i], &end, 0);
    if (*end || v == 0)
        bench_die(name, (long)v);
    return v;
}

/* One machine-readable line per run:
 *   RESULT name batch n cpu_ns ops_per_cpu_s wall_ns ops_per_wall_s */
static inline void bench_report(const char *name, unsigned long batch, unsigned long n,
                                struct bench_t t0, struct bench_t t1)
{
    const double cpu = (double)(t1.cpu - t0.cpu), wall = (double)(t1.wall - t0.wall);
    printf("RESULT %s %lu %lu %.0f %.0f %.0f %.0f\n", name, batch, n,
           cpu, cpu > 0 ? n * 1e9 / cpu : 0.0, wall, wall > 0 ? n * 1e9 / wall : 0.0);
}

/* Sum of user_data 0 .. n-1: every variant must reap exactly these. */
static inline uint64_t seq_sum(uint64_t n)
{
    return n * (n - 1) / 2;
}

/* ---- read bench ---------------------------------------------------------- */

/* splitmix64, fixed seed: all variants read the same block sequence. */
static inline uint64_t bench_rng(uint64_t *s)
{
    uint64_t z = (*s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

#define BENCH_SEED 0x6872696e67617321ull      /* "hringas!" */

/* Block numbers of the n reads, from the fixed seed; blocks = file size / 4 KiB. */
static inline uint64_t *bench_offsets(uint64_t n, uint64_t blocks)
{
    uint64_t *o = malloc(n * sizeof *o), s = BENCH_SEED, i;
    if (!o)
        bench_die("malloc", 0);
    for (i = 0; i < n; i++)
        o[i] = bench_rng(&s) % blocks;
    return o;
}

/* Every 4 KiB block of the file starts with its own block number (and a
 * magic), so a read that returns the wrong block, or nothing, is caught. */
#define BENCH_MAGIC 0x6b636f6c62726821ull
static inline void bench_check_block(const void *buf, uint64_t block)
{
    const uint64_t *w = buf;
    if (w[0] != block || w[1] != BENCH_MAGIC)
        bench_die("read returned the wrong block", (long)block);
}

#endif
