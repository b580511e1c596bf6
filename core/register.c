/* register.c -- io_uring_register(2) operations (declarations and the
 * argument conventions: core/hr_register.h).
 *
 * Thin wrappers: refuse what would be undefined behaviour here (NULL ring,
 * NULL array with a nonzero count, NULL out-parameter) with -EINVAL, build
 * the kernel's argument struct field by field (no struct initialisers: gcc
 * may turn those into memset calls, and the library links no libc), make
 * one system call on r->ring_fd, and return its result.
 */
#include "hringas.h"


/* A torn-down ring (ring_fd == -1 after hr_ring_exit or a failed init) is
   -EBADF here: since 6.12 the kernel reads fd -1 as a "blind" register call
   that needs no ring, which is never what a call on a ring means. */
static int reg(struct hr_ring *r, unsigned op, const void *arg, unsigned nr)
{
    if (!r)
        return -HR_EINVAL;
    if (r->ring_fd < 0)
        return -HR_EBADF;
    return hr_sys_io_uring_register(r->ring_fd, op, arg, nr);
}

/* IORING_REGISTER_FILES2 / BUFFERS2: a table of nr entries, sparse or from
   data[] (+ optional tags[]). */
static int reg_rsrc(struct hr_ring *r, unsigned op, unsigned nr, uint32_t flags,
                    const void *data, const uint64_t *tags)
{
    struct io_uring_rsrc_register rr;

    rr.nr    = nr;
    rr.flags = flags;
    rr.resv2 = 0;
    rr.data  = (uint64_t)(uintptr_t)data;
    rr.tags  = (uint64_t)(uintptr_t)tags;
    return reg(r, op, &rr, sizeof(rr));
}

/* IORING_REGISTER_FILES_UPDATE2 / BUFFERS_UPDATE */
static int reg_update2(struct hr_ring *r, unsigned op, unsigned off, const void *data,
                       const uint64_t *tags, unsigned nr)
{
    struct io_uring_rsrc_update2 up;

    up.offset = off;
    up.resv   = 0;
    up.data   = (uint64_t)(uintptr_t)data;
    up.tags   = (uint64_t)(uintptr_t)tags;
    up.nr     = nr;
    up.resv2  = 0;
    return reg(r, op, &up, sizeof(up));
}

/* ---- files ------------------------------------------------------------------ */

int hr_register_files(struct hr_ring *r, const int *files, unsigned nr_files)
{
    if (!files && nr_files)
        return -HR_EINVAL;
    return reg(r, IORING_REGISTER_FILES, files, nr_files);
}

int hr_register_files_tags(struct hr_ring *r, const int *files, const uint64_t *tags,
                           unsigned nr)
{
    if (!files && nr)
        return -HR_EINVAL;
    return reg_rsrc(r, IORING_REGISTER_FILES2, nr, 0, files, tags);
}

int hr_register_files_sparse(struct hr_ring *r, unsigned nr)
{
    return reg_rsrc(r, IORING_REGISTER_FILES2, nr, IORING_RSRC_REGISTER_SPARSE, 0, 0);
}

int hr_register_files_update(struct hr_ring *r, unsigned off, const int *files,
                             unsigned nr_files)
{
    struct io_uring_files_update up;

    if (!files && nr_files)
        return -HR_EINVAL;
    up.offset = off;
    up.resv   = 0;
    up.fds    = (uint64_t)(uintptr_t)files;
    return reg(r, IORING_REGISTER_FILES_UPDATE, &up, nr_files);
}

int hr_register_files_update_tag(struct hr_ring *r, unsigned off, const int *files,
                                 const uint64_t *tags, unsigned nr_files)
{
    if (!files && nr_files)
        return -HR_EINVAL;
    return reg_update2(r, IORING_REGISTER_FILES_UPDATE2, off, files, tags, nr_files);
}

int hr_unregister_files(struct hr_ring *r)
{
    return reg(r, IORING_UNREGISTER_FILES, 0, 0);
}

