# tests/trust/trust.mk -- suite `trust`: proofs/trust.py (run by make prove)
# fails on a TRUSTED.md row deleted, an unlisted axiom, body-less function
# or `admit` clause, a public function without a proved contract, a stale
# allow-list line, an unproved property, a tactic off its list
# (tests/trust/check.py).
SUITES += trust

suite-trust:
	@python3 tests/trust/check.py
