# tests/cxx/cxx.mk -- suite `cxx`: every public header compiles as C++17
# with g++ and clang++ (-Wall -Wextra -Werror), and a C++ program
# (tests/cxx/cxx_api.cpp) links against the library, in tree and installed
# (pkg-config, shared and static), and runs NOPs on the real kernel.
LIVE_SUITES += cxx
.PHONY: suite-cxx
suite-cxx: lib
	@bash tests/cxx/cxx.sh $(O)
