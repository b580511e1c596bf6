/* live_mem.c -- rings in caller memory (IORING_SETUP_NO_MMAP) against the
 * real kernel: hr_ring_memory_size(_params) and hr_ring_init_mem.
 *
 * Checks K-NOMMAP of specs/TRUSTED.md: for every flag combination and a
 * range of entry counts, the offsets the kernel reports (cq_off.cqes,
 * sq_off.array) are those of the formula of specs/hr_mem_spec.h, and every
 * word, CQE and array slot the kernel reports lies inside the region sizes
 * the formula gives.  Each buffer is followed by a PROT_NONE guard page, so
 * a kernel that pinned more than the formula says fails the setup (EFAULT)
 * and a write past the end faults.  Skips (77) only if the kernel lacks
 * IORING_SETUP_NO_MMAP (before 6.5). */
#define _GNU_SOURCE
#include "hringas.h"
#define HR_TEST_IMPLEMENTATION
#include "hr_test.h"

#include <dirent.h>
#include <fcntl.h>
#include <errno.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>

static unsigned long page;

/* A page-aligned buffer of len bytes (len rounded up to pages) followed by
   a PROT_NONE guard page.  The whole mapping is returned in *map_len. */
static uint8_t *guarded_alloc(size_t len, size_t *map_len)
{
    const size_t body = (len + page - 1) / page * page;
    *map_len = body + page;
    uint8_t *m = mmap(NULL, *map_len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECKF(m != MAP_FAILED, "mmap %zu: %s", *map_len, strerror(errno));
    CHECK(mprotect(m + body, page, PROT_NONE) == 0);
    /* the buffer ends exactly at the guard page */
    return m + body - len;
}

static int open_fds(void)
{
    int n = 0;
    DIR *d = opendir("/proc/self/fd");
    CHECK(d != NULL);
    while (readdir(d))
        n++;
    closedir(d);
    return n;
}

/* The kernel's formula (K-NOMMAP), computed independently of core/mem.c. */
static uint64_t align_to(uint64_t n, uint64_t a) { return (n + a - 1) / a * a; }
static uint32_t roundup2(uint32_t v) { uint32_t e = 1; while (e < v) e <<= 1; return e; }
static uint64_t k_rings(uint32_t sq, uint32_t cq, uint32_t flags)
{
    uint64_t off = 64 + 16 * (uint64_t)cq;
    if (flags & IORING_SETUP_CQE32)
        off *= 2;
    off = align_to(off, 64);
    if (!(flags & IORING_SETUP_NO_SQARRAY))
        off += 4 * (uint64_t)sq;
    return off;
}
static uint64_t k_sqes(uint32_t sq, uint32_t flags)
{
    return (uint64_t)sq * ((flags & IORING_SETUP_SQE128) ? 128 : 64);
}

static int nommap_supported(void)
{
    size_t map_len;
    uint8_t *buf = guarded_alloc(2 * page, &map_len);
    struct io_uring_params p = {0};
    struct hr_ring r;
    int ret = hr_ring_init_mem(&r, 1, &p, buf, 2 * page);
    if (ret >= 0)
        hr_ring_exit(&r);
    munmap(buf, map_len);
    return ret != -EINVAL;
}

#define NEED_NOMMAP() do { if (!nommap_supported()) \
        SKIP_BECAUSE("kernel without IORING_SETUP_NO_MMAP (6.5+)"); } while (0)

/* NOPs through the ring: n submitted, n CQEs with their user_data back. */
static void nop_round_trip(struct hr_ring *r, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        struct hr_sqe *sqe = hr_get_sqe(r);
        CHECKF(sqe != NULL, "get_sqe %u of %u", i, n);
        hr_prep_nop(sqe);
        hr_sqe_set_data64(sqe, 1000 + i);
    }
    int ret = hr_submit_and_wait(r, n);
    CHECKF(ret == (int)n, "submit_and_wait %u: %d", n, ret);
    struct hr_cqe cqes[2 * 8];
    const uint32_t unit = r->cq.cqe_shift ? 2 : 1;
    ret = hr_copy_cqes(r, cqes, n, 0);
    CHECKF(ret == (int)n, "copy_cqes: %d", ret);
    for (uint32_t i = 0; i < n; i++) {
        CHECK_EQ(cqes[i * unit].user_data, 1000 + i);
        CHECK_EQ(cqes[i * unit].res, 0);
    }
}

