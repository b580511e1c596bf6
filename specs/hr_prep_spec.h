/* hr_prep_spec.h -- contracts of the prep helpers (bodies: core/hr_prep.h).
 * Each states the exact value of all 64 bytes of the SQE (through the
 * mirror's fields): the fields the op owns get the arguments, the rest 0;
 * SQE_IS(sqe, opcode, flags, ioprio, fd, off, addr, len, op_flags,
 *        buf_index, file_index, addr3) lists them in that order.
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

/* SQE field conditions for the contracts.  Macros rather than ACSL
 * predicates: Qed (WP's simplifier) does not unfold predicates, so with one
 * every postcondition went to an SMT solver (about 1 s each); spelled out,
 * Qed closes them.  Frama-C preprocesses annotations: contracts read alike. */
#define SQE_REST_ZERO(s)                                                    \
    ((s)->ioprio == 0 && (s)->buf_index == 0 && (s)->personality == 0 &&    \
     (s)->file_index == 0 && (s)->addr3 == 0 && (s)->pad2 == 0)

/* All 14 mirror fields: the 11 given, and user_data, personality and pad2,
 * which a prep helper always zeroes. */
#define SQE_IS(s, opcode_, flags_, ioprio_, fd_, off_, addr_, len_,         \
               op_flags_, buf_index_, file_index_, addr3_)                  \
    ((s)->opcode == (opcode_) && (s)->flags == (flags_) &&                  \
     (s)->ioprio == (ioprio_) && (s)->fd == (fd_) && (s)->off == (off_) &&  \
     (s)->addr == (addr_) && (s)->len == (len_) &&                          \
     (s)->op_flags == (op_flags_) && (s)->user_data == 0 &&                 \
     (s)->buf_index == (buf_index_) && (s)->personality == 0 &&             \
     (s)->file_index == (file_index_) && (s)->addr3 == (addr3_) &&          \
     (s)->pad2 == 0)

/*@ // file_index of the *_direct variants: slot + 1, or
    // IORING_FILE_INDEX_ALLOC (~0U) kept as is ("allocate a free slot").
    logic integer direct_index(integer slot) =
      slot == 0xFFFFFFFF ? 0xFFFFFFFF : slot + 1;
*/

/* ---- shapes -------------------------------------------------------------- */

/* The common shape of most ops (liburing's io_uring_prep_rw). */
/*@ requires \valid(sqe);
    assigns *sqe;
    ensures sqe->opcode == op && sqe->flags == 0 && sqe->fd == fd &&
            sqe->off == off && sqe->addr == addr && sqe->len == len &&
            sqe->op_flags == 0 && sqe->user_data == 0 && SQE_REST_ZERO(sqe);
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
    ensures sqe->opcode == IORING_OP_NOP && sqe->flags == 0 && sqe->fd == -1 &&
            sqe->off == 0 && sqe->addr == 0 && sqe->len == 0 &&
            sqe->op_flags == 0 && sqe->user_data == 0 && SQE_REST_ZERO(sqe);
*/
static inline void hr_prep_nop(struct hr_sqe *sqe);

/* ---- read / write -------------------------------------------------------- */

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_READ, 0, 0, fd, offset, HR_PTR64(buf),
                   nbytes, 0, 0, 0, 0);
*/
static inline void hr_prep_read(struct hr_sqe *sqe, int32_t fd, void *buf,
                                uint32_t nbytes, uint64_t offset);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_WRITE, 0, 0, fd, offset, HR_PTR64(buf),
                   nbytes, 0, 0, 0, 0);
*/
static inline void hr_prep_write(struct hr_sqe *sqe, int32_t fd,
                                 const void *buf, uint32_t nbytes,
                                 uint64_t offset);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_READV, 0, 0, fd, offset, HR_PTR64(iovecs),
                   nr_vecs, 0, 0, 0, 0);
*/
static inline void hr_prep_readv(struct hr_sqe *sqe, int32_t fd,
                                 const struct iovec *iovecs, uint32_t nr_vecs,
                                 uint64_t offset);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_READV, 0, 0, fd, offset, HR_PTR64(iovecs),
                   nr_vecs, (uint32_t)flags, 0, 0, 0);
