# tests/unit.mk -- unit suites that need no io_uring (included by GNUmakefile).
#   sim          ring core vs. the simulated kernel (tests/sim*.c), host build
#   sim-asan     the same, -fsanitize=address,undefined, no recovery
#   sim-aarch64  the same, cross-built static for aarch64, run under qemu-aarch64
#   axioms       executable check of the trusted axioms of specs/hr_bits.h
# Each rule prints `<name>: N passed, N failed, N skipped` as its last line,
# also when the build or the binary itself fails (then as one failure).

SUITES += sim sim-asan axioms sim-aarch64

SIM_SRCS   := $(sort $(wildcard tests/sim_*.c))
SIM_DEPS   := $(SIM_SRCS) tests/sim.h tests/hr_test.h $(LIB_HDRS)
UNIT_ASAN_FLAGS := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
AARCH64_CC ?= aarch64-linux-gnu-gcc
QEMU_AARCH64 ?= qemu-aarch64

.PHONY: suite-sim suite-sim-asan suite-axioms suite-sim-aarch64

$(O)/tests/sim: $(SIM_DEPS)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -o $@ $(SIM_SRCS)

$(O)/tests/sim-asan: $(SIM_DEPS)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) $(UNIT_ASAN_FLAGS) -o $@ $(SIM_SRCS)

$(O)/tests/sim-aarch64: $(SIM_DEPS)
	@mkdir -p $(@D)
	$(AARCH64_CC) $(HOST_CFLAGS) -static -o $@ $(SIM_SRCS)

$(O)/tests/test_axioms: tests/test_axioms.c tests/hr_test.h specs/hr_bits.h
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -o $@ $<

# The two steps of every suite rule (here and in the other fragments):
# $(call suite_build,NAME,TARGET): build TARGET; if that fails, print the
# summary line of one failed case (so the summary is always the last line).
define suite_build
	@$(MAKE) --no-print-directory $(2) || { echo "$(1): build failed"; echo "$(1): 0 passed, 1 failed, 0 skipped"; exit 1; }
endef

# $(call suite_run,NAME,COMMAND): run COMMAND (which prints its own summary
# line, tests/hr_test.h); if it printed none (crash, missing binary), print
# one failure.
define suite_run
	@out=$$($(2) 2>&1); rc=$$?; printf '%s\n' "$$out"; \
	 if ! printf '%s\n' "$$out" | tail -n 1 | grep -qE '^$(1): [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$$'; then \
	   echo "$(1): binary exited $$rc without a summary"; \
	   echo "$(1): 0 passed, 1 failed, 0 skipped"; exit 1; \
	 fi; exit $$rc
endef

suite-sim:
	$(call suite_build,sim,$(O)/tests/sim)
	$(call suite_run,sim,$(O)/tests/sim sim)

# An ASan/UBSan report aborts the child running the case: one failed case,
# the run goes on (tests/hr_test.h forks a child per case).  No leak check:
# the children leave with _exit.
suite-sim-asan:
	$(call suite_build,sim-asan,$(O)/tests/sim-asan)
	$(call suite_run,sim-asan,ASAN_OPTIONS=detect_leaks=0:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 $(O)/tests/sim-asan sim-asan)

suite-axioms:
	$(call suite_build,axioms,$(O)/tests/test_axioms)
	$(call suite_run,axioms,$(O)/tests/test_axioms axioms specs/hr_bits.h)

# Skipped (loudly) only when the cross compiler or qemu is not installed.
suite-sim-aarch64:
	@for t in $(AARCH64_CC) $(QEMU_AARCH64); do \
	   if ! command -v $$t >/dev/null 2>&1; then \
	     echo "sim-aarch64: SKIP: $$t not found (apt-get install gcc-aarch64-linux-gnu libc6-dev-arm64-cross qemu-user)"; \
	     echo "sim-aarch64: 0 passed, 0 failed, 1 skipped"; exit 0; \
	   fi; \
	 done; \
	 $(MAKE) --no-print-directory $(O)/tests/sim-aarch64 || { echo "sim-aarch64: build failed"; echo "sim-aarch64: 0 passed, 1 failed, 0 skipped"; exit 1; }; \
	 $(MAKE) --no-print-directory sim-aarch64-run

.PHONY: sim-aarch64-run
sim-aarch64-run:
	$(call suite_run,sim-aarch64,$(QEMU_AARCH64) $(O)/tests/sim-aarch64 sim-aarch64)
