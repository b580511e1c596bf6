/* live_register.c -- io_uring_register(2) wrappers (core/register.c) on the
 * real kernel: files (plain, sparse, update, tags, alloc range), fixed
 * buffers, probe, eventfd, registered ring fd, personality, io-wq limits,
 * restrictions, sync cancel, and bad inputs (-EINVAL / -EBADF, no crash).
 * A case is skipped only when the kernel lacks the feature (-EINVAL or
 * -EOPNOTSUPP from the register opcode itself), and says which. */
#define _GNU_SOURCE
#include "hringas.h"
#define HR_TEST_IMPLEMENTATION
#include "hr_test.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/uio.h>
#include <time.h>

#define SKIP_IF_OLD(ret, what) do { if ((ret) == -EINVAL || (ret) == -EOPNOTSUPP) \
    SKIP_BECAUSE("kernel lacks %s (%s)", what, strerror(-(ret))); } while (0)

static struct hr_ring ring;

static void ring_up(unsigned flags)
{
    int ret = hr_ring_init(&ring, 8, flags);
    CHECKF(ret == 0, "hr_ring_init: %s", strerror(-ret));
}

/* submit what is queued and take one CQE (blocking) */
static int reap_one(struct hr_ring *r, struct hr_cqe *out)
{
    int ret = hr_submit_and_wait(r, 1);
    if (ret < 0)
        return ret;
    ret = hr_copy_cqes(r, out, 1, 1);
    return ret == 1 ? 0 : (ret < 0 ? ret : -EIO);
}

/* take a CQE within ms (times HR_TEST_TIMEOUT_SCALE), entering the kernel
   between looks; -ETIME if none came */
static int reap_within(struct hr_ring *r, struct hr_cqe *out, unsigned ms)
{
    const unsigned tries = hr_test_scaled_ms(ms);
    for (unsigned i = 0; i < tries; i++) {
        int ret = hr_copy_cqes(r, out, 1, 0);
        if (ret != 0)
            return ret == 1 ? 0 : ret;
        hr_submit_and_wait(r, 0);
        struct timespec ts = { 0, 1000000 };
        nanosleep(&ts, NULL);
    }
    return -ETIME;
}

/* take a CQE if one is ready within ~1 s (times HR_TEST_TIMEOUT_SCALE) */
static int reap_soon(struct hr_ring *r, struct hr_cqe *out)
{
    return reap_within(r, out, 1000);
}

static int nop_res(struct hr_ring *r, uint64_t ud, uint16_t personality, int *res)
{
    struct hr_sqe *s = hr_get_sqe(r);
    struct hr_cqe c;
    if (!s)
        return -EBUSY;
    hr_prep_nop(s);
    s->user_data = ud;
    s->personality = personality;
    int ret = reap_one(r, &c);
    if (ret)
        return ret;
    if (c.user_data != ud)
        return -EIO;
    *res = c.res;
    return 0;
}

/* ---- files ------------------------------------------------------------------- */

static int t_files(void)
{
    int p[2];
    CHECK(pipe(p) == 0);
    ring_up(0);
    int fds[3] = { p[0], p[1], -1 };
    CHECK(hr_register_files(&ring, fds, 3) == 0);
    CHECK(hr_register_files(&ring, fds, 3) == -EBUSY);     /* already registered */
    /* write through fixed file 1 (the pipe's write end) */
    struct hr_sqe *s = hr_get_sqe(&ring);
    struct hr_cqe c;
    hr_prep_write(s, 1, "abc", 3, 0);
    s->flags = IOSQE_FIXED_FILE;
    CHECK(reap_one(&ring, &c) == 0);
    CHECK(c.res == 3);
    char buf[4] = { 0 };
    CHECK(read(p[0], buf, 3) == 3 && memcmp(buf, "abc", 3) == 0);
    /* empty slot 2 is -EBADF */
    s = hr_get_sqe(&ring);
    hr_prep_write(s, 2, "x", 1, 0);
    s->flags = IOSQE_FIXED_FILE;
    CHECK(reap_one(&ring, &c) == 0 && c.res == -EBADF);
    CHECK(hr_unregister_files(&ring) == 0);
    CHECK(hr_unregister_files(&ring) == -ENXIO);            /* nothing registered */
    hr_ring_exit(&ring);
    close(p[0]); close(p[1]);
    return HR_PASS;
}

