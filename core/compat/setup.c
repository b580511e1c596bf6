/* setup.c (libhringas-liburing) -- ring setup and teardown, raw system
 * calls, versions: liburing's out-of-line functions over the core's
 * hr_ring_init_params / hr_ring_exit and the core's system-call layer. */
#define _GNU_SOURCE
#include "liburing.h"
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define HRC_MAX_SQ 32768u          /* the kernel's IORING_MAX_ENTRIES */
#define HRC_MAX_CQ (2u * HRC_MAX_SQ)

/* The kernel rounds entry counts up to a power of two (and clamps them with
   IORING_SETUP_CLAMP); the core takes powers of two only. */
static unsigned roundup_pow2(unsigned x)
{
    unsigned v = 1;

    while (v < x)
        v <<= 1;
    return v;
}

/* Point the liburing-visible fields at what the core set up. */
static void mirror(struct io_uring *ring, const struct io_uring_params *p)
{
    struct hr_ring *r = &ring->hr;
    uint8_t *m = r->ring_mem;

    ring->sq.khead = r->sq.khead;
    ring->sq.ktail = r->sq.ktail;
    ring->sq.kring_mask = (unsigned *)(void *)(m + p->sq_off.ring_mask);
    ring->sq.kring_entries = (unsigned *)(void *)(m + p->sq_off.ring_entries);
    ring->sq.kflags = r->sq.kflags;
    ring->sq.kdropped = (unsigned *)(void *)(m + p->sq_off.dropped);
    ring->sq.array = r->sq.array;
    ring->sq.sqes = (struct io_uring_sqe *)(void *)r->sq.sqes;
    ring->sq.sqe_head = r->sq.sqe_head;
    ring->sq.sqe_tail = r->sq.sqe_tail;
    ring->sq.ring_sz = (size_t)r->ring_len;
    ring->sq.ring_ptr = m;
    ring->sq.ring_mask = r->sq.mask;
    ring->sq.ring_entries = r->sq.entries;
    ring->sq.sqes_sz = (unsigned)r->sqe_len;

    ring->cq.khead = r->cq.khead;
    ring->cq.ktail = r->cq.ktail;
    ring->cq.kring_mask = (unsigned *)(void *)(m + p->cq_off.ring_mask);
    ring->cq.kring_entries = (unsigned *)(void *)(m + p->cq_off.ring_entries);
    ring->cq.kflags = r->cq.kflags;              /* NULL without cq_off.flags */
    ring->cq.koverflow = r->cq.koverflow;
    ring->cq.cqes = (struct io_uring_cqe *)(void *)r->cq.cqes;
    ring->cq.ring_sz = (size_t)r->ring_len;      /* one mapping for both rings */
    ring->cq.ring_ptr = m;
    ring->cq.ring_mask = r->cq.mask;
    ring->cq.ring_entries = r->cq.entries;

    ring->flags = r->flags;
    ring->ring_fd = r->ring_fd;
    ring->features = r->features;
    ring->enter_ring_fd = r->enter_fd;
    ring->int_flags = 0;
}

int io_uring_queue_init_params(unsigned entries, struct io_uring *ring,
                               struct io_uring_params *p)
{
    unsigned e = entries;
    int ret;

    memset(ring, 0, sizeof(*ring));
    if (p->flags & IORING_SETUP_CLAMP) {
        if (e > HRC_MAX_SQ)
            e = HRC_MAX_SQ;
        if ((p->flags & IORING_SETUP_CQSIZE) && p->cq_entries > HRC_MAX_CQ)
            p->cq_entries = HRC_MAX_CQ;
    }
    if (e != 0 && e <= HRC_MAX_SQ)
        e = roundup_pow2(e);
    ret = hr_ring_init_params(&ring->hr, e, p);
    if (ret < 0) {
        ring->ring_fd = -1;
        ring->enter_ring_fd = -1;
        return ret;
    }
    mirror(ring, p);
    return 0;
}

/* Rings in caller memory (IORING_SETUP_NO_MMAP): the core's
   hr_ring_init_mem (entry counts as the kernel rounds them).  Returns the
   bytes of buf used, as liburing. */
int io_uring_queue_init_mem(unsigned entries, struct io_uring *ring,
                            struct io_uring_params *p, void *buf, size_t buf_size)
{
    int ret;

    memset(ring, 0, sizeof(*ring));
    ret = hr_ring_init_mem(&ring->hr, entries, p, buf, buf_size);
    if (ret < 0) {
        ring->ring_fd = -1;
        ring->enter_ring_fd = -1;
        return ret;
    }
    mirror(ring, p);
    return ret;
}

