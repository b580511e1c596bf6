/* (liburing 2.4+ semantics, compat only) the io_uring_prep_* helpers write
 * only the SQE fields they name: io_uring_get_sqe clears flags, ioprio,
 * rw_flags, buf_index, personality, file_index, addr3 and __pad2, and a
 * value the program stores there between io_uring_get_sqe and the prep call
 * (io_uring_sqe_set_flags(sqe, IOSQE_IO_LINK), sqe->personality = id, ...)
 * stays, unless the helper itself writes that field (liburing 2.3 cleared
 * them all in every helper).  Checked on the SQE bytes for a few helpers,
 * then live: a link chain and a personality set before the prep call. */
#include "ct.h"

/* everything the helpers may keep, set to recognisable values */
static void preset(struct io_uring_sqe *s)
{
    io_uring_sqe_set_flags(s, IOSQE_IO_LINK | IOSQE_ASYNC);
    s->ioprio = IORING_RECVSEND_POLL_FIRST;
    s->rw_flags = 0x1234;
    s->buf_index = 5;
    s->personality = 7;
    s->file_index = 0x00ab0009;
    s->addr3 = 0xa3a3a3a3a3a3a3a3ull;
    s->__pad2[0] = 0xd2d2d2d2d2d2d2d2ull;
    s->user_data = 99;
}

/* the preset values, except in the fields named by `skip` (line: the
   caller's, for the message) */
enum { K_FLAGS = 1, K_IOPRIO = 2, K_RWF = 4, K_BUF = 8, K_FIDX = 16, K_ADDR3 = 32 };
#define KEPT_EQ(field, want) do {                                                      \
        if ((unsigned long long)s->field != (unsigned long long)(want))                \
            FAIL("line %d: " #field " == %#llx, expected %#llx (set before the prep)", \
                 line, (unsigned long long)s->field, (unsigned long long)(want));      \
    } while (0)
static void kept_at(int line, const struct io_uring_sqe *s, unsigned skip)
{
    if (!(skip & K_FLAGS))
        KEPT_EQ(flags, IOSQE_IO_LINK | IOSQE_ASYNC);
    if (!(skip & K_IOPRIO))
        KEPT_EQ(ioprio, IORING_RECVSEND_POLL_FIRST);
    if (!(skip & K_RWF))
        KEPT_EQ(rw_flags, 0x1234);
    if (!(skip & K_BUF))
        KEPT_EQ(buf_index, 5);
    if (!(skip & K_FIDX))
        KEPT_EQ(file_index, 0x00ab0009);
    if (!(skip & K_ADDR3))
        KEPT_EQ(addr3, 0xa3a3a3a3a3a3a3a3ull);
    KEPT_EQ(personality, 7);
    KEPT_EQ(__pad2[0], 0xd2d2d2d2d2d2d2d2ull);
    KEPT_EQ(user_data, 99);
}
#define kept(s, skip) kept_at(__LINE__, s, skip)

