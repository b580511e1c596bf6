/* tests/fuzz_ring.c -- libFuzzer target (clang, ASan + UBSan) for the ring
 * core (core/hr_ring.h, core/hr_bufring.h) against a hostile fake kernel.
 *
 * The input is a byte stream: a header picks the geometry (SQ ring of 1..16
 * entries, CQ ring of 1..32), the flags (NO_SQARRAY, SQE128, CQE32,
 * SQPOLL) and the starting counters (any u32: the wrap is always near);
 * then each byte is an operation of the application (get/flush/submit/
 * peek/copy/advance/wait/buffer ring) or of the kernel, which may write ANY
 * value into any word it owns (SQ head, SQ flags, CQ tail, CQ overflow,
 * CQEs) -- also during io_uring_enter, whose return value it picks too.
 * Every ring region is its own heap block of the exact size, so ASan sees
 * any access outside it.  Oracles (abort = a finding):
 *   - an SQE pointer is inside the SQE array, on an SQE boundary;
 *   - no slot is handed out twice before a flush publishes it;
 *   - a flush publishes exactly the SQEs handed out: the SQ tail moves by
 *     that count, array[] maps those slots to themselves;
 *   - to_submit never exceeds the ring; the SQ tail word is never changed
 *     by anything but a flush; the CQ head word only by a release of CQEs;
 *   - a copy never returns more than asked, than ready, or than entries,
 *     writes nothing past what it returns (guard CQEs after the output),
 *     copies the CQEs of the ring in order, and moves the head by exactly
 *     what it returned; -EIO exactly when tail - head > entries;
 *   - a peeked CQE is the slot of our head;
 *   - a buffer-ring entry written is inside the ring, the tail moves by
 *     exactly the count advanced (mod 2^16).
 * Only io_uring_enter(2) is replaced (by the preprocessor; core/ is not
 * touched).  Build and run: make fuzz (bounded), make suite-fuzz (short).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hr_ring_spec.h"
#include "hr_atomic.h"
#include "hr_sys.h"

static int fz_enter(struct hr_ring *r, uint32_t to_submit, uint32_t min_complete,
                    uint32_t flags, const void *arg, uint64_t argsz);
#define hr__sys_enter fz_enter
#include "hr_ring.h"
#include "hr_bufring.h"
#undef hr__sys_enter

#define CHECK(c) do { if (!(c)) { fprintf(stderr, "fuzz_ring: oracle failed: %s (line %d)\n", #c, __LINE__); abort(); } } while (0)

struct in { const uint8_t *p; size_t n; };
static uint8_t  get8(struct in *s)  { if (!s->n) return 0; s->n--; return *s->p++; }
static uint32_t get32(struct in *s) { uint32_t v = get8(s); v |= (uint32_t)get8(s) << 8; v |= (uint32_t)get8(s) << 16; return v | (uint32_t)get8(s) << 24; }

struct fz {
    struct hr_ring r;
    struct in *in;
    uint32_t *sq_head, *sq_tail, *sq_flags, *cq_head, *cq_tail, *cq_ovf, *array;
    struct hr_sqe *sqes;
    struct hr_cqe *cqes;
    uint32_t sqe_units, cqe_units;
    /* what the application side should see */
    uint32_t published;          /* our last SQ tail store */
    uint32_t pub_expect;         /* the SQ tail an enter must see */
    uint32_t cq_head_word;       /* our last CQ head store */
    uint8_t *handed;             /* slots handed out since the last flush */
    uint32_t n_handed;
    uint32_t enters;
};
static struct fz *g;

static void kernel_write(struct fz *f, uint8_t op)
{
    struct in *s = f->in;
    switch (op % 6) {
    case 0: *f->sq_head = get32(s); break;                         /* anything */
    case 1: *f->sq_head = f->published - (get8(s) % (f->r.sq.entries + 1)); break; /* plausible */
    case 2: *f->sq_flags = get32(s); break;
    case 3: *f->cq_tail = get32(s); break;
    case 4: *f->cq_tail = f->r.cq.head + get8(s) % (f->r.cq.entries + 2); break;  /* plausible, sometimes one too many */
    default: {
        const uint32_t i = get8(s) % f->cqe_units;
        f->cqes[i].user_data = get32(s) | (uint64_t)get32(s) << 32;
        f->cqes[i].res = (int32_t)get32(s);
        f->cqes[i].flags = get32(s);
        break;
    }
    }
}

