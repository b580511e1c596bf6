/* register.c -- io_uring_register(2) operations (declarations and the
 * argument conventions: core/hr_register.h; contracts:
 * specs/hr_register_spec.h; proved by WP in unit `register`).
 *
 * Thin wrappers: refuse what would be undefined behaviour here (NULL ring,
 * NULL array with a nonzero count, NULL out-parameter) with -EINVAL, build
 * the kernel's argument struct field by field (no struct initialisers: gcc
 * may turn those into memset calls, and the library links no libc), make
 * one system call on r->ring_fd, and return its result.  A ghost copy of
 * each argument struct, taken right before the call, lets the contracts
 * say what the kernel was given.  The probe (a struct with a flexible
 * array member) is in core/probe.c.
 */
#include "hr_register.h"      /* and what it includes: no setup code needed here */

#define HR_REG_LOG hr_ghost_reg_fd, hr_ghost_reg_op, hr_ghost_reg_arg, hr_ghost_reg_nr, \
                   hr_ghost_reg_ret, hr_ghost_regs

/* The call goes to the ring fd; once hr_close_ring_fd closed it, to the
   registered index with IORING_REGISTER_USE_REGISTERED_RING.  A torn-down
   ring (ring_fd == -1 and no registered index, after hr_ring_exit or a
   failed init) is -EBADF here: since 6.12 the kernel reads fd -1 as a
   "blind" register call that needs no ring, which is never what a call on
   a ring means. */
/*@ requires r == \null || \valid(r);
    assigns HR_REG_LOG;
    ensures reg_ring(r, op, arg, nr, \old(hr_ghost_regs), \result);
    ensures via_index: r != \null && r->ring_fd < 0 &&
      (r->enter_flags & IORING_ENTER_REGISTERED_RING) != 0 ==>
      reg_made_op(r->enter_fd, op | IORING_REGISTER_USE_REGISTERED_RING, nr,
                  \old(hr_ghost_regs)) && \result == hr_ghost_reg_ret;
    ensures direct: r != \null && r->ring_fd >= 0 ==>
      reg_made_op(r->ring_fd, op, nr, \old(hr_ghost_regs)) && \result == hr_ghost_reg_ret;
*/
static int do_reg(struct hr_ring *r, unsigned op, const void *arg, unsigned nr)
{
    if (!r)
        return -HR_EINVAL;
    if (r->ring_fd >= 0)
        return hr_sys_io_uring_register(r->ring_fd, op, arg, nr);
    if (r->enter_flags & IORING_ENTER_REGISTERED_RING)
        return hr_sys_io_uring_register(r->enter_fd, op | IORING_REGISTER_USE_REGISTERED_RING,
                                        arg, nr);
    return -HR_EBADF;
}

/* IORING_REGISTER_FILES2 / BUFFERS2: a table of nr entries, sparse or from
   data[] (+ optional tags[]); data and tags are the arrays' addresses. */
/*@ requires r == \null || \valid(r);
    assigns HR_REG_LOG, hr_ghost_rsrc;
    ensures reg_ring_op(r, op, sizeof(struct io_uring_rsrc_register),
                           \old(hr_ghost_regs), \result);
    ensures rsrc_arg(nr, flags, data, tags);
*/
static int reg_rsrc(struct hr_ring *r, unsigned op, unsigned nr, uint32_t flags,
                    uint64_t data, uint64_t tags)
{
    struct io_uring_rsrc_register rr;

    rr.nr    = nr;
    rr.flags = flags;
    rr.resv2 = 0;
    rr.data  = data;
    rr.tags  = tags;
    //@ ghost hr_ghost_rsrc = rr;
    return do_reg(r, op, &rr, sizeof(rr));
}

/* IORING_REGISTER_FILES_UPDATE2 / BUFFERS_UPDATE */
/*@ requires r == \null || \valid(r);
    assigns HR_REG_LOG, hr_ghost_upd2;
    ensures reg_ring_op(r, op, sizeof(struct io_uring_rsrc_update2),
                           \old(hr_ghost_regs), \result);
    ensures upd2_arg(off, data, tags, nr);
*/
static int reg_update2(struct hr_ring *r, unsigned op, unsigned off, uint64_t data,
                       uint64_t tags, unsigned nr)
{
    struct io_uring_rsrc_update2 up;

    up.offset = off;
    up.resv   = 0;
    up.data   = data;
    up.tags   = tags;
    up.nr     = nr;
    up.resv2  = 0;
    //@ ghost hr_ghost_upd2 = up;
    return do_reg(r, op, &up, sizeof(up));
}

/* ---- files ------------------------------------------------------------------ */

int hr_register_files(struct hr_ring *r, const int *files, unsigned nr_files)
{
    if (!files && nr_files)
        return -HR_EINVAL;
    return do_reg(r, IORING_REGISTER_FILES, files, nr_files);
}

