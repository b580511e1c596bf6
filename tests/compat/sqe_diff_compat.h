/* sqe_diff_compat.h -- the cases of the compat SQE differential test: every
 * io_uring_prep_* that Debian's liburing 2.3 has, as one call expression over
 * the argument vector a[] (u64 values, converted to each parameter's type).
 * sqe_diff_compat_side.c compiles this list twice, once against liburing 2.3
 * and once against core/compat/liburing.h. */
#include <stdint.h>

#define P(i)  ((void *)(uintptr_t)a[i])
#define I(i)  ((int)a[i])
#define U(i)  ((unsigned)a[i])
#define U64(i) ((uint64_t)a[i])

#define SQE_CASES(X) \
    X(rw,              io_uring_prep_rw(I(0), sqe, I(1), P(2), U(3), U64(4))) \
    X(nop,             io_uring_prep_nop(sqe)) \
    X(read,            io_uring_prep_read(sqe, I(0), P(1), U(2), U64(3))) \
    X(write,           io_uring_prep_write(sqe, I(0), P(1), U(2), U64(3))) \
    X(readv,           io_uring_prep_readv(sqe, I(0), P(1), U(2), U64(3))) \
    X(readv2,          io_uring_prep_readv2(sqe, I(0), P(1), U(2), U64(3), I(4))) \
    X(writev,          io_uring_prep_writev(sqe, I(0), P(1), U(2), U64(3))) \
    X(writev2,         io_uring_prep_writev2(sqe, I(0), P(1), U(2), U64(3), I(4))) \
    X(read_fixed,      io_uring_prep_read_fixed(sqe, I(0), P(1), U(2), U64(3), I(4))) \
    X(write_fixed,     io_uring_prep_write_fixed(sqe, I(0), P(1), U(2), U64(3), I(4))) \
    X(fsync,           io_uring_prep_fsync(sqe, I(0), U(1))) \
    X(sync_file_range, io_uring_prep_sync_file_range(sqe, I(0), U(1), U64(2), I(3))) \
    X(fallocate,       io_uring_prep_fallocate(sqe, I(0), I(1), U64(2), U64(3))) \
    X(fadvise,         io_uring_prep_fadvise(sqe, I(0), U64(1), (__u32)a[2], I(3))) \
    X(madvise,         io_uring_prep_madvise(sqe, P(0), (__u32)a[1], I(2))) \
    X(openat,          io_uring_prep_openat(sqe, I(0), P(1), I(2), (mode_t)a[3])) \
    X(openat_direct,   io_uring_prep_openat_direct(sqe, I(0), P(1), I(2), (mode_t)a[3], U(4))) \
    X(openat2,         io_uring_prep_openat2(sqe, I(0), P(1), P(2))) \
    X(openat2_direct,  io_uring_prep_openat2_direct(sqe, I(0), P(1), P(2), U(3))) \
    X(close,           io_uring_prep_close(sqe, I(0))) \
    X(close_direct,    io_uring_prep_close_direct(sqe, U(0))) \
    X(statx,           io_uring_prep_statx(sqe, I(0), P(1), I(2), U(3), P(4))) \
    X(renameat,        io_uring_prep_renameat(sqe, I(0), P(1), I(2), P(3), U(4))) \
    X(rename,          io_uring_prep_rename(sqe, P(0), P(1))) \
    X(unlinkat,        io_uring_prep_unlinkat(sqe, I(0), P(1), I(2))) \
    X(unlink,          io_uring_prep_unlink(sqe, P(0), I(1))) \
    X(mkdirat,         io_uring_prep_mkdirat(sqe, I(0), P(1), (mode_t)a[2])) \
    X(mkdir,           io_uring_prep_mkdir(sqe, P(0), (mode_t)a[1])) \
    X(symlinkat,       io_uring_prep_symlinkat(sqe, P(0), I(1), P(2))) \
    X(symlink,         io_uring_prep_symlink(sqe, P(0), P(1))) \
    X(linkat,          io_uring_prep_linkat(sqe, I(0), P(1), I(2), P(3), I(4))) \
    X(link,            io_uring_prep_link(sqe, P(0), P(1), I(2))) \
    X(getxattr,        io_uring_prep_getxattr(sqe, P(0), P(1), P(2), U(3))) \
    X(setxattr,        io_uring_prep_setxattr(sqe, P(0), P(1), P(2), I(3), U(4))) \
    X(fgetxattr,       io_uring_prep_fgetxattr(sqe, I(0), P(1), P(2), U(3))) \
    X(fsetxattr,       io_uring_prep_fsetxattr(sqe, I(0), P(1), P(2), I(3), U(4))) \
    X(splice,          io_uring_prep_splice(sqe, I(0), (int64_t)a[1], I(2), (int64_t)a[3], U(4), U(5))) \
    X(tee,             io_uring_prep_tee(sqe, I(0), I(1), U(2), U(3))) \
    X(socket,          io_uring_prep_socket(sqe, I(0), I(1), I(2), U(3))) \
    X(socket_direct,   io_uring_prep_socket_direct(sqe, I(0), I(1), I(2), U(3), U(4))) \
    X(socket_direct_alloc, io_uring_prep_socket_direct_alloc(sqe, I(0), I(1), I(2), U(3))) \
    X(connect,         io_uring_prep_connect(sqe, I(0), P(1), (socklen_t)a[2])) \
    X(accept,          io_uring_prep_accept(sqe, I(0), P(1), P(2), I(3))) \
    X(accept_direct,   io_uring_prep_accept_direct(sqe, I(0), P(1), P(2), I(3), U(4))) \
    X(multishot_accept, io_uring_prep_multishot_accept(sqe, I(0), P(1), P(2), I(3))) \
    X(multishot_accept_direct, io_uring_prep_multishot_accept_direct(sqe, I(0), P(1), P(2), I(3))) \
    X(shutdown,        io_uring_prep_shutdown(sqe, I(0), I(1))) \
    X(send,            io_uring_prep_send(sqe, I(0), P(1), (size_t)U(2), I(3))) \
    X(send_set_addr,   (io_uring_prep_send(sqe, I(0), P(1), (size_t)U(2), I(3)), \
                        io_uring_prep_send_set_addr(sqe, P(4), (__u16)a[5]))) \
    X(send_zc,         io_uring_prep_send_zc(sqe, I(0), P(1), (size_t)U(2), I(3), U(4))) \
    X(send_zc_fixed,   io_uring_prep_send_zc_fixed(sqe, I(0), P(1), (size_t)U(2), I(3), U(4), U(5))) \
    X(sendmsg,         io_uring_prep_sendmsg(sqe, I(0), P(1), U(2))) \
    X(sendmsg_zc,      io_uring_prep_sendmsg_zc(sqe, I(0), P(1), U(2))) \
    X(recv,            io_uring_prep_recv(sqe, I(0), P(1), (size_t)U(2), I(3))) \
    X(recv_multishot,  io_uring_prep_recv_multishot(sqe, I(0), P(1), (size_t)U(2), I(3))) \
    X(recvmsg,         io_uring_prep_recvmsg(sqe, I(0), P(1), U(2))) \
    X(recvmsg_multishot, io_uring_prep_recvmsg_multishot(sqe, I(0), P(1), U(2))) \
    X(poll_add,        io_uring_prep_poll_add(sqe, I(0), U(1))) \
    X(poll_multishot,  io_uring_prep_poll_multishot(sqe, I(0), U(1))) \
    X(poll_remove,     io_uring_prep_poll_remove(sqe, U64(0))) \
    X(poll_update,     io_uring_prep_poll_update(sqe, U64(0), U64(1), U(2), U(3))) \
    X(epoll_ctl,       io_uring_prep_epoll_ctl(sqe, I(0), I(1), I(2), P(3))) \
    X(timeout,         io_uring_prep_timeout(sqe, P(0), U(1), U(2))) \
    X(timeout_remove,  io_uring_prep_timeout_remove(sqe, U64(0), U(1))) \
    X(timeout_update,  io_uring_prep_timeout_update(sqe, P(0), U64(1), U(2))) \
    X(link_timeout,    io_uring_prep_link_timeout(sqe, P(0), U(1))) \
    X(cancel64,        io_uring_prep_cancel64(sqe, U64(0), I(1))) \
    X(cancel,          io_uring_prep_cancel(sqe, P(0), I(1))) \
    X(cancel_fd,       io_uring_prep_cancel_fd(sqe, I(0), U(1))) \
    X(provide_buffers, io_uring_prep_provide_buffers(sqe, P(0), I(1), I(2), I(3), I(4))) \
    X(remove_buffers,  io_uring_prep_remove_buffers(sqe, I(0), I(1))) \
    X(files_update,    io_uring_prep_files_update(sqe, P(0), U(1), I(2))) \
    X(msg_ring,        io_uring_prep_msg_ring(sqe, I(0), U(1), U64(2), U(3))) \
    X(sqe_set_data,    io_uring_sqe_set_data(sqe, P(0))) \
    X(sqe_set_data64,  io_uring_sqe_set_data64(sqe, U64(0))) \
    X(sqe_set_flags,   io_uring_sqe_set_flags(sqe, U(0)))

#define SQE_NAME(name, call) K_##name,
enum { SQE_CASES(SQE_NAME) K_COUNT };

/* ops whose last index argument (the one at position idx) may be
   IORING_FILE_INDEX_ALLOC: liburing 2.3 stores ALLOC + 1 (= 0), 2.4+ and the
   compat layer ALLOC (see DIFFERENCES.md) */
struct sqe_alloc_case { int k; int idx; };

void sqe_case_lu(int k, void *sqe, const uint64_t *a);
/* sqe_diff_compat_newer.c: helpers newer than liburing 2.3 */
int sqe_newer_count(void);
const char *sqe_newer_name(int k);
void sqe_newer_compat(int k, void *sqe, const uint64_t *a);
void sqe_newer_model(int k, void *sqe, const uint64_t *a);
void sqe_case_hr(int k, void *sqe, const uint64_t *a);
