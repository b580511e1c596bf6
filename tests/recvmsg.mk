# tests/recvmsg.mk -- suite recvmsg-unit: hostile-buffer tests of the
# multishot recvmsg parsers (core/hr_recvmsg.h), ASan+UBSan, no io_uring
# needed (tests/recvmsg_unit.c; suite_build / suite_run: tests/unit.mk).
SUITES += recvmsg-unit

RECVMSG_SAN := -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

.PHONY: suite-recvmsg-unit

$(O)/tests/recvmsg_unit: tests/recvmsg_unit.c tests/hr_test.h $(LIB_HDRS)
	@mkdir -p $(@D)
	$(CC) $(HOST_CFLAGS) -O1 $(RECVMSG_SAN) -o $@ $<

suite-recvmsg-unit:
	$(call suite_build,recvmsg-unit,$(O)/tests/recvmsg_unit)
	$(call suite_run,recvmsg-unit,$(O)/tests/recvmsg_unit recvmsg-unit)
