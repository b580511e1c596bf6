#!/usr/bin/env python3
"""report.py MODE COUNTS UNIT=JSON... -- the proof report.

Reads the -wp-report-json files of every unit, prints goals proved / total
per function with the provers that closed them, the share of goals that
are postconditions, and as its last line the total over every WP run:
`Proved goals: P / T`.  (The trusted base is checked by proofs/trust.py.)
Gate: exit 1 if any goal is unproved, or a unit proves fewer goals than
COUNTS records (the count may rise, never silently fall).  In `update` mode
COUNTS is rewritten with the new counts.  In `goals` mode (no smoke tests)
a unit must prove at least the goals other than smoke tests of its
committed result, proofs/results/<unit>.json, instead."""
import json, os, re, sys

mode, counts_file = sys.argv[1], sys.argv[2]
reports = dict(a.split("=", 1) for a in sys.argv[3:])
root0 = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
units = [l.split("\t")[0] for l in open(os.path.join(root0, "proofs", "units.tsv"))
         if l.strip() and not l.startswith("#")]
PROVER_NAMES = {"qed": "Qed", "script": "Script"}

def provers(entry):
    out = []
    for k, v in entry.items():
        if k in ("wp:main",) or not isinstance(v, dict):
            continue
        if v.get("valid", 0) > 0:
            out.append(PROVER_NAMES.get(k, k.split(":")[0]))
    return out

total_p = total_t = 0
func_p = 0                  # proved goals that are postconditions
per_unit = {}
bad = []
print()
print("%-8s %-34s %7s  %s" % ("unit", "function", "proved", "provers"))
for u in units:
    path = reports.get(u, "")
    if not path or not os.path.exists(path):
        if not os.environ.get("UNITS") or u in os.environ["UNITS"].split():
            print("MISSING: unit %s produced no report (%s)" % (u, path))
            bad.append("%s: no report" % u)
        continue
    data = json.load(open(path))
    up = ut = 0
    rows = []
    funcs = dict(data.get("wp:functions", {}))
    if "wp:axiomatics" in data:
        for ax, lemmas in data["wp:axiomatics"].items():
            funcs["(lemmas%s)" % (" " + ax if ax else "")] = lemmas
    for fn in sorted(funcs):
        props = funcs[fn]
        p = t = 0
        used = set()
        for name, entry in props.items():
            if name == "wp:section":
                continue
            m = entry.get("wp:main", {})
            t += m.get("total", 0)
            p += m.get("valid", 0)
            if "_ensures" in name and "smoke" not in name:
                func_p += m.get("valid", 0)
            used.update(provers(entry))
            if m.get("valid", 0) < m.get("total", 0):
                bad.append("%s: %s" % (fn, name))
        rows.append((fn, p, t, ",".join(sorted(used))))
        up += p
        ut += t
    for fn, p, t, pv in rows:
        print("%-8s %-34s %3d/%-3d  %s" % (u, fn, p, t, pv))
    per_unit[u] = (up, ut)
    total_p += up
    total_t += ut

status = 0
if bad:
    status = 1
    print()
    print("UNPROVED (%d):" % len(bad))
    for b in bad[:50]:
        print("  " + b)

def non_smoke_goals(path):
    """Goals other than smoke tests in a -wp-report-json file."""
    data = json.load(open(path))
    groups = list(dict(data.get("wp:functions", {})).values())
    groups += list(dict(data.get("wp:axiomatics", {})).values())
    return sum(e.get("wp:main", {}).get("total", 0)
               for g in groups for n, e in g.items()
               if n != "wp:section" and "_wp_smoke_" not in n)

recorded = {}
source = counts_file        # what the gate's counts come from, for its messages
if mode == "goals":
    source = "the committed results (goals other than smoke tests)"
    for u in units:
        path = os.path.join(root0, "proofs", "results", u + ".json")
        if os.path.exists(path):
            recorded[u] = non_smoke_goals(path)
elif os.path.exists(counts_file):
    for line in open(counts_file):
        f = line.split()
        if len(f) == 2 and f[0] != "#":
            recorded[f[0]] = int(f[1])
for u, (p, t) in per_unit.items():
    if p < recorded.get(u, 0):
        print("REGRESSION: unit %s proves %d goals, %s records %d" % (u, p, source, recorded[u]))
        status = 1
subset = bool(os.environ.get("UNITS"))
for u in recorded:
    if u not in per_unit and not subset:
        print("REGRESSION: unit %s recorded in %s did not run" % (u, source))
        status = 1
if mode == "update" and status == 0:
    with open(counts_file, "w") as fh:
        fh.write("# proved goals per WP unit: the gate of `make prove` (may rise, never fall)\n")
        merged = dict(recorded)
        merged.update({u: per_unit[u][0] for u in per_unit})
        for u in units:
            if u in merged:
                fh.write("%s %d\n" % (u, merged[u]))
print()
print("functional: %d of %d goals (postconditions; the rest are run-time errors, "
      "frames, callee preconditions, loop invariants and smoke tests)" % (func_p, total_t))
print("Proved goals: %d / %d%s" % (total_p, total_t,
                                  " (smoke tests not run)" if mode == "goals" else ""))
sys.exit(status)
