/* live_misuse.c -- suite `misuse`: what setup and teardown do with the
 * requests a caller gets wrong.  The kernel's semantics where it has them
 * (entries rounded up to a power of two, IORING_SETUP_CLAMP), a clear
 * -errno where it rejects, and a teardown that is safe on every struct
 * hr_ring that holds no ring (all zero, HR_RING_INIT, torn down, failed
 * init).  Nothing may leak: every case counts the open fds. */
#include <hringas.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#define HR_TEST_IMPLEMENTATION
#include "hr_test.h"

static int open_fds(void)
{
    int n = 0;
    DIR *d = opendir("/proc/self/fd");
    if (!d)
        return -1;
    while (readdir(d))
        n++;
    closedir(d);
    return n;
}

/* init with `entries`, expect success with the kernel's sizes */
static int init_expect(uint32_t entries, uint32_t flags, uint32_t cq, uint32_t want_sq, uint32_t want_cq)
{
    struct io_uring_params p;
    memset(&p, 0, sizeof p);
    p.flags = flags;
    p.cq_entries = cq;
    struct hr_ring r;
    int before = open_fds();
    int ret = hr_ring_init_params(&r, entries, &p);
    CHECKF(ret == 0, "init(%u, flags 0x%x, cq %u) = %d, want 0", entries, flags, cq, ret);
    CHECKF(r.sq.entries == want_sq && r.cq.entries == want_cq,
           "init(%u): sq %u cq %u, want %u %u", entries, r.sq.entries, r.cq.entries, want_sq, want_cq);
    CHECK(p.sq_entries == want_sq && p.cq_entries == want_cq);
    CHECK(r.flags == p.flags && r.features == p.features);
    hr_ring_exit(&r);
    CHECK(open_fds() == before);
    return HR_PASS;
}

static int init_rejects(uint32_t entries, uint32_t flags, uint32_t cq, int want)
{
    struct io_uring_params p;
    memset(&p, 0, sizeof p);
    p.flags = flags;
    p.cq_entries = cq;
    struct hr_ring r;
    int before = open_fds();
    int ret = hr_ring_init_params(&r, entries, &p);
    CHECKF(ret == want, "init(%u, flags 0x%x, cq %u) = %d, want %d", entries, flags, cq, ret, want);
    CHECK(r.ring_fd == -1 && r.ring_mem == NULL);
    hr_ring_exit(&r);                 /* after a failed init: nothing */
    CHECK(open_fds() == before);
    return HR_PASS;
}

static int t_round_up(void)
{
    int ret;
    if ((ret = init_expect(3, 0, 0, 4, 8)) != HR_PASS) return ret;
    if ((ret = init_expect(1000, 0, 0, 1024, 2048)) != HR_PASS) return ret;
    if ((ret = init_expect(1, 0, 0, 1, 2)) != HR_PASS) return ret;
    return init_expect(32767, 0, 0, 32768, 65536);
}

static int t_clamp(void)
{
    int ret;
    if ((ret = init_expect(1u << 20, IORING_SETUP_CLAMP, 0, 32768, 65536)) != HR_PASS) return ret;
    if ((ret = init_expect(0xffffffffu, IORING_SETUP_CLAMP, 0, 32768, 65536)) != HR_PASS) return ret;
    if ((ret = init_expect(4, IORING_SETUP_CLAMP | IORING_SETUP_CQSIZE, 1u << 20, 4, 65536)) != HR_PASS) return ret;
    struct hr_ring r;
    ret = hr_ring_init(&r, 1u << 20, IORING_SETUP_CLAMP);
    CHECKF(ret == 0 && r.sq.entries == 32768, "hr_ring_init(2^20, CLAMP) = %d, sq %u", ret, r.sq.entries);
    hr_ring_exit(&r);
    return HR_PASS;
}

static int t_cqsize_round_up(void)
{
    int ret;
    if ((ret = init_expect(2, IORING_SETUP_CQSIZE, 3, 2, 4)) != HR_PASS) return ret;
    return init_expect(4, IORING_SETUP_CQSIZE, 100, 4, 128);
}

