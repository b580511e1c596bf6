/* zig_registered.c -- Zig-behaviour suite (zt.h): registered files and
 * direct descriptors (files_update, accept_direct single and multishot,
 * socket_direct, openat_direct). */
#include "zt.h"

/* Zig: test "register_files_update" */
static int t_register_files_update(void)
{
    RING(r, 1, 0);
    NEED_OP(r, IORING_OP_READ, "READ");
    unsigned char buf[64];
    struct hr_cqe c;
    int fd = zt_fd(open("/dev/zero", O_RDONLY | O_CLOEXEC));
    TRYC(fd);
    int fds[4] = { -1, -1, -1, -1 };
    int rr = hr_register_files(r, fds, 4);
    SKIP_IF_UNSUPPORTED(rr, "sparse registered files (-1 entries)");
    TRY(rr);

    /* fill slots 0 and 1 */
    int two[2] = { fd, fd };
    CHECK_EQ(hr_register_files_update(r, 0, two, 2), 2);
    for (int slot = 0; slot < 2; slot++) {
        memset(buf, 0xee, sizeof buf);
        struct hr_sqe *s = SQE(r);
        hr_prep_read(s, slot, buf, sizeof buf, 0);
        hr_sqe_set_flags(s, IOSQE_FIXED_FILE);
        hr_sqe_set_data64(s, 0xcccccccc + (unsigned)slot);
        CHECK_EQ(hr_submit(r), 1);
        WAIT(r, &c, 1);
        CHECK_CQE(&c, 0xcccccccc + (unsigned)slot, (int)sizeof buf, 0);
        for (size_t i = 0; i < sizeof buf; i++)
            CHECK_EQ(buf[i], 0);
    }
    /* a slot never filled is empty */
    struct hr_sqe *s = SQE(r);
    hr_prep_read(s, 2, buf, sizeof buf, 0);
    hr_sqe_set_flags(s, IOSQE_FIXED_FILE);
    hr_sqe_set_data64(s, 0xdddddddd);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    CHECK_CQE(&c, 0xdddddddd, -EBADF, 0);

    /* unset slot 1: reads through it fail with -EBADF, slot 0 still works */
    int none = -1;
    CHECK_EQ(hr_register_files_update(r, 1, &none, 1), 1);
    s = SQE(r);
    hr_prep_read(s, 1, buf, sizeof buf, 0);
    hr_sqe_set_flags(s, IOSQE_FIXED_FILE);
    hr_sqe_set_data64(s, 0xeeeeeeee);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    CHECK_CQE(&c, 0xeeeeeeee, -EBADF, 0);
    s = SQE(r);
    hr_prep_read(s, 0, buf, sizeof buf, 0);
    hr_sqe_set_flags(s, IOSQE_FIXED_FILE);
    hr_sqe_set_data64(s, 0xffffffff);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    CHECK_CQE(&c, 0xffffffff, (int)sizeof buf, 0);
    TRY(hr_unregister_files(r));
    return HR_PASS;
}