*/
static inline void hr_prep_readv2(struct hr_sqe *sqe, int32_t fd,
                                  const struct iovec *iovecs, uint32_t nr_vecs,
                                  uint64_t offset, int32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_WRITEV, 0, 0, fd, offset, HR_PTR64(iovecs),
                   nr_vecs, 0, 0, 0, 0);
*/
static inline void hr_prep_writev(struct hr_sqe *sqe, int32_t fd,
                                  const struct iovec *iovecs, uint32_t nr_vecs,
                                  uint64_t offset);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_WRITEV, 0, 0, fd, offset, HR_PTR64(iovecs),
                   nr_vecs, (uint32_t)flags, 0, 0, 0);
*/
static inline void hr_prep_writev2(struct hr_sqe *sqe, int32_t fd,
                                   const struct iovec *iovecs, uint32_t nr_vecs,
                                   uint64_t offset, int32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_READ_FIXED, 0, 0, fd, offset, HR_PTR64(buf),
                   nbytes, 0, (uint16_t)buf_index, 0, 0);
*/
static inline void hr_prep_read_fixed(struct hr_sqe *sqe, int32_t fd,
                                      void *buf, uint32_t nbytes,
                                      uint64_t offset, int32_t buf_index);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_WRITE_FIXED, 0, 0, fd, offset, HR_PTR64(buf),
                   nbytes, 0, (uint16_t)buf_index, 0, 0);
*/
static inline void hr_prep_write_fixed(struct hr_sqe *sqe, int32_t fd,
                                       const void *buf, uint32_t nbytes,
                                       uint64_t offset, int32_t buf_index);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, HR_OP_READ_MULTISHOT, IOSQE_BUFFER_SELECT, 0, fd,
                   offset, 0, nbytes, 0, (uint16_t)buf_group, 0, 0);
*/
static inline void hr_prep_read_multishot(struct hr_sqe *sqe, int32_t fd,
                                          uint32_t nbytes, uint64_t offset,
                                          int32_t buf_group);

/* ---- file sync, space, advice -------------------------------------------- */

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_FSYNC, 0, 0, fd, 0, 0, 0, fsync_flags,
                   0, 0, 0);
*/
static inline void hr_prep_fsync(struct hr_sqe *sqe, int32_t fd,
                                 uint32_t fsync_flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_SYNC_FILE_RANGE, 0, 0, fd, offset, 0, len,
                   (uint32_t)flags, 0, 0, 0);
*/
static inline void hr_prep_sync_file_range(struct hr_sqe *sqe, int32_t fd,
                                           uint32_t len, uint64_t offset,
                                           int32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_FALLOCATE, 0, 0, fd, offset, len,
                   (uint32_t)mode, 0, 0, 0, 0);
*/
static inline void hr_prep_fallocate(struct hr_sqe *sqe, int32_t fd,
                                     int32_t mode, uint64_t offset,
                                     uint64_t len);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_FADVISE, 0, 0, fd, offset, 0, len,
                   (uint32_t)advice, 0, 0, 0);
*/
static inline void hr_prep_fadvise(struct hr_sqe *sqe, int32_t fd,
                                   uint64_t offset, uint32_t len,
                                   int32_t advice);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_FADVISE, 0, 0, fd, offset, len, 0,
                   (uint32_t)advice, 0, 0, 0);
*/
static inline void hr_prep_fadvise64(struct hr_sqe *sqe, int32_t fd,
                                     uint64_t offset, uint64_t len,
                                     int32_t advice);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_MADVISE, 0, 0, -1, 0, HR_PTR64(addr),
                   length, (uint32_t)advice, 0, 0, 0);
*/
static inline void hr_prep_madvise(struct hr_sqe *sqe, void *addr,
                                   uint32_t length, int32_t advice);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_MADVISE, 0, 0, -1, length, HR_PTR64(addr),
                   0, (uint32_t)advice, 0, 0, 0);
