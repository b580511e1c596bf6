/* nop_static.c -- the smallest useful program on hringas-c: no libc at all.
 * Own _start; sets up a ring, submits and reaps a few NOPs, exits through a
 * raw exit_group with status 0 if every CQE is right (res 0, user_data sums
 * to 0+1+..+7), else 1; 2 if the ring cannot be set up.
 * Built -nostdlib -static -ffreestanding; `size` of it is in RESULTS.md. */
#include "hringas.h"

#define NOPS 8u

void hr_bench_main(void) __attribute__((noreturn, used));

static __attribute__((noreturn)) void sys_exit(int status)
{
    for (;;)
        hr_syscall6(231 /* exit_group */, status, 0, 0, 0, 0, 0);
}

void hr_bench_main(void)
{
    struct hr_ring r;
    struct hr_cqe cqes[NOPS];
    uint64_t sum = 0;
    uint32_t i, got = 0;

    if (hr_ring_init(&r, NOPS, 0) < 0)
        sys_exit(2);
    for (i = 0; i < NOPS; i++) {
        struct hr_sqe *sqe = hr_get_sqe(&r);
        if (!sqe)
            sys_exit(1);
        hr_prep_nop(sqe);
        hr_sqe_set_data64(sqe, i);
    }
    if (hr_submit_and_wait(&r, NOPS) != (int)NOPS)
        sys_exit(1);
    while (got < NOPS) {
        int k = hr_copy_cqes(&r, cqes, NOPS, 1);
        if (k <= 0)
            sys_exit(1);
        for (i = 0; i < (uint32_t)k; i++) {
            if (cqes[i].res != 0)
                sys_exit(1);
            sum += cqes[i].user_data;
        }
        got += (uint32_t)k;
    }
    hr_ring_exit(&r);
    sys_exit(got == NOPS && sum == NOPS * (NOPS - 1) / 2 ? 0 : 1);
}

/* The kernel enters with %rsp 16-aligned at argc; keep it aligned for a call. */
__asm__(".text\n"
        ".global _start\n"
        ".type _start, @function\n"
        "_start:\n"
        "    xor %ebp, %ebp\n"
        "    and $-16, %rsp\n"
        "    call hr_bench_main\n"
        "    hlt\n");
