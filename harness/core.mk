# Live-kernel suites of the core: `core` (live_core.c) and `freestanding`
# (a static program with its own _start and no libc).
LIVE_SUITES += core freestanding

$(O)/harness/live_core: harness/live_core.c harness/live.h $(LIB_HDRS) $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) $< $(LIB_A) -o $@

suite-core: $(O)/harness/live_core
	$<

# No libc at all: -nostdlib -static, its own _start, exits with a raw syscall.
$(O)/harness/freestanding_nop: harness/freestanding_nop.c $(LIB_HDRS) $(LIB_A)
	@mkdir -p $(@D)
	$(CC) -std=c11 -O2 -ffreestanding -nostdlib -static -fno-builtin -fno-stack-protector \
	    -fno-pie -no-pie $(INCLUDES) $(WARN) $< $(LIB_A) -o $@

suite-freestanding: $(O)/harness/freestanding_nop
	@if $<; then echo "  PASS  freestanding NOP program"; echo "freestanding: 1 passed, 0 failed, 0 skipped"; \
	 else echo "  FAIL  freestanding NOP program (exit $$?)"; echo "freestanding: 0 passed, 1 failed, 0 skipped"; fi

# The same live suite built with ASan + UBSan (the library's inline code is
# compiled into the test, so the sanitizers see the ring protocol itself).
LIVE_SUITES += core-asan
$(O)/harness/live_core_asan: harness/live_core.c harness/live.h $(LIB_HDRS) $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -O1 -fsanitize=address,undefined -fno-sanitize-recover=all \
	    -fno-omit-frame-pointer $< $(LIB_A) -o $@

suite-core-asan: $(O)/harness/live_core_asan
	$< | sed 's/^core:/core-asan:/'; exit $${PIPESTATUS[0]}