*/
static inline void hr_prep_madvise64(struct hr_sqe *sqe, void *addr,
                                     uint64_t length, int32_t advice);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, HR_OP_FTRUNCATE, 0, 0, fd, len, 0, 0, 0, 0, 0, 0);
*/
static inline void hr_prep_ftruncate(struct hr_sqe *sqe, int32_t fd,
                                     uint64_t len);

/* ---- open / close -------------------------------------------------------- */

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_OPENAT, 0, 0, dfd, 0, HR_PTR64(path), mode,
                   (uint32_t)flags, 0, 0, 0);
*/
static inline void hr_prep_openat(struct hr_sqe *sqe, int32_t dfd,
                                  const char *path, int32_t flags,
                                  uint32_t mode);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_OPENAT, 0, 0, HR_AT_FDCWD, 0, HR_PTR64(path),
                   mode, (uint32_t)flags, 0, 0, 0);
*/
static inline void hr_prep_open(struct hr_sqe *sqe, const char *path,
                                int32_t flags, uint32_t mode);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_OPENAT, 0, 0, dfd, 0, HR_PTR64(path), mode,
                   (uint32_t)flags, 0, direct_index(file_index), 0);
*/
static inline void hr_prep_openat_direct(struct hr_sqe *sqe, int32_t dfd,
                                         const char *path, int32_t flags,
                                         uint32_t mode, uint32_t file_index);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_OPENAT, 0, 0, HR_AT_FDCWD, 0, HR_PTR64(path),
                   mode, (uint32_t)flags, 0, direct_index(file_index), 0);
*/
static inline void hr_prep_open_direct(struct hr_sqe *sqe, const char *path,
                                       int32_t flags, uint32_t mode,
                                       uint32_t file_index);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_OPENAT2, 0, 0, dfd, HR_PTR64(how),
                   HR_PTR64(path), HR_OPEN_HOW_SIZE, 0, 0, 0, 0);
*/
static inline void hr_prep_openat2(struct hr_sqe *sqe, int32_t dfd,
                                   const char *path, struct open_how *how);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_OPENAT2, 0, 0, dfd, HR_PTR64(how),
                   HR_PTR64(path), HR_OPEN_HOW_SIZE, 0, 0,
                   direct_index(file_index), 0);
*/
static inline void hr_prep_openat2_direct(struct hr_sqe *sqe, int32_t dfd,
                                          const char *path,
                                          struct open_how *how,
                                          uint32_t file_index);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_CLOSE, 0, 0, fd, 0, 0, 0, 0, 0, 0, 0);
*/
static inline void hr_prep_close(struct hr_sqe *sqe, int32_t fd);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_CLOSE, 0, 0, 0, 0, 0, 0, 0, 0,
                   direct_index(file_index), 0);
*/
static inline void hr_prep_close_direct(struct hr_sqe *sqe,
                                        uint32_t file_index);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, HR_OP_FIXED_FD_INSTALL, IOSQE_FIXED_FILE, 0, fd, 0, 0,
                   0, flags, 0, 0, 0);
*/
static inline void hr_prep_fixed_fd_install(struct hr_sqe *sqe, int32_t fd,
                                            uint32_t flags);

/* ---- paths --------------------------------------------------------------- */

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_STATX, 0, 0, dfd, HR_PTR64(statxbuf),
                   HR_PTR64(path), mask, (uint32_t)flags, 0, 0, 0);
*/
static inline void hr_prep_statx(struct hr_sqe *sqe, int32_t dfd,
                                 const char *path, int32_t flags,
                                 uint32_t mask, struct statx *statxbuf);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_RENAMEAT, 0, 0, olddfd, HR_PTR64(newpath),
                   HR_PTR64(oldpath), (uint32_t)newdfd, flags, 0, 0, 0);
*/
static inline void hr_prep_renameat(struct hr_sqe *sqe, int32_t olddfd,
                                    const char *oldpath, int32_t newdfd,
                                    const char *newpath, uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_RENAMEAT, 0, 0, HR_AT_FDCWD,
                   HR_PTR64(newpath), HR_PTR64(oldpath),
                   (uint32_t)HR_AT_FDCWD, 0, 0, 0, 0);
