/* hr_abi.h -- the kernel ABI as the verified core sees it.
 *
 * The kernel's own structs come from <linux/io_uring.h>.  Two of them cannot
 * be handed to Frama-C WP as they are: struct io_uring_sqe (unions and the
 * zero-length cmd[0]) and struct io_uring_cqe (flexible big_cqe[]); WP drops
 * \valid hypotheses on structs of undefined size.  The core therefore works
 * on ABI mirrors, struct hr_sqe and struct hr_cqe: the same bytes, every
 * union reduced to one named member.  The _Static_asserts at the end pin
 * every field's offset and size to the uapi header, in every build (gcc and
 * Frama-C's parser both evaluate them).  A struct hr_sqe * may be cast to a
 * struct io_uring_sqe * and back.
 *
 * Constants that the installed uapi header may lack (it can be older than the
 * running kernel) are defined here under #ifndef, values from the kernel ABI.
 */
#ifndef HRINGAS_ABI_H
#define HRINGAS_ABI_H

#include "hr_compiler.h"
HR_BEGIN_DECLS

#include <linux/io_uring.h>
#include <linux/time_types.h>
#include <stdint.h>
#include <stddef.h>
#include "hr_compiler.h"
#include "hr_errno.h"

/* ---- mirrors ------------------------------------------------------------ */

/* struct io_uring_sqe.  Union members, by the name used here:
 *   off       = off | addr2 | {cmd_op, __pad1}
 *   addr      = addr | splice_off_in | {level, optname}
 *   op_flags  = rw_flags | fsync_flags | poll32_events | msg_flags | ...
 *   buf_index = buf_index | buf_group
 *   file_index= file_index | splice_fd_in | {addr_len, __pad3} | optlen
 *   addr3     = addr3 | optval | cmd[0..7]           (little-endian targets) */
struct HR_MAY_ALIAS hr_sqe {
    uint8_t  opcode;
    uint8_t  flags;
    uint16_t ioprio;
    int32_t  fd;
    uint64_t off;
    uint64_t addr;
    uint32_t len;
    uint32_t op_flags;
    uint64_t user_data;
    uint16_t buf_index;
    uint16_t personality;
    uint32_t file_index;
    uint64_t addr3;
    uint64_t pad2;
};

/* struct io_uring_cqe without big_cqe[]: with IORING_SETUP_CQE32 one CQE is
 * two consecutive hr_cqe units (the second holds big_cqe[0..1]). */
struct HR_MAY_ALIAS hr_cqe {
    uint64_t user_data;
    int32_t  res;
    uint32_t flags;
};

/* struct io_uring_buf (buffer-ring entry); entry 0's resv field is the
 * ring's u16 tail, written by us, read by the kernel. */
struct hr_buf {
    uint64_t addr;
    uint32_t len;
    uint16_t bid;
    uint16_t resv;
};

/* Types of user pointers the prep helpers take, never dereferenced by the
 * library (it has no libc). */
struct iovec;
struct msghdr;
struct sockaddr;
struct statx;
struct open_how;
struct epoll_event;
struct futex_waitv;

/* A pointer as the u64 the kernel ABI carries (addr, addr2, addr3, user_data). */
#define HR_PTR64(p) ((uint64_t)(uintptr_t)(p))
#define HR_AT_FDCWD      (-100) /* AT_FDCWD (linux/fcntl.h)                  */
#define HR_OPEN_HOW_SIZE 24u   /* sizeof(struct open_how), OPEN_HOW_SIZE_VER0 */

/* ---- constants newer than some uapi headers ------------------------------ */
#ifndef IORING_SETUP_SUBMIT_ALL
#define IORING_SETUP_SUBMIT_ALL     (1U << 7)
#endif
#ifndef IORING_SETUP_COOP_TASKRUN
#define IORING_SETUP_COOP_TASKRUN   (1U << 8)
#endif
#ifndef IORING_SETUP_TASKRUN_FLAG
#define IORING_SETUP_TASKRUN_FLAG   (1U << 9)
#endif
#ifndef IORING_SETUP_SQE128
#define IORING_SETUP_SQE128         (1U << 10)
#endif
#ifndef IORING_SETUP_CQE32
#define IORING_SETUP_CQE32          (1U << 11)
#endif
#ifndef IORING_SETUP_SINGLE_ISSUER
#define IORING_SETUP_SINGLE_ISSUER  (1U << 12)
#endif
#ifndef IORING_SETUP_DEFER_TASKRUN
#define IORING_SETUP_DEFER_TASKRUN  (1U << 13)
#endif
/* uapi 6.5 renamed io_sqring_offsets.resv2 / io_cqring_offsets.resv2 to
 * user_addr (IORING_SETUP_NO_MMAP came with it): one name for both. */
