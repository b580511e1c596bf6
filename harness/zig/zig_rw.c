/* zig_rw.c -- Zig-behaviour suite (zt.h): reads and writes (readv/writev,
 * read/write, fsync, splice, registered buffers). */
#include "zt.h"

/* Zig: test "readv" */
static int t_readv(void)
{
    RING(r, 1, 0);
    NEED_OP(r, IORING_OP_READV, "READV");
    unsigned char buf[128];
    struct iovec iov = { buf, sizeof buf };
    struct hr_cqe c;
    int fd = zt_fd(open("/dev/zero", O_RDONLY | O_CLOEXEC));
    TRYC(fd);
    TRY(hr_register_files(r, &fd, 1));

    memset(buf, 0xff, sizeof buf);
    struct hr_sqe *s = SQE(r);
    hr_prep_readv(s, 0, &iov, 1, 0);
    hr_sqe_set_flags(s, IOSQE_FIXED_FILE);
    hr_sqe_set_data64(s, 0xcccccccc);
    struct hr_sqe e = zt_sqe_expect(IORING_OP_READV, 0, (uint64_t)(uintptr_t)&iov, 1, 0);
    e.flags = IOSQE_FIXED_FILE;
    e.user_data = 0xcccccccc;
    CHECK_SQE(s, &e);
    /* a second SQE on a 1-entry ring: the submission queue is full */
    CHECK(hr_get_sqe(r) == NULL);
    CHECK_EQ(hr_sq_space_left(r), 0);
    CHECK_EQ(r->sq.sqe_tail, 1);
    CHECK_EQ(hr_submit(r), 1);
    CHECK_EQ(hr_copy_cqes(r, &c, 1, 1), 1);
    CHECK_CQE(&c, 0xcccccccc, (int)sizeof buf, 0);
    for (size_t i = 0; i < sizeof buf; i++)
        if (buf[i] != 0)
            FAILF("buf[%zu] = %u after readv from /dev/zero", i, buf[i]);
    TRY(hr_unregister_files(r));
    return HR_PASS;
}

/* Zig: test "writev/fsync/readv" */
static int t_writev_fsync_readv(void)
{
    RING(r, 4, 0);
    NEED_OP(r, IORING_OP_WRITEV, "WRITEV");
    NEED_OP(r, IORING_OP_FSYNC, "FSYNC");
    NEED_OP(r, IORING_OP_READV, "READV");
    char path[300];
    unsigned char out[128], in[128];
    struct iovec ov = { out, sizeof out }, iv = { in, sizeof in };
    struct hr_cqe c[3];
    zt_path(path, sizeof path, "test_io_uring_writev_fsync_readv");
    int fd = zt_fd(open(path, O_CREAT | O_TRUNC | O_RDWR | O_CLOEXEC, 0600));
    TRYC(fd);
    zt_fill(out, sizeof out, 4);
    memset(in, 0, sizeof in);

    struct hr_sqe *s = SQE(r);
    hr_prep_writev(s, fd, &ov, 1, 17);
    hr_sqe_set_flags(s, IOSQE_IO_LINK);
    hr_sqe_set_data64(s, 0xdddddddd);
    s = SQE(r);
    hr_prep_fsync(s, fd, 0);
    hr_sqe_set_flags(s, IOSQE_IO_LINK);
    hr_sqe_set_data64(s, 0xeeeeeeee);
    struct hr_sqe e = zt_sqe_expect(IORING_OP_FSYNC, fd, 0, 0, 0);
    e.flags = IOSQE_IO_LINK;
    e.user_data = 0xeeeeeeee;
    CHECK_SQE(s, &e);
    s = SQE(r);
    hr_prep_readv(s, fd, &iv, 1, 17);
    hr_sqe_set_data64(s, 0xffffffff);

    CHECK_EQ(hr_sq_ready(r), 3);
    CHECK_EQ(hr_submit_and_wait(r, 3), 3);
    CHECK_EQ(hr_sq_ready(r), 0);
    CHECK_EQ(hr_cq_ready(r), 3);
    CHECK_EQ(hr_copy_cqes(r, c, 3, 0), 3);
    CHECK_EQ(hr_cq_ready(r), 0);
    CHECK_CQE(&c[0], 0xdddddddd, (int)sizeof out, 0);
    CHECK_CQE(&c[1], 0xeeeeeeee, 0, 0);
    CHECK_CQE(&c[2], 0xffffffff, (int)sizeof in, 0);
    CHECK(memcmp(out, in, sizeof in) == 0);
    struct stat st;
    TRYC(fstat(fd, &st));
    CHECK_EQ(st.st_size, 17 + (long)sizeof out);
    return HR_PASS;
}

