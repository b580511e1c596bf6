/* zig_ring.c -- Zig-behaviour suite (zt.h): the ring itself (setup, NOP,
 * copy_cqes across the end of the CQ), and waitid, the one op on no file. */
#include "zt.h"

/* Zig: test "structs/offsets/entries" */
static int t_structs(void)
{
    struct hr_ring r;
    CHECK_EQ(sizeof(struct io_uring_params), 120);
    CHECK_EQ(sizeof(struct hr_sqe), 64);
    CHECK_EQ(sizeof(struct io_uring_sqe), 64);
    CHECK_EQ(sizeof(struct hr_cqe), 16);
    CHECK_EQ(sizeof(struct io_uring_cqe), 16);
    CHECK_EQ(IORING_OFF_SQ_RING, 0);
    CHECK_EQ(IORING_OFF_CQ_RING, 0x8000000);
    CHECK_EQ(IORING_OFF_SQES, 0x10000000);

    memset(&r, 0x5a, sizeof r);
    int e0 = hr_ring_init(&r, 0, 0);
    CHECK_EQ(e0, -EINVAL);
    CHECK_EQ(r.ring_fd, -1);
    hr_ring_exit(&r);               /* after a failed init: does nothing */
    CHECK_EQ(r.ring_fd, -1);
    /* Zig refuses 3 entries (EntriesNotPowerOfTwo); hringas-c follows the
       kernel and liburing: 3 is rounded up to 4. */
    memset(&r, 0x5a, sizeof r);
    TRY(hr_ring_init(&r, 3, 0));
    CHECK_EQ(r.sq.entries, 4);
    hr_ring_exit(&r);

    /* and a good one, for contrast */
    TRY(hr_ring_init(&r, 1, 0));
    CHECK(r.ring_fd >= 0);
    CHECK_EQ(r.sq.entries, 1);
    CHECK(r.cq.entries >= 2);
    hr_ring_exit(&r);
    CHECK_EQ(r.ring_fd, -1);
    hr_ring_exit(&r);               /* exactly once: a second call is a no-op */
    return HR_PASS;
}

/* Zig: test "nop" */
static int t_nop(void)
{
    RING(r, 1, 0);
    struct hr_cqe c;

    CHECK_EQ(r->sq.sqe_head, 0);
    CHECK_EQ(r->sq.sqe_tail, 0);
    CHECK_EQ(*r->sq.ktail, 0);
    CHECK_EQ(r->cq.head, 0);
    struct hr_sqe *s = SQE(r);
    memset(s, 0xa5, sizeof *s);     /* prep must overwrite every byte */
    hr_prep_nop(s);
    hr_sqe_set_data64(s, 0xaaaaaaaa);
    struct hr_sqe e = zt_sqe_expect(IORING_OP_NOP, -1, 0, 0, 0);
    e.user_data = 0xaaaaaaaa;
    CHECK_SQE(s, &e);

    CHECK_EQ(r->sq.sqe_head, 0);
    CHECK_EQ(r->sq.sqe_tail, 1);
    CHECK_EQ(*r->sq.ktail, 0);
    CHECK_EQ(r->cq.head, 0);
    CHECK_EQ(hr_sq_ready(r), 1);
    CHECK_EQ(hr_cq_ready(r), 0);

    CHECK_EQ(hr_submit(r), 1);
    CHECK_EQ(r->sq.sqe_head, 1);
    CHECK_EQ(r->sq.sqe_tail, 1);
    CHECK_EQ(*r->sq.ktail, 1);
    CHECK_EQ(r->cq.head, 0);
    CHECK_EQ(hr_sq_ready(r), 0);

    CHECK_EQ(hr_copy_cqes(r, &c, 1, 1), 1);
    CHECK_CQE(&c, 0xaaaaaaaa, 0, 0);
    CHECK_EQ(r->cq.head, 1);
    CHECK_EQ(*r->cq.khead, 1);
    CHECK_EQ(hr_cq_ready(r), 0);

    /* a NOP with IO_DRAIN */
    s = SQE(r);
    hr_prep_nop(s);
    hr_sqe_set_data64(s, 0xbbbbbbbb);
    hr_sqe_set_flags(s, IOSQE_IO_DRAIN);
    e = zt_sqe_expect(IORING_OP_NOP, -1, 0, 0, 0);
    e.user_data = 0xbbbbbbbb;
    e.flags = IOSQE_IO_DRAIN;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    CHECK_EQ(r->sq.sqe_head, 2);
    CHECK_EQ(r->sq.sqe_tail, 2);
    CHECK_EQ(*r->sq.ktail, 2);
    CHECK_EQ(hr_copy_cqes(r, &c, 1, 1), 1);
    CHECK_CQE(&c, 0xbbbbbbbb, 0, 0);
    CHECK_EQ(r->cq.head, 2);
    CHECK_EQ(*r->cq.khead, 2);
    CHECK_EQ(hr_cq_ready(r), 0);
    CHECK_EQ(hr_sq_ready(r), 0);
    return HR_PASS;
}

