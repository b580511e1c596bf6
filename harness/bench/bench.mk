# harness/bench/bench.mk -- `make bench`: hringas-c side by side with liburing
# and a raw-syscall loop (NOP throughput, user-space Ir/op, 4 KiB reads, size).
# Included by the top-level GNUmakefile.  Everything is built into $(O)/bench/;
# harness/bench/run.sh runs it all and writes harness/bench/RESULTS.md.
BENCH_DIR    := $(O)/bench
BENCH_CFLAGS := $(filter-out -DHR_KERNEL_CHECK,$(HOST_CFLAGS))   # the bench measures the library as shipped
# Freestanding static program: no libc, own _start (x86_64 only).
BENCH_FREE_CFLAGS := -std=c11 -O2 -ffreestanding -fno-builtin -fno-stack-protector \
                     -fno-pie -no-pie -nostdlib -static -Wl,--gc-sections $(INCLUDES) $(WARN)

BENCH_BINS := $(addprefix $(BENCH_DIR)/,nop_ours nop_ours2 nop_uring nop_raw io_ours io_uring io_pread nop_static)

# Code-layout A/B (run.sh section "Layout"): the ours-copy program built
# with four compiler settings, each with the core's branch-layout hints
# (HR_LIKELY/HR_UNLIKELY) and without them (-DHR_NO_LAYOUT_HINTS).
BENCH_LAYOUTS := O2 O3 Os O2al32
bench_layout_flags = $(if $(filter O2al32,$(1)),-O2 -falign-loops=32,-$(1))
BENCH_LAYOUT_BINS := $(foreach l,$(BENCH_LAYOUTS),$(BENCH_DIR)/layout/nop_ours-hints-$(l) $(BENCH_DIR)/layout/nop_ours-nohints-$(l))
BENCH_BINS += $(BENCH_LAYOUT_BINS)

# $(1): layout, $(2): hints | nohints
define bench_layout_rule
$(BENCH_DIR)/layout/nop_ours-$(2)-$(1): harness/bench/nop_ours.c harness/bench/bench.h $(LIB_A) $(LIB_HDRS)
	@mkdir -p $$(@D)
	$$(CC) $$(BENCH_CFLAGS) $(call bench_layout_flags,$(1)) $(if $(filter nohints,$(2)),-DHR_NO_LAYOUT_HINTS) -o $$@ $$< $$(LIB_A)
endef
$(foreach l,$(BENCH_LAYOUTS),$(foreach h,hints nohints,$(eval $(call bench_layout_rule,$(l),$(h)))))

.PHONY: bench-bins
bench-bins: $(BENCH_BINS)

$(BENCH_DIR)/nop_ours $(BENCH_DIR)/io_ours: $(BENCH_DIR)/%: harness/bench/%.c harness/bench/bench.h $(LIB_A) $(LIB_HDRS)
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) -o $@ $< $(LIB_A)

# Same program, hr_submit_and_wait called from two places (inlining check).
$(BENCH_DIR)/nop_ours2: harness/bench/nop_ours.c harness/bench/bench.h $(LIB_A) $(LIB_HDRS)
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) -DHR_BENCH_TWO_SUBMIT_SITES -o $@ $< $(LIB_A)

$(BENCH_DIR)/nop_uring $(BENCH_DIR)/io_uring: $(BENCH_DIR)/%: harness/bench/%.c harness/bench/bench.h
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) -o $@ $< -luring

$(BENCH_DIR)/nop_raw $(BENCH_DIR)/io_pread: $(BENCH_DIR)/%: harness/bench/%.c harness/bench/bench.h
	@mkdir -p $(@D)
	$(CC) $(BENCH_CFLAGS) -o $@ $<

$(BENCH_DIR)/nop_static: harness/bench/nop_static.c $(LIB_A) $(LIB_HDRS)
	@mkdir -p $(@D)
	$(CC) $(BENCH_FREE_CFLAGS) -o $@ $< $(LIB_A)


# The top-level GNUmakefile declares `bench` phony; the recipe lives here.
# run.sh --check fails with a clear message when liburing-dev, valgrind or
# taskset is missing, before anything is compiled against them.
bench: lib
	@bash harness/bench/run.sh --check
	@$(MAKE) --no-print-directory bench-bins
	@O=$(O) LIB_A=$(LIB_A) bash harness/bench/run.sh
