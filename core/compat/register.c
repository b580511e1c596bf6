/* register.c (libhringas-liburing) -- io_uring_register(2) operations,
 * probes and provided-buffer rings: liburing's functions over the core's
 * hr_register_* / hr_setup_buf_ring (core/register.c, core/bufring.c).
 * Allocation (probes, buffer-ring memory) is here, in the hosted library. */
#define _GNU_SOURCE
#include "liburing.h"
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>

#define R(ring) hrc_ring(ring)

int io_uring_register_buffers(struct io_uring *ring, const struct iovec *iovecs,
                              unsigned nr_iovecs)
{
    return hr_register_buffers(R(ring), iovecs, nr_iovecs);
}

int io_uring_register_buffers_tags(struct io_uring *ring, const struct iovec *iovecs,
                                   const __u64 *tags, unsigned nr)
{
    return hr_register_buffers_tags(R(ring), iovecs, (const uint64_t *)tags, nr);
}

int io_uring_register_buffers_sparse(struct io_uring *ring, unsigned nr)
{
    return hr_register_buffers_sparse(R(ring), nr);
}

int io_uring_register_buffers_update_tag(struct io_uring *ring, unsigned off,
                                         const struct iovec *iovecs, const __u64 *tags,
                                         unsigned nr)
{
    return hr_register_buffers_update_tag(R(ring), off, iovecs, (const uint64_t *)tags, nr);
}

int io_uring_unregister_buffers(struct io_uring *ring)
{
    return hr_unregister_buffers(R(ring));
}

/* The kernel refuses a file table larger than the soft RLIMIT_NOFILE
   (-EMFILE).  As liburing does, a registration refused so raises the soft
   limit once, by the table's size but never past the hard limit, and is
   made again; the limit stays raised. */
static int hrc_more_nofile(unsigned nr)
{
    struct rlimit rl;

    if (getrlimit(RLIMIT_NOFILE, &rl) != 0 || rl.rlim_cur >= nr)
        return 0;
    rlim_t want = rl.rlim_cur + nr;
    if (rl.rlim_max != RLIM_INFINITY && want > rl.rlim_max)
        want = rl.rlim_max;
    if (want <= rl.rlim_cur)
        return 0;
    rl.rlim_cur = want;
    return setrlimit(RLIMIT_NOFILE, &rl) == 0;
}

int io_uring_register_files(struct io_uring *ring, const int *files, unsigned nr_files)
{
    int ret = hr_register_files(R(ring), files, nr_files);

    if (ret == -EMFILE && hrc_more_nofile(nr_files))
        ret = hr_register_files(R(ring), files, nr_files);
    return ret;
}

int io_uring_register_files_tags(struct io_uring *ring, const int *files,
                                 const __u64 *tags, unsigned nr)
{
    int ret = hr_register_files_tags(R(ring), files, (const uint64_t *)tags, nr);

    if (ret == -EMFILE && hrc_more_nofile(nr))
        ret = hr_register_files_tags(R(ring), files, (const uint64_t *)tags, nr);
    return ret;
}

int io_uring_register_files_sparse(struct io_uring *ring, unsigned nr)
{
    int ret = hr_register_files_sparse(R(ring), nr);

    if (ret == -EMFILE && hrc_more_nofile(nr))
        ret = hr_register_files_sparse(R(ring), nr);
    return ret;
}

int io_uring_register_files_update_tag(struct io_uring *ring, unsigned off,
                                       const int *files, const __u64 *tags,
                                       unsigned nr_files)
{
    return hr_register_files_update_tag(R(ring), off, files, (const uint64_t *)tags,
                                        nr_files);
}

int io_uring_unregister_files(struct io_uring *ring)
{
    return hr_unregister_files(R(ring));
}

int io_uring_register_files_update(struct io_uring *ring, unsigned off,
                                   const int *files, unsigned nr_files)
{
    return hr_register_files_update(R(ring), off, files, nr_files);
}

int io_uring_register_file_alloc_range(struct io_uring *ring, unsigned off, unsigned len)
{
    return hr_register_file_alloc_range(R(ring), off, len);
}

int io_uring_register_eventfd(struct io_uring *ring, int fd)
{
    return hr_register_eventfd(R(ring), fd);
}

int io_uring_register_eventfd_async(struct io_uring *ring, int fd)
{
    return hr_register_eventfd_async(R(ring), fd);
}

int io_uring_unregister_eventfd(struct io_uring *ring)
{
    return hr_unregister_eventfd(R(ring));
}