/* Zig: test "accept_direct" */
static int t_accept_direct(void)
{
    RING(r, 4, 0);
    NEED_OP(r, IORING_OP_ACCEPT, "ACCEPT");
    NEED_OP(r, IORING_OP_RECV, "RECV");
    struct sockaddr_in a;
    struct hr_cqe c;
    unsigned char out[32], in[32];
    int lfd = zt_tcp_listener(&a);
    TRY(lfd);
    int rr = hr_register_files_sparse(r, 2);
    SKIP_IF_UNSUPPORTED(rr, "sparse file tables (IORING_RSRC_REGISTER_SPARSE)");
    TRY(rr);
    unsigned used = 0;

    for (int i = 0; i < 3; i++) {
        struct hr_sqe *s = SQE(r);
        hr_prep_accept_direct(s, lfd, NULL, NULL, 0, IORING_FILE_INDEX_ALLOC);
        hr_sqe_set_data64(s, 0xaaaaaaaa);
        struct hr_sqe e = zt_sqe_expect(IORING_OP_ACCEPT, lfd, 0, 0, 0);
        e.file_index = IORING_FILE_INDEX_ALLOC;
        e.user_data = 0xaaaaaaaa;
        CHECK_SQE(s, &e);
        CHECK_EQ(hr_submit(r), 1);
        int cfd = zt_tcp_connect(&a);
        TRY(cfd);
        WAIT(r, &c, 1);
        if (i == 0)
            SKIP_IF_UNSUPPORTED(c.res, "accept into an allocated fixed slot");
        if (i == 2) {                           /* the table is full */
            CHECK_CQE(&c, 0xaaaaaaaa, -ENFILE, 0);
            break;
        }
        CHECK_EQ(c.user_data, 0xaaaaaaaa);
        CHECK_EQ(c.flags, 0);
        if (c.res < 0 || c.res > 1 || (used & (1u << c.res)))
            FAILF("accept_direct %d: res %d, expected a free slot of 2", i, c.res);
        used |= 1u << c.res;
        /* data through the fixed descriptor */
        zt_fill(out, sizeof out, 310 + (unsigned)i);
        memset(in, 0, sizeof in);
        TRYC(send(cfd, out, sizeof out, 0));
        s = SQE(r);
        hr_prep_recv(s, c.res, in, sizeof in, 0);
        hr_sqe_set_flags(s, IOSQE_FIXED_FILE);
        hr_sqe_set_data64(s, 0xbbbbbbbb);
        CHECK_EQ(hr_submit(r), 1);
        WAIT(r, &c, 1);
        CHECK_EQ(c.user_data, 0xbbbbbbbb);
        CHECK_EQ(c.res, (int)sizeof in);
        CHECK(memcmp(out, in, sizeof in) == 0);
    }
    CHECK_EQ(used, 3);
    TRY(hr_unregister_files(r));
    return HR_PASS;
}

/* Zig: test "accept_multishot_direct" */
static int t_accept_multishot_direct(void)
{
    RING(r, 4, 0);
    NEED_OP(r, IORING_OP_ACCEPT, "ACCEPT");
    NEED_OP(r, IORING_OP_CLOSE, "CLOSE");
    struct sockaddr_in a;
    struct hr_cqe c;
    int lfd = zt_tcp_listener(&a);
    TRY(lfd);
    int rr = hr_register_files_sparse(r, 2);
    SKIP_IF_UNSUPPORTED(rr, "sparse file tables");
    TRY(rr);

    for (int round = 0; round < 2; round++) {
        struct hr_sqe *s = SQE(r);
        hr_prep_multishot_accept_direct(s, lfd, NULL, NULL, 0);
        hr_sqe_set_data64(s, 0xaaaaaaaa);
        struct hr_sqe e = zt_sqe_expect(IORING_OP_ACCEPT, lfd, 0, 0, 0);
        e.ioprio = IORING_ACCEPT_MULTISHOT;
        e.file_index = IORING_FILE_INDEX_ALLOC;
        e.user_data = 0xaaaaaaaa;
        CHECK_SQE(s, &e);
        CHECK_EQ(hr_submit(r), 1);
        unsigned used = 0;
        for (int i = 0; i < 3; i++) {
            int cfd = zt_tcp_connect(&a);
            TRY(cfd);
            WAIT(r, &c, 1);
            if (round == 0 && i == 0)
                SKIP_IF_UNSUPPORTED(c.res, "multishot accept into fixed slots");
            if (i == 2) {       /* table full: -ENFILE ends the multishot */
                CHECK_CQE(&c, 0xaaaaaaaa, -ENFILE, 0);
                break;
            }
            CHECK_EQ(c.user_data, 0xaaaaaaaa);
            CHECK_EQ(c.flags, IORING_CQE_F_MORE);
            if (c.res < 0 || c.res > 1 || (used & (1u << c.res)))
                FAILF("round %d accept %d: res %d%s, expected a free slot of 2", round, i,
                      c.res, zt_errname(c.res));
            used |= 1u << c.res;
        }
        CHECK_EQ(used, 3);
        CHECK(zt_no_cqe(r, 20));      /* nothing after the terminating CQE */
        /* empty the table for the next round */
        for (unsigned slot = 0; slot < 2; slot++) {
            s = SQE(r);
            hr_prep_close_direct(s, slot);
            hr_sqe_set_data64(s, 0xc0 + slot);
            CHECK_EQ(hr_submit(r), 1);
            WAIT(r, &c, 1);
            CHECK_CQE(&c, 0xc0 + slot, 0, 0);
        }
    }
    TRY(hr_unregister_files(r));
    return HR_PASS;
}

