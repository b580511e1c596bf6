#!/usr/bin/env python3
"""tests/mutate/run.py [--test-only] [--list] -- the mutation suite (make mutate).

Applies each mutant of tests/mutate/mutants.py, ONE at a time, to a scratch
copy of the committed tree (git archive of MUTATE_REV, default HEAD, under
MUTATE_DIR, default /tmp/hringas-mutate; the working tree's core/ is never
touched), then
  (a) replays the proof unit that proves the mutated file (proofs/units.tsv:
      the unit whose `defs` column names it):
          UNITS=<unit> bash proofs/prove.sh replay
      in the copy, with the committed prover cache plus the working tree's
      proofs/sessions/*/cache; a failing replay kills the mutant;
  (b) if the proof did not kill it, runs the host suites that exercise the
      file (make suite-X in the copy; no VM suites, no bench); a failing or
      hanging (MUTATE_TIMEOUT seconds, default 300) suite kills it.
Before the mutants, the same suites and units are run on the unmutated copy:
a suite or unit that already fails there cannot kill anything and is
reported (loudly) and left out.
Every mutant must still apply: its `old` text must occur exactly once in its
file, else the run stops before doing anything (the code changed: update
tests/mutate/mutants.py).

Prints one line per mutant (killed-by-prove / killed-by-test / SURVIVED),
then `mutants: K/N killed (P by make prove alone)` and the survivors.
Exit 0 iff every mutant was killed.

Options: MUTANTS="id1 id2" runs a subset; --test-only skips (a) (fast);
--list prints the mutants.  MUTATE_KEEP=1 keeps each mutant's copy.
MUTATE_OVERLAY="tests/sim_ring.c harness/live_core.c": those files are taken
from the working tree, not from MUTATE_REV (to try a new test before
committing it; never core/).  MUTATE_SUITES="sim": only these suites."""
import os, shutil, subprocess, sys, time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import mutants as MT  # noqa: E402

TEST_ONLY = "--test-only" in sys.argv[1:]
LIST = "--list" in sys.argv[1:]
REV = os.environ.get("MUTATE_REV", "HEAD")
WORK = os.environ.get("MUTATE_DIR", "/tmp/hringas-mutate")
TIMEOUT = int(os.environ.get("MUTATE_TIMEOUT", "300"))
PROVE_TIMEOUT = int(os.environ.get("MUTATE_PROVE_TIMEOUT", "3600"))
KEEP = os.environ.get("MUTATE_KEEP", "") == "1"


def die(msg):
    print("mutate: ERROR: " + msg)
    sys.exit(2)


def sh(cmd, cwd, timeout, env=None, log=None):
    """Run cmd (a list) niced in its own process group; (rc, output).
    rc 124: timed out (the whole group is killed)."""
    e = dict(os.environ)
    e.pop("MAKEFLAGS", None)
    e.pop("MAKELEVEL", None)
    e.pop("MFLAGS", None)
    if env:
        e.update(env)
    p = subprocess.Popen(["nice", "-n", "10"] + cmd, cwd=cwd, env=e, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, start_new_session=True)
    try:
        out, _ = p.communicate(timeout=timeout)
        rc = p.returncode
    except subprocess.TimeoutExpired:
        os.killpg(p.pid, 9)
        out, _ = p.communicate()
        rc = 124
    out = out.decode("utf-8", "replace")
    if log:
        with open(log, "w") as f:
            f.write(out)
    return rc, out


def units_of():
    """file -> proof unit, from proofs/units.tsv of the copy."""
    m = {}
    for line in open(os.path.join(BASE, "proofs", "units.tsv")):
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c for c in line.rstrip("\n").split("\t") if c]
        if len(cols) >= 3 and cols[2] != "lemmas":
            for d in cols[2].split():
                m[d] = cols[0]
    return m


def suite_failed(rc, out, suite):
    """A suite kills when make fails or its summary counts a failure."""
    last = [l for l in out.splitlines() if l.startswith(suite + ": ")]
    if rc != 0:
        return "exit %d%s" % (rc, " (timeout)" if rc == 124 else "")
    if not last:
        return "no summary line"
    parts = last[-1].split()
    try:
        if int(parts[3]) > 0:
            return last[-1]
    except (IndexError, ValueError):
        return "bad summary: " + last[-1]
    return None


