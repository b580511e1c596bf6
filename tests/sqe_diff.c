/* sqe_diff.c -- differential test of the prep helpers against liburing.
 *
 * For every op both libraries have, one SQE is filled with hr_prep_X and one
 * with liburing's io_uring_prep_X, from the same arguments, and all 64 bytes
 * are compared.  Before each case the two SQEs are filled with two different
 * garbage bytes, so a field that either side leaves unwritten shows up as a
 * difference.  Arguments come from a pool of edge values (0, 1, -1, -100,
 * INT32_MIN/MAX, UINT32_MAX, UINT64_MAX, every single bit of 64, large
 * offsets, pointer-like values); argument k of set i is pool[(i + 17 k) % n],
 * so every argument position takes every pool value, plus one all-zero and
 * one all-ones set.  One case = one op with one argument set.
 *
 * Intended differences are listed in diffs[] below and handled explicitly
 * (the documented liburing field is rewritten to our value, only when it
 * holds exactly the value liburing is known to produce); any other
 * difference fails.  Ops liburing 2.3 lacks are listed in not_covered[].
 *
 * Test-only dependency: liburing (Debian liburing-dev), -luring. */
#define _GNU_SOURCE
#include <liburing.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "hringas.h"
/* one case = one SQE comparison: no fork per case, the line formats only
   (only failures get a line; passes are counted) */
#define HR_TEST_IMPLEMENTATION
#include "hr_test.h"

_Static_assert(sizeof(struct open_how) == HR_OPEN_HOW_SIZE, "open_how size");
_Static_assert(AT_FDCWD == HR_AT_FDCWD, "AT_FDCWD");
_Static_assert(sizeof(struct hr_sqe) == sizeof(struct io_uring_sqe), "size");

/* ---- intended differences ------------------------------------------------ */

enum { D_USER_DATA = 1u << 0, D_ALLOC = 1u << 1 };

static const struct {
    unsigned id;
    const char *ops, *field, *why;
} diffs[] = {
    { D_USER_DATA, "every op", "user_data",
      "liburing's io_uring_prep_rw leaves user_data as it was (2.3: set "
      "later by the caller; newer: zeroed in io_uring_get_sqe); our helpers "
      "write every field, user_data = 0.  Handled: liburing's user_data, if "
      "still its garbage, is taken as 0; ours must be 0." },
    { D_ALLOC, "openat_direct openat2_direct accept_direct socket_direct "
      "close_direct", "file_index",
      "slot IORING_FILE_INDEX_ALLOC: liburing 2.3 stores ALLOC + 1, which "
      "wraps to 0 (= not a direct descriptor at all; for close_direct, "
      "\"close fd 0\"); we store IORING_FILE_INDEX_ALLOC (newer liburing does "
      "the same for all but close_direct; for close the kernel rejects it).  "
      "Handled: with that slot, liburing's file_index 0 is taken as ALLOC." },
};

static const char *const not_covered[] = {
    "read_multishot, ftruncate, fixed_fd_install, bind, listen, waitid, "
    "futex_wait, futex_wake, futex_waitv (opcodes 49-57: after uapi 6.1)",
    "msg_ring_cqe_flags, msg_ring_fd, msg_ring_fd_alloc, fadvise64, "
    "madvise64",
    "-> liburing 2.3 has no io_uring_prep_X for them; their layout is from "
    "newer liburing and the kernel uapi, and is proved against the contracts "
    "in specs/hr_prep_spec.h only",
};

/* No 2.3 function either, but compared with the 2.3 calls they stand for. */
static const char *const by_equivalent[] = {
    "open, open_direct = openat, openat_direct with AT_FDCWD",
    "sendto = send + send_set_addr; also send_zc + send_set_addr",
    "readv_fixed, writev_fixed, epoll_wait, pipe, pipe_direct, send_bundle, "
    "uring_cmd, cmd_sock, cmd_getsockname = the bodies of liburing 2.15's "
    "io_uring_prep_X, step by step (see run_readv_fixed ...)",
    "nop_flags (no liburing helper) = io_uring_prep_nop and the NOP fields "
    "set by hand, as liburing's test/nop.c does",
};