static void sqe_bytes(void)
{
    struct io_uring r;
    struct io_uring_sqe *s;
    char buf[8];
    struct iovec iov = { buf, sizeof buf };

    CHECK_EQ(io_uring_queue_init(16, &r, 0), 0);

    s = ct_sqe(&r);                     /* get_sqe clears them all */
    CHECK_EQ(s->flags, 0);
    CHECK_EQ(s->personality, 0);
    CHECK_EQ(s->file_index, 0);

    preset(s);                          /* prep_rw writes none of them */
    io_uring_prep_nop(s);
    CHECK_EQ(s->opcode, IORING_OP_NOP);
    CHECK_EQ(s->fd, -1);
    kept(s, 0);

    s = ct_sqe(&r);
    preset(s);
    io_uring_prep_readv(s, 3, &iov, 1, 0);
    CHECK_EQ(s->opcode, IORING_OP_READV);
    CHECK_EQ(s->len, 1);
    kept(s, 0);

    s = ct_sqe(&r);                     /* writes buf_index */
    preset(s);
    io_uring_prep_read_fixed(s, 3, buf, sizeof buf, 0, 2);
    CHECK_EQ(s->buf_index, 2);
    kept(s, K_BUF);

    s = ct_sqe(&r);                     /* writes rw_flags (fsync_flags) */
    preset(s);
    io_uring_prep_fsync(s, 3, IORING_FSYNC_DATASYNC);
    CHECK_EQ(s->fsync_flags, IORING_FSYNC_DATASYNC);
    kept(s, K_RWF);

    s = ct_sqe(&r);                     /* ORs its bit into ioprio */
    preset(s);
    io_uring_prep_recv_multishot(s, 3, NULL, 0, 0);
    CHECK_EQ(s->ioprio, IORING_RECVSEND_POLL_FIRST | IORING_RECV_MULTISHOT);
    CHECK_EQ(s->msg_flags, 0);
    kept(s, K_IOPRIO | K_RWF);

    s = ct_sqe(&r);                     /* assigns ioprio */
    preset(s);
    io_uring_prep_send_zc(s, 3, buf, sizeof buf, 0, IORING_SEND_ZC_REPORT_USAGE);
    CHECK_EQ(s->ioprio, IORING_SEND_ZC_REPORT_USAGE);
    kept(s, K_IOPRIO | K_RWF);

    s = ct_sqe(&r);                     /* assigns flags: BUFFER_SELECT */
    preset(s);
    io_uring_prep_read_multishot(s, 3, 0, 0, 4);
    CHECK_EQ(s->flags, IOSQE_BUFFER_SELECT);
    CHECK_EQ(s->buf_group, 4);
    kept(s, K_FLAGS | K_BUF);

    s = ct_sqe(&r);                     /* writes the target slot */
    preset(s);
    io_uring_prep_openat_direct(s, AT_FDCWD, "x", O_RDONLY, 0, 6);
    CHECK_EQ(s->file_index, 7);
    kept(s, K_RWF | K_FIDX);

    s = ct_sqe(&r);                     /* writes addr3 and file_index (optlen) */
    preset(s);
    io_uring_prep_cmd_sock(s, SOCKET_URING_OP_SETSOCKOPT, 3, SOL_SOCKET, SO_RCVBUF, buf, 4);
    CHECK_EQ(s->optlen, 4);
    CHECK_EQ(s->optval, (__u64)(uintptr_t)buf);
    kept(s, K_FIDX | K_ADDR3);

    s = ct_sqe(&r);                     /* addr_len is the low half of file_index */
    preset(s);
    io_uring_prep_sendto(s, 3, buf, sizeof buf, 0, NULL, 16);
    CHECK_EQ(s->addr_len, 16);
    CHECK_EQ(s->__pad3[0], 0x00ab);
    kept(s, K_RWF | K_FIDX);

    printf("SQE fields: ok\n");
    io_uring_queue_exit(&r);            /* never submitted */
}

/* IOSQE_IO_LINK set before the prep call: a failing link cancels the rest */
static void link_chain(void)
{
    struct io_uring r;
    struct io_uring_sqe *s;
    char buf[8];

    CHECK_EQ(io_uring_queue_init(8, &r, 0), 0);
    s = ct_sqe(&r);
    io_uring_sqe_set_flags(s, IOSQE_IO_LINK);
    io_uring_prep_nop(s);
    s->user_data = 1;
    s = ct_sqe(&r);
    io_uring_sqe_set_flags(s, IOSQE_IO_LINK);
    io_uring_prep_read(s, -1, buf, sizeof buf, 0);      /* fails: -EBADF */
    s->user_data = 2;
    s = ct_sqe(&r);
    io_uring_prep_nop(s);
    s->user_data = 3;
    CHECK_EQ(io_uring_submit(&r), 3);
    for (int i = 1; i <= 3; i++) {
        struct io_uring_cqe *c;
        CHECK_EQ(io_uring_wait_cqe(&r, &c), 0);
        CHECK_EQ(c->user_data, i);
        CHECK_EQ(c->res, i == 1 ? 0 : i == 2 ? -EBADF : -ECANCELED);
        io_uring_cqe_seen(&r, c);
    }
    printf("link chain: ok\n");
    io_uring_queue_exit(&r);
}

/* sqe->personality set before the prep call reaches the kernel: a
   registered id works, an unknown one is refused */
static void personality(void)
{
    struct io_uring r;
    struct io_uring_sqe *s;
    int id;

    CHECK_EQ(io_uring_queue_init(8, &r, 0), 0);
    id = io_uring_register_personality(&r);
    if (id == -EINVAL || id == -EOPNOTSUPP)
        SKIP("personalities not supported (%d)", id);
    CHECK(id > 0);
    s = ct_sqe(&r);
    s->personality = (__u16)id;
    io_uring_prep_nop(s);
    s->user_data = 1;
    s = ct_sqe(&r);
    s->personality = (__u16)(id + 100);
    io_uring_prep_nop(s);
    s->user_data = 2;
    CHECK_EQ(io_uring_submit(&r), 2);
    for (int i = 1; i <= 2; i++) {
        struct io_uring_cqe *c;
        CHECK_EQ(io_uring_wait_cqe(&r, &c), 0);
        CHECK_EQ(c->user_data, i);
        CHECK_EQ(c->res, i == 1 ? 0 : -EINVAL);
        io_uring_cqe_seen(&r, c);
    }
    CHECK_EQ(io_uring_unregister_personality(&r, id), 0);
    printf("personality: ok\n");
    io_uring_queue_exit(&r);
}

int main(void)
{
    sqe_bytes();
    link_chain();
    personality();
    return 0;
}