static int t_rejects(void)
{
    int ret;
    if ((ret = init_rejects(0, 0, 0, -EINVAL)) != HR_PASS) return ret;
    if ((ret = init_rejects(1u << 20, 0, 0, -EINVAL)) != HR_PASS) return ret;        /* no CLAMP */
    if ((ret = init_rejects(32769, 0, 0, -EINVAL)) != HR_PASS) return ret;
    if ((ret = init_rejects(4, IORING_SETUP_CQSIZE, 0, -EINVAL)) != HR_PASS) return ret;
    if ((ret = init_rejects(4, IORING_SETUP_CQSIZE, 1u << 20, -EINVAL)) != HR_PASS) return ret;
    if ((ret = init_rejects(8, IORING_SETUP_CQSIZE, 4, -EINVAL)) != HR_PASS) return ret; /* cq < sq: the kernel */
    if ((ret = init_rejects(4, 1u << 30, 0, -EINVAL)) != HR_PASS) return ret;          /* unknown flag */
    return init_rejects(4, IORING_SETUP_SQ_AFF, 0, -EINVAL);                        /* SQ_AFF without SQPOLL */
}

/* fd 0 must survive every teardown of a struct that holds no ring */
static int fd0_alive(void)
{
    return fcntl(0, F_GETFD) >= 0;
}

static int t_exit_zeroed(void)
{
    if (!fd0_alive()) {
        int fd = open("/dev/null", O_RDONLY);
        CHECK(fd == 0);
    }
    struct hr_ring zero;
    memset(&zero, 0, sizeof zero);      /* ring_fd == 0: stdin */
    hr_ring_exit(&zero);
    CHECKF(fd0_alive(), "hr_ring_exit on an all-zero ring closed fd 0");
    static struct hr_ring st;           /* static storage: zero */
    hr_ring_exit(&st);
    CHECK(fd0_alive());
    struct hr_ring init = HR_RING_INIT;
    hr_ring_exit(&init);
    CHECK(fd0_alive());
    return HR_PASS;
}

static int t_exit_twice(void)
{
    struct hr_ring r;
    int before = open_fds();
    CHECK(hr_ring_init(&r, 4, 0) == 0);
    int fd = r.ring_fd;
    hr_ring_exit(&r);
    CHECK(r.ring_fd == -1 && r.ring_mem == NULL && r.sqe_mem == NULL);
    CHECKF(fcntl(fd, F_GETFD) < 0, "ring fd %d still open after exit", fd);
    /* another file takes the number; a second exit must not close it */
    int other = open("/dev/null", O_RDONLY);
    CHECK(other >= 0);
    hr_ring_exit(&r);
    CHECKF(fcntl(other, F_GETFD) >= 0, "second hr_ring_exit closed an unrelated fd");
    close(other);
    CHECK(open_fds() == before);
    return HR_PASS;
}

static int t_exit_closes_ring_fd_only(void)
{
    struct hr_ring r;
    CHECK(hr_ring_init(&r, 4, 0) == 0);
    int ret = hr_register_ring_fd(&r);
    if (ret < 0 && ret != -EINVAL)
        CHECKF(0, "hr_register_ring_fd = %d", ret);
    int fd = r.ring_fd;
    int other = open("/dev/null", O_RDONLY);
    CHECK(other >= 0);
    hr_ring_exit(&r);
    CHECKF(fcntl(fd, F_GETFD) < 0, "ring fd %d still open after exit", fd);
    CHECKF(fcntl(other, F_GETFD) >= 0, "exit closed fd %d, not only the ring's", other);
    close(other);
    return HR_PASS;
}

/* 1 if every page of [p, p + len) is mapped, 0 if none is, -1 if mixed */
static int pages_mapped(const uint8_t *p, uint64_t len)
{
    const uint64_t pg = (uint64_t)sysconf(_SC_PAGESIZE);
    int some = 0, all = 1;
    for (uint64_t off = 0; off < len; off += pg) {
        unsigned char v;
        if (mincore((void *)(p + off), pg, &v) == 0)
            some = 1;
        else
            all = 0;
    }
    return all ? 1 : some ? -1 : 0;
}

/* hr_ring_exit unmaps every page of both mappings, whatever their sizes
   (the SQE array is the larger one here) (mutants exit-no-unmap,
   unmap-sqe-len of tests/mutate). */
static int t_exit_unmaps_both(void)
{
    static const uint32_t sizes[] = { 4, 256, 4096 };
    for (unsigned i = 0; i < 3; i++) {
        struct hr_ring r;
        HR_CTX("entries %u", sizes[i]);
        CHECK(hr_ring_init(&r, sizes[i], 0) == 0);
        const uint8_t *rm = (const uint8_t *)r.ring_mem, *sm = (const uint8_t *)r.sqe_mem;
        const uint64_t rl = r.ring_len, sl = r.sqe_len;
        CHECK(pages_mapped(rm, rl) == 1 && pages_mapped(sm, sl) == 1);
        hr_ring_exit(&r);
        CHECKF(pages_mapped(sm, sl) == 0, "SQE array (%llu bytes) still (partly) mapped after exit",
               (unsigned long long)sl);
        CHECKF(pages_mapped(rm, rl) == 0, "rings (%llu bytes) still (partly) mapped after exit",
               (unsigned long long)rl);
    }
    return HR_PASS;
}

