/* recvmsg_unit.c -- hostile-buffer tests of the multishot recvmsg parsers
 * (core/hr_recvmsg.h), built with ASan+UBSan (tests/recvmsg.mk).
 *
 * Every buffer is a heap block of exactly buf_len bytes, so a read outside
 * [buf, buf + buf_len) is an ASan report (the case fails).  Two oracles:
 *   - a reference walk with libc's CMSG_FIRSTHDR / CMSG_NXTHDR over the
 *     same bytes, on well-formed buffers (aligned, every cmsg complete);
 *   - a model of the contract (specs/hr_recvmsg_spec.h) in 64-bit
 *     arithmetic, on any bytes: random, truncated, hostile lengths.
 * The layout constants of core/hr_recvmsg.h are checked against
 * <sys/socket.h> here (the core has no libc). */
#define _GNU_SOURCE
#include "hringas.h"
#define HR_TEST_IMPLEMENTATION
#include "hr_test.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

/* ---- the layout, against libc ------------------------------------------- */

_Static_assert(sizeof(struct cmsghdr) == HR_CMSG_HDR_SIZE, "cmsghdr size");
_Static_assert(offsetof(struct cmsghdr, cmsg_len) == 0, "cmsg_len offset");
_Static_assert(sizeof(((struct cmsghdr *)0)->cmsg_len) == HR_CMSG_LEN_SIZE, "cmsg_len size");
_Static_assert(CMSG_ALIGN(1) == HR_CMSG_ALIGN_TO, "CMSG_ALIGN");
_Static_assert(CMSG_LEN(0) == HR_CMSG_HDR_SIZE, "CMSG_LEN(0)");
_Static_assert(sizeof(struct io_uring_recvmsg_out) == HR_RECVMSG_OUT_SIZE, "out size");

TEST(layout_constants)
{
    for (size_t n = 0; n < 100; n++)
        CHECK_EQ(CMSG_ALIGN(n), (n + HR_CMSG_ALIGN_TO - 1) / HR_CMSG_ALIGN_TO * HR_CMSG_ALIGN_TO);
    CHECK_EQ(CMSG_SPACE(12), 32);
}

/* ---- helpers ------------------------------------------------------------ */

static uint64_t rng_state;
static uint64_t rnd(void)           /* xorshift64* */
{
    rng_state ^= rng_state >> 12;
    rng_state ^= rng_state << 25;
    rng_state ^= rng_state >> 27;
    return rng_state * 2685821657736338717ull;
}
static uint32_t rnd_below(uint32_t n) { return n ? (uint32_t)(rnd() % n) : 0; }

static void put32(uint8_t *p, uint32_t v) { memcpy(p, &v, 4); }
static void put64(uint8_t *p, uint64_t v) { memcpy(p, &v, 8); }
static uint32_t get32(const uint8_t *p) { uint32_t v; memcpy(&v, p, 4); return v; }
static uint64_t get64(const uint8_t *p) { uint64_t v; memcpy(&v, p, 8); return v; }

/* a heap block of exactly len bytes (ASan: any byte outside is a report) */
static uint8_t *block(int32_t len)
{
    uint8_t *b = malloc(len > 0 ? (size_t)len : 0);
    CHECK(b != NULL || len <= 0);
    if (!b)
        b = malloc(1);          /* glibc malloc(0) is not NULL; belt and braces */
    return b;
}

/* ---- the model of the contract (64-bit arithmetic, no C shortcuts) ------ */

struct model {
    int fits;
    uint64_t cstart, clen;
};

static struct model model_of(const uint8_t *b, int32_t len, uint32_t nl, uint32_t cl)
{
    struct model m = { 0, 0, 0 };
    m.fits = len >= 0 && 16 + (uint64_t)nl + cl <= (uint64_t)len;
    if (m.fits) {
        const uint64_t k = get32(b + 4);
        m.cstart = 16 + (uint64_t)nl;
        m.clen = k < cl ? k : cl;
    }
    return m;
}

/* a usable cmsg at control offset c (rm_cmsg_in) */
static int model_cmsg_ok(const uint8_t *b, const struct model *m, uint64_t c)
{
    if (c + 16 > m->clen)
        return 0;
    const uint64_t l = get64(b + m->cstart + c);
    return l >= 16 && l <= m->clen - c;
}

/* Walk the cmsgs of (b, len, nl, cl) with the parsers and the model side by
   side; check every result; return the number of cmsgs. */
