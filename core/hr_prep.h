/* hr_prep.h -- prep helpers, static inline.  Contracts: specs/hr_prep_spec.h.
 * Each writes every field of the SQE: the op's own fields from the
 * arguments, every other field 0 (so a reused SQE carries nothing over).
 *
 * hr_prep_X takes the arguments of liburing's io_uring_prep_X, in the same
 * order, with fixed-width types (int -> int32_t, unsigned/socklen_t/mode_t
 * -> uint32_t, size_t -> uint32_t where the kernel field is 32 bits, off_t
 * -> uint64_t).  Each helper converts its pointers itself with HR_PTR64 and
 * passes integers on: hr_prep_rw takes the address as a u64 (WP cannot relate
 * a struct pointer passed on as a void * to the original pointer).
 *
 * Differences from liburing (all deliberate, all checked by tests/sqe_diff.c):
 *   - user_data is zeroed (liburing leaves it as it was);
 *   - every *_direct variant, close_direct included, maps the slot
 *     IORING_FILE_INDEX_ALLOC to file_index IORING_FILE_INDEX_ALLOC, not to
 *     ALLOC + 1 == 0 (liburing 2.3 wraps it to 0, "no direct descriptor";
 *     newer liburing maps it like us except in close_direct). */
#ifndef HRINGAS_PREP_H
#define HRINGAS_PREP_H

#include "hr_compiler.h"
HR_BEGIN_DECLS

#include "hr_prep_spec.h"

/* ---- shapes -------------------------------------------------------------- */

/* Prepare `sqe` for opcode `op` on fd, with addr (already an integer), len
 * and off; every other field zeroed.  The shape every other helper starts
 * from.  No return value.  Matches io_uring_prep_rw in liburing. */
static inline void hr_prep_rw(uint8_t op, struct hr_sqe *sqe, int32_t fd,
                              uint64_t addr, uint32_t len, uint64_t off)
{
    sqe->opcode      = op;
    sqe->flags       = 0;
    sqe->ioprio      = 0;
    sqe->fd          = fd;
    sqe->off         = off;
    sqe->addr        = addr;
    sqe->len         = len;
    sqe->op_flags    = 0;
    sqe->user_data   = 0;
    sqe->buf_index   = 0;
    sqe->personality = 0;
    sqe->file_index  = 0;
    sqe->addr3       = 0;
    sqe->pad2        = 0;
}

static inline uint32_t hr__direct_index(uint32_t slot)
{
    return slot == IORING_FILE_INDEX_ALLOC ? slot : slot + 1u;
}

/* Prepare `sqe` for IORING_OP_NOP.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_nop in liburing. */
static inline void hr_prep_nop(struct hr_sqe *sqe)
{
    hr_prep_rw(IORING_OP_NOP, sqe, -1, 0, 0, 0);
}

/* IORING_OP_NOP128 (Linux 6.19): a NOP in a 128-byte SQE of an
 * IORING_SETUP_SQE_MIXED ring (hr_get_sqe128).  Every field of the first 64
 * bytes it does not name is zeroed; no return value.
 * Matches io_uring_prep_nop128 in liburing. */
static inline void hr_prep_nop128(struct hr_sqe *sqe)
{
    hr_prep_rw(HR_OP_NOP128, sqe, -1, 0, 0, 0);
}

/* NOP with IORING_NOP_* flags: nop_flags in op_flags; with INJECT_RESULT the
 * CQE's res is result (in len); with FILE (+ FIXED_FILE) the kernel looks up
 * fd; with FIXED_BUFFER registered buffer buf_index; with CQE32 (a CQE32 or
 * CQE_MIXED ring) the big CQE carries extra1 (off) and extra2 (addr).  No
 * return value.  No liburing helper: liburing 2.15 sets these fields by hand
 * after io_uring_prep_nop (its test/nop.c); with nop_flags 0, fd -1 and the
 * rest 0 this is hr_prep_nop. */
static inline void hr_prep_nop_flags(struct hr_sqe *sqe, uint32_t nop_flags,
                                     int32_t fd, int32_t result,
                                     uint16_t buf_index, uint64_t extra1,
                                     uint64_t extra2)
{
    hr_prep_rw(IORING_OP_NOP, sqe, fd, extra2, (uint32_t)result, extra1);
    sqe->op_flags = nop_flags;
    sqe->buf_index = buf_index;
}

/* ---- read / write -------------------------------------------------------- */

/* Prepare `sqe` for IORING_OP_READ.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_read in liburing. */
static inline void hr_prep_read(struct hr_sqe *sqe, int32_t fd, void *buf,
                                uint32_t nbytes, uint64_t offset)
{
    hr_prep_rw(IORING_OP_READ, sqe, fd, HR_PTR64(buf), nbytes, offset);
}

/* Prepare `sqe` for IORING_OP_WRITE.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_write in liburing. */
static inline void hr_prep_write(struct hr_sqe *sqe, int32_t fd,
                                 const void *buf, uint32_t nbytes,
                                 uint64_t offset)
{
    hr_prep_rw(IORING_OP_WRITE, sqe, fd, HR_PTR64(buf), nbytes, offset);
}

/* Prepare `sqe` for IORING_OP_READV.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_readv in liburing. */
static inline void hr_prep_readv(struct hr_sqe *sqe, int32_t fd,
                                 const struct iovec *iovecs, uint32_t nr_vecs,
                                 uint64_t offset)
{
    hr_prep_rw(IORING_OP_READV, sqe, fd, HR_PTR64(iovecs), nr_vecs, offset);
}

/* Prepare `sqe` for IORING_OP_READV; readv with RWF_* flags.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_readv2 in liburing. */
static inline void hr_prep_readv2(struct hr_sqe *sqe, int32_t fd,
                                  const struct iovec *iovecs, uint32_t nr_vecs,
                                  uint64_t offset, int32_t flags)
{
    hr_prep_rw(IORING_OP_READV, sqe, fd, HR_PTR64(iovecs), nr_vecs, offset);
    sqe->op_flags = (uint32_t)flags;
}

/* Prepare `sqe` for IORING_OP_WRITEV.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_writev in liburing. */
static inline void hr_prep_writev(struct hr_sqe *sqe, int32_t fd,
                                  const struct iovec *iovecs, uint32_t nr_vecs,
                                  uint64_t offset)
{
    hr_prep_rw(IORING_OP_WRITEV, sqe, fd, HR_PTR64(iovecs), nr_vecs, offset);
}