*/
static inline void hr_prep_rename(struct hr_sqe *sqe, const char *oldpath,
                                  const char *newpath);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_UNLINKAT, 0, 0, dfd, 0, HR_PTR64(path), 0,
                   (uint32_t)flags, 0, 0, 0);
*/
static inline void hr_prep_unlinkat(struct hr_sqe *sqe, int32_t dfd,
                                    const char *path, int32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_UNLINKAT, 0, 0, HR_AT_FDCWD, 0,
                   HR_PTR64(path), 0, (uint32_t)flags, 0, 0, 0);
*/
static inline void hr_prep_unlink(struct hr_sqe *sqe, const char *path,
                                  int32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_MKDIRAT, 0, 0, dfd, 0, HR_PTR64(path), mode,
                   0, 0, 0, 0);
*/
static inline void hr_prep_mkdirat(struct hr_sqe *sqe, int32_t dfd,
                                   const char *path, uint32_t mode);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_MKDIRAT, 0, 0, HR_AT_FDCWD, 0,
                   HR_PTR64(path), mode, 0, 0, 0, 0);
*/
static inline void hr_prep_mkdir(struct hr_sqe *sqe, const char *path,
                                 uint32_t mode);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_SYMLINKAT, 0, 0, newdirfd, HR_PTR64(linkpath),
                   HR_PTR64(target), 0, 0, 0, 0, 0);
*/
static inline void hr_prep_symlinkat(struct hr_sqe *sqe, const char *target,
                                     int32_t newdirfd, const char *linkpath);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_SYMLINKAT, 0, 0, HR_AT_FDCWD,
                   HR_PTR64(linkpath), HR_PTR64(target), 0, 0, 0, 0, 0);
*/
static inline void hr_prep_symlink(struct hr_sqe *sqe, const char *target,
                                   const char *linkpath);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_LINKAT, 0, 0, olddfd, HR_PTR64(newpath),
                   HR_PTR64(oldpath), (uint32_t)newdfd, (uint32_t)flags,
                   0, 0, 0);
*/
static inline void hr_prep_linkat(struct hr_sqe *sqe, int32_t olddfd,
                                  const char *oldpath, int32_t newdfd,
                                  const char *newpath, int32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_LINKAT, 0, 0, HR_AT_FDCWD, HR_PTR64(newpath),
                   HR_PTR64(oldpath), (uint32_t)HR_AT_FDCWD, (uint32_t)flags,
                   0, 0, 0);
*/
static inline void hr_prep_link(struct hr_sqe *sqe, const char *oldpath,
                                const char *newpath, int32_t flags);

/* ---- extended attributes ------------------------------------------------- */

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_GETXATTR, 0, 0, 0, HR_PTR64(value),
                   HR_PTR64(name), len, 0, 0, 0, HR_PTR64(path));
*/
static inline void hr_prep_getxattr(struct hr_sqe *sqe, const char *name,
                                    char *value, const char *path,
                                    uint32_t len);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_SETXATTR, 0, 0, 0, HR_PTR64(value),
                   HR_PTR64(name), len, (uint32_t)flags, 0, 0, HR_PTR64(path));
*/
static inline void hr_prep_setxattr(struct hr_sqe *sqe, const char *name,
                                    const char *value, const char *path,
                                    int32_t flags, uint32_t len);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_FGETXATTR, 0, 0, fd, HR_PTR64(value),
                   HR_PTR64(name), len, 0, 0, 0, 0);
*/
static inline void hr_prep_fgetxattr(struct hr_sqe *sqe, int32_t fd,
                                     const char *name, char *value,
                                     uint32_t len);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_FSETXATTR, 0, 0, fd, HR_PTR64(value),
                   HR_PTR64(name), len, (uint32_t)flags, 0, 0, 0);
*/
static inline void hr_prep_fsetxattr(struct hr_sqe *sqe, int32_t fd,
                                     const char *name, const char *value,
                                     int32_t flags, uint32_t len);