/* ---- value pool ---------------------------------------------------------- */

static uint64_t pool[128];
static unsigned npool;

static void pool_init(void)
{
    static const uint64_t edge[] = {
        0, 1, 2, 3, 7, 0x7f, 0xff, 0x100, 0xfffe, 0xffff, 0x10000,
        0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff,
        0x100000000ull, 0x1ffffffffull, 0x10000000000ull, /* large offsets */
        0x7fffffffffffffffull, 0x8000000000000000ull,
        0xfffffffffffffffeull, 0xffffffffffffffffull,
        (uint64_t)-100,                    /* AT_FDCWD */
        (uint64_t)(int64_t)INT32_MIN, (uint64_t)(int64_t)INT32_MAX,
        0x00007ffdcafe1230ull,             /* user-space-like pointer */
        0x123456789abcdef0ull, 0xfedcba9876543210ull,
    };
    for (unsigned i = 0; i < sizeof edge / sizeof edge[0]; i++)
        pool[npool++] = edge[i];
    for (unsigned b = 0; b < 64; b++)
        pool[npool++] = 1ull << b;
}

#define NARG 8

/* ---- argument conversions (both libraries get the same C value) ---------- */
#define I32(k)  ((int)(uint32_t)v[k])
#define U32(k)  ((unsigned)v[k])
#define U64(k)  ((uint64_t)v[k])
#define I64(k)  ((int64_t)v[k])
#define SZ(k)   ((size_t)v[k])
#define OFF(k)  ((off_t)v[k])
#define MODE(k) ((mode_t)v[k])
#define SLEN(k) ((socklen_t)v[k])
#define PTR(k)  ((void *)(uintptr_t)v[k])

typedef void run_fn(struct hr_sqe *h, struct io_uring_sqe *l,
                    const uint64_t *v);

/* hr_prep_X and io_uring_prep_X with the same argument list */
#define SAME(name, ...)                                                       \
    static void run_##name(struct hr_sqe *h, struct io_uring_sqe *l,          \
                           const uint64_t *v)                                 \
    {                                                                         \
        hr_prep_##name(h, __VA_ARGS__);                                       \
        io_uring_prep_##name(l, __VA_ARGS__);                                 \
    }

static void run_nop(struct hr_sqe *h, struct io_uring_sqe *l, const uint64_t *v)
{
    (void)v;
    hr_prep_nop(h);
    io_uring_prep_nop(l);
}

static void run_rw(struct hr_sqe *h, struct io_uring_sqe *l, const uint64_t *v)
{
    hr_prep_rw((uint8_t)v[0], h, I32(1), U64(2), U32(3), U64(4));
    io_uring_prep_rw((uint8_t)v[0], l, I32(1), PTR(2), U32(3), U64(4));
}