/* Zig: test "socket_direct/socket_direct_alloc/close_direct" */
static int t_socket_direct(void)
{
    RING(r, 4, 0);
    NEED_OP(r, IORING_OP_SOCKET, "SOCKET");
    NEED_OP(r, IORING_OP_CONNECT, "CONNECT");
    NEED_OP(r, IORING_OP_SEND, "SEND");
    NEED_OP(r, IORING_OP_CLOSE, "CLOSE");
    struct sockaddr_in a;
    struct hr_cqe c;
    int lfd = zt_tcp_listener(&a);
    TRY(lfd);
    int rr = hr_register_files_sparse(r, 3);
    SKIP_IF_UNSUPPORTED(rr, "sparse file tables");
    TRY(rr);

    /* slots 0 and 1 by index, then one allocated (2) */
    for (unsigned slot = 0; slot < 2; slot++) {
        struct hr_sqe *s = SQE(r);
        hr_prep_socket_direct(s, AF_INET, SOCK_STREAM, 0, slot, 0);
        hr_sqe_set_data64(s, 0x5050 + slot);
        struct hr_sqe e = zt_sqe_expect(IORING_OP_SOCKET, AF_INET, 0, 0, SOCK_STREAM);
        e.file_index = slot + 1;
        e.user_data = 0x5050 + slot;
        CHECK_SQE(s, &e);
        CHECK_EQ(hr_submit(r), 1);
        WAIT(r, &c, 1);
        if (slot == 0)
            SKIP_IF_UNSUPPORTED(c.res, "IORING_OP_SOCKET into fixed slots");
        CHECK_CQE(&c, 0x5050 + slot, 0, 0);
    }
    struct hr_sqe *s = SQE(r);
    hr_prep_socket_direct_alloc(s, AF_INET, SOCK_STREAM, 0, 0);
    hr_sqe_set_data64(s, 0x5052);
    struct hr_sqe e = zt_sqe_expect(IORING_OP_SOCKET, AF_INET, 0, 0, SOCK_STREAM);
    e.file_index = IORING_FILE_INDEX_ALLOC;
    e.user_data = 0x5052;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    CHECK_CQE(&c, 0x5052, 2, 0);
    /* table full now */
    s = SQE(r);
    hr_prep_socket_direct_alloc(s, AF_INET, SOCK_STREAM, 0, 0);
    hr_sqe_set_data64(s, 0x5053);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    CHECK_CQE(&c, 0x5053, -ENFILE, 0);

    /* connect through each fixed socket; the listener sees each one */
    for (unsigned slot = 0; slot < 3; slot++) {
        s = SQE(r);
        hr_prep_connect(s, (int)slot, (struct sockaddr *)&a, sizeof a);
        hr_sqe_set_flags(s, IOSQE_FIXED_FILE);
        hr_sqe_set_data64(s, 0xc000 + slot);
        CHECK_EQ(hr_submit(r), 1);
        WAIT(r, &c, 1);
        CHECK_CQE(&c, 0xc000 + slot, 0, 0);
        int afd = zt_fd(accept4(lfd, NULL, NULL, SOCK_CLOEXEC));
        TRYC(afd);
        /* bytes sent through the fixed descriptor arrive */
        char b[4] = { 'z', 'i', 'g', (char)('0' + slot) }, got[4];
        s = SQE(r);
        hr_prep_send(s, (int)slot, b, 4, 0);
        hr_sqe_set_flags(s, IOSQE_FIXED_FILE);
        hr_sqe_set_data64(s, 0xd000 + slot);
        CHECK_EQ(hr_submit(r), 1);
        WAIT(r, &c, 1);
        CHECK_CQE(&c, 0xd000 + slot, 4, 0);
        CHECK_EQ(recv(afd, got, 4, MSG_WAITALL), 4);
        CHECK(memcmp(b, got, 4) == 0);
        zt_close(afd);
    }
    /* close_direct each slot; then the slot is empty */
    for (unsigned slot = 0; slot < 3; slot++) {
        s = SQE(r);
        hr_prep_close_direct(s, slot);
        hr_sqe_set_data64(s, 0xe000 + slot);
        e = zt_sqe_expect(IORING_OP_CLOSE, 0, 0, 0, 0);
        e.file_index = slot + 1;
        e.user_data = 0xe000 + slot;
        CHECK_SQE(s, &e);
        CHECK_EQ(hr_submit(r), 1);
        WAIT(r, &c, 1);
        CHECK_CQE(&c, 0xe000 + slot, 0, 0);
    }
    s = SQE(r);
    hr_prep_close_direct(s, 0);
    hr_sqe_set_data64(s, 0xe0ff);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    CHECK_CQE(&c, 0xe0ff, -EBADF, 0);
    TRY(hr_unregister_files(r));
    return HR_PASS;
}