static int t_files_sparse_update(void)
{
    int p[2];
    CHECK(pipe(p) == 0);
    ring_up(0);
    int ret = hr_register_files_sparse(&ring, 8);
    SKIP_IF_OLD(ret, "sparse file tables (IORING_REGISTER_FILES2)");
    CHECK(ret == 0);
    int upd[2] = { p[1], IORING_REGISTER_FILES_SKIP };
    CHECK(hr_register_files_update(&ring, 5, upd, 2) == 2);
    struct hr_sqe *s = hr_get_sqe(&ring);
    struct hr_cqe c;
    hr_prep_write(s, 5, "hi", 2, 0);
    s->flags = IOSQE_FIXED_FILE;
    CHECK(reap_one(&ring, &c) == 0 && c.res == 2);
    char buf[2];
    CHECK(read(p[0], buf, 2) == 2 && memcmp(buf, "hi", 2) == 0);
    int clear = -1;
    CHECK(hr_register_files_update(&ring, 5, &clear, 1) == 1);
    s = hr_get_sqe(&ring);
    hr_prep_write(s, 5, "hi", 2, 0);
    s->flags = IOSQE_FIXED_FILE;
    CHECK(reap_one(&ring, &c) == 0 && c.res == -EBADF);
    /* out of the table */
    CHECK(hr_register_files_update(&ring, 8, upd, 1) == -EINVAL);
    CHECK(hr_unregister_files(&ring) == 0);
    hr_ring_exit(&ring);
    close(p[0]); close(p[1]);
    return HR_PASS;
}

/* Direct-descriptor allocation range: an accept/open_direct with
   IORING_FILE_INDEX_ALLOC picks slots in [off, off + len). */
static int t_file_alloc_range(void)
{
    ring_up(0);
    CHECK(hr_register_files_sparse(&ring, 8) == 0);
    int ret = hr_register_file_alloc_range(&ring, 2, 4);
    SKIP_IF_OLD(ret, "IORING_REGISTER_FILE_ALLOC_RANGE");
    CHECK(ret == 0);
    /* open /dev/null into an allocated slot: it must be 2 (first of range) */
    struct hr_sqe *s = hr_get_sqe(&ring);
    struct hr_cqe c;
    hr_prep_openat_direct(s, AT_FDCWD, "/dev/null", O_RDONLY, 0, IORING_FILE_INDEX_ALLOC);
    CHECK(reap_one(&ring, &c) == 0);
    CHECKF(c.res == 2, "allocated slot %d, want 2", c.res);
    CHECK(hr_register_file_alloc_range(&ring, 6, 4) == -EINVAL);   /* past the end */
    CHECK(hr_unregister_files(&ring) == 0);
    hr_ring_exit(&ring);
    return HR_PASS;
}

/* Tagged slots (IORING_REGISTER_FILES2, 5.13+): a file a slot update
 * replaces posts {user_data = its tag, res 0, flags 0} once the kernel has
 * dropped it -- not necessarily by the time the update returns (up to 6.12
 * the put runs in a delayed work, about 1 s later), hence the bounded wait.
 *
 * Unregistering the table differs by kernel, both by design:
 *  - 5.13 to 6.12: no CQE.  Commit 792e35824be9 ("io_uring: add
 *    IORING_REGISTER_RSRC", 5.13): "A design choice made here is to not post
 *    CQEs on rsrc de-registration, but only when we updated-removed it by
 *    rsrc dynamic update."  (6.1's io_sqe_files_unregister quiesces, then
 *    __io_sqe_files_unregister fput()s each file; the tags are freed unposted.)
 *  - 6.13 on (the rsrc-node rework): unregistering puts every node, and
 *    io_free_rsrc_node posts a node's tag, before the unregister returns.
 * No feature flag tells the two apart, so the case takes either, and fails
 * on anything else: a wrong tag, a CQE for an untagged slot, a CQE that
 * comes late or twice. */
