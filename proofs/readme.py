#!/usr/bin/env python3
"""readme.py [--write|--check] -- the numbers README.md states about the
proofs, generated from their sources so that they cannot go stale:

  * the proved-goal count per unit: proofs/proved_goals (the gate of
    `make prove`, rewritten by `prove.sh update`), in the order of
    proofs/units.tsv;
  * the size of the trusted base: `proofs/trust.py --size`.

They live in README.md between the markers
    <!-- proof-numbers: begin -->  and  <!-- proof-numbers: end -->.
--write rewrites that block; --check (suite `claims` of `make test`)
fails if the block differs from what the sources say now."""
import os, subprocess, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BEGIN, END = "<!-- proof-numbers: begin -->", "<!-- proof-numbers: end -->"

def block():
    units = [l.split("\t")[0] for l in open(os.path.join(ROOT, "proofs", "units.tsv"))
             if l.strip() and not l.startswith("#")]
    counts = {}
    for line in open(os.path.join(ROOT, "proofs", "proved_goals")):
        f = line.split()
        if len(f) == 2 and not f[0].startswith("#"):
            counts[f[0]] = int(f[1])
    missing = [u for u in units if u not in counts]
    if missing:
        sys.exit("readme.py: units without a recorded count in proofs/proved_goals: "
                 + ", ".join(missing))
    total = sum(counts[u] for u in units)
    size = subprocess.run([sys.executable, os.path.join(ROOT, "proofs", "trust.py"), "--size"],
                          capture_output=True, text=True, check=True).stdout.strip()
    per = ", ".join("%s %d" % (u, counts[u]) for u in units)
    return "\n".join([
        BEGIN,
        "`make prove` gate (proofs/proved_goals): **Proved goals: %d / %d** in %d units (%s)."
        % (total, total, len(units), per),
        "%s (`proofs/trust.py`)." % size,
        END])

def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "--check"
    path = os.path.join(ROOT, "README.md")
    text = open(path).read()
    if BEGIN not in text or END not in text:
        print("claims: README.md has no proof-numbers block")
        print("claims: 0 passed, 1 failed, 0 skipped")
        return 1
    i, j = text.index(BEGIN), text.index(END) + len(END)
    want = block()
    if mode == "--write":
        open(path, "w").write(text[:i] + want + text[j:])
        return 0
    if text[i:j] == want:
        print("  PASS  README proof numbers match proofs/proved_goals and trust.py")
        print("claims: 1 passed, 0 failed, 0 skipped")
        return 0
    print("  FAIL  README proof numbers are stale; run: python3 proofs/readme.py --write")
    print("        README says: " + text[i:j].replace("\n", " | "))
    print("        sources say: " + want.replace("\n", " | "))
    print("claims: 0 passed, 1 failed, 0 skipped")
    return 1

sys.exit(main())
