/* tests/test_axioms.c -- executable check of the trusted axioms of
 * specs/hr_bits.h (A-WRAP: u32_wrap_hi, u32_wrap_lo) and of the statements
 * of its lemmas (land_mask_mod among them, proved in unit `bits` since it
 * was an axiom, A-MASK), on dense samples of their ranges.
 *
 *   test_axioms [SUITE-NAME [path/to/hr_bits.h]]
 *
 * ACSL integers are mathematical; here they are int64_t / uint64_t, exact
 * on every range involved (|x| < 2^34).  The C side of each axiom is
 * computed the way the compiled core computes it (u32 '+'/'-' wrapping,
 * conversion to uint32_t, '&'); the mathematical side with 64-bit
 * arithmetic, '%' by a divisor the compiler cannot see (volatile), so it is
 * a real division and not rewritten into a mask.
 *
 * The statements checked here are pinned to the text of specs/hr_bits.h:
 * if an axiom or is_mask changes, or an axiom is added, this test fails
 * until it is updated to check the new statement.
 */
#define HR_TEST_IMPLEMENTATION
#include "hr_test.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* checks made by the current case (each case runs in its own process) */
static unsigned long long n_checks;

#define CHECK_COUNTED(c, ...) do { n_checks++; CHECKF(c, __VA_ARGS__); } while (0)

static void print_checks(void)
{
    printf("    %llu checks\n", n_checks);
}