static int t_files_tags(void)
{
    int p[2];
    CHECK(pipe(p) == 0);
    ring_up(0);
    int fds[2] = { p[0], p[1] };
    uint64_t tags[2] = { 0, 0x7a6 };
    if (!(ring.features & IORING_FEAT_RSRC_TAGS))
        SKIP_BECAUSE("kernel lacks resource tags (no IORING_FEAT_RSRC_TAGS)");
    int ret = hr_register_files_tags(&ring, fds, tags, 2);
    CHECKF(ret == 0, "hr_register_files_tags: %s", strerror(-ret));
    struct hr_cqe c;
    /* a tag with an empty (-1) slot is refused */
    int none = -1;
    uint64_t tag = 0x7a7;
    CHECK(hr_register_files_update_tag(&ring, 1, &none, &tag, 1) == -EINVAL);
    /* replace slot 1: the old file's tag comes back */
    CHECK(hr_register_files_update_tag(&ring, 1, &p[0], &tag, 1) == 1);
    ret = reap_within(&ring, &c, 5000);
    CHECKF(ret == 0, "no tag CQE after the update: %s", strerror(-ret));
    CHECKF(c.user_data == 0x7a6 && c.res == 0 && c.flags == 0,
           "tag CQE: user_data %llx res %d flags %x", (unsigned long long)c.user_data,
           c.res, c.flags);
    /* replace it again, untagged: the tag the update gave (0x7a7) comes back */
    CHECK(hr_register_files_update_tag(&ring, 1, &p[1], NULL, 1) == 1);
    ret = reap_within(&ring, &c, 5000);
    CHECKF(ret == 0, "no tag CQE after the second update: %s", strerror(-ret));
    CHECKF(c.user_data == 0x7a7 && c.res == 0 && c.flags == 0,
           "tag CQE: user_data %llx res %d flags %x", (unsigned long long)c.user_data,
           c.res, c.flags);
    /* slot 0 gets tag 0x7a8 (its old file, untagged, posts nothing) */
    tag = 0x7a8;
    CHECK(hr_register_files_update_tag(&ring, 0, &p[0], &tag, 1) == 1);
    /* unregister: slot 0's tag at once (6.13+) or no CQE (5.13-6.12);
       never one for the untagged slot 1 */
    CHECK(hr_unregister_files(&ring) == 0);
    CHECK(hr_submit_and_wait(&ring, 0) >= 0);       /* run pending task work */
    ret = hr_copy_cqes(&ring, &c, 1, 0);
    CHECK(ret == 0 || ret == 1);
    if (ret == 1)
        CHECKF(c.user_data == 0x7a8 && c.res == 0 && c.flags == 0,
               "unregister CQE: user_data %llx res %d flags %x",
               (unsigned long long)c.user_data, c.res, c.flags);
    /* either way, nothing more: not the tag late, not any other */
    ret = reap_within(&ring, &c, 300);
    CHECKF(ret == -ETIME, "unexpected CQE after unregister: user_data %llx res %d",
           (unsigned long long)c.user_data, c.res);
    CHECK(hr_unregister_files(&ring) == -ENXIO);
    hr_ring_exit(&ring);
    close(p[0]); close(p[1]);
    return HR_PASS;
}

/* ---- fixed buffers ------------------------------------------------------------ */

static int t_buffers(void)
{
    static char b0[64], b1[64];
    int p[2];
    CHECK(pipe(p) == 0);
    ring_up(0);
    struct iovec iov[2] = { { b0, sizeof b0 }, { b1, sizeof b1 } };
    CHECK(hr_register_buffers(&ring, iov, 2) == 0);
    CHECK(hr_register_buffers(&ring, iov, 2) == -EBUSY);
    memcpy(b1, "fixed!", 6);
    struct hr_sqe *s = hr_get_sqe(&ring);
    struct hr_cqe c;
    hr_prep_write_fixed(s, p[1], b1, 6, 0, 1);
    CHECK(reap_one(&ring, &c) == 0 && c.res == 6);
    s = hr_get_sqe(&ring);
    hr_prep_read_fixed(s, p[0], b0, 6, 0, 0);
    CHECK(reap_one(&ring, &c) == 0 && c.res == 6);
    CHECK(memcmp(b0, "fixed!", 6) == 0);
    /* a buffer outside registered buffer 0 */
    s = hr_get_sqe(&ring);
    hr_prep_write_fixed(s, p[1], b1, 6, 0, 0);
    CHECK(reap_one(&ring, &c) == 0 && c.res == -EFAULT);
    CHECK(hr_unregister_buffers(&ring) == 0);
    CHECK(hr_unregister_buffers(&ring) == -ENXIO);
    hr_ring_exit(&ring);
    close(p[0]); close(p[1]);
    return HR_PASS;
}

