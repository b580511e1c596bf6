# harness/zig/zig.mk -- suite `zig`: the behaviour of the 41 live-kernel tests
# of Zig's std.os.linux.IoUring (shared/reference/zig-iouring-tests.md),
# written against the hringas C API and run on the real kernel.  One table
# row per test; the last line is `zig: N passed, N failed, N skipped`, also
# when the build or the binary fails (then counted as one failure).
LIVE_SUITES += zig

ZIG_SRCS := harness/zig/zt.c harness/zig/zig_tests.c
ZIG_DEPS := $(ZIG_SRCS) harness/zig/zt.h harness/zig/zt_bufring.inc $(LIB_HDRS) $(LIB_A)

$(O)/harness/zig: $(ZIG_DEPS)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -Iharness/zig -o $@ $(ZIG_SRCS) $(LIB_A)

.PHONY: suite-zig
suite-zig: lib
	@$(MAKE) --no-print-directory $(O)/harness/zig || { \
	   echo "zig: build failed"; echo "zig: 0 passed, 1 failed, 0 skipped"; exit 1; }
	@$(O)/harness/zig; rc=$$?; \
	 if [ $$rc -gt 1 ]; then \
	   echo "zig: runner exited $$rc"; echo "zig: 0 passed, 1 failed, 0 skipped"; fi; \
	 exit $$rc
