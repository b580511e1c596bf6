# Live-kernel suites of the core: `core` (live_core.c), `core-asan` (the
# same with ASan + UBSan) and `freestanding` (a static program with its own
# _start and no libc).  The live suites use tests/hr_test.h (-Itests);
# suite_build / suite_run are defined in tests/unit.mk.
LIVE_SUITES += core core-asan freestanding

$(O)/harness/live_core: harness/live_core.c tests/hr_test.h $(LIB_HDRS) $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -Itests $< $(LIB_A) -o $@

suite-core:
	$(call suite_build,core,$(O)/harness/live_core)
	$(call suite_run,core,$(O)/harness/live_core core)

# The library's inline code is compiled into the test, so the sanitizers
# see the ring protocol itself.
$(O)/harness/live_core_asan: harness/live_core.c tests/hr_test.h $(LIB_HDRS) $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -Itests -O1 -fsanitize=address,undefined -fno-sanitize-recover=all \
	    -fno-omit-frame-pointer $< $(LIB_A) -o $@

suite-core-asan:
	$(call suite_build,core-asan,$(O)/harness/live_core_asan)
	$(call suite_run,core-asan,$(O)/harness/live_core_asan core-asan)

# No libc at all: -nostdlib -static, its own _start, exits with a raw
# syscall; so it cannot use tests/hr_test.h and prints its lines here.
$(O)/harness/freestanding_nop: harness/freestanding_nop.c $(LIB_HDRS) $(LIB_A)
	@mkdir -p $(@D)
	$(CC) -std=c11 -O2 -ffreestanding -nostdlib -static -fno-builtin -fno-stack-protector \
	    -fno-pie -no-pie $(INCLUDES) $(WARN) $< $(LIB_A) -o $@

suite-freestanding:
	$(call suite_build,freestanding,$(O)/harness/freestanding_nop)
	@if $(O)/harness/freestanding_nop; then echo "  PASS  freestanding NOP program"; \
	   echo "freestanding: 1 passed, 0 failed, 0 skipped"; \
	 else rc=$$?; echo "  FAIL  freestanding NOP program: exit $$rc"; \
	   echo "freestanding: 0 passed, 1 failed, 0 skipped"; exit 1; fi