static int t_buffers_sparse_update(void)
{
    static char b[32];
    int p[2];
    CHECK(pipe(p) == 0);
    ring_up(0);
    int ret = hr_register_buffers_sparse(&ring, 4);
    SKIP_IF_OLD(ret, "sparse buffer tables (IORING_REGISTER_BUFFERS2)");
    CHECK(ret == 0);
    struct iovec iov = { b, sizeof b };
    CHECK(hr_register_buffers_update_tag(&ring, 3, &iov, NULL, 1) == 1);
    memcpy(b, "sparse", 6);
    struct hr_sqe *s = hr_get_sqe(&ring);
    struct hr_cqe c;
    hr_prep_write_fixed(s, p[1], b, 6, 0, 3);
    CHECK(reap_one(&ring, &c) == 0 && c.res == 6);
    char got[6];
    CHECK(read(p[0], got, 6) == 6 && memcmp(got, "sparse", 6) == 0);
    s = hr_get_sqe(&ring);
    hr_prep_write_fixed(s, p[1], b, 6, 0, 2);              /* empty slot */
    CHECK(reap_one(&ring, &c) == 0 && c.res == -EFAULT);
    CHECK(hr_unregister_buffers(&ring) == 0);
    uint64_t tags[1] = { 0 };
    CHECK(hr_register_buffers_tags(&ring, &iov, tags, 1) == 0);
    CHECK(hr_unregister_buffers(&ring) == 0);
    hr_ring_exit(&ring);
    close(p[0]); close(p[1]);
    return HR_PASS;
}

/* ---- probe ------------------------------------------------------------------- */

static int t_probe(void)
{
    static union hr_probe probe;
    ring_up(0);
    memset(&probe, 0xa5, sizeof probe);         /* hr_register_probe must zero it */
    int ret = hr_get_probe_ring(&ring, &probe);
    SKIP_IF_OLD(ret, "IORING_REGISTER_PROBE");
    CHECKF(ret == 0, "probe: %d", ret);
    struct io_uring_probe *p = &probe.hdr;
    CHECK(p->last_op >= IORING_OP_READ && p->ops_len > p->last_op);
    CHECK(hr_probe_opcode_supported(p, IORING_OP_NOP) == 1);
    CHECK(hr_probe_opcode_supported(p, IORING_OP_READ) == 1);
    CHECK(hr_probe_opcode_supported(p, p->last_op + 1) == 0);
    CHECK(hr_probe_opcode_supported(p, 255) == 0);
    CHECK(hr_probe_opcode_supported(p, 100000) == 0);
    CHECK(hr_probe_opcode_supported(p, -1) == 0);
    CHECK(hr_probe_opcode_supported(NULL, IORING_OP_NOP) == 0);
    /* a short probe: only 2 entries; never read past ops_len */
    struct { struct io_uring_probe h; struct io_uring_probe_op o[2]; } small;
    memset(&small, 0x5a, sizeof small);
    CHECK(hr_register_probe(&ring, &small.h, 2) == 0);
    CHECK(small.h.ops_len == 2);
    CHECK(hr_probe_opcode_supported(&small.h, IORING_OP_NOP) == 1);
    CHECK(hr_probe_opcode_supported(&small.h, IORING_OP_READ) == 0);  /* not probed */
    CHECK(hr_register_probe(&ring, NULL, 4) == -EINVAL);
    CHECK(hr_get_probe_ring(&ring, NULL) == -EINVAL);
    hr_ring_exit(&ring);
    return HR_PASS;
}

/* ---- eventfd ----------------------------------------------------------------- */

