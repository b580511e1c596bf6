/* zig_files.c -- Zig-behaviour suite (zt.h): file system ops (openat, close,
 * fallocate, statx, renameat, unlinkat, mkdirat, symlinkat, linkat). */
#include "zt.h"

/* Zig: test "openat" */
static int t_openat(void)
{
    RING(r, 1, 0);
    NEED_OP(r, IORING_OP_OPENAT, "OPENAT");
    char path[300];
    struct hr_cqe c;
    zt_path(path, sizeof path, "test_io_uring_openat");
    const int flags = O_CLOEXEC | O_RDWR | O_CREAT;
    struct hr_sqe *s = SQE(r);
    hr_prep_openat(s, AT_FDCWD, path, flags, 0666);
    hr_sqe_set_data64(s, 0x33333333);
    struct hr_sqe e = zt_sqe_expect(IORING_OP_OPENAT, AT_FDCWD, (uint64_t)(uintptr_t)path, 0666, 0);
    e.op_flags = (uint32_t)flags;
    e.user_data = 0x33333333;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    SKIP_IF_UNSUPPORTED(c.res, "IORING_OP_OPENAT");
    if (c.res < 0)
        FAILF("openat: %d%s", c.res, zt_errname(c.res));
    zt_fd(c.res);
    CHECK_EQ(c.user_data, 0x33333333);
    CHECK_EQ(c.flags, 0);
    int fdflags = fcntl(c.res, F_GETFD);
    CHECK(fdflags >= 0 && (fdflags & FD_CLOEXEC));
    struct stat a, b;
    TRYC(fstat(c.res, &a));
    TRYC(stat(path, &b));
    CHECK(a.st_ino == b.st_ino && S_ISREG(a.st_mode));
    return HR_PASS;
}

/* Zig: test "close" */
static int t_close(void)
{
    RING(r, 1, 0);
    NEED_OP(r, IORING_OP_CLOSE, "CLOSE");
    char path[300];
    struct hr_cqe c;
    RUN(zt_make_file("test_io_uring_close", path, sizeof path, "x", 1));
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    TRYC(fd);
    struct hr_sqe *s = SQE(r);
    hr_prep_close(s, fd);
    hr_sqe_set_data64(s, 0x44444444);
    struct hr_sqe e = zt_sqe_expect(IORING_OP_CLOSE, fd, 0, 0, 0);
    e.user_data = 0x44444444;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    if (c.res == -EINVAL || c.res == -EBADF) {
        close(fd);
        SKIP_BECAUSE("kernel lacks IORING_OP_CLOSE%s", zt_errname(c.res));
    }
    CHECK_CQE(&c, 0x44444444, 0, 0);
    CHECK(fcntl(fd, F_GETFD) < 0 && errno == EBADF);
    return HR_PASS;
}

/* Zig: test "fallocate" */
static int t_fallocate(void)
{
    RING(r, 1, 0);
    NEED_OP(r, IORING_OP_FALLOCATE, "FALLOCATE");
    char path[300];
    struct hr_cqe c;
    struct stat st;
    zt_path(path, sizeof path, "test_io_uring_fallocate");
    int fd = zt_fd(open(path, O_CREAT | O_TRUNC | O_RDWR | O_CLOEXEC, 0600));
    TRYC(fd);
    TRYC(fstat(fd, &st));
    CHECK_EQ(st.st_size, 0);
    struct hr_sqe *s = SQE(r);
    hr_prep_fallocate(s, fd, 0, 0, 65536);
    hr_sqe_set_data64(s, 0xaaaaaaaa);
    struct hr_sqe e = zt_sqe_expect(IORING_OP_FALLOCATE, fd, 65536, 0, 0);
    e.user_data = 0xaaaaaaaa;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    if (c.res == -EOPNOTSUPP)
        SKIP_BECAUSE("the file system of %s lacks fallocate", zt_dir);
    SKIP_IF_UNSUPPORTED(c.res, "IORING_OP_FALLOCATE");
    CHECK_CQE(&c, 0xaaaaaaaa, 0, 0);
    TRYC(fstat(fd, &st));
    CHECK_EQ(st.st_size, 65536);
    return HR_PASS;
}