/* One setup: sizes, offsets against the formula, pointers inside buf, NOPs,
   exit; the buffer stays ours.  Returns the bytes used. */
static unsigned long rings, bytes;
static void one_ring(uint32_t entries, uint32_t flags, uint32_t cq_entries)
{
    struct io_uring_params want = {0};
    want.flags = flags;
    want.cq_entries = cq_entries;
    const long need = hr_ring_memory_size_params(entries, &want);
    HR_CTX("entries=%u flags=%#x cq=%u need=%ld", entries, flags, cq_entries, need);
    if (flags & IORING_SETUP_CQSIZE) {
        if (roundup2(cq_entries) < roundup2(entries)) {
            CHECK_EQ(need, -EINVAL);
            return;
        }
    }
    CHECKF(need > 0, "memory_size %ld", need);

    size_t map_len;
    uint8_t *buf = guarded_alloc((size_t)need, &map_len);
    memset(buf, 0xa5, (size_t)need);
    struct io_uring_params p = want;
    struct hr_ring r;
    const int fds = open_fds();
    const int ret = hr_ring_init_mem(&r, entries, &p, buf, (size_t)need);
    CHECKF(ret > 0 && ret <= need, "init_mem: %d", ret);
    CHECK(p.flags & IORING_SETUP_NO_MMAP);
    /* NO_SQARRAY is tried first: the bytes used are the size of the request
       the kernel got, never more than the size asked */
    CHECK_EQ(p.flags & ~(IORING_SETUP_NO_MMAP | IORING_SETUP_NO_SQARRAY),
             flags & ~IORING_SETUP_NO_SQARRAY);
    struct io_uring_params got = p;
    got.cq_entries = cq_entries;
    CHECK_EQ(ret, hr_ring_memory_size_params(entries, &got));

    /* K-NOMMAP: the entry counts and offsets of the kernel's formula */
    const uint32_t sq = p.sq_entries, cq = p.cq_entries, f = p.flags;
    CHECK_EQ(sq, roundup2(entries));
    CHECK_EQ(cq, (flags & IORING_SETUP_CQSIZE) ? roundup2(cq_entries) : 2 * sq);
    CHECK_EQ(p.cq_off.cqes, HR_KRING_HDR);
    const uint64_t sqes_region = align_to(k_sqes(sq, f), HR_PAGE_SIZE);
    const uint64_t rings_size = k_rings(sq, cq, f);
    CHECK_EQ((uint64_t)ret, sqes_region + align_to(rings_size, HR_PAGE_SIZE));
    const uint64_t cq_end = p.cq_off.cqes + (uint64_t)cq * ((f & IORING_SETUP_CQE32) ? 32 : 16);
    CHECK(cq_end <= rings_size);
    if (!(f & IORING_SETUP_NO_SQARRAY)) {
        const uint64_t cq_part = (64 + 16 * (uint64_t)cq) * ((f & IORING_SETUP_CQE32) ? 2 : 1);
        CHECK_EQ(p.sq_off.array, align_to(cq_part, HR_SMP_CACHE_BYTES));
        CHECK_EQ(p.sq_off.array + 4 * (uint64_t)sq, rings_size);
    }
    const uint32_t words[] = { p.sq_off.head, p.sq_off.tail, p.sq_off.ring_mask,
        p.sq_off.ring_entries, p.sq_off.flags, p.sq_off.dropped, p.cq_off.head,
        p.cq_off.tail, p.cq_off.ring_mask, p.cq_off.ring_entries, p.cq_off.overflow,
        p.cq_off.flags };
    for (unsigned i = 0; i < sizeof words / sizeof words[0]; i++)
        CHECKF(words[i] + 4 <= p.cq_off.cqes, "header word %u at %u", i, words[i]);

    /* the ring the core bound: inside buf, where the layout says */
    CHECK((uint8_t *)r.sqe_mem == buf && (uint8_t *)r.ring_mem == buf + sqes_region);
    CHECK(r.ring_len == 0 && r.sqe_len == 0);
    CHECK((uint8_t *)r.sq.sqes == buf);
    CHECK((char *)r.cq.cqes == r.ring_mem + p.cq_off.cqes);
    CHECK((char *)r.cq.ktail == r.ring_mem + p.cq_off.tail);
    CHECK(*r.sq.ktail == 0 && *r.cq.ktail == 0);
    CHECK_EQ(*(uint32_t *)(r.ring_mem + p.sq_off.ring_entries), sq);
    CHECK_EQ(*(uint32_t *)(r.ring_mem + p.cq_off.ring_entries), cq);

    nop_round_trip(&r, sq < 8 ? sq : 8);
    nop_round_trip(&r, sq < 8 ? sq : 8);
    const int fd = r.ring_fd;
    hr_ring_exit(&r);
    CHECK(r.ring_fd == -1);
    CHECK(fcntl(fd, F_GETFD) == -1 && errno == EBADF);
    CHECK_EQ(open_fds(), fds);
    /* the caller's memory is still mapped and ours */
    memset(buf, 0x5a, (size_t)need);
    for (long i = 0; i < need; i += 997)
        CHECK(buf[i] == 0x5a);
    rings++;
    bytes += (unsigned long)ret;
    munmap(buf + (size_t)need - map_len + page, map_len);
}

