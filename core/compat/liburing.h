/* liburing.h (hringas-c compat) -- liburing 2.15's API over the verified
 * hringas-c core.  A liburing program builds unchanged with
 *     cc -Icore/compat -Icore -Ispecs prog.c build/<arch>/libhringas-liburing.a build/<arch>/libhringas.a
 * (installed: `pkg-config --cflags --libs hringas-liburing`).
 *
 * Every function is a thin wrapper over the hr_ function named in its body
 * (the SQ/CQ protocol, prep helpers, registration and setup are the core's,
 * proved or trusted as listed in specs/TRUSTED.md); nothing here touches the
 * shared ring words except through core functions.  struct io_uring embeds
 * the core's struct hr_ring (member `hr`) and mirrors, at setup, the fields
 * liburing programs read directly.  Deliberate differences: DIFFERENCES.md.
 * Functions liburing has out of line live in libhringas-liburing (hosted:
 * it may use libc); the core library libhringas stays freestanding. */
#ifndef LIB_URING_H
#define LIB_URING_H

/* As liburing: the feature macros its declarations need (sigset_t in
   <signal.h> under strict -std=c99/c11, cpu_set_t in <sched.h>), unless the
   program chose its own.  Effective when this header comes before the first
   libc header, as with liburing. */
#ifndef _XOPEN_SOURCE
#define _XOPEN_SOURCE 500
#endif
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <inttypes.h>
#include <time.h>
#include <fcntl.h>
#include <sched.h>
#include <linux/swab.h>
#include <linux/filter.h>
#include <sys/wait.h>
#include "liburing/compat.h"
#include "liburing/io_uring.h"
#include "liburing/io_uring/query.h"
#include "liburing/io_uring/bpf_filter.h"
#include "liburing/io_uring_version.h"
#include "liburing/barrier.h"
#include "hringas.h"          /* the core: ring, wait family, prep, registration */

#ifndef uring_unlikely
#define uring_unlikely(cond)    __builtin_expect(!!(cond), 0)
#endif
#ifndef uring_likely
#define uring_likely(cond)      __builtin_expect(!!(cond), 1)
#endif

#ifndef __NR_io_uring_setup
#define __NR_io_uring_setup     425
#endif
#ifndef __NR_io_uring_enter
#define __NR_io_uring_enter     426
#endif
#ifndef __NR_io_uring_register
#define __NR_io_uring_register  427
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* liburing's view of a zero-copy receive refill queue (the program maps and
   fills it; no library function takes it) */
struct io_uring_zcrx_rqe;
struct io_uring_zcrx_rq {
    __u32 *khead;
    __u32 *ktail;
    __u32 rq_tail;
    unsigned ring_entries;

    struct io_uring_zcrx_rqe *rqes;
    void *ring_ptr;
};

/* liburing 2.15's pointer-to-u64 helper (its tests use it too) */
static inline __u64 uring_ptr_to_u64(const void *ptr)
{
    return (__u64)(unsigned long)ptr;
}

/* ---- the ring ------------------------------------------------------------
 * The pointers and sizes below are set once by io_uring_queue_init* from the
 * core's ring; sqe_head / sqe_tail are refreshed by get_sqe and submit.
 * The state that counts is ring->hr (the core's); these are read-only views. */
struct io_uring_sq {
    unsigned *khead;
    unsigned *ktail;
    unsigned *kring_mask;       /* deprecated in liburing: use ring_mask */
    unsigned *kring_entries;    /* deprecated in liburing: use ring_entries */
    unsigned *kflags;
    unsigned *kdropped;
    unsigned *array;            /* NULL: the core sets up IORING_SETUP_NO_SQARRAY */
    struct io_uring_sqe *sqes;

    unsigned sqe_head;
    unsigned sqe_tail;

    size_t ring_sz;
    void *ring_ptr;

    unsigned ring_mask;
    unsigned ring_entries;

    unsigned sqes_sz;           /* bytes of the SQE array mapping (liburing 2.15) */
    unsigned pad;
};

struct io_uring_cq {
    unsigned *khead;
    unsigned *ktail;
    unsigned *kring_mask;
    unsigned *kring_entries;
    unsigned *kflags;
    unsigned *koverflow;
    struct io_uring_cqe *cqes;

    size_t ring_sz;
    void *ring_ptr;

    unsigned ring_mask;
    unsigned ring_entries;

    unsigned pad[2];
};

struct io_uring {
    struct io_uring_sq sq;
    struct io_uring_cq cq;
    unsigned flags;
    int ring_fd;

    unsigned features;
    int enter_ring_fd;
    __u8 int_flags;
    __u8 pad[3];
    unsigned pad2;

    /* Ring memory this layer mapped for IORING_SETUP_NO_MMAP without caller
       memory (liburing allocates it too), unmapped by io_uring_queue_exit;
       NULL otherwise (a caller's buffer is never unmapped here). */
    void *hrc_mem;
    size_t hrc_mem_len;

    struct hr_ring hr;          /* the verified core's ring: the real state */
};

/* int_flags bits, liburing 2.15's values (src/int_flags.h): a registered
   ring fd, the kernel's IORING_FEAT_REG_REG_RING with it, a ring in the
   caller's memory (io_uring_queue_init_mem), and
   io_uring_set_iowait(ring, false).  The enter flags among them are also in
   hr.enter_flags, which the core ORs into every io_uring_enter. */
#define HRC_INT_FLAG_REG_REG_RING   1u
#define HRC_INT_FLAG_APP_MEM        2u       /* rings in the caller's memory */
#define HRC_INT_FLAG_REG_RING       16u      /* IORING_ENTER_REGISTERED_RING */
#define HRC_INT_FLAG_NO_IOWAIT      128u     /* IORING_ENTER_NO_IOWAIT */

/* liburing reads ring->ring_fd and ring->enter_ring_fd at every call, and
   programs may store to them (e.g. a dup()ed descriptor in place of the
   original): the core's ring takes them before every core call that may
   make a system call.  Returns the core's ring. */
static inline struct hr_ring *hrc_ring(struct io_uring *ring)
{
    ring->hr.ring_fd = ring->ring_fd;
    ring->hr.enter_fd = ring->enter_ring_fd;
    return &ring->hr;
}

#define HRC_SQE(s)  ((struct hr_sqe *)(void *)(s))
/* opcodes of uapi 6.19 (IORING_OP_* are enumerators the installed header
   may lack) */
#define HRC_OP_NOP128           63
#define HRC_OP_URING_CMD128     64
#if defined(HRINGAS_COMPAT_OWN_UAPI) && !defined(__cplusplus)
_Static_assert(HRC_OP_NOP128 == IORING_OP_NOP128 &&
               HRC_OP_URING_CMD128 == IORING_OP_URING_CMD128, "uapi 6.19 opcodes");
#endif

/* structs of newer uapi headers, in case the installed <linux/io_uring.h>
   was included first and lacks them */
struct io_uring_napi;
struct io_uring_clock_register;
struct io_uring_zcrx_ifq_reg;
struct io_uring_mem_region_reg;
struct epoll_event;
#define HRC_CQE(c)  ((struct io_uring_cqe *)(void *)(c))

/* ---- library interface (libhringas-liburing) ------------------------------ */
struct io_uring_probe *io_uring_get_probe_ring(struct io_uring *ring);
struct io_uring_probe *io_uring_get_probe(void);
void io_uring_free_probe(struct io_uring_probe *probe);

static inline int io_uring_opcode_supported(const struct io_uring_probe *p, int op)
{
    return hr_probe_opcode_supported(p, op);
}

int io_uring_queue_init_params(unsigned entries, struct io_uring *ring,
                               struct io_uring_params *p);
int __io_uring_queue_init_params(unsigned entries, struct io_uring *ring,
                                 struct io_uring_params *p, void *buf, size_t buf_size);
int io_uring_queue_init(unsigned entries, struct io_uring *ring, unsigned flags);
int io_uring_queue_mmap(int fd, struct io_uring_params *p, struct io_uring *ring);
void io_uring_unmap_rings(struct io_uring_sq *sq, struct io_uring_cq *cq);
int io_uring_resize_rings(struct io_uring *ring, struct io_uring_params *p);
int io_uring_queue_init_mem(unsigned entries, struct io_uring *ring,
                            struct io_uring_params *p, void *buf, size_t buf_size);
ssize_t io_uring_memory_size(unsigned entries, unsigned flags);
ssize_t io_uring_memory_size_params(unsigned entries, struct io_uring_params *p);
int io_uring_ring_dontfork(struct io_uring *ring);
void io_uring_queue_exit(struct io_uring *ring);
unsigned io_uring_peek_batch_cqe(struct io_uring *ring,
                                 struct io_uring_cqe **cqes, unsigned count);
int io_uring_wait_cqes(struct io_uring *ring, struct io_uring_cqe **cqe_ptr,
                       unsigned wait_nr, struct __kernel_timespec *ts,
                       sigset_t *sigmask);