#ifdef IORING_SETUP_NO_MMAP
#define HR_OFF_USER_ADDR user_addr
#else
#define HR_OFF_USER_ADDR resv2
#endif
#ifndef IORING_SETUP_NO_MMAP
#define IORING_SETUP_NO_MMAP        (1U << 14)
#endif
#ifndef IORING_SETUP_REGISTERED_FD_ONLY
#define IORING_SETUP_REGISTERED_FD_ONLY (1U << 15)
#endif
#ifndef IORING_SETUP_NO_SQARRAY
#define IORING_SETUP_NO_SQARRAY     (1U << 16)
#endif
/* 6.18: 16- and 32-byte CQEs in one ring of 16-byte slots.  A 32-byte CQE
 * carries IORING_CQE_F_32 and takes two slots; it never wraps: when only
 * the last slot is left before the wrap the kernel fills it with a padding
 * CQE flagged IORING_CQE_F_SKIP (io_cqe_cache_refill). */
#ifndef IORING_SETUP_CQE_MIXED
#define IORING_SETUP_CQE_MIXED      (1U << 18)
#endif
#ifndef IORING_CQE_F_SKIP
#define IORING_CQE_F_SKIP           (1U << 5)
#endif
#ifndef IORING_CQE_F_32
#define IORING_CQE_F_32             (1U << 15)
#endif
/* 6.19: 64- and 128-byte SQEs in one ring of 64-byte slots; a 128-byte SQE
 * (a *128 opcode) takes two slots and never wraps. */
#ifndef IORING_SETUP_SQE_MIXED
#define IORING_SETUP_SQE_MIXED      (1U << 19)
#endif
/* every setup flag this library knows how to drive */
#define HR_SETUP_KNOWN (IORING_SETUP_IOPOLL | IORING_SETUP_SQPOLL | \
    IORING_SETUP_SQ_AFF | IORING_SETUP_CQSIZE | IORING_SETUP_CLAMP | \
    IORING_SETUP_ATTACH_WQ | IORING_SETUP_R_DISABLED | IORING_SETUP_SUBMIT_ALL | \
    IORING_SETUP_COOP_TASKRUN | IORING_SETUP_TASKRUN_FLAG | IORING_SETUP_SQE128 | \
    IORING_SETUP_CQE32 | IORING_SETUP_SINGLE_ISSUER | IORING_SETUP_DEFER_TASKRUN | \
    IORING_SETUP_NO_SQARRAY | IORING_SETUP_CQE_MIXED | IORING_SETUP_SQE_MIXED)

#ifndef IORING_FEAT_REG_REG_RING
#define IORING_FEAT_REG_REG_RING    (1U << 13)
#endif
#ifndef IORING_ENTER_REGISTERED_RING
#define IORING_ENTER_REGISTERED_RING (1U << 4)
#endif
#ifndef IORING_REGISTER_USE_REGISTERED_RING
#define IORING_REGISTER_USE_REGISTERED_RING (1U << 31)
#endif

#define HR_REGISTER_RESIZE_RINGS      33u   /* IORING_REGISTER_RESIZE_RINGS (6.13) */

/* Registered wait regions (Linux 6.13): IORING_REGISTER_MEM_REGION with
 * IORING_MEM_REGION_REG_WAIT_ARG makes an array of struct io_uring_reg_wait
 * in our memory the ring's wait-argument table; an enter with
 * IORING_ENTER_EXT_ARG | IORING_ENTER_EXT_ARG_REG passes the byte offset of
 * one entry as its argument.  Newer than Debian 12's uapi header: mirrored
 * here with their 6.13 layout (pinned below by size and offset). */
#define HR_REGISTER_MEM_REGION        34u   /* IORING_REGISTER_MEM_REGION     */
#define HR_MEM_REGION_TYPE_USER       1u    /* IORING_MEM_REGION_TYPE_USER    */
#define HR_MEM_REGION_REG_WAIT_ARG    1u    /* IORING_MEM_REGION_REG_WAIT_ARG */
#define HR_ENTER_EXT_ARG_REG          (1U << 6)  /* IORING_ENTER_EXT_ARG_REG  */
#define HR_REG_WAIT_TS                (1U << 0)  /* IORING_REG_WAIT_TS        */

/* struct io_uring_reg_wait: one wait's parameters, filled by the caller. */
struct hr_reg_wait {
    int64_t  ts_sec;          /* struct __kernel_timespec ts (with HR_REG_WAIT_TS) */
    int64_t  ts_nsec;
    uint32_t min_wait_usec;
    uint32_t flags;           /* HR_REG_WAIT_TS                                    */
    uint64_t sigmask;         /* a kernel sigset's address, or 0                   */
    uint32_t sigmask_sz;
    uint32_t pad[3];
    uint64_t pad2[2];
};