static int fz_enter(struct hr_ring *r, uint32_t to_submit, uint32_t min_complete,
                    uint32_t flags, const void *arg, uint64_t argsz)
{
    struct fz *f = g;
    (void)r; (void)min_complete; (void)flags; (void)arg; (void)argsz;
    f->enters++;
    CHECK(to_submit <= f->r.sq.entries);
    CHECK(*f->sq_tail == f->pub_expect);            /* published before entering */
    CHECK(*f->cq_head == f->cq_head_word);
    /* the kernel does what it likes to its words meanwhile */
    uint8_t k = get8(f->in);
    while (k & 1) {
        kernel_write(f, k >> 1);
        k = get8(f->in);
    }
    switch (get8(f->in) % 4) {
    case 0:  return (int)to_submit;
    case 1:  return -(int)(get8(f->in) % 128) - 1;     /* an error */
    case 2:  return 0;
    default: return (int)(get32(f->in) & 0x7fffffff);  /* anything it may return */
    }
}

static void *block(size_t n)
{
    void *p = malloc(n ? n : 1);
    memset(p, 0, n ? n : 1);
    return p;
}

static void check_sqe(struct fz *f, const struct hr_sqe *q)
{
    CHECK(q >= f->sqes && q < f->sqes + f->sqe_units);
    const size_t u = (size_t)(q - f->sqes);
    CHECK((u & ((1u << f->r.sq.sqe_shift) - 1)) == 0);
    const uint32_t slot = (uint32_t)(u >> f->r.sq.sqe_shift);
    CHECK(!f->handed[slot]);                        /* not handed out twice */
    f->handed[slot] = 1;
    f->n_handed++;
    CHECK(f->n_handed <= f->r.sq.entries);
    memset((void *)q, 0xab, sizeof *q << f->r.sq.sqe_shift);    /* a prep writes it all */
}

