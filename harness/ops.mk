# Live-kernel suite `ops` (live_ops.c): the ops added since kernel 6.12 --
# epoll_wait, pipe(_direct), readv/writev_fixed, socket commands, uring_cmd,
# NOP flags, send/recv bundles -- each run on this kernel (skipped, by probe,
# only where the kernel lacks it).  tests/hr_test.h (-Itests);
# suite_build / suite_run: tests/unit.mk.
LIVE_SUITES += ops

$(O)/harness/live_ops: harness/live_ops.c tests/hr_test.h $(LIB_HDRS) $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -Itests $< $(LIB_A) -o $@

suite-ops:
	$(call suite_build,ops,$(O)/harness/live_ops)
	$(call suite_run,ops,$(O)/harness/live_ops ops)
