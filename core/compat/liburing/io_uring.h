/* liburing/io_uring.h (hringas-c compat) -- the kernel ABI as liburing
 * programs see it.
 *
 * liburing ships its own copy of the uapi header; this compat layer uses the
 * installed <linux/io_uring.h> (the same header the verified core is built
 * against, so the structs are one type everywhere) and adds, under #ifndef,
 * the constants newer than it that liburing 2.15 programs use.  Opcodes and
 * register codes that newer uapi headers define as enumerators are added as
 * macros only when the installed header is older than 6.6 (it cannot have
 * them then).  Struct fields the installed header lacks (sqe->optval,
 * io_uring_buf_reg.flags on uapi < 6.4, ...) are not added: see
 * DIFFERENCES.md.  Include this (or <liburing.h>) before any core header. */
#ifndef HRINGAS_COMPAT_LIBURING_IO_URING_H
#define HRINGAS_COMPAT_LIBURING_IO_URING_H

#include <linux/io_uring.h>
#include <linux/time_types.h>

#if !defined(IORING_SETUP_NO_SQARRAY) && !defined(HRINGAS_ABI_H)
#define HRINGAS_COMPAT_OLD_UAPI 1      /* installed uapi header older than 6.6 */
#endif

#ifdef HRINGAS_COMPAT_OLD_UAPI
/* opcodes after IORING_OP_SENDMSG_ZC (48); values from the kernel ABI */
#define IORING_OP_READ_MULTISHOT    49
#define IORING_OP_WAITID            50
#define IORING_OP_FUTEX_WAIT        51
#define IORING_OP_FUTEX_WAKE        52
#define IORING_OP_FUTEX_WAITV       53
#define IORING_OP_FIXED_FD_INSTALL  54
#define IORING_OP_FTRUNCATE         55
#define IORING_OP_BIND              56
#define IORING_OP_LISTEN            57
#define IORING_OP_RECV_ZC           58
#define IORING_OP_EPOLL_WAIT        59
#define IORING_OP_READV_FIXED       60
#define IORING_OP_WRITEV_FIXED      61
/* io_uring_register opcodes after IORING_REGISTER_FILE_ALLOC_RANGE (25) */
#define IORING_REGISTER_PBUF_STATUS     26
#define IORING_REGISTER_NAPI            27
#define IORING_UNREGISTER_NAPI          28
#define IORING_REGISTER_CLOCK           29
#define IORING_REGISTER_CLONE_BUFFERS   30
#define IORING_REGISTER_SEND_MSG_RING   31
#define IORING_REGISTER_ZCRX_IFQ        32
#define IORING_REGISTER_RESIZE_RINGS    33
#define IORING_REGISTER_MEM_REGION      34
/* socket uring_cmd ops (enumerators since uapi 6.7) */
#define SOCKET_URING_OP_SIOCINQ     0
#define SOCKET_URING_OP_SIOCOUTQ    1
#define SOCKET_URING_OP_GETSOCKOPT  2
#define SOCKET_URING_OP_SETSOCKOPT  3
#endif

/* ---- setup flags ---------------------------------------------------------- */
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
#ifndef IORING_SETUP_NO_MMAP
#define IORING_SETUP_NO_MMAP        (1U << 14)
#endif
#ifndef IORING_SETUP_REGISTERED_FD_ONLY
#define IORING_SETUP_REGISTERED_FD_ONLY (1U << 15)
#endif
#ifndef IORING_SETUP_NO_SQARRAY
#define IORING_SETUP_NO_SQARRAY     (1U << 16)
#endif
#ifndef IORING_SETUP_HYBRID_IOPOLL
#define IORING_SETUP_HYBRID_IOPOLL  (1U << 17)
#endif