static unsigned walk_check(uint8_t *b, int32_t len, uint32_t nl, uint32_t cl)
{
    const struct model m = model_of(b, len, nl, cl);
    void *o = hr_recvmsg_validate(b, len, nl, cl);
    CHECK(o == (m.fits ? (void *)b : NULL));
    CHECK(hr_recvmsg_name(b, len, nl, cl) == (m.fits ? (void *)(b + 16) : NULL));
    CHECK(hr_recvmsg_payload(b, len, nl, cl) ==
          (m.fits ? (void *)(b + 16 + nl + cl) : NULL));
    CHECK_EQ(hr_recvmsg_payload_length(b, len, nl, cl),
             m.fits ? (uint64_t)len - 16 - nl - cl : 0);

    unsigned n = 0;
    uint64_t c = 0;
    int expect = m.fits && model_cmsg_ok(b, &m, 0);
    const uint8_t *p = hr_recvmsg_cmsg_firsthdr(b, len, nl, cl);
    while (p) {
        CHECKF(expect, "cmsg %u at %td returned, the model says none", n, p - b);
        CHECK_EQ(p - b, m.cstart + c);
        /* what the caller may read lies inside the buffer */
        const uint64_t l = get64(p);
        CHECK(l >= 16 && (uint64_t)(p - b) + l <= m.cstart + m.clen);
        CHECK(m.cstart + m.clen <= (uint64_t)len);
        n++;
        CHECK(n <= (uint32_t)len / 16);      /* forward by >= 16 each step */
        const uint64_t next = c + ((l + 7) / 8 * 8);
        expect = model_cmsg_ok(b, &m, next);
        const uint8_t *q = hr_recvmsg_cmsg_nexthdr(b, len, nl, cl, p);
        CHECK(q == NULL || q >= p + 16);
        p = q;
        c = next;
    }
    CHECKF(!expect, "the model has cmsg %u at control offset %llu, the parser none",
           n, (unsigned long long)c);
    return n;
}

/* ---- well-formed buffers vs libc's CMSG_* -------------------------------- */

/* Fill a well-formed buffer: header, name, control area with ncm complete
   cmsgs (random data lengths) built with CMSG_*, payload.  nl must keep the
   control area 8-aligned (the reference dereferences struct cmsghdr *). */
static int32_t build_wellformed(uint8_t *b, size_t cap, uint32_t nl, uint32_t cl,
                                uint32_t payload, unsigned *ncm)
{
    struct msghdr mh = { 0 };
    uint8_t *ctl = b + 16 + nl;
    size_t used = 0;
    memset(b, 0xa5, cap);
    mh.msg_control = ctl;
    mh.msg_controllen = cl;
    memset(ctl, 0, cl);         /* CMSG_NXTHDR reads the next header's len */
    *ncm = 0;
    for (struct cmsghdr *c = CMSG_FIRSTHDR(&mh); c;) {
        const size_t left = cl - (size_t)((uint8_t *)c - ctl);
        if (left < CMSG_SPACE(0))
            break;
        size_t data = rnd_below(24);
        if (CMSG_SPACE(data) > left)
            data = (left - CMSG_SPACE(0)) / 8 * 8;
        if (rnd_below(4) == 0 && *ncm)
            break;              /* leave the rest of the area unused */
        c->cmsg_len = CMSG_LEN(data);
        c->cmsg_level = (int)rnd_below(300);
        c->cmsg_type = (int)rnd_below(30);
        memset(CMSG_DATA(c), (int)rnd(), data);
        used = (size_t)((uint8_t *)c - ctl) + CMSG_SPACE(data);
        (*ncm)++;
        c = CMSG_NXTHDR(&mh, c);
    }
    put32(b + 0, (uint32_t)rnd_below(nl + 1));     /* namelen (kernel) */
    put32(b + 4, (uint32_t)used);                  /* controllen */
    put32(b + 8, payload);
    put32(b + 12, 0);
    return (int32_t)(16 + nl + cl + payload);
}