/* Zig: test "write/read" */
static int t_write_read(void)
{
    RING(r, 2, 0);
    NEED_OP(r, IORING_OP_WRITE, "WRITE");
    NEED_OP(r, IORING_OP_READ, "READ");
    char path[300];
    unsigned char out[20], in[20];
    struct hr_cqe c[2];
    zt_path(path, sizeof path, "test_io_uring_write_read");
    int fd = zt_fd(open(path, O_CREAT | O_TRUNC | O_RDWR | O_CLOEXEC, 0600));
    TRYC(fd);
    zt_fill(out, sizeof out, 5);
    memset(in, 0, sizeof in);

    struct hr_sqe *s = SQE(r);
    hr_prep_write(s, fd, out, sizeof out, 10);
    hr_sqe_set_flags(s, IOSQE_IO_LINK);
    hr_sqe_set_data64(s, 0x11111111);
    struct hr_sqe e = zt_sqe_expect(IORING_OP_WRITE, fd, (uint64_t)(uintptr_t)out, sizeof out, 10);
    e.flags = IOSQE_IO_LINK;
    e.user_data = 0x11111111;
    CHECK_SQE(s, &e);
    s = SQE(r);
    hr_prep_read(s, fd, in, sizeof in, 10);
    hr_sqe_set_data64(s, 0x22222222);
    CHECK_EQ(hr_submit(r), 2);
    WAIT(r, c, 2);
    CHECK_CQE(&c[0], 0x11111111, (int)sizeof out, 0);
    CHECK_CQE(&c[1], 0x22222222, (int)sizeof in, 0);
    CHECK(memcmp(out, in, sizeof in) == 0);
    return HR_PASS;
}

/* Zig: test "splice/read" */
static int t_splice_read(void)
{
    RING(r, 4, 0);
    NEED_OP(r, IORING_OP_SPLICE, "SPLICE");
    NEED_OP(r, IORING_OP_READ, "READ");
    char pa[300], pb[300];
    unsigned char data[64], back[64];
    struct hr_cqe c[3];
    int p[2];
    zt_fill(data, sizeof data, 6);
    RUN(zt_make_file("splice_src", pa, sizeof pa, data, sizeof data));
    zt_path(pb, sizeof pb, "splice_dst");
    int fa = zt_fd(open(pa, O_RDONLY | O_CLOEXEC));
    int fb = zt_fd(open(pb, O_CREAT | O_TRUNC | O_RDWR | O_CLOEXEC, 0600));
    TRYC(fa);
    TRYC(fb);
    TRYC(pipe2(p, O_CLOEXEC));
    zt_fd(p[0]);
    zt_fd(p[1]);
    memset(back, 0, sizeof back);

    struct hr_sqe *s = SQE(r);
    hr_prep_splice(s, fa, 0, p[1], -1, sizeof data, 0);
    hr_sqe_set_flags(s, IOSQE_IO_LINK);
    hr_sqe_set_data64(s, 0x11111111);
    struct hr_sqe e = zt_sqe_expect(IORING_OP_SPLICE, p[1], 0, sizeof data, (uint64_t)-1);
    e.file_index = (uint32_t)fa;                  /* splice_fd_in */
    e.flags = IOSQE_IO_LINK;
    e.user_data = 0x11111111;
    CHECK_SQE(s, &e);
    s = SQE(r);
    hr_prep_splice(s, p[0], -1, fb, 10, sizeof data, 0);
    hr_sqe_set_flags(s, IOSQE_IO_LINK);
    hr_sqe_set_data64(s, 0x22222222);
    e = zt_sqe_expect(IORING_OP_SPLICE, fb, (uint64_t)-1 /* splice_off_in */, sizeof data, 10);
    e.file_index = (uint32_t)p[0];
    e.flags = IOSQE_IO_LINK;
    e.user_data = 0x22222222;
    CHECK_SQE(s, &e);
    s = SQE(r);
    hr_prep_read(s, fb, back, sizeof back, 10);
    hr_sqe_set_data64(s, 0x33333333);
    CHECK_EQ(hr_submit(r), 3);
    WAIT(r, c, 3);
    SKIP_IF_UNSUPPORTED(c[0].res, "IORING_OP_SPLICE");
    CHECK_CQE(&c[0], 0x11111111, (int)sizeof data, 0);
    CHECK_CQE(&c[1], 0x22222222, (int)sizeof data, 0);
    CHECK_CQE(&c[2], 0x33333333, (int)sizeof back, 0);
    CHECK(memcmp(data, back, sizeof data) == 0);
    return HR_PASS;
}

