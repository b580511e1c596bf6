# Live-kernel suite of the waiting and completion API (core/hr_wait.h):
# `wait` (harness/live_wait.c, on tests/hr_test.h; suite_build / suite_run:
# tests/unit.mk).
LIVE_SUITES += wait

$(O)/harness/live_wait: harness/live_wait.c tests/hr_test.h $(LIB_HDRS) $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -Itests $< $(LIB_A) -o $@

suite-wait:
	$(call suite_build,wait,$(O)/harness/live_wait)
	$(call suite_run,wait,$(O)/harness/live_wait wait)
