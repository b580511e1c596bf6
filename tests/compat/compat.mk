# tests/compat/compat.mk -- the liburing-compat differential suites.
#   compat           (live) every tests/compat/t*.c built against Debian's
#                    liburing (-luring) and against core/compat + libhringas,
#                    run on the real kernel, outputs compared; n*.c (API newer
#                    than 2.3) against core/compat only, self-checking (run.sh)
#   sqe-diff-compat  every io_uring_prep_* liburing 2.3 has, through the
#                    compat header vs liburing 2.3: the same 64 bytes on a
#                    cleared SQE; on a garbage one the same except the fields
#                    liburing 2.15 leaves (kept, as 2.15 does); newer helpers
#                    against liburing 2.15's source, both ways
# liburing (Debian liburing-dev) is a dependency of these tests only.
# suite_build / suite_run: tests/unit.mk.
LIVE_SUITES += compat
SUITES      += sqe-diff-compat

# t*.c: liburing 2.3 API, built twice and compared; n*.c: newer API,
# compat build only, self-checking
COMPAT_T_SRCS  := $(sort $(wildcard tests/compat/t*.c tests/compat/t*.cc))
COMPAT_N_SRCS  := $(sort $(wildcard tests/compat/n*.c))
COMPAT_T_NAMES := $(basename $(notdir $(COMPAT_T_SRCS)))
COMPAT_N_NAMES := $(patsubst tests/compat/%.c,%,$(COMPAT_N_SRCS))
COMPAT_T_DIR   := $(O)/tests/compat
COMPAT_T_CFLAGS := -std=gnu11 -O2 -g -Wall -Werror -Wno-unused-result
COMPAT_T_LU    := $(addprefix $(COMPAT_T_DIR)/lu/,$(COMPAT_T_NAMES))
COMPAT_T_HR    := $(addprefix $(COMPAT_T_DIR)/hr/,$(COMPAT_T_NAMES) $(COMPAT_N_NAMES))

$(COMPAT_T_DIR)/lu/%: tests/compat/%.c tests/compat/ct.h
	@mkdir -p $(@D)
	$(CC) $(COMPAT_T_CFLAGS) -o $@ $< -luring

# n16_strict_std: strict ISO C (no GNU extensions, no _GNU_SOURCE): the
# header must bring in the feature macros itself, as liburing's does
$(COMPAT_T_DIR)/hr/n16_strict_std: COMPAT_T_CFLAGS := -std=c11 -O2 -g -Wall -Werror -Wno-unused-result

# t*.cc: the same, as C++17
CXX ?= g++
COMPAT_T_CXXFLAGS := -std=c++17 -O2 -g -Wall -Werror
$(COMPAT_T_DIR)/lu/%: tests/compat/%.cc
	@mkdir -p $(@D)
	$(CXX) $(COMPAT_T_CXXFLAGS) -o $@ $< -luring

$(COMPAT_T_DIR)/hr/%: tests/compat/%.cc $(COMPAT_HDRS) $(LIB_HDRS) $(COMPAT_A) $(LIB_A)
	@mkdir -p $(@D)
	$(CXX) $(COMPAT_T_CXXFLAGS) $(COMPAT_INC) -o $@ $< $(COMPAT_A) $(LIB_A)

$(COMPAT_T_DIR)/hr/%: tests/compat/%.c tests/compat/ct.h $(COMPAT_HDRS) $(LIB_HDRS) $(COMPAT_A) $(LIB_A)
	@mkdir -p $(@D)
	$(CC) $(COMPAT_T_CFLAGS) $(COMPAT_INC) -o $@ $< $(COMPAT_A) $(LIB_A)

.PHONY: suite-compat suite-sqe-diff-compat compat-tests
compat-tests: $(COMPAT_T_LU) $(COMPAT_T_HR)
suite-compat:
	$(call suite_build,compat,compat-tests)
	$(call suite_run,compat,bash tests/compat/run.sh $(COMPAT_T_DIR) $(COMPAT_T_NAMES) $(COMPAT_N_NAMES))

SQE_DIFF_COMPAT := $(COMPAT_T_DIR)/sqe_diff_compat
SQE_DIFF_COMPAT_LU := $(COMPAT_T_DIR)/sqe_diff_compat_lu.o

# Two translation units: liburing 2.3's helpers and the compat header both
# define io_uring_prep_*, so each side is compiled alone and exported under
# its own name (SIDE=lu / SIDE=hr).
$(SQE_DIFF_COMPAT_LU): tests/compat/sqe_diff_compat_side.c tests/compat/sqe_diff_compat.h
	@mkdir -p $(@D)
	$(CC) $(COMPAT_T_CFLAGS) -DSIDE=lu -c -o $@ $<

$(COMPAT_T_DIR)/sqe_diff_compat_hr.o: tests/compat/sqe_diff_compat_side.c tests/compat/sqe_diff_compat.h $(COMPAT_HDRS) $(LIB_HDRS)
	@mkdir -p $(@D)
	$(CC) $(COMPAT_T_CFLAGS) -DSIDE=hr $(COMPAT_INC) -c -o $@ $<

$(COMPAT_T_DIR)/sqe_diff_compat_newer.o: tests/compat/sqe_diff_compat_newer.c tests/compat/sqe_diff_compat.h $(COMPAT_HDRS) $(LIB_HDRS)
	@mkdir -p $(@D)
	$(CC) $(COMPAT_T_CFLAGS) $(COMPAT_INC) -c -o $@ $<

$(SQE_DIFF_COMPAT): tests/compat/sqe_diff_compat.c tests/compat/sqe_diff_compat.h $(SQE_DIFF_COMPAT_LU) $(COMPAT_T_DIR)/sqe_diff_compat_hr.o $(COMPAT_T_DIR)/sqe_diff_compat_newer.o
	$(CC) $(COMPAT_T_CFLAGS) -o $@ $< $(SQE_DIFF_COMPAT_LU) $(COMPAT_T_DIR)/sqe_diff_compat_hr.o $(COMPAT_T_DIR)/sqe_diff_compat_newer.o

suite-sqe-diff-compat:
	$(call suite_build,sqe-diff-compat,$(SQE_DIFF_COMPAT))
	$(call suite_run,sqe-diff-compat,$(SQE_DIFF_COMPAT))