int io_uring_wait_cqes_min_timeout(struct io_uring *ring,
                                   struct io_uring_cqe **cqe_ptr, unsigned wait_nr,
                                   struct __kernel_timespec *ts,
                                   unsigned int min_ts_usec, sigset_t *sigmask);
int io_uring_wait_cqe_timeout(struct io_uring *ring, struct io_uring_cqe **cqe_ptr,
                              struct __kernel_timespec *ts);
int io_uring_submit(struct io_uring *ring);
/* liburing's internal SQ flush (exported by liburing up to 2.4, whose test
   programs call it; 2.5+ tests bring their own copy in test/helpers.c, which
   then takes precedence: this one is weak).  Publishes the SQEs obtained
   since the last flush without entering the kernel (the core's hr_flush_sq)
   and returns the number of SQEs the kernel has not consumed yet. */
unsigned __io_uring_flush_sq(struct io_uring *ring);
int io_uring_submit_and_wait(struct io_uring *ring, unsigned wait_nr);
int io_uring_submit_and_wait_timeout(struct io_uring *ring,
                                     struct io_uring_cqe **cqe_ptr, unsigned wait_nr,
                                     struct __kernel_timespec *ts, sigset_t *sigmask);
int io_uring_submit_and_wait_min_timeout(struct io_uring *ring,
                                         struct io_uring_cqe **cqe_ptr,
                                         unsigned wait_nr,
                                         struct __kernel_timespec *ts,
                                         unsigned min_wait, sigset_t *sigmask);
struct io_uring_reg_wait;
int io_uring_submit_and_wait_reg(struct io_uring *ring, struct io_uring_cqe **cqe_ptr,
                                 unsigned wait_nr, int reg_index);
int io_uring_register_wait_reg(struct io_uring *ring, struct io_uring_reg_wait *reg, int nr);

int io_uring_register_buffers(struct io_uring *ring, const struct iovec *iovecs,
                              unsigned nr_iovecs);
int io_uring_register_buffers_tags(struct io_uring *ring, const struct iovec *iovecs,
                                   const __u64 *tags, unsigned nr);
int io_uring_register_buffers_sparse(struct io_uring *ring, unsigned nr);
int io_uring_register_buffers_update_tag(struct io_uring *ring, unsigned off,
                                         const struct iovec *iovecs,
                                         const __u64 *tags, unsigned nr);
int io_uring_unregister_buffers(struct io_uring *ring);
int io_uring_register_files(struct io_uring *ring, const int *files, unsigned nr_files);
int io_uring_register_files_tags(struct io_uring *ring, const int *files,
                                 const __u64 *tags, unsigned nr);
int io_uring_register_files_sparse(struct io_uring *ring, unsigned nr);
int io_uring_register_files_update_tag(struct io_uring *ring, unsigned off,
                                       const int *files, const __u64 *tags,
                                       unsigned nr_files);
int io_uring_unregister_files(struct io_uring *ring);
int io_uring_register_files_update(struct io_uring *ring, unsigned off,
                                   const int *files, unsigned nr_files);
int io_uring_register_eventfd(struct io_uring *ring, int fd);
int io_uring_register_eventfd_async(struct io_uring *ring, int fd);
int io_uring_unregister_eventfd(struct io_uring *ring);
int io_uring_register_probe(struct io_uring *ring, struct io_uring_probe *p, unsigned nr);
int io_uring_register_personality(struct io_uring *ring);
int io_uring_unregister_personality(struct io_uring *ring, int id);
int io_uring_register_restrictions(struct io_uring *ring,
                                   struct io_uring_restriction *res,
                                   unsigned int nr_res);
int io_uring_enable_rings(struct io_uring *ring);
int __io_uring_sqring_wait(struct io_uring *ring);
#ifdef _GNU_SOURCE
int io_uring_register_iowq_aff(struct io_uring *ring, size_t cpusz,
                               const cpu_set_t *mask);
#endif
int io_uring_unregister_iowq_aff(struct io_uring *ring);
int io_uring_register_iowq_max_workers(struct io_uring *ring, unsigned int *values);
int io_uring_register_ring_fd(struct io_uring *ring);
int io_uring_unregister_ring_fd(struct io_uring *ring);
int io_uring_close_ring_fd(struct io_uring *ring);
int io_uring_set_iowait(struct io_uring *ring, bool enable_iowait);
int io_uring_register_buf_ring(struct io_uring *ring, struct io_uring_buf_reg *reg,
                               unsigned int flags);
int io_uring_unregister_buf_ring(struct io_uring *ring, int bgid);
int io_uring_buf_ring_head(struct io_uring *ring, int buf_group, uint16_t *head);
int io_uring_register_sync_cancel(struct io_uring *ring,
                                  struct io_uring_sync_cancel_reg *reg);
int io_uring_register_file_alloc_range(struct io_uring *ring, unsigned off, unsigned len);
int io_uring_clone_buffers_offset(struct io_uring *dst, struct io_uring *src,
                                  unsigned int dst_off, unsigned int src_off,
                                  unsigned int nr, unsigned int flags);
int io_uring_clone_buffers(struct io_uring *dst, struct io_uring *src);
int __io_uring_clone_buffers_offset(struct io_uring *dst, struct io_uring *src,
                                    unsigned int dst_off, unsigned int src_off,
                                    unsigned int nr, unsigned int flags);
int __io_uring_clone_buffers(struct io_uring *dst, struct io_uring *src,
                             unsigned int flags);
int io_uring_register_sync_msg(struct io_uring_sqe *sqe);
int io_uring_register_napi(struct io_uring *ring, struct io_uring_napi *napi);
int io_uring_unregister_napi(struct io_uring *ring, struct io_uring_napi *napi);
int io_uring_register_clock(struct io_uring *ring, struct io_uring_clock_register *arg);
int io_uring_register_ifq(struct io_uring *ring, struct io_uring_zcrx_ifq_reg *reg);
int io_uring_register_region(struct io_uring *ring, struct io_uring_mem_region_reg *reg);
struct zcrx_ctrl;
int io_uring_register_zcrx_ctrl(struct io_uring *ring, struct zcrx_ctrl *ctrl);
int io_uring_register_bpf_filter(struct io_uring *ring, struct io_uring_bpf *bpf);
int io_uring_register_bpf_filter_task(struct io_uring_bpf *bpf);
int io_uring_register_query(struct io_uring_query_hdr *query);
int io_uring_get_events(struct io_uring *ring);
int io_uring_submit_and_get_events(struct io_uring *ring);

/* raw system calls: -errno on failure, like liburing's */
int io_uring_enter(unsigned int fd, unsigned int to_submit, unsigned int min_complete,
                   unsigned int flags, sigset_t *sig);
int io_uring_enter2(unsigned int fd, unsigned int to_submit, unsigned int min_complete,
                    unsigned int flags, sigset_t *sig, size_t sz);
int io_uring_setup(unsigned int entries, struct io_uring_params *p);
int io_uring_register(unsigned int fd, unsigned int opcode, const void *arg,
                      unsigned int nr_args);

struct io_uring_buf_ring *io_uring_setup_buf_ring(struct io_uring *ring,
                                                  unsigned int nentries, int bgid,
                                                  unsigned int flags, int *err);
int io_uring_free_buf_ring(struct io_uring *ring, struct io_uring_buf_ring *br,
                           unsigned int nentries, int bgid);

int __io_uring_get_cqe(struct io_uring *ring, struct io_uring_cqe **cqe_ptr,
                       unsigned submit, unsigned wait_nr, sigset_t *sigmask);

ssize_t io_uring_mlock_size(unsigned entries, unsigned flags);
ssize_t io_uring_mlock_size_params(unsigned entries, struct io_uring_params *p);

int io_uring_major_version(void);
int io_uring_minor_version(void);
bool io_uring_check_version(int major, int minor);

#define IO_URING_CHECK_VERSION(major, minor) \
    (major > IO_URING_VERSION_MAJOR ||        \
     (major == IO_URING_VERSION_MAJOR && minor > IO_URING_VERSION_MINOR))

#define LIBURING_UDATA_TIMEOUT  ((__u64) -1)
#define LIBURING_HAVE_DATA64

/* ---- completion side ---------------------------------------------------- */

#define io_uring_cqe_shift(ring)  (!!((ring)->flags & IORING_SETUP_CQE32))

/* liburing 2.15: the CQE size shift for ring setup flags, and the number of
   16-byte CQE slots a CQE takes (2 for IORING_CQE_F_32 on mixed rings). */
static inline unsigned io_uring_cqe_shift_from_flags(unsigned flags)
{
    return !!(flags & IORING_SETUP_CQE32);
}

static inline unsigned io_uring_cqe_nr(const struct io_uring_cqe *cqe)
{
    return 1U << !!(cqe->flags & (1U << 15));      /* IORING_CQE_F_32 */
}
#define io_uring_cqe_index(ring, ptr, mask) \
    (((ptr) & (mask)) << io_uring_cqe_shift(ring))