/* ---- pipes --------------------------------------------------------------- */

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_SPLICE, 0, 0, fd_out, (uint64_t)off_out,
                   (uint64_t)off_in, nbytes, splice_flags, 0,
                   (uint32_t)fd_in, 0);
*/
static inline void hr_prep_splice(struct hr_sqe *sqe, int32_t fd_in,
                                  int64_t off_in, int32_t fd_out,
                                  int64_t off_out, uint32_t nbytes,
                                  uint32_t splice_flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_TEE, 0, 0, fd_out, 0, 0, nbytes,
                   splice_flags, 0, (uint32_t)fd_in, 0);
*/
static inline void hr_prep_tee(struct hr_sqe *sqe, int32_t fd_in,
                               int32_t fd_out, uint32_t nbytes,
                               uint32_t splice_flags);

/* ---- sockets: setup ------------------------------------------------------ */

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_SOCKET, 0, 0, domain, (uint64_t)type, 0,
                   (uint32_t)protocol, flags, 0, 0, 0);
*/
static inline void hr_prep_socket(struct hr_sqe *sqe, int32_t domain,
                                  int32_t type, int32_t protocol,
                                  uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_SOCKET, 0, 0, domain, (uint64_t)type, 0,
                   (uint32_t)protocol, flags, 0, direct_index(file_index), 0);
*/
static inline void hr_prep_socket_direct(struct hr_sqe *sqe, int32_t domain,
                                         int32_t type, int32_t protocol,
                                         uint32_t file_index, uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_SOCKET, 0, 0, domain, (uint64_t)type, 0,
                   (uint32_t)protocol, flags, 0, 0xFFFFFFFF, 0);
*/
static inline void hr_prep_socket_direct_alloc(struct hr_sqe *sqe,
                                               int32_t domain, int32_t type,
                                               int32_t protocol,
                                               uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, HR_OP_BIND, 0, 0, fd, addrlen, HR_PTR64(addr), 0, 0,
                   0, 0, 0);
*/
static inline void hr_prep_bind(struct hr_sqe *sqe, int32_t fd,
                                struct sockaddr *addr, uint32_t addrlen);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, HR_OP_LISTEN, 0, 0, fd, 0, 0, (uint32_t)backlog, 0,
                   0, 0, 0);
*/
static inline void hr_prep_listen(struct hr_sqe *sqe, int32_t fd,
                                  int32_t backlog);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_CONNECT, 0, 0, fd, addrlen, HR_PTR64(addr),
                   0, 0, 0, 0, 0);
*/
static inline void hr_prep_connect(struct hr_sqe *sqe, int32_t fd,
                                   const struct sockaddr *addr,
                                   uint32_t addrlen);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_ACCEPT, 0, 0, fd, HR_PTR64(addrlen),
                   HR_PTR64(addr), 0, (uint32_t)flags, 0, 0, 0);
*/
static inline void hr_prep_accept(struct hr_sqe *sqe, int32_t fd,
                                  struct sockaddr *addr, uint32_t *addrlen,
                                  int32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_ACCEPT, 0, 0, fd, HR_PTR64(addrlen),
                   HR_PTR64(addr), 0, (uint32_t)flags, 0,
                   direct_index(file_index), 0);
*/
static inline void hr_prep_accept_direct(struct hr_sqe *sqe, int32_t fd,
                                         struct sockaddr *addr,
                                         uint32_t *addrlen, int32_t flags,
                                         uint32_t file_index);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_ACCEPT, 0, IORING_ACCEPT_MULTISHOT, fd,
                   HR_PTR64(addrlen), HR_PTR64(addr), 0, (uint32_t)flags,
                   0, 0, 0);
*/
static inline void hr_prep_multishot_accept(struct hr_sqe *sqe, int32_t fd,
                                            struct sockaddr *addr,
                                            uint32_t *addrlen, int32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_ACCEPT, 0, IORING_ACCEPT_MULTISHOT, fd,
                   HR_PTR64(addrlen), HR_PTR64(addr), 0, (uint32_t)flags,
                   0, 0xFFFFFFFF, 0);