/* Prepare `sqe` for IORING_OP_WRITEV; writev with RWF_* flags.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_writev2 in liburing. */
static inline void hr_prep_writev2(struct hr_sqe *sqe, int32_t fd,
                                   const struct iovec *iovecs, uint32_t nr_vecs,
                                   uint64_t offset, int32_t flags)
{
    hr_prep_rw(IORING_OP_WRITEV, sqe, fd, HR_PTR64(iovecs), nr_vecs, offset);
    sqe->op_flags = (uint32_t)flags;
}

/* Prepare `sqe` for IORING_OP_READ_FIXED; buf inside registered buffer buf_index.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_read_fixed in liburing. */
static inline void hr_prep_read_fixed(struct hr_sqe *sqe, int32_t fd,
                                      void *buf, uint32_t nbytes,
                                      uint64_t offset, int32_t buf_index)
{
    hr_prep_rw(IORING_OP_READ_FIXED, sqe, fd, HR_PTR64(buf), nbytes, offset);
    sqe->buf_index = (uint16_t)buf_index;
}

/* Prepare `sqe` for IORING_OP_WRITE_FIXED.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_write_fixed in liburing. */
static inline void hr_prep_write_fixed(struct hr_sqe *sqe, int32_t fd,
                                       const void *buf, uint32_t nbytes,
                                       uint64_t offset, int32_t buf_index)
{
    hr_prep_rw(IORING_OP_WRITE_FIXED, sqe, fd, HR_PTR64(buf), nbytes, offset);
    sqe->buf_index = (uint16_t)buf_index;
}

/* Vectored read into registered buffer buf_index: iovecs must lie inside it;
 * flags are RWF_* as for readv2.  No return value.
 * Matches io_uring_prep_readv_fixed in liburing (kernel 6.15+). */
static inline void hr_prep_readv_fixed(struct hr_sqe *sqe, int32_t fd,
                                       const struct iovec *iovecs,
                                       uint32_t nr_vecs, uint64_t offset,
                                       int32_t flags, int32_t buf_index)
{
    hr_prep_rw(HR_OP_READV_FIXED, sqe, fd, HR_PTR64(iovecs), nr_vecs, offset);
    sqe->op_flags = (uint32_t)flags;
    sqe->buf_index = (uint16_t)buf_index;
}

/* Vectored write from registered buffer buf_index (see readv_fixed).  No
 * return value.  Matches io_uring_prep_writev_fixed in liburing (6.15+). */
static inline void hr_prep_writev_fixed(struct hr_sqe *sqe, int32_t fd,
                                        const struct iovec *iovecs,
                                        uint32_t nr_vecs, uint64_t offset,
                                        int32_t flags, int32_t buf_index)
{
    hr_prep_rw(HR_OP_WRITEV_FIXED, sqe, fd, HR_PTR64(iovecs), nr_vecs,
               offset);
    sqe->op_flags = (uint32_t)flags;
    sqe->buf_index = (uint16_t)buf_index;
}

/* Prepare `sqe` for IORING_OP_READ_MULTISHOT (not in liburing 2.3): buffers from group
 * buf_group.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_read_multishot in liburing. */
static inline void hr_prep_read_multishot(struct hr_sqe *sqe, int32_t fd,
                                          uint32_t nbytes, uint64_t offset,
                                          int32_t buf_group)
{
    hr_prep_rw(HR_OP_READ_MULTISHOT, sqe, fd, 0, nbytes, offset);
    sqe->buf_index = (uint16_t)buf_group;
    sqe->flags = IOSQE_BUFFER_SELECT;
}

/* ---- file sync, space, advice -------------------------------------------- */

/* Prepare `sqe` for IORING_OP_FSYNC; (fsync_flags: IORING_FSYNC_DATASYNC).
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_fsync in liburing. */
static inline void hr_prep_fsync(struct hr_sqe *sqe, int32_t fd,
                                 uint32_t fsync_flags)
{
    hr_prep_rw(IORING_OP_FSYNC, sqe, fd, 0, 0, 0);
    sqe->op_flags = fsync_flags;
}

/* Prepare `sqe` for IORING_OP_SYNC_FILE_RANGE.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_sync_file_range in liburing. */
static inline void hr_prep_sync_file_range(struct hr_sqe *sqe, int32_t fd,
                                           uint32_t len, uint64_t offset,
                                           int32_t flags)
{
    hr_prep_rw(IORING_OP_SYNC_FILE_RANGE, sqe, fd, 0, len, offset);
    sqe->op_flags = (uint32_t)flags;
}

/* Prepare `sqe` for IORING_OP_FALLOCATE; mode in len, length in addr.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_fallocate in liburing. */
static inline void hr_prep_fallocate(struct hr_sqe *sqe, int32_t fd,
                                     int32_t mode, uint64_t offset,
                                     uint64_t len)
{
    hr_prep_rw(IORING_OP_FALLOCATE, sqe, fd, len, (uint32_t)mode, offset);
}

/* Prepare `sqe` for IORING_OP_FADVISE; (32-bit length).
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_fadvise in liburing. */
static inline void hr_prep_fadvise(struct hr_sqe *sqe, int32_t fd,
                                   uint64_t offset, uint32_t len,
                                   int32_t advice)
{
    hr_prep_rw(IORING_OP_FADVISE, sqe, fd, 0, len, offset);
    sqe->op_flags = (uint32_t)advice;
}

/* Prepare `sqe` for IORING_OP_FADVISE (not in liburing 2.3): 64-bit length in addr.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_fadvise64 in liburing. */
static inline void hr_prep_fadvise64(struct hr_sqe *sqe, int32_t fd,
                                     uint64_t offset, uint64_t len,
                                     int32_t advice)
{
    hr_prep_rw(IORING_OP_FADVISE, sqe, fd, len, 0, offset);
    sqe->op_flags = (uint32_t)advice;
}

/* Prepare `sqe` for IORING_OP_MADVISE; (32-bit length).
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_madvise in liburing. */
static inline void hr_prep_madvise(struct hr_sqe *sqe, void *addr,
                                   uint32_t length, int32_t advice)
{
    hr_prep_rw(IORING_OP_MADVISE, sqe, -1, HR_PTR64(addr), length, 0);
    sqe->op_flags = (uint32_t)advice;
}

/* Prepare `sqe` for IORING_OP_MADVISE (not in liburing 2.3): 64-bit length in off.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_madvise64 in liburing. */
static inline void hr_prep_madvise64(struct hr_sqe *sqe, void *addr,
                                     uint64_t length, int32_t advice)
{
    hr_prep_rw(IORING_OP_MADVISE, sqe, -1, HR_PTR64(addr), 0, length);
    sqe->op_flags = (uint32_t)advice;
}