/* Iterate over the posted CQEs without consuming them (the core's
   hr__cq_at: the CQE of counter head, or NULL at the kernel's tail, re-read
   each step); then io_uring_cq_advance(ring, n).
   Matches liburing's io_uring_for_each_cqe.  (Parameter names that no
   member shares: a parameter `head` would also replace `cq.head`.) */
#define io_uring_for_each_cqe(ring, hrc_head_, hrc_cqe_)                        \
    for ((hrc_head_) = (ring)->hr.cq.head;                                      \
         ((hrc_cqe_) = HRC_CQE(hr__cq_at(&(ring)->hr, (hrc_head_)))) != NULL;   \
         (hrc_head_) += hr__cqe_slots(&(ring)->hr,                              \
                                      (const struct hr_cqe *)(const void *)(hrc_cqe_)))

/* liburing 2.15's CQE iterator: the CQEs posted when it was made, without
   consuming them (then io_uring_cq_advance).  Over the core's hr__cq_at,
   like io_uring_for_each_cqe; the kernel tail is read once, at init. */
struct io_uring_cqe_iter {
    struct io_uring *ring;
    unsigned head;
    unsigned tail;
};

static inline struct io_uring_cqe_iter io_uring_cqe_iter_init(const struct io_uring *ring)
{
    struct io_uring_cqe_iter it;
    struct io_uring *r = (struct io_uring *)(uintptr_t)ring;

    it.ring = r;
    it.head = r->hr.cq.head;
    it.tail = it.head + hr_cq_ready(&r->hr);
    return it;
}

static inline bool io_uring_cqe_iter_next(struct io_uring_cqe_iter *iter,
                                          struct io_uring_cqe **cqe)
{
    if (iter->head == iter->tail)
        return false;
    *cqe = HRC_CQE(hr__cq_at(&iter->ring->hr, iter->head));
    if (*cqe == NULL)
        return false;
    iter->head += hr__cqe_slots(&iter->ring->hr, (const struct hr_cqe *)(const void *)*cqe);
    return true;
}

static inline void io_uring_cq_advance(struct io_uring *ring, unsigned nr)
{
    if (nr)
        hr_cq_advance(&ring->hr, nr);
}

static inline void io_uring_cqe_seen(struct io_uring *ring, struct io_uring_cqe *cqe)
{
    if (cqe)
        hr_cqe_seen(&ring->hr, (struct hr_cqe *)(void *)cqe);
}

/* ---- SQE / CQE accessors ---------------------------------------------------- */

static inline void io_uring_sqe_set_data(struct io_uring_sqe *sqe, void *data)
{
    hr_sqe_set_data(HRC_SQE(sqe), data);
}

static inline void *io_uring_cqe_get_data(const struct io_uring_cqe *cqe)
{
    return hr_cqe_get_data((const struct hr_cqe *)(const void *)cqe);
}

static inline void io_uring_sqe_set_data64(struct io_uring_sqe *sqe, __u64 data)
{
    hr_sqe_set_data64(HRC_SQE(sqe), data);
}

static inline __u64 io_uring_cqe_get_data64(const struct io_uring_cqe *cqe)
{
    return hr_cqe_get_data64((const struct hr_cqe *)(const void *)cqe);
}

static inline void io_uring_sqe_set_flags(struct io_uring_sqe *sqe, unsigned flags)
{
    hr_sqe_set_flags(HRC_SQE(sqe), (uint8_t)flags);
}

static inline void io_uring_sqe_set_buf_group(struct io_uring_sqe *sqe, int bgid)
{
    sqe->buf_group = (__u16)bgid;
}

static inline void __io_uring_set_target_fixed_file(struct io_uring_sqe *sqe,
                                                    unsigned int file_index)
{
    sqe->file_index = file_index + 1;   /* 0 = not a direct descriptor */
}

/* What liburing 2.15's io_uring_get_sqe clears in every SQE it hands out. */
static inline void io_uring_initialize_sqe(struct io_uring_sqe *sqe)
{
    sqe->flags = 0;
    sqe->ioprio = 0;
    sqe->rw_flags = 0;
    sqe->buf_index = 0;
    sqe->personality = 0;
    sqe->file_index = 0;
    sqe->addr3 = 0;
    sqe->__pad2[0] = 0;
}

/* ---- prep helpers -------------------------------------------------------------
 * Each is the core's hr_prep_X, which writes all 64 bytes (zero where it sets
 * nothing).  liburing 2.15's helpers write less: its io_uring_prep_rw sets
 * opcode, fd, off, addr and len only, and of the fields io_uring_get_sqe
 * clears (flags, ioprio, rw_flags, buf_index, personality, file_index, addr3,
 * __pad2) a helper writes just those it names; none writes user_data.  So a
 * value stored between io_uring_get_sqe and the prep call
 * (io_uring_sqe_set_flags, sqe->personality = id, ...) survives there.  The
 * compat helpers do the same: they save the SQE, call the core, and put
 * back user_data and every one of those eight fields that liburing 2.15's
 * helper of that name does not write.  HRC_PREP puts all of them back;
 * HRC_PREP_W(sqe, call, written) all but the HRC_W_* fields in `written`,
 * as read from liburing 2.15 (DIFFERENCES.md item 7 lists them). */
#define HRC_W_FLAGS     0x01u   /* flags assigned (read_multishot, fixed_fd_install) */
#define HRC_W_IOPRIO    0x02u   /* ioprio assigned (send_zc*) */
#define HRC_OR_IOPRIO   0x04u   /* liburing ORs its bit into ioprio: old bits stay */
#define HRC_W_RWFLAGS   0x08u   /* rw_flags: the per-opcode flags word */
#define HRC_W_BUFINDEX  0x10u   /* buf_index / buf_group */
#define HRC_W_FILEINDEX 0x20u   /* file_index (splice_fd_in, optlen) */
#define HRC_W_ADDRLEN   0x40u   /* addr_len only: __pad3, the rest of file_index, stays */
#define HRC_W_ADDR3     0x80u   /* addr3 (optval) */

/* The fields liburing 2.15's helper leaves alone, put back from the copy
 * `old` taken before the core's hr_prep_* (its struct hr_sqe is may_alias,
 * so these struct io_uring_sqe accesses are ordered after its stores). */
static inline void hrc_sqe_restore(struct io_uring_sqe *sqe, const struct io_uring_sqe *old,
                                   unsigned written)
{
    sqe->user_data = old->user_data;
    sqe->personality = old->personality;
    sqe->__pad2[0] = old->__pad2[0];
    if (!(written & HRC_W_FLAGS))
        sqe->flags = old->flags;
    if (written & HRC_OR_IOPRIO)
        sqe->ioprio = (__u16)(sqe->ioprio | old->ioprio);
    else if (!(written & HRC_W_IOPRIO))
        sqe->ioprio = old->ioprio;
    if (!(written & HRC_W_RWFLAGS))
        sqe->rw_flags = old->rw_flags;
    if (!(written & HRC_W_BUFINDEX))
        sqe->buf_index = old->buf_index;
    if (written & HRC_W_ADDRLEN)
        sqe->__pad3[0] = old->__pad3[0];
    else if (!(written & HRC_W_FILEINDEX))
        sqe->file_index = old->file_index;
    if (!(written & HRC_W_ADDR3))
        sqe->addr3 = old->addr3;
}

#define HRC_PREP_W(sqe, call, written) do {                                \
        const struct io_uring_sqe hrc_old_ = *(sqe);                        \
        call;                                                               \
        hrc_sqe_restore((sqe), &hrc_old_, (written));                       \
    } while (0)
#define HRC_PREP(sqe, call) HRC_PREP_W(sqe, call, 0u)

static inline void io_uring_prep_rw(int op, struct io_uring_sqe *sqe, int fd,
                                    const void *addr, unsigned len, __u64 offset)
{
    HRC_PREP(sqe, hr_prep_rw((uint8_t)op, HRC_SQE(sqe), fd, HR_PTR64(addr), len, offset));
}

static inline void io_uring_prep_splice(struct io_uring_sqe *sqe, int fd_in, int64_t off_in,
                                        int fd_out, int64_t off_out, unsigned int nbytes,
                                        unsigned int splice_flags)
{
    HRC_PREP_W(sqe, hr_prep_splice(HRC_SQE(sqe), fd_in, off_in, fd_out, off_out, nbytes,
                                   splice_flags),
               HRC_W_RWFLAGS | HRC_W_FILEINDEX);
}

static inline void io_uring_prep_tee(struct io_uring_sqe *sqe, int fd_in, int fd_out,
                                     unsigned int nbytes, unsigned int splice_flags)
{
    HRC_PREP_W(sqe, hr_prep_tee(HRC_SQE(sqe), fd_in, fd_out, nbytes, splice_flags),
               HRC_W_RWFLAGS | HRC_W_FILEINDEX);
}

