# Live-kernel suite of the features newer than 6.12 (registered wait
# regions, NO_MMAP rings, ...): `features` (harness/live_features.c), one
# case per feature; `make harness` prints its line as
# `features: N passed, N failed, N skipped`.  suite_build / suite_run:
# tests/unit.mk.
LIVE_SUITES += features

$(O)/harness/live_features: harness/live_features.c tests/hr_test.h $(LIB_HDRS) $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -Itests $< $(LIB_A) -o $@

suite-features:
	$(call suite_build,features,$(O)/harness/live_features)
	$(call suite_run,features,$(O)/harness/live_features features)
