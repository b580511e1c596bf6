# tests/docs.mk -- suite `docs` (no kernel needed): every public function
# of core/*.h has a doc comment directly above it, and each "Matches
# io_uring_X in liburing." names a real liburing function
# (tests/doc_check.py; needs /usr/include/liburing.h from liburing-dev).
SUITES += docs
.PHONY: suite-docs
suite-docs:
	@python3 tests/doc_check.py .
