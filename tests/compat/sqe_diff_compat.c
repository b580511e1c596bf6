/* sqe_diff_compat.c -- the compat column of the SQE differential test.
 *
 * Every io_uring_prep_* (and sqe_set_*) that Debian's liburing 2.3 has is
 * called with the same arguments twice: once as liburing 2.3 compiled it,
 * once through core/compat/liburing.h (the core's hr_prep_* under
 * liburing's names).  Each (helper, argument set) case runs two ways:
 *
 *   cleared  both SQEs filled with two different garbage bytes, then the
 *            fields io_uring_get_sqe clears (flags, ioprio, rw_flags,
 *            buf_index, personality, file_index, addr3, __pad2) zeroed on
 *            both, as after io_uring_get_sqe: all 64 bytes must be equal
 *            (there liburing 2.3, 2.15 and the compat layer agree);
 *   garbage  the two garbage fills alone.  liburing 2.3's io_uring_prep_rw
 *            zeroes those eight fields; 2.15's leaves them, and each helper
 *            writes only the ones it names.  The compat layer follows 2.15,
 *            so in every one of those fields that 2.15's helper of that name
 *            does not write (table written215 below, read from liburing
 *            2.15's src/include/liburing.h) the compat SQE must still hold
 *            its garbage (ioprio: garbage | the bit liburing ORs in), and
 *            liburing 2.3's must hold 0 there (else 2.3 writes the field and
 *            the table is wrong); every other byte must equal 2.3's.
 *
 * In both, user_data: liburing's prep helpers never write it, nor may the
 * compat ones: each side must still hold its own garbage there (checked),
 * unless the case is sqe_set_data*, where both must hold the argument; and
 * file_index of *_direct ops given IORING_FILE_INDEX_ALLOC: liburing 2.3
 * stores ALLOC + 1 (which wraps to 0, "not direct"), liburing 2.4+ and the
 * compat layer ALLOC; accepted only in exactly that case (close_direct keeps
 * liburing's + 1 encoding on both sides).
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

/* Which of the fields io_uring_get_sqe clears each helper writes in liburing
 * 2.15 (the statement in its src/include/liburing.h beside each); every other
 * one of them it leaves as it was.  0: io_uring_prep_rw and nothing more. */