SAME(read,          I32(0), PTR(1), U32(2), U64(3))
SAME(write,         I32(0), PTR(1), U32(2), U64(3))
SAME(readv,         I32(0), PTR(1), U32(2), U64(3))
SAME(readv2,        I32(0), PTR(1), U32(2), U64(3), I32(4))
SAME(writev,        I32(0), PTR(1), U32(2), U64(3))
SAME(writev2,       I32(0), PTR(1), U32(2), U64(3), I32(4))
SAME(read_fixed,    I32(0), PTR(1), U32(2), U64(3), I32(4))
SAME(write_fixed,   I32(0), PTR(1), U32(2), U64(3), I32(4))
SAME(fsync,         I32(0), U32(1))
SAME(sync_file_range, I32(0), U32(1), U64(2), I32(3))
SAME(fallocate,     I32(0), I32(1), OFF(2), OFF(3))
SAME(fadvise,       I32(0), U64(1), OFF(2), I32(3))
SAME(madvise,       PTR(0), OFF(1), I32(2))
SAME(openat,        I32(0), PTR(1), I32(2), MODE(3))
SAME(openat_direct, I32(0), PTR(1), I32(2), MODE(3), U32(4))
SAME(openat2,       I32(0), PTR(1), PTR(2))
SAME(openat2_direct, I32(0), PTR(1), PTR(2), U32(3))
SAME(close,         I32(0))
SAME(close_direct,  U32(0))
SAME(statx,         I32(0), PTR(1), I32(2), U32(3), PTR(4))
SAME(renameat,      I32(0), PTR(1), I32(2), PTR(3), U32(4))
SAME(rename,        PTR(0), PTR(1))
SAME(unlinkat,      I32(0), PTR(1), I32(2))
SAME(unlink,        PTR(0), I32(1))
SAME(mkdirat,       I32(0), PTR(1), MODE(2))
SAME(mkdir,         PTR(0), MODE(1))
SAME(symlinkat,     PTR(0), I32(1), PTR(2))
SAME(symlink,       PTR(0), PTR(1))
SAME(linkat,        I32(0), PTR(1), I32(2), PTR(3), I32(4))
SAME(link,          PTR(0), PTR(1), I32(2))
SAME(getxattr,      PTR(0), PTR(1), PTR(2), U32(3))
SAME(setxattr,      PTR(0), PTR(1), PTR(2), I32(3), U32(4))
SAME(fgetxattr,     I32(0), PTR(1), PTR(2), U32(3))
SAME(fsetxattr,     I32(0), PTR(1), PTR(2), I32(3), U32(4))
SAME(splice,        I32(0), I64(1), I32(2), I64(3), U32(4), U32(5))
SAME(tee,           I32(0), I32(1), U32(2), U32(3))
SAME(socket,        I32(0), I32(1), I32(2), U32(3))
SAME(socket_direct, I32(0), I32(1), I32(2), U32(3), U32(4))
SAME(socket_direct_alloc, I32(0), I32(1), I32(2), U32(3))
SAME(connect,       I32(0), PTR(1), SLEN(2))
SAME(accept,        I32(0), PTR(1), PTR(2), I32(3))
SAME(accept_direct, I32(0), PTR(1), PTR(2), I32(3), U32(4))
SAME(multishot_accept, I32(0), PTR(1), PTR(2), I32(3))
SAME(multishot_accept_direct, I32(0), PTR(1), PTR(2), I32(3))
SAME(shutdown,      I32(0), I32(1))
SAME(send,          I32(0), PTR(1), SZ(2), I32(3))
SAME(send_zc,       I32(0), PTR(1), SZ(2), I32(3), U32(4))
SAME(send_zc_fixed, I32(0), PTR(1), SZ(2), I32(3), U32(4), U32(5))
SAME(sendmsg,       I32(0), PTR(1), U32(2))
SAME(sendmsg_zc,    I32(0), PTR(1), U32(2))
SAME(recv,          I32(0), PTR(1), SZ(2), I32(3))
SAME(recv_multishot, I32(0), PTR(1), SZ(2), I32(3))
SAME(recvmsg,       I32(0), PTR(1), U32(2))
SAME(recvmsg_multishot, I32(0), PTR(1), U32(2))
SAME(poll_add,      I32(0), U32(1))
SAME(poll_multishot, I32(0), U32(1))
SAME(poll_remove,   U64(0))
SAME(poll_update,   U64(0), U64(1), U32(2), U32(3))
SAME(epoll_ctl,     I32(0), I32(1), I32(2), PTR(3))
SAME(timeout,       PTR(0), U32(1), U32(2))
SAME(timeout_remove, U64(0), U32(1))
SAME(timeout_update, PTR(0), U64(1), U32(2))
SAME(link_timeout,  PTR(0), U32(1))
SAME(cancel64,      U64(0), I32(1))
SAME(cancel,        PTR(0), I32(1))
SAME(cancel_fd,     I32(0), U32(1))
SAME(provide_buffers, PTR(0), I32(1), I32(2), I32(3), I32(4))
SAME(remove_buffers, I32(0), I32(1))
SAME(files_update,  PTR(0), U32(1), I32(2))
SAME(msg_ring,      I32(0), U32(1), U64(2), U32(3))

/* ---- ops compared with the 2.3 calls they are defined as ----------------- */

static void run_open(struct hr_sqe *h, struct io_uring_sqe *l,
                     const uint64_t *v)
{
    hr_prep_open(h, PTR(0), I32(1), MODE(2));
    io_uring_prep_openat(l, AT_FDCWD, PTR(0), I32(1), MODE(2));
}

