/* (liburing 2.5+ API, compat only) rings in caller memory:
   io_uring_memory_size(_params), io_uring_queue_init_mem (bytes used on
   success, -ENOMEM when the buffer is too small), NOPs through such a ring,
   and io_uring_queue_exit leaving the caller's memory mapped. */
#include "ct.h"
#include <sys/mman.h>

static void nops(struct io_uring *r, unsigned n)
{
    for (unsigned i = 0; i < n; i++) {
        struct io_uring_sqe *s = ct_sqe(r);
        io_uring_prep_nop(s);
        io_uring_sqe_set_data64(s, 7 + i);
    }
    CHECK_EQ(io_uring_submit_and_wait(r, n), n);
    for (unsigned i = 0; i < n; i++) {
        struct io_uring_cqe *c;
        CHECK_EQ(io_uring_wait_cqe(r, &c), 0);
        CHECK_EQ(c->user_data, 7 + i);
        CHECK_EQ(c->res, 0);
        io_uring_cqe_seen(r, c);
    }
}

int main(void)
{
    const unsigned flags[] = { 0, IORING_SETUP_SQE128, IORING_SETUP_CQE32, IORING_SETUP_NO_SQARRAY };
    for (unsigned f = 0; f < 4; f++) {
        for (unsigned e = 1; e <= 256; e *= 4) {
            const ssize_t need = io_uring_memory_size(e, flags[f]);
            CHECK(need > 0 && need % sysconf(_SC_PAGESIZE) == 0);
            void *buf = mmap(NULL, need, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
            CHECK(buf != MAP_FAILED);
            struct io_uring r;
            struct io_uring_params p;
            memset(&p, 0, sizeof(p));
            p.flags = flags[f];
            int ret = io_uring_queue_init_mem(e, &r, &p, buf, need);
            if (ret == -EINVAL && f == 0 && e == 1)
                SKIP("kernel without IORING_SETUP_NO_MMAP");
            CHECK(ret > 0 && ret <= need);
            CHECK(p.flags & IORING_SETUP_NO_MMAP);
            CHECK((void *)r.sq.sqes == buf);
            nops(&r, e < 4 ? e : 4);
            io_uring_queue_exit(&r);
            memset(buf, 0x5a, need);             /* still ours */
            CHECK(((unsigned char *)buf)[need - 1] == 0x5a);
            /* too small: -ENOMEM */
            memset(&p, 0, sizeof(p));
            p.flags = flags[f];
            CHECK_EQ(io_uring_queue_init_mem(e, &r, &p, buf, 4096 - 1), -ENOMEM);
            munmap(buf, need);
        }
    }
    struct io_uring_params p;
    memset(&p, 0, sizeof(p));
    p.flags = IORING_SETUP_CQSIZE;
    p.cq_entries = 64;
    CHECK(io_uring_memory_size_params(8, &p) > 0);
    CHECK_EQ(io_uring_memory_size(0, 0), -EINVAL);
    printf("init-mem: ok\n");
    return 0;
}