int hr_register_file_alloc_range(struct hr_ring *r, unsigned off, unsigned len)
{
    struct io_uring_file_index_range range;

    range.off  = off;
    range.len  = len;
    range.resv = 0;
    return reg(r, IORING_REGISTER_FILE_ALLOC_RANGE, &range, 0);
}

/* ---- fixed buffers -------------------------------------------------------- */

int hr_register_buffers(struct hr_ring *r, const struct iovec *iovecs, unsigned nr_iovecs)
{
    if (!iovecs && nr_iovecs)
        return -HR_EINVAL;
    return reg(r, IORING_REGISTER_BUFFERS, iovecs, nr_iovecs);
}

int hr_register_buffers_tags(struct hr_ring *r, const struct iovec *iovecs,
                             const uint64_t *tags, unsigned nr)
{
    if (!iovecs && nr)
        return -HR_EINVAL;
    return reg_rsrc(r, IORING_REGISTER_BUFFERS2, nr, 0, iovecs, tags);
}

int hr_register_buffers_sparse(struct hr_ring *r, unsigned nr)
{
    return reg_rsrc(r, IORING_REGISTER_BUFFERS2, nr, IORING_RSRC_REGISTER_SPARSE, 0, 0);
}

int hr_register_buffers_update_tag(struct hr_ring *r, unsigned off,
                                   const struct iovec *iovecs, const uint64_t *tags,
                                   unsigned nr)
{
    if (!iovecs && nr)
        return -HR_EINVAL;
    return reg_update2(r, IORING_REGISTER_BUFFERS_UPDATE, off, iovecs, tags, nr);
}

int hr_unregister_buffers(struct hr_ring *r)
{
    return reg(r, IORING_UNREGISTER_BUFFERS, 0, 0);
}

/* ---- eventfd ------------------------------------------------------------------ */

int hr_register_eventfd(struct hr_ring *r, int fd)
{
    return reg(r, IORING_REGISTER_EVENTFD, &fd, 1);
}

int hr_register_eventfd_async(struct hr_ring *r, int fd)
{
    return reg(r, IORING_REGISTER_EVENTFD_ASYNC, &fd, 1);
}

int hr_unregister_eventfd(struct hr_ring *r)
{
    return reg(r, IORING_UNREGISTER_EVENTFD, 0, 0);
}

/* ---- probe ------------------------------------------------------------------- */

int hr_register_probe(struct hr_ring *r, struct io_uring_probe *p, unsigned nr_ops)
{
    unsigned i;

    if (!p)
        return -HR_EINVAL;
    if (nr_ops > HR_PROBE_OPS)
        nr_ops = HR_PROBE_OPS;          /* opcodes are u8: the kernel clamps too */
    /* The kernel answers -EINVAL unless the whole buffer is zero.  Field by
       field through a volatile pointer: a plain loop may become memset. */
    volatile uint8_t *h = (volatile uint8_t *)p;
    for (i = 0; i < sizeof(*p); i++)
        h[i] = 0;
    for (i = 0; i < nr_ops; i++) {
        volatile struct io_uring_probe_op *op = &p->ops[i];
        op->op    = 0;
        op->resv  = 0;
        op->flags = 0;
        op->resv2 = 0;
    }
    return reg(r, IORING_REGISTER_PROBE, p, nr_ops);
}

int hr_get_probe_ring(struct hr_ring *r, union hr_probe *probe)
{
    if (!probe)
        return -HR_EINVAL;
    return hr_register_probe(r, &probe->hdr, HR_PROBE_OPS);
}

int hr_probe_opcode_supported(const struct io_uring_probe *p, int op)
{
    if (!p || op < 0 || op > p->last_op || op >= p->ops_len)
        return 0;
    return (p->ops[op].flags & IO_URING_OP_SUPPORTED) != 0;
}

/* ---- registered ring fd -------------------------------------------------------- */