*/
static inline void hr_prep_multishot_accept_direct(struct hr_sqe *sqe,
                                                   int32_t fd,
                                                   struct sockaddr *addr,
                                                   uint32_t *addrlen,
                                                   int32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_SHUTDOWN, 0, 0, fd, 0, 0, (uint32_t)how, 0,
                   0, 0, 0);
*/
static inline void hr_prep_shutdown(struct hr_sqe *sqe, int32_t fd,
                                    int32_t how);

/* ---- sockets: data ------------------------------------------------------- */

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_SEND, 0, 0, sockfd, 0, HR_PTR64(buf), len,
                   (uint32_t)flags, 0, 0, 0);
*/
static inline void hr_prep_send(struct hr_sqe *sqe, int32_t sockfd,
                                const void *buf, uint32_t len, int32_t flags);

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
    ensures SQE_IS(sqe, IORING_OP_SEND, 0, 0, sockfd, HR_PTR64(addr),
                   HR_PTR64(buf), len, (uint32_t)flags, 0,
                   (uint16_t)addrlen, 0);
*/
static inline void hr_prep_sendto(struct hr_sqe *sqe, int32_t sockfd,
                                  const void *buf, uint32_t len, int32_t flags,
                                  const struct sockaddr *addr,
                                  uint32_t addrlen);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_SEND_ZC, 0, (uint16_t)zc_flags, sockfd, 0,
                   HR_PTR64(buf), len, (uint32_t)flags, 0, 0, 0);
*/
static inline void hr_prep_send_zc(struct hr_sqe *sqe, int32_t sockfd,
                                   const void *buf, uint32_t len,
                                   int32_t flags, uint32_t zc_flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_SEND_ZC, 0,
                   (uint16_t)(zc_flags | IORING_RECVSEND_FIXED_BUF), sockfd, 0,
                   HR_PTR64(buf), len, (uint32_t)flags, (uint16_t)buf_index,
                   0, 0);
*/
static inline void hr_prep_send_zc_fixed(struct hr_sqe *sqe, int32_t sockfd,
                                         const void *buf, uint32_t len,
                                         int32_t flags, uint32_t zc_flags,
                                         uint32_t buf_index);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_SENDMSG, 0, 0, fd, 0, HR_PTR64(msg), 1,
                   flags, 0, 0, 0);
*/
static inline void hr_prep_sendmsg(struct hr_sqe *sqe, int32_t fd,
                                   const struct msghdr *msg, uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_SENDMSG_ZC, 0, 0, fd, 0, HR_PTR64(msg), 1,
                   flags, 0, 0, 0);
*/
static inline void hr_prep_sendmsg_zc(struct hr_sqe *sqe, int32_t fd,
                                      const struct msghdr *msg,
                                      uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_RECV, 0, 0, sockfd, 0, HR_PTR64(buf), len,
                   (uint32_t)flags, 0, 0, 0);
*/
static inline void hr_prep_recv(struct hr_sqe *sqe, int32_t sockfd,
                                void *buf, uint32_t len, int32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_RECV, 0, IORING_RECV_MULTISHOT, sockfd, 0,
                   HR_PTR64(buf), len, (uint32_t)flags, 0, 0, 0);
*/
static inline void hr_prep_recv_multishot(struct hr_sqe *sqe, int32_t sockfd,
                                          void *buf, uint32_t len,
                                          int32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_RECVMSG, 0, 0, fd, 0, HR_PTR64(msg), 1,
                   flags, 0, 0, 0);
*/
static inline void hr_prep_recvmsg(struct hr_sqe *sqe, int32_t fd,
                                   struct msghdr *msg, uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_RECVMSG, 0, IORING_RECV_MULTISHOT, fd, 0,
                   HR_PTR64(msg), 1, flags, 0, 0, 0);
*/
static inline void hr_prep_recvmsg_multishot(struct hr_sqe *sqe, int32_t fd,
                                             struct msghdr *msg,
                                             uint32_t flags);

/* Socket command (IORING_OP_URING_CMD): cmd_op in the low half of off,
 * level / optname in the low / high half of addr, optval in addr3, optlen in
 * file_index. */