static int t_eventfd(void)
{
    ring_up(0);
    int efd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    CHECK(efd >= 0);
    CHECK(hr_register_eventfd(&ring, efd) == 0);
    CHECK(hr_register_eventfd(&ring, efd) == -EBUSY);
    int res;
    CHECK(nop_res(&ring, 1, 0, &res) == 0 && res == 0);
    uint64_t v = 0;
    CHECKF(read(efd, &v, sizeof v) == sizeof v && v >= 1, "eventfd not signalled");
    CHECK(hr_unregister_eventfd(&ring) == 0);
    CHECK(hr_unregister_eventfd(&ring) == -ENXIO);
    CHECK(nop_res(&ring, 2, 0, &res) == 0 && res == 0);
    CHECK(read(efd, &v, sizeof v) < 0 && errno == EAGAIN);   /* not signalled now */
    int ret = hr_register_eventfd_async(&ring, efd);
    SKIP_IF_OLD(ret, "IORING_REGISTER_EVENTFD_ASYNC");
    CHECK(ret == 0);
    /* async only: an inline completion does not signal it, one punted to
       io-wq (IOSQE_ASYNC) does (mutant reg-eventfd-async-op) */
    CHECK(nop_res(&ring, 3, 0, &res) == 0 && res == 0);
    CHECKF(read(efd, &v, sizeof v) < 0 && errno == EAGAIN,
           "eventfd registered async was signalled by an inline NOP");
    struct hr_sqe *q = hr_get_sqe(&ring);
    CHECK(q != NULL);
    hr_prep_nop(q);
    q->user_data = 4;
    q->flags = IOSQE_ASYNC;
    struct hr_cqe c;
    CHECK(reap_one(&ring, &c) == 0 && c.user_data == 4 && c.res == 0);
    CHECKF(read(efd, &v, sizeof v) == sizeof v && v >= 1, "async eventfd not signalled from io-wq");
    CHECK(hr_unregister_eventfd(&ring) == 0);
    CHECK(hr_register_eventfd(&ring, -1) == -EBADF);
    close(efd);
    hr_ring_exit(&ring);
    return HR_PASS;
}

/* ---- registered ring fd ------------------------------------------------------------- */

static int t_ring_fd(void)
{
    int res;
    ring_up(0);
    const int fd = ring.ring_fd;
    CHECK(ring.enter_fd == fd && ring.enter_flags == 0);
    int ret = hr_register_ring_fd(&ring);
    SKIP_IF_OLD(ret, "IORING_REGISTER_RING_FDS");
    CHECKF(ret == 1, "register_ring_fd: %d", ret);
    CHECK(ring.enter_flags == IORING_ENTER_REGISTERED_RING);
    CHECK(ring.enter_fd >= 0 && ring.enter_fd < 64 && ring.ring_fd == fd);
    /* NOPs through the registered index: many, to pass the CQ ring twice */
    for (int i = 0; i < 40; i++)
        CHECK(nop_res(&ring, 100 + i, 0, &res) == 0 && res == 0);
    CHECK(hr_register_ring_fd(&ring) == -EEXIST);
    /* register calls keep using the plain fd */
    CHECK(hr_register_files_sparse(&ring, 2) == 0 && hr_unregister_files(&ring) == 0);
    CHECK(hr_unregister_ring_fd(&ring) == 1);
    CHECK(ring.enter_fd == fd && ring.enter_flags == 0);
    CHECK(hr_unregister_ring_fd(&ring) == -EINVAL);
    CHECK(nop_res(&ring, 7, 0, &res) == 0 && res == 0);
    /* registered again, then torn down by hr_ring_exit */
    CHECK(hr_register_ring_fd(&ring) == 1);
    CHECK(nop_res(&ring, 8, 0, &res) == 0 && res == 0);
    hr_ring_exit(&ring);
    CHECK(ring.enter_flags == 0 && ring.ring_fd == -1);
    CHECK(fcntl(fd, F_GETFD) == -1 && errno == EBADF);
    return HR_PASS;
}

static int maps_lines(void)
{
    FILE *f = fopen("/proc/self/maps", "r");
    int n = 0, ch;
    if (!f)
        return -1;
    while ((ch = fgetc(f)) != EOF)
        n += ch == '\n';
    fclose(f);
    return n;
}

/* The plain fd closed once the ring fd is registered: enters and
   registrations go through the index, exit unregisters and unmaps. */