static const uint32_t flag_bits[] = {
    IORING_SETUP_CQSIZE, IORING_SETUP_SQE128, IORING_SETUP_CQE32, IORING_SETUP_NO_SQARRAY,
};

static int t_formula(void)
{
    NEED_NOMMAP();
    uint32_t list[200], n = 0;
    for (uint32_t e = 1; e <= 64; e++)
        list[n++] = e;
    for (uint32_t e = 128; e <= 4096; e *= 2) {
        list[n++] = e - 1;
        list[n++] = e;
        if (e < 4096)
            list[n++] = e + 1;
    }
    for (uint32_t i = 0; i < n; i++) {
        for (uint32_t combo = 0; combo < 16; combo++) {
            uint32_t flags = 0;
            for (unsigned b = 0; b < 4; b++)
                if (combo & (1u << b))
                    flags |= flag_bits[b];
            if (flags & IORING_SETUP_CQSIZE) {
                one_ring(list[i], flags, list[i]);           /* cq == sq */
                one_ring(list[i], flags, 4 * list[i] + 1);   /* rounded up */
                if (list[i] > 1)
                    one_ring(list[i], flags, list[i] / 2 - (list[i] > 3)); /* cq < sq: -EINVAL */
            } else {
                one_ring(list[i], flags, 0);
            }
        }
    }
    printf("    %lu rings in caller memory (%lu bytes), offsets checked against the formula\n",
           rings, bytes);
    return HR_PASS;
}

/* The SQ array (kernel 6.5, or a caller that keeps it): init_mem tries
   NO_SQARRAY first, so the array layout is checked with a raw
   io_uring_setup on a buffer of hr_ring_memory_size_params' size (the
   rings end at the guard page: a kernel pinning more fails with EFAULT). */
