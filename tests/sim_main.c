/* tests/sim_main.c -- main of the sim suites: every TEST() of tests/sim_*.c
 * runs in its own child process with a timeout (tests/hr_test.h), then
 * `<suite>: N passed, N failed, N skipped` is printed.
 *
 *   sim [SUITE-NAME [FILTER]]     FILTER: run only tests whose name contains it
 *   SIM_SEED=n                    change the base seed of the random tests
 *   HR_TEST_TIMEOUT_SCALE=x       scale the per-test timeout (300 s)
 */
#define HR_TEST_IMPLEMENTATION
#include "sim.h"

int main(int argc, char **argv)
{
    static const struct hr_suite suite = { .name = "sim", .timeout_s = 300 };
    printf("%s: seed 0x%llx\n", argc > 1 ? argv[1] : suite.name,
           (unsigned long long)sim_seed());
    return hr_test_main(&suite, NULL, 0, argc, argv);
}