static void run_open_direct(struct hr_sqe *h, struct io_uring_sqe *l,
                            const uint64_t *v)
{
    hr_prep_open_direct(h, PTR(0), I32(1), MODE(2), U32(3));
    io_uring_prep_openat_direct(l, AT_FDCWD, PTR(0), I32(1), MODE(2), U32(3));
}

static void run_sendto(struct hr_sqe *h, struct io_uring_sqe *l,
                       const uint64_t *v)
{
    hr_prep_sendto(h, I32(0), PTR(1), SZ(2), I32(3), PTR(4), SLEN(5));
    io_uring_prep_send(l, I32(0), PTR(1), SZ(2), I32(3));
    io_uring_prep_send_set_addr(l, PTR(4), (__u16)SLEN(5));
}

static void run_send_zc_set_addr(struct hr_sqe *h, struct io_uring_sqe *l,
                                 const uint64_t *v)
{
    hr_prep_send_zc(h, I32(0), PTR(1), SZ(2), I32(3), U32(4));
    hr_prep_send_set_addr(h, PTR(5), (uint16_t)v[6]);
    io_uring_prep_send_zc(l, I32(0), PTR(1), SZ(2), I32(3), U32(4));
    io_uring_prep_send_set_addr(l, PTR(5), (__u16)v[6]);
}

/* ---- ops liburing 2.3 lacks: liburing 2.15's source, re-enacted ----------
 * For these the liburing side is the body of liburing 2.15's io_uring_prep_X
 * (src/include/liburing.h), step by step, on the 2.3 calls and struct
 * fields that exist (io_uring_prep_rw of 2.3 zeroes what 2.15's
 * io_uring_initialize_sqe zeroes in io_uring_get_sqe, and sets the same five
 * fields as 2.15's io_uring_prep_rw).  Values of 2.15's io_uring.h: */
#define L215_OP_EPOLL_WAIT      59
#define L215_OP_READV_FIXED     60
#define L215_OP_WRITEV_FIXED    61
#define L215_OP_PIPE            62
#define L215_RECVSEND_BUNDLE    (1U << 4)
#define L215_SOCKET_URING_OP_GETSOCKNAME 5
#define L215_FILE_INDEX_ALLOC   (~0U)

/* 2.15's io_uring_initialize_sqe (its io_uring_get_sqe calls it) */
static void l215_initialize_sqe(struct io_uring_sqe *sqe)
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

/* 2.15's __io_uring_prep_uring_cmd (io_uring_prep_uring_cmd: URING_CMD) */
static void l215_prep_uring_cmd(struct io_uring_sqe *sqe, int cmd_op, int fd)
{
    l215_initialize_sqe(sqe);
    sqe->opcode = (__u8)IORING_OP_URING_CMD;
    sqe->fd = fd;
    sqe->cmd_op = (__u32)cmd_op;
    sqe->__pad1 = 0;
    sqe->addr = 0ul;
    sqe->len = 0;
}

/* 2.15 names 2.3's header lacks: level / optname are the low / high halves
 * of addr, optlen is file_index, optval is addr3 (little-endian). */
static void put_u32(struct io_uring_sqe *sqe, size_t off, uint32_t x)
{
    memcpy((unsigned char *)sqe + off, &x, sizeof x);
}

static void run_readv_fixed(struct hr_sqe *h, struct io_uring_sqe *l,
                            const uint64_t *v)
{
    hr_prep_readv_fixed(h, I32(0), PTR(1), U32(2), U64(3), I32(4), I32(5));
    /* io_uring_prep_readv_fixed: readv2, then opcode and buf_index */
    io_uring_prep_readv2(l, I32(0), PTR(1), U32(2), U64(3), I32(4));
    l->opcode = L215_OP_READV_FIXED;
    l->buf_index = (__u16)I32(5);
}

static void run_writev_fixed(struct hr_sqe *h, struct io_uring_sqe *l,
                             const uint64_t *v)
{
    hr_prep_writev_fixed(h, I32(0), PTR(1), U32(2), U64(3), I32(4), I32(5));
    /* io_uring_prep_writev_fixed: writev2, then opcode and buf_index */
    io_uring_prep_writev2(l, I32(0), PTR(1), U32(2), U64(3), I32(4));
    l->opcode = L215_OP_WRITEV_FIXED;
    l->buf_index = (__u16)I32(5);
}