static int t_formula_sq_array(void)
{
    NEED_NOMMAP();
    unsigned long n = 0;
    uint32_t list[64], nl = 0;
    for (uint32_t e = 1; e <= 8; e++)
        list[nl++] = e;
    for (uint32_t e = 16; e <= 4096; e *= 2) {
        list[nl++] = e - 1;
        list[nl++] = e;
    }
    for (uint32_t i = 0; i < nl; i++) {
        const uint32_t e = list[i];
        for (uint32_t combo = 0; combo < 8; combo++) {
            uint32_t flags = 0;
            for (unsigned b = 0; b < 3; b++)
                if (combo & (1u << b))
                    flags |= flag_bits[b];           /* CQSIZE, SQE128, CQE32 */
            struct io_uring_params p = { .flags = flags, .cq_entries = 4 * e };
            const long need = hr_ring_memory_size_params(e, &p);
            HR_CTX("entries=%u flags=%#x need=%ld", e, flags, need);
            CHECK(need > 0);
            size_t map_len;
            uint8_t *buf = guarded_alloc((size_t)need, &map_len);
            const uint32_t sq = roundup2(e);
            const uint32_t cq = (flags & IORING_SETUP_CQSIZE) ? roundup2(4 * e) : 2 * sq;
            const uint64_t sqes_region = align_to(k_sqes(sq, flags), HR_PAGE_SIZE);
            p.flags |= IORING_SETUP_NO_MMAP;
            p.sq_off.HR_OFF_USER_ADDR = (uint64_t)(uintptr_t)buf;
            p.cq_off.HR_OFF_USER_ADDR = (uint64_t)(uintptr_t)(buf + sqes_region);
            const int fd = (int)syscall(__NR_io_uring_setup, e, &p);
            CHECKF(fd >= 0, "io_uring_setup: %s", strerror(errno));
            CHECK_EQ(p.sq_entries, sq);
            CHECK_EQ(p.cq_entries, cq);
            CHECK_EQ(p.cq_off.cqes, HR_KRING_HDR);
            const uint64_t cq_part = (64 + 16 * (uint64_t)cq) * ((flags & IORING_SETUP_CQE32) ? 2 : 1);
            CHECK_EQ(p.sq_off.array, align_to(cq_part, HR_SMP_CACHE_BYTES));
            CHECK_EQ(p.sq_off.array + 4 * (uint64_t)sq, k_rings(sq, cq, flags));
            CHECK((uint64_t)need == sqes_region + align_to(k_rings(sq, cq, flags), HR_PAGE_SIZE));
            CHECK(*(uint32_t *)(buf + sqes_region + p.sq_off.ring_entries) == sq);
            close(fd);
            munmap(buf + (size_t)need - map_len + page, map_len);
            n++;
        }
    }
    printf("    %lu rings with the SQ array, offsets checked against the formula\n", n);
    return HR_PASS;
}

/* The largest rings the kernel makes: 32768 SQE128 SQEs, 65536 CQE32 CQEs. */
static int t_largest(void)
{
    NEED_NOMMAP();
    one_ring(32768, IORING_SETUP_SQE128 | IORING_SETUP_CQE32 | IORING_SETUP_CQSIZE, 65536);
    one_ring(32768, IORING_SETUP_SQE128 | IORING_SETUP_CQE32, 0);
    one_ring(32768, 0, 0);
    one_ring(32768, IORING_SETUP_NO_SQARRAY | IORING_SETUP_CQSIZE, 65536);
    return HR_PASS;
}

static int t_too_small(void)
{
    NEED_NOMMAP();
    const uint32_t cases[][2] = { {1, 0}, {8, 0}, {64, IORING_SETUP_SQE128}, {4096, IORING_SETUP_CQE32},
                                  {128, IORING_SETUP_NO_SQARRAY} };
    for (unsigned i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        /* the smallest layout init_mem tries: NO_SQARRAY */
        const long need = hr_ring_memory_size(cases[i][0], cases[i][1] | IORING_SETUP_NO_SQARRAY);
        CHECK(need > 0);
        size_t map_len;
        uint8_t *buf = guarded_alloc((size_t)need, &map_len);
        const int fds = open_fds();
        const size_t sizes[] = { 0, 1, page, (size_t)need - page, (size_t)need - 1 };
        for (unsigned j = 0; j < sizeof sizes / sizeof sizes[0]; j++) {
            struct io_uring_params p = { .flags = cases[i][1] };
            struct hr_ring r;
            HR_CTX("entries=%u flags=%#x size=%zu need=%ld", cases[i][0], cases[i][1], sizes[j], need);
            const int ret = hr_ring_init_mem(&r, cases[i][0], &p, buf, sizes[j]);
            CHECK_EQ(ret, -ENOMEM);
            CHECK(r.ring_fd == -1 && r.ring_mem == NULL);
            hr_ring_exit(&r);                        /* a no-op on a failed init */
        }
        CHECK_EQ(open_fds(), fds);
        munmap(buf + (size_t)need - map_len + page, map_len);
    }
    return HR_PASS;
}

