# Live-kernel suite `recvmsg`: the multishot recvmsg parsers
# (core/hr_recvmsg.h) on real IORING_OP_RECVMSG multishot CQEs over UDP on
# 127.0.0.1 (harness/live_recvmsg.c, on tests/hr_test.h; suite_build /
# suite_run: tests/unit.mk).
LIVE_SUITES += recvmsg

$(O)/harness/live_recvmsg: harness/live_recvmsg.c tests/hr_test.h $(LIB_HDRS) $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -Itests $< $(LIB_A) -o $@

suite-recvmsg:
	$(call suite_build,recvmsg,$(O)/harness/live_recvmsg)
	$(call suite_run,recvmsg,$(O)/harness/live_recvmsg recvmsg)