TEST(wellformed_vs_libc_cmsg)
{
    static const uint32_t nls[] = { 0, 8, 16, 24, 32, 128 };
    rng_state = 0x9e3779b97f4a7c15ull;
    for (int it = 0; it < 20000; it++) {
        const uint32_t nl = nls[rnd_below(6)];
        const uint32_t cl = rnd_below(25) * 8;
        const uint32_t pl = rnd_below(64);
        const size_t cap = 16 + nl + cl + pl;
        HR_CTX("it=%d nl=%u cl=%u pl=%u", it, nl, cl, pl);
        uint8_t *b = block((int32_t)cap);
        unsigned ncm;
        const int32_t len = build_wellformed(b, cap, nl, cl, pl, &ncm);
        CHECK_EQ(len, cap);

        /* reference: libc over the kernel-reported controllen */
        struct msghdr mh = { 0 };
        mh.msg_control = b + 16 + nl;
        mh.msg_controllen = get32(b + 4);
        struct cmsghdr *ref = CMSG_FIRSTHDR(&mh);
        uint8_t *ours = hr_recvmsg_cmsg_firsthdr(b, len, nl, cl);
        unsigned k = 0;
        while (ref || ours) {
            CHECKF((void *)ref == (void *)ours, "cmsg %u: libc %p, ours %p", k,
                   (void *)ref, (void *)ours);
            ref = CMSG_NXTHDR(&mh, ref);
            ours = hr_recvmsg_cmsg_nexthdr(b, len, nl, cl, ours);
            k++;
        }
        CHECK_EQ(k, ncm);
        CHECK_EQ(walk_check(b, len, nl, cl), ncm);
        CHECK(hr_recvmsg_payload(b, len, nl, cl) == b + 16 + nl + cl);
        CHECK_EQ(hr_recvmsg_payload_length(b, len, nl, cl), pl);
        free(b);
    }
}

/* ---- random bytes, random lengths ---------------------------------------- */

TEST(random_buffers)
{
    rng_state = 0x243f6a8885a308d3ull;
    for (int it = 0; it < 200000; it++) {
        const int32_t len = (int32_t)rnd_below(320) - 16;
        uint32_t nl, cl;
        switch (rnd_below(4)) {
        case 0:  nl = rnd_below(64); cl = rnd_below(256); break;
        case 1:  nl = (uint32_t)rnd(); cl = (uint32_t)rnd(); break;      /* hostile */
        case 2:  nl = rnd_below(40); cl = 0xffffffffu - rnd_below(64); break;
        default: nl = 0xffffffffu - rnd_below(64); cl = rnd_below(300); break;
        }
        HR_CTX("it=%d len=%d nl=%u cl=%u", it, len, nl, cl);
        uint8_t *b = block(len);
        for (int32_t i = 0; i < len; i++)
            b[i] = (uint8_t)rnd();
        if (len >= 16 && rnd_below(2)) {
            /* plausible lengths in random places, so walks go somewhere */
            put32(b + 4, rnd_below(2) ? (uint32_t)rnd() : rnd_below((uint32_t)len));
            for (int32_t at = 16; at + 8 <= len; at += 8)
                if (rnd_below(3) == 0)
                    put64(b + at, rnd_below(4) ? rnd_below(64) : rnd());
        }
        walk_check(b, len, nl, cl);
        free(b);
    }
}

/* nexthdr with the cmsg argument at every position of the buffer (the
   contract allows any position in [buf, buf + len]) */
TEST(nexthdr_any_position)
{
    rng_state = 0x13198a2e03707344ull;
    for (int it = 0; it < 3000; it++) {
        const int32_t len = 16 + (int32_t)rnd_below(200);
        const uint32_t nl = rnd_below(40), cl = rnd_below(200);
        uint8_t *b = block(len);
        for (int32_t i = 0; i < len; i++)
            b[i] = (uint8_t)rnd();
        put32(b + 4, rnd_below(200));
        for (int32_t at = 16; at + 8 <= len; at++)
            if (rnd_below(4) == 0)
                put64(b + at, rnd_below(80));
        const struct model m = model_of(b, len, nl, cl);
        for (int32_t k = 0; k <= len; k++) {
            HR_CTX("it=%d len=%d nl=%u cl=%u k=%d", it, len, nl, cl, k);
            uint8_t *q = hr_recvmsg_cmsg_nexthdr(b, len, nl, cl, b + k);
            int expect = 0;
            uint64_t next = 0;
            if (m.fits && (uint64_t)k >= m.cstart) {
                const uint64_t c = (uint64_t)k - m.cstart;
                if (model_cmsg_ok(b, &m, c)) {
                    next = c + (get64(b + k) + 7) / 8 * 8;
                    expect = model_cmsg_ok(b, &m, next);
                }
            }
            if (expect) {
                CHECK(q == b + m.cstart + next);
                CHECK(q >= b + k + 16 && get64(q) >= 16 &&
                      m.cstart + next + get64(q) <= (uint64_t)len);
            } else {
                CHECK(q == NULL);
            }
        }
        free(b);
    }
}