static int t_bad_inputs(void)
{
    NEED_NOMMAP();
    size_t map_len;
    const long need = hr_ring_memory_size(8, 0);
    uint8_t *buf = guarded_alloc((size_t)need + page, &map_len);
    const int fds = open_fds();
    struct hr_ring r;
    struct io_uring_params p = {0};
    CHECK_EQ(hr_ring_init_mem(&r, 0, &p, buf, (size_t)need), -EINVAL);
    p = (struct io_uring_params){ .flags = 1u << 30 };          /* unknown flag */
    CHECK_EQ(hr_ring_init_mem(&r, 8, &p, buf, (size_t)need), -EINVAL);
    p = (struct io_uring_params){0};
    /* not page-aligned: the kernel refuses it (no write into buf) */
    memset(buf, 0x33, (size_t)need + page);
    CHECK_EQ(hr_ring_init_mem(&r, 8, &p, buf + 64, (size_t)need), -EINVAL);
    CHECK(r.ring_fd == -1);
    CHECK_EQ(open_fds(), fds);
    /* sizes: the kernel's limits, CLAMP */
    CHECK_EQ(hr_ring_memory_size(0, 0), -EINVAL);
    CHECK_EQ(hr_ring_memory_size(32769, 0), -EINVAL);
    CHECK_EQ(hr_ring_memory_size(0xffffffffu, IORING_SETUP_CLAMP), hr_ring_memory_size(32768, 0));
    CHECK_EQ(hr_ring_memory_size(8, IORING_SETUP_CQSIZE), -EINVAL);   /* cq_entries 0 */
    struct io_uring_params q = { .flags = IORING_SETUP_CQSIZE, .cq_entries = 65537 };
    CHECK_EQ(hr_ring_memory_size_params(8, &q), -EINVAL);
    q.flags |= IORING_SETUP_CLAMP;
    q.cq_entries = 0xffffffffu;
    struct io_uring_params q2 = { .flags = IORING_SETUP_CQSIZE, .cq_entries = 65536 };
    CHECK_EQ(hr_ring_memory_size_params(8, &q), hr_ring_memory_size_params(8, &q2));
    return HR_PASS;
}

/* IORING_SETUP_REGISTERED_FD_ONLY (6.5, with NO_MMAP): the kernel returns a
   registered index, no fd; everything goes through the index and exit
   unregisters it, closing nothing. */
static int t_registered_fd_only(void)
{
    NEED_NOMMAP();
    size_t map_len;
    struct io_uring_params p = { .flags = IORING_SETUP_REGISTERED_FD_ONLY };
    const long need = hr_ring_memory_size_params(8, &p);
    CHECKF(need > 0, "size = %ld", need);
    uint8_t *buf = guarded_alloc((size_t)need, &map_len);
    const int fds = open_fds();
    struct hr_ring r;
    int ret = hr_ring_init_mem(&r, 8, &p, buf, (size_t)need);
    CHECKF(ret == need, "hr_ring_init_mem = %d, want %ld", ret, need);
    CHECK(r.ring_fd == -1 && r.enter_fd >= 0 && r.enter_flags == IORING_ENTER_REGISTERED_RING);
    CHECK(p.flags & IORING_SETUP_REGISTERED_FD_ONLY);
    CHECK_EQ(open_fds(), fds);                               /* no fd was installed */
    CHECK_EQ(hr_register_ring_fd(&r), -EEXIST);
    CHECK_EQ(hr_close_ring_fd(&r), -EBADF);
    for (int round = 0; round < 4; round++)
        nop_round_trip(&r, 8);
    unsigned vals[2] = { 0, 0 };                             /* a register call through the index */
    CHECK_EQ(hr_register_iowq_max_workers(&r, vals), 0);
    CHECK(vals[0] != 0 || vals[1] != 0);
    hr_ring_exit(&r);
    CHECK(r.ring_fd == -1 && r.enter_flags == 0 && r.ring_mem == NULL);
    CHECK_EQ(open_fds(), fds);
    /* the index is free again: a second ring gets one */
    struct io_uring_params p2 = { .flags = IORING_SETUP_REGISTERED_FD_ONLY };
    CHECK_EQ(hr_ring_init_mem(&r, 8, &p2, buf, (size_t)need), need);
    nop_round_trip(&r, 3);
    hr_ring_exit(&r);
    munmap(buf, map_len);
    return HR_PASS;
}

