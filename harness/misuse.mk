# harness/misuse.mk -- suite `misuse`: setup/teardown misuse on the real
# kernel (rounding, CLAMP, clear -errno, teardown of rings that hold none).
LIVE_SUITES += misuse

$(O)/harness/live_misuse: harness/live_misuse.c tests/hr_test.h $(LIB_HDRS) $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -Itests $< $(LIB_A) -o $@

suite-misuse:
	$(call suite_build,misuse,$(O)/harness/live_misuse)
	$(call suite_run,misuse,$(O)/harness/live_misuse misuse)