/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_URING_CMD, 0, 0, fd, (uint32_t)cmd_op,
                   (uint32_t)optname * 0x100000000 + (uint32_t)level, 0, 0, 0,
                   (uint32_t)optlen, HR_PTR64(optval));
*/
static inline void hr_prep_cmd_sock(struct hr_sqe *sqe, int32_t cmd_op,
                                    int32_t fd, int32_t level, int32_t optname,
                                    void *optval, int32_t optlen);

/* ---- polling ------------------------------------------------------------- */

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_POLL_ADD, 0, 0, fd, 0, 0, 0, poll_mask,
                   0, 0, 0);
*/
static inline void hr_prep_poll_add(struct hr_sqe *sqe, int32_t fd,
                                    uint32_t poll_mask);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_POLL_ADD, 0, 0, fd, 0, 0,
                   IORING_POLL_ADD_MULTI, poll_mask, 0, 0, 0);
*/
static inline void hr_prep_poll_multishot(struct hr_sqe *sqe, int32_t fd,
                                          uint32_t poll_mask);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_POLL_REMOVE, 0, 0, -1, 0, user_data, 0, 0,
                   0, 0, 0);
*/
static inline void hr_prep_poll_remove(struct hr_sqe *sqe, uint64_t user_data);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_POLL_REMOVE, 0, 0, -1, new_user_data,
                   old_user_data, flags, poll_mask, 0, 0, 0);
*/
static inline void hr_prep_poll_update(struct hr_sqe *sqe,
                                       uint64_t old_user_data,
                                       uint64_t new_user_data,
                                       uint32_t poll_mask, uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_EPOLL_CTL, 0, 0, epfd, (uint32_t)fd,
                   HR_PTR64(ev), (uint32_t)op, 0, 0, 0, 0);
*/
static inline void hr_prep_epoll_ctl(struct hr_sqe *sqe, int32_t epfd,
                                     int32_t fd, int32_t op,
                                     struct epoll_event *ev);

/* ---- timeouts and cancellation ------------------------------------------- */

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_TIMEOUT, 0, 0, -1, count, HR_PTR64(ts), 1,
                   flags, 0, 0, 0);
*/
static inline void hr_prep_timeout(struct hr_sqe *sqe,
                                   struct __kernel_timespec *ts,
                                   uint32_t count, uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_TIMEOUT_REMOVE, 0, 0, -1, 0, user_data, 0,
                   flags, 0, 0, 0);
*/
static inline void hr_prep_timeout_remove(struct hr_sqe *sqe,
                                          uint64_t user_data, uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_TIMEOUT_REMOVE, 0, 0, -1, HR_PTR64(ts),
                   user_data, 0, flags | IORING_TIMEOUT_UPDATE, 0, 0, 0);
*/
static inline void hr_prep_timeout_update(struct hr_sqe *sqe,
                                          struct __kernel_timespec *ts,
                                          uint64_t user_data, uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_LINK_TIMEOUT, 0, 0, -1, 0, HR_PTR64(ts), 1,
                   flags, 0, 0, 0);
*/
static inline void hr_prep_link_timeout(struct hr_sqe *sqe,
                                        struct __kernel_timespec *ts,
                                        uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_ASYNC_CANCEL, 0, 0, -1, 0, user_data, 0,
                   (uint32_t)flags, 0, 0, 0);
*/
static inline void hr_prep_cancel64(struct hr_sqe *sqe, uint64_t user_data,
                                    int32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_ASYNC_CANCEL, 0, 0, -1, 0,
                   HR_PTR64(user_data), 0, (uint32_t)flags, 0, 0, 0);
*/
static inline void hr_prep_cancel(struct hr_sqe *sqe, void *user_data,
                                  int32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_ASYNC_CANCEL, 0, 0, fd, 0, 0, 0,
                   flags | IORING_ASYNC_CANCEL_FD, 0, 0, 0);
*/
static inline void hr_prep_cancel_fd(struct hr_sqe *sqe, int32_t fd,
                                     uint32_t flags);

