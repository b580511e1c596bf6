/* sqe_diff_compat_newer.c -- the helpers newer than liburing 2.3: no
 * Debian library to compare with, so each case has an expected SQE written
 * from liburing 2.15's src/include/liburing.h (the function of the same
 * name; the liburing statement each line follows is quoted beside it), and
 * the compat header must produce exactly those 64 bytes.  The model writes
 * what liburing 2.15 writes and nothing else (its io_uring_prep_rw sets
 * opcode, fd, off, addr and len only; user_data is never written), so it
 * holds for an SQE from io_uring_get_sqe (which clears flags, ioprio,
 * rw_flags, buf_index, personality, file_index, addr3, __pad2) and for one
 * whose fields the program set before the prep call: sqe_diff_compat.c
 * runs it both ways. */
#define _GNU_SOURCE
#include <liburing.h>
#include <string.h>
#include "sqe_diff_compat.h"

/* io_uring_prep_rw(op, sqe, fd, addr, len, offset) in liburing 2.15:
   "sqe->opcode = (__u8) op; sqe->fd = fd; sqe->off = offset;
    sqe->addr = (unsigned long) addr; sqe->len = len;", nothing else. */
static void m_rw(struct io_uring_sqe *e, int op, int fd, uint64_t addr, unsigned len,
                 uint64_t off)
{
    e->opcode = (uint8_t)op;
    e->fd = fd;
    e->off = off;
    e->addr = addr;
    e->len = len;
}

/* "if (file_index == IORING_FILE_INDEX_ALLOC) file_index--;
    __io_uring_set_target_fixed_file(sqe, file_index);" -> index + 1 */
static unsigned m_slot(unsigned i)
{
    if (i == IORING_FILE_INDEX_ALLOC)
        i--;
    return i + 1;
}

