# Live-kernel suites of the registration calls and provided-buffer rings:
# `register` (live_register.c) and `bufring` (live_bufring.c, which also
# checks the A-WRAP16 axiom of specs/hr_bufring_spec.h exhaustively).
LIVE_SUITES += register bufring

$(O)/harness/live_register: harness/live_register.c harness/live.h $(LIB_HDRS) $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) $< $(LIB_A) -o $@

$(O)/harness/live_bufring: harness/live_bufring.c harness/live.h $(LIB_HDRS) $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) $< $(LIB_A) -o $@

suite-register: $(O)/harness/live_register
	$<

suite-bufring: $(O)/harness/live_bufring
	$<