static void run_epoll_wait(struct hr_sqe *h, struct io_uring_sqe *l,
                           const uint64_t *v)
{
    hr_prep_epoll_wait(h, I32(0), PTR(1), I32(2), U32(3));
    /* io_uring_prep_epoll_wait: rw(EPOLL_WAIT, fd, events, maxevents, 0);
       rw_flags = flags */
    io_uring_prep_rw(L215_OP_EPOLL_WAIT, l, I32(0), PTR(1), (unsigned)I32(2), 0);
    l->rw_flags = (int)U32(3);
}

static void run_pipe(struct hr_sqe *h, struct io_uring_sqe *l,
                     const uint64_t *v)
{
    hr_prep_pipe(h, PTR(0), I32(1));
    /* io_uring_prep_pipe: rw(PIPE, 0, fds, 0, 0); pipe_flags = flags */
    io_uring_prep_rw(L215_OP_PIPE, l, 0, PTR(0), 0, 0);
    l->rw_flags = (int)(__u32)I32(1);
}

static void run_pipe_direct(struct hr_sqe *h, struct io_uring_sqe *l,
                            const uint64_t *v)
{
    unsigned file_index = U32(2);
    hr_prep_pipe_direct(h, PTR(0), I32(1), U32(2));
    /* io_uring_prep_pipe_direct: pipe, then ALLOC - 1 for ALLOC, then
       __io_uring_set_target_fixed_file (index + 1) */
    io_uring_prep_rw(L215_OP_PIPE, l, 0, PTR(0), 0, 0);
    l->rw_flags = (int)(__u32)I32(1);
    if (file_index == L215_FILE_INDEX_ALLOC)
        file_index--;
    __io_uring_set_target_fixed_file(l, file_index);
}

static void run_send_bundle(struct hr_sqe *h, struct io_uring_sqe *l,
                            const uint64_t *v)
{
    hr_prep_send_bundle(h, I32(0), U32(1), I32(2));
    /* io_uring_prep_send_bundle: send(sockfd, NULL, len, flags); ioprio |=
       IORING_RECVSEND_BUNDLE */
    io_uring_prep_send(l, I32(0), NULL, SZ(1), I32(2));
    l->ioprio |= L215_RECVSEND_BUNDLE;
}

static void run_uring_cmd(struct hr_sqe *h, struct io_uring_sqe *l,
                          const uint64_t *v)
{
    hr_prep_uring_cmd(h, I32(0), I32(1));
    l215_prep_uring_cmd(l, I32(0), I32(1));
}

static void run_cmd_sock(struct hr_sqe *h, struct io_uring_sqe *l,
                         const uint64_t *v)
{
    hr_prep_cmd_sock(h, I32(0), I32(1), I32(2), I32(3), PTR(4), I32(5));
    /* io_uring_prep_cmd_sock: uring_cmd(cmd_op, fd); optval, optname, optlen,
       level */
    l215_prep_uring_cmd(l, I32(0), I32(1));
    l->addr3 = (unsigned long)(uintptr_t)PTR(4);            /* optval  */
    put_u32(l, offsetof(struct io_uring_sqe, addr) + 4, (uint32_t)I32(3));
    l->file_index = (__u32)I32(5);                           /* optlen  */
    put_u32(l, offsetof(struct io_uring_sqe, addr), (uint32_t)I32(2));
}

static void run_cmd_getsockname(struct hr_sqe *h, struct io_uring_sqe *l,
                                const uint64_t *v)
{
    hr_prep_cmd_getsockname(h, I32(0), PTR(1), PTR(2), I32(3));
    /* io_uring_prep_cmd_getsockname: uring_cmd(GETSOCKNAME, fd); addr =
       sockaddr; addr3 = sockaddr_len; optlen = peer */
    l215_prep_uring_cmd(l, L215_SOCKET_URING_OP_GETSOCKNAME, I32(0));
    l->addr = (uintptr_t)PTR(1);
    l->addr3 = (unsigned long)(uintptr_t)PTR(2);
    l->file_index = (__u32)I32(3);                           /* optlen  */
}

