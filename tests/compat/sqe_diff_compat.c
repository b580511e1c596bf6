/* sqe_diff_compat.c -- the compat column of the SQE differential test.
 *
 * Every io_uring_prep_* (and sqe_set_*) that Debian's liburing 2.3 has is
 * called twice with the same arguments: once as liburing 2.3 compiled it,
 * once through core/compat/liburing.h (the core's hr_prep_* under
 * liburing's names).  Before each call the two SQEs are filled with two
 * different garbage bytes, so a byte one side writes and the other does not
 * shows up; all 64 bytes must be equal, except:
 *   - user_data: liburing's prep helpers never write it, nor may the compat
 *     ones: each side must still hold its own garbage there (checked), unless
 *     the case is sqe_set_data*, where both must hold the argument;
 *   - file_index of *_direct ops given IORING_FILE_INDEX_ALLOC: liburing 2.3
 *     stores ALLOC + 1 (which wraps to 0, "not direct"), liburing 2.4+ and
 *     the compat layer ALLOC; accepted only in exactly that case
 *     (close_direct keeps liburing's + 1 encoding on both sides).
 * Arguments: argument k of set i is pool[(i + 7 k) % n] over a pool of edge
 * values, plus an all-zero and an all-ones set. */
#include <stdio.h>
#include <string.h>
#include <stddef.h>
#include <linux/io_uring.h>
#include "sqe_diff_compat.h"

#define SQE_STR(name, call) #name,
static const char *const names[] = { SQE_CASES(SQE_STR) };

static const struct sqe_alloc_case alloc_cases[] = {
    { K_openat_direct, 4 }, { K_openat2_direct, 3 }, { K_accept_direct, 4 },
    { K_socket_direct, 3 },
};

static const uint64_t pool[] = {
    0, 1, 2, 3, 7, 0x7f, 0xff, 0x100, 0xfffe, 0xffff, 0x10000, 0x7fffffff,
    0x80000000, 0xfffffffe, 0xffffffff, 0x100000000ull, 0x123456789abcdef0ull,
    0x7fffffffffffffffull, 0x8000000000000000ull, 0xffffffffffffffffull,
    (uint64_t)-100, (uint64_t)-2, 0xfffffffffffffff0ull, 0x00007ffc12345678ull,
    0xdeadbeefull, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull,
};
#define NPOOL (sizeof(pool) / sizeof(pool[0]))
#define NSETS (NPOOL + 2)

int main(void)
{
    unsigned cases = 0, failed = 0, ops_failed = 0;

    for (int k = 0; k < K_COUNT; k++) {
        unsigned op_fail = 0;
        for (unsigned i = 0; i < NSETS; i++) {
            uint64_t a[8];
            for (unsigned j = 0; j < 8; j++)
                a[j] = i == NPOOL ? 0 : i == NPOOL + 1 ? ~0ull : pool[(i + 7 * j) % NPOOL];
            struct io_uring_sqe lu, hr;
            memset(&lu, 0xa5, sizeof(lu));
            memset(&hr, 0x5a, sizeof(hr));
            sqe_case_lu(k, &lu, a);
            sqe_case_hr(k, &hr, a);
            cases++;
            int set_data = k == K_sqe_set_data || k == K_sqe_set_data64;
            if (!set_data) {
                if (lu.user_data != 0xa5a5a5a5a5a5a5a5ull ||
                    hr.user_data != 0x5a5a5a5a5a5a5a5aull) {
                    printf("FAIL %s set %u: user_data written (liburing %#llx, compat %#llx)\n",
                           names[k], i, (unsigned long long)lu.user_data,
                           (unsigned long long)hr.user_data);
                    op_fail++;
                    continue;
                }
                lu.user_data = hr.user_data = 0;
            }
            if (k == K_sqe_set_data || k == K_sqe_set_data64 || k == K_sqe_set_flags) {
                /* accessors write one field: compare that field only */
                if (k == K_sqe_set_flags ? lu.flags != hr.flags
                                         : lu.user_data != hr.user_data) {
                    printf("FAIL %s set %u\n", names[k], i);
                    op_fail++;
                }
                continue;
            }
            for (unsigned c = 0; c < sizeof(alloc_cases) / sizeof(alloc_cases[0]); c++)
                if (alloc_cases[c].k == k && (unsigned)a[alloc_cases[c].idx] == IORING_FILE_INDEX_ALLOC &&
                    lu.file_index == 0 && hr.file_index == IORING_FILE_INDEX_ALLOC)
                    lu.file_index = IORING_FILE_INDEX_ALLOC;
            if (memcmp(&lu, &hr, sizeof(lu)) != 0) {
                const unsigned char *x = (const void *)&lu, *y = (const void *)&hr;
                printf("FAIL %s set %u: bytes differ at", names[k], i);
                for (unsigned b = 0; b < 64; b++)
                    if (x[b] != y[b])
                        printf(" %u(%02x/%02x)", b, x[b], y[b]);
                printf("\n");
                op_fail++;
            }
        }
        if (op_fail) {
            ops_failed++;
            failed += op_fail;
        }
    }
    printf("sqe-diff-compat: %d helpers x %u argument sets vs liburing 2.3, %u ops with differences\n",
           K_COUNT, (unsigned)NSETS, ops_failed);

    /* helpers newer than 2.3: against the expected SQE from 2.15's source */
    unsigned newer_failed = 0;
    for (int k = 0; k < sqe_newer_count(); k++) {
        unsigned op_fail = 0;
        for (unsigned i = 0; i < NSETS; i++) {
            uint64_t a[8];
            for (unsigned j = 0; j < 8; j++)
                a[j] = i == NPOOL ? 0 : i == NPOOL + 1 ? ~0ull : pool[(i + 7 * j) % NPOOL];
            struct io_uring_sqe hr, ex;
            memset(&hr, 0x5a, sizeof(hr));
            memset(&ex, 0x5a, sizeof(ex));
            sqe_newer_compat(k, &hr, a);
            sqe_newer_model(k, &ex, a);
            cases++;
            if (memcmp(&hr, &ex, sizeof(hr)) != 0) {
                const unsigned char *x = (const void *)&ex, *y = (const void *)&hr;
                printf("FAIL %s set %u: bytes differ at", sqe_newer_name(k), i);
                for (unsigned b = 0; b < 64; b++)
                    if (x[b] != y[b])
                        printf(" %u(%02x/%02x)", b, x[b], y[b]);
                printf("\n");
                op_fail++;
            }
        }
        if (op_fail) {
            newer_failed++;
            failed += op_fail;
        }
    }
    printf("sqe-diff-compat: %d newer helpers x %u argument sets vs liburing 2.15's source, "
           "%u ops with differences\n", sqe_newer_count(), (unsigned)NSETS, newer_failed);
    printf("sqe-diff-compat: %u passed, %u failed, 0 skipped\n", cases - failed, failed);
    return failed != 0;
}