int io_uring_register_probe(struct io_uring *ring, struct io_uring_probe *p, unsigned nr)
{
    return hr_register_probe(R(ring), p, nr);
}

int io_uring_register_personality(struct io_uring *ring)
{
    return hr_register_personality(R(ring));
}

int io_uring_unregister_personality(struct io_uring *ring, int id)
{
    return hr_unregister_personality(R(ring), id);
}

int io_uring_register_restrictions(struct io_uring *ring, struct io_uring_restriction *res,
                                   unsigned int nr_res)
{
    return hr_register_restrictions(R(ring), res, nr_res);
}

int io_uring_enable_rings(struct io_uring *ring)
{
    return hr_enable_rings(R(ring));
}

int io_uring_register_iowq_aff(struct io_uring *ring, size_t cpusz, const cpu_set_t *mask)
{
    return hr_register_iowq_aff(R(ring), cpusz, mask);
}

int io_uring_unregister_iowq_aff(struct io_uring *ring)
{
    return hr_unregister_iowq_aff(R(ring));
}

int io_uring_register_iowq_max_workers(struct io_uring *ring, unsigned int *values)
{
    return hr_register_iowq_max_workers(R(ring), values);
}

/* One io_uring_register call on this ring for the functions with no core
   counterpart: on the ring fd, or once io_uring_close_ring_fd closed it on
   the registered index (IORING_REGISTER_USE_REGISTERED_RING), as the core's
   own registrations do. */
static int hrc_register(struct io_uring *ring, unsigned op, const void *arg, unsigned nr)
{
    const struct hr_ring *r = hrc_ring(ring);

    if (r->ring_fd >= 0)
        return hr_sys_io_uring_register(r->ring_fd, op, arg, nr);
    if (r->enter_flags & IORING_ENTER_REGISTERED_RING)
        return hr_sys_io_uring_register(r->enter_fd, op | IORING_REGISTER_USE_REGISTERED_RING,
                                        arg, nr);
    return -EBADF;
}

int io_uring_register_ring_fd(struct io_uring *ring)
{
    const int ret = hr_register_ring_fd(R(ring));

    if (ret == 1) {
        ring->enter_ring_fd = ring->hr.enter_fd;
        ring->int_flags |= HRC_INT_FLAG_REG_RING;
        if (ring->features & IORING_FEAT_REG_REG_RING)
            ring->int_flags |= HRC_INT_FLAG_REG_REG_RING;
    }
    return ret;
}

int io_uring_unregister_ring_fd(struct io_uring *ring)
{
    const int ret = hr_unregister_ring_fd(R(ring));

    if (ret == 1) {
        ring->enter_ring_fd = ring->hr.enter_fd;
        ring->int_flags &= (__u8)~(HRC_INT_FLAG_REG_RING | HRC_INT_FLAG_REG_REG_RING);
    }
    return ret;
}

/* Close the plain ring fd once the ring fd is registered (the core's
   hr_close_ring_fd: registrations then go through the registered index,
   queue_exit does not close anything).  Returns 1, -EOPNOTSUPP without
   IORING_FEAT_REG_REG_RING, -EINVAL when the ring fd is not registered,
   -EBADF when ring_fd is already -1.
   Matches io_uring_close_ring_fd in liburing. */
int io_uring_close_ring_fd(struct io_uring *ring)
{
    const int ret = hr_close_ring_fd(R(ring));

    if (ret == 1)
        ring->ring_fd = -1;
    return ret;
}

/* Let the kernel count this ring's waits as iowait (enable_iowait true, the
   default) or not (IORING_ENTER_NO_IOWAIT on every io_uring_enter from now
   on, through the core's per-ring enter flags).  Returns 0, or -EOPNOTSUPP
   on kernels without IORING_FEAT_NO_IOWAIT (6.15+).
   Matches io_uring_set_iowait in liburing. */
int io_uring_set_iowait(struct io_uring *ring, bool enable_iowait)
{
    if (!(ring->features & IORING_FEAT_NO_IOWAIT))
        return -EOPNOTSUPP;
    if (enable_iowait) {
        ring->hr.enter_flags &= ~(uint32_t)IORING_ENTER_NO_IOWAIT;
        ring->int_flags &= (__u8)~HRC_INT_FLAG_NO_IOWAIT;
    } else {
        ring->hr.enter_flags |= IORING_ENTER_NO_IOWAIT;
        ring->int_flags |= HRC_INT_FLAG_NO_IOWAIT;
    }
    return 0;
}

int io_uring_register_sync_cancel(struct io_uring *ring,
                                  struct io_uring_sync_cancel_reg *reg)
{
    return hr_register_sync_cancel(R(ring), reg);
}