int hr_register_files_tags(struct hr_ring *r, const int *files, const uint64_t *tags,
                           unsigned nr)
{
    if (!files && nr)
        return -HR_EINVAL;
    return reg_rsrc(r, IORING_REGISTER_FILES2, nr, 0, (uint64_t)(uintptr_t)files,
                    (uint64_t)(uintptr_t)tags);
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
    //@ ghost hr_ghost_fupd = up;
    return do_reg(r, IORING_REGISTER_FILES_UPDATE, &up, nr_files);
}

int hr_register_files_update_tag(struct hr_ring *r, unsigned off, const int *files,
                                 const uint64_t *tags, unsigned nr_files)
{
    if (!files && nr_files)
        return -HR_EINVAL;
    return reg_update2(r, IORING_REGISTER_FILES_UPDATE2, off, (uint64_t)(uintptr_t)files,
                       (uint64_t)(uintptr_t)tags, nr_files);
}

int hr_unregister_files(struct hr_ring *r)
{
    return do_reg(r, IORING_UNREGISTER_FILES, 0, 0);
}

int hr_register_file_alloc_range(struct hr_ring *r, unsigned off, unsigned len)
{
    struct io_uring_file_index_range range;

    range.off  = off;
    range.len  = len;
    range.resv = 0;
    //@ ghost hr_ghost_range = range;
    return do_reg(r, IORING_REGISTER_FILE_ALLOC_RANGE, &range, 0);
}

/* ---- fixed buffers -------------------------------------------------------- */

int hr_register_buffers(struct hr_ring *r, const struct iovec *iovecs, unsigned nr_iovecs)
{
    if (!iovecs && nr_iovecs)
        return -HR_EINVAL;
    return do_reg(r, IORING_REGISTER_BUFFERS, iovecs, nr_iovecs);
}

int hr_register_buffers_tags(struct hr_ring *r, const struct iovec *iovecs,
                             const uint64_t *tags, unsigned nr)
{
    if (!iovecs && nr)
        return -HR_EINVAL;
    return reg_rsrc(r, IORING_REGISTER_BUFFERS2, nr, 0, (uint64_t)(uintptr_t)iovecs,
                    (uint64_t)(uintptr_t)tags);
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
    return reg_update2(r, IORING_REGISTER_BUFFERS_UPDATE, off, (uint64_t)(uintptr_t)iovecs,
                       (uint64_t)(uintptr_t)tags, nr);
}

int hr_unregister_buffers(struct hr_ring *r)
{
    return do_reg(r, IORING_UNREGISTER_BUFFERS, 0, 0);
}

/* ---- eventfd ------------------------------------------------------------------ */

int hr_register_eventfd(struct hr_ring *r, int fd)
{
    //@ ghost hr_ghost_evfd = fd;
    return do_reg(r, IORING_REGISTER_EVENTFD, &fd, 1);
}

int hr_register_eventfd_async(struct hr_ring *r, int fd)
{
    //@ ghost hr_ghost_evfd = fd;
    return do_reg(r, IORING_REGISTER_EVENTFD_ASYNC, &fd, 1);
}

int hr_unregister_eventfd(struct hr_ring *r)
{
    return do_reg(r, IORING_UNREGISTER_EVENTFD, 0, 0);
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
    //@ ghost hr_ghost_ringfd = up;
    ret = do_reg(r, IORING_REGISTER_RING_FDS, &up, 1);
    if (ret != 1)
        return ret < 0 ? ret : -HR_EIO;
    /* the index the kernel wrote: read as such, nothing assumed about it */
    const uint32_t idx = *(volatile uint32_t *)&up.offset;
    if (idx > 0x7fffffffu) {            /* not an index the kernel can hand out */
        up.offset = idx;
        up.resv = 0;
        up.data = 0;
        //@ ghost hr_ghost_ringfd = up;
        do_reg(r, IORING_UNREGISTER_RING_FDS, &up, 1);
        return -HR_EIO;
    }
    r->enter_fd    = (int)idx;
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
    //@ ghost hr_ghost_ringfd = up;
    ret = do_reg(r, IORING_UNREGISTER_RING_FDS, &up, 1);
    if (ret == 1) {
        r->enter_fd    = r->ring_fd;
        r->enter_flags &= ~(uint32_t)IORING_ENTER_REGISTERED_RING;
    }
    return ret;
}

int hr_close_ring_fd(struct hr_ring *r)
{
    if (!r)
        return -HR_EINVAL;
    if (!(r->features & IORING_FEAT_REG_REG_RING))
        return -HR_EOPNOTSUPP;
    if (!(r->enter_flags & IORING_ENTER_REGISTERED_RING))
        return -HR_EINVAL;
    if (r->ring_fd < 0)
        return -HR_EBADF;
    hr_sys_close(r->ring_fd);   /* the registered index and the mappings keep the ring */
    r->ring_fd = -1;
    return 1;
}

/* ---- credentials, io-wq, restrictions ------------------------------------------- */

int hr_register_personality(struct hr_ring *r)
{
    return do_reg(r, IORING_REGISTER_PERSONALITY, 0, 0);
}

int hr_unregister_personality(struct hr_ring *r, int id)
{
    return do_reg(r, IORING_UNREGISTER_PERSONALITY, 0, (unsigned)id);
}

