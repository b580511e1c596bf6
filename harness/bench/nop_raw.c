/* nop_raw.c -- the floor: NOPs through io_uring with no library at all.
 * Its own io_uring_setup (IORING_SETUP_NO_SQARRAY when the kernel has it),
 * its own mmap of the rings, `syscall` inlined into the loop; no checks the
 * protocol does not need (every batch is fully reaped, so the SQ cannot be
 * full and the CQ cannot overflow).  It does write every SQE field, like a
 * prep helper, and checks every CQE exactly as the other variants do.
 *   nop_raw batch B N
 * libc is used only outside the timed loop (printf, clock_gettime, exit). */
#include <linux/io_uring.h>
#include "bench.h"

#ifndef IORING_SETUP_NO_SQARRAY
#define IORING_SETUP_NO_SQARRAY (1U << 16)
#endif
#ifndef IORING_FEAT_SINGLE_MMAP
#define IORING_FEAT_SINGLE_MMAP (1U << 0)
#endif

static inline long sc6(long n, long a, long b, long c, long d, long e, long f)
{
    long ret;
    register long r10 __asm__("r10") = d;
    register long r8 __asm__("r8") = e;
    register long r9 __asm__("r9") = f;
    __asm__ volatile("syscall"
                     : "=a"(ret)
                     : "a"(n), "D"(a), "S"(b), "d"(c), "r"(r10), "r"(r8), "r"(r9)
                     : "rcx", "r11", "memory");
    return ret;
}

#define NR_mmap 9
#define NR_io_uring_setup 425
#define NR_io_uring_enter 426

struct raw {
    unsigned *sq_tail, *sq_array, *cq_head, *cq_tail;
    struct io_uring_sqe *sqes;
    struct io_uring_cqe *cqes;
    unsigned sq_mask, cq_mask, tail, chead;
    int fd;
};

static void raw_setup(struct raw *q, unsigned entries)
{
    struct io_uring_params p;
    long fd;

    memset(&p, 0, sizeof p);
    p.flags = IORING_SETUP_NO_SQARRAY;
    fd = sc6(NR_io_uring_setup, entries, (long)&p, 0, 0, 0, 0);
    if (fd == -22) {                          /* kernel < 6.6: with the array */
        memset(&p, 0, sizeof p);
        fd = sc6(NR_io_uring_setup, entries, (long)&p, 0, 0, 0, 0);
    }
    if (fd < 0)
        bench_die("io_uring_setup", fd);
    if (!(p.features & IORING_FEAT_SINGLE_MMAP))
        bench_die("kernel without IORING_FEAT_SINGLE_MMAP", 0);

    size_t ring_len = p.cq_off.cqes + p.cq_entries * sizeof(struct io_uring_cqe);
    if (!(p.flags & IORING_SETUP_NO_SQARRAY) &&
        p.sq_off.array + p.sq_entries * sizeof(unsigned) > ring_len)
        ring_len = p.sq_off.array + p.sq_entries * sizeof(unsigned);
    long ring = sc6(NR_mmap, 0, (long)ring_len, 3 /* RW */, 0x8001 /* SHARED|POPULATE */,
                    fd, IORING_OFF_SQ_RING);
    long sqes = sc6(NR_mmap, 0, (long)(p.sq_entries * sizeof(struct io_uring_sqe)), 3,
                    0x8001, fd, IORING_OFF_SQES);
    if (ring < 0 && ring > -4096)
        bench_die("mmap ring", ring);
    if (sqes < 0 && sqes > -4096)
        bench_die("mmap sqes", sqes);

    char *m = (char *)ring;
    q->fd       = (int)fd;
    q->sq_tail  = (unsigned *)(m + p.sq_off.tail);
    q->sq_array = (p.flags & IORING_SETUP_NO_SQARRAY) ? 0 : (unsigned *)(m + p.sq_off.array);
    q->cq_head  = (unsigned *)(m + p.cq_off.head);
    q->cq_tail  = (unsigned *)(m + p.cq_off.tail);
    q->cqes     = (struct io_uring_cqe *)(m + p.cq_off.cqes);
    q->sqes     = (struct io_uring_sqe *)sqes;
    q->sq_mask  = p.sq_entries - 1;
    q->cq_mask  = p.cq_entries - 1;
    q->tail     = *q->sq_tail;
    q->chead    = *q->cq_head;
}

static void fill_nop(struct io_uring_sqe *sqe, uint64_t data)
{
    sqe->opcode      = IORING_OP_NOP;
    sqe->flags       = 0;
    sqe->ioprio      = 0;
    sqe->fd          = -1;
    sqe->off         = 0;
    sqe->addr        = 0;
    sqe->len         = 0;
    sqe->rw_flags    = 0;
    sqe->user_data   = data;
    sqe->buf_index   = 0;
    sqe->personality = 0;
    sqe->file_index  = 0;
    sqe->addr3       = 0;
    sqe->__pad2[0]   = 0;
}

int main(int argc, char **argv)
{
    if (argc != 4)
        bench_die("usage: nop_raw batch BATCH N", argc);
    const unsigned batch = (unsigned)bench_arg(argc, argv, 2, "batch");
    const uint64_t n = bench_arg(argc, argv, 3, "N");
    struct raw q;
    raw_setup(&q, batch);

    uint64_t seq = 0, sum = 0;
    const struct bench_t t0 = now_ns();
    while (seq < n) {
        const unsigned b = n - seq < batch ? (unsigned)(n - seq) : batch;
        unsigned tail = q.tail;
        for (unsigned i = 0; i < b; i++, tail++) {
            const unsigned s = tail & q.sq_mask;
            fill_nop(&q.sqes[s], seq + i);
            if (q.sq_array)
                q.sq_array[s] = s;
        }
        q.tail = tail;
        __atomic_store_n(q.sq_tail, tail, __ATOMIC_RELEASE);
        long ret = sc6(NR_io_uring_enter, q.fd, b, b, IORING_ENTER_GETEVENTS, 0, 0);
        if (ret != (long)b)
            bench_die("io_uring_enter", ret);
        unsigned got = 0;
        while (got < b) {
            const unsigned ct = __atomic_load_n(q.cq_tail, __ATOMIC_ACQUIRE);
            unsigned h = q.chead;
            if (ct == h) {
                ret = sc6(NR_io_uring_enter, q.fd, 0, 1, IORING_ENTER_GETEVENTS, 0, 0);
                if (ret < 0)
                    bench_die("io_uring_enter wait", ret);
                continue;
            }
            for (; h != ct; h++) {
                const struct io_uring_cqe *c = &q.cqes[h & q.cq_mask];
                if (c->res != 0)
                    bench_die("NOP cqe res", c->res);
                sum += c->user_data;
            }
            got += ct - q.chead;
            q.chead = ct;
            __atomic_store_n(q.cq_head, ct, __ATOMIC_RELEASE);
        }
        if (got != b)
            bench_die("reaped more CQEs than submitted", (long)got);
        seq += b;
    }
    const struct bench_t t1 = now_ns();
    if (sum != seq_sum(n))
        bench_die("user_data sum mismatch", (long)(sum - seq_sum(n)));
    bench_report("raw", batch, n, t0, t1);
    return 0;
}