enum {
    W_IOPRIO = 0x01,    /* ioprio assigned */
    OR_IOPRIO = 0x02,   /* ioprio |= bit: the old bits stay */
    W_RWF = 0x04,       /* rw_flags and its aliases (msg_flags, open_flags, ...) */
    W_BUF = 0x08,       /* buf_index / buf_group */
    W_FIDX = 0x10,      /* file_index / splice_fd_in */
    W_ADDRLEN = 0x20,   /* addr_len: the low half of file_index only */
    W_ADDR3 = 0x40,     /* addr3 */
};
static const unsigned char written215[K_COUNT] = {
    [K_readv2] = W_RWF, [K_writev2] = W_RWF,                /* sqe->rw_flags = flags */
    [K_read_fixed] = W_BUF, [K_write_fixed] = W_BUF,        /* sqe->buf_index = buf_index */
    [K_fsync] = W_RWF,                                      /* fsync_flags */
    [K_sync_file_range] = W_RWF,                            /* sync_range_flags */
    [K_fadvise] = W_RWF, [K_madvise] = W_RWF,               /* fadvise_advice */
    [K_openat] = W_RWF, [K_openat_direct] = W_RWF | W_FIDX, /* open_flags; target slot */
    [K_openat2_direct] = W_FIDX,
    [K_close_direct] = W_FIDX,
    [K_statx] = W_RWF,                                      /* statx_flags */
    [K_renameat] = W_RWF, [K_rename] = W_RWF,               /* rename_flags */
    [K_unlinkat] = W_RWF, [K_unlink] = W_RWF,               /* unlink_flags */
    [K_linkat] = W_RWF, [K_link] = W_RWF,                   /* hardlink_flags */
    [K_getxattr] = W_RWF | W_ADDR3, [K_setxattr] = W_RWF | W_ADDR3, /* xattr_flags, path */
    [K_fgetxattr] = W_RWF, [K_fsetxattr] = W_RWF,
    [K_splice] = W_RWF | W_FIDX, [K_tee] = W_RWF | W_FIDX,  /* splice_flags, splice_fd_in */
    [K_socket] = W_RWF,                                     /* sqe->rw_flags = flags */
    [K_socket_direct] = W_RWF | W_FIDX, [K_socket_direct_alloc] = W_RWF | W_FIDX,
    [K_accept] = W_RWF,                                     /* accept_flags */
    [K_accept_direct] = W_RWF | W_FIDX,
    [K_multishot_accept] = W_RWF | OR_IOPRIO,               /* ioprio |= ACCEPT_MULTISHOT */
    [K_multishot_accept_direct] = W_RWF | OR_IOPRIO | W_FIDX,
    [K_send] = W_RWF,                                       /* msg_flags */
    [K_send_set_addr] = W_RWF | W_ADDRLEN,                  /* send; sqe->addr_len */
    [K_send_zc] = W_RWF | W_IOPRIO,                         /* sqe->ioprio = zc_flags */
    [K_send_zc_fixed] = W_RWF | W_IOPRIO | W_BUF,
    [K_sendmsg] = W_RWF, [K_sendmsg_zc] = W_RWF,
    [K_recv] = W_RWF, [K_recv_multishot] = W_RWF | OR_IOPRIO, /* ioprio |= RECV_MULTISHOT */
    [K_recvmsg] = W_RWF, [K_recvmsg_multishot] = W_RWF | OR_IOPRIO,
    [K_poll_add] = W_RWF, [K_poll_multishot] = W_RWF,       /* poll32_events */
    [K_poll_update] = W_RWF,
    [K_timeout] = W_RWF, [K_timeout_remove] = W_RWF,        /* timeout_flags */
    [K_timeout_update] = W_RWF, [K_link_timeout] = W_RWF,
    [K_cancel64] = W_RWF, [K_cancel] = W_RWF, [K_cancel_fd] = W_RWF, /* cancel_flags */
    [K_provide_buffers] = W_BUF, [K_remove_buffers] = W_BUF, /* buf_group */
    [K_msg_ring] = W_RWF,                                   /* msg_ring_flags */
};

/* the fields io_uring_get_sqe clears, as it clears them */
static void get_sqe_clear(struct io_uring_sqe *s)
{
    s->flags = 0;
    s->ioprio = 0;
    s->rw_flags = 0;
    s->buf_index = 0;
    s->personality = 0;
    s->file_index = 0;
    s->addr3 = 0;
    s->__pad2[0] = 0;
}

/* garbage run: the fields liburing 2.15 leaves must hold the compat side's
   garbage (g: its fill byte) and liburing 2.3's zero; then they are zeroed
   on both sides, so the caller's memcmp covers the rest.  Returns the
   number of violations, printed. */