/* No liburing helper: liburing's test/nop.c prepares a NOP and sets the
 * fields the kernel's io_nop_prep reads by hand; so does this. */
static void run_nop_flags(struct hr_sqe *h, struct io_uring_sqe *l,
                          const uint64_t *v)
{
    hr_prep_nop_flags(h, U32(0), I32(1), I32(2), (uint16_t)v[3], U64(4),
                      U64(5));
    io_uring_prep_nop(l);
    l->rw_flags = (int)U32(0);                               /* nop_flags */
    l->fd = I32(1);                                          /* FILE      */
    l->len = (__u32)I32(2);                                  /* INJECT    */
    l->buf_index = (__u16)v[3];                              /* FIXED_BUF */
    l->off = U64(4);                                         /* CQE32 e1  */
    l->addr = U64(5);                                        /* CQE32 e2  */
}

/* ---- the op table -------------------------------------------------------- */

static const struct op {
    const char *name;
    run_fn *run;
    unsigned diffs;     /* D_* that may apply */
    int slot_arg;       /* D_ALLOC: index of the slot argument */
} ops[] = {
#define OP(n)          { #n, run_##n, D_USER_DATA, -1 }
#define OP_SLOT(n, k)  { #n, run_##n, D_USER_DATA | D_ALLOC, k }
    OP(nop), OP(rw),
    OP(read), OP(write), OP(readv), OP(readv2), OP(writev), OP(writev2),
    OP(read_fixed), OP(write_fixed),
    OP(fsync), OP(sync_file_range), OP(fallocate), OP(fadvise), OP(madvise),
    OP(openat), OP_SLOT(openat_direct, 4), OP(openat2),
    OP_SLOT(openat2_direct, 3), OP(open), OP_SLOT(open_direct, 3),
    OP(close), OP_SLOT(close_direct, 0),
    OP(statx), OP(renameat), OP(rename), OP(unlinkat), OP(unlink),
    OP(mkdirat), OP(mkdir), OP(symlinkat), OP(symlink), OP(linkat), OP(link),
    OP(getxattr), OP(setxattr), OP(fgetxattr), OP(fsetxattr),
    OP(splice), OP(tee),
    OP(socket), OP_SLOT(socket_direct, 3), OP(socket_direct_alloc),
    OP(connect), OP(accept), OP_SLOT(accept_direct, 4), OP(multishot_accept),
    OP(multishot_accept_direct), OP(shutdown),
    OP(send), OP(sendto), OP(send_zc), OP(send_zc_fixed),
    OP(send_zc_set_addr), OP(sendmsg), OP(sendmsg_zc),
    OP(recv), OP(recv_multishot), OP(recvmsg), OP(recvmsg_multishot),
    OP(poll_add), OP(poll_multishot), OP(poll_remove), OP(poll_update),
    OP(epoll_ctl),
    OP(timeout), OP(timeout_remove), OP(timeout_update), OP(link_timeout),
    OP(cancel64), OP(cancel), OP(cancel_fd),
    OP(provide_buffers), OP(remove_buffers), OP(files_update),
    OP(msg_ring),
    /* from liburing 2.15's source (2.3 lacks them) */
    OP(readv_fixed), OP(writev_fixed), OP(epoll_wait), OP(pipe),
    OP(pipe_direct), OP(send_bundle), OP(uring_cmd), OP(cmd_sock),
    OP(cmd_getsockname), OP(nop_flags),
#undef OP
#undef OP_SLOT
};

/* ---- comparison ---------------------------------------------------------- */

static const struct {
    const char *name;
    unsigned off, size;
} fields[] = {
    { "opcode", 0, 1 }, { "flags", 1, 1 }, { "ioprio", 2, 2 }, { "fd", 4, 4 },
    { "off", 8, 8 }, { "addr", 16, 8 }, { "len", 24, 4 },
    { "op_flags", 28, 4 }, { "user_data", 32, 8 }, { "buf_index", 40, 2 },
    { "personality", 42, 2 }, { "file_index", 44, 4 }, { "addr3", 48, 8 },
    { "pad2", 56, 8 },
};

