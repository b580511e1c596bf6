/* nolibc.c -- hringas without any C library: no libc, no crt1.o, no
 * dynamic loader.  Its own _start, the ring on the stack, output written
 * to stdout through io_uring itself (IORING_OP_WRITE), exit by a raw
 * system call.
 *
 * Build (static, no libc at all):
 *   cc -ffreestanding -nostdlib -static -fno-stack-protector nolibc.c \
 *      $(pkg-config --static --cflags --libs hringas)
 *
 * THE STACK-ALIGNMENT REQUIREMENT.  A "naive" _start written in C,
 *     void _start(void) { struct hr_ring r; hr_ring_init(&r, 8, 0); ... }
 * dies with SIGSEGV inside hr_ring_init_params on x86_64.  At process
 * entry the kernel leaves %rsp 16-byte aligned (it points at argc).  The
 * SysV x86_64 ABI says that at the entry of every C function %rsp + 8 is
 * 16-byte aligned, because a `call` has just pushed the 8-byte return
 * address.  _start is jumped to, not called, so a C _start runs with every
 * stack frame 8 bytes off, and so does everything it calls.  The compiler
 * copies struct io_uring_params (120 bytes) with 16-byte SSE stores
 * (movaps) to stack slots it believes are aligned: on a misaligned address
 * movaps raises #GP, delivered as SIGSEGV (seen in gdb:
 * `movaps %xmm3,0x40(%rsp)` in hr_ring_init_params).  The fix is the
 * three instructions below: clear %rbp (end of the frame chain), align
 * %rsp down to 16, and `call` the C entry point, which then sees the
 * alignment the ABI promises.  (GCC's
 * __attribute__((force_align_arg_pointer)) on a C _start works too.)
 * aarch64 and riscv64 require a 16-byte aligned sp at all times and the
 * kernel provides one, so a plain branch to C is enough there; riscv64
 * also needs gp loaded for linker relaxation.
 */
#include <hringas.h>

#if defined(__x86_64__)
#define NR_exit_group 231
__asm__(".text\n.global _start\n_start:\n"
        "  xor %ebp, %ebp\n"        /* outermost frame */
        "  and $-16, %rsp\n"        /* 16-byte aligned before the call ... */
        "  call c_main\n"           /* ... so c_main sees rsp + 8 aligned */
        "  hlt\n");
#elif defined(__aarch64__)
#define NR_exit_group 94
__asm__(".text\n.global _start\n_start:\n"
        "  mov x29, #0\n"
        "  mov x30, #0\n"
        "  bl c_main\n"
        "  b .\n");
#elif defined(__riscv)
#define NR_exit_group 94
__asm__(".text\n.global _start\n_start:\n"
        "  .option push\n  .option norelax\n  lla gp, __global_pointer$\n  .option pop\n"
        "  call c_main\n"
        "  j .\n");
#else
#error "nolibc.c: x86_64, aarch64 or riscv64"
#endif

void c_main(void) __attribute__((noreturn, used));

static unsigned long length(const char *s)
{
    unsigned long n = 0;
    while (s[n])
        n++;
    return n;
}

/* Write msg to stdout with an io_uring write; returns the CQE's res. */
static int ring_write(struct hr_ring *ring, const char *msg)
{
    struct hr_sqe *sqe = hr_get_sqe(ring);
    struct hr_cqe cqe;

    if (!sqe)
        return -HR_EAGAIN;
    /* offset -1: the file position (stdout may be a pipe) */
    hr_prep_write(sqe, 1, msg, (uint32_t)length(msg), (uint64_t)-1);
    hr_sqe_set_data64(sqe, 0xfeed);
    int ret = hr_submit_and_wait(ring, 1);
    if (ret < 0)
        return ret;
    ret = hr_copy_cqes(ring, &cqe, 1, 1);
    if (ret != 1)
        return ret < 0 ? ret : -HR_EIO;
    return cqe.user_data == 0xfeed ? cqe.res : -HR_EIO;
}

static int run(void)
{
    struct hr_ring ring;                /* on the stack: no allocation */
    struct hr_cqe out[16];
    uint64_t sum = 0;

    int ret = hr_ring_init(&ring, 16, 0);
    if (ret < 0)
        return ret;
    /* 16 NOPs, user_data 1..16 */
    for (unsigned i = 1; i <= 16; i++) {
        struct hr_sqe *sqe = hr_get_sqe(&ring);
        hr_prep_nop(sqe);
        hr_sqe_set_data64(sqe, i);
    }
    ret = hr_submit_and_wait(&ring, 16);
    for (int got = 0; ret >= 0 && got < 16; got += ret) {
        ret = hr_copy_cqes(&ring, out, 16, (uint32_t)(16 - got));
        for (int i = 0; i < ret; i++)
            sum += out[i].res == 0 ? out[i].user_data : 1000;
    }
    if (ret >= 0 && sum != 16 * 17 / 2)
        ret = -HR_EIO;
    if (ret >= 0)
        ret = ring_write(&ring, "nolibc: 16 NOPs and this write, through io_uring, without libc\n");
    if (ret < 0) {
        /* hr_strerror needs no libc either */
        ring_write(&ring, "nolibc: failed: ");
        ring_write(&ring, hr_strerror(ret));
        ring_write(&ring, "\n");
    }
    hr_ring_exit(&ring);
    return ret < 0 ? 1 : 0;
}

void c_main(void)
{
    int status = run();
    for (;;)
        hr_syscall6(NR_exit_group, status, 0, 0, 0, 0, 0);
}