static unsigned check_kept(const char *name, unsigned set, unsigned w,
                           struct io_uring_sqe *lu, struct io_uring_sqe *hr, unsigned char g)
{
    const uint16_t g16 = (uint16_t)(g * 0x0101u);
    const uint32_t g32 = g * 0x01010101u;
    const uint64_t g64 = g * 0x0101010101010101ull;
    unsigned bad = 0;

#define KEPT(cond, field, want, fmt_t)                                             \
    do {                                                                           \
        if (cond) {                                                                \
            if (hr->field != (want) || lu->field != 0) {                           \
                printf("FAIL %s set %u (garbage): " #field " compat %#llx (want %#llx), " \
                       "liburing 2.3 %#llx (want 0)\n", name, set,                 \
                       (unsigned long long)(fmt_t)hr->field,                       \
                       (unsigned long long)(fmt_t)(want),                          \
                       (unsigned long long)(fmt_t)lu->field);                      \
                bad++;                                                             \
            }                                                                      \
            hr->field = lu->field = 0;                                             \
        }                                                                          \
    } while (0)
    KEPT(1, flags, (uint8_t)g, uint8_t);
    KEPT(1, personality, g16, uint16_t);
    KEPT(1, __pad2[0], g64, uint64_t);
    KEPT(!(w & (W_IOPRIO | OR_IOPRIO)), ioprio, g16, uint16_t);
    KEPT(!(w & W_RWF), rw_flags, g32, uint32_t);
    KEPT(!(w & W_BUF), buf_index, g16, uint16_t);
    KEPT(!(w & (W_FIDX | W_ADDRLEN)), file_index, g32, uint32_t);
    KEPT(w & W_ADDRLEN, __pad3[0], g16, uint16_t);
    KEPT(!(w & W_ADDR3), addr3, g64, uint64_t);
#undef KEPT
    if (w & OR_IOPRIO) {
        /* liburing 2.3 ORs its bit into 0, 2.15 and the compat layer into
           whatever was there: the compat side must be garbage | that bit */
        if (hr->ioprio != (uint16_t)(g16 | lu->ioprio)) {
            printf("FAIL %s set %u (garbage): ioprio compat %#x, want %#x | %#x\n",
                   name, set, hr->ioprio, g16, lu->ioprio);
            bad++;
        }
        hr->ioprio = lu->ioprio = 0;
    }
    return bad;
}

static const uint64_t pool[] = {
    0, 1, 2, 3, 7, 0x7f, 0xff, 0x100, 0xfffe, 0xffff, 0x10000, 0x7fffffff,
    0x80000000, 0xfffffffe, 0xffffffff, 0x100000000ull, 0x123456789abcdef0ull,
    0x7fffffffffffffffull, 0x8000000000000000ull, 0xffffffffffffffffull,
    (uint64_t)-100, (uint64_t)-2, 0xfffffffffffffff0ull, 0x00007ffc12345678ull,
    0xdeadbeefull, 0x5555555555555555ull, 0xaaaaaaaaaaaaaaaaull,
};
#define NPOOL (sizeof(pool) / sizeof(pool[0]))
#define NSETS (NPOOL + 2)

static void print_diff(const char *name, unsigned set, const char *run,
                       const struct io_uring_sqe *want, const struct io_uring_sqe *got)
{
    const unsigned char *x = (const void *)want, *y = (const void *)got;

    printf("FAIL %s set %u (%s): bytes differ at", name, set, run);
    for (unsigned b = 0; b < 64; b++)
        if (x[b] != y[b])
            printf(" %u(%02x/%02x)", b, x[b], y[b]);
    printf("\n");
}

/* one run of liburing 2.3's case k against the compat one; garbage: the
   garbage run, else the cleared one (see the top).  Returns violations. */
