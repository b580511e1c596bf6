/* bufring.c -- set up provided-buffer rings (declaration: core/hr_register.h;
 * the hot path is static inline in core/hr_bufring.h; the teardown,
 * hr_free_buf_ring, is proved in core/register.c).
 * Not given to WP: the caller's void *mem and, for IOU_PBUF_RING_MMAP, an
 * mmap result become struct hr_buf pointers, casts WP's Typed model does
 * not follow (proofs/no_contract.txt); the state it leaves is what
 * hr_buf_ring_init, proved, establishes; the registration it makes (the
 * struct the kernel reads), the mmap offset of a kernel-allocated ring and
 * the unregistration on failure are the proved hr__register_pbuf,
 * hr__pbuf_mmap_off and hr_unregister_buf_ring (core/register.c).
 */
#include "hringas.h"


/* The kernel's 16-bit field after bgid: `pad` in uapi headers before 6.4,
   `flags` since.  Same offset in both (static-asserted below). */
_Static_assert(offsetof(struct io_uring_buf_reg, pad) == 14 &&
               sizeof(((struct io_uring_buf_reg *)0)->pad) == 2,
               "io_uring_buf_reg: flags/pad is the u16 at offset 14");

int hr_setup_buf_ring(struct hr_ring *r, struct hr_buf_ring_state *s, void *mem,
                      uint32_t entries, uint16_t bgid, uint32_t flags)
{
    int ret;

    if (!r || !s || (flags & ~(IOU_PBUF_RING_MMAP | IOU_PBUF_RING_INC)))
        return -HR_EINVAL;
    if (!(flags & IOU_PBUF_RING_MMAP)) {
        /* caller's memory: check it and reset the tail before the kernel
           can look at it */
        ret = hr_buf_ring_init(s, (struct hr_buf *)mem, entries);
        if (ret)
            return ret;
        ret = hr__register_pbuf(r, (uint64_t)(uintptr_t)mem, entries, bgid, flags);
        if (ret < 0)
            return ret;
        s->bgid = bgid;
        return 0;
    }

    /* kernel-allocated ring: register, then map it */
    if (mem || entries == 0 || entries > HR_BUF_RING_MAX_ENTRIES ||
        (entries & (entries - 1)))
        return -HR_EINVAL;
    ret = hr__register_pbuf(r, 0, entries, bgid, flags);
    if (ret < 0)
        return ret;
    const uint64_t len = (uint64_t)entries * sizeof(struct hr_buf);
    const long m = hr_sys_mmap_shared(r->ring_fd, len, hr__pbuf_mmap_off(bgid));
    if (m < 0 && m >= -4095) {
        hr_unregister_buf_ring(r, bgid);
        return (int)m;
    }
    /* cannot fail: mem non-NULL, entries checked above */
    hr_buf_ring_init(s, (struct hr_buf *)m, entries);
    s->bgid    = bgid;
    s->map_len = len;
    return 0;
}
