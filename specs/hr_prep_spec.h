/* hr_prep_spec.h -- contracts of the prep helpers (bodies: core/hr_prep.h).
 * Each states the exact value of all 64 bytes of the SQE (through the
 * mirror's fields), in the words of its body:
 *
 *   PREP_RW_IS(sqe, op, fd, addr, len, off, extras...)
 *
 * is the SQE that hr_prep_rw(op, sqe, fd, addr, len, off) writes -- the same
 * arguments in the same order, liburing's io_uring_prep_rw order -- with the
 * extra fields the helper sets after it, each written FIELD(value), FIELD
 * one of  flags  ioprio  op_flags  buf_index  file_index  addr3  (in the
 * order the body sets them).  Every field not named is 0, and user_data,
 * personality and pad2 always are: no byte is left unstated.  The body
 *     hr_prep_rw(IORING_OP_READ_FIXED, sqe, fd, HR_PTR64(buf), nbytes, offset);
 *     sqe->buf_index = (uint16_t)buf_index;
 * has the contract
 *     ensures PREP_RW_IS(sqe, IORING_OP_READ_FIXED, fd, HR_PTR64(buf), nbytes,
 *                        offset, buf_index((uint16_t)buf_index));
 * A helper built on another one (open on openat, ...) states the SQE it ends
 * with, as one PREP_RW_IS of its own.
 *
 * Pointer arguments reach the SQE as HR_PTR64(p), the u64 that C's
 * (uint64_t)(uintptr_t)p yields; the contracts say exactly that (WP models
 * the pointer-to-integer cast as an uninterpreted function of the address,
 * which is all a prep helper needs).  Integer arguments keep liburing's
 * types (int -> int32_t, unsigned -> uint32_t); where liburing converts one
 * to the field's type, the body and the contract spell the same C cast.
 */
#ifndef HRINGAS_SPEC_PREP_H
#define HRINGAS_SPEC_PREP_H

#include "hr_ring_logic.h"

/* Macros rather than ACSL predicates: Qed (WP's simplifier) does not unfold
 * predicates, so with one every postcondition went to an SMT solver (about
 * 1 s each); spelled out, Qed closes them.  Frama-C preprocesses annotations.
 *
 * Each of the six extra fields is (0 + the value of the extras naming it):
 * HR_PREP_X(f, extras...) pastes f with the name of each extra (at most 4)
 * into HR_PX_<f>_<name>(value), which is "+ (value)" when the names agree
 * and nothing otherwise.  A misspelt name is an undefined identifier (a
 * parse error); a fifth extra would be dropped and its field stated 0 (a
 * failed proof, never a weaker contract). */
#define PREP_RW_IS(s, op_, fd_, addr_, len_, off_, ...)                      \
    ((s)->opcode == (op_) && (s)->fd == (fd_) && (s)->addr == (addr_) &&     \
     (s)->len == (len_) && (s)->off == (off_) &&                             \
     (s)->flags      == HR_PREP_X(flags, __VA_ARGS__) &&                     \
     (s)->ioprio     == HR_PREP_X(ioprio, __VA_ARGS__) &&                    \
     (s)->op_flags   == HR_PREP_X(op_flags, __VA_ARGS__) &&                  \
     (s)->buf_index  == HR_PREP_X(buf_index, __VA_ARGS__) &&                 \
     (s)->file_index == HR_PREP_X(file_index, __VA_ARGS__) &&                \
     (s)->addr3      == HR_PREP_X(addr3, __VA_ARGS__) &&                     \
     (s)->user_data == 0 && (s)->personality == 0 && (s)->pad2 == 0)