/* liburing ORs `flags` (IOU_PBUF_RING_*) into reg->flags; the core takes
   them in reg only (its `flags` argument is reserved, 0). */
int io_uring_register_buf_ring(struct io_uring *ring, struct io_uring_buf_reg *reg,
                               unsigned int flags)
{
    if (reg)
        reg->flags |= (__u16)flags;
    return hr_register_buf_ring(R(ring), reg, 0);
}

int io_uring_unregister_buf_ring(struct io_uring *ring, int bgid)
{
    return hr_unregister_buf_ring(R(ring), bgid);
}

/* IORING_REGISTER_PBUF_STATUS (kernel 6.8): no core function yet; the
   argument is the kernel's struct io_uring_buf_status (u32 bgid, u32 head,
   u32 resv[8]), spelled out here for uapi headers older than 6.8. */
int io_uring_buf_ring_head(struct io_uring *ring, int buf_group, uint16_t *head)
{
    struct { __u32 buf_group, head, resv[8]; } st;
    int ret;

    memset(&st, 0, sizeof(st));
    st.buf_group = (__u32)buf_group;
    ret = hrc_register(ring, IORING_REGISTER_PBUF_STATUS, &st, 1);
    if (ret)
        return ret;
    *head = (uint16_t)st.head;
    return 0;
}

/* IORING_REGISTER_CLONE_BUFFERS (kernel 6.12): no core function yet.  With
   IORING_REGISTER_SRC_REGISTERED the source is named by its registered ring
   fd (liburing picks that flag itself when the source ring fd is
   registered). */
int __io_uring_clone_buffers_offset(struct io_uring *dst, struct io_uring *src,
                                    unsigned int dst_off, unsigned int src_off,
                                    unsigned int nr, unsigned int flags)
{
    struct io_uring_clone_buffers buf;

    memset(&buf, 0, sizeof(buf));
    buf.src_fd = (flags & IORING_REGISTER_SRC_REGISTERED) ? (__u32)src->enter_ring_fd
                                                          : (__u32)src->ring_fd;
    buf.flags = flags;
    buf.src_off = src_off;
    buf.dst_off = dst_off;
    buf.nr = nr;
    return hrc_register(dst, IORING_REGISTER_CLONE_BUFFERS, &buf, 1);
}

int io_uring_clone_buffers_offset(struct io_uring *dst, struct io_uring *src,
                                  unsigned int dst_off, unsigned int src_off,
                                  unsigned int nr, unsigned int flags)
{
    if (src->hr.enter_flags & IORING_ENTER_REGISTERED_RING)
        flags |= IORING_REGISTER_SRC_REGISTERED;
    return __io_uring_clone_buffers_offset(dst, src, dst_off, src_off, nr, flags);
}

int __io_uring_clone_buffers(struct io_uring *dst, struct io_uring *src, unsigned int flags)
{
    return __io_uring_clone_buffers_offset(dst, src, 0, 0, 0, flags);
}

int io_uring_clone_buffers(struct io_uring *dst, struct io_uring *src)
{
    return io_uring_clone_buffers_offset(dst, src, 0, 0, 0, 0);
}

/* IORING_REGISTER_SEND_MSG_RING (kernel 6.13): a MSG_RING SQE issued without
   a ring of one's own. */
int io_uring_register_sync_msg(struct io_uring_sqe *sqe)
{
    return hr_sys_io_uring_register(-1, IORING_REGISTER_SEND_MSG_RING, sqe, 1);
}

/* Registrations the core has no function for yet (kernel 6.9 - 6.15): the
   argument goes to the core's io_uring_register system call unchanged. */
int io_uring_register_napi(struct io_uring *ring, struct io_uring_napi *napi)
{
    return hrc_register(ring, IORING_REGISTER_NAPI, napi, 1);
}

int io_uring_unregister_napi(struct io_uring *ring, struct io_uring_napi *napi)
{
    return hrc_register(ring, IORING_UNREGISTER_NAPI, napi, 1);
}

int io_uring_register_clock(struct io_uring *ring, struct io_uring_clock_register *arg)
{
    return hrc_register(ring, IORING_REGISTER_CLOCK, arg, 0);
}

int io_uring_register_ifq(struct io_uring *ring, struct io_uring_zcrx_ifq_reg *reg)
{
    return hrc_register(ring, IORING_REGISTER_ZCRX_IFQ, reg, 1);
}