/* Prepare `sqe` for IORING_OP_FTRUNCATE (not in liburing 2.3).
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_ftruncate in liburing. */
static inline void hr_prep_ftruncate(struct hr_sqe *sqe, int32_t fd,
                                     uint64_t len)
{
    hr_prep_rw(HR_OP_FTRUNCATE, sqe, fd, 0, 0, len);
}

/* ---- open / close -------------------------------------------------------- */

/* Prepare `sqe` for IORING_OP_OPENAT.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_openat in liburing. */
static inline void hr_prep_openat(struct hr_sqe *sqe, int32_t dfd,
                                  const char *path, int32_t flags,
                                  uint32_t mode)
{
    hr_prep_rw(IORING_OP_OPENAT, sqe, dfd, HR_PTR64(path), mode, 0);
    sqe->op_flags = (uint32_t)flags;
}

/* Prepare `sqe` as hr_prep_openat does (not in liburing 2.3): openat relative to AT_FDCWD.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_open in liburing. */
static inline void hr_prep_open(struct hr_sqe *sqe, const char *path,
                                int32_t flags, uint32_t mode)
{
    hr_prep_openat(sqe, HR_AT_FDCWD, path, flags, mode);
}

/* Prepare `sqe` as hr_prep_openat does; into fixed-file slot file_index (or ALLOC).
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_openat_direct in liburing. */
static inline void hr_prep_openat_direct(struct hr_sqe *sqe, int32_t dfd,
                                         const char *path, int32_t flags,
                                         uint32_t mode, uint32_t file_index)
{
    hr_prep_openat(sqe, dfd, path, flags, mode);
    sqe->file_index = hr__direct_index(file_index);
}

/* Prepare `sqe` as hr_prep_openat_direct does (not in liburing 2.3).
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_open_direct in liburing. */
static inline void hr_prep_open_direct(struct hr_sqe *sqe, const char *path,
                                       int32_t flags, uint32_t mode,
                                       uint32_t file_index)
{
    hr_prep_openat_direct(sqe, HR_AT_FDCWD, path, flags, mode, file_index);
}

/* Prepare `sqe` for IORING_OP_OPENAT2; how in off, its size in len.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_openat2 in liburing. */
static inline void hr_prep_openat2(struct hr_sqe *sqe, int32_t dfd,
                                   const char *path, struct open_how *how)
{
    hr_prep_rw(IORING_OP_OPENAT2, sqe, dfd, HR_PTR64(path), HR_OPEN_HOW_SIZE,
               HR_PTR64(how));
}

/* Prepare `sqe` as hr_prep_openat2 does.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_openat2_direct in liburing. */
static inline void hr_prep_openat2_direct(struct hr_sqe *sqe, int32_t dfd,
                                          const char *path,
                                          struct open_how *how,
                                          uint32_t file_index)
{
    hr_prep_openat2(sqe, dfd, path, how);
    sqe->file_index = hr__direct_index(file_index);
}

/* Prepare `sqe` for IORING_OP_CLOSE.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_close in liburing. */
static inline void hr_prep_close(struct hr_sqe *sqe, int32_t fd)
{
    hr_prep_rw(IORING_OP_CLOSE, sqe, fd, 0, 0, 0);
}

/* Prepare `sqe` for IORING_OP_CLOSE; close fixed-file slot file_index.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_close_direct in liburing. */
static inline void hr_prep_close_direct(struct hr_sqe *sqe,
                                        uint32_t file_index)
{
    hr_prep_rw(IORING_OP_CLOSE, sqe, 0, 0, 0, 0);
    sqe->file_index = hr__direct_index(file_index);
}

/* Prepare `sqe` for IORING_OP_FIXED_FD_INSTALL (not in liburing 2.3): fd is a fixed
 * file; flags: IORING_FIXED_FD_NO_CLOEXEC.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_fixed_fd_install in liburing. */
static inline void hr_prep_fixed_fd_install(struct hr_sqe *sqe, int32_t fd,
                                            uint32_t flags)
{
    hr_prep_rw(HR_OP_FIXED_FD_INSTALL, sqe, fd, 0, 0, 0);
    sqe->flags = IOSQE_FIXED_FILE;
    sqe->op_flags = flags;
}

/* ---- paths --------------------------------------------------------------- */

/* Prepare `sqe` for IORING_OP_STATX; mask in len, statxbuf in off (addr2).
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_statx in liburing. */
static inline void hr_prep_statx(struct hr_sqe *sqe, int32_t dfd,
                                 const char *path, int32_t flags,
                                 uint32_t mask, struct statx *statxbuf)
{
    hr_prep_rw(IORING_OP_STATX, sqe, dfd, HR_PTR64(path), mask,
               HR_PTR64(statxbuf));
    sqe->op_flags = (uint32_t)flags;
}

/* Prepare `sqe` for IORING_OP_RENAMEAT; newdfd in len, newpath in off.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_renameat in liburing. */
static inline void hr_prep_renameat(struct hr_sqe *sqe, int32_t olddfd,
                                    const char *oldpath, int32_t newdfd,
                                    const char *newpath, uint32_t flags)
{
    hr_prep_rw(IORING_OP_RENAMEAT, sqe, olddfd, HR_PTR64(oldpath),
               (uint32_t)newdfd, HR_PTR64(newpath));
    sqe->op_flags = flags;
}

/* Prepare `sqe` as hr_prep_renameat does.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_rename in liburing. */
static inline void hr_prep_rename(struct hr_sqe *sqe, const char *oldpath,
                                  const char *newpath)
{
    hr_prep_renameat(sqe, HR_AT_FDCWD, oldpath, HR_AT_FDCWD, newpath, 0);
}

/* Prepare `sqe` for IORING_OP_UNLINKAT; (flags: AT_REMOVEDIR).
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_unlinkat in liburing. */
static inline void hr_prep_unlinkat(struct hr_sqe *sqe, int32_t dfd,
                                    const char *path, int32_t flags)
{
    hr_prep_rw(IORING_OP_UNLINKAT, sqe, dfd, HR_PTR64(path), 0, 0);
    sqe->op_flags = (uint32_t)flags;
}

/* Prepare `sqe` as hr_prep_unlinkat does.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_unlink in liburing. */
static inline void hr_prep_unlink(struct hr_sqe *sqe, const char *path,
                                  int32_t flags)
{
    hr_prep_unlinkat(sqe, HR_AT_FDCWD, path, flags);
}

/* Prepare `sqe` for IORING_OP_MKDIRAT.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_mkdirat in liburing. */
static inline void hr_prep_mkdirat(struct hr_sqe *sqe, int32_t dfd,
                                   const char *path, uint32_t mode)
{
    hr_prep_rw(IORING_OP_MKDIRAT, sqe, dfd, HR_PTR64(path), mode, 0);
}

