/* tests/sim_bufring.c -- the shared tail of a provided-buffer ring
 * (core/hr_bufring.h) seen through a hook on hr_store_release16, as
 * sim.h does for the ring words: every tail the kernel may read is
 * published by a release store, and at that store every entry it covers is
 * already written (the ordering oracle; mutant bufring-tail-plain of
 * tests/mutate).  No kernel. */
#include "sim.h"

#include <string.h>

static struct {
    unsigned n;                 /* release stores of a u16 */
    uint16_t *p;                /* the last one: where, what */
    uint16_t v;
    unsigned stale;             /* entries not written at the release */
    struct hr_buf *bufs;        /* the ring under test */
    uint32_t mask;
    uint16_t published;         /* the tail before the store */
} bk;

static void bk_store_release16(uint16_t *p, uint16_t v)
{
    bk.n++;
    bk.p = p;
    bk.v = v;
    if (bk.bufs && p == &bk.bufs[0].resv)
        for (uint16_t t = bk.published; t != v; t++) {
            const struct hr_buf *b = &bk.bufs[t & bk.mask];
            if (b->len != 100u + t || b->bid != (uint16_t)(t & 0x7fff) ||
                b->addr != 0x10000u + t)
                bk.stale++;
        }
    __atomic_store_n(p, v, __ATOMIC_RELEASE);
    if (bk.bufs && p == &bk.bufs[0].resv)
        bk.published = v;
}

#define hr_store_release16 bk_store_release16
#include "hr_bufring.h"
#undef hr_store_release16

TEST(bufring_tail_release)
{
    static struct hr_buf mem[16];
    struct hr_buf_ring_state st;
    memset(&bk, 0, sizeof bk);
    memset(mem, 0xee, sizeof mem);
    CHECK_EQ(hr_buf_ring_init(&st, mem, 16), 0);
    CHECK_EQ(bk.n, 1);                                  /* the tail reset */
    CHECK(bk.p == &mem[0].resv && bk.v == 0);
    bk.bufs = mem;
    bk.mask = 15;
    uint16_t t = 0;
    /* 80000 buffers in batches of 1..7: across the u16 wrap of the tail */
    for (unsigned round = 0; round < 20000; round++) {
        const uint16_t k = (uint16_t)(round % 7 + 1);
        for (uint16_t o = 0; o < k; o++) {
            const uint16_t c = (uint16_t)(t + o);
            hr_buf_ring_add(&st, (void *)(uintptr_t)(0x10000u + c), 100u + c,
                            (uint16_t)(c & 0x7fff), o);
        }
        const unsigned n0 = bk.n;
        hr_buf_ring_advance(&st, k);
        t = (uint16_t)(t + k);
        CHECK_EQ(bk.n, n0 + 1);                         /* one release store */
        CHECK(bk.p == &mem[0].resv);
        CHECK_EQ(bk.v, t);
        CHECK_EQ(st.tail, t);
    }
    CHECK_EQ(bk.stale, 0);
}