static int t_close_ring_fd(void)
{
    int res;
    const int maps = maps_lines();
    ring_up(0);
    const int fd = ring.ring_fd;
    if (!(ring.features & IORING_FEAT_REG_REG_RING)) {
        CHECK(hr_close_ring_fd(&ring) == -EOPNOTSUPP && ring.ring_fd == fd);
        hr_ring_exit(&ring);
        SKIP_BECAUSE("kernel lacks IORING_FEAT_REG_REG_RING (6.3)");
    }
    CHECK(hr_close_ring_fd(&ring) == -EINVAL && ring.ring_fd == fd);   /* not registered */
    CHECK(hr_close_ring_fd(NULL) == -EINVAL);
    CHECK(hr_register_ring_fd(&ring) == 1);
    CHECK(hr_close_ring_fd(&ring) == 1);
    CHECK(ring.ring_fd == -1 && (ring.enter_flags & IORING_ENTER_REGISTERED_RING));
    CHECK(fcntl(fd, F_GETFD) == -1 && errno == EBADF);
    CHECK(hr_close_ring_fd(&ring) == -EBADF);
    /* enters through the index, across the CQ ring twice */
    for (int i = 0; i < 40; i++)
        CHECK(nop_res(&ring, 200 + i, 0, &res) == 0 && res == 0);
    /* registrations through the index (IORING_REGISTER_USE_REGISTERED_RING) */
    CHECK(hr_register_files_sparse(&ring, 2) == 0 && hr_unregister_files(&ring) == 0);
    union hr_probe probe;
    CHECK(hr_get_probe_ring(&ring, &probe) == 0 && probe.hdr.ops_len > IORING_OP_NOP);
    hr_ring_exit(&ring);
    CHECK(ring.enter_flags == 0 && ring.ring_fd == -1 && ring.ring_mem == NULL);
    CHECKF(maps_lines() == maps, "mapping leak: %d -> %d", maps, maps_lines());
    /* a torn-down ring: nothing to call through */
    CHECK(hr_register_files_sparse(&ring, 2) == -EBADF);
    return HR_PASS;
}

/* Several rings registered at once get distinct indexes. */
static int t_ring_fd_many(void)
{
    static struct hr_ring rs[4];
    int res;
    for (int i = 0; i < 4; i++) {
        CHECK(hr_ring_init(&rs[i], 4, 0) == 0);
        int ret = hr_register_ring_fd(&rs[i]);
        SKIP_IF_OLD(ret, "IORING_REGISTER_RING_FDS");
        CHECK(ret == 1);
    }
    for (int i = 0; i < 4; i++) {
        for (int j = 0; j < i; j++)
            CHECK(rs[i].enter_fd != rs[j].enter_fd);
        CHECK(nop_res(&rs[i], (uint64_t)i, 0, &res) == 0 && res == 0);
    }
    for (int i = 0; i < 4; i++)
        hr_ring_exit(&rs[i]);
    return HR_PASS;
}

/* ---- personality, io-wq, restrictions, cancel ----------------------------------------- */

static int t_personality(void)
{
    int res;
    ring_up(0);
    int id = hr_register_personality(&ring);
    SKIP_IF_OLD(id, "IORING_REGISTER_PERSONALITY");
    CHECKF(id > 0 && id <= 0xffff, "personality id %d", id);
    CHECK(nop_res(&ring, 1, (uint16_t)id, &res) == 0 && res == 0);
    CHECK(hr_unregister_personality(&ring, id) == 0);
    CHECK(hr_unregister_personality(&ring, id) == -EINVAL);
    CHECK(nop_res(&ring, 2, (uint16_t)id, &res) == 0 && res == -EINVAL);
    hr_ring_exit(&ring);
    return HR_PASS;
}

static int t_iowq_max_workers(void)
{
    ring_up(0);
    unsigned v[2] = { 0, 0 };
    int ret = hr_register_iowq_max_workers(&ring, v);
    SKIP_IF_OLD(ret, "IORING_REGISTER_IOWQ_MAX_WORKERS");
    CHECK(ret == 0);
    unsigned set[2] = { 3, 5 };
    CHECK(hr_register_iowq_max_workers(&ring, set) == 0);
    CHECK(set[0] == v[0] && set[1] == v[1]);          /* previous limits back */
    unsigned get[2] = { 0, 0 };
    CHECK(hr_register_iowq_max_workers(&ring, get) == 0);
    CHECK(get[0] == 3 && get[1] == 5);
    CHECK(hr_register_iowq_max_workers(&ring, NULL) == -EINVAL);
    unsigned char mask[8] = { 1 };
    ret = hr_register_iowq_aff(&ring, sizeof mask, mask);
    if (ret != -EINVAL && ret != -EOPNOTSUPP) {
        CHECK(ret == 0);
        CHECK(hr_unregister_iowq_aff(&ring) == 0);
    }
    CHECK(hr_register_iowq_aff(&ring, sizeof mask, NULL) == -EINVAL);
    hr_ring_exit(&ring);
    return HR_PASS;
}