/* Zig: test "statx" */
static int t_statx(void)
{
    RING(r, 1, 0);
    NEED_OP(r, IORING_OP_STATX, "STATX");
    char path[300];
    unsigned char data[6];
    struct hr_cqe c;
    struct statx sx;
    zt_fill(data, sizeof data, 17);
    RUN(zt_make_file("test_io_uring_statx", path, sizeof path, data, sizeof data));
    memset(&sx, 0, sizeof sx);
    struct hr_sqe *s = SQE(r);
    hr_prep_statx(s, AT_FDCWD, path, 0, STATX_SIZE, &sx);
    hr_sqe_set_data64(s, 0xaaaaaaaa);
    struct hr_sqe e = zt_sqe_expect(IORING_OP_STATX, AT_FDCWD, (uint64_t)(uintptr_t)path,
                                    STATX_SIZE, (uint64_t)(uintptr_t)&sx);
    e.user_data = 0xaaaaaaaa;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    SKIP_IF_UNSUPPORTED(c.res, "IORING_OP_STATX");
    CHECK_CQE(&c, 0xaaaaaaaa, 0, 0);
    CHECK(sx.stx_mask & STATX_SIZE);
    CHECK_EQ(sx.stx_size, sizeof data);
    return HR_PASS;
}

/* Zig: test "renameat" */
static int t_renameat(void)
{
    RING(r, 1, 0);
    NEED_OP(r, IORING_OP_RENAMEAT, "RENAMEAT");
    char oldp[300], newp[300], back[32];
    struct hr_cqe c;
    struct stat st;
    ssize_t n;
    RUN(zt_make_file("test_io_uring_renameat", oldp, sizeof oldp, "hello", 5));
    RUN(zt_make_file("test_io_uring_renameat_new", newp, sizeof newp, "old contents", 12));
    struct hr_sqe *s = SQE(r);
    hr_prep_renameat(s, AT_FDCWD, oldp, AT_FDCWD, newp, 0);
    hr_sqe_set_data64(s, 0x12121212);
    struct hr_sqe e = zt_sqe_expect(IORING_OP_RENAMEAT, AT_FDCWD, (uint64_t)(uintptr_t)oldp,
                                    (uint32_t)AT_FDCWD, (uint64_t)(uintptr_t)newp);
    e.user_data = 0x12121212;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    SKIP_IF_UNSUPPORTED(c.res, "IORING_OP_RENAMEAT");
    CHECK_CQE(&c, 0x12121212, 0, 0);
    CHECK(stat(oldp, &st) < 0 && errno == ENOENT);
    RUN(zt_read_file(newp, back, sizeof back, &n));
    CHECK_EQ(n, 5);
    CHECK(memcmp(back, "hello", 5) == 0);
    return HR_PASS;
}

/* Zig: test "unlinkat" */
static int t_unlinkat(void)
{
    RING(r, 1, 0);
    NEED_OP(r, IORING_OP_UNLINKAT, "UNLINKAT");
    char path[300];
    struct hr_cqe c;
    struct stat st;
    RUN(zt_make_file("test_io_uring_unlinkat", path, sizeof path, "", 0));
    struct hr_sqe *s = SQE(r);
    hr_prep_unlinkat(s, AT_FDCWD, path, 0);
    hr_sqe_set_data64(s, 0x12121212);
    struct hr_sqe e = zt_sqe_expect(IORING_OP_UNLINKAT, AT_FDCWD, (uint64_t)(uintptr_t)path, 0, 0);
    e.user_data = 0x12121212;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    SKIP_IF_UNSUPPORTED(c.res, "IORING_OP_UNLINKAT");
    CHECK_CQE(&c, 0x12121212, 0, 0);
    CHECK(stat(path, &st) < 0 && errno == ENOENT);
    return HR_PASS;
}