static uint64_t field_val(const unsigned char *b, unsigned i)
{
    uint64_t x = 0;
    memcpy(&x, b + fields[i].off, fields[i].size);   /* little-endian */
    return x;
}

/* two different garbage bytes: a field either side leaves alone differs */
#define GARBAGE_OURS     0xa5u
#define GARBAGE_LIBURING 0x5au

static unsigned long n_pass, n_fail, n_fixed[2];

static void run_case(const struct op *op, const uint64_t *v, unsigned set)
{
    union { struct hr_sqe s; unsigned char b[64]; } h;
    union { struct io_uring_sqe s; unsigned char b[64]; } l;
    const char *adj = "";

    memset(h.b, GARBAGE_OURS, sizeof h.b);
    memset(l.b, GARBAGE_LIBURING, sizeof l.b);
    op->run(&h.s, &l.s, v);

    if ((op->diffs & D_USER_DATA) &&
        l.s.user_data == GARBAGE_LIBURING * 0x0101010101010101ull) {
        l.s.user_data = 0;
        n_fixed[0]++;
    }
    if ((op->diffs & D_ALLOC) &&
        (uint32_t)v[op->slot_arg] == IORING_FILE_INDEX_ALLOC &&
        l.s.file_index == 0) {
        l.s.file_index = IORING_FILE_INDEX_ALLOC;
        n_fixed[1]++;
        adj = " (liburing's file_index 0 taken as ALLOC: difference 2)";
    }
    if (memcmp(h.b, l.b, 64) == 0) {
        n_pass++;
        return;
    }
    n_fail++;
    char name[64], why[1024];
    size_t n = 0;
    snprintf(name, sizeof name, "%s set %u", op->name, set);
    n += (size_t)snprintf(why + n, sizeof why - n, "args");
    for (unsigned k = 0; k < NARG && n < sizeof why; k++)
        n += (size_t)snprintf(why + n, sizeof why - n, " %#llx", (unsigned long long)v[k]);
    for (unsigned i = 0; i < sizeof fields / sizeof fields[0] && n < sizeof why; i++) {
        uint64_t a = field_val(h.b, i), b = field_val(l.b, i);
        if (a != b)
            n += (size_t)snprintf(why + n, sizeof why - n, "%s %s ours %#llx liburing %#llx",
                                  n ? ";" : "", fields[i].name,
                                  (unsigned long long)a, (unsigned long long)b);
    }
    if (n < sizeof why)
        snprintf(why + n, sizeof why - n, "%s", adj);
    hr_test_line(HR_FAIL, name, why);
}

int main(void)
{
    pool_init();
    printf("# sqe-diff: hr_prep_X vs liburing's io_uring_prep_X, %zu ops, "
           "%u argument sets each\n", sizeof ops / sizeof ops[0], npool + 2);
    for (unsigned i = 0; i < sizeof diffs / sizeof diffs[0]; i++)
        printf("# intended difference %u [%s] field %s: %s\n", i + 1,
               diffs[i].ops, diffs[i].field, diffs[i].why);
    for (unsigned i = 0; i < sizeof not_covered / sizeof not_covered[0]; i++)
        printf("# not covered: %s\n", not_covered[i]);
    for (unsigned i = 0; i < sizeof by_equivalent / sizeof *by_equivalent; i++)
        printf("# covered by equivalent 2.3 calls: %s\n", by_equivalent[i]);

    for (unsigned o = 0; o < sizeof ops / sizeof ops[0]; o++) {
        for (unsigned set = 0; set < npool + 2; set++) {
            uint64_t v[NARG];
            for (unsigned k = 0; k < NARG; k++) {
                if (set == npool)
                    v[k] = 0;
                else if (set == npool + 1)
                    v[k] = ~0ull;
                else
                    v[k] = pool[(set + 17 * k) % npool];
            }
            run_case(&ops[o], v, set);
        }
    }
    printf("# intended differences applied: user_data %lu times, "
           "file_index ALLOC %lu times\n", n_fixed[0], n_fixed[1]);
    hr_test_summary("sqe-diff", n_pass, n_fail, 0);
    return n_fail == 0 ? 0 : 1;
}