def copy_tree(dst, with_sessions):
    if os.path.exists(dst):
        shutil.rmtree(dst)
    ign = None if with_sessions else shutil.ignore_patterns("sessions")
    shutil.copytree(BASE, dst, symlinks=True, ignore=ign)


# ---- the mutants ----------------------------------------------------------
sel = os.environ.get("MUTANTS", "").split()
known = {m["id"] for m in MT.M}
ids = [m["id"] for m in MT.M]
if len(ids) != len(known):
    die("duplicate mutant ids in tests/mutate/mutants.py")
for s in sel:
    if s not in known:
        die("unknown mutant %s (MUTANTS)" % s)
todo = [m for m in MT.M if not sel or m["id"] in sel]
if LIST:
    for m in todo:
        print("%-32s %-9s %-18s %s" % (m["id"], m["cat"], m["file"], m["what"]))
    print("%d mutants" % len(todo))
    sys.exit(0)

# ---- the unmutated copy -----------------------------------------------------
rev = subprocess.run(["git", "rev-parse", "--short", REV], cwd=ROOT, capture_output=True,
                     text=True).stdout.strip()
if not rev:
    die("cannot resolve %s in %s" % (REV, ROOT))
OVERLAY = os.environ.get("MUTATE_OVERLAY", "").split()
if any(o.startswith("core/") for o in OVERLAY):
    die("MUTATE_OVERLAY may not name core/ files")
BASE = os.path.join(WORK, "base-" + rev + ("-overlay" if OVERLAY else ""))
os.makedirs(WORK, exist_ok=True)
if not os.path.isdir(os.path.join(BASE, "core")):
    tmp = BASE + ".tmp"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    subprocess.run("git archive %s | tar -x -C %s" % (REV, tmp), shell=True, cwd=ROOT, check=True)
    os.rename(tmp, BASE)
for o in OVERLAY:
    shutil.copy2(os.path.join(ROOT, o), os.path.join(BASE, o))
print("mutate: %d mutants of %s (%s), copies under %s%s" %
      (len(todo), REV, rev, WORK, ", test-only (no proofs)" if TEST_ONLY else ""))

# every mutant must apply to the copy, before anything runs
stale = []
for m in todo:
    src = open(os.path.join(BASE, m["file"])).read()
    n = src.count(m["old"])
    if n != 1:
        stale.append("%s: `old` occurs %d times in %s" % (m["id"], n, m["file"]))
if stale:
    for s in stale:
        print("mutate: DOES NOT APPLY: " + s)
    die("%d mutant(s) no longer apply to %s: update tests/mutate/mutants.py" % (len(stale), REV))

UNIT = units_of()
if not TEST_ONLY:
    # the prover caches: committed ones come with the archive; add the
    # working tree's (cache entries are keyed by goal, extra ones are harmless)
    for u in sorted(set(UNIT.values())):
        c = os.path.join(ROOT, "proofs", "sessions", u, "cache")
        if os.path.isdir(c):
            d = os.path.join(BASE, "proofs", "sessions", u, "cache")
            os.makedirs(d, exist_ok=True)
            for f in os.listdir(c):
                if not os.path.exists(os.path.join(d, f)):
                    shutil.copy2(os.path.join(c, f), d)

ONLY_SUITES = os.environ.get("MUTATE_SUITES", "").split()   # development: these suites only
suites_of = lambda m: ONLY_SUITES or m["suites"] or MT.SUITES.get(m["file"], [])
need_suites = []
for m in todo:
    for s in suites_of(m):
        if s not in need_suites:
            need_suites.append(s)
logs = os.path.join(WORK, "logs")
os.makedirs(logs, exist_ok=True)

t0 = time.time()
rc, out = sh(["make", "-s", "--no-print-directory", "lib"], BASE, TIMEOUT,
             log=os.path.join(logs, "base-lib.log"))
if rc != 0:
    die("the unmutated copy does not build (%s)" % os.path.join(logs, "base-lib.log"))
bad_suites = set()
for s in need_suites:
    rc, out = sh(["make", "-s", "--no-print-directory", "suite-" + s], BASE, TIMEOUT,
                 log=os.path.join(logs, "base-suite-%s.log" % s))
    why = suite_failed(rc, out, s)
    if why:
        bad_suites.add(s)
        print("mutate: WARNING: suite %s fails on the unmutated tree (%s): it kills nothing" % (s, why))