#define HR_PREP_X(f, ...)            (0 HR_PX4(f, __VA_ARGS__, , , , ))
#define HR_PX4(f, a, b, c, d, ...)   HR_PX(f, a) HR_PX(f, b) HR_PX(f, c) HR_PX(f, d)
#define HR_PX(f, x)                  HR_PX_##f##_##x
/* row: the field stated; column: the extra's name ("" = no extra) */
#define HR_PX_flags_
#define HR_PX_flags_flags(v)           + (v)
#define HR_PX_flags_ioprio(v)
#define HR_PX_flags_op_flags(v)
#define HR_PX_flags_buf_index(v)
#define HR_PX_flags_file_index(v)
#define HR_PX_flags_addr3(v)
#define HR_PX_ioprio_
#define HR_PX_ioprio_flags(v)
#define HR_PX_ioprio_ioprio(v)         + (v)
#define HR_PX_ioprio_op_flags(v)
#define HR_PX_ioprio_buf_index(v)
#define HR_PX_ioprio_file_index(v)
#define HR_PX_ioprio_addr3(v)
#define HR_PX_op_flags_
#define HR_PX_op_flags_flags(v)
#define HR_PX_op_flags_ioprio(v)
#define HR_PX_op_flags_op_flags(v)     + (v)
#define HR_PX_op_flags_buf_index(v)
#define HR_PX_op_flags_file_index(v)
#define HR_PX_op_flags_addr3(v)
#define HR_PX_buf_index_
#define HR_PX_buf_index_flags(v)
#define HR_PX_buf_index_ioprio(v)
#define HR_PX_buf_index_op_flags(v)
#define HR_PX_buf_index_buf_index(v)   + (v)
#define HR_PX_buf_index_file_index(v)
#define HR_PX_buf_index_addr3(v)
#define HR_PX_file_index_
#define HR_PX_file_index_flags(v)
#define HR_PX_file_index_ioprio(v)
#define HR_PX_file_index_op_flags(v)
#define HR_PX_file_index_buf_index(v)
#define HR_PX_file_index_file_index(v) + (v)
#define HR_PX_file_index_addr3(v)
#define HR_PX_addr3_
#define HR_PX_addr3_flags(v)
#define HR_PX_addr3_ioprio(v)
#define HR_PX_addr3_op_flags(v)
#define HR_PX_addr3_buf_index(v)
#define HR_PX_addr3_file_index(v)
#define HR_PX_addr3_addr3(v)           + (v)

/*@ // file_index of the *_direct variants: slot + 1, or
    // IORING_FILE_INDEX_ALLOC (~0U) kept as is ("allocate a free slot").
    logic integer direct_index(integer slot) =
      slot == 0xFFFFFFFF ? 0xFFFFFFFF : slot + 1;
*/

/* ---- shapes -------------------------------------------------------------- */

/* The common shape of most ops (liburing's io_uring_prep_rw). */
/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, op, fd, addr, len, off);
*/
static inline void hr_prep_rw(uint8_t op, struct hr_sqe *sqe, int32_t fd,
                              uint64_t addr, uint32_t len, uint64_t off);

/* file_index for a direct-descriptor slot. */
/*@ assigns \nothing;
    ensures \result == direct_index(slot);
*/
static inline uint32_t hr__direct_index(uint32_t slot);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_NOP, -1, 0, 0, 0);
*/
static inline void hr_prep_nop(struct hr_sqe *sqe);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, HR_OP_NOP128, -1, 0, 0, 0);
*/
static inline void hr_prep_nop128(struct hr_sqe *sqe);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_NOP, fd, extra2, (uint32_t)result,
                       extra1, op_flags(nop_flags), buf_index(buf_index));
*/
static inline void hr_prep_nop_flags(struct hr_sqe *sqe, uint32_t nop_flags,
                                     int32_t fd, int32_t result,
                                     uint16_t buf_index, uint64_t extra1,
                                     uint64_t extra2);

/* ---- read / write -------------------------------------------------------- */

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_READ, fd, HR_PTR64(buf), nbytes, offset);
*/
static inline void hr_prep_read(struct hr_sqe *sqe, int32_t fd, void *buf,
                                uint32_t nbytes, uint64_t offset);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_WRITE, fd, HR_PTR64(buf), nbytes,
                       offset);
*/
static inline void hr_prep_write(struct hr_sqe *sqe, int32_t fd,
                                 const void *buf, uint32_t nbytes,
                                 uint64_t offset);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_READV, fd, HR_PTR64(iovecs), nr_vecs,
                       offset);
*/
static inline void hr_prep_readv(struct hr_sqe *sqe, int32_t fd,
                                 const struct iovec *iovecs, uint32_t nr_vecs,
                                 uint64_t offset);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_READV, fd, HR_PTR64(iovecs), nr_vecs,
                       offset, op_flags((uint32_t)flags));
*/
static inline void hr_prep_readv2(struct hr_sqe *sqe, int32_t fd,
                                  const struct iovec *iovecs, uint32_t nr_vecs,
                                  uint64_t offset, int32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_WRITEV, fd, HR_PTR64(iovecs), nr_vecs,
                       offset);
*/
static inline void hr_prep_writev(struct hr_sqe *sqe, int32_t fd,
                                  const struct iovec *iovecs, uint32_t nr_vecs,
                                  uint64_t offset);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_WRITEV, fd, HR_PTR64(iovecs), nr_vecs,
                       offset, op_flags((uint32_t)flags));
*/
static inline void hr_prep_writev2(struct hr_sqe *sqe, int32_t fd,
                                   const struct iovec *iovecs, uint32_t nr_vecs,
                                   uint64_t offset, int32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_READ_FIXED, fd, HR_PTR64(buf), nbytes,
                       offset, buf_index((uint16_t)buf_index));
*/
static inline void hr_prep_read_fixed(struct hr_sqe *sqe, int32_t fd,
                                      void *buf, uint32_t nbytes,
                                      uint64_t offset, int32_t buf_index);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_WRITE_FIXED, fd, HR_PTR64(buf), nbytes,
                       offset, buf_index((uint16_t)buf_index));