/* Prepare `sqe` as hr_prep_mkdirat does.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_mkdir in liburing. */
static inline void hr_prep_mkdir(struct hr_sqe *sqe, const char *path,
                                 uint32_t mode)
{
    hr_prep_mkdirat(sqe, HR_AT_FDCWD, path, mode);
}

/* Prepare `sqe` for IORING_OP_SYMLINKAT; target in addr, linkpath in off.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_symlinkat in liburing. */
static inline void hr_prep_symlinkat(struct hr_sqe *sqe, const char *target,
                                     int32_t newdirfd, const char *linkpath)
{
    hr_prep_rw(IORING_OP_SYMLINKAT, sqe, newdirfd, HR_PTR64(target), 0,
               HR_PTR64(linkpath));
}

/* Prepare `sqe` as hr_prep_symlinkat does.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_symlink in liburing. */
static inline void hr_prep_symlink(struct hr_sqe *sqe, const char *target,
                                   const char *linkpath)
{
    hr_prep_symlinkat(sqe, target, HR_AT_FDCWD, linkpath);
}

/* Prepare `sqe` for IORING_OP_LINKAT; newdfd in len, newpath in off.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_linkat in liburing. */
static inline void hr_prep_linkat(struct hr_sqe *sqe, int32_t olddfd,
                                  const char *oldpath, int32_t newdfd,
                                  const char *newpath, int32_t flags)
{
    hr_prep_rw(IORING_OP_LINKAT, sqe, olddfd, HR_PTR64(oldpath),
               (uint32_t)newdfd, HR_PTR64(newpath));
    sqe->op_flags = (uint32_t)flags;
}

/* Prepare `sqe` as hr_prep_linkat does.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_link in liburing. */
static inline void hr_prep_link(struct hr_sqe *sqe, const char *oldpath,
                                const char *newpath, int32_t flags)
{
    hr_prep_linkat(sqe, HR_AT_FDCWD, oldpath, HR_AT_FDCWD, newpath, flags);
}

/* ---- extended attributes ------------------------------------------------- */

/* Prepare `sqe` for IORING_OP_GETXATTR; name in addr, value in off, path in addr3.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_getxattr in liburing. */
static inline void hr_prep_getxattr(struct hr_sqe *sqe, const char *name,
                                    char *value, const char *path,
                                    uint32_t len)
{
    hr_prep_rw(IORING_OP_GETXATTR, sqe, 0, HR_PTR64(name), len,
               HR_PTR64(value));
    sqe->addr3 = HR_PTR64(path);
}

/* Prepare `sqe` for IORING_OP_SETXATTR.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_setxattr in liburing. */
static inline void hr_prep_setxattr(struct hr_sqe *sqe, const char *name,
                                    const char *value, const char *path,
                                    int32_t flags, uint32_t len)
{
    hr_prep_rw(IORING_OP_SETXATTR, sqe, 0, HR_PTR64(name), len,
               HR_PTR64(value));
    sqe->addr3 = HR_PTR64(path);
    sqe->op_flags = (uint32_t)flags;
}

/* Prepare `sqe` for IORING_OP_FGETXATTR.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_fgetxattr in liburing. */
static inline void hr_prep_fgetxattr(struct hr_sqe *sqe, int32_t fd,
                                     const char *name, char *value,
                                     uint32_t len)
{
    hr_prep_rw(IORING_OP_FGETXATTR, sqe, fd, HR_PTR64(name), len,
               HR_PTR64(value));
}

/* Prepare `sqe` for IORING_OP_FSETXATTR.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_fsetxattr in liburing. */
static inline void hr_prep_fsetxattr(struct hr_sqe *sqe, int32_t fd,
                                     const char *name, const char *value,
                                     int32_t flags, uint32_t len)
{
    hr_prep_rw(IORING_OP_FSETXATTR, sqe, fd, HR_PTR64(name), len,
               HR_PTR64(value));
    sqe->op_flags = (uint32_t)flags;
}

/* ---- pipes --------------------------------------------------------------- */

/* Prepare `sqe` for IORING_OP_SPLICE; fd_in in splice_fd_in (file_index), off_in in
 * splice_off_in (addr); SPLICE_F_FD_IN_FIXED in splice_flags.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_splice in liburing. */
static inline void hr_prep_splice(struct hr_sqe *sqe, int32_t fd_in,
                                  int64_t off_in, int32_t fd_out,
                                  int64_t off_out, uint32_t nbytes,
                                  uint32_t splice_flags)
{
    hr_prep_rw(IORING_OP_SPLICE, sqe, fd_out, (uint64_t)off_in, nbytes,
               (uint64_t)off_out);
    sqe->file_index = (uint32_t)fd_in;
    sqe->op_flags = splice_flags;
}

/* Prepare `sqe` for IORING_OP_TEE.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_tee in liburing. */
static inline void hr_prep_tee(struct hr_sqe *sqe, int32_t fd_in,
                               int32_t fd_out, uint32_t nbytes,
                               uint32_t splice_flags)
{
    hr_prep_rw(IORING_OP_TEE, sqe, fd_out, 0, nbytes, 0);
    sqe->file_index = (uint32_t)fd_in;
    sqe->op_flags = splice_flags;
}

/* pipe2(fds, pipe_flags) as a request: the kernel writes the two new fds
 * into fds[0..1] (pipe_flags: O_CLOEXEC, O_NONBLOCK, O_DIRECT).  No return
 * value.  Matches io_uring_prep_pipe in liburing (kernel 6.16+). */
static inline void hr_prep_pipe(struct hr_sqe *sqe, int32_t *fds,
                                int32_t pipe_flags)
{
    hr_prep_rw(HR_OP_PIPE, sqe, 0, HR_PTR64(fds), 0, 0);
    sqe->op_flags = (uint32_t)pipe_flags;
}

/* pipe into the fixed-file table: slots file_index and file_index + 1, or
 * two free slots with IORING_FILE_INDEX_ALLOC; fds[0..1] get the slots.  No
 * return value.  Matches io_uring_prep_pipe_direct in liburing. */
static inline void hr_prep_pipe_direct(struct hr_sqe *sqe, int32_t *fds,
                                       int32_t pipe_flags, uint32_t file_index)
{
    hr_prep_pipe(sqe, fds, pipe_flags);
    sqe->file_index = hr__direct_index(file_index);
}

/* ---- sockets: setup ------------------------------------------------------ */