static unsigned run_23(int k, unsigned set, const uint64_t *a, int garbage)
{
    struct io_uring_sqe lu, hr;
    const int set_data = k == K_sqe_set_data || k == K_sqe_set_data64;
    unsigned bad = 0;

    memset(&lu, 0xa5, sizeof(lu));
    memset(&hr, 0x5a, sizeof(hr));
    if (!garbage) {
        get_sqe_clear(&lu);
        get_sqe_clear(&hr);
    }
    sqe_case_lu(k, &lu, a);
    sqe_case_hr(k, &hr, a);
    if (!set_data) {
        if (lu.user_data != 0xa5a5a5a5a5a5a5a5ull || hr.user_data != 0x5a5a5a5a5a5a5a5aull) {
            printf("FAIL %s set %u: user_data written (liburing %#llx, compat %#llx)\n",
                   names[k], set, (unsigned long long)lu.user_data,
                   (unsigned long long)hr.user_data);
            return 1;
        }
        lu.user_data = hr.user_data = 0;
    }
    if (set_data || k == K_sqe_set_flags) {
        /* accessors write one field: compare that field only */
        if (k == K_sqe_set_flags ? lu.flags != hr.flags : lu.user_data != hr.user_data) {
            printf("FAIL %s set %u\n", names[k], set);
            return 1;
        }
        return 0;
    }
    for (unsigned c = 0; c < sizeof(alloc_cases) / sizeof(alloc_cases[0]); c++)
        if (alloc_cases[c].k == k && (unsigned)a[alloc_cases[c].idx] == IORING_FILE_INDEX_ALLOC &&
            lu.file_index == 0 && hr.file_index == IORING_FILE_INDEX_ALLOC)
            lu.file_index = IORING_FILE_INDEX_ALLOC;
    if (garbage)
        bad += check_kept(names[k], set, written215[k], &lu, &hr, 0x5a);
    if (memcmp(&lu, &hr, sizeof(lu)) != 0) {
        print_diff(names[k], set, garbage ? "garbage" : "cleared", &lu, &hr);
        bad++;
    }
    return bad;
}

int main(void)
{
    unsigned cases = 0, failed = 0, ops_failed = 0;

    for (int k = 0; k < K_COUNT; k++) {
        unsigned op_fail = 0;
        for (unsigned i = 0; i < NSETS; i++) {
            uint64_t a[8];
            for (unsigned j = 0; j < 8; j++)
                a[j] = i == NPOOL ? 0 : i == NPOOL + 1 ? ~0ull : pool[(i + 7 * j) % NPOOL];
            for (int garbage = 0; garbage < 2; garbage++) {
                cases++;
                if (run_23(k, i, a, garbage))
                    op_fail++;
            }
        }
        if (op_fail) {
            ops_failed++;
            failed += op_fail;
        }
    }
    printf("sqe-diff-compat: %d helpers x %u argument sets x 2 runs (cleared, garbage) vs liburing 2.3, "
           "%u ops with differences\n", K_COUNT, (unsigned)NSETS, ops_failed);

    /* helpers newer than 2.3: against the expected SQE from 2.15's source,
       on a cleared SQE (as from io_uring_get_sqe) and on garbage, where
       the model, like liburing 2.15, writes only the fields it names */
    unsigned newer_failed = 0;
    for (int k = 0; k < sqe_newer_count(); k++) {
        unsigned op_fail = 0;
        for (unsigned i = 0; i < NSETS; i++) {
            uint64_t a[8];
            for (unsigned j = 0; j < 8; j++)
                a[j] = i == NPOOL ? 0 : i == NPOOL + 1 ? ~0ull : pool[(i + 7 * j) % NPOOL];
            for (int garbage = 0; garbage < 2; garbage++) {
                struct io_uring_sqe hr, ex;
                memset(&hr, 0x5a, sizeof(hr));
                memset(&ex, 0x5a, sizeof(ex));
                if (!garbage) {
                    get_sqe_clear(&hr);
                    get_sqe_clear(&ex);
                }
                sqe_newer_compat(k, &hr, a);
                sqe_newer_model(k, &ex, a);
                cases++;
                if (memcmp(&hr, &ex, sizeof(hr)) != 0) {
                    print_diff(sqe_newer_name(k), i, garbage ? "garbage" : "cleared", &ex, &hr);
                    op_fail++;
                }
            }
        }
        if (op_fail) {
            newer_failed++;
            failed += op_fail;
        }
    }
    printf("sqe-diff-compat: %d newer helpers x %u argument sets x 2 runs vs liburing 2.15's source, "
           "%u ops with differences\n", sqe_newer_count(), (unsigned)NSETS, newer_failed);
    printf("sqe-diff-compat: %u passed, %u failed, 0 skipped\n", cases - failed, failed);
    return failed != 0;
}