ssize_t io_uring_memory_size_params(unsigned entries, struct io_uring_params *p)
{
    return hr_ring_memory_size_params(entries, p);
}

ssize_t io_uring_memory_size(unsigned entries, unsigned flags)
{
    return hr_ring_memory_size(entries, flags);
}

/* liburing's internal entry point (exported; liburing's test/helpers.h calls
   it).  With caller memory it is io_uring_queue_init_mem (NO_MMAP, bytes
   used on success); without, io_uring_queue_init_params (liburing then
   allocates the rings itself with NO_MMAP; the core refuses NO_MMAP without
   caller memory: -EINVAL).  liburing here omits IORING_SETUP_NO_SQARRAY;
   the core adds it (see DIFFERENCES.md), so sq.array may be NULL. */
int __io_uring_queue_init_params(unsigned entries, struct io_uring *ring,
                                 struct io_uring_params *p, void *buf, size_t buf_size)
{
    if (buf != NULL)
        return io_uring_queue_init_mem(entries, ring, p, buf, buf_size);
    if (buf_size != 0)
        return -EINVAL;
    return io_uring_queue_init_params(entries, ring, p);
}

int io_uring_queue_init(unsigned entries, struct io_uring *ring, unsigned flags)
{
    struct io_uring_params p;

    memset(&p, 0, sizeof(p));
    p.flags = flags;
    return io_uring_queue_init_params(entries, ring, &p);
}

void io_uring_queue_exit(struct io_uring *ring)
{
    hr_ring_exit(hrc_ring(ring));
    ring->ring_fd = -1;
    ring->enter_ring_fd = -1;
    ring->int_flags = 0;
}

int io_uring_ring_dontfork(struct io_uring *ring)
{
    return hr_ring_dontfork(&ring->hr);
}

/* liburing: 0 on kernels that account ring memory to the memcg
   (IORING_FEAT_NATIVE_WORKERS, 5.12+), else the pages the rings pin. */
ssize_t io_uring_mlock_size_params(unsigned entries, struct io_uring_params *p)
{
    struct io_uring ring;
    struct io_uring_params q = *p;
    long page = sysconf(_SC_PAGESIZE);
    ssize_t len;
    int ret;

    ret = io_uring_queue_init_params(entries, &ring, &q);
    if (ret < 0)
        return ret;
    if (q.features & IORING_FEAT_NATIVE_WORKERS) {
        io_uring_queue_exit(&ring);
        return 0;
    }
    len = (ssize_t)(((ring.hr.ring_len + page - 1) / page) * page +
                    ((ring.hr.sqe_len + page - 1) / page) * page);
    io_uring_queue_exit(&ring);
    return len;
}

ssize_t io_uring_mlock_size(unsigned entries, unsigned flags)
{
    struct io_uring_params p;

    memset(&p, 0, sizeof(p));
    p.flags = flags;
    return io_uring_mlock_size_params(entries, &p);
}

/* ---- raw system calls (the core's trusted syscall layer) ------------------ */

int io_uring_setup(unsigned int entries, struct io_uring_params *p)
{
    return hr_sys_io_uring_setup(entries, p);
}

int io_uring_register(unsigned int fd, unsigned int opcode, const void *arg,
                      unsigned int nr_args)
{
    return hr_sys_io_uring_register((int)fd, opcode, arg, nr_args);
}

int io_uring_enter2(unsigned int fd, unsigned int to_submit, unsigned int min_complete,
                    unsigned int flags, sigset_t *sig, size_t sz)
{
    return (int)hr_syscall6(__NR_io_uring_enter, (long)fd, (long)to_submit,
                            (long)min_complete, (long)flags, (long)(uintptr_t)sig,
                            (long)sz);
}

int io_uring_enter(unsigned int fd, unsigned int to_submit, unsigned int min_complete,
                   unsigned int flags, sigset_t *sig)
{
    return io_uring_enter2(fd, to_submit, min_complete, flags, sig, _NSIG / 8);
}

/* ---- versions ---------------------------------------------------------------- */

int io_uring_major_version(void)
{
    return IO_URING_VERSION_MAJOR;
}

int io_uring_minor_version(void)
{
    return IO_URING_VERSION_MINOR;
}

bool io_uring_check_version(int major, int minor)
{
    return IO_URING_CHECK_VERSION(major, minor);
}
