/* (liburing 2.5+ behaviour, compat only) IORING_SETUP_NO_MMAP without
   caller memory: io_uring_queue_init / io_uring_queue_init_params /
   __io_uring_queue_init_params allocate the ring memory themselves (one
   anonymous shared mapping here), NOPs go through the ring, and
   io_uring_queue_exit unmaps it -- and only it: a caller's buffer from
   io_uring_queue_init_mem stays mapped.  Failed setups leave nothing
   mapped.  Shared anonymous mappings show in /proc/self/maps as
   "/dev/zero (deleted)"; this program makes no others, so counting them
   counts the ring memory. */
#include "ct.h"
#include <sys/mman.h>
#include <sys/utsname.h>

/* Lines of /proc/self/maps naming a shared anonymous mapping (read with
   read(2) into a static buffer: no allocation while counting). */
static int shared_anon_maps(void)
{
    static char buf[1 << 16];
    const char *pat = "/dev/zero (deleted)";
    int fd = open("/proc/self/maps", O_RDONLY);
    size_t len = 0;
    ssize_t n;
    int count = 0;

    CHECK(fd >= 0);
    while ((n = read(fd, buf + len, sizeof(buf) - 1 - len)) > 0)
        len += (size_t)n;
    close(fd);
    CHECK(len < sizeof(buf) - 1);
    buf[len] = 0;
    for (const char *s = buf; (s = strstr(s, pat)) != NULL; s += strlen(pat))
        count++;
    return count;
}

static int unmapped(void *addr)
{
    return msync(addr, 1, MS_ASYNC) == -1 && errno == ENOMEM;
}

static void nops(struct io_uring *r, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        struct io_uring_sqe *s = ct_sqe(r);
        io_uring_prep_nop(s);
        io_uring_sqe_set_data64(s, 100 + i);
    }
    CHECK_EQ(io_uring_submit_and_wait(r, n), n);
    for (unsigned i = 0; i < n; i++) {
        struct io_uring_cqe *c;
        CHECK_EQ(io_uring_wait_cqe(r, &c), 0);
        CHECK_EQ(c->user_data, 100 + i);
        CHECK_EQ(c->res, 0);
        io_uring_cqe_seen(r, c);
    }
}

/* A live NO_MMAP ring in memory of our own making: one mapping, NOPs, then
   exit unmaps it. */
static void use_and_exit(struct io_uring *r, unsigned n)
{
    void *sqes = r->sq.sqes;

    CHECK(r->flags & IORING_SETUP_NO_MMAP);
    CHECK_EQ(shared_anon_maps(), 1);
    CHECK(!unmapped(sqes));
    CHECK_EQ(io_uring_ring_dontfork(r), 0);
    nops(r, n);
    io_uring_queue_exit(r);
    CHECK_EQ(shared_anon_maps(), 0);
    CHECK(unmapped(sqes));
}

/* Kernel 6.13+ pins NO_MMAP regions of more than one page from any pages;
   older kernels want them inside one huge page. */
static int kernel_at_least(int major, int minor)
{
    struct utsname u;
    int ma = 0, mi = 0;

    CHECK_EQ(uname(&u), 0);
    CHECK(sscanf(u.release, "%d.%d", &ma, &mi) == 2);
    return ma > major || (ma == major && mi >= minor);
}