/* Prepare `sqe` for IORING_OP_SOCKET; type in off, protocol in len.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_socket in liburing. */
static inline void hr_prep_socket(struct hr_sqe *sqe, int32_t domain,
                                  int32_t type, int32_t protocol,
                                  uint32_t flags)
{
    hr_prep_rw(IORING_OP_SOCKET, sqe, domain, 0, (uint32_t)protocol,
               (uint64_t)type);
    sqe->op_flags = flags;
}

/* Prepare `sqe` as hr_prep_socket does.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_socket_direct in liburing. */
static inline void hr_prep_socket_direct(struct hr_sqe *sqe, int32_t domain,
                                         int32_t type, int32_t protocol,
                                         uint32_t file_index, uint32_t flags)
{
    hr_prep_socket(sqe, domain, type, protocol, flags);
    sqe->file_index = hr__direct_index(file_index);
}

/* Prepare `sqe` as hr_prep_socket does.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_socket_direct_alloc in liburing. */
static inline void hr_prep_socket_direct_alloc(struct hr_sqe *sqe,
                                               int32_t domain, int32_t type,
                                               int32_t protocol,
                                               uint32_t flags)
{
    hr_prep_socket(sqe, domain, type, protocol, flags);
    sqe->file_index = IORING_FILE_INDEX_ALLOC;
}

/* Prepare `sqe` for IORING_OP_BIND (not in liburing 2.3): addrlen in off.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_bind in liburing. */
static inline void hr_prep_bind(struct hr_sqe *sqe, int32_t fd,
                                struct sockaddr *addr, uint32_t addrlen)
{
    hr_prep_rw(HR_OP_BIND, sqe, fd, HR_PTR64(addr), 0, addrlen);
}

/* Prepare `sqe` for IORING_OP_LISTEN (not in liburing 2.3): backlog in len.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_listen in liburing. */
static inline void hr_prep_listen(struct hr_sqe *sqe, int32_t fd,
                                  int32_t backlog)
{
    hr_prep_rw(HR_OP_LISTEN, sqe, fd, 0, (uint32_t)backlog, 0);
}

/* Prepare `sqe` for IORING_OP_CONNECT; addrlen in off.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_connect in liburing. */
static inline void hr_prep_connect(struct hr_sqe *sqe, int32_t fd,
                                   const struct sockaddr *addr,
                                   uint32_t addrlen)
{
    hr_prep_rw(IORING_OP_CONNECT, sqe, fd, HR_PTR64(addr), 0, addrlen);
}

/* Prepare `sqe` for IORING_OP_ACCEPT; the addrlen pointer in off (addr2).
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_accept in liburing. */
static inline void hr_prep_accept(struct hr_sqe *sqe, int32_t fd,
                                  struct sockaddr *addr, uint32_t *addrlen,
                                  int32_t flags)
{
    hr_prep_rw(IORING_OP_ACCEPT, sqe, fd, HR_PTR64(addr), 0,
               HR_PTR64(addrlen));
    sqe->op_flags = (uint32_t)flags;
}

/* Prepare `sqe` as hr_prep_accept does.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_accept_direct in liburing. */
static inline void hr_prep_accept_direct(struct hr_sqe *sqe, int32_t fd,
                                         struct sockaddr *addr,
                                         uint32_t *addrlen, int32_t flags,
                                         uint32_t file_index)
{
    hr_prep_accept(sqe, fd, addr, addrlen, flags);
    sqe->file_index = hr__direct_index(file_index);
}

/* Prepare `sqe` as hr_prep_accept does.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_multishot_accept in liburing. */
static inline void hr_prep_multishot_accept(struct hr_sqe *sqe, int32_t fd,
                                            struct sockaddr *addr,
                                            uint32_t *addrlen, int32_t flags)
{
    hr_prep_accept(sqe, fd, addr, addrlen, flags);
    sqe->ioprio = IORING_ACCEPT_MULTISHOT;
}

/* Prepare `sqe` as hr_prep_multishot_accept does; slots always allocated.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_multishot_accept_direct in liburing. */
static inline void hr_prep_multishot_accept_direct(struct hr_sqe *sqe,
                                                   int32_t fd,
                                                   struct sockaddr *addr,
                                                   uint32_t *addrlen,
                                                   int32_t flags)
{
    hr_prep_multishot_accept(sqe, fd, addr, addrlen, flags);
    sqe->file_index = IORING_FILE_INDEX_ALLOC;
}

/* Prepare `sqe` for IORING_OP_SHUTDOWN.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_shutdown in liburing. */
static inline void hr_prep_shutdown(struct hr_sqe *sqe, int32_t fd,
                                    int32_t how)
{
    hr_prep_rw(IORING_OP_SHUTDOWN, sqe, fd, 0, (uint32_t)how, 0);
}

/* ---- sockets: data ------------------------------------------------------- */

/* Prepare `sqe` for IORING_OP_SEND.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_send in liburing. */
static inline void hr_prep_send(struct hr_sqe *sqe, int32_t sockfd,
                                const void *buf, uint32_t len, int32_t flags)
{
    hr_prep_rw(IORING_OP_SEND, sqe, sockfd, HR_PTR64(buf), len, 0);
    sqe->op_flags = (uint32_t)flags;
}

/* Send of up to len bytes from several provided buffers at once
 * (IORING_RECVSEND_BUNDLE in ioprio); the caller adds IOSQE_BUFFER_SELECT
 * and the buffer group (sqe->buf_index).  Kernel 6.10+
 * (IORING_FEAT_RECVSEND_BUNDLE).  No return value.  Matches
 * io_uring_prep_send_bundle in liburing.  A recv bundle is hr_prep_recv with
 * NULL, 0 and the same three fields (liburing has no helper for it). */
static inline void hr_prep_send_bundle(struct hr_sqe *sqe, int32_t sockfd,
                                       uint32_t len, int32_t flags)
{
    hr_prep_rw(IORING_OP_SEND, sqe, sockfd, 0, len, 0);
    sqe->op_flags = (uint32_t)flags;
    sqe->ioprio = IORING_RECVSEND_BUNDLE;
}

/* Prepare `sqe`; (also zeroes addr_len's pad, which the kernel
 * requires to be 0).
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_send_set_addr in liburing. */
static inline void hr_prep_send_set_addr(struct hr_sqe *sqe,
                                         const struct sockaddr *dest_addr,
                                         uint16_t addr_len)
{
    sqe->off = HR_PTR64(dest_addr);
    sqe->file_index = addr_len;
}

