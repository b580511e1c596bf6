#!/usr/bin/env python3
"""pin.py <session-dir> <wp-log>: refresh the prover pins of a unit.
pin.py --tactics <script-dir>: print the scripts there that are not pins
(the tactic scripts), one path a line, sorted: proofs/prove.sh hashes
exactly these into a unit's result key.

A pin is a WP proof script, proofs/sessions/<unit>/script/<goal>.json, that
names one prover and nothing else:

    [{"prover":"CVC4:1.8","verdict":"valid"}]

Units run with `-wp-prover script,z3,cvc4,cvc5`.  For a goal with a pin,
WP runs the pinned prover alone; only if it does not prove the goal does WP
fall back to racing all three.  Without pins every goal races the three
provers and two of them run for nothing: in a cold run that is the larger
part of the prover time spent on goals, and in a run from the prover cache
each goal builds and looks up three Why3 tasks instead of one.

A pin decides which prover runs first, never whether a goal is proved: the
verdict is the prover's answer on the goal as it is now, and a stale pin
costs time, not soundness.  That is why proofs/prove.sh leaves pins out of
a unit's result key (it hashes every other script: the tactic scripts).

`prove.sh update` runs a unit without pins (the three provers race) and
then this script on the unit's log: for every goal a prover proved it pins
that prover; it removes the pins of goals that Qed proves or that no longer
exist.  Smoke tests get no pin: a smoke test must fail with every prover.
A script that is not a pin (a tactic script) is never touched, and a goal
proved by a script ([Script] in the log) keeps its script.
"""
import os
import re
import sys

PIN = re.compile(r'^\[\{"prover":"([^"]+)","verdict":"valid"\}\]\n?$')


def pin_text(prover):
    return '[{"prover":"%s","verdict":"valid"}]\n' % prover


def read_pin(path):
    """The prover of the pin at path, None if the file is not a pin."""
    try:
        with open(path) as f:
            m = PIN.match(f.read())
    except OSError:
        return None
    return m.group(1) if m else None


def tactics(sdir):
    """Print every file under sdir that is not a pin, sorted."""
    paths = []
    for root, _, files in os.walk(sdir):
        paths += [os.path.join(root, f) for f in files]
    for path in sorted(paths):
        if read_pin(path) is None:
            print(path)


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--tactics":
        tactics(sys.argv[2])
        return
    if len(sys.argv) != 3:
        sys.exit("usage: pin.py <session-dir> <wp-log> | pin.py --tactics <script-dir>")
    session, log = sys.argv[1], sys.argv[2]
    goal_re = re.compile(r"^\[wp\] \[([^]]+)\] Goal typed_(\S+) : (\S+)")
    goals = {}                      # goal -> "Z3:4.8.12" | "qed" | "script" | None
    with open(log) as f:
        for line in f:
            m = goal_re.match(line)
            if not m:
                continue
            who, goal, verdict = m.groups()
            if verdict != "Valid":
                goals[goal] = None
            elif who == "Qed":
                goals[goal] = "qed"
            elif who == "Script":
                goals[goal] = "script"
            else:                   # "CVC4 1.8" -> "CVC4:1.8", as WP names it
                goals[goal] = who.replace(" ", ":", 1)
    if not goals:
        sys.exit("pin.py: no goal in %s" % log)
    sdir = os.path.join(session, "script")
    os.makedirs(sdir, exist_ok=True)
    written = kept = removed = 0
    for goal, who in sorted(goals.items()):
        if "_wp_smoke_" in goal:
            continue
        path = os.path.join(sdir, goal + ".json")
        old = read_pin(path)
        if os.path.exists(path) and old is None:
            continue                # a tactic script: not ours
        if who == "script" or (who is None and old is not None):
            kept += old is not None  # proved by its pin, or unproved: keep
            continue
        if who == "qed" or who is None:
            continue
        if who == old:
            kept += 1
            continue
        with open(path, "w") as f:
            f.write(pin_text(who))
        written += 1
    for name in sorted(os.listdir(sdir)):
        goal = name[:-5] if name.endswith(".json") else None
        path = os.path.join(sdir, name)
        if goal is None or read_pin(path) is None:
            continue
        if goals.get(goal, "gone") in ("qed", "gone"):
            os.remove(path)
            removed += 1
    if not os.listdir(sdir):
        os.rmdir(sdir)
    print("pins %s: %d kept, %d written, %d removed"
          % (os.path.basename(os.path.normpath(session)), kept, written, removed))


if __name__ == "__main__":
    main()