/* ---- adversarial lengths, one by one -------------------------------------- */

/* buffer: header + name (nl) + control (cl); cmsg at control offset 0 with
   cmsg_len l0, and (if l0 leads somewhere) one at CMSG_ALIGN(l0) with l1 */
static uint8_t *two_cmsgs(int32_t *len, uint32_t nl, uint32_t cl, uint32_t kctl,
                          uint64_t l0, uint64_t l1)
{
    *len = (int32_t)(16 + nl + cl);
    uint8_t *b = block(*len);
    memset(b, 0, (size_t)*len);
    put32(b + 4, kctl);
    if (cl >= 8)
        put64(b + 16 + nl, l0);
    const uint64_t off = (l0 + 7) / 8 * 8;
    if (off >= 8 && l0 < cl && off + 8 <= cl)
        put64(b + 16 + nl + off, l1);
    return b;
}

struct adv {
    const char *what;
    uint32_t nl, cl, kctl;
    uint64_t l0, l1;
    int first, second;      /* expected: a first cmsg, a second one */
};

static const struct adv advs[] = {
    { "cmsg_len 0",                       16, 64, 64, 0, 16, 0, 0 },
    { "cmsg_len 15",                      16, 64, 64, 15, 16, 0, 0 },
    { "cmsg_len 16 twice",                16, 64, 64, 16, 16, 1, 1 },
    { "cmsg_len = control left",          16, 64, 64, 64, 16, 1, 0 },
    { "cmsg_len = control left + 1",      16, 64, 64, 65, 16, 0, 0 },
    { "cmsg_len 2^32 + 16 (upper half)",  16, 64, 64, 0x100000010ull, 16, 0, 0 },
    { "cmsg_len 2^32 - 1",                16, 64, 64, 0xffffffffull, 16, 0, 0 },
    { "cmsg_len 2^32 - 7 (align wraps u32)", 16, 64, 64, 0xfffffff9ull, 16, 0, 0 },
    { "cmsg_len 2^64 - 1 (align wraps u64)", 16, 64, 64, UINT64_MAX, 16, 0, 0 },
    { "cmsg_len 2^64 - 8",                16, 64, 64, UINT64_MAX - 7, 16, 0, 0 },
    { "second cmsg_len 2^64 - 1",         16, 64, 64, 24, UINT64_MAX, 1, 0 },
    { "second header cut by controllen",  16, 36, 36, 24, 16, 1, 0 },
    { "second cmsg exactly to the end",    16, 64, 64, 24, 40, 1, 1 },
    { "second cmsg one byte too long",    16, 64, 64, 24, 41, 1, 0 },
    { "kernel controllen > asked",        16, 32, 0xffffffffu, 16, 16, 1, 1 },
    { "kernel controllen 0",              16, 64, 0, 16, 16, 0, 0 },
    { "kernel controllen 15",             16, 64, 15, 16, 16, 0, 0 },
    { "kernel controllen cuts 2nd cmsg",  16, 64, 40, 16, 25, 1, 0 },
    { "truncated cmsg (MSG_CTRUNC: len = left, unaligned)", 16, 20, 20, 20, 0, 1, 0 },
    { "unaligned control area (nl 28)",   28, 64, 64, 17, 16, 1, 1 },
    { "asked controllen 0",               16, 0, 64, 16, 16, 0, 0 },
};

TEST(adversarial_lengths)
{
    for (size_t i = 0; i < sizeof advs / sizeof advs[0]; i++) {
        const struct adv *a = &advs[i];
        HR_CTX("%s", a->what);
        int32_t len;
        uint8_t *b = two_cmsgs(&len, a->nl, a->cl, a->kctl, a->l0, a->l1);
        uint8_t *c = hr_recvmsg_cmsg_firsthdr(b, len, a->nl, a->cl);
        CHECK_EQ(c != NULL, a->first);
        if (c) {
            CHECK(c == b + 16 + a->nl);
            uint8_t *d = hr_recvmsg_cmsg_nexthdr(b, len, a->nl, a->cl, c);
            CHECK_EQ(d != NULL, a->second);
            if (d)
                CHECK(d == c + (a->l0 + 7) / 8 * 8);
        }
        walk_check(b, len, a->nl, a->cl);
        free(b);
    }
}