/* Prepare `sqe` as hr_prep_send does (not in liburing 2.3): dest addr in addr2, its
 * length in addr_len (16 bits).
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_sendto in liburing. */
static inline void hr_prep_sendto(struct hr_sqe *sqe, int32_t sockfd,
                                  const void *buf, uint32_t len, int32_t flags,
                                  const struct sockaddr *addr,
                                  uint32_t addrlen)
{
    hr_prep_send(sqe, sockfd, buf, len, flags);
    sqe->off = HR_PTR64(addr);
    sqe->file_index = (uint16_t)addrlen;
}

/* Prepare `sqe` for IORING_OP_SEND_ZC; zc_flags (IORING_RECVSEND_*, IORING_SEND_ZC_*) in
 * ioprio.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_send_zc in liburing. */
static inline void hr_prep_send_zc(struct hr_sqe *sqe, int32_t sockfd,
                                   const void *buf, uint32_t len,
                                   int32_t flags, uint32_t zc_flags)
{
    hr_prep_rw(IORING_OP_SEND_ZC, sqe, sockfd, HR_PTR64(buf), len, 0);
    sqe->op_flags = (uint32_t)flags;
    sqe->ioprio = (uint16_t)zc_flags;
}

/* Prepare `sqe` for IORING_OP_SEND_ZC; from registered buffer buf_index.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_send_zc_fixed in liburing. */
static inline void hr_prep_send_zc_fixed(struct hr_sqe *sqe, int32_t sockfd,
                                         const void *buf, uint32_t len,
                                         int32_t flags, uint32_t zc_flags,
                                         uint32_t buf_index)
{
    hr_prep_rw(IORING_OP_SEND_ZC, sqe, sockfd, HR_PTR64(buf), len, 0);
    sqe->op_flags = (uint32_t)flags;
    sqe->ioprio = (uint16_t)(zc_flags | IORING_RECVSEND_FIXED_BUF);
    sqe->buf_index = (uint16_t)buf_index;
}

/* Prepare `sqe` for IORING_OP_SENDMSG.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_sendmsg in liburing. */
static inline void hr_prep_sendmsg(struct hr_sqe *sqe, int32_t fd,
                                   const struct msghdr *msg, uint32_t flags)
{
    hr_prep_rw(IORING_OP_SENDMSG, sqe, fd, HR_PTR64(msg), 1, 0);
    sqe->op_flags = flags;
}

/* Prepare `sqe` for IORING_OP_SENDMSG_ZC.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_sendmsg_zc in liburing. */
static inline void hr_prep_sendmsg_zc(struct hr_sqe *sqe, int32_t fd,
                                      const struct msghdr *msg,
                                      uint32_t flags)
{
    hr_prep_rw(IORING_OP_SENDMSG_ZC, sqe, fd, HR_PTR64(msg), 1, 0);
    sqe->op_flags = flags;
}

/* Prepare `sqe` for IORING_OP_RECV.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_recv in liburing. */
static inline void hr_prep_recv(struct hr_sqe *sqe, int32_t sockfd,
                                void *buf, uint32_t len, int32_t flags)
{
    hr_prep_rw(IORING_OP_RECV, sqe, sockfd, HR_PTR64(buf), len, 0);
    sqe->op_flags = (uint32_t)flags;
}

/* Prepare `sqe` as hr_prep_recv does.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_recv_multishot in liburing. */
static inline void hr_prep_recv_multishot(struct hr_sqe *sqe, int32_t sockfd,
                                          void *buf, uint32_t len,
                                          int32_t flags)
{
    hr_prep_recv(sqe, sockfd, buf, len, flags);
    sqe->ioprio = IORING_RECV_MULTISHOT;
}

/* Prepare `sqe` for IORING_OP_RECVMSG.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_recvmsg in liburing. */
static inline void hr_prep_recvmsg(struct hr_sqe *sqe, int32_t fd,
                                   struct msghdr *msg, uint32_t flags)
{
    hr_prep_rw(IORING_OP_RECVMSG, sqe, fd, HR_PTR64(msg), 1, 0);
    sqe->op_flags = flags;
}

/* Prepare `sqe` as hr_prep_recvmsg does.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_recvmsg_multishot in liburing. */
static inline void hr_prep_recvmsg_multishot(struct hr_sqe *sqe, int32_t fd,
                                             struct msghdr *msg,
                                             uint32_t flags)
{
    hr_prep_recvmsg(sqe, fd, msg, flags);
    sqe->ioprio = IORING_RECV_MULTISHOT;
}

/* Prepare `sqe` for IORING_OP_URING_CMD (not in liburing 2.3): cmd_op
 * HR_SOCKET_URING_OP_GETSOCKOPT / _SETSOCKOPT (or _SIOCINQ / _SIOCOUTQ).
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_cmd_sock in liburing. */
static inline void hr_prep_cmd_sock(struct hr_sqe *sqe, int32_t cmd_op,
                                    int32_t fd, int32_t level, int32_t optname,
                                    void *optval, int32_t optlen)
{
    hr_prep_rw(IORING_OP_URING_CMD, sqe, fd,
               (uint64_t)(uint32_t)optname * 0x100000000u + (uint32_t)level,
               0, (uint32_t)cmd_op);
    sqe->file_index = (uint32_t)optlen;
    sqe->addr3 = HR_PTR64(optval);
}

/* IORING_OP_URING_CMD: command cmd_op (in the low half of off) of the file
 * fd's driver; the command's own fields (addr, addr3, ...) are the caller's,
 * here 0.  No return value.  Matches io_uring_prep_uring_cmd in liburing. */
static inline void hr_prep_uring_cmd(struct hr_sqe *sqe, int32_t cmd_op,
                                     int32_t fd)
{
    hr_prep_rw(IORING_OP_URING_CMD, sqe, fd, 0, 0, (uint32_t)cmd_op);
}

/* IORING_OP_URING_CMD128 (Linux 6.19): hr_prep_uring_cmd for a 128-byte SQE
 * of an IORING_SETUP_SQE_MIXED ring (hr_get_sqe128); the command's 80 bytes
 * from addr3 on are the caller's.  No return value.
 * Matches io_uring_prep_uring_cmd128 in liburing. */
static inline void hr_prep_uring_cmd128(struct hr_sqe *sqe, int32_t cmd_op,
                                        int32_t fd)
{
    hr_prep_rw(HR_OP_URING_CMD128, sqe, fd, 0, 0, (uint32_t)cmd_op);
}

/* Socket command SOCKET_URING_OP_GETSOCKNAME: getsockname (peer 0) or
 * getpeername (peer 1) of socket fd into sockaddr, *sockaddr_len in and out;
 * sockaddr in addr, sockaddr_len in addr3, peer in optlen (file_index).
 * Kernel 6.19+ (older ones complete it with -EOPNOTSUPP).  No return value.
 * Matches io_uring_prep_cmd_getsockname in liburing. */