/* struct io_uring_region_desc */
struct hr_region_desc {
    uint64_t user_addr;
    uint64_t size;
    uint32_t flags;           /* HR_MEM_REGION_TYPE_USER: our memory, pinned */
    uint32_t id;
    uint64_t mmap_offset;
    uint64_t resv[4];
};

/* struct io_uring_mem_region_reg */
struct hr_mem_region_reg {
    uint64_t region_uptr;     /* struct hr_region_desc *                  */
    uint64_t flags;           /* HR_MEM_REGION_REG_WAIT_ARG                */
    uint64_t resv[2];
};

/* opcodes after IORING_OP_SENDMSG_ZC (uapi 6.1) */
#define HR_OP_READ_MULTISHOT   49
#define HR_OP_WAITID           50
#define HR_OP_FUTEX_WAIT       51
#define HR_OP_FUTEX_WAKE       52
#define HR_OP_FUTEX_WAITV      53
#define HR_OP_FIXED_FD_INSTALL 54
#define HR_OP_FTRUNCATE        55
#define HR_OP_BIND             56
#define HR_OP_LISTEN           57
#define HR_OP_EPOLL_WAIT       59   /* 6.15 */
#define HR_OP_READV_FIXED      60   /* 6.15 */
#define HR_OP_WRITEV_FIXED     61   /* 6.15 */
#define HR_OP_PIPE             62   /* 6.16 */
#define HR_OP_NOP128           63   /* 6.19: 128-byte SQE (SQE_MIXED rings) */
#define HR_OP_URING_CMD128     64   /* 6.19 */

/* op flags used by the prep helpers (core/hr_prep.h) */
#ifndef IORING_MSG_RING_FLAGS_PASS
#define IORING_MSG_RING_FLAGS_PASS  (1U << 1)   /* msg_ring: pass cqe flags */
#endif
#ifndef IORING_FIXED_FD_NO_CLOEXEC
#define IORING_FIXED_FD_NO_CLOEXEC  (1U << 0)   /* fixed_fd_install */
#endif
/* IORING_OP_URING_CMD on a socket: cmd_op.  The uapi header (6.7+) has these
 * as enumerators, which #ifndef cannot see: HR_ names, like HR_OP_*. */
#define HR_SOCKET_URING_OP_SIOCINQ    0
#define HR_SOCKET_URING_OP_SIOCOUTQ   1
#define HR_SOCKET_URING_OP_GETSOCKOPT 2
#define HR_SOCKET_URING_OP_SETSOCKOPT 3
#define HR_SOCKET_URING_OP_TX_TIMESTAMP 4
#define HR_SOCKET_URING_OP_GETSOCKNAME  5  /* kernel 6.19+ */
/* send / recv with several provided buffers at once (6.10) */
#ifndef IORING_RECVSEND_BUNDLE
#define IORING_RECVSEND_BUNDLE      (1U << 4)
#endif
#ifndef IORING_FEAT_RECVSEND_BUNDLE
#define IORING_FEAT_RECVSEND_BUNDLE (1U << 14)
#endif
/* IORING_OP_NOP flags (sqe->nop_flags, 6.10+; CQE32 6.18) */
#ifndef IORING_NOP_INJECT_RESULT
#define IORING_NOP_INJECT_RESULT    (1U << 0)   /* CQE res = (int)sqe->len      */
#endif
#ifndef IORING_NOP_FILE
#define IORING_NOP_FILE             (1U << 1)   /* look up file sqe->fd         */
#endif
#ifndef IORING_NOP_FIXED_FILE
#define IORING_NOP_FIXED_FILE       (1U << 2)   /* ... in the fixed-file table  */
#endif
#ifndef IORING_NOP_FIXED_BUFFER
#define IORING_NOP_FIXED_BUFFER     (1U << 3)   /* look up buffer sqe->buf_index */
#endif
#ifndef IORING_NOP_TW
#define IORING_NOP_TW               (1U << 4)   /* complete through task work   */
#endif
#ifndef IORING_NOP_CQE32
#define IORING_NOP_CQE32            (1U << 5)   /* big CQE: sqe->off, sqe->addr */
#endif