*/
static inline void hr_prep_write_fixed(struct hr_sqe *sqe, int32_t fd,
                                       const void *buf, uint32_t nbytes,
                                       uint64_t offset, int32_t buf_index);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, HR_OP_READV_FIXED, fd, HR_PTR64(iovecs), nr_vecs,
                       offset, op_flags((uint32_t)flags),
                       buf_index((uint16_t)buf_index));
*/
static inline void hr_prep_readv_fixed(struct hr_sqe *sqe, int32_t fd,
                                       const struct iovec *iovecs,
                                       uint32_t nr_vecs, uint64_t offset,
                                       int32_t flags, int32_t buf_index);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, HR_OP_WRITEV_FIXED, fd, HR_PTR64(iovecs), nr_vecs,
                       offset, op_flags((uint32_t)flags),
                       buf_index((uint16_t)buf_index));
*/
static inline void hr_prep_writev_fixed(struct hr_sqe *sqe, int32_t fd,
                                        const struct iovec *iovecs,
                                        uint32_t nr_vecs, uint64_t offset,
                                        int32_t flags, int32_t buf_index);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, HR_OP_READ_MULTISHOT, fd, 0, nbytes, offset,
                       buf_index((uint16_t)buf_group),
                       flags(IOSQE_BUFFER_SELECT));
*/
static inline void hr_prep_read_multishot(struct hr_sqe *sqe, int32_t fd,
                                          uint32_t nbytes, uint64_t offset,
                                          int32_t buf_group);

/* ---- file sync, space, advice -------------------------------------------- */

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_FSYNC, fd, 0, 0, 0,
                       op_flags(fsync_flags));
*/
static inline void hr_prep_fsync(struct hr_sqe *sqe, int32_t fd,
                                 uint32_t fsync_flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_SYNC_FILE_RANGE, fd, 0, len, offset,
                       op_flags((uint32_t)flags));
*/
static inline void hr_prep_sync_file_range(struct hr_sqe *sqe, int32_t fd,
                                           uint32_t len, uint64_t offset,
                                           int32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_FALLOCATE, fd, len, (uint32_t)mode,
                       offset);
*/
static inline void hr_prep_fallocate(struct hr_sqe *sqe, int32_t fd,
                                     int32_t mode, uint64_t offset,
                                     uint64_t len);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_FADVISE, fd, 0, len, offset,
                       op_flags((uint32_t)advice));
*/
static inline void hr_prep_fadvise(struct hr_sqe *sqe, int32_t fd,
                                   uint64_t offset, uint32_t len,
                                   int32_t advice);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_FADVISE, fd, len, 0, offset,
                       op_flags((uint32_t)advice));
*/
static inline void hr_prep_fadvise64(struct hr_sqe *sqe, int32_t fd,
                                     uint64_t offset, uint64_t len,
                                     int32_t advice);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_MADVISE, -1, HR_PTR64(addr), length, 0,
                       op_flags((uint32_t)advice));
*/
static inline void hr_prep_madvise(struct hr_sqe *sqe, void *addr,
                                   uint32_t length, int32_t advice);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_MADVISE, -1, HR_PTR64(addr), 0, length,
                       op_flags((uint32_t)advice));
*/
static inline void hr_prep_madvise64(struct hr_sqe *sqe, void *addr,
                                     uint64_t length, int32_t advice);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, HR_OP_FTRUNCATE, fd, 0, 0, len);
*/
static inline void hr_prep_ftruncate(struct hr_sqe *sqe, int32_t fd,
                                     uint64_t len);

/* ---- open / close -------------------------------------------------------- */

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_OPENAT, dfd, HR_PTR64(path), mode, 0,
                       op_flags((uint32_t)flags));
*/
static inline void hr_prep_openat(struct hr_sqe *sqe, int32_t dfd,
                                  const char *path, int32_t flags,
                                  uint32_t mode);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_OPENAT, HR_AT_FDCWD, HR_PTR64(path),
                       mode, 0, op_flags((uint32_t)flags));
*/
static inline void hr_prep_open(struct hr_sqe *sqe, const char *path,
                                int32_t flags, uint32_t mode);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_OPENAT, dfd, HR_PTR64(path), mode, 0,
                       op_flags((uint32_t)flags),
                       file_index(direct_index(file_index)));
*/
static inline void hr_prep_openat_direct(struct hr_sqe *sqe, int32_t dfd,
                                         const char *path, int32_t flags,
                                         uint32_t mode, uint32_t file_index);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_OPENAT, HR_AT_FDCWD, HR_PTR64(path),
                       mode, 0, op_flags((uint32_t)flags),
                       file_index(direct_index(file_index)));