/* Size arithmetic at the extremes, against the independent formula above. */
static int t_size_extremes(void)
{
    const uint32_t ents[] = { 1, 2, 3, 1000, 16384, 16385, 32767, 32768 };
    const uint32_t cqs[] = { 1, 2, 3, 65535, 65536 };
    unsigned long n = 0;
    for (unsigned i = 0; i < sizeof ents / sizeof ents[0]; i++)
        for (uint32_t combo = 0; combo < 16; combo++) {
            uint32_t flags = 0;
            for (unsigned b = 0; b < 4; b++)
                if (combo & (1u << b))
                    flags |= flag_bits[b];
            for (unsigned c = 0; c < sizeof cqs / sizeof cqs[0]; c++) {
                struct io_uring_params p = { .flags = flags, .cq_entries = cqs[c] };
                const uint32_t sq = roundup2(ents[i]);
                const uint32_t cq = (flags & IORING_SETUP_CQSIZE) ? roundup2(cqs[c]) : 2 * sq;
                const long got = hr_ring_memory_size_params(ents[i], &p);
                HR_CTX("entries=%u flags=%#x cq=%u", ents[i], flags, cqs[c]);
                if (cq < sq)
                    CHECK_EQ(got, -EINVAL);
                else
                    CHECK_EQ(got, align_to(k_sqes(sq, flags), HR_PAGE_SIZE) +
                                  align_to(k_rings(sq, cq, flags), HR_PAGE_SIZE));
                CHECK(got <= HR_MEM_MAX);
                n++;
            }
        }
    CHECK_EQ(hr_ring_memory_size(32768, IORING_SETUP_SQE128 | IORING_SETUP_CQE32), 6426624);
    return HR_PASS;
}

int main(int argc, char **argv)
{
    page = (unsigned long)sysconf(_SC_PAGESIZE);
    if (page != HR_PAGE_SIZE) {
        fprintf(stderr, "page size %lu, library built for %u\n", page, HR_PAGE_SIZE);
        return 1;
    }
    static const struct hr_case cases[] = {
        { "size: extremes of the arithmetic against the formula", t_size_extremes },
        { "formula: entries 1..4096 x CQSIZE/SQE128/CQE32/NO_SQARRAY, offsets, NOPs, exit keeps buf", t_formula },
        { "formula with the SQ array: raw setup, sq_off.array and the rings' end", t_formula_sq_array },
        { "largest: 32768 SQE128 SQEs, 65536 CQE32 CQEs", t_largest },
        { "too small: -ENOMEM, no fd, init failed state", t_too_small },
        { "bad inputs: 0 entries, unknown flag, unaligned buf; CLAMP", t_bad_inputs },
        { "registered fd only: no fd, NOPs and registers through the index, exit", t_registered_fd_only },
    };
    static const struct hr_suite suite = { .name = "mem", .timeout_s = 120 };
    return hr_test_main(&suite, cases, (int)(sizeof cases / sizeof cases[0]), argc, argv);
}