/* ---- features, enter flags -------------------------------------------------- */
#ifndef IORING_FEAT_LINKED_FILE
#define IORING_FEAT_LINKED_FILE     (1U << 12)
#endif
#ifndef IORING_FEAT_REG_REG_RING
#define IORING_FEAT_REG_REG_RING    (1U << 13)
#endif
#ifndef IORING_FEAT_RECVSEND_BUNDLE
#define IORING_FEAT_RECVSEND_BUNDLE (1U << 14)
#endif
#ifndef IORING_FEAT_MIN_TIMEOUT
#define IORING_FEAT_MIN_TIMEOUT     (1U << 15)
#endif
#ifndef IORING_FEAT_RW_ATTR
#define IORING_FEAT_RW_ATTR         (1U << 16)
#endif
#ifndef IORING_FEAT_NO_IOWAIT
#define IORING_FEAT_NO_IOWAIT       (1U << 17)
#endif
#ifndef IORING_ENTER_REGISTERED_RING
#define IORING_ENTER_REGISTERED_RING (1U << 4)
#endif
#ifndef IORING_ENTER_ABS_TIMER
#define IORING_ENTER_ABS_TIMER      (1U << 5)
#endif
#ifndef IORING_ENTER_EXT_ARG_REG
#define IORING_ENTER_EXT_ARG_REG    (1U << 6)
#endif
#ifndef IORING_ENTER_NO_IOWAIT
#define IORING_ENTER_NO_IOWAIT      (1U << 7)
#endif
#ifndef IORING_REGISTER_USE_REGISTERED_RING
#define IORING_REGISTER_USE_REGISTERED_RING (1U << 31)
#endif

/* ---- SQ/CQ ring flags, CQE flags -------------------------------------------- */
#ifndef IORING_SQ_TASKRUN
#define IORING_SQ_TASKRUN           (1U << 2)
#endif
#ifndef IORING_CQE_F_NOTIF
#define IORING_CQE_F_NOTIF          (1U << 3)
#endif
#ifndef IORING_CQE_F_BUF_MORE
#define IORING_CQE_F_BUF_MORE       (1U << 4)
#endif
#ifndef IORING_CQE_F_SKIP
#define IORING_CQE_F_SKIP           (1U << 5)
#endif

/* ---- per-op flags ------------------------------------------------------------ */
#ifndef IORING_TIMEOUT_ETIME_SUCCESS
#define IORING_TIMEOUT_ETIME_SUCCESS (1U << 5)
#endif
#ifndef IORING_TIMEOUT_MULTISHOT
#define IORING_TIMEOUT_MULTISHOT    (1U << 6)
#endif
#ifndef IORING_ASYNC_CANCEL_FD_FIXED
#define IORING_ASYNC_CANCEL_FD_FIXED (1U << 3)
#endif
#ifndef IORING_ASYNC_CANCEL_USERDATA
#define IORING_ASYNC_CANCEL_USERDATA (1U << 4)
#endif
#ifndef IORING_ASYNC_CANCEL_OP
#define IORING_ASYNC_CANCEL_OP      (1U << 5)
#endif
#ifndef IORING_RECVSEND_BUNDLE
#define IORING_RECVSEND_BUNDLE      (1U << 4)
#endif
#ifndef IORING_SEND_ZC_REPORT_USAGE
#define IORING_SEND_ZC_REPORT_USAGE (1U << 3)
#endif
#ifndef IORING_NOTIF_USAGE_ZC_COPIED
#define IORING_NOTIF_USAGE_ZC_COPIED (1U << 31)
#endif
#ifndef IORING_ACCEPT_DONTWAIT
#define IORING_ACCEPT_DONTWAIT      (1U << 1)
#endif
#ifndef IORING_ACCEPT_POLL_FIRST
#define IORING_ACCEPT_POLL_FIRST    (1U << 2)
#endif
#ifndef IORING_MSG_RING_CQE_SKIP
#define IORING_MSG_RING_CQE_SKIP    (1U << 0)
#endif
#ifndef IORING_MSG_RING_FLAGS_PASS
#define IORING_MSG_RING_FLAGS_PASS  (1U << 1)
#endif
#ifndef IORING_FIXED_FD_NO_CLOEXEC
#define IORING_FIXED_FD_NO_CLOEXEC  (1U << 0)
#endif
#ifndef IORING_NOP_INJECT_RESULT
#define IORING_NOP_INJECT_RESULT    (1U << 0)
#endif
#ifndef IORING_FILE_INDEX_ALLOC
#define IORING_FILE_INDEX_ALLOC     (~0U)
#endif

/* ---- provided-buffer rings ---------------------------------------------------- */
#ifndef IOU_PBUF_RING_MMAP
#define IOU_PBUF_RING_MMAP          1U
#endif
#ifndef IOU_PBUF_RING_INC
#define IOU_PBUF_RING_INC           2U
#endif
#ifndef IORING_OFF_PBUF_RING
#define IORING_OFF_PBUF_RING        0x80000000ULL
#endif
#ifndef IORING_OFF_PBUF_SHIFT
#define IORING_OFF_PBUF_SHIFT       16
#endif
#ifndef IORING_OFF_MMAP_MASK
#define IORING_OFF_MMAP_MASK        0xf8000000ULL
#endif

#endif
