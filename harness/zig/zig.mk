# harness/zig/zig.mk -- suite `zig`: the behaviour of the 41 live-kernel tests
# of Zig's std.os.linux.IoUring (lib/std/os/linux/IoUring.zig), written
# against the hringas C API and run on the real kernel, one file per area
# (see harness/zig/zt.h).  Runner: tests/hr_test.h; suite_build / suite_run:
# tests/unit.mk.
LIVE_SUITES += zig

ZIG_SRCS := harness/zig/zt.c $(sort $(wildcard harness/zig/zig_*.c))
ZIG_DEPS := $(ZIG_SRCS) harness/zig/zt.h tests/hr_test.h $(LIB_HDRS) $(LIB_A)

$(O)/harness/zig: $(ZIG_DEPS)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -Iharness/zig -Itests -o $@ $(ZIG_SRCS) $(LIB_A)

.PHONY: suite-zig
suite-zig:
	$(call suite_build,zig,$(O)/harness/zig)
	$(call suite_run,zig,$(O)/harness/zig zig)