*/
static inline void hr_prep_open_direct(struct hr_sqe *sqe, const char *path,
                                       int32_t flags, uint32_t mode,
                                       uint32_t file_index);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_OPENAT2, dfd, HR_PTR64(path),
                       HR_OPEN_HOW_SIZE, HR_PTR64(how));
*/
static inline void hr_prep_openat2(struct hr_sqe *sqe, int32_t dfd,
                                   const char *path, struct open_how *how);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_OPENAT2, dfd, HR_PTR64(path),
                       HR_OPEN_HOW_SIZE, HR_PTR64(how),
                       file_index(direct_index(file_index)));
*/
static inline void hr_prep_openat2_direct(struct hr_sqe *sqe, int32_t dfd,
                                          const char *path,
                                          struct open_how *how,
                                          uint32_t file_index);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_CLOSE, fd, 0, 0, 0);
*/
static inline void hr_prep_close(struct hr_sqe *sqe, int32_t fd);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_CLOSE, 0, 0, 0, 0,
                       file_index(direct_index(file_index)));
*/
static inline void hr_prep_close_direct(struct hr_sqe *sqe,
                                        uint32_t file_index);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, HR_OP_FIXED_FD_INSTALL, fd, 0, 0, 0,
                       flags(IOSQE_FIXED_FILE), op_flags(flags));
*/
static inline void hr_prep_fixed_fd_install(struct hr_sqe *sqe, int32_t fd,
                                            uint32_t flags);

/* ---- paths --------------------------------------------------------------- */

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_STATX, dfd, HR_PTR64(path), mask,
                       HR_PTR64(statxbuf), op_flags((uint32_t)flags));
*/
static inline void hr_prep_statx(struct hr_sqe *sqe, int32_t dfd,
                                 const char *path, int32_t flags,
                                 uint32_t mask, struct statx *statxbuf);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_RENAMEAT, olddfd, HR_PTR64(oldpath),
                       (uint32_t)newdfd, HR_PTR64(newpath), op_flags(flags));
*/
static inline void hr_prep_renameat(struct hr_sqe *sqe, int32_t olddfd,
                                    const char *oldpath, int32_t newdfd,
                                    const char *newpath, uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_RENAMEAT, HR_AT_FDCWD, HR_PTR64(oldpath),
                       (uint32_t)HR_AT_FDCWD, HR_PTR64(newpath));
*/
static inline void hr_prep_rename(struct hr_sqe *sqe, const char *oldpath,
                                  const char *newpath);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_UNLINKAT, dfd, HR_PTR64(path), 0, 0,
                       op_flags((uint32_t)flags));
*/
static inline void hr_prep_unlinkat(struct hr_sqe *sqe, int32_t dfd,
                                    const char *path, int32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_UNLINKAT, HR_AT_FDCWD, HR_PTR64(path), 0,
                       0, op_flags((uint32_t)flags));
*/
static inline void hr_prep_unlink(struct hr_sqe *sqe, const char *path,
                                  int32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_MKDIRAT, dfd, HR_PTR64(path), mode, 0);
*/
static inline void hr_prep_mkdirat(struct hr_sqe *sqe, int32_t dfd,
                                   const char *path, uint32_t mode);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_MKDIRAT, HR_AT_FDCWD, HR_PTR64(path),
                       mode, 0);
*/
static inline void hr_prep_mkdir(struct hr_sqe *sqe, const char *path,
                                 uint32_t mode);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_SYMLINKAT, newdirfd, HR_PTR64(target), 0,
                       HR_PTR64(linkpath));
*/
static inline void hr_prep_symlinkat(struct hr_sqe *sqe, const char *target,
                                     int32_t newdirfd, const char *linkpath);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_SYMLINKAT, HR_AT_FDCWD, HR_PTR64(target),
                       0, HR_PTR64(linkpath));
*/
static inline void hr_prep_symlink(struct hr_sqe *sqe, const char *target,
                                   const char *linkpath);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_LINKAT, olddfd, HR_PTR64(oldpath),
                       (uint32_t)newdfd, HR_PTR64(newpath),
                       op_flags((uint32_t)flags));
*/
static inline void hr_prep_linkat(struct hr_sqe *sqe, int32_t olddfd,
                                  const char *oldpath, int32_t newdfd,
                                  const char *newpath, int32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_LINKAT, HR_AT_FDCWD, HR_PTR64(oldpath),
                       (uint32_t)HR_AT_FDCWD, HR_PTR64(newpath),
                       op_flags((uint32_t)flags));
*/
static inline void hr_prep_link(struct hr_sqe *sqe, const char *oldpath,
                                const char *newpath, int32_t flags);

/* ---- extended attributes ------------------------------------------------- */

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_GETXATTR, 0, HR_PTR64(name), len,
                       HR_PTR64(value), addr3(HR_PTR64(path)));