static int t_restrictions(void)
{
    int res;
    if (hr_ring_init(&ring, 8, IORING_SETUP_R_DISABLED))
        SKIP_BECAUSE("IORING_SETUP_R_DISABLED not accepted");
    struct io_uring_restriction rs[2];
    memset(rs, 0, sizeof rs);
    rs[0].opcode = IORING_RESTRICTION_SQE_OP;
    rs[0].sqe_op = IORING_OP_NOP;
    rs[1].opcode = IORING_RESTRICTION_REGISTER_OP;
    rs[1].register_op = IORING_REGISTER_PROBE;
    int ret = hr_register_restrictions(&ring, rs, 2);
    SKIP_IF_OLD(ret, "IORING_REGISTER_RESTRICTIONS");
    CHECK(ret == 0);
    CHECK(hr_register_restrictions(&ring, NULL, 1) == -EINVAL);
    CHECK(hr_enable_rings(&ring) == 0);
    CHECK(nop_res(&ring, 1, 0, &res) == 0 && res == 0);
    /* READ is not allowed */
    char b[4];
    struct hr_sqe *s = hr_get_sqe(&ring);
    struct hr_cqe c;
    hr_prep_read(s, 0, b, sizeof b, 0);
    CHECK(reap_one(&ring, &c) == 0 && c.res == -EACCES);
    /* register ops other than PROBE are refused */
    CHECK(hr_register_files_sparse(&ring, 2) == -EACCES);
    static union hr_probe probe;
    CHECK(hr_get_probe_ring(&ring, &probe) == 0);
    hr_ring_exit(&ring);
    return HR_PASS;
}

static int t_sync_cancel(void)
{
    ring_up(0);
    struct io_uring_sync_cancel_reg reg;
    memset(&reg, 0, sizeof reg);
    reg.addr = 0xdead;                      /* no such request */
    reg.fd = -1;
    reg.timeout.tv_sec = -1;
    reg.timeout.tv_nsec = -1;
    int ret = hr_register_sync_cancel(&ring, &reg);
    SKIP_IF_OLD(ret, "IORING_REGISTER_SYNC_CANCEL");
    CHECKF(ret == -ENOENT, "sync cancel of nothing: %d", ret);
    /* a pending read on an empty pipe, cancelled synchronously */
    int p[2];
    CHECK(pipe(p) == 0);
    char b[4];
    struct hr_sqe *s = hr_get_sqe(&ring);
    hr_prep_read(s, p[0], b, sizeof b, 0);
    s->user_data = 0xbeef;
    CHECK(hr_submit(&ring) == 1);
    reg.addr = 0xbeef;
    CHECK(hr_register_sync_cancel(&ring, &reg) == 0);
    struct hr_cqe c;
    CHECK(reap_soon(&ring, &c) == 0 && c.user_data == 0xbeef && c.res == -ECANCELED);
    CHECK(hr_register_sync_cancel(&ring, NULL) == -EINVAL);
    close(p[0]); close(p[1]);
    hr_ring_exit(&ring);
    return HR_PASS;
}

/* ---- bad inputs: -errno, never a crash ------------------------------------------------- */