int io_uring_register_region(struct io_uring *ring, struct io_uring_mem_region_reg *reg)
{
    const int ret = hrc_register(ring, IORING_REGISTER_MEM_REGION, reg, 1);

    /* a wait-argument region: its entries are what io_uring_submit_and_wait_reg
       (the core's hr_submit_and_wait_reg) may name */
    if (ret == 0 && reg && (reg->flags & IORING_MEM_REGION_REG_WAIT_ARG) && reg->region_uptr) {
        const struct io_uring_region_desc *rd =
            (const struct io_uring_region_desc *)(uintptr_t)reg->region_uptr;
        const __u64 n = rd->size / sizeof(struct io_uring_reg_wait);
        hrc_ring(ring)->reg_wait_nr = n > 0xffffffffu ? 0xffffffffu : (uint32_t)n;
    }
    return ret;
}

/* ---- probes: allocated here, filled by the core ------------------------------ */

struct io_uring_probe *io_uring_get_probe_ring(struct io_uring *ring)
{
    union hr_probe *p = malloc(sizeof(*p));

    if (!p)
        return NULL;
    if (hr_get_probe_ring(R(ring), p) < 0) {
        free(p);
        return NULL;
    }
    return &p->hdr;
}

struct io_uring_probe *io_uring_get_probe(void)
{
    struct io_uring ring;
    struct io_uring_probe *probe;

    if (io_uring_queue_init(2, &ring, 0) < 0)
        return NULL;
    probe = io_uring_get_probe_ring(&ring);
    io_uring_queue_exit(&ring);
    return probe;
}

void io_uring_free_probe(struct io_uring_probe *probe)
{
    free(probe);
}

/* ---- provided-buffer rings: memory here, registration by the core ----------- */

struct io_uring_buf_ring *io_uring_setup_buf_ring(struct io_uring *ring,
                                                  unsigned int nentries, int bgid,
                                                  unsigned int flags, int *err)
{
    struct hr_buf_ring_state s;
    const size_t len = (size_t)nentries * sizeof(struct io_uring_buf);
    void *mem = NULL;
    int ret;

    if (!(flags & IOU_PBUF_RING_MMAP)) {
        mem = mmap(NULL, len ? len : 1, PROT_READ | PROT_WRITE,
                   MAP_ANONYMOUS | MAP_PRIVATE, -1, 0);
        if (mem == MAP_FAILED) {
            *err = -errno;
            return NULL;
        }
    }
    ret = hr_setup_buf_ring(R(ring), &s, mem, nentries, (uint16_t)bgid, flags);
    if (ret < 0) {
        if (mem)
            munmap(mem, len ? len : 1);
        *err = ret;
        return NULL;
    }
    *err = 0;
    return (struct io_uring_buf_ring *)(void *)s.bufs;
}

int io_uring_free_buf_ring(struct io_uring *ring, struct io_uring_buf_ring *br,
                           unsigned int nentries, int bgid)
{
    const int ret = hr_unregister_buf_ring(R(ring), bgid);

    if (ret)
        return ret;
    munmap(br, (size_t)nentries * sizeof(struct io_uring_buf));
    return 0;
}

/* ---- liburing 2.14 / 2.15 registrations the core has no function for yet:
 * passed to the core's io_uring_register system call, as item 18 of
 * DIFFERENCES.md (fd -1: the blind registrations that need no ring) */
int io_uring_register_zcrx_ctrl(struct io_uring *ring, struct zcrx_ctrl *ctrl)
{
    return hrc_register(ring, IORING_REGISTER_ZCRX_CTRL, ctrl, 0);
}

int io_uring_register_bpf_filter(struct io_uring *ring, struct io_uring_bpf *bpf)
{
    return hrc_register(ring, IORING_REGISTER_BPF_FILTER, bpf, 1);
}

int io_uring_register_bpf_filter_task(struct io_uring_bpf *bpf)
{
    return hr_sys_io_uring_register(-1, IORING_REGISTER_BPF_FILTER, bpf, 1);
}

int io_uring_register_query(struct io_uring_query_hdr *query)
{
    return hr_sys_io_uring_register(-1, IORING_REGISTER_QUERY, query, 0);
}

/* Registered wait regions are set up with io_uring_register_region
   (IORING_MEM_REGION_REG_WAIT_ARG); this older entry point of liburing's
   does nothing.  Returns -EINVAL.
   Matches io_uring_register_wait_reg in liburing. */
int io_uring_register_wait_reg(struct io_uring *ring, struct io_uring_reg_wait *reg, int nr)
{
    (void)ring;
    (void)reg;
    (void)nr;
    return -EINVAL;
}
