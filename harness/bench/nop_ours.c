/* nop_ours.c -- NOP throughput through hringas-c.
 *   nop_ours copy B N   get_sqe + prep_nop, submit_and_wait(B), hr_copy_cqes
 *   nop_ours peek B N   same submit; reap with hr_peek_cqe + hr_cqe_seen
 *   nop_ours inplace B N  same submit; reap in place: hr_cq_batch (the ready
 *                       run, no copy) + hr_cq_advance (`nop-inplace` lines)
 * Every CQE's res must be 0 and the user_data (sequence numbers) must sum to
 * N(N-1)/2; otherwise exit 2. */
#include "hringas.h"
#include "bench.h"

#define MAXB 4096

static struct hr_cqe cqes[MAXB];

/* One call site per library function, as in a real program: gcc then
 * inlines hr_submit_and_wait into the loop, so the `syscall` sits in the
 * loop itself like in the raw loop.
 * Built with -DHR_BENCH_TWO_SUBMIT_SITES (binary nop_ours2, variant
 * "ours-copy-2sites"), the same loop calls hr_submit_and_wait from two
 * places; gcc -O2 then outlines it, and the `syscall` inside a called
 * function costs a mispredicted return per call on this VM (return-stack
 * mitigations).  run.sh reports both, and whether it was outlined. */
#define SUBMIT(r, b)                                              \
    do {                                                          \
        const int ret_ = hr_submit_and_wait((r), (b));            \
        if (ret_ != (int)(b))                                     \
            bench_die("hr_submit_and_wait", ret_);                \
    } while (0)

enum { COPY, PEEK, INPLACE };

static uint64_t run(struct hr_ring *r, uint32_t batch, uint64_t n, int mode)
{
    uint64_t seq = 0, sum = 0;
    while (seq < n) {
        const uint32_t b = n - seq < batch ? (uint32_t)(n - seq) : batch;
        for (uint32_t i = 0; i < b; i++) {
            struct hr_sqe *sqe = hr_get_sqe(r);
            if (!sqe)
                bench_die("hr_get_sqe: ring full", (long)i);
            hr_prep_nop(sqe);
            hr_sqe_set_data64(sqe, seq + i);
        }
#ifndef HR_BENCH_TWO_SUBMIT_SITES
        SUBMIT(r, b);
#endif
        if (mode == INPLACE) {
#ifdef HR_BENCH_TWO_SUBMIT_SITES
            SUBMIT(r, b);
#endif
            /* hr_cq_batch: pointers into the ring, one release store */
            uint32_t got = 0;
            while (got < b) {
                struct hr_cqe *first;
                const uint32_t k = hr_cq_batch(r, &first, b - got);
                if (k == 0) {
                    const int e = hr_wait_cqe(r, &first);
                    if (e != 0)
                        bench_die("hr_wait_cqe", e);
                    continue;
                }
                for (uint32_t j = 0; j < k; j++) {
                    if (first[j].res != 0)
                        bench_die("NOP cqe res", first[j].res);
                    sum += first[j].user_data;
                }
                hr_cq_advance(r, k);
                got += k;
            }
        } else if (mode == PEEK) {
#ifdef HR_BENCH_TWO_SUBMIT_SITES
            SUBMIT(r, b);
#endif
            /* hr_peek_cqe + hr_cqe_seen, one CQE at a time */
            for (uint32_t got = 0; got < b; got++) {
                struct hr_cqe *cqe;
                int e = hr_peek_cqe(r, &cqe);
                if (e == -HR_EAGAIN)
                    e = hr_wait_cqe_nr(r, &cqe, 1);
                if (e != 0)
                    bench_die("hr_peek_cqe", e);
                if (cqe->res != 0)
                    bench_die("NOP cqe res", cqe->res);
                sum += cqe->user_data;
                hr_cqe_seen(r, cqe);
            }
        } else {
            /* hr_copy_cqes: batch copy, one release store of the CQ head */
#ifdef HR_BENCH_TWO_SUBMIT_SITES
            SUBMIT(r, b);
#endif
            uint32_t got = 0;
            while (got < b) {
                const int k = hr_copy_cqes(r, cqes, batch, 1);
                if (k <= 0)
                    bench_die("hr_copy_cqes", k);
                for (int j = 0; j < k; j++) {
                    if (cqes[j].res != 0)
                        bench_die("NOP cqe res", cqes[j].res);
                    sum += cqes[j].user_data;
                }
                got += (uint32_t)k;
            }
            if (got != b)
                bench_die("reaped more CQEs than submitted", (long)got);
        }
        seq += b;
    }
    return sum;
}

int main(int argc, char **argv)
{
    if (argc != 4)
        bench_die("usage: nop_ours copy|peek|inplace BATCH N", argc);
    const int mode = strcmp(argv[1], "peek") == 0 ? PEEK :
                     strcmp(argv[1], "inplace") == 0 ? INPLACE : COPY;
    if (mode == COPY && strcmp(argv[1], "copy") != 0)
        bench_die("variant must be copy, peek or inplace", 0);
    const uint32_t batch = (uint32_t)bench_arg(argc, argv, 2, "batch");
    const uint64_t n = bench_arg(argc, argv, 3, "N");
    if (batch > MAXB)
        bench_die("batch too large", (long)batch);

    struct hr_ring r;
    int ret = hr_ring_init(&r, batch, 0);
    if (ret < 0)
        bench_die("hr_ring_init", ret);

    const struct bench_t t0 = now_ns();
    const uint64_t sum = run(&r, batch, n, mode);
    const struct bench_t t1 = now_ns();
    if (sum != seq_sum(n))
        bench_die("user_data sum mismatch", (long)(sum - seq_sum(n)));
    hr_ring_exit(&r);
#ifdef HR_BENCH_TWO_SUBMIT_SITES
    bench_report(mode == PEEK ? "ours-peek-2sites" : mode == INPLACE ? "ours-inplace-2sites" :
                 "ours-copy-2sites", batch, n, t0, t1);
#else
    bench_report(mode == PEEK ? "ours-peek" : mode == INPLACE ? "ours-inplace" : "ours-copy",
                 batch, n, t0, t1);
#endif
    return 0;
}
