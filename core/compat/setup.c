/* setup.c (libhringas-liburing) -- ring setup and teardown, raw system
 * calls, versions: liburing's out-of-line functions over the core's
 * hr_ring_init_params / hr_ring_exit and the core's system-call layer. */
#define _GNU_SOURCE
#include "liburing.h"
#include <errno.h>
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
    char *m = r->ring_mem;

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
    if (r->enter_flags & IORING_ENTER_REGISTERED_RING)   /* IORING_SETUP_REGISTERED_FD_ONLY */
        ring->int_flags |= HRC_INT_FLAG_REG_RING | HRC_INT_FLAG_REG_REG_RING;
}

/* Rings in caller memory (IORING_SETUP_NO_MMAP): the core's
   hr_ring_init_mem (entry counts as the kernel rounds them).  Returns the
   bytes of buf used, -ENOMEM when buf_size is too small, or -errno; the
   caller's buffer is never unmapped by io_uring_queue_exit.
   Matches io_uring_queue_init_mem in liburing. */
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
    ring->int_flags = HRC_INT_FLAG_APP_MEM;
    return ret;
}

/* IORING_SETUP_NO_MMAP without caller memory: as liburing, this layer
   allocates the ring memory (one anonymous shared mapping of the size the
   core computes for the request, hr_ring_memory_size_params) and sets the
   ring up in it with hr_ring_init_mem; io_uring_queue_exit unmaps it.
   Any sq_off / cq_off.user_addr in *p is replaced, as liburing does.
   Returns the bytes used, or -errno: -EINVAL for a bad request, mmap's
   error (-ENOMEM) when the memory cannot be had, the kernel's error; on
   failure nothing stays mapped or open. */
static int init_own_mem(unsigned entries, struct io_uring *ring, struct io_uring_params *p)
{
    const ssize_t len = io_uring_memory_size_params(entries, p);
    void *mem;
    int ret;

    memset(ring, 0, sizeof(*ring));
    ring->ring_fd = -1;
    ring->enter_ring_fd = -1;
    if (len < 0)
        return (int)len;
    mem = mmap(NULL, (size_t)len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (mem == MAP_FAILED)
        return errno ? -errno : -ENOMEM;
    ret = io_uring_queue_init_mem(entries, ring, p, mem, (size_t)len);
    if (ret < 0) {
        munmap(mem, (size_t)len);
        return ret;
    }
    ring->int_flags = 0;                  /* not the caller's memory */
    ring->hrc_mem = mem;
    ring->hrc_mem_len = (size_t)len;
    ring->sq.sqes_sz = (unsigned)len;     /* liburing: the one mapping's size */
    return ret;
}

/* After the core set the ring up with result ret: the liburing-visible
   fields on success (0), liburing's failed state (no fds) otherwise. */
static int set_up(struct io_uring *ring, const struct io_uring_params *p, int ret)
{
    if (ret < 0) {
        ring->ring_fd = -1;
        ring->enter_ring_fd = -1;
        return ret;
    }
    mirror(ring, p);
    return 0;
}

/* io_uring_queue_init_params without NO_MMAP; no_sqarray 0: the request as
   it is (an SQ array unless p->flags has IORING_SETUP_NO_SQARRAY). */
static int init_params(unsigned entries, struct io_uring *ring, struct io_uring_params *p,
                       unsigned no_sqarray)
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
    ret = hr__ring_init_params(&ring->hr, e, p, no_sqarray);
    return set_up(ring, p, ret);
}

/* Set up a ring from *p (entry counts rounded up to a power of two, and
   clamped with IORING_SETUP_CLAMP, as the kernel does); *p receives the
   kernel's answer.  With IORING_SETUP_NO_MMAP the ring memory is allocated
   here and freed by io_uring_queue_exit.  Returns 0 or -errno.
   Matches io_uring_queue_init_params in liburing. */
int io_uring_queue_init_params(unsigned entries, struct io_uring *ring,
                               struct io_uring_params *p)
{
    int ret;

    if (p->flags & IORING_SETUP_NO_MMAP) {
        ret = init_own_mem(entries, ring, p);
        return ret < 0 ? ret : 0;
    }
    return init_params(entries, ring, p, 1);
}

/* Bytes of memory a NO_MMAP ring of this request needs (the core's
   hr_ring_memory_size_params: the kernel's exact need), or -EINVAL.
   Matches io_uring_memory_size_params in liburing. */
ssize_t io_uring_memory_size_params(unsigned entries, struct io_uring_params *p)
{
    return hr_ring_memory_size_params(entries, p);
}

/* io_uring_memory_size_params with only setup `flags`.
   Matches io_uring_memory_size in liburing. */
ssize_t io_uring_memory_size(unsigned entries, unsigned flags)
{
    return hr_ring_memory_size(entries, flags);
}