bad_units = set()
if not TEST_ONLY:
    for u in sorted({UNIT[m["file"]] for m in todo if m["file"] in UNIT}):
        rc, out = sh(["bash", "proofs/prove.sh", "replay"], BASE, PROVE_TIMEOUT,
                     env={"UNITS": u}, log=os.path.join(logs, "base-prove-%s.log" % u))
        if rc != 0:
            bad_units.add(u)
            print("mutate: WARNING: unit %s does not prove on the unmutated tree (%s): "
                  "its mutants are judged by the tests only" % (u, os.path.join(logs, "base-prove-%s.log" % u)))
print("mutate: baseline done in %ds" % (time.time() - t0))

# ---- one mutant at a time ----------------------------------------------------
results = []
for i, m in enumerate(todo, 1):
    t1 = time.time()
    d = os.path.join(WORK, m["id"])
    copy_tree(d, with_sessions=not TEST_ONLY)
    path = os.path.join(d, m["file"])
    src = open(path).read()
    with open(path, "w") as f:
        f.write(src.replace(m["old"], m["new"], 1))
    later = time.time() + 2                 # newer than every object built from it
    os.utime(path, (later, later))
    verdict, by = "SURVIVED", ""
    unit = UNIT.get(m["file"])
    # a mutant must compile (the library's -Werror build): one that does
    # not is a broken mutant, not a kill
    rc, out = sh(["make", "-s", "--no-print-directory", "lib"], d, TIMEOUT,
                 log=os.path.join(logs, "%s.lib.log" % m["id"]))
    if rc != 0:
        err = [l.strip() for l in out.splitlines() if "error" in l][:1]
        verdict, by = "BUILD-ERROR", "; ".join(err)
        unit = None
    if not TEST_ONLY and unit and unit not in bad_units:
        lg = os.path.join(logs, "%s.prove.log" % m["id"])
        rc, out = sh(["bash", "proofs/prove.sh", "replay"], d, PROVE_TIMEOUT, env={"UNITS": unit}, log=lg)
        if rc != 0:
            goal = [l.strip() for l in out.splitlines()
                    if l.startswith("[wp] [") or "Proved goals" in l or "fewer" in l or "FAIL" in l]
            verdict, by = "killed-by-prove", "%s: %s" % (unit, "; ".join(goal[:3]) or "exit %d" % rc)
    if verdict == "SURVIVED":
        for s in suites_of(m):  # noqa: E741
            if s in bad_suites:
                continue
            lg = os.path.join(logs, "%s.%s.log" % (m["id"], s))
            rc, out = sh(["make", "-s", "--no-print-directory", "suite-" + s], d, TIMEOUT, log=lg)
            why = suite_failed(rc, out, s)
            if why:
                fails = [l.strip() for l in out.splitlines() if "FAIL" in l][:2]
                verdict, by = "killed-by-test", "%s: %s%s" % (s, why, (" | " + " | ".join(fails)) if fails else "")
                break
    if not KEEP:
        shutil.rmtree(d, ignore_errors=True)
    results.append((m, verdict, by))
    print("[%2d/%d] %-32s %-9s %-16s %s  (%ds)" % (i, len(todo), m["id"], m["cat"], verdict, by[:150],
                                                 time.time() - t1), flush=True)

# ---- summary ----------------------------------------------------------------------
n = len(results)
k = sum(1 for _, v, _ in results if v.startswith("killed"))
broken = [m["id"] for m, v, _ in results if v == "BUILD-ERROR"]
if broken:
    print("mutate: ERROR: %d mutant(s) do not compile (fix them in tests/mutate/mutants.py): %s"
          % (len(broken), " ".join(broken)))
p = sum(1 for _, v, _ in results if v == "killed-by-prove")
with open(os.path.join(WORK, "results.tsv"), "w") as f:
    for m, v, by in results:
        f.write("%s\t%s\t%s\t%s\n" % (m["id"], m["cat"], v, by))
print()
surv = [(m, by) for m, v, by in results if not v.startswith("killed")]
if surv:
    print("survivors:")
    for m, _ in surv:
        print("  %-32s %-9s %-18s %s" % (m["id"], m["cat"], m["file"], m["what"]))
if TEST_ONLY:
    print("mutants: %d/%d killed (test-only: make prove not run)" % (k, n))
else:
    print("mutants: %d/%d killed (%d by make prove alone)" % (k, n, p))
sys.exit(0 if k == n else 1)