*/
static inline void hr_prep_getxattr(struct hr_sqe *sqe, const char *name,
                                    char *value, const char *path,
                                    uint32_t len);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_SETXATTR, 0, HR_PTR64(name), len,
                       HR_PTR64(value), addr3(HR_PTR64(path)),
                       op_flags((uint32_t)flags));
*/
static inline void hr_prep_setxattr(struct hr_sqe *sqe, const char *name,
                                    const char *value, const char *path,
                                    int32_t flags, uint32_t len);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_FGETXATTR, fd, HR_PTR64(name), len,
                       HR_PTR64(value));
*/
static inline void hr_prep_fgetxattr(struct hr_sqe *sqe, int32_t fd,
                                     const char *name, char *value,
                                     uint32_t len);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_FSETXATTR, fd, HR_PTR64(name), len,
                       HR_PTR64(value), op_flags((uint32_t)flags));
*/
static inline void hr_prep_fsetxattr(struct hr_sqe *sqe, int32_t fd,
                                     const char *name, const char *value,
                                     int32_t flags, uint32_t len);

/* ---- pipes --------------------------------------------------------------- */

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_SPLICE, fd_out, (uint64_t)off_in, nbytes,
                       (uint64_t)off_out, file_index((uint32_t)fd_in),
                       op_flags(splice_flags));
*/
static inline void hr_prep_splice(struct hr_sqe *sqe, int32_t fd_in,
                                  int64_t off_in, int32_t fd_out,
                                  int64_t off_out, uint32_t nbytes,
                                  uint32_t splice_flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_TEE, fd_out, 0, nbytes, 0,
                       file_index((uint32_t)fd_in), op_flags(splice_flags));
*/
static inline void hr_prep_tee(struct hr_sqe *sqe, int32_t fd_in,
                               int32_t fd_out, uint32_t nbytes,
                               uint32_t splice_flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, HR_OP_PIPE, 0, HR_PTR64(fds), 0, 0,
                       op_flags((uint32_t)pipe_flags));
*/
static inline void hr_prep_pipe(struct hr_sqe *sqe, int32_t *fds,
                                int32_t pipe_flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, HR_OP_PIPE, 0, HR_PTR64(fds), 0, 0,
                       op_flags((uint32_t)pipe_flags),
                       file_index(direct_index(file_index)));
*/
static inline void hr_prep_pipe_direct(struct hr_sqe *sqe, int32_t *fds,
                                       int32_t pipe_flags,
                                       uint32_t file_index);

/* ---- sockets: setup ------------------------------------------------------ */

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_SOCKET, domain, 0, (uint32_t)protocol,
                       (uint64_t)type, op_flags(flags));
*/
static inline void hr_prep_socket(struct hr_sqe *sqe, int32_t domain,
                                  int32_t type, int32_t protocol,
                                  uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_SOCKET, domain, 0, (uint32_t)protocol,
                       (uint64_t)type, op_flags(flags),
                       file_index(direct_index(file_index)));
*/
static inline void hr_prep_socket_direct(struct hr_sqe *sqe, int32_t domain,
                                         int32_t type, int32_t protocol,
                                         uint32_t file_index, uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_SOCKET, domain, 0, (uint32_t)protocol,
                       (uint64_t)type, op_flags(flags),
                       file_index(0xFFFFFFFF));
*/
static inline void hr_prep_socket_direct_alloc(struct hr_sqe *sqe,
                                               int32_t domain, int32_t type,
                                               int32_t protocol,
                                               uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, HR_OP_BIND, fd, HR_PTR64(addr), 0, addrlen);
*/
static inline void hr_prep_bind(struct hr_sqe *sqe, int32_t fd,
                                struct sockaddr *addr, uint32_t addrlen);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, HR_OP_LISTEN, fd, 0, (uint32_t)backlog, 0);
*/
static inline void hr_prep_listen(struct hr_sqe *sqe, int32_t fd,
                                  int32_t backlog);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_CONNECT, fd, HR_PTR64(addr), 0, addrlen);
*/
static inline void hr_prep_connect(struct hr_sqe *sqe, int32_t fd,
                                   const struct sockaddr *addr,
                                   uint32_t addrlen);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_ACCEPT, fd, HR_PTR64(addr), 0,
                       HR_PTR64(addrlen), op_flags((uint32_t)flags));
*/
static inline void hr_prep_accept(struct hr_sqe *sqe, int32_t fd,
                                  struct sockaddr *addr, uint32_t *addrlen,
                                  int32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_ACCEPT, fd, HR_PTR64(addr), 0,
                       HR_PTR64(addrlen), op_flags((uint32_t)flags),
                       file_index(direct_index(file_index)));