/* Zig: test "write_fixed/read_fixed" */
static int t_write_read_fixed(void)
{
    RING(r, 2, 0);
    NEED_OP(r, IORING_OP_WRITE_FIXED, "WRITE_FIXED");
    NEED_OP(r, IORING_OP_READ_FIXED, "READ_FIXED");
    char path[300];
    static unsigned char raw[2][96];
    struct iovec iov[2] = { { raw[0], sizeof raw[0] }, { raw[1], sizeof raw[1] } };
    struct hr_cqe c[2];
    zt_path(path, sizeof path, "test_io_uring_write_read_fixed");
    int fd = zt_fd(open(path, O_CREAT | O_TRUNC | O_RDWR | O_CLOEXEC, 0600));
    TRYC(fd);
    TRY(hr_register_buffers(r, iov, 2));
    zt_fill(raw[0], sizeof raw[0], 7);
    memset(raw[1], 'z', sizeof raw[1]);

    struct hr_sqe *s = SQE(r);
    hr_prep_write_fixed(s, fd, raw[0], sizeof raw[0], 3, 0);
    hr_sqe_set_flags(s, IOSQE_IO_LINK);
    hr_sqe_set_data64(s, 0x45454545);
    struct hr_sqe e = zt_sqe_expect(IORING_OP_WRITE_FIXED, fd, (uint64_t)(uintptr_t)raw[0],
                                    sizeof raw[0], 3);
    e.buf_index = 0;
    e.flags = IOSQE_IO_LINK;
    e.user_data = 0x45454545;
    CHECK_SQE(s, &e);
    s = SQE(r);
    hr_prep_read_fixed(s, fd, raw[1], sizeof raw[1], 3, 1);
    hr_sqe_set_data64(s, 0x12121212);
    e = zt_sqe_expect(IORING_OP_READ_FIXED, fd, (uint64_t)(uintptr_t)raw[1], sizeof raw[1], 3);
    e.buf_index = 1;
    e.user_data = 0x12121212;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 2);
    WAIT(r, c, 2);
    CHECK_CQE(&c[0], 0x45454545, (int)sizeof raw[0], 0);
    CHECK_CQE(&c[1], 0x12121212, (int)sizeof raw[1], 0);
    CHECK(memcmp(raw[0], raw[1], sizeof raw[0]) == 0);
    TRY(hr_unregister_buffers(r));
    return HR_PASS;
}

const struct hr_case zig_rw_cases[] = {
    { "readv: fixed file into an iovec; a full 1-entry SQ gives no SQE", t_readv },
    { "writev+fsync+readv linked: bytes round-trip at offset 17", t_writev_fsync_readv },
    { "write+read linked: bytes round-trip at offset 10", t_write_read },
    { "splice file->pipe->file, then read: bytes arrive", t_splice_read },
    { "write_fixed/read_fixed with registered buffers: bytes round-trip", t_write_read_fixed },
};
const int zig_rw_ncases = ZT_NCASES(zig_rw_cases);
