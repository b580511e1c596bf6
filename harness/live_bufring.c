/* live_bufring.c -- provided-buffer rings (core/hr_bufring.h, core/bufring.c)
 * on the real kernel.
 *
 * The central case recycles 8 buffers through more than 2^16 adds, so the
 * u16 tail wraps (several times), and checks after every read that the
 * kernel took exactly the buffer in slot (head & mask) -- the entry we
 * wrote there -- and that the data landed in that buffer; after every batch,
 * that the kernel left the shared tail alone (K-BUFTAIL).
 *
 * The pipes are O_NONBLOCK, and every record is written before its reads are
 * submitted: each read then completes inline, at submit, in SQE order, and
 * takes the next buffer of the ring.  A blocking pipe is no good here: before
 * pipes had FMODE_NOWAIT (the 6.1 kernel), io_uring cannot try a read of a
 * blocking pipe without blocking, so it punts each one to an io-wq worker
 * (__io_file_supports_nowait: "any ->read/write should understand
 * O_NONBLOCK", else FMODE_NOWAIT), and the workers take buffers and records
 * in their own order, not in SQE order. */
#define _GNU_SOURCE
#include "hringas.h"
#define HR_TEST_IMPLEMENTATION
#include "hr_test.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>

#define SKIP_IF_OLD(ret, what) do { if ((ret) == -EINVAL || (ret) == -EOPNOTSUPP) \
    SKIP_BECAUSE("kernel lacks %s (%s)", what, strerror(-(ret))); } while (0)

#define NBUF  8
#define BSIZE 32
#define BGID  7

static struct hr_ring ring;
static unsigned char data[NBUF][BSIZE];