/* liburing's internal entry point (exported; liburing's test/helpers.h calls
   it).  With IORING_SETUP_NO_MMAP: the rings in buf (io_uring_queue_init_mem)
   or, buf NULL, in memory allocated here; bytes used on success.  Without
   it, buf is ignored, as in liburing: io_uring_queue_init_params, 0 on
   success.  As in liburing, IORING_SETUP_NO_SQARRAY is not added here:
   the ring has an SQ array (sq.array) unless p->flags asks otherwise.
   Matches __io_uring_queue_init_params in liburing. */
int __io_uring_queue_init_params(unsigned entries, struct io_uring *ring,
                                 struct io_uring_params *p, void *buf, size_t buf_size)
{
    if (!(p->flags & IORING_SETUP_NO_MMAP))
        return init_params(entries, ring, p, 0);     /* the SQ array unless asked */
    if (buf != NULL)
        return io_uring_queue_init_mem(entries, ring, p, buf, buf_size);
    return init_own_mem(entries, ring, p);
}

/* io_uring_queue_init_params with only setup `flags`.
   Matches io_uring_queue_init in liburing. */
int io_uring_queue_init(unsigned entries, struct io_uring *ring, unsigned flags)
{
    struct io_uring_params p;

    memset(&p, 0, sizeof(p));
    p.flags = flags;
    return io_uring_queue_init_params(entries, ring, &p);
}

/* Tear the ring down (the core's hr_ring_exit: unregisters a registered
   ring fd, unmaps the kernel's mappings, closes the fd), then unmap the
   memory io_uring_queue_init* allocated for a NO_MMAP ring, once; a
   caller's buffer (io_uring_queue_init_mem) stays.
   Matches io_uring_queue_exit in liburing. */
void io_uring_queue_exit(struct io_uring *ring)
{
    void *mem = ring->hrc_mem;
    const size_t len = ring->hrc_mem_len;

    hr_ring_exit(hrc_ring(ring));
    ring->hrc_mem = NULL;
    ring->hrc_mem_len = 0;
    if (mem != NULL)
        munmap(mem, len);
    ring->ring_fd = -1;
    ring->enter_ring_fd = -1;
    ring->int_flags = 0;
}

/* madvise(MADV_DONTFORK) on the ring memory: the core's hr_ring_dontfork
   (the kernel's mappings; nothing for a caller's buffer), or the memory
   allocated here for a NO_MMAP ring.  0 or -errno.
   Matches io_uring_ring_dontfork in liburing. */
int io_uring_ring_dontfork(struct io_uring *ring)
{
    if (ring->hrc_mem != NULL)
        return madvise(ring->hrc_mem, ring->hrc_mem_len, MADV_DONTFORK) ? -errno : 0;
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

/* Resize the SQ and CQ rings (IORING_REGISTER_RESIZE_RINGS, 6.13, rings set
   up with IORING_SETUP_DEFER_TASKRUN): the core's hr_resize_rings, which
   also carries over SQEs obtained and not yet submitted (liburing loses
   them).  p->sq_entries / p->cq_entries give the new sizes; p receives the
   kernel's answer, then p->flags is cleared as liburing does.  Returns 0 or
   -errno: -EINVAL on a ring in caller memory; when mapping the new rings
   fails after the kernel switched, the ring is torn down (ring_fd -1).
   Matches io_uring_resize_rings in liburing. */
int io_uring_resize_rings(struct io_uring *ring, struct io_uring_params *p)
{
    const __u8 int_flags = ring->int_flags;
    int ret;

    memset(&p->sq_off, 0, sizeof(p->sq_off));
    memset(&p->cq_off, 0, sizeof(p->cq_off));
    ret = hr_resize_rings(&ring->hr, p);
    if (ret == 0) {
        mirror(ring, p);
        ring->int_flags = int_flags;
    } else if (ring->hr.ring_fd == -1 && ring->ring_fd != -1) {
        ring->ring_fd = -1;          /* torn down by the core: nothing mapped */
        ring->enter_ring_fd = -1;
    }
    p->flags = 0;
    return ret;
}

/* Map the rings of ring fd `fd` (set up elsewhere; *p its io_uring_setup
   answer) into *ring: the core's hr_ring_mmap.  io_uring_queue_exit on it
   closes fd, as in liburing.  Returns 0 or -errno.
   Matches io_uring_queue_mmap in liburing. */
int io_uring_queue_mmap(int fd, struct io_uring_params *p, struct io_uring *ring)
{
    int ret;

    memset(ring, 0, sizeof(*ring));
    ret = hr_ring_mmap(&ring->hr, fd, p);
    return set_up(ring, p, ret);
}

/* liburing's internal (src/setup.h, exported; its tests call it): unmap the
   SQ and CQ ring mapping described by sq and cq (one mapping here: the
   core maps both rings at once), not the SQEs.
   Matches io_uring_unmap_rings in liburing. */
void io_uring_unmap_rings(struct io_uring_sq *sq, struct io_uring_cq *cq)
{
    if (sq->ring_sz)
        munmap(sq->ring_ptr, sq->ring_sz);
    if (cq->ring_ptr && cq->ring_sz && cq->ring_ptr != sq->ring_ptr)
        munmap(cq->ring_ptr, cq->ring_sz);
}
