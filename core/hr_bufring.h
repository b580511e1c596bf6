/* hr_bufring.h -- provided-buffer rings, the hot path, static inline.
 * Contracts and struct hr_buf_ring_state: specs/hr_bufring_spec.h.  Proved
 * by WP in proofs unit `bufring`.  Registration (hr_setup_buf_ring,
 * hr_register_buf_ring, ...) is out of line: core/bufring.c, core/register.c.
 *
 * Memory ordering (pairs with io_uring/kbuf.c in the kernel):
 *   We write entries (addr, len, bid) with plain stores, then store the u16
 *   tail (bufs[0].resv) with RELEASE.  The kernel loads the tail with
 *   smp_load_acquire (io_ring_buffer_select, io_ring_buffers_peek) and
 *   only then reads the entries between its head and that tail, so it never
 *   sees an entry before the tail that covers it (liburing#1039).
 *   The kernel never writes the tail; we keep our own copy (state->tail)
 *   and never read the shared word.
 *
 * Typical use (caller-owned, page-aligned memory; see hr_setup_buf_ring):
 *     hr_setup_buf_ring(r, &st, mem, 8, bgid, 0);
 *     for (i = 0; i < 8; i++)
 *         hr_buf_ring_add(&st, buf[i], len, i, i);
 *     hr_buf_ring_advance(&st, 8);
 *     ... SQE with IOSQE_BUFFER_SELECT, buf_group = bgid ...
 *     bid = hr_cqe_buffer_id(cqe);   then give it back:
 *     hr_buf_ring_add(&st, buf[bid], len, bid, 0); hr_buf_ring_advance(&st, 1);
 */
#ifndef HRINGAS_BUFRING_H
#define HRINGAS_BUFRING_H

#include "hr_compiler.h"
HR_BEGIN_DECLS

#include "hr_ring.h"
#include "hr_atomic.h"

#define HR_BUF_RING_MAX_ENTRIES 32768u  /* the kernel takes < 65536 */

/* Caller-owned bookkeeping of one buffer ring (no allocation: put it
 * anywhere).  Fill it with hr_buf_ring_init or hr_setup_buf_ring.
 *   bufs     the shared array; bufs[0].resv is the tail the kernel reads
 *   tail     our copy of the tail: the next hr_buf_ring_add(.., offset)
 *            goes to slot (tail + offset) & mask; hr_buf_ring_advance
 *            moves it and publishes it (we are the tail's only writer)
 *   map_len  bytes hr_setup_buf_ring mapped with IOU_PBUF_RING_MMAP, else 0 */
struct hr_buf_ring_state {
    struct hr_buf *bufs;
    uint32_t entries;   /* 1 << shift, 1 .. 32768 */
    uint32_t mask;      /* entries - 1 */
    uint32_t shift;
    uint16_t tail;
    uint16_t bgid;
    uint64_t map_len;
};

#include "hr_bufring_spec.h"

/* Return the index mask of a buffer ring of `entries` entries (entries - 1;
 * 0 for 0 entries).  Matches io_uring_buf_ring_mask in liburing. */
static inline uint32_t hr_buf_ring_mask(uint32_t entries)
{
    return entries ? entries - 1 : 0;
}

/* Fill *s for a buffer ring in the caller's memory mem (entries a power of
 * two, 1 .. 32768) and reset its shared tail to 0; registers nothing
 * (hr_setup_buf_ring does both).
 * Returns 0, or -EINVAL (mem NULL, entries not a power of two in range).
 * Matches io_uring_buf_ring_init in liburing. */