/* ---- buffers and registered files ---------------------------------------- */

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_PROVIDE_BUFFERS, 0, 0, nr, (uint64_t)bid,
                   HR_PTR64(addr), (uint32_t)len, 0, (uint16_t)bgid, 0, 0);
*/
static inline void hr_prep_provide_buffers(struct hr_sqe *sqe, void *addr,
                                           int32_t len, int32_t nr,
                                           int32_t bgid, int32_t bid);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_REMOVE_BUFFERS, 0, 0, nr, 0, 0, 0, 0,
                   (uint16_t)bgid, 0, 0);
*/
static inline void hr_prep_remove_buffers(struct hr_sqe *sqe, int32_t nr,
                                          int32_t bgid);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_FILES_UPDATE, 0, 0, -1, (uint64_t)offset,
                   HR_PTR64(fds), nr_fds, 0, 0, 0, 0);
*/
static inline void hr_prep_files_update(struct hr_sqe *sqe, int32_t *fds,
                                        uint32_t nr_fds, int32_t offset);

/* ---- ring messages ------------------------------------------------------- */

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_MSG_RING, 0, 0, fd, data, 0, len, flags,
                   0, 0, 0);
*/
static inline void hr_prep_msg_ring(struct hr_sqe *sqe, int32_t fd,
                                    uint32_t len, uint64_t data,
                                    uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_MSG_RING, 0, 0, fd, data, 0, len,
                   IORING_MSG_RING_FLAGS_PASS | flags, 0, cqe_flags, 0);
*/
static inline void hr_prep_msg_ring_cqe_flags(struct hr_sqe *sqe, int32_t fd,
                                              uint32_t len, uint64_t data,
                                              uint32_t flags,
                                              uint32_t cqe_flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_MSG_RING, 0, 0, fd, data, IORING_MSG_SEND_FD,
                   0, flags, 0, direct_index((uint32_t)target_fd),
                   (uint64_t)source_fd);
*/
static inline void hr_prep_msg_ring_fd(struct hr_sqe *sqe, int32_t fd,
                                       int32_t source_fd, int32_t target_fd,
                                       uint64_t data, uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, IORING_OP_MSG_RING, 0, 0, fd, data, IORING_MSG_SEND_FD,
                   0, flags, 0, 0xFFFFFFFF, (uint64_t)source_fd);
*/
static inline void hr_prep_msg_ring_fd_alloc(struct hr_sqe *sqe, int32_t fd,
                                             int32_t source_fd, uint64_t data,
                                             uint32_t flags);

/* ---- processes and futexes ----------------------------------------------- */

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, HR_OP_WAITID, 0, 0, (int32_t)id, HR_PTR64(infop), 0,
                   idtype, flags, 0, (uint32_t)options, 0);
*/
static inline void hr_prep_waitid(struct hr_sqe *sqe, uint32_t idtype,
                                  uint32_t id, void *infop, int32_t options,
                                  uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, HR_OP_FUTEX_WAIT, 0, 0, (int32_t)futex_flags, val,
                   HR_PTR64(futex), 0, flags, 0, 0, mask);
*/
static inline void hr_prep_futex_wait(struct hr_sqe *sqe, uint32_t *futex,
                                      uint64_t val, uint64_t mask,
                                      uint32_t futex_flags, uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, HR_OP_FUTEX_WAKE, 0, 0, (int32_t)futex_flags, val,
                   HR_PTR64(futex), 0, flags, 0, 0, mask);
*/
static inline void hr_prep_futex_wake(struct hr_sqe *sqe, uint32_t *futex,
                                      uint64_t val, uint64_t mask,
                                      uint32_t futex_flags, uint32_t flags);

/*@ requires \valid(sqe);
    assigns *sqe;
    ensures SQE_IS(sqe, HR_OP_FUTEX_WAITV, 0, 0, 0, 0, HR_PTR64(futex),
                   nr_futex, flags, 0, 0, 0);
*/
static inline void hr_prep_futex_waitv(struct hr_sqe *sqe,
                                       struct futex_waitv *futex,
                                       uint32_t nr_futex, uint32_t flags);

#endif