/* provided-buffer rings (uapi 6.4+: io_uring_buf_reg.pad became .flags) */
#ifndef IOU_PBUF_RING_MMAP
#define IOU_PBUF_RING_MMAP     1U          /* kernel allocates the ring   */
#endif
#ifndef IOU_PBUF_RING_INC
#define IOU_PBUF_RING_INC      2U          /* incremental consumption     */
#endif
#ifndef IORING_OFF_PBUF_RING
#define IORING_OFF_PBUF_RING   0x80000000ULL
#endif
#ifndef IORING_OFF_PBUF_SHIFT
#define IORING_OFF_PBUF_SHIFT  16
#endif
#ifndef IORING_CQE_F_BUF_MORE
#define IORING_CQE_F_BUF_MORE  (1U << 4)   /* IOU_PBUF_RING_INC: buffer not used up */
#endif

/* ---- layout pins ---------------------------------------------------------- */
#define HR_SAME_FIELD(t1, f1, t2, f2) \
    HR_STATIC_ASSERT(offsetof(t1, f1) == offsetof(t2, f2) && \
                   sizeof(((t1 *)0)->f1) == sizeof(((t2 *)0)->f2), \
                   "ABI mirror: " #t1 "." #f1 " differs from " #t2 "." #f2)

HR_STATIC_ASSERT(sizeof(struct hr_sqe) == 64 && sizeof(struct io_uring_sqe) == 64, "sqe size");
HR_STATIC_ASSERT(sizeof(struct hr_cqe) == 16 && sizeof(struct io_uring_cqe) == 16, "cqe size");
HR_STATIC_ASSERT(sizeof(struct hr_buf) == sizeof(struct io_uring_buf), "buf size");
HR_STATIC_ASSERT(sizeof(struct hr_reg_wait) == 64 &&
                 offsetof(struct hr_reg_wait, min_wait_usec) == 16 &&
                 offsetof(struct hr_reg_wait, sigmask) == 24 &&
                 offsetof(struct hr_reg_wait, sigmask_sz) == 32, "reg_wait layout");
HR_STATIC_ASSERT(sizeof(struct hr_region_desc) == 64 &&
                 offsetof(struct hr_region_desc, mmap_offset) == 24, "region_desc layout");
HR_STATIC_ASSERT(sizeof(struct hr_mem_region_reg) == 32, "mem_region_reg layout");
HR_SAME_FIELD(struct hr_sqe, opcode,      struct io_uring_sqe, opcode);
HR_SAME_FIELD(struct hr_sqe, flags,       struct io_uring_sqe, flags);
HR_SAME_FIELD(struct hr_sqe, ioprio,      struct io_uring_sqe, ioprio);
HR_SAME_FIELD(struct hr_sqe, fd,          struct io_uring_sqe, fd);
HR_SAME_FIELD(struct hr_sqe, off,         struct io_uring_sqe, off);
HR_SAME_FIELD(struct hr_sqe, off,         struct io_uring_sqe, addr2);
HR_SAME_FIELD(struct hr_sqe, addr,        struct io_uring_sqe, addr);
HR_SAME_FIELD(struct hr_sqe, addr,        struct io_uring_sqe, splice_off_in);
HR_SAME_FIELD(struct hr_sqe, len,         struct io_uring_sqe, len);
HR_SAME_FIELD(struct hr_sqe, op_flags,    struct io_uring_sqe, rw_flags);
HR_SAME_FIELD(struct hr_sqe, user_data,   struct io_uring_sqe, user_data);
HR_SAME_FIELD(struct hr_sqe, buf_index,   struct io_uring_sqe, buf_index);
HR_SAME_FIELD(struct hr_sqe, buf_index,   struct io_uring_sqe, buf_group);
HR_SAME_FIELD(struct hr_sqe, personality, struct io_uring_sqe, personality);
HR_SAME_FIELD(struct hr_sqe, file_index,  struct io_uring_sqe, file_index);
HR_SAME_FIELD(struct hr_sqe, file_index,  struct io_uring_sqe, splice_fd_in);
HR_SAME_FIELD(struct hr_sqe, addr3,       struct io_uring_sqe, addr3);
HR_SAME_FIELD(struct hr_cqe, user_data,   struct io_uring_cqe, user_data);
HR_SAME_FIELD(struct hr_cqe, res,         struct io_uring_cqe, res);
HR_SAME_FIELD(struct hr_cqe, flags,       struct io_uring_cqe, flags);
HR_SAME_FIELD(struct hr_buf, addr,        struct io_uring_buf, addr);
HR_SAME_FIELD(struct hr_buf, len,         struct io_uring_buf, len);
HR_SAME_FIELD(struct hr_buf, bid,         struct io_uring_buf, bid);
HR_SAME_FIELD(struct hr_buf, resv,        struct io_uring_buf, resv);
/* the mirrors' union choices (addr_len in file_index, optval in addr3) hold
   on little-endian targets only: x86_64, aarch64 and riscv64 Linux. */
HR_STATIC_ASSERT(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "little-endian targets only");

HR_END_DECLS
#endif