int hr_register_ring_fd(struct hr_ring *r)
{
    struct io_uring_rsrc_update up;
    int ret;

    if (!r)
        return -HR_EINVAL;
    if (r->enter_flags & IORING_ENTER_REGISTERED_RING)
        return -HR_EEXIST;
    up.offset = (uint32_t)-1;           /* any free slot; the kernel writes it back */
    up.resv   = 0;
    up.data   = (uint64_t)(uint32_t)r->ring_fd;
    ret = reg(r, IORING_REGISTER_RING_FDS, &up, 1);
    if (ret != 1)
        return ret < 0 ? ret : -HR_EIO;
    if (up.offset > 0x7fffffffu) {      /* not an index the kernel can hand out */
        up.resv = 0;
        up.data = 0;
        reg(r, IORING_UNREGISTER_RING_FDS, &up, 1);
        return -HR_EIO;
    }
    r->enter_fd    = (int)up.offset;
    r->enter_flags |= IORING_ENTER_REGISTERED_RING;
    return 1;
}

int hr_unregister_ring_fd(struct hr_ring *r)
{
    struct io_uring_rsrc_update up;
    int ret;

    if (!r || !(r->enter_flags & IORING_ENTER_REGISTERED_RING))
        return -HR_EINVAL;
    up.offset = (uint32_t)r->enter_fd;
    up.resv   = 0;
    up.data   = 0;
    ret = reg(r, IORING_UNREGISTER_RING_FDS, &up, 1);
    if (ret == 1) {
        r->enter_fd    = r->ring_fd;
        r->enter_flags &= ~(uint32_t)IORING_ENTER_REGISTERED_RING;
    }
    return ret;
}

/* ---- credentials, io-wq, restrictions ------------------------------------------- */

int hr_register_personality(struct hr_ring *r)
{
    return reg(r, IORING_REGISTER_PERSONALITY, 0, 0);
}

int hr_unregister_personality(struct hr_ring *r, int id)
{
    return reg(r, IORING_UNREGISTER_PERSONALITY, 0, (unsigned)id);
}

int hr_register_iowq_max_workers(struct hr_ring *r, unsigned *values)
{
    if (!values)
        return -HR_EINVAL;
    return reg(r, IORING_REGISTER_IOWQ_MAX_WORKERS, values, 2);
}

int hr_register_iowq_aff(struct hr_ring *r, uint64_t cpusz, const void *mask)
{
    if (!mask || cpusz == 0 || cpusz >= (1u << 31))
        return -HR_EINVAL;
    return reg(r, IORING_REGISTER_IOWQ_AFF, mask, (unsigned)cpusz);
}

int hr_unregister_iowq_aff(struct hr_ring *r)
{
    return reg(r, IORING_UNREGISTER_IOWQ_AFF, 0, 0);
}

int hr_register_restrictions(struct hr_ring *r, struct io_uring_restriction *res,
                             unsigned nr_res)
{
    if (!res && nr_res)
        return -HR_EINVAL;
    return reg(r, IORING_REGISTER_RESTRICTIONS, res, nr_res);
}

int hr_enable_rings(struct hr_ring *r)
{
    return reg(r, IORING_REGISTER_ENABLE_RINGS, 0, 0);
}

int hr_register_sync_cancel(struct hr_ring *r, struct io_uring_sync_cancel_reg *reg_)
{
    if (!reg_)
        return -HR_EINVAL;
    return reg(r, IORING_REGISTER_SYNC_CANCEL, reg_, 1);
}

/* ---- provided-buffer rings -------------------------------------------------------- */

int hr_register_buf_ring(struct hr_ring *r, struct io_uring_buf_reg *breg, unsigned flags)
{
    if (!breg || flags)
        return -HR_EINVAL;
    return reg(r, IORING_REGISTER_PBUF_RING, breg, 1);
}

int hr_unregister_buf_ring(struct hr_ring *r, int bgid)
{
    struct io_uring_buf_reg breg;

    if (bgid < 0 || bgid > 0xffff)
        return -HR_EINVAL;
    breg.ring_addr    = 0;
    breg.ring_entries = 0;
    breg.bgid         = (uint16_t)bgid;
    breg.pad          = 0;
    breg.resv[0]      = 0;
    breg.resv[1]      = 0;
    breg.resv[2]      = 0;
    return reg(r, IORING_UNREGISTER_PBUF_RING, &breg, 1);
}