/* Zig: test "openat_direct/close_direct" */
static int t_openat_direct(void)
{
    RING(r, 4, 0);
    NEED_OP(r, IORING_OP_OPENAT, "OPENAT");
    NEED_OP(r, IORING_OP_READ, "READ");
    NEED_OP(r, IORING_OP_CLOSE, "CLOSE");
    char path[300];
    struct hr_cqe c;
    unsigned char data[16], back[16];
    zt_fill(data, sizeof data, 35);
    RUN(zt_make_file("test_io_uring_openat_direct", path, sizeof path, data, sizeof data));
    int rr = hr_register_files_sparse(r, 3);
    SKIP_IF_UNSUPPORTED(rr, "sparse file tables");
    TRY(rr);
    const int flags = O_RDONLY;        /* O_CLOEXEC is refused for direct opens */

    for (unsigned i = 0; i < 4; i++) {
        unsigned idx = i < 2 ? i : IORING_FILE_INDEX_ALLOC;
        struct hr_sqe *s = SQE(r);
        hr_prep_openat_direct(s, AT_FDCWD, path, flags, 0, idx);
        hr_sqe_set_data64(s, 0x3500 + i);
        struct hr_sqe e = zt_sqe_expect(IORING_OP_OPENAT, AT_FDCWD, (uint64_t)(uintptr_t)path,
                                        0, 0);
        e.op_flags = (uint32_t)flags;
        e.file_index = i < 2 ? i + 1 : IORING_FILE_INDEX_ALLOC;
        e.user_data = 0x3500 + i;
        CHECK_SQE(s, &e);
        CHECK_EQ(hr_submit(r), 1);
        WAIT(r, &c, 1);
        if (i == 0)
            SKIP_IF_UNSUPPORTED(c.res, "IORING_OP_OPENAT into fixed slots");
        /* slots 0, 1 given: res 0; then allocated: 2; then the table is full */
        int want = i < 2 ? 0 : i == 2 ? 2 : -ENFILE;
        CHECK_CQE(&c, 0x3500 + i, want, 0);
    }
    /* each slot reads the file */
    for (unsigned slot = 0; slot < 3; slot++) {
        memset(back, 0, sizeof back);
        struct hr_sqe *s = SQE(r);
        hr_prep_read(s, (int)slot, back, sizeof back, 0);
        hr_sqe_set_flags(s, IOSQE_FIXED_FILE);
        hr_sqe_set_data64(s, 0x3600 + slot);
        CHECK_EQ(hr_submit(r), 1);
        WAIT(r, &c, 1);
        CHECK_CQE(&c, 0x3600 + slot, (int)sizeof back, 0);
        CHECK(memcmp(back, data, sizeof data) == 0);
    }
    for (unsigned slot = 0; slot < 3; slot++) {
        struct hr_sqe *s = SQE(r);
        hr_prep_close_direct(s, slot);
        hr_sqe_set_data64(s, 0x3700 + slot);
        CHECK_EQ(hr_submit(r), 1);
        WAIT(r, &c, 1);
        CHECK_CQE(&c, 0x3700 + slot, 0, 0);
    }
    TRY(hr_unregister_files(r));
    return HR_PASS;
}

const struct hr_case zig_registered_cases[] = {
    { "register_files_update: set, use, unset (-EBADF) registered file slots",
      t_register_files_update },
    { "accept_direct: into allocated slots, -ENFILE when full, recv through a slot",
      t_accept_direct },
    { "multishot accept_direct: fills the table, -ENFILE ends it, close_direct frees",
      t_accept_multishot_direct },
    { "socket_direct and _alloc: slots, connect and send through them, close_direct",
      t_socket_direct },
    { "openat_direct: given and allocated slots, read through each, close_direct",
      t_openat_direct },
};
const int zig_registered_ncases = ZT_NCASES(zig_registered_cases);