int hr_register_iowq_max_workers(struct hr_ring *r, unsigned *values)
{
    if (!values)
        return -HR_EINVAL;
    return do_reg(r, IORING_REGISTER_IOWQ_MAX_WORKERS, values, 2);
}

int hr_register_iowq_aff(struct hr_ring *r, uint64_t cpusz, const void *mask)
{
    if (!mask || cpusz == 0 || cpusz >= (1u << 31))
        return -HR_EINVAL;
    return do_reg(r, IORING_REGISTER_IOWQ_AFF, mask, (unsigned)cpusz);
}

int hr_unregister_iowq_aff(struct hr_ring *r)
{
    return do_reg(r, IORING_UNREGISTER_IOWQ_AFF, 0, 0);
}

int hr_register_restrictions(struct hr_ring *r, struct io_uring_restriction *res,
                             unsigned nr_res)
{
    if (!res && nr_res)
        return -HR_EINVAL;
    return do_reg(r, IORING_REGISTER_RESTRICTIONS, res, nr_res);
}

int hr_enable_rings(struct hr_ring *r)
{
    return do_reg(r, IORING_REGISTER_ENABLE_RINGS, 0, 0);
}

int hr_register_sync_cancel(struct hr_ring *r, struct io_uring_sync_cancel_reg *reg)
{
    if (!reg)
        return -HR_EINVAL;
    return do_reg(r, IORING_REGISTER_SYNC_CANCEL, reg, 1);
}

/* ---- registered wait region ------------------------------------------------ */

int hr_register_wait_region(struct hr_ring *r, struct hr_reg_wait *entries, unsigned nr)
{
    struct hr_region_desc rd;
    struct hr_mem_region_reg mr;
    int ret;

    if (!entries || nr == 0)
        return -HR_EINVAL;
    rd.user_addr   = HR_PTR64(entries);
    rd.size        = (uint64_t)nr * sizeof(struct hr_reg_wait);
    rd.flags       = HR_MEM_REGION_TYPE_USER;
    rd.id          = 0;
    rd.mmap_offset = 0;
    rd.resv[0] = 0; rd.resv[1] = 0; rd.resv[2] = 0; rd.resv[3] = 0;
    mr.region_uptr = HR_PTR64(&rd);
    mr.flags       = HR_MEM_REGION_REG_WAIT_ARG;
    mr.resv[0] = 0; mr.resv[1] = 0;
    /*@ ghost hr_ghost_wr_addr = rd.user_addr;  hr_ghost_wr_size = rd.size;
              hr_ghost_wr_type = rd.flags;
              hr_ghost_wr_zero = rd.id | rd.mmap_offset | rd.resv[0] | rd.resv[1] |
                                 rd.resv[2] | rd.resv[3] | mr.resv[0] | mr.resv[1];
              hr_ghost_wr_flags = mr.flags;  hr_ghost_wr_desc = mr.region_uptr; */
    ret = do_reg(r, HR_REGISTER_MEM_REGION, &mr, 1);
    if (ret == 0)
        r->reg_wait_nr = nr;    /* hr_submit_and_wait_reg may name entries 0 .. nr - 1 */
    return ret;
}

/* ---- provided-buffer rings -------------------------------------------------------- */

int hr_register_buf_ring(struct hr_ring *r, struct io_uring_buf_reg *reg, unsigned flags)
{
    if (!reg || flags)
        return -HR_EINVAL;
    return do_reg(r, IORING_REGISTER_PBUF_RING, reg, 1);
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
    //@ ghost hr_ghost_breg = breg;
    return do_reg(r, IORING_UNREGISTER_PBUF_RING, &breg, 1);
}

int hr__register_pbuf(struct hr_ring *r, uint64_t addr, uint32_t entries, uint16_t bgid,
                      uint32_t flags)
{
    struct io_uring_buf_reg breg;

    breg.ring_addr    = addr;
    breg.ring_entries = entries;
    breg.bgid         = bgid;
    breg.pad          = (uint16_t)flags;   /* IOU_PBUF_RING_*: `flags` in newer uapi */
    breg.resv[0]      = 0;
    breg.resv[1]      = 0;
    breg.resv[2]      = 0;
    //@ ghost hr_ghost_breg = breg;
    return do_reg(r, IORING_REGISTER_PBUF_RING, &breg, 1);
}

uint64_t hr__pbuf_mmap_off(uint16_t bgid)
{
    /* PBUF_RING | bgid << SHIFT: the bits do not overlap */
    return IORING_OFF_PBUF_RING + (uint64_t)bgid * (1ULL << IORING_OFF_PBUF_SHIFT);
}

int hr_free_buf_ring(struct hr_ring *r, struct hr_buf_ring_state *s)
{
    int ret;

    if (!r || !s)
        return -HR_EINVAL;
    ret = hr_unregister_buf_ring(r, s->bgid);
    if (s->map_len) {
        hr_sys_munmap((char *)s->bufs, s->map_len);     /* mapped by hr_setup_buf_ring */
        s->map_len = 0;
    }
    s->bufs = 0;
    s->entries = 0;
    s->mask = 0;
    s->shift = 0;
    s->tail = 0;
    return ret;
}