*/
static inline void hr_prep_accept_direct(struct hr_sqe *sqe, int32_t fd,
                                         struct sockaddr *addr,
                                         uint32_t *addrlen, int32_t flags,
                                         uint32_t file_index);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_ACCEPT, fd, HR_PTR64(addr), 0,
                       HR_PTR64(addrlen), op_flags((uint32_t)flags),
                       ioprio(IORING_ACCEPT_MULTISHOT));
*/
static inline void hr_prep_multishot_accept(struct hr_sqe *sqe, int32_t fd,
                                            struct sockaddr *addr,
                                            uint32_t *addrlen, int32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_ACCEPT, fd, HR_PTR64(addr), 0,
                       HR_PTR64(addrlen), op_flags((uint32_t)flags),
                       ioprio(IORING_ACCEPT_MULTISHOT),
                       file_index(0xFFFFFFFF));
*/
static inline void hr_prep_multishot_accept_direct(struct hr_sqe *sqe,
                                                   int32_t fd,
                                                   struct sockaddr *addr,
                                                   uint32_t *addrlen,
                                                   int32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_SHUTDOWN, fd, 0, (uint32_t)how, 0);
*/
static inline void hr_prep_shutdown(struct hr_sqe *sqe, int32_t fd,
                                    int32_t how);

/* ---- sockets: data ------------------------------------------------------- */

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_SEND, sockfd, HR_PTR64(buf), len, 0,
                       op_flags((uint32_t)flags));
*/
static inline void hr_prep_send(struct hr_sqe *sqe, int32_t sockfd,
                                const void *buf, uint32_t len, int32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_SEND, sockfd, 0, len, 0,
                       op_flags((uint32_t)flags),
                       ioprio(IORING_RECVSEND_BUNDLE));
*/
static inline void hr_prep_send_bundle(struct hr_sqe *sqe, int32_t sockfd,
                                       uint32_t len, int32_t flags);

/* Modifier, not a prep: adds a destination address to a prepared send or
 * send_zc.  Only addr2 (off) and addr_len (file_index, with its pad) change. */
/*@ requires \valid(sqe);
    assigns sqe->off, sqe->file_index;
    ensures sqe->off == HR_PTR64(dest_addr) && sqe->file_index == addr_len;
*/
static inline void hr_prep_send_set_addr(struct hr_sqe *sqe,
                                         const struct sockaddr *dest_addr,
                                         uint16_t addr_len);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_SEND, sockfd, HR_PTR64(buf), len,
                       HR_PTR64(addr), op_flags((uint32_t)flags),
                       file_index((uint16_t)addrlen));
*/
static inline void hr_prep_sendto(struct hr_sqe *sqe, int32_t sockfd,
                                  const void *buf, uint32_t len, int32_t flags,
                                  const struct sockaddr *addr,
                                  uint32_t addrlen);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_SEND_ZC, sockfd, HR_PTR64(buf), len, 0,
                       op_flags((uint32_t)flags), ioprio((uint16_t)zc_flags));
*/
static inline void hr_prep_send_zc(struct hr_sqe *sqe, int32_t sockfd,
                                   const void *buf, uint32_t len,
                                   int32_t flags, uint32_t zc_flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_SEND_ZC, sockfd, HR_PTR64(buf), len, 0,
                       op_flags((uint32_t)flags),
                       ioprio((uint16_t)(zc_flags | IORING_RECVSEND_FIXED_BUF)),
                       buf_index((uint16_t)buf_index));
*/
static inline void hr_prep_send_zc_fixed(struct hr_sqe *sqe, int32_t sockfd,
                                         const void *buf, uint32_t len,
                                         int32_t flags, uint32_t zc_flags,
                                         uint32_t buf_index);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_SENDMSG, fd, HR_PTR64(msg), 1, 0,
                       op_flags(flags));
*/
static inline void hr_prep_sendmsg(struct hr_sqe *sqe, int32_t fd,
                                   const struct msghdr *msg, uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_SENDMSG_ZC, fd, HR_PTR64(msg), 1, 0,
                       op_flags(flags));
*/
static inline void hr_prep_sendmsg_zc(struct hr_sqe *sqe, int32_t fd,
                                      const struct msghdr *msg,
                                      uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_RECV, sockfd, HR_PTR64(buf), len, 0,
                       op_flags((uint32_t)flags));
*/
static inline void hr_prep_recv(struct hr_sqe *sqe, int32_t sockfd,
                                void *buf, uint32_t len, int32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_RECV, sockfd, HR_PTR64(buf), len, 0,
                       op_flags((uint32_t)flags),
                       ioprio(IORING_RECV_MULTISHOT));
*/
static inline void hr_prep_recv_multishot(struct hr_sqe *sqe, int32_t sockfd,
                                          void *buf, uint32_t len,
                                          int32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_RECVMSG, fd, HR_PTR64(msg), 1, 0,
                       op_flags(flags));
