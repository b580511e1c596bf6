# harness/examples/examples.mk -- suite `examples` (live: the examples run
# on the real kernel).  harness/examples/run.sh installs the library into a
# temporary DESTDIR, builds every harness/examples/*.c against the installed
# copy through pkg-config, shared and static, runs each under `timeout`, and
# checks the installed layout and make uninstall.
LIVE_SUITES += examples
.PHONY: suite-examples
suite-examples: lib
	@bash harness/examples/run.sh
