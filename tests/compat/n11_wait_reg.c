/* (compat only) registered wait regions (liburing 2.10+, kernel 6.13+):
   io_uring_submit_and_wait_reg submits the pending SQEs and waits with the
   parameters of one entry of the region registered by
   io_uring_register_region(IORING_MEM_REGION_REG_WAIT_ARG):
   - a NOP submitted and its CQE returned (the first enter's count);
   - an empty CQ with a 1 ms timeout entry: -ETIME;
   - an index past the region: -EFAULT (from the kernel);
   - a CQE already there: 0 without waiting;
   - two CQEs wanted, one ready, a timeout entry: the ready one after the
     timeout (liburing returns the CQE with the enter's count, 0);
   - io_uring_register_wait_reg: -EINVAL, as liburing 2.15.
   liburing 2.15's test/reg-wait.c did not link before. */
#include "ct.h"
#include <sys/mman.h>

static void nop(struct io_uring *r, unsigned long long ud)
{
    struct io_uring_sqe *s = ct_sqe(r);

    io_uring_prep_nop(s);
    s->user_data = ud;
}

int main(void)
{
    struct io_uring r;
    struct io_uring_region_desc rd;
    struct io_uring_mem_region_reg mr;
    struct io_uring_cqe *c;
    const long page = sysconf(_SC_PAGESIZE);
    const int entries = (int)(page / sizeof(struct io_uring_reg_wait));

    CHECK_EQ(sizeof(struct io_uring_reg_wait), 64);
    struct io_uring_reg_wait *w = mmap(NULL, page, PROT_READ | PROT_WRITE,
                                       MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CHECK(w != MAP_FAILED);
    CHECK_EQ(io_uring_queue_init(8, &r, IORING_SETUP_R_DISABLED), 0);
    CHECK_EQ(io_uring_register_wait_reg(&r, w, 1), -EINVAL);
    memset(&rd, 0, sizeof(rd));
    memset(&mr, 0, sizeof(mr));
    rd.user_addr = (unsigned long)w;
    rd.size = page;
    rd.flags = IORING_MEM_REGION_TYPE_USER;
    mr.region_uptr = (unsigned long)&rd;
    mr.flags = IORING_MEM_REGION_REG_WAIT_ARG;
    int ret = io_uring_register_region(&r, &mr);
    if (ret == -EINVAL || ret == -EOPNOTSUPP)
        SKIP("kernel without registered wait regions (6.13+): %d", ret);
    CHECK_EQ(ret, 0);
    CHECK_EQ(io_uring_enable_rings(&r), 0);

    /* entry 0: no timeout; entry 1: 1 ms */
    memset(w, 0, 2 * sizeof(*w));
    w[1].flags = IORING_REG_WAIT_TS;
    w[1].ts.tv_nsec = 1000 * 1000;

    nop(&r, 11);
    CHECK_EQ(io_uring_submit_and_wait_reg(&r, &c, 1, 0), 1);
    CHECK(c != NULL);
    CHECK_EQ(c->user_data, 11);
    CHECK_EQ(c->res, 0);
    io_uring_cqe_seen(&r, c);
    CHECK_EQ(io_uring_sq_ready(&r), 0);

    CHECK_EQ(io_uring_submit_and_wait_reg(&r, &c, 1, 1), -ETIME);
    CHECK(c == NULL);
    CHECK_EQ(io_uring_submit_and_wait_reg(&r, &c, 1, entries), -EFAULT);

    nop(&r, 12);
    CHECK_EQ(io_uring_submit(&r), 1);
    CHECK_EQ(io_uring_submit_and_wait_reg(&r, &c, 1, 1), 0);   /* no enter */
    CHECK_EQ(c->user_data, 12);
    io_uring_cqe_seen(&r, c);

    nop(&r, 13);
    CHECK_EQ(io_uring_submit(&r), 1);
    ret = io_uring_submit_and_wait_reg(&r, &c, 2, 1);          /* times out */
    CHECK_EQ(ret, 0);
    CHECK(c != NULL);
    CHECK_EQ(c->user_data, 13);
    io_uring_cqe_seen(&r, c);
    CHECK_EQ(io_uring_cq_ready(&r), 0);

    io_uring_queue_exit(&r);
    munmap(w, page);
    printf("ok\n");
    return 0;
}