*/
static inline void hr_prep_recvmsg(struct hr_sqe *sqe, int32_t fd,
                                   struct msghdr *msg, uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_RECVMSG, fd, HR_PTR64(msg), 1, 0,
                       op_flags(flags), ioprio(IORING_RECV_MULTISHOT));
*/
static inline void hr_prep_recvmsg_multishot(struct hr_sqe *sqe, int32_t fd,
                                             struct msghdr *msg,
                                             uint32_t flags);

/* Socket command (IORING_OP_URING_CMD): cmd_op in the low half of off,
 * level / optname in the low / high half of addr, optval in addr3, optlen in
 * file_index. */
/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_URING_CMD, fd,
                       (uint32_t)optname * 0x100000000 + (uint32_t)level, 0,
                       (uint32_t)cmd_op, file_index((uint32_t)optlen),
                       addr3(HR_PTR64(optval)));
*/
static inline void hr_prep_cmd_sock(struct hr_sqe *sqe, int32_t cmd_op,
                                    int32_t fd, int32_t level, int32_t optname,
                                    void *optval, int32_t optlen);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_URING_CMD, fd, 0, 0, (uint32_t)cmd_op);
*/
static inline void hr_prep_uring_cmd(struct hr_sqe *sqe, int32_t cmd_op,
                                     int32_t fd);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, HR_OP_URING_CMD128, fd, 0, 0, (uint32_t)cmd_op);
*/
static inline void hr_prep_uring_cmd128(struct hr_sqe *sqe, int32_t cmd_op,
                                        int32_t fd);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_URING_CMD, fd, HR_PTR64(sockaddr), 0,
                       HR_SOCKET_URING_OP_GETSOCKNAME,
                       addr3(HR_PTR64(sockaddr_len)),
                       file_index((uint32_t)peer));
*/
static inline void hr_prep_cmd_getsockname(struct hr_sqe *sqe, int32_t fd,
                                           struct sockaddr *sockaddr,
                                           uint32_t *sockaddr_len,
                                           int32_t peer);

/* ---- polling ------------------------------------------------------------- */

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_POLL_ADD, fd, 0, 0, 0,
                       op_flags(poll_mask));
*/
static inline void hr_prep_poll_add(struct hr_sqe *sqe, int32_t fd,
                                    uint32_t poll_mask);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_POLL_ADD, fd, 0, IORING_POLL_ADD_MULTI,
                       0, op_flags(poll_mask));
*/
static inline void hr_prep_poll_multishot(struct hr_sqe *sqe, int32_t fd,
                                          uint32_t poll_mask);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_POLL_REMOVE, -1, user_data, 0, 0);
*/
static inline void hr_prep_poll_remove(struct hr_sqe *sqe, uint64_t user_data);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_POLL_REMOVE, -1, old_user_data, flags,
                       new_user_data, op_flags(poll_mask));
*/
static inline void hr_prep_poll_update(struct hr_sqe *sqe,
                                       uint64_t old_user_data,
                                       uint64_t new_user_data,
                                       uint32_t poll_mask, uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_EPOLL_CTL, epfd, HR_PTR64(ev),
                       (uint32_t)op, (uint32_t)fd);
*/
static inline void hr_prep_epoll_ctl(struct hr_sqe *sqe, int32_t epfd,
                                     int32_t fd, int32_t op,
                                     struct epoll_event *ev);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, HR_OP_EPOLL_WAIT, fd, HR_PTR64(events),
                       (uint32_t)maxevents, 0, op_flags(flags));
*/
static inline void hr_prep_epoll_wait(struct hr_sqe *sqe, int32_t fd,
                                      struct epoll_event *events,
                                      int32_t maxevents, uint32_t flags);

/* ---- timeouts and cancellation ------------------------------------------- */

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_TIMEOUT, -1, HR_PTR64(ts), 1, count,
                       op_flags(flags));
*/
static inline void hr_prep_timeout(struct hr_sqe *sqe,
                                   struct __kernel_timespec *ts,
                                   uint32_t count, uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_TIMEOUT_REMOVE, -1, user_data, 0, 0,
                       op_flags(flags));
*/
static inline void hr_prep_timeout_remove(struct hr_sqe *sqe,
                                          uint64_t user_data, uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_TIMEOUT_REMOVE, -1, user_data, 0,
                       HR_PTR64(ts), op_flags(flags | IORING_TIMEOUT_UPDATE));
*/
static inline void hr_prep_timeout_update(struct hr_sqe *sqe,
                                          struct __kernel_timespec *ts,
                                          uint64_t user_data, uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_LINK_TIMEOUT, -1, HR_PTR64(ts), 1, 0,
                       op_flags(flags));
