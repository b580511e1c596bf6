/* live.h -- a tiny test framework for the live-kernel suites: each case is
 * a function returning PASS, FAIL or SKIP (77, with a reason); the runner
 * prints one row per case and the summary line tests/run-suites.sh reads. */
#ifndef HR_LIVE_H
#define HR_LIVE_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <signal.h>
#include <unistd.h>

enum { PASS = 0, FAIL = 1, SKIP = 77 };

static char live_reason[256];
static const char *live_current;

static void live_note(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(live_reason, sizeof live_reason, fmt, ap);
    va_end(ap);
}

#define CHECK(cond) do { if (!(cond)) { \
    live_note("%s:%d: check failed: %s", __FILE__, __LINE__, #cond); return FAIL; } } while (0)
#define CHECKF(cond, ...) do { if (!(cond)) { \
    live_note(__VA_ARGS__); return FAIL; } } while (0)
#define SKIP_BECAUSE(...) do { live_note(__VA_ARGS__); return SKIP; } while (0)

struct live_case { const char *name; int (*fn)(void); };

static void live_alarm(int sig)
{
    (void)sig;
    char buf[200];
    int n = snprintf(buf, sizeof buf, "  FAIL  %s: timed out (hang)\n", live_current ? live_current : "?");
    if (write(1, buf, (size_t)n) < 0) { /* nothing to do */ }
    _exit(1);
}

static int live_run(const char *suite, const struct live_case *cases, int n)
{
    int passed = 0, failed = 0, skipped = 0;
    signal(SIGALRM, live_alarm);
    for (int i = 0; i < n; i++) {
        live_reason[0] = 0;
        live_current = cases[i].name;
        alarm(20);
        int r = cases[i].fn();
        alarm(0);
        if (r == PASS) { passed++; printf("  PASS  %s\n", cases[i].name); }
        else if (r == SKIP) { skipped++; printf("  SKIP  %s: %s\n", cases[i].name, live_reason); }
        else { failed++; printf("  FAIL  %s: %s\n", cases[i].name, live_reason); }
        fflush(stdout);
    }
    printf("%s: %d passed, %d failed, %d skipped\n", suite, passed, failed, skipped);
    return failed ? 1 : 0;
}

#endif
