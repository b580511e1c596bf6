# tests/riscv.mk -- suite sim-riscv64: the simulated-kernel suite (tests/sim*.c)
# cross-built static for riscv64 and run under qemu-riscv64 (user mode), as
# sim-aarch64 in tests/unit.mk.  Debian 12 ships no riscv64 kernel, so
# riscv64 has no live suite (harness/vm boots x86_64 and aarch64 only).
# Own source list: this fragment is read before tests/unit.mk.
SUITES += sim-riscv64

RISCV64_CC   ?= riscv64-linux-gnu-gcc
QEMU_RISCV64 ?= qemu-riscv64
RISCV_SIM_SRCS := $(sort $(wildcard tests/sim_*.c))
RISCV_SIM_DEPS := $(RISCV_SIM_SRCS) $(wildcard tests/sim.h tests/hr_test.h) $(LIB_HDRS)

$(O)/tests/sim-riscv64: $(RISCV_SIM_DEPS)
	@mkdir -p $(@D)
	$(RISCV64_CC) $(HOST_CFLAGS) -static -o $@ $(RISCV_SIM_SRCS)

# Skipped (loudly) only when the cross compiler or qemu is not installed.
.PHONY: suite-sim-riscv64 sim-riscv64-run
suite-sim-riscv64:
	@for t in $(RISCV64_CC) $(QEMU_RISCV64); do \
	   if ! command -v $$t >/dev/null 2>&1; then \
	     echo "sim-riscv64: SKIP: $$t not found (apt-get install gcc-riscv64-linux-gnu libc6-dev-riscv64-cross qemu-user)"; \
	     echo "sim-riscv64: 0 passed, 0 failed, 1 skipped"; exit 0; \
	   fi; \
	 done; \
	 $(MAKE) --no-print-directory $(O)/tests/sim-riscv64 || { echo "sim-riscv64: build failed"; echo "sim-riscv64: 0 passed, 1 failed, 0 skipped"; exit 1; }; \
	 $(MAKE) --no-print-directory sim-riscv64-run

sim-riscv64-run:
	$(call suite_run,sim-riscv64,$(QEMU_RISCV64) $(O)/tests/sim-riscv64 sim-riscv64)