/* Zig: test "mkdirat" */
static int t_mkdirat(void)
{
    RING(r, 1, 0);
    NEED_OP(r, IORING_OP_MKDIRAT, "MKDIRAT");
    char path[300];
    struct hr_cqe c;
    struct stat st;
    zt_path(path, sizeof path, "test_io_uring_mkdirat");
    struct hr_sqe *s = SQE(r);
    hr_prep_mkdirat(s, AT_FDCWD, path, 0700);
    hr_sqe_set_data64(s, 0x12121212);
    struct hr_sqe e = zt_sqe_expect(IORING_OP_MKDIRAT, AT_FDCWD, (uint64_t)(uintptr_t)path,
                                    0700, 0);
    e.user_data = 0x12121212;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    SKIP_IF_UNSUPPORTED(c.res, "IORING_OP_MKDIRAT");
    CHECK_CQE(&c, 0x12121212, 0, 0);
    TRYC(stat(path, &st));
    CHECK(S_ISDIR(st.st_mode));
    CHECK_EQ(st.st_mode & 0777, 0700);
    return HR_PASS;
}

/* Zig: test "symlinkat" */
static int t_symlinkat(void)
{
    RING(r, 1, 0);
    NEED_OP(r, IORING_OP_SYMLINKAT, "SYMLINKAT");
    char target[300], link[300], back[300];
    struct hr_cqe c;
    struct stat st;
    RUN(zt_make_file("test_io_uring_symlinkat", target, sizeof target, "x", 1));
    zt_path(link, sizeof link, "test_io_uring_symlinkat_link");
    struct hr_sqe *s = SQE(r);
    hr_prep_symlinkat(s, target, AT_FDCWD, link);
    hr_sqe_set_data64(s, 0x12121212);
    struct hr_sqe e = zt_sqe_expect(IORING_OP_SYMLINKAT, AT_FDCWD, (uint64_t)(uintptr_t)target, 0,
                                    (uint64_t)(uintptr_t)link);
    e.user_data = 0x12121212;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    SKIP_IF_UNSUPPORTED(c.res, "IORING_OP_SYMLINKAT");
    CHECK_CQE(&c, 0x12121212, 0, 0);
    TRYC(lstat(link, &st));
    CHECK(S_ISLNK(st.st_mode));
    ssize_t n = readlink(link, back, sizeof back);
    TRYC(n);
    CHECK_EQ(n, (long)strlen(target));
    CHECK(memcmp(back, target, (size_t)n) == 0);
    return HR_PASS;
}

/* Zig: test "linkat" */
static int t_linkat(void)
{
    RING(r, 1, 0);
    NEED_OP(r, IORING_OP_LINKAT, "LINKAT");
    char p1[300], p2[300], back[16];
    struct hr_cqe c;
    struct stat a, b;
    ssize_t n;
    RUN(zt_make_file("test_io_uring_linkat", p1, sizeof p1, "hello", 5));
    zt_path(p2, sizeof p2, "test_io_uring_linkat_2");
    struct hr_sqe *s = SQE(r);
    hr_prep_linkat(s, AT_FDCWD, p1, AT_FDCWD, p2, 0);
    hr_sqe_set_data64(s, 0x12121212);
    struct hr_sqe e = zt_sqe_expect(IORING_OP_LINKAT, AT_FDCWD, (uint64_t)(uintptr_t)p1,
                                    (uint32_t)AT_FDCWD, (uint64_t)(uintptr_t)p2);
    e.user_data = 0x12121212;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    SKIP_IF_UNSUPPORTED(c.res, "IORING_OP_LINKAT");
    CHECK_CQE(&c, 0x12121212, 0, 0);
    TRYC(stat(p1, &a));
    TRYC(stat(p2, &b));
    CHECK(a.st_ino == b.st_ino && a.st_dev == b.st_dev);
    CHECK_EQ(a.st_nlink, 2);
    RUN(zt_read_file(p2, back, sizeof back, &n));
    CHECK_EQ(n, 5);
    CHECK(memcmp(back, "hello", 5) == 0);
    return HR_PASS;
}

const struct hr_case zig_files_cases[] = {
    { "openat: creates and opens the file, O_CLOEXEC kept", t_openat },
    { "close: the descriptor is closed", t_close },
    { "fallocate: the file grows to 64 KiB", t_fallocate },
    { "statx: reports the file's size", t_statx },
    { "renameat: replaces the target with the source", t_renameat },
    { "unlinkat: the file is gone", t_unlinkat },
    { "mkdirat: a directory with mode 0700", t_mkdirat },
    { "symlinkat: the link points to the target", t_symlinkat },
    { "linkat: a hard link to the same inode, nlink 2", t_linkat },
};
const int zig_files_ncases = ZT_NCASES(zig_files_cases);
