# tests/claims.mk -- suite `claims`: the numbers README.md states about the
# proofs (goal counts, trusted-base size) equal what their sources say now
# (proofs/readme.py --check).
SUITES += claims

suite-claims:
	@python3 proofs/readme.py --check