static int t_bad_inputs(void)
{
    ring_up(0);
    struct hr_ring *r = &ring;
    CHECK(hr_register_files(NULL, NULL, 0) == -EINVAL);
    CHECK(hr_register_files(r, NULL, 3) == -EINVAL);
    int ret = hr_register_files(r, NULL, 0);                    /* the kernel's answer */
    CHECKF(ret == -EINVAL || ret == -EFAULT, "register_files(NULL, 0): %d", ret);
    CHECK(hr_register_files_tags(r, NULL, NULL, 2) == -EINVAL);
    CHECK(hr_register_files_update(r, 0, NULL, 1) == -EINVAL);
    CHECK(hr_register_files_update_tag(r, 0, NULL, NULL, 1) == -EINVAL);
    CHECK(hr_register_files_update(r, 0, (int[]){ 1 }, 1) == -ENXIO);  /* no table */
    int bad = 123456;
    CHECK(hr_register_files(r, &bad, 1) == -EBADF);
    CHECK(hr_register_buffers(r, NULL, 1) == -EINVAL);
    CHECK(hr_register_buffers_tags(r, NULL, NULL, 1) == -EINVAL);
    CHECK(hr_register_buffers_update_tag(r, 0, NULL, NULL, 1) == -EINVAL);
    struct iovec wild = { (void *)16, 4096 };
    CHECK(hr_register_buffers(r, &wild, 1) == -EFAULT);
    CHECK(hr_register_eventfd(r, 123456) == -EBADF);
    CHECK(hr_register_probe(NULL, NULL, 0) == -EINVAL);
    CHECK(hr_register_ring_fd(NULL) == -EINVAL);
    CHECK(hr_unregister_ring_fd(NULL) == -EINVAL);
    CHECK(hr_register_iowq_max_workers(NULL, (unsigned[2]){ 0, 0 }) == -EINVAL);
    CHECK(hr_register_restrictions(r, NULL, 2) == -EINVAL);
    CHECK(hr_register_sync_cancel(NULL, NULL) == -EINVAL);
    CHECK(hr_register_buf_ring(r, NULL, 0) == -EINVAL);
    struct io_uring_buf_reg breg;
    memset(&breg, 0, sizeof breg);
    CHECK(hr_register_buf_ring(r, &breg, 1) == -EINVAL);       /* flags reserved */
    CHECK(hr_unregister_buf_ring(r, -1) == -EINVAL);
    CHECK(hr_unregister_buf_ring(r, 70000) == -EINVAL);
    CHECK(hr_unregister_buf_ring(r, 9) == -ENOENT);            /* not registered */
    CHECK(hr_unregister_personality(r, 4242) == -EINVAL);
    CHECK(hr_enable_rings(r) == -EBADFD);                      /* not disabled */
    CHECK(hr_unregister_files(NULL) == -EINVAL);
    hr_ring_exit(r);
    /* a torn-down ring: its fd is -1 */
    ret = hr_register_files_sparse(r, 2);
    CHECKF(ret == -EBADF, "register on a torn-down ring (fd %d): %d", r->ring_fd, ret);
    CHECK(hr_register_personality(r) == -EBADF);
    CHECK(hr_register_ring_fd(r) == -EBADF && r->enter_flags == 0);
    return HR_PASS;
}

int main(int argc, char **argv)
{
    static const struct hr_case cases[] = {
        { "files: register, fixed-file write, unregister", t_files },
        { "files: sparse table, update, skip, alloc range", t_files_sparse_update },
        { "files: alloc range, open_direct picks its first slot", t_file_alloc_range },
        { "files: tags, updates post the tag CQEs, unregister its tag or none", t_files_tags },
        { "buffers: register, read/write fixed, unregister", t_buffers },
        { "buffers: sparse, update, tags", t_buffers_sparse_update },
        { "probe: NOP/READ supported, out-of-range ops not", t_probe },
        { "eventfd: signalled per CQE, async, unregister", t_eventfd },
        { "ring fd: register, NOPs through the index, unregister", t_ring_fd },
        { "ring fd: four rings, distinct indexes", t_ring_fd_many },
        { "ring fd: plain fd closed, calls through the index, exit unmaps", t_close_ring_fd },
        { "personality: NOP with it, unregister", t_personality },
        { "io-wq: max workers round trip, affinity", t_iowq_max_workers },
        { "restrictions: R_DISABLED ring, only NOP, enable", t_restrictions },
        { "sync cancel: nothing -> ENOENT, pending read cancelled", t_sync_cancel },
        { "bad inputs: -EINVAL/-EBADF/-EFAULT, no crash", t_bad_inputs },
    };
    static const struct hr_suite suite = { .name = "register", .timeout_s = 20 };
    return hr_test_main(&suite, cases, (int)(sizeof cases / sizeof cases[0]), argc, argv);
}
