# harness/misuse.mk -- suite `misuse`: setup/teardown misuse on the real kernel.
LIVE_SUITES += misuse

$(O)/harness/live_misuse: harness/live_misuse.c $(LIB_HDRS) $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -Iharness -Itests $< $(LIB_A) -o $@

suite-misuse:
	@$(MAKE) --no-print-directory $(O)/harness/live_misuse || { echo "misuse: build failed"; echo "misuse: 0 passed, 1 failed, 0 skipped"; exit 1; }
	@$(O)/harness/live_misuse