/* A forked child tears down its copy of a ring whose fd the parent
   registered: the registration belongs to the parent's task, so the
   unregister in the child's hr_ring_exit fails and enter_fd keeps the
   registered index.  Exit must still close ring_fd, and never the number
   enter_fd holds (an index, not an fd) (mutant exit-closes-enter-fd). */
static int t_exit_in_child_closes_ring_fd(void)
{
    struct hr_ring r;
    CHECK(hr_ring_init(&r, 4, 0) == 0);
    int ret = hr_register_ring_fd(&r);
    if (ret == -EINVAL) {
        hr_ring_exit(&r);
        SKIP_BECAUSE("kernel lacks IORING_REGISTER_RING_FDS");
    }
    CHECKF(ret == 1, "hr_register_ring_fd = %d", ret);
    const int fd = r.ring_fd, idx = r.enter_fd;
    CHECK(idx != fd);
    /* a file at the number of the index, which exit must not close */
    if (fcntl(idx, F_GETFD) < 0) {
        int f = open("/dev/null", O_RDONLY);
        CHECK(f >= 0);
        if (f != idx) {
            CHECK(dup2(f, idx) == idx);
            close(f);
        }
    }
    fflush(NULL);
    const pid_t pid = fork();
    CHECK(pid >= 0);
    if (pid == 0) {
        hr_ring_exit(&r);
        int bad = 0;
        if (!(fcntl(fd, F_GETFD) < 0 && errno == EBADF))
            bad |= 1;                            /* ring fd left open */
        if (fcntl(idx, F_GETFD) < 0)
            bad |= 2;                            /* the index closed as an fd */
        if (r.ring_fd != -1 || r.ring_mem != NULL)
            bad |= 4;
        _exit(bad);
    }
    int st = 0;
    CHECK(waitpid(pid, &st, 0) == pid);
    CHECKF(WIFEXITED(st) && WEXITSTATUS(st) == 0,
           "exit in the child: %s%s%s (status 0x%x)",
           WIFEXITED(st) && (WEXITSTATUS(st) & 1) ? "ring fd still open; " : "",
           WIFEXITED(st) && (WEXITSTATUS(st) & 2) ? "closed fd <enter_fd>; " : "",
           WIFEXITED(st) && (WEXITSTATUS(st) & 4) ? "ring not cleared" : "", st);
    hr_ring_exit(&r);
    CHECK(fcntl(fd, F_GETFD) < 0);
    return HR_PASS;
}

/* hr_ring_exit gives the task's registered-ring slot back: far more rings
   than there are slots (16) can each register their fd in turn (mutant
   exit-no-unregister). */
static int t_exit_frees_ring_fd_slot(void)
{
    for (int i = 0; i < 40; i++) {
        struct hr_ring r;
        HR_CTX("ring %d", i);
        CHECK(hr_ring_init(&r, 2, 0) == 0);
        int ret = hr_register_ring_fd(&r);
        if (ret == -EINVAL && i == 0) {
            hr_ring_exit(&r);
            SKIP_BECAUSE("kernel lacks IORING_REGISTER_RING_FDS");
        }
        CHECKF(ret == 1, "hr_register_ring_fd = %d", ret);
        hr_ring_exit(&r);
    }
    return HR_PASS;
}

int main(int argc, char **argv)
{
    static const struct hr_case cases[] = {
        { "entries-round-up-to-power-of-two", t_round_up },
        { "clamp-caps-entries", t_clamp },
        { "cqsize-round-up", t_cqsize_round_up },
        { "bad-requests-einval-nothing-leaked", t_rejects },
        { "exit-on-zeroed-ring-is-noop", t_exit_zeroed },
        { "exit-twice-is-noop", t_exit_twice },
        { "exit-closes-the-ring-fd-only", t_exit_closes_ring_fd_only },
        { "exit-unmaps-every-page-of-both-mappings", t_exit_unmaps_both },
        { "exit-in-forked-child-closes-ring-fd-not-index", t_exit_in_child_closes_ring_fd },
        { "exit-frees-the-registered-ring-slot", t_exit_frees_ring_fd_slot },
    };
    static const struct hr_suite suite = { .name = "misuse", .timeout_s = 30 };
    return hr_test_main(&suite, cases, (int)(sizeof cases / sizeof cases[0]), argc, argv);
}
