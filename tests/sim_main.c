/* tests/sim_main.c -- the test runner: every TEST() runs in its own child
 * process (a crash, an ASan report or a hang is one failed case, and the
 * run goes on), then `<suite>: N passed, N failed, N skipped` is printed.
 *
 *   sim [SUITE-NAME [FILTER]]     FILTER: run only tests whose name contains it
 *   SIM_SEED=n                    change the base seed of the random tests
 *   SIM_TIMEOUT=s                 per-test timeout (default 300 s)
 */
#include "sim.h"

#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_TESTS 256
static struct { const char *name; sim_test_fn fn; } tests[MAX_TESTS];
static unsigned n_tests;

char sim_ctx[256];
unsigned sim_failures;

void sim_register(const char *name, sim_test_fn fn)
{
    if (n_tests == MAX_TESTS) {
        fprintf(stderr, "too many tests\n");
        abort();
    }
    tests[n_tests].name = name;
    tests[n_tests].fn = fn;
    n_tests++;
}

void sim_check_failed(const char *file, int line, const char *expr, const char *fmt, ...)
{
    sim_failures++;
    if (sim_failures <= 10) {
        printf("    FAIL %s:%d: %s", file, line, expr);
        if (fmt) {
            va_list ap;
            va_start(ap, fmt);
            printf(" (");
            vprintf(fmt, ap);
            printf(")");
            va_end(ap);
        }
        if (sim_ctx[0])
            printf(" [%s]", sim_ctx);
        printf("\n");
        fflush(stdout);
    }
    if (sim_failures >= 50) {
        printf("    ... too many failures, test aborted\n");
        fflush(stdout);
        _exit(1);
    }
}

void sim_skip(const char *why)
{
    printf("    SKIP: %s\n", why);
    fflush(stdout);
    _exit(77);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    const char *suite = argc > 1 ? argv[1] : "sim";
    const char *filter = argc > 2 ? argv[2] : NULL;
    const char *to = getenv("SIM_TIMEOUT");
    const unsigned timeout = to ? (unsigned)atoi(to) : 300;
    unsigned pass = 0, fail = 0, skip = 0;
    const double t0 = now();

    setvbuf(stdout, NULL, _IOLBF, 0);
    printf("%s: %u tests, seed 0x%llx\n", suite, n_tests, (unsigned long long)sim_seed());
    for (unsigned i = 0; i < n_tests; i++) {
        if (filter && !strstr(tests[i].name, filter))
            continue;
        fflush(stdout);
        fflush(stderr);
        const double t = now();
        const pid_t pid = fork();
        if (pid < 0) {
            perror("fork");
            return 2;
        }
        if (pid == 0) {
            alarm(timeout);
            sim_failures = 0;
            sim_ctx[0] = 0;
            tests[i].fn();
            fflush(stdout);
            _exit(sim_failures ? 1 : 0);
        }
        int st;
        while (waitpid(pid, &st, 0) < 0)
            ;
        const char *verdict;
        char buf[64];
        if (WIFEXITED(st) && WEXITSTATUS(st) == 0) {
            pass++;
            verdict = "ok";
        } else if (WIFEXITED(st) && WEXITSTATUS(st) == 77) {
            skip++;
            verdict = "SKIPPED";
        } else {
            fail++;
            if (WIFSIGNALED(st))
                snprintf(buf, sizeof buf, "FAILED (signal %d%s)", WTERMSIG(st),
                         WTERMSIG(st) == SIGALRM ? ": timeout" : "");
            else
                snprintf(buf, sizeof buf, "FAILED (exit %d)", WEXITSTATUS(st));
            verdict = buf;
        }
        printf("  %-40s %s  %.2fs\n", tests[i].name, verdict, now() - t);
    }
    printf("%s: total %.2fs\n", suite, now() - t0);
    printf("%s: %u passed, %u failed, %u skipped\n", suite, pass, fail, skip);
    return fail ? 1 : 0;
}
