# Cross builds: the library for aarch64 and riscv64 must build freestanding
# (nm -u empty).  One case per architecture; the lines and the summary in
# the format of tests/hr_test.h.
SUITES += cross
suite-cross:
	@mkdir -p build/logs; p=0; f=0; for cc in aarch64-linux-gnu- riscv64-linux-gnu-; do \
	  if $(MAKE) --no-print-directory CROSS_COMPILE=$$cc lib check-freestanding > build/logs/cross-$$cc.log 2>&1; then \
	    echo "  PASS  $${cc}gcc: libhringas.a/.so built, nm -u empty"; p=$$((p+1)); \
	  else echo "  FAIL  $${cc}gcc: see build/logs/cross-$$cc.log"; tail -5 build/logs/cross-$$cc.log; f=$$((f+1)); fi; \
	done; echo "cross: $$p passed, $$f failed, 0 skipped"; [ $$f -eq 0 ]
