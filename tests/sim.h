/* tests/sim.h -- a simulated io_uring kernel for unit tests of the ring core
 * (core/hr_ring.h).  No real io_uring is used.  The test framework is
 * tests/hr_test.h (included below).
 *
 * INCLUDE THIS FIRST in every tests/sim_*.c file.  It interposes, at the
 * preprocessor level and without touching core/, on the five trusted
 * primitives the inline bodies of core/hr_ring.h call:
 *
 *   hr_load_acquire / hr_store_release / hr_fence_full
 *        -> sim_hook_*: forward to the real core/hr_atomic.h bodies, record
 *           an event log (ordering checks), and in hostile mode let the
 *           "kernel" store ANY value into a kernel-written word right before
 *           the load returns it -- exactly the T-ATOMIC model of
 *           specs/hr_trusted.h ("assigns *p; ensures \result == *p").
 *   hr__sys_enter -> sim_enter: the simulated io_uring_enter(2) (hr_enter,
 *           the proved wrapper in hr_ring.h, calls it).
 *
 * How: hr_ring_spec.h, hr_atomic.h and hr_sys.h are included first (their
 * include guards then make hr_ring.h skip them), the names are #defined,
 * hr_ring.h is included (its inline bodies are tokenised with the hooks),
 * and the names are #undef'd again.  So hr_sys.h's real hr__sys_enter and
 * hr_atomic.h's real accessors are defined, untouched, and the sim itself
 * uses them.  The body of hr__sys_enter itself (the syscall, `| enter_flags`) is
 * the only core code not exercised.
 *
 * Ring memory: every region the core may touch is placed against a PROT_NONE
 * guard page (at its start or at its end, per test), the slack around it is
 * filled with a canary and, under ASan, poisoned.  Two layouts:
 *   SIM_LAYOUT_KERNEL  one "rings" block laid out like the kernel's struct
 *                      io_rings (sq/cq head/tail, ..., sq_flags, cq_flags,
 *                      cq_overflow, cqes[] at 64, SQ array cache-aligned
 *                      after the CQEs) + one SQE block;
 *   SIM_LAYOUT_SPLIT   every word / array in its own guarded region.
 */
#ifndef HR_TESTS_SIM_H
#define HR_TESTS_SIM_H

#ifdef HRINGAS_RING_H
#error "tests/sim.h must be included before any hringas header"
#endif

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "hr_ring_spec.h"
#include "hr_atomic.h"
#include "hr_sys.h"

uint32_t sim_hook_load_acquire(uint32_t *p);
void     sim_hook_store_release(uint32_t *p, uint32_t v);
void     sim_hook_fence(void);
int      sim_enter(struct hr_ring *r, uint32_t to_submit, uint32_t min_complete,
                   uint32_t flags, const void *arg, uint64_t argsz);

#define hr_load_acquire  sim_hook_load_acquire
#define hr_store_release sim_hook_store_release
#define hr_fence_full    sim_hook_fence
#define hr__sys_enter    sim_enter
#include "hr_ring.h"
#undef hr_load_acquire
#undef hr_store_release
#undef hr_fence_full
#undef hr__sys_enter

/* The test framework: TEST(), CHECK(), CHECK_EQ(), HR_CTX(), SKIP_BECAUSE()
   and the runner, in tests/hr_test.h (tests/sim_main.c holds its definitions). */
#include "hr_test.h"

/* ======================================================================== */
/* deterministic PRNG (splitmix64)                                          */
/* ======================================================================== */

