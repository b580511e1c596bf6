# tests/sqe_diff.mk -- differential test of the prep helpers (core/hr_prep.h)
# against liburing's io_uring_prep_*.  Included by the top-level GNUmakefile.
# liburing (Debian liburing-dev) is a dependency of this test only.
# suite_build / suite_run: tests/unit.mk.
SUITES   += sqe-diff
SQE_DIFF := $(O)/tests/sqe_diff

$(SQE_DIFF): tests/sqe_diff.c tests/hr_test.h $(LIB_HDRS) $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -Itests -o $@ $< $(LIB_A) -luring

.PHONY: suite-sqe-diff
suite-sqe-diff:
	$(call suite_build,sqe-diff,$(SQE_DIFF))
	$(call suite_run,sqe-diff,$(SQE_DIFF))