/* page-aligned, whole pages: what the kernel pins */
static struct hr_buf *ring_mem(size_t entries, size_t *len)
{
    const size_t page = (size_t)sysconf(_SC_PAGESIZE);
    *len = (entries * sizeof(struct hr_buf) + page - 1) & ~(page - 1);
    void *m = mmap(NULL, *len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return m == MAP_FAILED ? NULL : m;
}

/* ---- unit level: add/advance across the u16 wrap, no kernel ------------------------- */

static int t_unit_wrap(void)
{
    static struct hr_buf bufs[8];
    struct hr_buf_ring_state st;
    memset(bufs, 0xee, sizeof bufs);
    CHECK(hr_buf_ring_init(&st, bufs, 8) == 0);
    CHECK(st.entries == 8 && st.mask == 7 && st.tail == 0 && bufs[0].resv == 0);
    CHECK(hr_buf_ring_mask(8) == 7 && hr_buf_ring_mask(1) == 0 && hr_buf_ring_mask(0) == 0);
    st.tail = 65533;                          /* 3 before the wrap */
    bufs[0].resv = 65533;
    for (uint16_t i = 0; i < 8; i++)
        hr_buf_ring_add(&st, (void *)(uintptr_t)(0x1000 + i), 100 + i, (uint16_t)(40 + i), i);
    CHECK(bufs[0].resv == 65533 && st.tail == 65533);   /* add publishes nothing */
    for (uint32_t i = 0; i < 8; i++) {
        const unsigned slot = (65533u + i) % 65536u & 7u;
        CHECKF(bufs[slot].addr == 0x1000 + i && bufs[slot].len == 100 + i &&
               bufs[slot].bid == 40 + i, "offset %u: slot %u holds bid %u", i, slot,
               bufs[slot].bid);
    }
    /* resv of every slot but 0 untouched (0xeeee), slot 0's is the tail */
    for (int i = 1; i < 8; i++)
        CHECK(bufs[i].resv == 0xeeee);
    hr_buf_ring_advance(&st, 8);
    CHECK(st.tail == 5 && bufs[0].resv == 5);            /* 65533 + 8 - 65536 */
    hr_buf_ring_advance(&st, 65535);
    CHECK(st.tail == 4 && bufs[0].resv == 4);
    /* the largest offset wraps too */
    hr_buf_ring_add(&st, (void *)0x42, 1, 9, 65535);     /* slot (4 + 65535) % 65536 & 7 = 3 */
    CHECK(bufs[3].addr == 0x42 && bufs[3].bid == 9);
    /* init refuses what is not a power of two <= 32768 */
    CHECK(hr_buf_ring_init(&st, bufs, 0) == -EINVAL);
    CHECK(hr_buf_ring_init(&st, bufs, 6) == -EINVAL);
    CHECK(hr_buf_ring_init(&st, bufs, 65536) == -EINVAL);
    CHECK(hr_buf_ring_init(&st, NULL, 8) == -EINVAL);
    /* buffer id from CQE flags */
    struct hr_cqe c = { 0, 0, IORING_CQE_F_BUFFER | (0xfffeu << IORING_CQE_BUFFER_SHIFT) };
    CHECK(hr_cqe_buffer_id(&c) == 0xfffe);
    c.flags = IORING_CQE_F_MORE | (5u << IORING_CQE_BUFFER_SHIFT);
    CHECK(hr_cqe_buffer_id(&c) == -ENOENT);
    return HR_PASS;
}

/* ---- live ------------------------------------------------------------------------------ */

/* Read one record of `len` bytes from fd with a buffer from the group. */
static void prep_select_read(struct hr_ring *r, int fd, uint32_t len, uint64_t ud)
{
    struct hr_sqe *s = hr_get_sqe(r);
    hr_prep_read(s, fd, NULL, len, (uint64_t)-1);   /* pipes: current position */
    s->flags = IOSQE_BUFFER_SELECT;
    s->buf_index = BGID;                            /* buf_group */
    s->user_data = ud;
}

struct group {
    struct hr_buf_ring_state st;
    struct hr_buf *mem;
    size_t len;
    uint16_t slot_bid[NBUF];    /* the bid we wrote into each slot */
    uint32_t head;              /* our model of the kernel's head */
    uint32_t adds;
};

static int group_up(struct group *g, uint32_t flags)
{
    memset(g, 0, sizeof *g);
    if (!(flags & IOU_PBUF_RING_MMAP)) {
        g->mem = ring_mem(NBUF, &g->len);
        CHECK(g->mem != NULL);
    }
    int ret = hr_setup_buf_ring(&ring, &g->st, g->mem, NBUF, BGID, flags);
    if (ret)
        return ret;
    CHECK(g->st.entries == NBUF && g->st.tail == 0 && g->st.bgid == BGID);
    for (uint16_t i = 0; i < NBUF; i++) {
        hr_buf_ring_add(&g->st, data[i], BSIZE, i, i);
        g->slot_bid[i] = i;
    }
    CHECK(g->st.bufs[0].resv == 0);                 /* nothing published yet */
    hr_buf_ring_advance(&g->st, NBUF);
    CHECK(g->st.bufs[0].resv == NBUF);
    g->adds = NBUF;
    return 0;
}

static void group_down(struct group *g)
{
    hr_free_buf_ring(&ring, &g->st);
    if (g->mem)
        munmap(g->mem, g->len);
}

/* n reads of one 8-byte record each; record k holds its sequence number.
   Every CQE must carry the bid of slot (head & mask) in issue order. */
static void read_batch(struct group *g, int rfd, int wfd, uint64_t seq0, int n,
                      int bids[NBUF])
{
    uint64_t rec[NBUF] = { 0 };
    for (int i = 0; i < n; i++)
        rec[i] = seq0 + (uint64_t)i;
    CHECK(write(wfd, rec, (size_t)n * 8) == n * 8);
    for (int i = 0; i < n; i++)
        prep_select_read(&ring, rfd, 8, (uint64_t)i);
    CHECK(hr_submit_and_wait(&ring, (uint32_t)n) == n);
    struct hr_cqe c[NBUF];
    CHECK(hr_copy_cqes(&ring, c, (uint32_t)n, 0) == n);
    for (int i = 0; i < n; i++) {
        const int k = (int)c[i].user_data;
        CHECKF(c[i].res == 8, "read %d: res %d", k, c[i].res);
        const int bid = hr_cqe_buffer_id(&c[i]);
        CHECKF(bid >= 0 && bid < NBUF, "read %d: no buffer (flags %x)", k, c[i].flags);
        const uint16_t want = g->slot_bid[(g->head + (uint32_t)k) & (NBUF - 1)];
        CHECKF(bid == want, "read %d at head %u: bid %d, slot holds %u", k, g->head, bid, want);
        uint64_t got;
        memcpy(&got, data[bid], 8);
        CHECKF(got == seq0 + (uint64_t)k, "buffer %d holds %llu, want %llu", bid,
               (unsigned long long)got, (unsigned long long)(seq0 + (uint64_t)k));
        bids[k] = bid;
    }
    /* K-BUFTAIL: the kernel never writes the tail (state.tail mirrors it) */
    CHECKF(g->st.bufs[0].resv == g->st.tail, "K-BUFTAIL: shared tail %u, ours %u",
           g->st.bufs[0].resv, g->st.tail);
    g->head += (uint32_t)n;
}

/* give bids back, in the order given, at the tail */
static void recycle(struct group *g, const int *bids, int n)
{
    for (int i = 0; i < n; i++) {
        const uint16_t bid = (uint16_t)bids[i];
        hr_buf_ring_add(&g->st, data[bid], BSIZE, bid, (uint16_t)i);
        g->slot_bid[(uint16_t)(g->st.tail + i) & (NBUF - 1)] = bid;
    }
    g->adds += (uint32_t)n;
}

static int t_basic(void)
{
    int p[2], bids[NBUF];
    struct group g;
    CHECK(pipe2(p, O_NONBLOCK) == 0);
    CHECK(hr_ring_init(&ring, 16, 0) == 0);
    int ret = group_up(&g, 0);
    SKIP_IF_OLD(ret, "buffer rings (IORING_REGISTER_PBUF_RING)");
    CHECKF(ret == 0, "hr_setup_buf_ring: %s", strerror(-ret));
    /* same group id twice */
    struct group g2;
    CHECK(group_up(&g2, 0) == -EEXIST);
    munmap(g2.mem, g2.len);
    read_batch(&g, p[0], p[1], 1000, 3, bids);
    recycle(&g, bids, 3);
    hr_buf_ring_advance(&g.st, 3);
    CHECK(g.st.bufs[0].resv == 11);
    read_batch(&g, p[0], p[1], 2000, NBUF, bids);
    CHECK(hr_unregister_buf_ring(&ring, BGID) == 0);
    /* gone: unregistering again fails.  -ENOENT; but a kernel from 5.19
       (9cfc7e94e42b) until "io_uring/kbuf: get rid of lower BGID lists"
       (09ab7eff3820, 6.9 and the 6.4+ stable trees; not 6.1) keeps the groups
       below 64 in a fixed array, whose emptied entry is no buffer ring:
       -EINVAL.  Registering the id again must work on every kernel. */
    ret = hr_unregister_buf_ring(&ring, BGID);
    CHECKF(ret == -ENOENT || (ret == -EINVAL && BGID < 64),
           "second unregister: %d (%s)", ret, strerror(-ret));
    CHECK(group_up(&g2, 0) == 0);
    group_down(&g2);
    /* a read from a group that no longer exists */
    CHECK(write(p[1], "12345678", 8) == 8);
    prep_select_read(&ring, p[0], 8, 99);
    struct hr_cqe c;
    CHECK(hr_submit_and_wait(&ring, 1) == 1 && hr_copy_cqes(&ring, &c, 1, 0) == 1);
    CHECKF(c.res == -ENOBUFS, "read without a group: %d", c.res);
    munmap(g.mem, g.len);
    hr_ring_exit(&ring);
    close(p[0]); close(p[1]);
    return HR_PASS;
}

/* All buffers taken and none given back: the next read gets -ENOBUFS;
   one buffer back and it succeeds with that buffer. */
static int t_enobufs(void)
{
    int p[2], bids[NBUF];
    struct group g;
    CHECK(pipe2(p, O_NONBLOCK) == 0);
    CHECK(hr_ring_init(&ring, 16, 0) == 0);
    int ret = group_up(&g, 0);
    SKIP_IF_OLD(ret, "buffer rings (IORING_REGISTER_PBUF_RING)");
    CHECK(ret == 0);
    read_batch(&g, p[0], p[1], 1, NBUF, bids);
    CHECK(write(p[1], "abcdefgh", 8) == 8);
    prep_select_read(&ring, p[0], 8, 42);
    struct hr_cqe c;
    CHECK(hr_submit_and_wait(&ring, 1) == 1 && hr_copy_cqes(&ring, &c, 1, 0) == 1);
    CHECKF(c.res == -ENOBUFS && hr_cqe_buffer_id(&c) == -ENOENT,
           "exhausted group: res %d flags %x", c.res, c.flags);
    const int back = bids[5];
    recycle(&g, &back, 1);
    hr_buf_ring_advance(&g.st, 1);
    prep_select_read(&ring, p[0], 8, 43);
    CHECK(hr_submit_and_wait(&ring, 1) == 1 && hr_copy_cqes(&ring, &c, 1, 0) == 1);
    CHECK(c.res == 8 && hr_cqe_buffer_id(&c) == back);
    CHECK(memcmp(data[back], "abcdefgh", 8) == 0);
    group_down(&g);
    hr_ring_exit(&ring);
    close(p[0]); close(p[1]);
    return HR_PASS;
}

/* > 2^16 adds: the u16 tail wraps twice.  Buffers come back in reverse
   CQE order, batches of varying size, half the time with cq_advance. */
static int t_wrap_live(void)
{
    int p[2], bids[NBUF];
    struct group g;
    CHECK(pipe2(p, O_NONBLOCK) == 0);
    CHECK(hr_ring_init(&ring, 16, 0) == 0);
    int ret = group_up(&g, 0);
    SKIP_IF_OLD(ret, "buffer rings (IORING_REGISTER_PBUF_RING)");
    CHECK(ret == 0);
    uint64_t seq = 0;
    unsigned wraps = 0;
    uint16_t last_tail = g.st.tail;
    for (uint32_t round = 0; g.adds < 140000; round++) {
        const int n = 1 + (int)(round % NBUF);
        read_batch(&g, p[0], p[1], seq, n, bids);
        seq += (uint64_t)n;
        int rev[NBUF];
        for (int i = 0; i < n; i++)
            rev[i] = bids[n - 1 - i];
        recycle(&g, rev, n);
        hr_buf_ring_advance(&g.st, (uint16_t)n);
        CHECK(g.st.bufs[0].resv == g.st.tail);
        CHECK(g.st.tail == (uint16_t)g.adds);
        if (g.st.tail < last_tail)
            wraps++;
        last_tail = g.st.tail;
    }
    CHECKF(wraps >= 2, "tail wrapped %u times", wraps);
    /* cq_advance variant: peek CQEs zero-copy, give buffers back with them */
    for (int round = 0; round < 200; round++) {
        uint64_t rec = seq;
        CHECK(write(p[1], &rec, 8) == 8);
        prep_select_read(&ring, p[0], 8, 1);
        CHECK(hr_submit_and_wait(&ring, 1) == 1);
        struct hr_cqe *c;
        CHECK(hr_peek_cqe(&ring, &c) == 0);
        const int bid = hr_cqe_buffer_id(c);
        CHECK(c->res == 8 && bid == g.slot_bid[g.head & (NBUF - 1)]);
        CHECK(memcmp(data[bid], &rec, 8) == 0);
        g.head++;
        seq++;
        recycle(&g, &bid, 1);
        const uint32_t cq_head = ring.cq.head;
        hr_buf_ring_cq_advance(&ring, &g.st, 1);
        CHECK(ring.cq.head == cq_head + 1 && *ring.cq.khead == ring.cq.head);
        CHECK(g.st.bufs[0].resv == g.st.tail && g.st.tail == (uint16_t)g.adds);
    }
    group_down(&g);
    hr_ring_exit(&ring);
    close(p[0]); close(p[1]);
    return HR_PASS;
}

/* Kernel-allocated ring (IOU_PBUF_RING_MMAP, 6.4+): mapped by us. */
static int t_mmap_ring(void)
{
    int p[2], bids[NBUF];
    struct group g;
    CHECK(pipe2(p, O_NONBLOCK) == 0);
    CHECK(hr_ring_init(&ring, 16, 0) == 0);
    int ret = group_up(&g, IOU_PBUF_RING_MMAP);
    SKIP_IF_OLD(ret, "kernel-allocated buffer rings (IOU_PBUF_RING_MMAP)");
    CHECKF(ret == 0, "hr_setup_buf_ring(MMAP): %s", strerror(-ret));
    CHECK(g.st.map_len == NBUF * sizeof(struct hr_buf));
    for (int round = 0; round < 100; round++) {
        read_batch(&g, p[0], p[1], (uint64_t)round * 10, 5, bids);
        recycle(&g, bids, 5);
        hr_buf_ring_advance(&g.st, 5);
    }
    /* hr_free_buf_ring unmaps the kernel's ring (mutant
       reg-free-buf-ring-no-munmap of tests/mutate) */
    const struct hr_buf *const km = g.st.bufs;
    unsigned char vec;
    CHECK(mincore((void *)km, 1, &vec) == 0);
    CHECK(hr_free_buf_ring(&ring, &g.st) == 0);
    CHECK(g.st.bufs == NULL && g.st.map_len == 0);
    CHECKF(mincore((void *)km, 1, &vec) < 0 && errno == ENOMEM,
           "the kernel-allocated ring is still mapped after hr_free_buf_ring");
    /* mem with MMAP is refused */
    static struct hr_buf_ring_state st;
    CHECK(hr_setup_buf_ring(&ring, &st, data, NBUF, 3, IOU_PBUF_RING_MMAP) == -EINVAL);
    hr_ring_exit(&ring);
    close(p[0]); close(p[1]);
    return HR_PASS;
}

/* Incremental consumption (IOU_PBUF_RING_INC, 6.12+): one 32-byte buffer
   serves several 8-byte reads, each CQE says which part with the same bid
   and IORING_CQE_F_BUF_MORE while the buffer is not used up. */
static int t_inc_ring(void)
{
    int p[2];
    size_t len;
    static struct hr_buf_ring_state st;
    CHECK(pipe2(p, O_NONBLOCK) == 0);
    CHECK(hr_ring_init(&ring, 16, 0) == 0);
    struct hr_buf *m = ring_mem(1, &len);
    CHECK(m != NULL);
    int ret = hr_setup_buf_ring(&ring, &st, m, 1, BGID, IOU_PBUF_RING_INC);
    SKIP_IF_OLD(ret, "incremental buffer rings (IOU_PBUF_RING_INC)");
    CHECK(ret == 0);
    memset(data[3], 0, BSIZE);
    hr_buf_ring_add(&st, data[3], BSIZE, 3, 0);
    hr_buf_ring_advance(&st, 1);
    for (int i = 0; i < 4; i++) {
        uint64_t rec = 0x1111111111111111ull * (uint64_t)(i + 1);
        CHECK(write(p[1], &rec, 8) == 8);
        prep_select_read(&ring, p[0], 8, (uint64_t)i);
        struct hr_cqe c;
        CHECK(hr_submit_and_wait(&ring, 1) == 1 && hr_copy_cqes(&ring, &c, 1, 0) == 1);
        CHECKF(c.res == 8 && hr_cqe_buffer_id(&c) == 3, "read %d: res %d flags %x", i,
               c.res, c.flags);
        CHECKF(!!(c.flags & IORING_CQE_F_BUF_MORE) == (i < 3), "read %d: flags %x", i, c.flags);
        CHECK(memcmp(data[3] + 8 * i, &rec, 8) == 0);
    }
    /* used up: nothing left */
    CHECK(write(p[1], "zzzzzzzz", 8) == 8);
    prep_select_read(&ring, p[0], 8, 9);
    struct hr_cqe c;
    CHECK(hr_submit_and_wait(&ring, 1) == 1 && hr_copy_cqes(&ring, &c, 1, 0) == 1);
    CHECK(c.res == -ENOBUFS);
    CHECK(hr_free_buf_ring(&ring, &st) == 0);
    munmap(m, len);
    hr_ring_exit(&ring);
    close(p[0]); close(p[1]);
    return HR_PASS;
}

static int t_bad_inputs(void)
{
    static struct hr_buf_ring_state st;
    size_t len;
    CHECK(hr_ring_init(&ring, 4, 0) == 0);
    struct hr_buf *m = ring_mem(16, &len);
    CHECK(m != NULL);
    CHECK(hr_setup_buf_ring(&ring, &st, m, 12, 1, 0) == -EINVAL);    /* not 2^k */
    CHECK(hr_setup_buf_ring(&ring, &st, m, 65536, 1, 0) == -EINVAL);
    CHECK(hr_setup_buf_ring(&ring, &st, NULL, 8, 1, 0) == -EINVAL);
    CHECK(hr_setup_buf_ring(&ring, &st, m, 8, 1, 0x80) == -EINVAL);  /* unknown flag */
    CHECK(hr_setup_buf_ring(NULL, &st, m, 8, 1, 0) == -EINVAL);
    CHECK(hr_setup_buf_ring(&ring, NULL, m, 8, 1, 0) == -EINVAL);
    /* not page-aligned: the kernel's -EINVAL, nothing registered */
    int ret = hr_setup_buf_ring(&ring, &st, (char *)m + 16, 8, 1, 0);
    CHECKF(ret == -EINVAL, "misaligned ring: %d", ret);
    CHECK(hr_unregister_buf_ring(&ring, 1) == -ENOENT);      /* never registered */
    CHECK(hr_free_buf_ring(NULL, &st) == -EINVAL);
    munmap(m, len);
    hr_ring_exit(&ring);
    return HR_PASS;
}

/* Multishot read (6.7+) takes its buffers from the group: one armed SQE,
   a CQE per write, each with a buffer and IORING_CQE_F_MORE (mutant
   prep-read-multishot-no-bufsel of tests/mutate). */
static int t_read_multishot(void)
{
    int p[2];
    struct group g;
    union hr_probe probe;
    CHECK(pipe2(p, O_NONBLOCK) == 0);
    CHECK(hr_ring_init(&ring, 16, 0) == 0);
    int ret = hr_get_probe_ring(&ring, &probe);
    CHECKF(ret == 0, "hr_get_probe_ring: %s", strerror(-ret));
    if (!hr_probe_opcode_supported(&probe.hdr, HR_OP_READ_MULTISHOT))
        SKIP_BECAUSE("kernel lacks IORING_OP_READ_MULTISHOT (probe)");
    CHECK(group_up(&g, 0) == 0);
    struct hr_sqe *s = hr_get_sqe(&ring);
    CHECK(s != NULL);
    hr_prep_read_multishot(s, p[0], 0, 0, BGID);
    hr_sqe_set_data64(s, 77);
    CHECK(hr_submit(&ring) == 1);
    for (int i = 0; i < 3; i++) {
        char msg[8];
        snprintf(msg, sizeof msg, "m%d", i);
        CHECK(write(p[1], msg, 2) == 2);
        struct hr_cqe c;
        CHECK(hr_copy_cqes(&ring, &c, 1, 1) == 1);
        CHECKF(c.res == 2, "read multishot CQE %d: res %d (%s)", i, c.res,
               c.res < 0 ? strerror(-c.res) : "");
        CHECK(c.user_data == 77);
        CHECK(c.flags & IORING_CQE_F_MORE);
        const int bid = hr_cqe_buffer_id(&c);
        CHECK(bid >= 0 && bid < NBUF);
        CHECK(memcmp(data[bid], msg, 2) == 0);
    }
    close(p[1]);
    close(p[0]);
    hr_ring_exit(&ring);
    return HR_PASS;
}

int main(int argc, char **argv)
{
    static const struct hr_case cases[] = {
        { "unit: add/advance across the u16 wrap, cqe buffer id", t_unit_wrap },
        { "register, add, advance, select-read, bid from CQE, unregister", t_basic },
        { "exhausted group: -ENOBUFS, one buffer back", t_enobufs },
        { "recycle past the u16 tail wrap (>140000 adds), cq_advance", t_wrap_live },
        { "kernel-allocated ring (IOU_PBUF_RING_MMAP)", t_mmap_ring },
        { "read multishot: buffers from the group, F_MORE", t_read_multishot },
        { "incremental consumption (IOU_PBUF_RING_INC)", t_inc_ring },
        { "bad inputs: -EINVAL, nothing registered", t_bad_inputs },
    };
    static const struct hr_suite suite = { .name = "bufring", .timeout_s = 20 };
    return hr_test_main(&suite, cases, (int)(sizeof cases / sizeof cases[0]), argc, argv);
}