#define NEWER_CASES(X) \
    X(read_multishot, io_uring_prep_read_multishot(s, I(0), U(1), U64(2), I(3)), \
      { m_rw(e, IORING_OP_READ_MULTISHOT, I(0), 0, U(1), U64(2)); \
        e->buf_group = (__u16)I(3);            /* sqe->buf_group = buf_group */ \
        e->flags = IOSQE_BUFFER_SELECT; })     /* sqe->flags = IOSQE_BUFFER_SELECT */ \
    X(ftruncate, io_uring_prep_ftruncate(s, I(0), (loff_t)a[1]), \
      { m_rw(e, IORING_OP_FTRUNCATE, I(0), 0, 0, U64(1)); }) \
    X(fixed_fd_install, io_uring_prep_fixed_fd_install(s, I(0), U(1)), \
      { m_rw(e, IORING_OP_FIXED_FD_INSTALL, I(0), 0, 0, 0); \
        e->flags = IOSQE_FIXED_FILE;            /* sqe->flags = IOSQE_FIXED_FILE */ \
        e->install_fd_flags = U(1); })          /* sqe->install_fd_flags = flags */ \
    X(bind, io_uring_prep_bind(s, I(0), P(1), (socklen_t)a[2]), \
      { m_rw(e, IORING_OP_BIND, I(0), U64(1), 0, (socklen_t)a[2]); }) \
    X(listen, io_uring_prep_listen(s, I(0), I(1)), \
      { m_rw(e, IORING_OP_LISTEN, I(0), 0, (unsigned)I(1), 0); }) \
    X(waitid, io_uring_prep_waitid(s, (idtype_t)U(0), (id_t)U(1), P(2), I(3), U(4)), \
      { m_rw(e, IORING_OP_WAITID, (int)U(1), 0, U(0), 0); \
        e->waitid_flags = U(4);                 /* sqe->waitid_flags = flags */ \
        e->file_index = (unsigned)I(3);         /* sqe->file_index = options */ \
        e->addr2 = U64(2); })                   /* sqe->addr2 = (unsigned long) infop */ \
    X(futex_wake, io_uring_prep_futex_wake(s, P(0), U64(1), U64(2), U(3), U(4)), \
      { m_rw(e, IORING_OP_FUTEX_WAKE, (int)U(3), U64(0), 0, U64(1)); \
        e->futex_flags = U(4);                  /* sqe->futex_flags = flags */ \
        e->addr3 = U64(2); })                   /* sqe->addr3 = mask */ \
    X(futex_wait, io_uring_prep_futex_wait(s, P(0), U64(1), U64(2), U(3), U(4)), \
      { m_rw(e, IORING_OP_FUTEX_WAIT, (int)U(3), U64(0), 0, U64(1)); \
        e->futex_flags = U(4); e->addr3 = U64(2); }) \
    X(futex_waitv, io_uring_prep_futex_waitv(s, P(0), U(1), U(2)), \
      { m_rw(e, IORING_OP_FUTEX_WAITV, 0, U64(0), U(1), 0); \
        e->futex_flags = U(2); }) \
    X(cmd_sock, io_uring_prep_cmd_sock(s, I(0), I(1), I(2), I(3), P(4), I(5)), \
      { m_rw(e, IORING_OP_URING_CMD, I(1), 0, 0, 0); \
        e->optval = U64(4);                     /* sqe->optval = optval */ \
        e->optname = (unsigned)I(3);            /* sqe->optname = optname */ \
        e->optlen = (unsigned)I(5);             /* sqe->optlen = optlen */ \
        e->cmd_op = (unsigned)I(0);             /* sqe->cmd_op = cmd_op */ \
        e->level = (unsigned)I(2); })           /* sqe->level = level */ \
    X(msg_ring_cqe_flags, io_uring_prep_msg_ring_cqe_flags(s, I(0), U(1), U64(2), U(3), U(4)), \
      { m_rw(e, IORING_OP_MSG_RING, I(0), 0, U(1), U64(2)); \
        e->msg_ring_flags = IORING_MSG_RING_FLAGS_PASS | U(3); \
        e->file_index = U(4); })                /* sqe->file_index = cqe_flags */ \
    X(msg_ring_fd, io_uring_prep_msg_ring_fd(s, I(0), I(1), I(2), U64(3), U(4)), \
      { m_rw(e, IORING_OP_MSG_RING, I(0), IORING_MSG_SEND_FD, 0, U64(3)); \
        e->addr3 = (uint64_t)(int64_t)I(1);     /* sqe->addr3 = source_fd */ \
        e->file_index = m_slot((unsigned)I(2)); \
        e->msg_ring_flags = U(4); }) \
    X(msg_ring_fd_alloc, io_uring_prep_msg_ring_fd_alloc(s, I(0), I(1), U64(2), U(3)), \
      { m_rw(e, IORING_OP_MSG_RING, I(0), IORING_MSG_SEND_FD, 0, U64(2)); \
        e->addr3 = (uint64_t)(int64_t)I(1); \
        e->file_index = m_slot(IORING_FILE_INDEX_ALLOC); \
        e->msg_ring_flags = U(3); }) \
    X(fadvise64, io_uring_prep_fadvise64(s, I(0), U64(1), (off_t)a[2], I(3)), \
      { m_rw(e, IORING_OP_FADVISE, I(0), 0, 0, U64(1)); \
        e->addr = U64(2);                       /* sqe->addr = len */ \
        e->fadvise_advice = (unsigned)I(3); }) \
    X(madvise64, io_uring_prep_madvise64(s, P(0), (off_t)a[1], I(2)), \
      { m_rw(e, IORING_OP_MADVISE, -1, U64(0), 0, U64(1)); \
        e->fadvise_advice = (unsigned)I(2); }) \
    X(send_bundle, io_uring_prep_send_bundle(s, I(0), (size_t)U(1), I(2)), \
      { m_rw(e, IORING_OP_SEND, I(0), 0, U(1), 0); \
        e->msg_flags = (unsigned)I(2); \
        e->ioprio |= IORING_RECVSEND_BUNDLE; }) \
    X(cmd_discard, io_uring_prep_cmd_discard(s, I(0), U64(1), U64(2)), \
      { m_rw(e, IORING_OP_URING_CMD, I(0), 0, 0, 0); \
        e->cmd_op = BLOCK_URING_CMD_DISCARD; e->addr = U64(1); e->addr3 = U64(2); }) \
    X(readv_fixed, io_uring_prep_readv_fixed(s, I(0), P(1), U(2), U64(3), I(4), I(5)), \
      { m_rw(e, IORING_OP_READV, I(0), U64(1), U(2), U64(3)); \
        e->rw_flags = I(4);                     /* readv2: sqe->rw_flags = flags */ \
        e->opcode = IORING_OP_READV_FIXED; \
        e->buf_index = (__u16)I(5); }) \
    X(writev_fixed, io_uring_prep_writev_fixed(s, I(0), P(1), U(2), U64(3), I(4), I(5)), \
      { m_rw(e, IORING_OP_WRITEV, I(0), U64(1), U(2), U64(3)); \
        e->rw_flags = I(4); e->opcode = IORING_OP_WRITEV_FIXED; \
        e->buf_index = (__u16)I(5); }) \
    X(open, io_uring_prep_open(s, P(0), I(1), (mode_t)a[2]), \
      { m_rw(e, IORING_OP_OPENAT, AT_FDCWD, U64(0), (mode_t)a[2], 0); \
        e->open_flags = (unsigned)I(1); }) \
    X(open_direct, io_uring_prep_open_direct(s, P(0), I(1), (mode_t)a[2], U(3)), \
      { m_rw(e, IORING_OP_OPENAT, AT_FDCWD, U64(0), (mode_t)a[2], 0); \
        e->open_flags = (unsigned)I(1); e->file_index = m_slot(U(3)); }) \
    X(sendto, io_uring_prep_sendto(s, I(0), P(1), (size_t)U(2), I(3), P(4), (socklen_t)a[5]), \
      { m_rw(e, IORING_OP_SEND, I(0), U64(1), U(2), 0); \
        e->msg_flags = (unsigned)I(3); \
        e->addr2 = U64(4);                      /* send_set_addr: sqe->addr2 = dest_addr */ \
        e->addr_len = (__u16)a[5]; })           /* sqe->addr_len = addr_len */ \
    X(epoll_wait, io_uring_prep_epoll_wait(s, I(0), P(1), I(2), U(3)), \
      { m_rw(e, IORING_OP_EPOLL_WAIT, I(0), U64(1), (unsigned)I(2), 0); \
        e->rw_flags = (int)U(3); })             /* sqe->rw_flags = flags */ \
    X(pipe, io_uring_prep_pipe(s, P(0), I(1)), \
      { m_rw(e, IORING_OP_PIPE, 0, U64(0), 0, 0); \
        e->pipe_flags = (__u32)I(1); })         /* sqe->pipe_flags = pipe_flags */ \
    X(pipe_direct, io_uring_prep_pipe_direct(s, P(0), I(1), U(2)), \
      { m_rw(e, IORING_OP_PIPE, 0, U64(0), 0, 0); \
        e->pipe_flags = (__u32)I(1); e->file_index = m_slot(U(2)); }) \
    X(uring_cmd, io_uring_prep_uring_cmd(s, I(0), I(1)), \
      { m_rw(e, IORING_OP_URING_CMD, I(1), 0, 0, 0); \
        e->cmd_op = (__u32)I(0); })             /* sqe->cmd_op = cmd_op */ \
    X(sendmsg_zc_fixed, io_uring_prep_sendmsg_zc_fixed(s, I(0), P(1), U(2), U(3)), \
      { m_rw(e, IORING_OP_SENDMSG, I(0), U64(1), 1, 0); \
        e->msg_flags = U(2);                    /* sendmsg: sqe->msg_flags = flags */ \
        e->opcode = IORING_OP_SENDMSG_ZC;       /* sendmsg_zc */ \
        e->ioprio |= IORING_RECVSEND_FIXED_BUF; \
        e->buf_index = (__u16)U(3); }) \
    X(nop128, io_uring_prep_nop128(s), \
      { m_rw(e, IORING_OP_NOP128, -1, 0, 0, 0); }) \
    X(uring_cmd128, io_uring_prep_uring_cmd128(s, I(0), I(1)), \
      { m_rw(e, IORING_OP_URING_CMD128, I(1), 0, 0, 0); /* __io_uring_prep_uring_cmd */ \
        e->cmd_op = (__u32)I(0); }) \
    X(cmd_getsockname, io_uring_prep_cmd_getsockname(s, I(0), P(1), P(2), I(3)), \
      { m_rw(e, IORING_OP_URING_CMD, I(0), 0, 0, 0); /* io_uring_prep_uring_cmd */ \
        e->cmd_op = SOCKET_URING_OP_GETSOCKNAME; \
        e->addr = U64(1);                       /* sqe->addr = sockaddr */ \
        e->addr3 = U64(2);                      /* sqe->addr3 = sockaddr_len */ \
        e->optlen = (__u32)I(3); })             /* sqe->optlen = peer */ \
    X(sqe_set_buf_group, (io_uring_prep_nop(s), io_uring_sqe_set_buf_group(s, I(0))), \
      { m_rw(e, IORING_OP_NOP, -1, 0, 0, 0); e->buf_group = (__u16)I(0); })

#define N_NAME(name, call, model) N_##name,
enum { NEWER_CASES(N_NAME) N_COUNT };
#define N_STR(name, call, model) #name,
static const char *const newer_names[] = { NEWER_CASES(N_STR) };

int sqe_newer_count(void)
{
    return N_COUNT;
}

const char *sqe_newer_name(int k)
{
    return newer_names[k];
}

void sqe_newer_compat(int k, void *p, const uint64_t *a)
{
    struct io_uring_sqe *s = p;
#define N_CALL(name, call, model) case N_##name: call; break;
    switch (k) { NEWER_CASES(N_CALL) default: break; }
}

void sqe_newer_model(int k, void *p, const uint64_t *a)
{
    struct io_uring_sqe *e = p;
#define N_MODEL(name, call, model) case N_##name: model break;
    switch (k) { NEWER_CASES(N_MODEL) default: break; }
}