/* Zig: test "copy_cqes with wrapping completion queue" */
static int t_copy_cqes_wrap(void)
{
    /* NOP and TIMEOUT: in every kernel with IORING_FEAT_SINGLE_MMAP (5.4) */
    struct io_uring_params p;
    memset(&p, 0, sizeof p);
    p.flags = IORING_SETUP_CQSIZE;
    p.cq_entries = 4;
    int err;
    struct hr_ring *r = zt_ring_params(2, &p, &err);
    if (!r)
        FAILF("hr_ring_init_params(2, CQSIZE 4): %d%s", err, zt_errname(err));
    CHECK_EQ(r->sq.entries, 2);
    CHECK_EQ(r->cq.entries, 4);
    CHECK_EQ(r->cq.mask, 3);
    CHECK_EQ(p.cq_entries, 4);

    /* offset the CQ head by one so every later batch of 4 straddles the end */
    struct hr_cqe c[4];
    struct hr_sqe *s = SQE(r);
    hr_prep_nop(s);
    hr_sqe_set_data64(s, 0xffff);
    CHECK_EQ(hr_submit_and_wait(r, 1), 1);
    CHECK_EQ(hr_copy_cqes(r, c, 4, 1), 1);
    CHECK_CQE(&c[0], 0xffff, 0, 0);
    CHECK_EQ(r->cq.head, 1);

    static const unsigned chunks[4][3] = { { 4 }, { 1, 3 }, { 2, 2 }, { 3, 1 } };
    static unsigned char seen[1023 * 4];
    struct __kernel_timespec ts = { 0, 0 };
    uint32_t head = 1;
    uint64_t ud = 0;
    memset(seen, 0, sizeof seen);
    for (unsigned round = 0; round < 1023; round++) {
        for (unsigned half = 0; half < 2; half++) {
            for (unsigned k = 0; k < 2; k++) {
                s = SQE(r);
                hr_prep_timeout(s, &ts, 0, 0);
                hr_sqe_set_data64(s, ud++);
            }
            CHECK(hr_get_sqe(r) == NULL);      /* a 2-entry SQ is full */
            CHECK_EQ(hr_submit(r), 2);
        }
        /* all four completions in the 4-entry CQ: full, nothing overflowed */
        while (hr_cq_ready(r) < 4)
            TRY(hr_enter(r, 0, 4, IORING_ENTER_GETEVENTS, NULL, 0));
        CHECK_EQ(hr_cq_ready(r), 4);
        CHECK_EQ(*r->cq.koverflow, 0);
        const unsigned *ch = chunks[round % 4];
        for (unsigned j = 0; j < 3 && ch[j]; j++) {
            CHECK_EQ(hr_copy_cqes(r, c, ch[j], 0), ch[j]);
            head += ch[j];
            CHECK_EQ(r->cq.head, head);
            CHECK_EQ(*r->cq.khead, head);
            for (unsigned i = 0; i < ch[j]; i++) {
                if (c[i].res != -ETIME || c[i].flags != 0)
                    FAILF("round %u: CQE res %d flags %x", round, c[i].res, c[i].flags);
                if (c[i].user_data >= ud || c[i].user_data + 4 < ud || seen[c[i].user_data])
                    FAILF("round %u: CQE user_data %llu (submitted %llu) unexpected or twice",
                          round, (unsigned long long)c[i].user_data, (unsigned long long)ud);
                seen[c[i].user_data] = 1;
            }
        }
        CHECK_EQ(hr_cq_ready(r), 0);
        CHECK_EQ(r->sq.sqe_head, r->sq.sqe_tail);
        CHECK_EQ(*r->sq.ktail, r->sq.sqe_tail);
        CHECK_EQ(*r->sq.ktail, 1 + 4 * (round + 1));
    }
    CHECK_EQ(head, 1 + 1023 * 4);
    CHECK_EQ(hr_copy_cqes(r, c, 4, 0), 0);
    for (unsigned i = 0; i < 1023 * 4; i++)
        if (!seen[i])
            FAILF("timeout %u never completed", i);
    return HR_PASS;
}

/* Zig: test "waitid" */
static int t_waitid(void)
{
    RING(r, 1, 0);
    /* IORING_OP_WAITID (6.7+): the kernel's own answer, IORING_REGISTER_PROBE */
    const int has = zt_op_supported(r, HR_OP_WAITID);
    CHECKF(has >= 0, "IORING_REGISTER_PROBE failed");
    if (!has)
        SKIP_BECAUSE("kernel lacks IORING_OP_WAITID (IORING_REGISTER_PROBE)");
    struct hr_cqe c;
    siginfo_t si;
    memset(&si, 0, sizeof si);
    pid_t pid = fork();
    TRYC(pid);
    if (pid == 0)
        _exit(7);
    struct hr_sqe *s = SQE(r);
    hr_prep_waitid(s, P_PID, (id_t)pid, &si, WEXITED, 0);
    hr_sqe_set_data64(s, 0x3636);
    struct hr_sqe e = zt_sqe_expect(HR_OP_WAITID, (int32_t)pid, 0, P_PID,
                                    (uint64_t)(uintptr_t)&si /* addr2 */);
    e.file_index = WEXITED;                         /* options */
    e.user_data = 0x3636;
    CHECK_SQE(s, &e);
    CHECK_EQ(hr_submit(r), 1);
    WAIT(r, &c, 1);
    if (c.res < 0)
        waitpid(pid, NULL, 0);
    CHECK_CQE(&c, 0x3636, 0, 0);
    CHECK_EQ(si.si_signo, SIGCHLD);
    CHECK_EQ(si.si_code, CLD_EXITED);
    CHECK_EQ(si.si_pid, pid);
    CHECK_EQ(si.si_status, 7);
    /* reaped: nothing left to wait for */
    CHECK(waitpid(pid, NULL, WNOHANG) < 0 && errno == ECHILD);
    return HR_PASS;
}

const struct hr_case zig_ring_cases[] = {
    { "setup: ABI sizes, mmap offsets; init rejects 0 and 3 entries; exit once", t_structs },
    { "nop: SQE bytes, SQ/CQ counters through submit and reap, IO_DRAIN", t_nop },
    { "copy_cqes: every split of 4 CQEs across the end of a 4-entry CQ", t_copy_cqes_wrap },
    { "waitid: reaps an exited child, siginfo filled in", t_waitid },
};
const int zig_ring_ncases = ZT_NCASES(zig_ring_cases);
