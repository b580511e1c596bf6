# tests/order.mk -- memory ordering (included by GNUmakefile).
#   make prove-order   SPIN model + mutants + call-site table (proofs/order/check.sh)
#   tsan-stress        suite: the real core vs a fake kernel thread, clang -fsanitize=thread
#   fuzz               suite: the committed corpus + a short libFuzzer run (ASan+UBSan)
#   make fuzz          a longer run (FUZZ_TIME seconds) into build/fuzz/corpus
#   make tsan-weak-demo  the TSan oracle fails when every release store is relaxed
# clang 14's TSan cannot map its shadow under the highest ASLR entropy
# ("unexpected memory mapping"): then the stress runs with ASLR off.
# Each suite prints `<name>: N passed, N failed, N skipped` as its last line.

SUITES += tsan-stress fuzz

ORDER_CC    ?= clang
FUZZ_TIME   ?= 300
FUZZ_SHORT  ?= 30
FUZZ_RUNS   ?= 400000
FUZZ_SEED   ?= 1
ORDER_WARN  := -Wall -Wextra -Werror
TSAN_CFLAGS := -std=gnu11 -O1 -g -fsanitize=thread -pthread $(INCLUDES) $(ORDER_WARN)
FUZZ_CFLAGS := -std=gnu11 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
               $(INCLUDES) $(ORDER_WARN)
.PHONY: prove-order suite-tsan-stress suite-fuzz fuzz tsan-weak-demo

prove-order:
	@bash proofs/order/check.sh

$(O)/tests/tsan_stress: tests/tsan_stress.c $(LIB_HDRS)
	@mkdir -p $(@D)
	$(ORDER_CC) $(TSAN_CFLAGS) -o $@ $<

$(O)/tests/tsan_stress_weakrel: tests/tsan_stress.c $(LIB_HDRS)
	@mkdir -p $(@D)
	$(ORDER_CC) $(TSAN_CFLAGS) -DTSAN_WEAK_RELEASE -o $@ $<

$(O)/tests/fuzz_ring: tests/fuzz_ring.c $(LIB_HDRS)
	@mkdir -p $(@D)
	$(ORDER_CC) $(FUZZ_CFLAGS) -o $@ $<

suite-tsan-stress:
	@$(MAKE) --no-print-directory $(O)/tests/tsan_stress || { echo "tsan-stress: build failed"; \
	   echo "tsan-stress: 0 passed, 1 failed, 0 skipped"; exit 1; }
	@b=$(O)/tests/tsan_stress; out=$$($$b 2>&1); rc=$$?; \
	 if printf '%s' "$$out" | grep -q "unexpected memory mapping"; then \
	   out=$$(setarch $$(uname -m) -R $$b 2>&1); rc=$$?; fi; \
	 printf '%s\n' "$$out" | grep -v '^PASS '; \
	 if ! printf '%s\n' "$$out" | tail -n 1 | grep -qE '^tsan-stress: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$$'; then \
	   echo "tsan-stress: binary exited $$rc without a summary"; echo "tsan-stress: 0 passed, 1 failed, 0 skipped"; exit 1; fi; \
	 exit $$rc

# The TSan oracle must catch a weakened release: every hr_store_release made
# relaxed (-DTSAN_WEAK_RELEASE, core/ untouched) must fail cases.
tsan-weak-demo:
	@$(MAKE) --no-print-directory $(O)/tests/tsan_stress_weakrel
	@out=$$($(O)/tests/tsan_stress_weakrel 2>/dev/null); printf '%s\n' "$$out" | grep "^FAIL" | head -5; \
	 line=$$(printf '%s\n' "$$out" | tail -n 1); echo "weakened release: $$line"; \
	 printf '%s' "$$line" | grep -qv " 0 failed"

# case 1: every input of the committed corpus; case 2: a short run from it
suite-fuzz:
	@$(MAKE) --no-print-directory $(O)/tests/fuzz_ring || { echo "fuzz: build failed"; \
	   echo "fuzz: 0 passed, 1 failed, 0 skipped"; exit 1; }
	@p=0; f=0; d=$(O)/fuzz; rm -rf $$d/short; mkdir -p $$d/short $$d/artifacts; \
	 if $(O)/tests/fuzz_ring -runs=0 -artifact_prefix=$$d/artifacts/ tests/fuzz/corpus > $$d/corpus.log 2>&1; then \
	   p=$$((p+1)); echo "PASS corpus ($$(ls tests/fuzz/corpus | wc -l) inputs)"; \
	 else f=$$((f+1)); echo "FAIL corpus"; tail -n 30 $$d/corpus.log; fi; \
	 if $(O)/tests/fuzz_ring -seed=$(FUZZ_SEED) -max_total_time=$(FUZZ_SHORT) -runs=$(FUZZ_RUNS) \
	      -print_final_stats=1 -artifact_prefix=$$d/artifacts/ $$d/short tests/fuzz/corpus > $$d/short.log 2>&1; then \
	   p=$$((p+1)); echo "PASS short run: $$(grep -o 'Done [0-9]* runs' $$d/short.log), seed $(FUZZ_SEED)"; \
	 else f=$$((f+1)); echo "FAIL short run (log $$d/short.log)"; grep -m1 -B2 -A25 "oracle failed\|ERROR:\|runtime error" $$d/short.log; fi; \
	 echo "fuzz: $$p passed, $$f failed, 0 skipped"; [ $$f -eq 0 ]

# a longer run; new inputs go to build/fuzz/corpus (copy good ones to tests/fuzz/corpus)
fuzz: $(O)/tests/fuzz_ring
	@d=$(O)/fuzz; mkdir -p $$d/corpus $$d/artifacts; \
	 if $(O)/tests/fuzz_ring -max_total_time=$(FUZZ_TIME) -print_final_stats=1 \
	      -artifact_prefix=$$d/artifacts/ $$d/corpus tests/fuzz/corpus > $$d/fuzz.log 2>&1; then \
	   echo "PASS fuzz: $$(grep -o 'Done [0-9]* runs.*' $$d/fuzz.log) (corpus $$d/corpus)"; \
	   echo "fuzz: 1 passed, 0 failed, 0 skipped"; \
	 else grep -m1 -B2 -A25 "oracle failed\|ERROR:\|runtime error" $$d/fuzz.log; \
	   echo "fuzz: 0 passed, 1 failed, 0 skipped"; exit 1; fi