static void after_flush(struct fz *f, uint32_t old, uint32_t n)
{
    CHECK(n == f->n_handed);
    CHECK(*f->sq_tail == old + n);
    f->published = old + n;
    f->pub_expect = f->published;
    if (f->array)
        for (uint32_t i = 0; i < n; i++) {
            const uint32_t sl = (old + i) & f->r.sq.mask;
            CHECK(f->array[sl] == sl);
            CHECK(f->handed[sl]);
        }
    memset(f->handed, 0, f->r.sq.entries);
    f->n_handed = 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct in s = { data, size };
    struct fz f;
    memset(&f, 0, sizeof f);
    f.in = &s;
    g = &f;
    const uint8_t geo = get8(&s), fl = get8(&s);
    const uint32_t sq_shift = (geo & 7u) > 4 ? 4 : (geo & 7u);
    const uint32_t cq_shift = ((geo >> 3) & 7u) > 5 ? 5 : ((geo >> 3) & 7u);
    const uint32_t sqe = 1u << sq_shift, cqe = 1u << cq_shift;
    uint32_t flags = 0;
    if (fl & 1) flags |= IORING_SETUP_NO_SQARRAY;
    if (fl & 2) flags |= IORING_SETUP_SQE128;
    if (fl & 4) flags |= IORING_SETUP_CQE32;
    if (fl & 8) flags |= IORING_SETUP_SQPOLL;
    const uint32_t start_sq = get32(&s), start_cq = get32(&s);

    struct hr_ring *r = &f.r;
    f.sq_head = block(4); f.sq_tail = block(4); f.sq_flags = block(4);
    f.cq_head = block(4); f.cq_tail = block(4); f.cq_ovf = block(4);
    f.array = (flags & IORING_SETUP_NO_SQARRAY) ? 0 : block(sqe * 4);
    const uint32_t ss = (flags & IORING_SETUP_SQE128) ? 1 : 0, cs = (flags & IORING_SETUP_CQE32) ? 1 : 0;
    f.sqe_units = sqe << ss;
    f.cqe_units = cqe << cs;
    f.sqes = block(f.sqe_units * sizeof(struct hr_sqe));
    f.cqes = block(f.cqe_units * sizeof(struct hr_cqe));
    f.handed = block(sqe);
    *f.sq_head = *f.sq_tail = start_sq;
    *f.cq_head = *f.cq_tail = start_cq;
    r->sq.khead = f.sq_head; r->sq.ktail = f.sq_tail; r->sq.kflags = f.sq_flags;
    r->sq.array = f.array; r->sq.sqes = f.sqes;
    r->sq.entries = sqe; r->sq.mask = sqe - 1; r->sq.shift = sq_shift;
    r->sq.sqe_shift = ss; r->sq.sqe_units = f.sqe_units;
    r->sq.sqe_head = r->sq.sqe_tail = r->sq.sqe_limit = start_sq;
    r->cq.khead = f.cq_head; r->cq.ktail = f.cq_tail; r->cq.koverflow = f.cq_ovf;
    r->cq.cqes = f.cqes; r->cq.entries = cqe; r->cq.mask = cqe - 1; r->cq.shift = cq_shift;
    r->cq.cqe_shift = cs; r->cq.cqe_units = f.cqe_units;
    r->cq.head = start_cq;
    r->flags = flags;
    r->ring_fd = r->enter_fd = -1;
    f.published = f.pub_expect = start_sq;
    f.cq_head_word = start_cq;

    /* a buffer ring of 1..16 entries */
    const uint32_t bents = 1u << (get8(&s) % 5);
    struct hr_buf *bmem = block(bents * sizeof(struct hr_buf));
    struct hr_buf_ring_state bst;
    CHECK(hr_buf_ring_init(&bst, bmem, bents) == 0);
    uint16_t btail = 0;

    unsigned steps = 0;
    while (s.n && steps++ < 4096) {
        const uint8_t op = get8(&s);
        CHECK(*f.sq_tail == f.published);
        CHECK(*f.cq_head == f.cq_head_word);
        switch (op % 12) {
        case 0: case 1: {                              /* hr_get_sqe */
            struct hr_sqe *q = hr_get_sqe(r);
            if (q)
                check_sqe(&f, q);
            break;
        }
        case 2: {                                      /* hr_flush_sq */
            const uint32_t old = f.published;
            after_flush(&f, old, hr_flush_sq(r));
            break;
        }
        case 3: {                                      /* hr_submit / submit_and_wait */
            const uint32_t old = f.published, n = f.n_handed;
            const uint32_t head0 = r->cq.head;
            f.pub_expect = old + n;                     /* submit flushes first */
            const int ret = (op & 16) ? hr_submit_and_wait(r, get8(&s) % 3) : hr_submit(r);
            (void)ret;
            CHECK(*f.sq_tail == old + n);
            after_flush(&f, old, n);
            CHECK(r->cq.head == head0);                 /* submit releases no CQE */
            break;
        }
        case 4: case 5:                                 /* the kernel writes its words */
            kernel_write(&f, get8(&s));
            break;
        case 6: {                                       /* hr_copy_cqes(_ready) */
            const uint32_t n = get8(&s) % (cqe + 3);
            const uint32_t units = n << cs;
            struct hr_cqe *out = block((units + 2) * sizeof(struct hr_cqe));
            memset(out, 0x5a, (units + 2) * sizeof(struct hr_cqe));
            const uint32_t head = r->cq.head;
            const int wait = (op & 16) ? get8(&s) % 3 : 0;
            const int ret = wait ? hr_copy_cqes(r, out, n, (uint32_t)wait) : hr_copy_cqes_ready(r, out, n);
            const uint32_t ready = *f.cq_tail - head;   /* tail as the copy saw it, if no enter */
            if (ret >= 0) {
                CHECK((uint32_t)ret <= n && (uint32_t)ret <= cqe);
                if (!wait)
                    CHECK((uint32_t)ret <= ready && (uint32_t)ret == (ready < n ? ready : n));
                CHECK(r->cq.head == head + (uint32_t)ret);
                CHECK(*f.cq_head == r->cq.head);
                f.cq_head_word = r->cq.head;
                for (uint32_t i = 0; i < ((uint32_t)ret << cs); i++) {
                    const struct hr_cqe *src = f.cqes + ((((head + (i >> cs)) & r->cq.mask) << cs) + (i & cs));
                    CHECK(out[i].user_data == src->user_data && out[i].res == src->res &&
                          out[i].flags == src->flags);
                }
                const uint8_t *b = (const uint8_t *)(out + ((uint32_t)ret << cs));
                for (size_t i = 0; i < ((units + 2) - ((uint32_t)ret << cs)) * sizeof(struct hr_cqe); i++)
                    CHECK(b[i] == 0x5a);                /* nothing written past the result */
            } else {
                CHECK(r->cq.head == head);
                if (!wait)
                    CHECK(ret == -HR_EIO && ready > cqe);
                else
                    CHECK(ret == -HR_EIO || f.enters);  /* -EIO, or the enter's error */
            }
            free(out);
            break;
        }
        case 7: {                                       /* hr_peek_cqe + hr_cqe_seen */
            struct hr_cqe *c = (struct hr_cqe *)1;
            const uint32_t head = r->cq.head, ready = *f.cq_tail - head;
            const int ret = hr_peek_cqe(r, &c);
            if (ret == 0) {
                CHECK(ready >= 1 && ready <= cqe);
                CHECK(c == f.cqes + ((head & r->cq.mask) << cs));
                if (op & 16) {
                    hr_cqe_seen(r, c);
                    CHECK(r->cq.head == head + 1 && *f.cq_head == head + 1);
                    f.cq_head_word = head + 1;
                }
            } else {
                CHECK(c == 0);
                CHECK(ret == (ready > cqe ? -HR_EIO : -HR_EAGAIN));
                CHECK(ready == 0 || ready > cqe);
            }
            break;
        }
        case 8: {                                       /* hr_cq_ready + hr_cq_advance */
            const uint32_t ready = hr_cq_ready(r);
            if (ready <= cqe && ready) {
                const uint32_t n = 1 + get8(&s) % ready;
                const uint32_t head = r->cq.head;
                hr_cq_advance(r, n);
                CHECK(r->cq.head == head + n && *f.cq_head == head + n);
                f.cq_head_word = head + n;
            }
            break;
        }
        case 9: {                                       /* hr_wait_cqe_nr */
            struct hr_cqe *c = (struct hr_cqe *)1;
            const uint32_t head = r->cq.head;
            const int ret = hr_wait_cqe_nr(r, &c, get8(&s) % 2);
            CHECK(r->cq.head == head);                  /* zero-copy: nothing released */
            if (ret == 0)
                CHECK(c == f.cqes + ((head & r->cq.mask) << cs));
            else
                CHECK(c == 0);
            break;
        }
        case 10: {                                      /* space left / ready */
            const uint32_t left = hr_sq_space_left(r);
            CHECK(left <= sqe);
            (void)hr_cq_ring_needs_flush(r);
            break;
        }
        default: {                                      /* buffer ring: add k, advance k */
            const uint16_t k = (uint16_t)(1 + get8(&s) % bents);
            for (uint16_t i = 0; i < k; i++)
                hr_buf_ring_add(&bst, (void *)(uintptr_t)(0x1000 + i), 64, i, i);
            const uint16_t before = bst.bufs[0].resv;
            hr_buf_ring_advance(&bst, k);
            btail = (uint16_t)(btail + k);
            CHECK(bst.bufs[0].resv == btail && (uint16_t)(bst.bufs[0].resv - before) == k);
            CHECK(bst.tail == btail);
            break;
        }
        }
    }
    free(f.sq_head); free(f.sq_tail); free(f.sq_flags); free(f.cq_head); free(f.cq_tail);
    free(f.cq_ovf); free(f.array); free(f.sqes); free(f.cqes); free(f.handed); free(bmem);
    return 0;
}