static inline int hr_buf_ring_init(struct hr_buf_ring_state *s, struct hr_buf *mem,
                                   uint32_t entries)
{
    uint32_t k;

    if (!mem)
        return -HR_EINVAL;
    /*@ loop invariant 0 <= k <= 16;
        loop invariant \forall integer j; 0 <= j < k ==> entries != (1 << j);
        loop assigns k;
        loop variant 16 - k;
    */
    for (k = 0; k <= 15; k++) {
        if (entries == (1u << k)) {
            s->bufs    = mem;
            s->entries = entries;
            s->mask    = entries - 1;
            s->shift   = k;
            s->tail    = 0;
            s->bgid    = 0;
            s->map_len = 0;
            /* Before registration the kernel reads nothing here, so any
               store would do; the release accessor is simply the one way
               the shared tail is written (WP sees its contract). */
            hr_store_release16(&mem[0].resv, 0);
            return 0;
        }
    }
    return -HR_EINVAL;
}

/* Write buffer (addr, len, bid) into slot tail + offset of the ring; the
 * kernel sees it only after hr_buf_ring_advance.  Never fails.
 * Matches io_uring_buf_ring_add in liburing (the ring's mask comes from s). */
static inline void hr_buf_ring_add(struct hr_buf_ring_state *s, void *addr, uint32_t len,
                                   uint16_t bid, uint16_t offset)
{
    /* u16 + u16 is an int in [0, 2^17): no signed overflow (liburing
       PR#1629); reduced modulo 2^16 like the kernel's u16 head/tail
       arithmetic (the same code as a bare conversion; written as % so that
       the proof needs no axiom about the conversion). */
    const uint16_t pos = (uint16_t)((s->tail + offset) % 0x10000);
    const uint32_t i = pos & s->mask;
    /*@ assert in_ring: i == slot(pos, s->shift) && 0 <= i < s->entries; */
    struct hr_buf *const b = &s->bufs[i];

    /* plain stores: published by the release store of the tail in
       hr_buf_ring_advance.  resv is never written (bufs[0].resv is the tail). */
    b->addr = (uint64_t)(uintptr_t)addr;
    b->len  = len;
    b->bid  = bid;
}

/* Publish `count` buffers added since the last advance (release store of
 * the ring's u16 tail, wrapping mod 2^16).  Never fails.
 * Matches io_uring_buf_ring_advance in liburing. */
static inline void hr_buf_ring_advance(struct hr_buf_ring_state *s, uint16_t count)
{
    const uint16_t tail = (uint16_t)((s->tail + count) % 0x10000);   /* wraps at 2^16 */

    s->tail = tail;
    /* release: the entries written by hr_buf_ring_add become visible before
       the new tail; pairs with the kernel's smp_load_acquire(&br->tail) in
       io_ring_buffer_select / io_ring_buffers_peek. */
    hr_store_release16(&s->bufs[0].resv, tail);
}

/* Publish `count` buffers (hr_buf_ring_advance) and mark `count` CQEs seen
 * (hr_cq_advance), both with release stores.  Never fails.
 * Matches io_uring_buf_ring_cq_advance in liburing. */
static inline void hr_buf_ring_cq_advance(struct hr_ring *r, struct hr_buf_ring_state *s,
                                          uint16_t count)
{
    /* Two release stores (liburing 2.3 made the buffer tail a plain store
       here, ordered only by the CQ head's release, which the kernel's buffer
       selection never acquires). */
    hr_buf_ring_advance(s, count);
    hr_cq_advance(r, count);
}

/* Return the id of the provided buffer a CQE consumed (IORING_CQE_F_BUFFER
 * set: flags >> IORING_CQE_BUFFER_SHIFT, 0 .. 65535), or -ENOENT if the
 * CQE carries no buffer. */
static inline int hr_cqe_buffer_id(const struct hr_cqe *cqe)
{
    const uint32_t flags = cqe->flags;

    if (!(flags & IORING_CQE_F_BUFFER))
        return -HR_ENOENT;
    /* the uint16_t conversion is a no-op (a u32 >> 16 fits in 16 bits); it
       states the range for WP, which has no bound for '>>'. */
    return (int)(uint16_t)(flags >> IORING_CQE_BUFFER_SHIFT);
}

HR_END_DECLS
#endif