static inline void hr_prep_cmd_getsockname(struct hr_sqe *sqe, int32_t fd,
                                           struct sockaddr *sockaddr,
                                           uint32_t *sockaddr_len,
                                           int32_t peer)
{
    hr_prep_rw(IORING_OP_URING_CMD, sqe, fd, HR_PTR64(sockaddr), 0,
               HR_SOCKET_URING_OP_GETSOCKNAME);
    sqe->addr3 = HR_PTR64(sockaddr_len);
    sqe->file_index = (uint32_t)peer;
}

/* ---- polling ------------------------------------------------------------- */

/* Prepare `sqe` for IORING_OP_POLL_ADD; poll32_events (little-endian targets only).
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_poll_add in liburing. */
static inline void hr_prep_poll_add(struct hr_sqe *sqe, int32_t fd,
                                    uint32_t poll_mask)
{
    hr_prep_rw(IORING_OP_POLL_ADD, sqe, fd, 0, 0, 0);
    sqe->op_flags = poll_mask;
}

/* Prepare `sqe` as hr_prep_poll_add does.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_poll_multishot in liburing. */
static inline void hr_prep_poll_multishot(struct hr_sqe *sqe, int32_t fd,
                                          uint32_t poll_mask)
{
    hr_prep_poll_add(sqe, fd, poll_mask);
    sqe->len = IORING_POLL_ADD_MULTI;
}

/* Prepare `sqe` for IORING_OP_POLL_REMOVE; by the poll request's user_data.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_poll_remove in liburing. */
static inline void hr_prep_poll_remove(struct hr_sqe *sqe, uint64_t user_data)
{
    hr_prep_rw(IORING_OP_POLL_REMOVE, sqe, -1, user_data, 0, 0);
}

/* Prepare `sqe` for IORING_OP_POLL_REMOVE; flags (IORING_POLL_UPDATE_*) in len.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_poll_update in liburing. */
static inline void hr_prep_poll_update(struct hr_sqe *sqe,
                                       uint64_t old_user_data,
                                       uint64_t new_user_data,
                                       uint32_t poll_mask, uint32_t flags)
{
    hr_prep_rw(IORING_OP_POLL_REMOVE, sqe, -1, old_user_data, flags,
               new_user_data);
    sqe->op_flags = poll_mask;
}

/* Prepare `sqe` for IORING_OP_EPOLL_CTL; op in len, fd in off.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_epoll_ctl in liburing. */
static inline void hr_prep_epoll_ctl(struct hr_sqe *sqe, int32_t epfd,
                                     int32_t fd, int32_t op,
                                     struct epoll_event *ev)
{
    hr_prep_rw(IORING_OP_EPOLL_CTL, sqe, epfd, HR_PTR64(ev), (uint32_t)op,
               (uint32_t)fd);
}

/* epoll_wait(fd, events, maxevents, 0) as a request: CQE res is the number
 * of events written to events[]; flags must be 0 (kernel 6.15+).  No return
 * value.  Matches io_uring_prep_epoll_wait in liburing. */
static inline void hr_prep_epoll_wait(struct hr_sqe *sqe, int32_t fd,
                                      struct epoll_event *events,
                                      int32_t maxevents, uint32_t flags)
{
    hr_prep_rw(HR_OP_EPOLL_WAIT, sqe, fd, HR_PTR64(events),
               (uint32_t)maxevents, 0);
    sqe->op_flags = flags;
}

/* ---- timeouts and cancellation ------------------------------------------- */

/* Prepare `sqe` for IORING_OP_TIMEOUT; count in off; flags IORING_TIMEOUT_ABS, clocks, ..
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_timeout in liburing. */
static inline void hr_prep_timeout(struct hr_sqe *sqe,
                                   struct __kernel_timespec *ts,
                                   uint32_t count, uint32_t flags)
{
    hr_prep_rw(IORING_OP_TIMEOUT, sqe, -1, HR_PTR64(ts), 1, count);
    sqe->op_flags = flags;
}

/* Prepare `sqe` for IORING_OP_TIMEOUT_REMOVE.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_timeout_remove in liburing. */
static inline void hr_prep_timeout_remove(struct hr_sqe *sqe,
                                          uint64_t user_data, uint32_t flags)
{
    hr_prep_rw(IORING_OP_TIMEOUT_REMOVE, sqe, -1, user_data, 0, 0);
    sqe->op_flags = flags;
}

/* Prepare `sqe` for IORING_OP_TIMEOUT_REMOVE; new ts in off.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_timeout_update in liburing. */
static inline void hr_prep_timeout_update(struct hr_sqe *sqe,
                                          struct __kernel_timespec *ts,
                                          uint64_t user_data, uint32_t flags)
{
    hr_prep_rw(IORING_OP_TIMEOUT_REMOVE, sqe, -1, user_data, 0, HR_PTR64(ts));
    sqe->op_flags = flags | IORING_TIMEOUT_UPDATE;
}

/* Prepare `sqe` for IORING_OP_LINK_TIMEOUT.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_link_timeout in liburing. */
static inline void hr_prep_link_timeout(struct hr_sqe *sqe,
                                        struct __kernel_timespec *ts,
                                        uint32_t flags)
{
    hr_prep_rw(IORING_OP_LINK_TIMEOUT, sqe, -1, HR_PTR64(ts), 1, 0);
    sqe->op_flags = flags;
}

/* Prepare `sqe` for IORING_OP_ASYNC_CANCEL; by user_data; flags IORING_ASYNC_CANCEL_*.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_cancel64 in liburing. */
static inline void hr_prep_cancel64(struct hr_sqe *sqe, uint64_t user_data,
                                    int32_t flags)
{
    hr_prep_rw(IORING_OP_ASYNC_CANCEL, sqe, -1, user_data, 0, 0);
    sqe->op_flags = (uint32_t)flags;
}

/* Prepare `sqe` as hr_prep_cancel64 does; user_data given as a pointer.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_cancel in liburing. */
static inline void hr_prep_cancel(struct hr_sqe *sqe, void *user_data,
                                  int32_t flags)
{
    hr_prep_cancel64(sqe, HR_PTR64(user_data), flags);
}

/* Prepare `sqe` for IORING_OP_ASYNC_CANCEL; by fd (IORING_ASYNC_CANCEL_FD is added).
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_cancel_fd in liburing. */
static inline void hr_prep_cancel_fd(struct hr_sqe *sqe, int32_t fd,
                                     uint32_t flags)
{
    hr_prep_rw(IORING_OP_ASYNC_CANCEL, sqe, fd, 0, 0, 0);
    sqe->op_flags = flags | IORING_ASYNC_CANCEL_FD;
}

