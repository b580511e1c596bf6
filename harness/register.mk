# Live-kernel suites of the registration calls and provided-buffer rings:
# `register` (live_register.c) and `bufring` (live_bufring.c).
# Both use tests/hr_test.h (-Itests); suite_build / suite_run: tests/unit.mk.
LIVE_SUITES += register bufring

$(O)/harness/live_register $(O)/harness/live_bufring: $(O)/harness/%: harness/%.c tests/hr_test.h $(LIB_HDRS) $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -Itests $< $(LIB_A) -o $@

suite-register:
	$(call suite_build,register,$(O)/harness/live_register)
	$(call suite_run,register,$(O)/harness/live_register register)

suite-bufring:
	$(call suite_build,bufring,$(O)/harness/live_bufring)
	$(call suite_run,bufring,$(O)/harness/live_bufring bufring)
