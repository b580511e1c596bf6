/* live.h -- OBSOLETE: the old live-suite names on top of tests/hr_test.h,
 * kept only until harness/live_misuse.c includes tests/hr_test.h directly
 * (then delete this file).  New suites: include "hr_test.h" (-Itests). */
#ifndef HR_LIVE_H
#define HR_LIVE_H

#define HR_TEST_IMPLEMENTATION
#include "hr_test.h"

enum { PASS = HR_PASS, FAIL = HR_FAIL, SKIP = HR_SKIP };
#define live_case hr_case

static inline int live_run(const char *suite, const struct hr_case *cases, int n)
{
    const struct hr_suite s = { .name = suite, .timeout_s = 20 };
    return hr_test_main(&s, cases, n, 1, NULL);
}

#endif
