/* freestanding_nop.c -- the library with no libc at all: its own _start,
 * the ring on the stack, NOPs submitted and reaped, exit by raw syscall.
 * Built with -ffreestanding -nostdlib -static.  Exit status 0 iff every CQE
 * came back with res 0 and the right user_data. */
#include "hringas.h"

#if defined(__x86_64__)
#define NR_write 1
#define NR_exit_group 231
__asm__(".text\n.global _start\n_start:\n"
        "  xor %rbp, %rbp\n"
        "  and $-16, %rsp\n"
        "  call hr_main\n"
        "  hlt\n");
#elif defined(__aarch64__)
#define NR_write 64
#define NR_exit_group 94
__asm__(".text\n.global _start\n_start:\n"
        "  mov x29, #0\n"
        "  bl hr_main\n"
        "  b .\n");
#elif defined(__riscv)
#define NR_write 64
#define NR_exit_group 94
__asm__(".text\n.global _start\n_start:\n"
        "  .option push\n  .option norelax\n  lla gp, __global_pointer$\n  .option pop\n"
        "  call hr_main\n"
        "  j .\n");
#endif

void hr_main(void) __attribute__((noreturn, used));

static void say(const char *s)
{
    long n = 0;
    while (s[n]) n++;
    hr_syscall6(NR_write, 1, (long)s, n, 0, 0, 0);
}

static int run(void)
{
    struct hr_ring ring;
    struct hr_cqe out[16];
    uint64_t sum = 0, want = 0, next = 1;
    int got_total = 0;

    if (hr_ring_init(&ring, 16, 0) != 0)
        return 2;
    for (int round = 0; round < 100; round++) {
        for (int i = 0; i < 16; i++) {
            struct hr_sqe *sqe = hr_get_sqe(&ring);
            if (!sqe)
                return 3;
            hr_prep_nop(sqe);
            hr_sqe_set_data64(sqe, next);
            want += next++;
        }
        if (hr_submit_and_wait(&ring, 16) != 16)
            return 4;
        int got = 0;
        while (got < 16) {
            int n = hr_copy_cqes(&ring, out, 16, (uint32_t)(16 - got));
            if (n <= 0)
                return 5;
            for (int i = 0; i < n; i++) {
                if (out[i].res != 0)
                    return 6;
                sum += out[i].user_data;
            }
            got += n;
        }
        got_total += got;
    }
    hr_ring_exit(&ring);
    if (sum != want || got_total != 1600)
        return 7;
    say("freestanding: 1600 NOPs submitted and reaped without libc\n");
    return 0;
}

void hr_main(void)
{
    int status = run();
    for (;;)
        hr_syscall6(NR_exit_group, status, 0, 0, 0, 0, 0);
}