struct sim_rng { uint64_t s; };
static inline uint64_t sim_rand64(struct sim_rng *g)
{
    uint64_t z = (g->s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}
static inline uint32_t sim_rand32(struct sim_rng *g) { return (uint32_t)(sim_rand64(g) >> 32); }
/* uniform in [0, n), n > 0 */
static inline uint32_t sim_below(struct sim_rng *g, uint32_t n)
{
    return (uint32_t)(((uint64_t)sim_rand32(g) * n) >> 32);
}
/* base seed: SIM_SEED in the environment, else a fixed constant */
uint64_t sim_seed(void);

/* ======================================================================== */
/* guarded memory                                                           */
/* ======================================================================== */

#define SIM_CANARY 0xA5

struct sim_region {
    uint8_t *map;  size_t map_len;      /* whole mapping incl. guard pages */
    uint8_t *lo, *hi;                   /* accessible pages                */
    uint8_t *obj;  size_t len;          /* the object                      */
};

/* place_end: the object ends at the guard page after it, as far as its
   alignment allows (else it starts right after the guard page before it).
   Slack is canary + poisoned. */
void  sim_region_alloc(struct sim_region *g, size_t len, size_t align, int place_end);
void  sim_region_free(struct sim_region *g);
/* 1 if the slack around the object still holds the canary */
int   sim_region_canary_ok(const struct sim_region *g);
/* (un)poison a range for ASan; no-ops otherwise */
void  sim_poison(const void *p, size_t n);
void  sim_unpoison(const void *p, size_t n);

/* ======================================================================== */
/* the simulated kernel                                                     */
/* ======================================================================== */

enum { SIM_LAYOUT_KERNEL = 0, SIM_LAYOUT_SPLIT = 1 };

struct sim_cfg {
    uint32_t sq_entries;     /* power of two, <= 32768 */
    uint32_t cq_entries;     /* power of two, <= 65536 */
    uint32_t setup_flags;    /* SQE128, CQE32, NO_SQARRAY, SQPOLL, IOPOLL */
    uint32_t start_sq;       /* initial SQ head == tail (any u32)         */
    uint32_t start_cq;       /* initial CQ head == tail                   */
    int      layout;         /* SIM_LAYOUT_*                              */
    int      place_end;      /* regions end at a guard page               */
};

/* one completion, as the kernel would post it (CQE32: big[] = 2nd unit) */
struct sim_cqe {
    uint64_t user_data;
    int32_t  res;
    uint32_t flags;
    uint64_t big[2];
};

struct sim_fifo {
    struct sim_cqe *v;
    size_t head, len, cap;
};

/* event log of the hooked primitives, for ordering checks */
enum { EV_LOAD_ACQ = 1, EV_STORE_REL, EV_FENCE, EV_ENTER };
struct sim_event { int kind; const uint32_t *p; uint32_t v; };
#define SIM_EVLOG 256

/* which word a pointer is (for the hooks) */
enum { W_NONE = -1, W_SQ_HEAD = 0, W_SQ_TAIL, W_SQ_FLAGS, W_CQ_HEAD, W_CQ_TAIL,
       W_CQ_OVERFLOW, W_NWORDS };

struct sim {
    struct hr_ring   ring;            /* wired by hand, like hr_ring_init would */
    struct sim_cfg   cfg;

    /* memory */
    struct sim_region reg_rings;      /* KERNEL layout: the io_rings block */
    struct sim_region reg_word[W_NWORDS];  /* SPLIT layout */
    struct sim_region reg_cqes, reg_array, reg_sqes;
    uint32_t *w[W_NWORDS];            /* the six shared words */
    uint32_t *sq_array;               /* NULL with NO_SQARRAY */
    uint8_t  *sqes;                   /* sq_entries << sqe_shift 64-byte units */
    struct hr_cqe *cqes;              /* cq_entries << cqe_shift 16-byte units */
    uint32_t  sq_dropped;             /* the kernel's sq_dropped counter  */
    uint32_t  sqe_w, cqe_w;           /* 64/16-byte units per SQE / CQE (1 or 2) */

    /* kernel-private state */
    uint32_t  k_sq_head;              /* ctx->cached_sq_head */
    uint32_t  k_cq_tail;              /* ctx->cached_cq_tail */
    struct sim_fifo backlog;          /* overflowed CQEs (IORING_SQ_CQ_OVERFLOW) */
    struct sim_fifo pending;          /* consumed, not yet completed (async) */

    /* behaviour knobs */
    int       async;                  /* completions only on GETEVENTS/sim_complete */
    int       taskrun;                /* async completions raise IORING_SQ_TASKRUN */
    uint32_t  submit_limit;           /* max SQEs consumed per enter (0: all) */
    uint32_t  spurious;               /* next N GETEVENTS return 0, nothing posted */
    int       check_sqe128;           /* verify the 2nd half pattern of SQE128 */
    int       hostile_loads;          /* loads of kernel words return garbage */
    int       hostile_enter;          /* sim_enter is a hostile kernel */
    struct sim_rng rng;

    /* statistics */
    uint64_t  n_enter, n_consumed, n_posted, n_overflowed, n_wakeups;
    uint64_t  n_would_block;          /* GETEVENTS could never be satisfied */
    uint64_t  n_bad_sqe128;           /* SQE128 2nd half did not match */
    uint64_t  n_bad_opcode;
    uint32_t  last_to_submit, last_min_complete, last_enter_flags;
    uint64_t  n_store[W_NWORDS], n_load[W_NWORDS];
    uint64_t  n_store_other, n_load_other, n_fence;
    uint64_t  n_core_store_kernel_word;  /* core stored to a kernel-written word */

    /* event log (most recent SIM_EVLOG), reset by sim_log_reset */
    struct sim_event ev[SIM_EVLOG];
    unsigned n_ev;
    /* called before each core store (after logging), if set */
    void (*on_store)(struct sim *s, uint32_t *p, uint32_t v);
    void *user;
};

/* The sim the hooks and sim_enter act on (the one created last). */
extern struct sim *sim_cur;

struct sim *sim_new(const struct sim_cfg *cfg);
void        sim_free(struct sim *s);
/* 1 if every guard canary of every region is intact */
int         sim_canaries_ok(const struct sim *s);
int         sim_word_id(const struct sim *s, const uint32_t *p);
void        sim_log_reset(struct sim *s);
/* index of the first event of `kind` on p at or after `from`, or -1 */
int         sim_log_find(const struct sim *s, unsigned from, int kind, const uint32_t *p);
const char *sim_cfg_name(const struct sim_cfg *c);

/* kernel steps (the sim's own accesses use the real atomics, no hooks) */
uint32_t sim_consume(struct sim *s, uint32_t max);     /* io_submit_sqes */
void     sim_post(struct sim *s, const struct sim_cqe *c);  /* io_fill_cqe  */
void     sim_commit(struct sim *s);                     /* release CQ tail */
void     sim_flush_overflow(struct sim *s);             /* GETEVENTS flush */
uint32_t sim_complete(struct sim *s, uint32_t max);    /* post async ones */
uint32_t sim_cq_room(const struct sim *s);
/* what the sim writes into the second 64 bytes of SQE128 / expects there */
static inline uint8_t sim_sqe128_byte(uint64_t ud, unsigned i)
{
    return (uint8_t)(ud * 131u + i * 7u + 1u);
}
static inline uint64_t sim_big0(uint64_t ud) { return ud ^ 0xb16cafe5b16cafe5ull; }
static inline uint64_t sim_big1(uint64_t ud) { return ~ud; }

/* test helper: fill an SQE obtained from hr_get_sqe as a NOP (all units) */
void sim_fill_nop(struct sim *s, struct hr_sqe *sqe, uint64_t ud);

/* ring_ok as far as it can be observed: our counters and the geometry */
int sim_ring_ok(const struct sim *s);

/* random value for kernel word `w`, sometimes plausible, sometimes garbage */
uint32_t sim_hostile_value(struct sim *s, int w);
void     sim_hostile_scramble(struct sim *s);   /* all kernel words + CQEs */

#endif
