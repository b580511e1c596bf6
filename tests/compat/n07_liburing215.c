/* (liburing 2.15 API, compat only) what liburing 2.15's own test programs
   use: uapi 6.19 names and layouts, io_uring_cqe_iter, io_uring_cqe_nr,
   io_uring_cqe_shift_from_flags, io_uring_get_sqe128, prep_nop128,
   prep_uring_cmd128, prep_cmd_getsockname, __io_uring_queue_init_params.
   Values and layouts follow liburing 2.15's src/include/liburing/io_uring.h
   and src/include/liburing.h (the kernel ABI). */
#include "ct.h"
#include <stddef.h>

int __io_uring_queue_init_params(unsigned entries, struct io_uring *ring,
                                 struct io_uring_params *p, void *buf, size_t buf_size);

static int sqe_dummy;

int main(void)
{
    /* names liburing 2.15's test/test.h and tests take from the uapi header */
    CHECK_EQ(IORING_SETUP_CQE_MIXED, 1u << 18);
    CHECK_EQ(IORING_SETUP_SQE_MIXED, 1u << 19);
    CHECK_EQ(IORING_SETUP_SQ_REWIND, 1u << 20);
    CHECK_EQ(IORING_TIMEOUT_IMMEDIATE_ARG, 1u << 7);
    CHECK_EQ(IORING_CQE_F_SKIP, 1u << 5);
    CHECK_EQ(IORING_CQE_F_32, 1u << 15);
    CHECK_EQ(IORING_NOP_CQE32, 1u << 5);
    CHECK_EQ(IORING_SEND_VECTORIZED, 1u << 5);
    CHECK_EQ(IORING_OP_NOP128, 63);
    CHECK_EQ(IORING_OP_URING_CMD128, 64);
    CHECK_EQ(IORING_REGISTER_QUERY, 35);
    CHECK_EQ(IORING_REGISTER_ZCRX_CTRL, 36);
    CHECK_EQ(IORING_REGISTER_BPF_FILTER, 37);
    CHECK_EQ(IORING_CQE_F_TSTAMP_HW, 1u << 16);
    CHECK_EQ(offsetof(struct io_uring_buf_reg, min_left), 16);
    CHECK_EQ(sizeof(struct io_uring_buf_reg), 40);
    CHECK_EQ(offsetof(struct io_uring_zcrx_ifq_reg, rx_buf_len), 68);
    CHECK_EQ(sizeof(struct zcrx_ctrl), 72);
    CHECK_EQ(sizeof(struct io_uring_attr_pi), 32);
    CHECK_EQ(sizeof(struct io_timespec), 16);
    /* liburing/io_uring/query.h and bpf_filter.h, included by <liburing.h> */
    CHECK_EQ(sizeof(struct io_uring_query_hdr), 40);
    CHECK_EQ(sizeof(struct io_uring_query_opcode), 48);
    CHECK_EQ(sizeof(struct io_uring_query_zcrx), 40);
    CHECK_EQ(IO_URING_QUERY_SCQ, 2);
    CHECK_EQ(sizeof(struct io_uring_bpf_ctx), 40);
    CHECK_EQ(sizeof(struct io_uring_bpf_filter), 64);
    CHECK_EQ(sizeof(struct io_uring_bpf), 72);
    CHECK_EQ(uring_ptr_to_u64(&sqe_dummy), (uintptr_t)&sqe_dummy);

    /* 2.15 helpers (liburing.h 437, 425) */
    CHECK_EQ(io_uring_cqe_shift_from_flags(IORING_SETUP_CQE32), 1);
    CHECK_EQ(io_uring_cqe_shift_from_flags(IORING_SETUP_SQE128), 0);
    struct io_uring_cqe big = { .flags = IORING_CQE_F_32 }, small = { .flags = 0 };
    CHECK_EQ(io_uring_cqe_nr(&big), 2);
    CHECK_EQ(io_uring_cqe_nr(&small), 1);

    /* prep helpers, the fields liburing 2.15 sets (liburing.h 816, 1573, 1600) */
    struct io_uring_sqe sqe;
    memset(&sqe, 0xff, sizeof(sqe));
    sqe.user_data = 7;
    io_uring_prep_nop128(&sqe);
    CHECK_EQ(sqe.opcode, IORING_OP_NOP128);
    CHECK_EQ(sqe.fd, -1);
    CHECK_EQ(sqe.user_data, 7);
    io_uring_prep_uring_cmd128(&sqe, 9, 3);
    CHECK_EQ(sqe.opcode, IORING_OP_URING_CMD128);
    CHECK_EQ(sqe.cmd_op, 9);
    CHECK_EQ(sqe.fd, 3);
    struct sockaddr_storage sa;
    socklen_t salen = sizeof(sa);
    io_uring_prep_cmd_getsockname(&sqe, 4, (struct sockaddr *)&sa, &salen, 1);
    CHECK_EQ(sqe.opcode, IORING_OP_URING_CMD);
    CHECK_EQ(sqe.cmd_op, SOCKET_URING_OP_GETSOCKNAME);
    CHECK_EQ(sqe.fd, 4);
    CHECK_EQ(sqe.addr, (uintptr_t)&sa);
    CHECK_EQ(sqe.addr3, (uintptr_t)&salen);
    CHECK_EQ(sqe.optlen, 1);

    /* __io_uring_queue_init_params without caller memory: a plain ring;
       with caller memory: io_uring_queue_init_mem (tests/compat/n12_init_mem.c) */
    struct io_uring r;
    struct io_uring_params p;
    memset(&p, 0, sizeof(p));
    CHECK_EQ(__io_uring_queue_init_params(8, &r, &p, NULL, 0), 0);
    CHECK_EQ(r.sq.ring_entries, 8);
    CHECK(io_uring_get_sqe128(&r) == NULL);     /* neither SQE128 nor SQE_MIXED */

    /* io_uring_cqe_iter: sees the CQEs posted at init, consumes nothing */
    for (int i = 0; i < 3; i++) {
        struct io_uring_sqe *s = ct_sqe(&r);
        io_uring_prep_nop(s);
        s->user_data = 100 + i;
    }
    CHECK_EQ(io_uring_submit_and_wait(&r, 3), 3);
    struct io_uring_cqe_iter it = io_uring_cqe_iter_init(&r);
    struct io_uring_cqe *c;
    int n = 0;
    while (io_uring_cqe_iter_next(&it, &c)) {
        CHECK_EQ(c->user_data, 100 + n);
        n++;
    }
    CHECK_EQ(n, 3);
    CHECK_EQ(io_uring_cq_ready(&r), 3);
    io_uring_cq_advance(&r, 3);
    it = io_uring_cqe_iter_init(&r);
    CHECK(!io_uring_cqe_iter_next(&it, &c));
    io_uring_queue_exit(&r);

    /* with caller memory too small for the rings: -ENOMEM, as liburing */
    char mem[64];
    memset(&p, 0, sizeof(p));
    p.flags = IORING_SETUP_NO_MMAP;
    CHECK_EQ(__io_uring_queue_init_params(8, &r, &p, mem, sizeof(mem)), -ENOMEM);

    /* io_uring_get_sqe128 on an IORING_SETUP_SQE128 ring: an SQE */
    if (io_uring_queue_init(8, &r, IORING_SETUP_SQE128) == 0) {
        struct io_uring_sqe *s = io_uring_get_sqe128(&r);
        CHECK(s != NULL);
        io_uring_prep_nop(s);
        s->user_data = 5;
        CHECK_EQ(io_uring_submit_and_wait(&r, 1), 1);
        CHECK_EQ(ct_reap(&r, "sqe128 nop"), 0);
        io_uring_queue_exit(&r);
    }
    /* io_uring_register_query (blind: no ring); kernels before 6.18 refuse */
    struct io_uring_query_opcode qo;
    struct io_uring_query_hdr qh;
    memset(&qo, 0, sizeof(qo));
    memset(&qh, 0, sizeof(qh));
    qh.query_op = IO_URING_QUERY_OPCODES;
    qh.query_data = uring_ptr_to_u64(&qo);
    qh.size = sizeof(qo);
    int ret = io_uring_register_query(&qh);
    if (ret == 0) {
        CHECK_EQ(qh.result, 0);
        CHECK(qo.nr_request_opcodes > IORING_OP_PIPE);
        CHECK(qo.ring_setup_flags & IORING_SETUP_SQPOLL);
    } else {
        CHECK_EQ(ret, -EINVAL);
    }
    printf("ok\n");
    return 0;
}
