# tests/mutate/mutate.mk -- the mutation suite (not in CI, not a SUITE: it
# takes from minutes (--test-only) to hours).
#   make mutate                every mutant of tests/mutate/mutants.py, one at a
#                              time, on a scratch copy of HEAD: the proof unit
#                              of the mutated file (replay), then its host suites
#   make mutate-quick          the same without the proofs (--test-only)
#   MUTANTS="id1 id2"          a subset;  make mutate-list: the mutants
# Prints `mutants: K/N killed (P by make prove alone)` and the survivors
# (tests/mutate/run.py).
.PHONY: mutate mutate-quick mutate-list
mutate:
	@python3 tests/mutate/run.py
mutate-quick:
	@python3 tests/mutate/run.py --test-only
mutate-list:
	@python3 tests/mutate/run.py --list