int main(void)
{
    struct io_uring r;
    struct io_uring_params p;
    int ret;

    CHECK_EQ(shared_anon_maps(), 0);

    /* io_uring_queue_init with the flag alone */
    ret = io_uring_queue_init(8, &r, IORING_SETUP_NO_MMAP);
    if (ret == -EINVAL)
        SKIP("kernel without IORING_SETUP_NO_MMAP");
    CHECK_EQ(ret, 0);
    CHECK_EQ(r.sq.ring_entries, 8);
    use_and_exit(&r, 8);

    /* io_uring_queue_init_params: user_addr values in *p are replaced (as
       liburing does), the kernel's answer comes back in *p */
    void *gone = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(gone != MAP_FAILED);
    CHECK_EQ(munmap(gone, 4096), 0);
    memset(&p, 0, sizeof(p));
    p.flags = IORING_SETUP_NO_MMAP;
    p.sq_off.user_addr = (unsigned long long)(uintptr_t)gone;
    p.cq_off.user_addr = (unsigned long long)(uintptr_t)gone + 64;
    CHECK_EQ(io_uring_queue_init_params(5, &r, &p), 0);
    CHECK_EQ(p.sq_entries, 8);
    CHECK_EQ(p.cq_entries, 16);
    CHECK(p.sq_off.user_addr == (unsigned long long)(uintptr_t)r.sq.sqes);
    CHECK(p.sq_off.user_addr != (unsigned long long)(uintptr_t)gone);
    use_and_exit(&r, 5);

    /* liburing's internal entry point: bytes used, as with caller memory */
    memset(&p, 0, sizeof(p));
    p.flags = IORING_SETUP_NO_MMAP;
    ret = __io_uring_queue_init_params(16, &r, &p, NULL, 0);
    CHECK(ret > 0 && ret <= io_uring_memory_size(16, 0));
    use_and_exit(&r, 16);

    /* more than one page per region: SQE128, CQE32, 4096 CQEs */
    memset(&p, 0, sizeof(p));
    p.flags = IORING_SETUP_NO_MMAP | IORING_SETUP_SQE128 | IORING_SETUP_CQE32 |
              IORING_SETUP_CQSIZE;
    p.cq_entries = 4096;
    ret = io_uring_queue_init_params(256, &r, &p);
    if (kernel_at_least(6, 13)) {
        CHECK_EQ(ret, 0);
        CHECK_EQ(p.cq_entries, 4096);
        use_and_exit(&r, 32);
    } else {
        if (ret == 0)
            use_and_exit(&r, 32);
        CHECK_EQ(shared_anon_maps(), 0);
    }

    /* failures after the memory was mapped leave nothing behind: a flag
       the core refuses, a CPU the kernel refuses */
    memset(&p, 0, sizeof(p));
    p.flags = IORING_SETUP_NO_MMAP | (1u << 31);
    CHECK_EQ(io_uring_queue_init_params(8, &r, &p), -EINVAL);
    CHECK_EQ(r.ring_fd, -1);
    CHECK_EQ(shared_anon_maps(), 0);
    memset(&p, 0, sizeof(p));
    p.flags = IORING_SETUP_NO_MMAP | IORING_SETUP_SQPOLL | IORING_SETUP_SQ_AFF;
    p.sq_thread_cpu = 4095;
    ret = io_uring_queue_init_params(8, &r, &p);
    CHECK(ret == -EINVAL || ret == -EPERM);
    CHECK_EQ(shared_anon_maps(), 0);
    /* before any allocation: 0 entries */
    memset(&p, 0, sizeof(p));
    p.flags = IORING_SETUP_NO_MMAP;
    CHECK_EQ(io_uring_queue_init_params(0, &r, &p), -EINVAL);
    CHECK_EQ(shared_anon_maps(), 0);

    /* a caller's buffer (io_uring_queue_init_mem) is not unmapped by exit */
    const ssize_t need = io_uring_memory_size(8, 0);
    CHECK(need > 0);
    void *buf = mmap(NULL, need, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    CHECK(buf != MAP_FAILED);
    memset(&p, 0, sizeof(p));
    ret = io_uring_queue_init_mem(8, &r, &p, buf, need);
    CHECK(ret > 0 && ret <= need);
    CHECK((void *)r.sq.sqes == buf);
    nops(&r, 4);
    io_uring_queue_exit(&r);
    CHECK_EQ(shared_anon_maps(), 1);
    CHECK(!unmapped(buf));
    memset(buf, 0x5a, need);                     /* still ours */
    CHECK_EQ(munmap(buf, need), 0);
    CHECK_EQ(shared_anon_maps(), 0);

    printf("nommap-alloc: ok\n");
    return 0;
}