/* the layout check: 16 + namelen + controllen <= buf_len, without wrap */
TEST(validate_overflow)
{
    uint8_t *b = block(64);
    memset(b, 0, 64);
    const struct { int32_t len; uint32_t nl, cl; int ok; } v[] = {
        { 64, 16, 32, 1 }, { 64, 16, 33, 0 }, { 64, 48, 0, 1 }, { 64, 49, 0, 0 },
        { 16, 0, 0, 1 }, { 15, 0, 0, 0 }, { 0, 0, 0, 0 }, { -1, 0, 0, 0 },
        { INT32_MIN, 0, 0, 0 },
        { 64, 0xfffffff0u, 0x20u, 0 },          /* u32 sum wraps to 0x10 */
        { 64, 0x20u, 0xfffffff0u, 0 },
        { 64, 0xffffffffu, 0xffffffffu, 0 },    /* wraps to 0x1e with the 16 */
        { 64, 0x7fffffffu, 0x80000001u, 0 },    /* wraps to 0 */
    };
    for (size_t i = 0; i < sizeof v / sizeof v[0]; i++) {
        HR_CTX("case %zu: len=%d nl=%u cl=%u", i, v[i].len, v[i].nl, v[i].cl);
        CHECK_EQ(hr_recvmsg_validate(b, v[i].len, v[i].nl, v[i].cl) != NULL, v[i].ok);
        CHECK_EQ(hr_recvmsg_name(b, v[i].len, v[i].nl, v[i].cl) != NULL, v[i].ok);
        CHECK_EQ(hr_recvmsg_payload(b, v[i].len, v[i].nl, v[i].cl) != NULL, v[i].ok);
        CHECK_EQ(hr_recvmsg_payload_length(b, v[i].len, v[i].nl, v[i].cl),
                 v[i].ok ? (uint32_t)v[i].len - 16 - v[i].nl - v[i].cl : 0);
        if (!v[i].ok)
            CHECK(hr_recvmsg_cmsg_firsthdr(b, v[i].len, v[i].nl, v[i].cl) == NULL);
    }
    free(b);
}

/* A kernel-style buffer exactly as io_uring's multishot recvmsg writes it
   (IP_PKTINFO then SO_TIMESTAMP, the second truncated by a short control
   area: put_cmsg sets cmsg_len to what was left and MSG_CTRUNC). */
TEST(kernel_style_truncated_second)
{
    const uint32_t nl = 16, cl = 28 + 4 + 20;  /* pktinfo: 28 -> 32; then 20 left */
    const int32_t len = (int32_t)(16 + nl + cl + 5);
    uint8_t *b = block(len);
    memset(b, 0, (size_t)len);
    put32(b + 0, 16);
    put32(b + 4, cl);                   /* all used */
    put32(b + 8, 5);
    put32(b + 12, MSG_CTRUNC);
    put64(b + 32, CMSG_LEN(12));        /* in_pktinfo: 12 bytes */
    put32(b + 40, 0 /* SOL_IP */);
    put32(b + 44, 8 /* IP_PKTINFO */);
    put64(b + 32 + 32, 20);             /* truncated timeval: 4 of 16 bytes */
    uint8_t *c = hr_recvmsg_cmsg_firsthdr(b, len, nl, cl);
    CHECK(c == b + 32);
    uint8_t *d = hr_recvmsg_cmsg_nexthdr(b, len, nl, cl, c);
    CHECK(d == b + 64);
    CHECK_EQ(get64(d), 20);             /* header + 4 data bytes, all inside */
    CHECK(hr_recvmsg_cmsg_nexthdr(b, len, nl, cl, d) == NULL);
    CHECK(hr_recvmsg_payload(b, len, nl, cl) == b + 16 + nl + cl);
    CHECK_EQ(hr_recvmsg_payload_length(b, len, nl, cl), 5);
    CHECK_EQ(walk_check(b, len, nl, cl), 2);
    free(b);
}

int main(int argc, char **argv)
{
    static const struct hr_suite suite = { "recvmsg-unit", 120, NULL, NULL };
    return hr_test_main(&suite, NULL, 0, argc, argv);
}
