# tests/sqe_diff.mk -- differential test of the prep helpers (core/hr_prep.h)
# against liburing's io_uring_prep_*.  Included by the top-level GNUmakefile.
# liburing (Debian liburing-dev) is a dependency of this test only.
SUITES   += sqe-diff
SQE_DIFF := $(O)/tests/sqe_diff

$(SQE_DIFF): tests/sqe_diff.c $(LIB_HDRS) $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -o $@ $< $(LIB_A) -luring

.PHONY: suite-sqe-diff
suite-sqe-diff: lib
	@$(MAKE) --no-print-directory $(SQE_DIFF)
	$(SQE_DIFF)
