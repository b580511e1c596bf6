/* tests/hr_test.h -- the one test helper of every suite (tests/, harness/).
 *
 * A case is a function; it runs in its own forked child with a timeout, so a
 * crash, a sanitizer report or a hang is one failed case and the run goes
 * on.  Its exit status is the verdict: 0 pass, 1 fail, 77 skip.
 *
 *   CHECK(c)  CHECKF(c, fmt, ...)  CHECK_EQ(a, b)  FAILF(fmt, ...)
 *        a failed check ends the case at once as FAIL, with the reason
 *        "file:line: ..." (plus the HR_CTX context, if set);
 *   SKIP_BECAUSE(fmt, ...)
 *        ends the case as SKIP with the reason (only when a probe shows the
 *        running kernel lacks a feature);
 * all four work in any function a case calls (void or not).  A case that
 * returns ends with the status it returns (TEST() bodies: pass).
 *
 * Cases come from a table (struct hr_case) and/or from TEST(fn) (registered
 * before main, in link order).  The runner prints one line per case
 *     `  PASS  name` / `  FAIL  name: reason` / `  SKIP  name: reason`
 * and, as the last line, `<suite>: N passed, N failed, N skipped`.
 *
 *   prog [SUITE-NAME [FILTER]]    FILTER: run only cases whose name contains it
 *   HR_TEST_TIMEOUT_SCALE=x       multiply every case timeout (and the waits a
 *                                 case bounds with hr_test_scaled_ms) by x, e.g.
 *                                 for a slow emulated machine
 *
 * Exactly one file of each suite defines HR_TEST_IMPLEMENTATION before it
 * includes this header: it gets the definitions.  Suites that do not run
 * cases one by one (sqe-diff) use hr_test_line / hr_test_summary only.
 */
#ifndef HR_TEST_H
#define HR_TEST_H

#include <stddef.h>
#include <stdio.h>

enum { HR_PASS = 0, HR_FAIL = 1, HR_SKIP = 77 };

struct hr_case {
    const char *name;
    int (*fn)(void);            /* returns HR_PASS, HR_FAIL or HR_SKIP */
};

struct hr_suite {
    const char *name;           /* of the summary line; argv[1] overrides it  */
    unsigned timeout_s;         /* per case, before scaling; 0: 60 s          */
    void (*before_each)(int idx);   /* in the child, before the case (or NULL) */
    void (*after_each)(void);       /* in the child, after it returned (or NULL) */
};

/* Run the n cases of the table, then the TEST() ones; print the lines and the
   summary; return the exit status of the program (1 if any case failed). */
int  hr_test_main(const struct hr_suite *s, const struct hr_case *cases, int n,
                  int argc, char **argv);

/* End the current case (file, line: where the check is; fmt: the reason). */
void hr_test_fail(const char *file, int line, const char *fmt, ...)
    __attribute__((noreturn, format(printf, 3, 4)));
void hr_test_skip(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));
void hr_test_fail_eq(const char *file, int line, const char *what,
                     long long got, long long want) __attribute__((noreturn));

#define FAILF(...)            hr_test_fail(__FILE__, __LINE__, __VA_ARGS__)
#define CHECK(c)              do { if (!(c)) FAILF("check failed: %s", #c); } while (0)
#define CHECKF(c, ...)        do { if (!(c)) FAILF(__VA_ARGS__); } while (0)
#define SKIP_BECAUSE(...)     hr_test_skip(__VA_ARGS__)
/* integers (any width, signed or not) compared bit for bit as 64-bit values */
#define CHECK_EQ(a, b) do {                                                   \
        const long long a_ = (long long)(a), b_ = (long long)(b);             \
        if (a_ != b_) hr_test_fail_eq(__FILE__, __LINE__, #a " == " #b, a_, b_); \
    } while (0)

/* Context appended to every failure reason of the case (configuration,
   seed, iteration): HR_CTX("e=%u seed=%llu", ...). */
extern char hr_test_ctx[256];
#define HR_CTX(...) snprintf(hr_test_ctx, sizeof hr_test_ctx, __VA_ARGS__)