*/
static inline void hr_prep_link_timeout(struct hr_sqe *sqe,
                                        struct __kernel_timespec *ts,
                                        uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_ASYNC_CANCEL, -1, user_data, 0, 0,
                       op_flags((uint32_t)flags));
*/
static inline void hr_prep_cancel64(struct hr_sqe *sqe, uint64_t user_data,
                                    int32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_ASYNC_CANCEL, -1, HR_PTR64(user_data), 0,
                       0, op_flags((uint32_t)flags));
*/
static inline void hr_prep_cancel(struct hr_sqe *sqe, void *user_data,
                                  int32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_ASYNC_CANCEL, fd, 0, 0, 0,
                       op_flags(flags | IORING_ASYNC_CANCEL_FD));
*/
static inline void hr_prep_cancel_fd(struct hr_sqe *sqe, int32_t fd,
                                     uint32_t flags);

/* ---- buffers and registered files ---------------------------------------- */

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_PROVIDE_BUFFERS, nr, HR_PTR64(addr),
                       (uint32_t)len, (uint64_t)bid,
                       buf_index((uint16_t)bgid));
*/
static inline void hr_prep_provide_buffers(struct hr_sqe *sqe, void *addr,
                                           int32_t len, int32_t nr,
                                           int32_t bgid, int32_t bid);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_REMOVE_BUFFERS, nr, 0, 0, 0,
                       buf_index((uint16_t)bgid));
*/
static inline void hr_prep_remove_buffers(struct hr_sqe *sqe, int32_t nr,
                                          int32_t bgid);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_FILES_UPDATE, -1, HR_PTR64(fds), nr_fds,
                       (uint64_t)offset);
*/
static inline void hr_prep_files_update(struct hr_sqe *sqe, int32_t *fds,
                                        uint32_t nr_fds, int32_t offset);

/* ---- ring messages ------------------------------------------------------- */

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_MSG_RING, fd, 0, len, data,
                       op_flags(flags));
*/
static inline void hr_prep_msg_ring(struct hr_sqe *sqe, int32_t fd,
                                    uint32_t len, uint64_t data,
                                    uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_MSG_RING, fd, 0, len, data,
                       op_flags(IORING_MSG_RING_FLAGS_PASS | flags),
                       file_index(cqe_flags));
*/
static inline void hr_prep_msg_ring_cqe_flags(struct hr_sqe *sqe, int32_t fd,
                                              uint32_t len, uint64_t data,
                                              uint32_t flags,
                                              uint32_t cqe_flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_MSG_RING, fd, IORING_MSG_SEND_FD, 0,
                       data, addr3((uint64_t)source_fd),
                       file_index(direct_index((uint32_t)target_fd)),
                       op_flags(flags));
*/
static inline void hr_prep_msg_ring_fd(struct hr_sqe *sqe, int32_t fd,
                                       int32_t source_fd, int32_t target_fd,
                                       uint64_t data, uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, IORING_OP_MSG_RING, fd, IORING_MSG_SEND_FD, 0,
                       data, addr3((uint64_t)source_fd),
                       file_index(0xFFFFFFFF), op_flags(flags));
*/
static inline void hr_prep_msg_ring_fd_alloc(struct hr_sqe *sqe, int32_t fd,
                                             int32_t source_fd, uint64_t data,
                                             uint32_t flags);

/* ---- processes and futexes ----------------------------------------------- */

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, HR_OP_WAITID, (int32_t)id, 0, idtype,
                       HR_PTR64(infop), op_flags(flags),
                       file_index((uint32_t)options));
*/
static inline void hr_prep_waitid(struct hr_sqe *sqe, uint32_t idtype,
                                  uint32_t id, void *infop, int32_t options,
                                  uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, HR_OP_FUTEX_WAIT, (int32_t)futex_flags,
                       HR_PTR64(futex), 0, val, op_flags(flags), addr3(mask));
*/
static inline void hr_prep_futex_wait(struct hr_sqe *sqe, uint32_t *futex,
                                      uint64_t val, uint64_t mask,
                                      uint32_t futex_flags, uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, HR_OP_FUTEX_WAKE, (int32_t)futex_flags,
                       HR_PTR64(futex), 0, val, op_flags(flags), addr3(mask));
*/
static inline void hr_prep_futex_wake(struct hr_sqe *sqe, uint32_t *futex,
                                      uint64_t val, uint64_t mask,
                                      uint32_t futex_flags, uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures PREP_RW_IS(sqe, HR_OP_FUTEX_WAITV, 0, HR_PTR64(futex), nr_futex, 0,
                       op_flags(flags));
*/
static inline void hr_prep_futex_waitv(struct hr_sqe *sqe,
                                       struct futex_waitv *futex,
                                       uint32_t nr_futex, uint32_t flags);

#endif