/* splitmix64: fixed seed, reproducible */
static uint64_t rng_s = 0x6178696f6d73ull;
static uint64_t rnd(void)
{
    uint64_t z = (rng_s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
}

/* Dense sample of [lo, hi): both ends and every power of two inside
   exhaustively over a window, an odd-stride sweep, and random points.
   Calls f(x) for each. */
static void sample(int64_t lo, int64_t hi, void (*f)(int64_t))
{
    const int64_t W = 1 << 16;
    const int64_t span = hi - lo;
    for (int64_t x = lo; x < hi && x < lo + W; x++)
        f(x);
    for (int64_t x = hi - W > lo ? hi - W : lo; x < hi; x++)
        f(x);
    for (int k = 0; k < 40; k++)
        for (int s = -1; s <= 1; s += 2) {
            const int64_t p = (int64_t)s << k;
            for (int64_t x = p - 64; x < p + 64; x++)
                if (x >= lo && x < hi)
                    f(x);
        }
    const int64_t stride = span / (1 << 20) | 1;     /* ~1M points, odd stride */
    for (int64_t x = lo; x < hi; x += stride)
        f(x);
    for (int i = 0; i < (1 << 20); i++)
        f(lo + (int64_t)(rnd() % (uint64_t)span));
}

static const int64_t P32 = 0x100000000ll;

/* ---- A-WRAP ------------------------------------------------------------- */

/* axiom u32_wrap_hi: 0x100000000 <= x < 0x200000000 ==>
     (uint32_t)x == x - 0x100000000 */
static void wrap_hi_at(int64_t x)
{
    volatile int64_t vx = x;
    volatile uint64_t ux = (uint64_t)x;
    const uint32_t c1 = (uint32_t)vx;               /* conversion from signed */
    const uint32_t c2 = (uint32_t)ux;               /* ... and from unsigned */
    CHECK_COUNTED((int64_t)c1 == x - P32 && (int64_t)c2 == x - P32, "x=0x%llx", (long long)x);
    /* the form the core meets it in: a u32 '+' whose exact sum is x
       (a, b <= 2^32 - 1, so x <= 2^33 - 2) */
    if (x <= 2 * P32 - 2) {
        volatile uint32_t a = (uint32_t)(x - P32 + 1 + (int64_t)(rnd() % (uint64_t)(2 * P32 - 1 - x)));
        volatile uint32_t b = (uint32_t)(x - (int64_t)a);
        const uint32_t sum = a + b;
        CHECK_COUNTED((int64_t)a + (int64_t)b == x && (int64_t)sum == x - P32,
              "a=0x%x b=0x%x", (unsigned)a, (unsigned)b);
    }
}

static int t_u32_wrap_hi(void)
{
    sample(P32, 2 * P32, wrap_hi_at);
    return HR_PASS;
}

/* axiom u32_wrap_lo: -0x100000000 <= x < 0 ==> (uint32_t)x == x + 0x100000000 */
static void wrap_lo_at(int64_t x)
{
    volatile int64_t vx = x;
    const uint32_t c = (uint32_t)vx;
    CHECK_COUNTED((int64_t)c == x + P32, "x=%lld", (long long)x);
    /* the form the core meets it in: a u32 '-' whose exact difference is x
       (a - b >= -(2^32 - 1)) */
    if (x > -P32) {
        volatile uint32_t a = (uint32_t)(rnd() % (uint64_t)(x + P32));
        volatile uint32_t b = (uint32_t)((int64_t)a - x);
        const uint32_t d = a - b;
        CHECK_COUNTED((int64_t)a - (int64_t)b == x && (int64_t)d == x + P32,
              "a=0x%x b=0x%x", (unsigned)a, (unsigned)b);
    }
}

static int t_u32_wrap_lo(void)
{
    sample(-P32, 0, wrap_lo_at);
    return HR_PASS;
}

/* ---- land_mask_mod (A-MASK until it was proved) ------------------------- */

/* predicate is_mask(m): m == 2^k - 1 for some 0 <= k <= 16, spelled out */
static const int64_t is_mask_list[] = {
    0, 1, 3, 7, 15, 31, 63, 127, 255, 511, 1023, 2047, 4095, 8191, 16383, 32767, 65535
};
#define N_MASKS (sizeof is_mask_list / sizeof is_mask_list[0])

static int is_mask(int64_t m)
{
    for (unsigned i = 0; i < N_MASKS; i++)
        if (is_mask_list[i] == m)
            return 1;
    return 0;
}

static int t_is_mask_is_powers_of_two(void)
{
    CHECK_COUNTED(N_MASKS == 17, "%u masks", (unsigned)N_MASKS);
    for (int k = 0; k <= 16; k++)
        CHECK_COUNTED(is_mask_list[k] == (1ll << k) - 1 && is_mask((1ll << k) - 1), "k=%d", k);
    /* and nothing else below 2^17 */
    for (int64_t m = -2; m < (1 << 17); m++) {
        int pow = 0;
        for (int k = 0; k <= 16; k++)
            pow |= m == (1ll << k) - 1;
        CHECK_COUNTED(is_mask(m) == pow, "m=%lld", (long long)m);
    }
    return HR_PASS;
}

/* lemma land_mask_mod: 0 <= x ==> is_mask(m) ==> (x & m) == x % (m + 1) */
static volatile int64_t cur_mask;
static void mask_mod_at(int64_t x)
{
    const int64_t m = cur_mask;
    const int64_t d = cur_mask + 1;                 /* volatile: a real '%' */
    CHECK_COUNTED((x & m) == x % d, "x=0x%llx m=0x%llx", (long long)x, (long long)m);
    /* the same on the types the core uses: u32 counter & u32 mask */
    if (x < P32) {
        volatile uint32_t x32 = (uint32_t)x, m32 = (uint32_t)m;
        CHECK_COUNTED((int64_t)(x32 & m32) == x % d, "x=0x%llx m=0x%llx", (long long)x, (long long)m);
    }
}

static int t_land_mask_mod(void)
{
    for (unsigned i = 0; i < N_MASKS; i++) {
        cur_mask = is_mask_list[i];
        sample(0, 2 * P32, mask_mod_at);
    }
    return HR_PASS;
}

/* ---- definitions (logic functions) ------------------------------------------ */

static int64_t ring_size_e(int k) { return 1ll << k; }
static int64_t slot(int64_t x, int k) { return x & ((1ll << k) - 1); }
static int64_t u32_add(int64_t x, int64_t j)
{
    volatile int64_t s = x + j;
    return (uint32_t)s;                              /* (uint32_t)(x + j) */
}
static int64_t ring_slot(int64_t first, int64_t j, int64_t e)
{
    return first + j < e ? first + j : first + j - e;
}
static int64_t ring_off(int64_t first, int64_t i, int64_t e)
{
    return i >= first ? i - first : i - first + e;
}

/* ---- lemmas ------------------------------------------------------------------- */

/* lemma ring_size_bounds: 0 <= k <= 16 ==> 1 <= (1 << k) <= 65536 */
static int t_ring_size_bounds(void)
{
    for (int k = 0; k <= 16; k++)
        CHECK_COUNTED(1 <= ring_size_e(k) && ring_size_e(k) <= 65536, "k=%d", k);
    return HR_PASS;
}

/* lemma mask_bound: 0 <= x ==> 0 <= k <= 16 ==> 0 <= (x & ((1<<k)-1)) < (1<<k)
   lemma slot_bound: the same on slot() */
static int cur_k;
static void mask_bound_at(int64_t x)
{
    const int k = cur_k;
    const int64_t v = x & ((1ll << k) - 1);
    CHECK_COUNTED(0 <= v && v < (1ll << k), "x=0x%llx k=%d", (long long)x, k);
    CHECK_COUNTED(0 <= slot(x, k) && slot(x, k) < (1ll << k), "x=0x%llx k=%d", (long long)x, k);
}

static int t_mask_and_slot_bound(void)
{
    for (cur_k = 0; cur_k <= 16; cur_k++)
        sample(0, 2 * P32, mask_bound_at);
    return HR_PASS;
}

/* lemma mask_add: 0 <= x <= 0xffffffff ==> 0 <= k <= 16 ==> 0 <= j < (1 << k) ==>
     ((uint32_t)(x + j) & ((1 << k) - 1)) == ring_slot(x & ((1 << k) - 1), j, 1 << k)
   lemma slot_add: slot(u32_add(x, j), k) == ring_slot(slot(x, k), j, 1 << k) */
static void add_at(int64_t x)
{
    const int k = cur_k;
    const int64_t e = 1ll << k;
    /* every j for small rings, a sample (with both ends) for large ones */
    const int64_t step = e <= 256 ? 1 : e / 61 | 1;
    for (int64_t j = 0; j < e; j += step) {
        volatile int64_t sum = x + j;
        const int64_t lhs = (int64_t)((uint32_t)sum & (uint32_t)(e - 1));
        CHECK_COUNTED(lhs == ring_slot(x & (e - 1), j, e), "x=0x%llx j=%lld k=%d",
              (long long)x, (long long)j, k);
        CHECK_COUNTED(slot(u32_add(x, j), k) == ring_slot(slot(x, k), j, e), "x=0x%llx j=%lld k=%d",
              (long long)x, (long long)j, k);
    }
    const int64_t j = e - 1;
    CHECK_COUNTED(slot(u32_add(x, j), k) == ring_slot(slot(x, k), j, e), "x=0x%llx j=%lld k=%d",
          (long long)x, (long long)j, k);
}

static int t_mask_and_slot_add(void)
{
    for (cur_k = 0; cur_k <= 16; cur_k++) {
        /* the sampler's budget is per call; fewer points for large rings */
        const int64_t W = 1 << 9;
        for (int64_t x = 0; x < W; x++)
            add_at(x);
        for (int64_t x = P32 - W; x < P32; x++)             /* x + j wraps */
            add_at(x);
        for (int i = 0; i < (cur_k <= 8 ? 4096 : 512); i++)
            add_at((int64_t)(rnd() % (uint64_t)P32));
        for (int i = 0; i < 512; i++)
            add_at(P32 - 1 - (int64_t)(rnd() % (uint64_t)(1ll << cur_k)));
    }
    return HR_PASS;
}

/* not a lemma of hr_bits.h, but what the `untouched` clause of hr_flush_sq
   and the loop invariants rely on: ring_off undoes ring_slot */
static int t_ring_off_inverts_ring_slot(void)
{
    for (int k = 0; k <= 10; k++) {
        const int64_t e = 1ll << k;
        for (int64_t first = 0; first < e; first++)
            for (int64_t j = 0; j < e; j++) {
                const int64_t s = ring_slot(first, j, e);
                CHECK_COUNTED(0 <= s && s < e && ring_off(first, s, e) == j,
                      "first=%lld j=%lld e=%lld", (long long)first, (long long)j, (long long)e);
            }
    }
    return HR_PASS;
}

/* ---- the statements above are the ones in specs/hr_bits.h ----------------------- */

static char *squash(const char *s)
{
    /* collapse all whitespace runs to one space */
    char *o = malloc(strlen(s) + 1), *p = o;
    int sp = 0;
    for (; *s; s++) {
        if (isspace((unsigned char)*s)) {
            sp = 1;
            continue;
        }
        if (sp && p != o)
            *p++ = ' ';
        sp = 0;
        *p++ = *s;
    }
    *p = 0;
    return o;
}

static const char *bits_path = "specs/hr_bits.h";

static int t_statements_match_spec(void)
{
    FILE *f = fopen(bits_path, "r");
    CHECK_COUNTED(f != NULL, "cannot open %s", bits_path);
    static char buf[1 << 16];
    const size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = 0;
    char *text = squash(buf);
    static const char *const must[] = {
        /* A-WRAP */
        "axiom u32_wrap_hi: \\forall integer x; 0x100000000 <= x < 0x200000000 ==> "
        "(uint32_t)x == x - 0x100000000;",
        "axiom u32_wrap_lo: \\forall integer x; -0x100000000 <= x < 0 ==> "
        "(uint32_t)x == x + 0x100000000;",
        /* is_mask, spelled out */
        "predicate is_mask(integer m) = m == 0 || m == 1 || m == 3 || m == 7 || m == 15 || "
        "m == 31 || m == 63 || m == 127 || m == 255 || m == 511 || m == 1023 || m == 2047 || "
        "m == 4095 || m == 8191 || m == 16383 || m == 32767 || m == 65535;",
        /* formerly A-MASK, now a proved lemma */
        "lemma land_mask_mod: \\forall integer x, m; 0 <= x ==> is_mask(m) ==> "
        "(x & m) == x % (m + 1);",
        /* the logic definitions the lemma checks above reimplement */
        "predicate ring_size(integer e, integer k) = 0 <= k <= 16 && e == (1 << k);",
        "logic integer slot(integer x, integer k) = x & ((1 << k) - 1);",
        "logic integer u32_add(integer x, integer j) = (uint32_t)(x + j);",
        "logic integer ring_slot(integer first, integer j, integer e) = "
        "first + j < e ? first + j : first + j - e;",
        "logic integer ring_off(integer first, integer i, integer e) = "
        "i >= first ? i - first : i - first + e;",
        /* the lemmas sampled above (by name) */
        "lemma ring_size_bounds:", "lemma mask_bound:", "lemma mask_add:",
        "lemma slot_bound:", "lemma slot_add:",
    };
    for (unsigned i = 0; i < sizeof must / sizeof must[0]; i++)
        CHECK_COUNTED(strstr(text, must[i]) != NULL,
              "%s no longer states `%s`: update tests/test_axioms.c", bits_path, must[i]);
    /* exactly the one trusted block, two axioms: a new axiom needs a check here */
    unsigned axioms = 0, blocks = 0;
    for (const char *p = text; (p = strstr(p, "axiom")) != NULL; p += 5) {
        if (p > text && (isalnum((unsigned char)p[-1]) || p[-1] == '_'))
            continue;
        const char *q = p + (strncmp(p, "axiomatic ", 10) == 0 ? 10 : 6);
        if (strncmp(p, "axiomatic ", 10) != 0 && strncmp(p, "axiom ", 6) != 0)
            continue;
        const char *id = q;
        while (isalnum((unsigned char)*q) || *q == '_')
            q++;
        if (q == id)
            continue;                       /* prose: "axiomatic blocks" etc. */
        if (strncmp(p, "axiomatic ", 10) == 0 && strncmp(q, " {", 2) == 0)
            blocks++;
        else if (strncmp(p, "axiom ", 6) == 0 && *q == ':')
            axioms++;
    }
    CHECK_COUNTED(axioms == 2 && blocks == 1,
          "%s has %u axioms in %u axiomatic blocks, this test checks 2 in 1: update it",
          bits_path, axioms, blocks);
    free(text);
    return HR_PASS;
}

int main(int argc, char **argv)
{
    static const struct hr_case cases[] = {
        { "statements_match_spec", t_statements_match_spec },
        { "A-WRAP u32_wrap_hi", t_u32_wrap_hi },
        { "A-WRAP u32_wrap_lo", t_u32_wrap_lo },
        { "is_mask_is_powers_of_two", t_is_mask_is_powers_of_two },
        { "lemma land_mask_mod", t_land_mask_mod },
        { "lemma ring_size_bounds", t_ring_size_bounds },
        { "lemma mask_bound/slot_bound", t_mask_and_slot_bound },
        { "lemma mask_add/slot_add", t_mask_and_slot_add },
        { "ring_off_inverts_ring_slot", t_ring_off_inverts_ring_slot },
    };
    static const struct hr_suite suite = { .name = "axioms", .timeout_s = 300,
                                           .after_each = print_checks };
    if (argc > 2)
        bits_path = argv[2];                /* not a filter here */
    return hr_test_main(&suite, cases, (int)(sizeof cases / sizeof cases[0]),
                        argc > 2 ? 2 : argc, argv);
}