/* Register fn as a case named by its identifier (a void function). */
void hr_test_register(const char *name, int (*fn)(void));
#define TEST(fn)                                                              \
    static void fn(void);                                                     \
    static int hr_case_##fn(void) { fn(); return HR_PASS; }                   \
    __attribute__((constructor)) static void hr_reg_##fn(void)                \
    { hr_test_register(#fn, hr_case_##fn); }                                  \
    static void fn(void)

/* ms times HR_TEST_TIMEOUT_SCALE: a bound on a wait that should succeed. */
unsigned hr_test_scaled_ms(unsigned ms);
/* Memory shared by the runner and every case (zeroed; never freed): for
   state one case leaves for a later one. */
void *hr_test_shared(size_t len);

/* The line formats, for suites that do not run cases one by one. */
void hr_test_line(int status, const char *name, const char *reason);
void hr_test_summary(const char *suite, unsigned long passed, unsigned long failed,
                     unsigned long skipped);

#ifdef HR_TEST_IMPLEMENTATION

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

char hr_test_ctx[256];

#define HR_TEST_MAX_REGISTERED 512
static struct hr_case hr_test_registered[HR_TEST_MAX_REGISTERED];
static int hr_test_nregistered;

/* the child's reason, read by the runner after the child is gone */
enum { HR_TEST_REASON_LEN = 1024 };
static char *hr_test_reason;
static int hr_test_in_child;
static unsigned hr_test_timeout;
static char hr_test_timeout_msg[64];        /* written by the SIGALRM handler */

void hr_test_register(const char *name, int (*fn)(void))
{
    if (hr_test_nregistered == HR_TEST_MAX_REGISTERED) {
        fprintf(stderr, "hr_test: more than %d TEST() cases\n", HR_TEST_MAX_REGISTERED);
        abort();
    }
    hr_test_registered[hr_test_nregistered].name = name;
    hr_test_registered[hr_test_nregistered].fn = fn;
    hr_test_nregistered++;
}

static double hr_test_scale(void)
{
    const char *e = getenv("HR_TEST_TIMEOUT_SCALE");
    const double x = e ? strtod(e, NULL) : 1.0;
    return x > 0 ? x : 1.0;
}

unsigned hr_test_scaled_ms(unsigned ms)
{
    const double v = ms * hr_test_scale();
    return v > 4e9 ? 4000000000u : (unsigned)v;
}

void *hr_test_shared(size_t len)
{
    void *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        perror("hr_test_shared: mmap");
        abort();
    }
    return p;
}

static __attribute__((noreturn)) void hr_test_end(int status)
{
    fflush(stdout);
    fflush(stderr);
    if (!hr_test_in_child) {                /* called outside a runner */
        if (status != HR_PASS)
            printf("  %s  %s\n", status == HR_SKIP ? "SKIP" : "FAIL", hr_test_reason);
        exit(status);
    }
    _exit(status);
}

static void hr_test_vreason(const char *file, int line, const char *fmt, va_list ap)
{
    static char outside[HR_TEST_REASON_LEN];
    if (!hr_test_reason)
        hr_test_reason = outside;
    size_t n = 0;
    if (file)
        n = (size_t)snprintf(hr_test_reason, HR_TEST_REASON_LEN, "%s:%d: ", file, line);
    if (n < HR_TEST_REASON_LEN)
        n += (size_t)vsnprintf(hr_test_reason + n, HR_TEST_REASON_LEN - n, fmt, ap);
    if (file && hr_test_ctx[0] && n < HR_TEST_REASON_LEN)
        snprintf(hr_test_reason + n, HR_TEST_REASON_LEN - n, " [%s]", hr_test_ctx);
}

void hr_test_fail(const char *file, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    hr_test_vreason(file, line, fmt, ap);
    va_end(ap);
    hr_test_end(HR_FAIL);
}

void hr_test_skip(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    hr_test_vreason(NULL, 0, fmt, ap);
    va_end(ap);
    hr_test_end(HR_SKIP);
}

/* " (-EINVAL)" for a -errno value, else "" */
static const char *hr_test_errname(char *b, size_t len, long long v)
{
    if (v >= 0 || v < -4095)
        return "";
#if defined(_GNU_SOURCE) && defined(__GLIBC__)
    const char *n = strerrorname_np((int)-v);
    snprintf(b, len, " (-%s)", n ? n : "?");
#else
    snprintf(b, len, " (%s)", strerror((int)-v));
#endif
    return b;
}

void hr_test_fail_eq(const char *file, int line, const char *what, long long got, long long want)
{
    char g[64], w[64];
    hr_test_fail(file, line, "%s: got %lld (0x%llx)%s, expected %lld (0x%llx)%s", what,
                 got, (unsigned long long)got, hr_test_errname(g, sizeof g, got),
                 want, (unsigned long long)want, hr_test_errname(w, sizeof w, want));
}

static void hr_test_on_alarm(int sig)
{
    (void)sig;
    memcpy(hr_test_reason, hr_test_timeout_msg, sizeof hr_test_timeout_msg);
    _exit(HR_FAIL);
}

void hr_test_line(int status, const char *name, const char *reason)
{
    if (status == HR_PASS)
        printf("  PASS  %s\n", name);
    else
        printf("  %s  %s: %s\n", status == HR_SKIP ? "SKIP" : "FAIL", name,
               reason && reason[0] ? reason : "(no reason given)");
    fflush(stdout);
}

void hr_test_summary(const char *suite, unsigned long passed, unsigned long failed,
                     unsigned long skipped)
{
    printf("%s: %lu passed, %lu failed, %lu skipped\n", suite, passed, failed, skipped);
    fflush(stdout);
}

/* Run one case in a child; return its verdict, the reason in hr_test_reason. */
static int hr_test_run_one(const struct hr_suite *s, const struct hr_case *c, int idx)
{
    sigset_t chld, old;
    sigemptyset(&chld);
    sigaddset(&chld, SIGCHLD);
    sigprocmask(SIG_BLOCK, &chld, &old);    /* so sigtimedwait sees it */
    memset(hr_test_reason, 0, HR_TEST_REASON_LEN);
    fflush(stdout);
    fflush(stderr);
    const pid_t pid = fork();
    if (pid < 0) {
        snprintf(hr_test_reason, HR_TEST_REASON_LEN, "fork: %s", strerror(errno));
        sigprocmask(SIG_SETMASK, &old, NULL);
        return HR_FAIL;
    }
    if (pid == 0) {
        hr_test_in_child = 1;
        sigprocmask(SIG_SETMASK, &old, NULL);
        signal(SIGALRM, hr_test_on_alarm);
        alarm(hr_test_timeout);
        if (s->before_each)
            s->before_each(idx);
        const int st = c->fn();
        if (s->after_each)
            s->after_each();
        alarm(0);
        if (st != HR_PASS && st != HR_SKIP && !hr_test_reason[0])
            snprintf(hr_test_reason, HR_TEST_REASON_LEN, "the case returned %d", st);
        hr_test_end(st == HR_PASS || st == HR_SKIP ? st : HR_FAIL);
    }
    /* backstop: the child's own alarm should fire first */
    struct timespec left = { (time_t)hr_test_timeout + 5, 0 };
    int ws = 0, killed = 0;
    for (;;) {
        const pid_t w = waitpid(pid, &ws, WNOHANG);
        if (w == pid)
            break;
        if (w < 0 && errno != EINTR) {
            ws = 0;
            break;
        }
        struct timespec t0, t1;
        clock_gettime(CLOCK_MONOTONIC, &t0);
        if (sigtimedwait(&chld, NULL, &left) < 0 && errno == EAGAIN) {
            kill(pid, SIGKILL);
            waitpid(pid, &ws, 0);
            killed = 1;
            break;
        }
        clock_gettime(CLOCK_MONOTONIC, &t1);
        long ns = (left.tv_sec - (t1.tv_sec - t0.tv_sec)) * 1000000000L +
                  (left.tv_nsec - (t1.tv_nsec - t0.tv_nsec));
        if (ns < 0)
            ns = 0;
        left.tv_sec = ns / 1000000000L;
        left.tv_nsec = ns % 1000000000L;
    }
    sigprocmask(SIG_SETMASK, &old, NULL);
    hr_test_reason[HR_TEST_REASON_LEN - 1] = 0;
    char *r = hr_test_reason;
    const size_t used = strlen(r);
    if (killed) {
        snprintf(r, HR_TEST_REASON_LEN, "killed after %u s: the case hung", hr_test_timeout + 5);
        return HR_FAIL;
    }
    if (WIFEXITED(ws) && WEXITSTATUS(ws) == HR_PASS)
        return HR_PASS;
    if (WIFEXITED(ws) && WEXITSTATUS(ws) == HR_SKIP)
        return HR_SKIP;
    if (WIFSIGNALED(ws))
        snprintf(r + used, HR_TEST_REASON_LEN - used, "%skilled by signal %d (%s)",
                 used ? "; " : "", WTERMSIG(ws), strsignal(WTERMSIG(ws)));
    else if (!WIFEXITED(ws) || WEXITSTATUS(ws) != HR_FAIL || !used)
        snprintf(r + used, HR_TEST_REASON_LEN - used, "%sexited %d",
                 used ? "; " : "", WIFEXITED(ws) ? WEXITSTATUS(ws) : -1);
    return HR_FAIL;
}

int hr_test_main(const struct hr_suite *s, const struct hr_case *cases, int n,
                 int argc, char **argv)
{
    const char *suite = argc > 1 ? argv[1] : s->name;
    const char *filter = argc > 2 ? argv[2] : NULL;
    unsigned long passed = 0, failed = 0, skipped = 0;

    setvbuf(stdout, NULL, _IOLBF, 0);
    hr_test_reason = hr_test_shared(HR_TEST_REASON_LEN);
    const double t = (s->timeout_s ? s->timeout_s : 60) * hr_test_scale();
    hr_test_timeout = t > 86400 ? 86400 : t < 1 ? 1 : (unsigned)t;
    snprintf(hr_test_timeout_msg, sizeof hr_test_timeout_msg,
             "timed out after %u s (the case hung)", hr_test_timeout);
    for (int i = 0; i < n + hr_test_nregistered; i++) {
        const struct hr_case *c = i < n ? &cases[i] : &hr_test_registered[i - n];
        if (filter && !strstr(c->name, filter))
            continue;
        const int st = hr_test_run_one(s, c, i);
        hr_test_line(st, c->name, hr_test_reason);
        if (st == HR_PASS)
            passed++;
        else if (st == HR_SKIP)
            skipped++;
        else
            failed++;
    }
    hr_test_summary(suite, passed, failed, skipped);
    return failed ? 1 : 0;
}

#endif /* HR_TEST_IMPLEMENTATION */
#endif /* HR_TEST_H */
