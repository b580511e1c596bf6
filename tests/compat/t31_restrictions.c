/* IORING_SETUP_R_DISABLED + register_restrictions + enable_rings */
#include "ct.h"
#include <sys/syscall.h>
/* Debian's liburing 2.3 shared library does not export
   io_uring_register_restrictions / io_uring_enable_rings: its build of this
   program makes the system call the two functions stand for, so the compat
   functions are compared with the kernel's own answer. */
#ifdef HRC_SQE
#define REGISTER_RESTRICTIONS(r, res, n) io_uring_register_restrictions(r, res, n)
#define ENABLE_RINGS(r) io_uring_enable_rings(r)
#else
static int sys_reg(struct io_uring *r, unsigned op, void *arg, unsigned n)
{
    int ret = syscall(__NR_io_uring_register, r->ring_fd, op, arg, n);
    return ret < 0 ? -errno : ret;
}
#define REGISTER_RESTRICTIONS(r, res, n) sys_reg(r, IORING_REGISTER_RESTRICTIONS, res, n)
#define ENABLE_RINGS(r) sys_reg(r, IORING_REGISTER_ENABLE_RINGS, NULL, 0)
#endif
int main(void)
{
    struct io_uring r;
    ct_init(&r, 8, IORING_SETUP_R_DISABLED);
    struct io_uring_restriction res[2];
    memset(res, 0, sizeof(res));
    res[0].opcode = IORING_RESTRICTION_SQE_OP;
    res[0].sqe_op = IORING_OP_NOP;
    res[1].opcode = IORING_RESTRICTION_SQE_OP;
    res[1].sqe_op = IORING_OP_WRITE;
    printf("restrictions=%d\n", REGISTER_RESTRICTIONS(&r, res, 2));
    struct io_uring_sqe *s = ct_sqe(&r);
    io_uring_prep_nop(s);
    s->user_data = 1;
    printf("submit while disabled=%d\n", io_uring_submit(&r));
    printf("enable=%d again=%d\n", ENABLE_RINGS(&r), ENABLE_RINGS(&r));
    printf("submit=%d\n", io_uring_submit(&r));
    ct_reap(&r, "nop");
    char buf[4];
    s = ct_sqe(&r);
    io_uring_prep_read(s, 0, buf, sizeof(buf), 0);
    s->user_data = 2;
    io_uring_submit(&r);
    ct_reap(&r, "read-restricted");
    printf("restrictions after enable=%d\n", REGISTER_RESTRICTIONS(&r, res, 2));
    io_uring_queue_exit(&r);
    return 0;
}
