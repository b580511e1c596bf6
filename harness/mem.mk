# Live-kernel suite of rings in caller memory (IORING_SETUP_NO_MMAP):
# `mem` (live_mem.c): hr_ring_memory_size(_params), hr_ring_init_mem, and
# the kernel's ring-size formula (K-NOMMAP in specs/TRUSTED.md).
# suite_build / suite_run: tests/unit.mk.
LIVE_SUITES += mem

$(O)/harness/live_mem: harness/live_mem.c tests/hr_test.h $(LIB_HDRS) $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -Itests $< $(LIB_A) -o $@

suite-mem:
	$(call suite_build,mem,$(O)/harness/live_mem)
	$(call suite_run,mem,$(O)/harness/live_mem mem)