static inline void io_uring_prep_readv(struct io_uring_sqe *sqe, int fd,
                                       const struct iovec *iovecs, unsigned nr_vecs,
                                       __u64 offset)
{
    HRC_PREP(sqe, hr_prep_readv(HRC_SQE(sqe), fd, iovecs, nr_vecs, offset));
}

static inline void io_uring_prep_readv2(struct io_uring_sqe *sqe, int fd,
                                        const struct iovec *iovecs, unsigned nr_vecs,
                                        __u64 offset, int flags)
{
    HRC_PREP_W(sqe, hr_prep_readv2(HRC_SQE(sqe), fd, iovecs, nr_vecs, offset, flags),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_read_fixed(struct io_uring_sqe *sqe, int fd, void *buf,
                                            unsigned nbytes, __u64 offset, int buf_index)
{
    HRC_PREP_W(sqe, hr_prep_read_fixed(HRC_SQE(sqe), fd, buf, nbytes, offset, buf_index),
               HRC_W_BUFINDEX);
}

/* liburing 2.10+: vectored I/O on registered buffers (kernel 6.15); the
   core has no helper yet: its readv2 / writev2 plus opcode and index, as
   liburing composes them. */
static inline void io_uring_prep_readv_fixed(struct io_uring_sqe *sqe, int fd,
                                             const struct iovec *iovecs, unsigned nr_vecs,
                                             __u64 offset, int flags, int buf_index)
{
    HRC_PREP_W(sqe, hr_prep_readv2(HRC_SQE(sqe), fd, iovecs, nr_vecs, offset, flags),
               HRC_W_RWFLAGS);
    sqe->opcode = IORING_OP_READV_FIXED;
    sqe->buf_index = (__u16)buf_index;
}

static inline void io_uring_prep_writev_fixed(struct io_uring_sqe *sqe, int fd,
                                              const struct iovec *iovecs, unsigned nr_vecs,
                                              __u64 offset, int flags, int buf_index)
{
    HRC_PREP_W(sqe, hr_prep_writev2(HRC_SQE(sqe), fd, iovecs, nr_vecs, offset, flags),
               HRC_W_RWFLAGS);
    sqe->opcode = IORING_OP_WRITEV_FIXED;
    sqe->buf_index = (__u16)buf_index;
}

static inline void io_uring_prep_writev(struct io_uring_sqe *sqe, int fd,
                                        const struct iovec *iovecs, unsigned nr_vecs,
                                        __u64 offset)
{
    HRC_PREP(sqe, hr_prep_writev(HRC_SQE(sqe), fd, iovecs, nr_vecs, offset));
}

static inline void io_uring_prep_writev2(struct io_uring_sqe *sqe, int fd,
                                         const struct iovec *iovecs, unsigned nr_vecs,
                                         __u64 offset, int flags)
{
    HRC_PREP_W(sqe, hr_prep_writev2(HRC_SQE(sqe), fd, iovecs, nr_vecs, offset, flags),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_write_fixed(struct io_uring_sqe *sqe, int fd,
                                             const void *buf, unsigned nbytes,
                                             __u64 offset, int buf_index)
{
    HRC_PREP_W(sqe, hr_prep_write_fixed(HRC_SQE(sqe), fd, buf, nbytes, offset, buf_index),
               HRC_W_BUFINDEX);
}

static inline void io_uring_prep_recvmsg(struct io_uring_sqe *sqe, int fd,
                                         struct msghdr *msg, unsigned flags)
{
    HRC_PREP_W(sqe, hr_prep_recvmsg(HRC_SQE(sqe), fd, msg, flags),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_recvmsg_multishot(struct io_uring_sqe *sqe, int fd,
                                                   struct msghdr *msg, unsigned flags)
{
    HRC_PREP_W(sqe, hr_prep_recvmsg_multishot(HRC_SQE(sqe), fd, msg, flags),
               HRC_W_RWFLAGS | HRC_OR_IOPRIO);
}

static inline void io_uring_prep_sendmsg(struct io_uring_sqe *sqe, int fd,
                                         const struct msghdr *msg, unsigned flags)
{
    HRC_PREP_W(sqe, hr_prep_sendmsg(HRC_SQE(sqe), fd, msg, flags),
               HRC_W_RWFLAGS);
}

/* liburing swaps the halves of the poll mask on big-endian targets; the
   core's targets are little-endian (hr_abi.h asserts it): the identity. */
static inline unsigned __io_uring_prep_poll_mask(unsigned poll_mask)
{
    return poll_mask;
}

static inline void io_uring_prep_poll_add(struct io_uring_sqe *sqe, int fd,
                                          unsigned poll_mask)
{
    HRC_PREP_W(sqe, hr_prep_poll_add(HRC_SQE(sqe), fd, poll_mask),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_poll_multishot(struct io_uring_sqe *sqe, int fd,
                                                unsigned poll_mask)
{
    HRC_PREP_W(sqe, hr_prep_poll_multishot(HRC_SQE(sqe), fd, poll_mask),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_poll_remove(struct io_uring_sqe *sqe, __u64 user_data)
{
    HRC_PREP(sqe, hr_prep_poll_remove(HRC_SQE(sqe), user_data));
}

static inline void io_uring_prep_poll_update(struct io_uring_sqe *sqe, __u64 old_user_data,
                                             __u64 new_user_data, unsigned poll_mask,
                                             unsigned flags)
{
    HRC_PREP_W(sqe, hr_prep_poll_update(HRC_SQE(sqe), old_user_data, new_user_data,
                                        poll_mask, flags),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_fsync(struct io_uring_sqe *sqe, int fd,
                                       unsigned fsync_flags)
{
    HRC_PREP_W(sqe, hr_prep_fsync(HRC_SQE(sqe), fd, fsync_flags),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_nop(struct io_uring_sqe *sqe)
{
    HRC_PREP(sqe, hr_prep_nop(HRC_SQE(sqe)));
}

/* liburing 2.15: the 128-byte NOP of IORING_SETUP_SQE_MIXED rings (6.19). */
static inline void io_uring_prep_nop128(struct io_uring_sqe *sqe)
{
    HRC_PREP(sqe, hr_prep_nop128(HRC_SQE(sqe)));
}

static inline void io_uring_prep_timeout(struct io_uring_sqe *sqe,
                                         struct __kernel_timespec *ts,
                                         unsigned count, unsigned flags)
{
    HRC_PREP_W(sqe, hr_prep_timeout(HRC_SQE(sqe), ts, count, flags),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_timeout_remove(struct io_uring_sqe *sqe,
                                                __u64 user_data, unsigned flags)
{
    HRC_PREP_W(sqe, hr_prep_timeout_remove(HRC_SQE(sqe), user_data, flags),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_timeout_update(struct io_uring_sqe *sqe,
                                                struct __kernel_timespec *ts,
                                                __u64 user_data, unsigned flags)
{
    HRC_PREP_W(sqe, hr_prep_timeout_update(HRC_SQE(sqe), ts, user_data, flags),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_accept(struct io_uring_sqe *sqe, int fd,
                                        struct sockaddr *addr, socklen_t *addrlen,
                                        int flags)
{
    HRC_PREP_W(sqe, hr_prep_accept(HRC_SQE(sqe), fd, addr, addrlen, flags),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_accept_direct(struct io_uring_sqe *sqe, int fd,
                                               struct sockaddr *addr, socklen_t *addrlen,
                                               int flags, unsigned int file_index)
{
    HRC_PREP_W(sqe, hr_prep_accept_direct(HRC_SQE(sqe), fd, addr, addrlen, flags,
                                          file_index),
               HRC_W_RWFLAGS | HRC_W_FILEINDEX);
}

static inline void io_uring_prep_multishot_accept(struct io_uring_sqe *sqe, int fd,
                                                  struct sockaddr *addr,
                                                  socklen_t *addrlen, int flags)
{
    HRC_PREP_W(sqe, hr_prep_multishot_accept(HRC_SQE(sqe), fd, addr, addrlen, flags),
               HRC_W_RWFLAGS | HRC_OR_IOPRIO);
}

static inline void io_uring_prep_multishot_accept_direct(struct io_uring_sqe *sqe, int fd,
                                                         struct sockaddr *addr,
                                                         socklen_t *addrlen, int flags)
{
    HRC_PREP_W(sqe, hr_prep_multishot_accept_direct(HRC_SQE(sqe), fd, addr, addrlen, flags),
               HRC_W_RWFLAGS | HRC_OR_IOPRIO | HRC_W_FILEINDEX);
}

static inline void io_uring_prep_cancel64(struct io_uring_sqe *sqe, __u64 user_data,
                                          int flags)
{
    HRC_PREP_W(sqe, hr_prep_cancel64(HRC_SQE(sqe), user_data, flags),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_cancel(struct io_uring_sqe *sqe, void *user_data,
                                        int flags)
{
    HRC_PREP_W(sqe, hr_prep_cancel(HRC_SQE(sqe), user_data, flags),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_cancel_fd(struct io_uring_sqe *sqe, int fd,
                                           unsigned int flags)
{
    HRC_PREP_W(sqe, hr_prep_cancel_fd(HRC_SQE(sqe), fd, flags),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_link_timeout(struct io_uring_sqe *sqe,
                                              struct __kernel_timespec *ts,
                                              unsigned flags)
{
    HRC_PREP_W(sqe, hr_prep_link_timeout(HRC_SQE(sqe), ts, flags),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_connect(struct io_uring_sqe *sqe, int fd,
                                         const struct sockaddr *addr, socklen_t addrlen)
{
    HRC_PREP(sqe, hr_prep_connect(HRC_SQE(sqe), fd, addr, addrlen));
}

static inline void io_uring_prep_bind(struct io_uring_sqe *sqe, int fd,
                                      struct sockaddr *addr, socklen_t addrlen)
{
    HRC_PREP(sqe, hr_prep_bind(HRC_SQE(sqe), fd, addr, addrlen));
}

static inline void io_uring_prep_listen(struct io_uring_sqe *sqe, int fd, int backlog)
{
    HRC_PREP(sqe, hr_prep_listen(HRC_SQE(sqe), fd, backlog));
}

static inline void io_uring_prep_files_update(struct io_uring_sqe *sqe, int *fds,
                                              unsigned nr_fds, int offset)
{
    HRC_PREP(sqe, hr_prep_files_update(HRC_SQE(sqe), fds, nr_fds, offset));
}

static inline void io_uring_prep_fallocate(struct io_uring_sqe *sqe, int fd, int mode,
                                           __u64 offset, __u64 len)
{
    HRC_PREP(sqe, hr_prep_fallocate(HRC_SQE(sqe), fd, mode, offset, len));
}

static inline void io_uring_prep_openat(struct io_uring_sqe *sqe, int dfd,
                                        const char *path, int flags, mode_t mode)
{
    HRC_PREP_W(sqe, hr_prep_openat(HRC_SQE(sqe), dfd, path, flags, mode),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_openat_direct(struct io_uring_sqe *sqe, int dfd,
                                               const char *path, int flags, mode_t mode,
                                               unsigned file_index)
{
    HRC_PREP_W(sqe, hr_prep_openat_direct(HRC_SQE(sqe), dfd, path, flags, mode, file_index),
               HRC_W_RWFLAGS | HRC_W_FILEINDEX);
}

static inline void io_uring_prep_open(struct io_uring_sqe *sqe, const char *path,
                                      int flags, mode_t mode)
{
    HRC_PREP_W(sqe, hr_prep_open(HRC_SQE(sqe), path, flags, mode),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_open_direct(struct io_uring_sqe *sqe, const char *path,
                                             int flags, mode_t mode, unsigned file_index)
{
    HRC_PREP_W(sqe, hr_prep_open_direct(HRC_SQE(sqe), path, flags, mode, file_index),
               HRC_W_RWFLAGS | HRC_W_FILEINDEX);
}

static inline void io_uring_prep_close(struct io_uring_sqe *sqe, int fd)
{
    HRC_PREP(sqe, hr_prep_close(HRC_SQE(sqe), fd));
}

static inline void io_uring_prep_close_direct(struct io_uring_sqe *sqe,
                                              unsigned file_index)
{
    /* liburing encodes every slot as index + 1, IORING_FILE_INDEX_ALLOC
       too (it wraps to 0: "not direct"); the core keeps ALLOC, which the
       kernel refuses for close.  liburing's encoding, as liburing does it. */
    HRC_PREP_W(sqe, hr_prep_close_direct(HRC_SQE(sqe), file_index),
               HRC_W_FILEINDEX);
    __io_uring_set_target_fixed_file(sqe, file_index);
}

static inline void io_uring_prep_read(struct io_uring_sqe *sqe, int fd, void *buf,
                                      unsigned nbytes, __u64 offset)
{
    HRC_PREP(sqe, hr_prep_read(HRC_SQE(sqe), fd, buf, nbytes, offset));
}

static inline void io_uring_prep_read_multishot(struct io_uring_sqe *sqe, int fd,
                                                unsigned nbytes, __u64 offset,
                                                int buf_group)
{
    HRC_PREP_W(sqe, hr_prep_read_multishot(HRC_SQE(sqe), fd, nbytes, offset, buf_group),
               HRC_W_BUFINDEX | HRC_W_FLAGS);
}

static inline void io_uring_prep_write(struct io_uring_sqe *sqe, int fd, const void *buf,
                                       unsigned nbytes, __u64 offset)
{
    HRC_PREP(sqe, hr_prep_write(HRC_SQE(sqe), fd, buf, nbytes, offset));
}

struct statx;
static inline void io_uring_prep_statx(struct io_uring_sqe *sqe, int dfd,
                                       const char *path, int flags, unsigned mask,
                                       struct statx *statxbuf)
{
    HRC_PREP_W(sqe, hr_prep_statx(HRC_SQE(sqe), dfd, path, flags, mask, statxbuf),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_fadvise(struct io_uring_sqe *sqe, int fd, __u64 offset,
                                         __u32 len, int advice)
{
    HRC_PREP_W(sqe, hr_prep_fadvise(HRC_SQE(sqe), fd, offset, len, advice),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_madvise(struct io_uring_sqe *sqe, void *addr,
                                         __u32 length, int advice)
{
    HRC_PREP_W(sqe, hr_prep_madvise(HRC_SQE(sqe), addr, length, advice),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_fadvise64(struct io_uring_sqe *sqe, int fd,
                                           __u64 offset, off_t len, int advice)
{
    HRC_PREP_W(sqe, hr_prep_fadvise64(HRC_SQE(sqe), fd, offset, (uint64_t)len, advice),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_madvise64(struct io_uring_sqe *sqe, void *addr,
                                           off_t length, int advice)
{
    HRC_PREP_W(sqe, hr_prep_madvise64(HRC_SQE(sqe), addr, (uint64_t)length, advice),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_send(struct io_uring_sqe *sqe, int sockfd,
                                      const void *buf, size_t len, int flags)
{
    HRC_PREP_W(sqe, hr_prep_send(HRC_SQE(sqe), sockfd, buf, (uint32_t)len, flags),
               HRC_W_RWFLAGS);
}

/* liburing 2.15: send with IORING_RECVSEND_BUNDLE (buffers from a group). */
static inline void io_uring_prep_send_bundle(struct io_uring_sqe *sqe, int sockfd,
                                             size_t len, int flags)
{
    HRC_PREP_W(sqe, hr_prep_send(HRC_SQE(sqe), sockfd, (const void *)0, (uint32_t)len, flags),
               HRC_W_RWFLAGS);
    sqe->ioprio |= IORING_RECVSEND_BUNDLE;
}

static inline void io_uring_prep_send_set_addr(struct io_uring_sqe *sqe,
                                               const struct sockaddr *dest_addr,
                                               __u16 addr_len)
{
    HRC_PREP_W(sqe, hr_prep_send_set_addr(HRC_SQE(sqe), dest_addr, addr_len), HRC_W_ADDRLEN);
}

static inline void io_uring_prep_sendto(struct io_uring_sqe *sqe, int sockfd,
                                        const void *buf, size_t len, int flags,
                                        const struct sockaddr *addr, socklen_t addrlen)
{
    HRC_PREP_W(sqe, hr_prep_sendto(HRC_SQE(sqe), sockfd, buf, (uint32_t)len, flags, addr,
                                   addrlen),
               HRC_W_RWFLAGS | HRC_W_ADDRLEN);
}

static inline void io_uring_prep_send_zc(struct io_uring_sqe *sqe, int sockfd,
                                         const void *buf, size_t len, int flags,
                                         unsigned zc_flags)
{
    HRC_PREP_W(sqe, hr_prep_send_zc(HRC_SQE(sqe), sockfd, buf, (uint32_t)len, flags, zc_flags),
               HRC_W_RWFLAGS | HRC_W_IOPRIO);
}

static inline void io_uring_prep_send_zc_fixed(struct io_uring_sqe *sqe, int sockfd,
                                               const void *buf, size_t len, int flags,
                                               unsigned zc_flags, unsigned buf_index)
{
    HRC_PREP_W(sqe, hr_prep_send_zc_fixed(HRC_SQE(sqe), sockfd, buf, (uint32_t)len, flags,
                                          zc_flags, buf_index),
               HRC_W_RWFLAGS | HRC_W_IOPRIO | HRC_W_BUFINDEX);
}

static inline void io_uring_prep_sendmsg_zc(struct io_uring_sqe *sqe, int fd,
                                            const struct msghdr *msg, unsigned flags)
{
    HRC_PREP_W(sqe, hr_prep_sendmsg_zc(HRC_SQE(sqe), fd, msg, flags),
               HRC_W_RWFLAGS);
}

/* liburing 2.10+: sendmsg_zc from a registered buffer. */
static inline void io_uring_prep_sendmsg_zc_fixed(struct io_uring_sqe *sqe, int fd,
                                                  const struct msghdr *msg, unsigned flags,
                                                  unsigned buf_index)
{
    HRC_PREP_W(sqe, hr_prep_sendmsg_zc(HRC_SQE(sqe), fd, msg, flags),
               HRC_W_RWFLAGS);
    sqe->ioprio |= IORING_RECVSEND_FIXED_BUF;
    sqe->buf_index = (__u16)buf_index;
}

static inline void io_uring_prep_recv(struct io_uring_sqe *sqe, int sockfd, void *buf,
                                      size_t len, int flags)
{
    HRC_PREP_W(sqe, hr_prep_recv(HRC_SQE(sqe), sockfd, buf, (uint32_t)len, flags),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_recv_multishot(struct io_uring_sqe *sqe, int sockfd,
                                                void *buf, size_t len, int flags)
{
    HRC_PREP_W(sqe, hr_prep_recv_multishot(HRC_SQE(sqe), sockfd, buf, (uint32_t)len, flags),
               HRC_W_RWFLAGS | HRC_OR_IOPRIO);
}

/* ---- multishot recvmsg buffer parsing ------------------------------------- */
/* The core's parsers take the buffer length and the msghdr's namelen and
   controllen and check every length; liburing's name / cmsg / payload calls
   get no buffer length: the wrappers pass the length the msghdr implies
   (16 + namelen + controllen, what io_uring_recvmsg_validate checked). */
static inline int32_t hrc__rm_len(const struct msghdr *msgh)
{
    const uint64_t n = 16u + (uint64_t)msgh->msg_namelen + msgh->msg_controllen;
    return n > 0x7fffffff ? 0x7fffffff : (int32_t)n;
}

static inline struct io_uring_recvmsg_out *
io_uring_recvmsg_validate(void *buf, int buf_len, struct msghdr *msgh)
{
    return (struct io_uring_recvmsg_out *)hr_recvmsg_validate(
        buf, buf_len, msgh->msg_namelen, (uint32_t)msgh->msg_controllen);
}

static inline void *io_uring_recvmsg_name(struct io_uring_recvmsg_out *o)
{
    return hr_recvmsg_name(o, HR_RECVMSG_OUT_SIZE, 0, 0);
}

static inline struct cmsghdr *
io_uring_recvmsg_cmsg_firsthdr(struct io_uring_recvmsg_out *o, struct msghdr *msgh)
{
    return (struct cmsghdr *)hr_recvmsg_cmsg_firsthdr(
        o, hrc__rm_len(msgh), msgh->msg_namelen, (uint32_t)msgh->msg_controllen);
}

static inline struct cmsghdr *
io_uring_recvmsg_cmsg_nexthdr(struct io_uring_recvmsg_out *o, struct msghdr *msgh,
                              struct cmsghdr *cmsg)
{
    return (struct cmsghdr *)hr_recvmsg_cmsg_nexthdr(
        o, hrc__rm_len(msgh), msgh->msg_namelen, (uint32_t)msgh->msg_controllen, cmsg);
}

static inline void *io_uring_recvmsg_payload(struct io_uring_recvmsg_out *o,
                                             struct msghdr *msgh)
{
    return hr_recvmsg_payload(o, hrc__rm_len(msgh), msgh->msg_namelen,
                              (uint32_t)msgh->msg_controllen);
}

static inline unsigned int
io_uring_recvmsg_payload_length(struct io_uring_recvmsg_out *o, int buf_len,
                                struct msghdr *msgh)
{
    return hr_recvmsg_payload_length(o, buf_len, msgh->msg_namelen,
                                     (uint32_t)msgh->msg_controllen);
}

static inline void io_uring_prep_openat2(struct io_uring_sqe *sqe, int dfd,
                                         const char *path, struct open_how *how)
{
    HRC_PREP(sqe, hr_prep_openat2(HRC_SQE(sqe), dfd, path, how));
}

static inline void io_uring_prep_openat2_direct(struct io_uring_sqe *sqe, int dfd,
                                                const char *path, struct open_how *how,
                                                unsigned file_index)
{
    HRC_PREP_W(sqe, hr_prep_openat2_direct(HRC_SQE(sqe), dfd, path, how, file_index),
               HRC_W_FILEINDEX);
}

struct epoll_event;
static inline void io_uring_prep_epoll_ctl(struct io_uring_sqe *sqe, int epfd, int fd,
                                           int op, struct epoll_event *ev)
{
    HRC_PREP(sqe, hr_prep_epoll_ctl(HRC_SQE(sqe), epfd, fd, op, ev));
}

static inline void io_uring_prep_provide_buffers(struct io_uring_sqe *sqe, void *addr,
                                                 int len, int nr, int bgid, int bid)
{
    HRC_PREP_W(sqe, hr_prep_provide_buffers(HRC_SQE(sqe), addr, len, nr, bgid, bid),
               HRC_W_BUFINDEX);
}

static inline void io_uring_prep_remove_buffers(struct io_uring_sqe *sqe, int nr, int bgid)
{
    HRC_PREP_W(sqe, hr_prep_remove_buffers(HRC_SQE(sqe), nr, bgid),
               HRC_W_BUFINDEX);
}

static inline void io_uring_prep_shutdown(struct io_uring_sqe *sqe, int fd, int how)
{
    HRC_PREP(sqe, hr_prep_shutdown(HRC_SQE(sqe), fd, how));
}

static inline void io_uring_prep_unlinkat(struct io_uring_sqe *sqe, int dfd,
                                          const char *path, int flags)
{
    HRC_PREP_W(sqe, hr_prep_unlinkat(HRC_SQE(sqe), dfd, path, flags),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_unlink(struct io_uring_sqe *sqe, const char *path,
                                        int flags)
{
    HRC_PREP_W(sqe, hr_prep_unlink(HRC_SQE(sqe), path, flags),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_renameat(struct io_uring_sqe *sqe, int olddfd,
                                          const char *oldpath, int newdfd,
                                          const char *newpath, unsigned int flags)
{
    HRC_PREP_W(sqe, hr_prep_renameat(HRC_SQE(sqe), olddfd, oldpath, newdfd, newpath, flags),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_rename(struct io_uring_sqe *sqe, const char *oldpath,
                                        const char *newpath)
{
    HRC_PREP_W(sqe, hr_prep_rename(HRC_SQE(sqe), oldpath, newpath),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_sync_file_range(struct io_uring_sqe *sqe, int fd,
                                                 unsigned len, __u64 offset, int flags)
{
    HRC_PREP_W(sqe, hr_prep_sync_file_range(HRC_SQE(sqe), fd, len, offset, flags),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_mkdirat(struct io_uring_sqe *sqe, int dfd,
                                         const char *path, mode_t mode)
{
    HRC_PREP(sqe, hr_prep_mkdirat(HRC_SQE(sqe), dfd, path, mode));
}

static inline void io_uring_prep_mkdir(struct io_uring_sqe *sqe, const char *path,
                                       mode_t mode)
{
    HRC_PREP(sqe, hr_prep_mkdir(HRC_SQE(sqe), path, mode));
}

static inline void io_uring_prep_symlinkat(struct io_uring_sqe *sqe, const char *target,
                                           int newdirfd, const char *linkpath)
{
    HRC_PREP(sqe, hr_prep_symlinkat(HRC_SQE(sqe), target, newdirfd, linkpath));
}

static inline void io_uring_prep_symlink(struct io_uring_sqe *sqe, const char *target,
                                         const char *linkpath)
{
    HRC_PREP(sqe, hr_prep_symlink(HRC_SQE(sqe), target, linkpath));
}

static inline void io_uring_prep_linkat(struct io_uring_sqe *sqe, int olddfd,
                                        const char *oldpath, int newdfd,
                                        const char *newpath, int flags)
{
    HRC_PREP_W(sqe, hr_prep_linkat(HRC_SQE(sqe), olddfd, oldpath, newdfd, newpath, flags),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_link(struct io_uring_sqe *sqe, const char *oldpath,
                                      const char *newpath, int flags)
{
    HRC_PREP_W(sqe, hr_prep_link(HRC_SQE(sqe), oldpath, newpath, flags),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_msg_ring_cqe_flags(struct io_uring_sqe *sqe, int fd,
                                                    unsigned int len, __u64 data,
                                                    unsigned int flags,
                                                    unsigned int cqe_flags)
{
    HRC_PREP_W(sqe, hr_prep_msg_ring_cqe_flags(HRC_SQE(sqe), fd, len, data, flags, cqe_flags),
               HRC_W_RWFLAGS | HRC_W_FILEINDEX);
}

static inline void io_uring_prep_msg_ring(struct io_uring_sqe *sqe, int fd,
                                          unsigned int len, __u64 data, unsigned int flags)
{
    HRC_PREP_W(sqe, hr_prep_msg_ring(HRC_SQE(sqe), fd, len, data, flags),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_msg_ring_fd(struct io_uring_sqe *sqe, int fd,
                                             int source_fd, int target_fd, __u64 data,
                                             unsigned int flags)
{
    HRC_PREP_W(sqe, hr_prep_msg_ring_fd(HRC_SQE(sqe), fd, source_fd, target_fd, data, flags),
               HRC_W_RWFLAGS | HRC_W_FILEINDEX | HRC_W_ADDR3);
}

static inline void io_uring_prep_msg_ring_fd_alloc(struct io_uring_sqe *sqe, int fd,
                                                   int source_fd, __u64 data,
                                                   unsigned int flags)
{
    HRC_PREP_W(sqe, hr_prep_msg_ring_fd_alloc(HRC_SQE(sqe), fd, source_fd, data, flags),
               HRC_W_RWFLAGS | HRC_W_FILEINDEX | HRC_W_ADDR3);
}

static inline void io_uring_prep_getxattr(struct io_uring_sqe *sqe, const char *name,
                                          char *value, const char *path, unsigned int len)
{
    HRC_PREP_W(sqe, hr_prep_getxattr(HRC_SQE(sqe), name, value, path, len),
               HRC_W_RWFLAGS | HRC_W_ADDR3);
}

static inline void io_uring_prep_setxattr(struct io_uring_sqe *sqe, const char *name,
                                          const char *value, const char *path, int flags,
                                          unsigned int len)
{
    HRC_PREP_W(sqe, hr_prep_setxattr(HRC_SQE(sqe), name, value, path, flags, len),
               HRC_W_RWFLAGS | HRC_W_ADDR3);
}

static inline void io_uring_prep_fgetxattr(struct io_uring_sqe *sqe, int fd,
                                           const char *name, char *value, unsigned int len)
{
    HRC_PREP_W(sqe, hr_prep_fgetxattr(HRC_SQE(sqe), fd, name, value, len),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_fsetxattr(struct io_uring_sqe *sqe, int fd,
                                           const char *name, const char *value, int flags,
                                           unsigned int len)
{
    HRC_PREP_W(sqe, hr_prep_fsetxattr(HRC_SQE(sqe), fd, name, value, flags, len),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_socket(struct io_uring_sqe *sqe, int domain, int type,
                                        int protocol, unsigned int flags)
{
    HRC_PREP_W(sqe, hr_prep_socket(HRC_SQE(sqe), domain, type, protocol, flags),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_socket_direct(struct io_uring_sqe *sqe, int domain,
                                               int type, int protocol,
                                               unsigned file_index, unsigned int flags)
{
    HRC_PREP_W(sqe, hr_prep_socket_direct(HRC_SQE(sqe), domain, type, protocol, file_index,
                                          flags),
               HRC_W_RWFLAGS | HRC_W_FILEINDEX);
}

static inline void io_uring_prep_socket_direct_alloc(struct io_uring_sqe *sqe, int domain,
                                                     int type, int protocol,
                                                     unsigned int flags)
{
    HRC_PREP_W(sqe, hr_prep_socket_direct_alloc(HRC_SQE(sqe), domain, type, protocol, flags),
               HRC_W_RWFLAGS | HRC_W_FILEINDEX);
}

static inline void io_uring_prep_cmd_sock(struct io_uring_sqe *sqe, int cmd_op, int fd,
                                          int level, int optname, void *optval,
                                          int optlen)
{
    HRC_PREP_W(sqe, hr_prep_cmd_sock(HRC_SQE(sqe), cmd_op, fd, level, optname, optval,
                                     optlen),
               HRC_W_FILEINDEX | HRC_W_ADDR3);
}

static inline void io_uring_prep_waitid(struct io_uring_sqe *sqe, idtype_t idtype, id_t id,
                                        siginfo_t *infop, int options, unsigned int flags)
{
    HRC_PREP_W(sqe, hr_prep_waitid(HRC_SQE(sqe), (uint32_t)idtype, (uint32_t)id, infop,
                                   options, flags),
               HRC_W_RWFLAGS | HRC_W_FILEINDEX);
}

static inline void io_uring_prep_futex_wake(struct io_uring_sqe *sqe, uint32_t *futex,
                                            uint64_t val, uint64_t mask,
                                            uint32_t futex_flags, unsigned int flags)
{
    HRC_PREP_W(sqe, hr_prep_futex_wake(HRC_SQE(sqe), futex, val, mask, futex_flags, flags),
               HRC_W_RWFLAGS | HRC_W_ADDR3);
}

static inline void io_uring_prep_futex_wait(struct io_uring_sqe *sqe, uint32_t *futex,
                                            uint64_t val, uint64_t mask,
                                            uint32_t futex_flags, unsigned int flags)
{
    HRC_PREP_W(sqe, hr_prep_futex_wait(HRC_SQE(sqe), futex, val, mask, futex_flags, flags),
               HRC_W_RWFLAGS | HRC_W_ADDR3);
}

struct futex_waitv;
static inline void io_uring_prep_futex_waitv(struct io_uring_sqe *sqe,
                                             struct futex_waitv *futex,
                                             uint32_t nr_futex, unsigned int flags)
{
    HRC_PREP_W(sqe, hr_prep_futex_waitv(HRC_SQE(sqe), futex, nr_futex, flags),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_fixed_fd_install(struct io_uring_sqe *sqe, int fd,
                                                  unsigned int flags)
{
    HRC_PREP_W(sqe, hr_prep_fixed_fd_install(HRC_SQE(sqe), fd, flags),
               HRC_W_FLAGS | HRC_W_RWFLAGS);
}

#ifndef BLOCK_URING_CMD_DISCARD
#define BLOCK_URING_CMD_DISCARD _IO(0x12, 0)
#endif
/* liburing 2.15: block-device discard through IORING_OP_URING_CMD; the
   core has no helper for it: hr_prep_rw plus the three command fields. */
static inline void io_uring_prep_cmd_discard(struct io_uring_sqe *sqe, int fd,
                                             uint64_t offset, uint64_t nbytes)
{
    HRC_PREP(sqe, hr_prep_rw(IORING_OP_URING_CMD, HRC_SQE(sqe), fd, 0, 0, 0));
    sqe->cmd_op = BLOCK_URING_CMD_DISCARD;
    sqe->addr = offset;
    sqe->addr3 = nbytes;
}

/* liburing 2.10+: wait for epoll events (kernel 6.15); no core helper yet:
   hr_prep_rw plus the flags word, as liburing composes it. */
static inline void io_uring_prep_epoll_wait(struct io_uring_sqe *sqe, int fd,
                                            struct epoll_event *events, int maxevents,
                                            unsigned flags)
{
    HRC_PREP(sqe, hr_prep_rw(IORING_OP_EPOLL_WAIT, HRC_SQE(sqe), fd, HR_PTR64(events),
                             (uint32_t)maxevents, 0));
    sqe->rw_flags = (int)flags;
}

/* liburing 2.12+: pipe(2) (kernel 6.16); no core helper yet.  pipe_flags
   through the core's view (an installed uapi header included first may lack
   the field), inside HRC_PREP_W like the core's own stores. */
static inline void io_uring_prep_pipe(struct io_uring_sqe *sqe, int *fds, int pipe_flags)
{
    HRC_PREP_W(sqe, (hr_prep_rw(IORING_OP_PIPE, HRC_SQE(sqe), 0, HR_PTR64(fds), 0, 0),
                     HRC_SQE(sqe)->op_flags = (__u32)pipe_flags),
               HRC_W_RWFLAGS);
}

static inline void io_uring_prep_pipe_direct(struct io_uring_sqe *sqe, int *fds,
                                             int pipe_flags, unsigned int file_index)
{
    io_uring_prep_pipe(sqe, fds, pipe_flags);
    if (file_index == IORING_FILE_INDEX_ALLOC)
        file_index--;
    __io_uring_set_target_fixed_file(sqe, file_index);
}

/* liburing 2.13+: a bare IORING_OP_URING_CMD with its command opcode. */
static inline void io_uring_prep_uring_cmd(struct io_uring_sqe *sqe, int cmd_op, int fd)
{
    HRC_PREP(sqe, hr_prep_rw(IORING_OP_URING_CMD, HRC_SQE(sqe), fd, 0, 0, 0));
    sqe->cmd_op = (__u32)cmd_op;
}

/* liburing 2.15: a 128-byte uring_cmd of IORING_SETUP_SQE_MIXED rings. */
static inline void io_uring_prep_uring_cmd128(struct io_uring_sqe *sqe, int cmd_op, int fd)
{
    HRC_PREP(sqe, hr_prep_uring_cmd128(HRC_SQE(sqe), cmd_op, fd));
}

/* liburing 2.15: getsockname(2)/getpeername(2) (peer != 0) as a socket
   uring_cmd (kernel 6.19). */
static inline void io_uring_prep_cmd_getsockname(struct io_uring_sqe *sqe, int fd,
                                                 struct sockaddr *sockaddr,
                                                 socklen_t *sockaddr_len, int peer)
{
    HRC_PREP_W(sqe, hr_prep_cmd_getsockname(HRC_SQE(sqe), fd, sockaddr,
                                            (uint32_t *)(void *)sockaddr_len, peer),
               HRC_W_FILEINDEX | HRC_W_ADDR3);
}

#ifdef _GNU_SOURCE
static inline void io_uring_prep_ftruncate(struct io_uring_sqe *sqe, int fd, loff_t len)
{
    HRC_PREP(sqe, hr_prep_ftruncate(HRC_SQE(sqe), fd, (uint64_t)len));
}
#endif

/* ---- submission-side queries ---------------------------------------------------- */

static inline unsigned io_uring_load_sq_head(const struct io_uring *ring)
{
    return hr_load_acquire(ring->hr.sq.khead);
}

static inline unsigned io_uring_sq_ready(const struct io_uring *ring)
{
    return hr_sq_ready((struct hr_ring *)&ring->hr);
}

static inline unsigned io_uring_sq_space_left(const struct io_uring *ring)
{
    return hr_sq_space_left((struct hr_ring *)&ring->hr);
}

static inline unsigned io_uring_sqe_shift_from_flags(unsigned flags)
{
    return !!(flags & IORING_SETUP_SQE128);
}

static inline unsigned io_uring_sqe_shift(const struct io_uring *ring)
{
    return io_uring_sqe_shift_from_flags(ring->flags);
}

static inline int io_uring_sqring_wait(struct io_uring *ring)
{
    if (!(ring->flags & IORING_SETUP_SQPOLL))
        return 0;
    if (io_uring_sq_space_left(ring))
        return 0;
    return __io_uring_sqring_wait(ring);
}

static inline unsigned io_uring_cq_ready(const struct io_uring *ring)
{
    return hr_cq_ready((struct hr_ring *)&ring->hr);
}

static inline bool io_uring_cq_has_overflow(const struct io_uring *ring)
{
    return hr_cq_has_overflow(&ring->hr) != 0;
}

static inline bool io_uring_cq_eventfd_enabled(const struct io_uring *ring)
{
    return hr_cq_eventfd_enabled(&ring->hr) != 0;
}

static inline int io_uring_cq_eventfd_toggle(struct io_uring *ring, bool enabled)
{
    return hr_cq_eventfd_toggle(&ring->hr, enabled);
}

/* ---- waiting --------------------------------------------------------------------- */

/* The core's waits make at most HR_WAIT_ROUNDS enters, then answer -EINTR
   ("call again").  On an IOPOLL ring the kernel may return from a
   GETEVENTS enter with nothing completed (it yields when it must
   reschedule), so the bound is reached in normal use; liburing waits on.
   The untimed waits below therefore call the core again on -EINTR for IOPOLL
   rings (a real signal there is retried too: see DIFFERENCES.md). */
static inline int hrc_iopoll_again(const struct io_uring *ring, int ret)
{
    return ret == -EINTR && (ring->flags & IORING_SETUP_IOPOLL);
}

static inline int io_uring_wait_cqe_nr(struct io_uring *ring, struct io_uring_cqe **cqe_ptr,
                                       unsigned wait_nr)
{
    struct hr_cqe *c;
    int ret;

    do {
        c = (struct hr_cqe *)0;
        ret = hr_wait_cqe_nr(hrc_ring(ring), &c, wait_nr);
    } while (wait_nr > 0 && hrc_iopoll_again(ring, ret));
    *cqe_ptr = HRC_CQE(c);
    return ret;
}

/* liburing's internal peek, exported: the CQE at the head or NULL (with 0),
   and how many are ready.  (liburing also skips its own internal timeout
   CQEs on kernels without IORING_FEAT_EXT_ARG, < 5.11; the core never
   posts those.) */
static inline int __io_uring_peek_cqe(struct io_uring *ring, struct io_uring_cqe **cqe_ptr,
                                      unsigned *nr_available)
{
    struct hr_cqe *c = (struct hr_cqe *)0;
    const int ret = hr_peek_cqe(&ring->hr, &c);

    *cqe_ptr = HRC_CQE(c);
    if (nr_available)
        *nr_available = hr_cq_ready(&ring->hr);
    return ret == -EAGAIN ? 0 : ret;
}

static inline int io_uring_peek_cqe(struct io_uring *ring, struct io_uring_cqe **cqe_ptr)
{
    return io_uring_wait_cqe_nr(ring, cqe_ptr, 0);
}

static inline int io_uring_wait_cqe(struct io_uring *ring, struct io_uring_cqe **cqe_ptr)
{
    struct hr_cqe *c;
    int ret;

    do {
        c = (struct hr_cqe *)0;
        ret = hr_wait_cqe(hrc_ring(ring), &c);
    } while (hrc_iopoll_again(ring, ret));
    *cqe_ptr = HRC_CQE(c);
    return ret;
}

/* ---- getting an SQE ------------------------------------------------------------- */

static inline struct io_uring_sqe *_io_uring_get_sqe(struct io_uring *ring)
{
    struct io_uring_sqe *sqe = (struct io_uring_sqe *)(void *)hr_get_sqe(&ring->hr);

    if (!sqe)
        return sqe;
    ring->sq.sqe_tail = ring->hr.sq.sqe_tail;
    io_uring_initialize_sqe(sqe);
    return sqe;
}

static inline struct io_uring_sqe *io_uring_get_sqe(struct io_uring *ring)
{
    return _io_uring_get_sqe(ring);
}

/* liburing 2.15: a 128-byte SQE (the core's hr_get_sqe128: on
   IORING_SETUP_SQE128 rings any SQE; on IORING_SETUP_SQE_MIXED rings two
   slots, after a padding NOP in the last one; NULL on other rings). */
static inline struct io_uring_sqe *io_uring_get_sqe128(struct io_uring *ring)
{
    struct io_uring_sqe *sqe = (struct io_uring_sqe *)(void *)hr_get_sqe128(&ring->hr);

    if (!sqe)
        return sqe;
    ring->sq.sqe_tail = ring->hr.sq.sqe_tail;
    io_uring_initialize_sqe(sqe);
    return sqe;
}

/* ---- provided-buffer rings -------------------------------------------------------
 * liburing's buffer-ring calls take the shared ring (and a mask); the core's
 * take its state.  The state is rebuilt from the ring: the tail is our own
 * word (the kernel never writes it), so reading it back is exact. */
static inline struct hr_buf_ring_state hrc__br_state(struct io_uring_buf_ring *br, int mask)
{
    struct hr_buf_ring_state s;

    s.bufs = (struct hr_buf *)(void *)br->bufs;
    s.entries = (uint32_t)mask + 1;
    s.mask = (uint32_t)mask;
    s.shift = 0;
    s.tail = br->tail;
    s.bgid = 0;
    s.map_len = 0;
    return s;
}

static inline int io_uring_buf_ring_mask(__u32 ring_entries)
{
    return (int)hr_buf_ring_mask(ring_entries);
}

static inline void io_uring_buf_ring_init(struct io_uring_buf_ring *br)
{
    br->tail = 0;
}

static inline void io_uring_buf_ring_add(struct io_uring_buf_ring *br, void *addr,
                                         unsigned int len, unsigned short bid, int mask,
                                         int buf_offset)
{
    struct hr_buf_ring_state s = hrc__br_state(br, mask);

    hr_buf_ring_add(&s, addr, len, bid, (uint16_t)buf_offset);
}

static inline void io_uring_buf_ring_advance(struct io_uring_buf_ring *br, int count)
{
    struct hr_buf_ring_state s = hrc__br_state(br, 0);

    hr_buf_ring_advance(&s, (uint16_t)count);
}

static inline void __io_uring_buf_ring_cq_advance(struct io_uring *ring,
                                                  struct io_uring_buf_ring *br,
                                                  int cq_count, int buf_count)
{
    io_uring_buf_ring_advance(br, buf_count);
    io_uring_cq_advance(ring, (unsigned)cq_count);
}

static inline void io_uring_buf_ring_cq_advance(struct io_uring *ring,
                                                struct io_uring_buf_ring *br, int count)
{
    struct hr_buf_ring_state s = hrc__br_state(br, 0);

    hr_buf_ring_cq_advance(&ring->hr, &s, (uint16_t)count);
}

static inline int io_uring_buf_ring_available(struct io_uring *ring,
                                              struct io_uring_buf_ring *br,
                                              unsigned short bgid)
{
    uint16_t head;
    int ret = io_uring_buf_ring_head(ring, bgid, &head);

    if (ret)
        return ret;
    return (uint16_t)(br->tail - head);
}

#ifdef __cplusplus
}
#endif

#endif