/* ---- buffers and registered files ---------------------------------------- */

/* Prepare `sqe` for IORING_OP_PROVIDE_BUFFERS; nr in fd, first bid in off, group in
 * buf_group.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_provide_buffers in liburing. */
static inline void hr_prep_provide_buffers(struct hr_sqe *sqe, void *addr,
                                           int32_t len, int32_t nr,
                                           int32_t bgid, int32_t bid)
{
    hr_prep_rw(IORING_OP_PROVIDE_BUFFERS, sqe, nr, HR_PTR64(addr),
               (uint32_t)len, (uint64_t)bid);
    sqe->buf_index = (uint16_t)bgid;
}

/* Prepare `sqe` for IORING_OP_REMOVE_BUFFERS.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_remove_buffers in liburing. */
static inline void hr_prep_remove_buffers(struct hr_sqe *sqe, int32_t nr,
                                          int32_t bgid)
{
    hr_prep_rw(IORING_OP_REMOVE_BUFFERS, sqe, nr, 0, 0, 0);
    sqe->buf_index = (uint16_t)bgid;
}

/* Prepare `sqe` for IORING_OP_FILES_UPDATE; offset in off.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_files_update in liburing. */
static inline void hr_prep_files_update(struct hr_sqe *sqe, int32_t *fds,
                                        uint32_t nr_fds, int32_t offset)
{
    hr_prep_rw(IORING_OP_FILES_UPDATE, sqe, -1, HR_PTR64(fds), nr_fds,
               (uint64_t)offset);
}

/* ---- ring messages ------------------------------------------------------- */

/* Prepare `sqe` for IORING_OP_MSG_RING; CQE res = len, user_data = data on ring fd.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_msg_ring in liburing. */
static inline void hr_prep_msg_ring(struct hr_sqe *sqe, int32_t fd,
                                    uint32_t len, uint64_t data,
                                    uint32_t flags)
{
    hr_prep_rw(IORING_OP_MSG_RING, sqe, fd, 0, len, data);
    sqe->op_flags = flags;
}

/* Prepare `sqe` for IORING_OP_MSG_RING (not in liburing 2.3): also the
 * target CQE's flags, in file_index.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_msg_ring_cqe_flags in liburing. */
static inline void hr_prep_msg_ring_cqe_flags(struct hr_sqe *sqe, int32_t fd,
                                              uint32_t len, uint64_t data,
                                              uint32_t flags,
                                              uint32_t cqe_flags)
{
    hr_prep_rw(IORING_OP_MSG_RING, sqe, fd, 0, len, data);
    sqe->op_flags = IORING_MSG_RING_FLAGS_PASS | flags;
    sqe->file_index = cqe_flags;
}

/* Prepare `sqe` for IORING_OP_MSG_RING (not in liburing 2.3): our fixed file source_fd
 * into slot target_fd (or ALLOC) of ring fd.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_msg_ring_fd in liburing. */
static inline void hr_prep_msg_ring_fd(struct hr_sqe *sqe, int32_t fd,
                                       int32_t source_fd, int32_t target_fd,
                                       uint64_t data, uint32_t flags)
{
    hr_prep_rw(IORING_OP_MSG_RING, sqe, fd, IORING_MSG_SEND_FD, 0, data);
    sqe->addr3 = (uint64_t)source_fd;
    sqe->file_index = hr__direct_index((uint32_t)target_fd);
    sqe->op_flags = flags;
}

/* Prepare `sqe` for IORING_OP_MSG_RING (not in liburing 2.3).
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_msg_ring_fd_alloc in liburing. */
static inline void hr_prep_msg_ring_fd_alloc(struct hr_sqe *sqe, int32_t fd,
                                             int32_t source_fd, uint64_t data,
                                             uint32_t flags)
{
    hr_prep_rw(IORING_OP_MSG_RING, sqe, fd, IORING_MSG_SEND_FD, 0, data);
    sqe->addr3 = (uint64_t)source_fd;
    sqe->file_index = IORING_FILE_INDEX_ALLOC;
    sqe->op_flags = flags;
}

/* ---- processes and futexes ----------------------------------------------- */

/* Prepare `sqe` for IORING_OP_WAITID (not in liburing 2.3): idtype in len, id in fd,
 * options in file_index, infop (siginfo_t *) in off (addr2).
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_waitid in liburing. */
static inline void hr_prep_waitid(struct hr_sqe *sqe, uint32_t idtype,
                                  uint32_t id, void *infop, int32_t options,
                                  uint32_t flags)
{
    hr_prep_rw(HR_OP_WAITID, sqe, (int32_t)id, 0, idtype, HR_PTR64(infop));
    sqe->op_flags = flags;
    sqe->file_index = (uint32_t)options;
}

/* Prepare `sqe` for IORING_OP_FUTEX_WAIT (not in liburing 2.3): futex2 flags in fd,
 * val in off, mask in addr3.
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_futex_wait in liburing. */
static inline void hr_prep_futex_wait(struct hr_sqe *sqe, uint32_t *futex,
                                      uint64_t val, uint64_t mask,
                                      uint32_t futex_flags, uint32_t flags)
{
    hr_prep_rw(HR_OP_FUTEX_WAIT, sqe, (int32_t)futex_flags, HR_PTR64(futex),
               0, val);
    sqe->op_flags = flags;
    sqe->addr3 = mask;
}

/* Prepare `sqe` for IORING_OP_FUTEX_WAKE (not in liburing 2.3).
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_futex_wake in liburing. */
static inline void hr_prep_futex_wake(struct hr_sqe *sqe, uint32_t *futex,
                                      uint64_t val, uint64_t mask,
                                      uint32_t futex_flags, uint32_t flags)
{
    hr_prep_rw(HR_OP_FUTEX_WAKE, sqe, (int32_t)futex_flags, HR_PTR64(futex),
               0, val);
    sqe->op_flags = flags;
    sqe->addr3 = mask;
}

/* Prepare `sqe` for IORING_OP_FUTEX_WAITV (not in liburing 2.3).
 * Every field it does not name is zeroed; no return value.
 * Matches io_uring_prep_futex_waitv in liburing. */
static inline void hr_prep_futex_waitv(struct hr_sqe *sqe,
                                       struct futex_waitv *futex,
                                       uint32_t nr_futex, uint32_t flags)
{
    hr_prep_rw(HR_OP_FUTEX_WAITV, sqe, 0, HR_PTR64(futex), nr_futex, 0);
    sqe->op_flags = flags;
}

HR_END_DECLS
#endif
