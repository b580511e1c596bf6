#!/usr/bin/env python3
"""tests/mutate/run.py [--test-only] [--list] -- the mutation suite (make mutate).

Applies each mutant of tests/mutate/mutants.py, ONE at a time, to a scratch
copy of the committed tree (git archive of MUTATE_REV, default HEAD, under
MUTATE_DIR, default /tmp/hringas-mutate; the working tree's core/ is never
touched), then
  (a) proves the mutant as `make prove` would: the proof ordering check
      (proofs/order/check.sh), then WP on the ONE function whose body the
      mutant changes (the unit of proofs/units.tsv whose `defs` name the
      file; same flags, provers, smoke tests and prover cache).  WP is
      modular -- a caller sees a function's contract, never its body -- so
      no other goal of the unit can change.  A first pass at MUTATE_QUICK
      seconds (default 10; no smoke tests, which pass MORE easily at a short
      timeout): if it proves everything, the function is re-run exactly as
      make prove runs it; else the goals it left are retried at the unit's
      own timeout, and one that still fails kills the mutant.  Fewer goals
      than the unmutated function has (the proved_goals gate) also kills.
      A kill by goals of tests/mutate/slow_goals.tsv only (goals near the
      timeout even unmutated) is confirmed alone at MUTATE_CONFIRM (4)
      times the timeout: if they hold, the tests judge the mutant.
      A mutant outside every function body (a macro, file scope) and
      MUTATE_PROVE=unit: the whole unit is replayed
          UNITS=<unit> bash proofs/prove.sh replay
      with the committed prover cache plus the working tree's;
      MUTATE_SCREEN=1 (development): the first pass only, no tests;
  (b) if the proof did not kill it, runs the host suites that exercise the
      file (make suite-X in the copy; no VM suites, no bench); a failing or
      hanging (MUTATE_TIMEOUT seconds, default 300) suite kills it.
Before the mutants, the same suites and `make prove` (replay: with the
committed results it takes a minute) are run on the unmutated copy; each
changed function's goal count (the gate a mutant must not fall below) comes
from the unit's result.  A suite, unit or function that already fails there
cannot kill anything and is reported (loudly) and left out.
Retries at the unit's timeout take MUTATE_CHUNK (default 3) of the
properties pass 1 left at a time; the first that fails kills the mutant.
MUTATE_JOBS (default 2) mutants are judged at once, each in its own copy
(Frama-C's VC generation is single-threaded); the suites run one at a time.
Every mutant must still apply: its `old` text must occur exactly once in its
file, else the run stops before doing anything (the code changed: update
tests/mutate/mutants.py).

Prints one line per mutant (killed-by-prove / killed-by-test / SURVIVED),
then `mutants: K/N killed (P by make prove alone)` and the survivors.
Exit 0 iff every mutant was killed.

Each verdict is also appended, as it is reached, to
tests/mutate/verdicts/<key>.tsv (MUTATE_VERDICTS=<dir>: elsewhere), <key> a hash of every file of MUTATE_REV the
verdict depends on (core/, specs/, harness/, tests/ but tests/mutate/,
proofs/ but the caches and logs, GNUmakefile), each line with a hash of
the mutant's own text; MUTATE_RESUME=1 takes the verdicts already there
(same content, same mutant) instead of judging those mutants again, so
that a run cut short (a session ends) goes on where it stopped, across
commits that change only other files; the summary says how many
verdicts came from the file.  A verdict of the proofs at a WP goal is also
appended to tests/mutate/verdicts/units.tsv with its proof unit and the
unit's key (proofs/prove.sh: the program as Frama-C parses it, options,
tools) and taken again while that key is the same, whatever else changed.

Options: MUTANTS="id1 id2" runs a subset; --test-only skips (a) (fast);
--list prints the mutants.  MUTATE_KEEP=1 keeps each mutant's copy.
MUTATE_OVERLAY="tests/sim_ring.c harness/live_core.c": those files are taken
from the working tree, not from MUTATE_REV (to try a new test before
committing it; never core/).  MUTATE_SUITES="sim": only these suites."""
import concurrent.futures, hashlib, json, os, re, shutil, subprocess, sys, tempfile, threading, time

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
RESUME = os.environ.get("MUTATE_RESUME", "") == "1"
SCREEN = os.environ.get("MUTATE_SCREEN", "") == "1"   # development: pass 1 of WP only
QUICK = int(os.environ.get("MUTATE_QUICK", "10"))   # first-pass WP timeout (0: none)
CHUNK = int(os.environ.get("MUTATE_CHUNK", "3"))    # properties retried per run
JOBS = int(os.environ.get("MUTATE_JOBS", "2"))      # mutants at once
MCACHE = os.environ.get("MUTATE_CACHE", os.path.join(HERE, "cache"))  # mutants' prover answers


def die(msg):
    print("mutate: ERROR: " + msg)
    sys.exit(2)


def sh(cmd, cwd, timeout, env=None, log=None, stop=None):
    """Run cmd (a list) niced in its own process group; (rc, output).
    rc 124: timed out (the whole group is killed).  stop: a compiled
    regex; the first output line it matches ends the run (the group is
    killed), rc 125.  The command gets a TMPDIR of its own, removed when it
    ends: a group killed by SIGKILL cleans nothing up itself (wp_frama_c's
    copy of fastpoll.ml, the provers' task files)."""
    e = dict(os.environ)
    for k in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS"):
        e.pop(k, None)
    if env:
        e.update(env)
    tmpdir = tempfile.mkdtemp(prefix="hr-mutate-sh.")
    e["TMPDIR"] = tmpdir
    p = subprocess.Popen(["nice", "-n", "10"] + cmd, cwd=cwd, env=e, stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, start_new_session=True)

    def kill():
        try:
            os.killpg(p.pid, 9)
        except OSError:
            pass
    timed_out = []
    timer = threading.Timer(timeout, lambda: (timed_out.append(1), kill()))
    timer.start()
    lines, rc = [], None
    for raw in p.stdout:
        lines.append(raw.decode("utf-8", "replace"))
        if stop is not None and stop.search(lines[-1]):
            kill()
            rc = 125
            break
    p.stdout.close()
    p.wait()
    timer.cancel()
    shutil.rmtree(tmpdir, ignore_errors=True)
    if rc is None:
        rc = 124 if timed_out else p.returncode
    out = "".join(lines)
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


def unit_line(unit):
    """(file, defs, flags) of a unit of proofs/units.tsv of the copy."""
    for line in open(os.path.join(BASE, "proofs", "units.tsv")):
        cols = [c for c in line.rstrip("\n").split("\t") if c]
        if len(cols) >= 4 and cols[0] == unit:
            return cols[1], cols[2], ("" if cols[3] == "-" else cols[3])
    return None


DEF_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_ *]*[ *]([a-z_][a-z0-9_]*)\(")


def enclosing_function(src, pos, length):
    """The function whose definition (first line at column 0, no ';', as
    proofs/prove.sh's defs() finds them) holds src[pos:pos+length] in its
    body, or None (a macro, a declaration, a contract, file scope)."""
    lines = src.split("\n")
    starts, off = [], 0
    for l in lines:
        starts.append(off)
        off += len(l) + 1
    for i in range(len(lines) - 1, -1, -1):
        if starts[i] > pos:
            continue
        m = DEF_RE.match(lines[i])
        if not m or ";" in lines[i]:
            continue
        # the body: from the first '{' after the definition line to its match
        b = src.find("{", starts[i])
        if b < 0:
            return None
        depth, j = 0, b
        while j < len(src):
            if src[j] == "{":
                depth += 1
            elif src[j] == "}":
                depth -= 1
                if depth == 0:
                    break
            j += 1
        if b <= pos and pos + length <= j + 1:
            return m.group(1)
        return None
    return None


BAD_RE = re.compile(r"^\[wp\] \[(?:Failed|Timeout|Unknown|Stepout)\] (?:Goal|Smoke-test) (\S+)",
                    re.M)


def wp_function(d, unit, fct, log, quick=None, props=None, smoke=True, first_fail=False):
    """WP on ONE function of a unit, as make prove runs that unit (same
    flags, provers, smoke tests, the committed prover cache): (rc, proved,
    total, names of the goals not proved).  WP is modular: a change inside
    the body of f changes only f's own goals (callers use f's contract), so
    this run decides what `make prove` would say of the unit's goals.
    quick=T: a first pass with timeout T (< the unit's) -- every goal it
    proves, make prove proves; props: only these properties (-wp-prop).
    New prover answers go to the copy's cache (-wp-cache update), so a
    second pass retries only what the first did not prove.  smoke=False:
    no smoke tests (a retry of named properties: the smoke tests are
    judged by the full run made when every property holds).
    first_fail: the run ends at the first goal not proved (rc 125, bad
    names that goal)."""
    file, _, flags = unit_line(unit)
    extra = ""
    if quick:        # smoke tests pass MORE easily at a short timeout: not here
        extra += " -wp-timeout %d" % quick
    # -wp-prop options add up: "-@lemma" (everything but the lemmas) plus a
    # name would still select every goal, so a retry names its properties only
    sel = ",".join(props) if props else "-@lemma"
    cmd = ("cd %s && . proofs/wpenv.sh && wp_frama_c $FC_PARSE %s $WP_COMMON -wp-cache update "
           "%s-wp-fct %s -wp-prop=%s -wp-prover $PROVERS %s%s "
           "-wp-session proofs/sessions/%s -wp-report-json %s.json" %
           (d, file, "" if (quick or not smoke) else "-wp-smoke-tests ", fct, sel, flags, extra,
            unit, log))
    rc, out = sh(["bash", "-c", cmd], d, PROVE_TIMEOUT, log=log,
                 stop=BAD_RE if first_fail else None)
    if rc == 125:
        return rc, -1, -1, [BAD_RE.search(out.splitlines()[-1]).group(1)]
    m = re.findall(r"Proved goals:\s*(\d+)\s*/\s*(\d+)", out)
    bad = BAD_RE.findall(out)
    if not m:
        return rc, -1, -1, bad
    return rc, int(m[-1][0]), int(m[-1][1]), bad


def section_goals(log):
    """function -> its number of goals, from the WP JSON report of a run."""
    try:
        fs = json.load(open(log + ".json"))["wp:functions"]
    except (OSError, ValueError, KeyError):
        return {}
    return {f: v.get("wp:section", {}).get("wp:main", {}).get("total", 0) for f, v in fs.items()}


def prop_of(goal, fct):
    """WP goal name -> its property name for -wp-prop (a named property:
    typed_<fct>_ensures_<name>, ..._assert_<name>, ..._loop_invariant_<name>),
    or None (an unnamed property: the whole function is re-run)."""
    g = re.sub(r"^typed_(ref_)?", "", goal)
    # WP names a goal after the function with each run of underscores
    # made one (hr__get_cqe's goals are typed_hr_get_cqe_...)
    f = re.sub(r"_+", "_", fct)
    if not g.startswith(f + "_"):
        return None
    g = g[len(f) + 1:]
    # an RTE guard (assert_rte_<kind>): its property names are "rte" and the
    # kind, so -wp-prop=<kind> selects the function's guards of that kind
    # (a superset: each of them is a goal of make prove too)
    m = re.match(r"assert_rte_([a-z_]+?)(?:_\d+)?$", g)
    if m:
        return m.group(1)
    for k in ("ensures_", "assert_", "check_ensures_", "check_", "loop_invariant_preserved_",
              "loop_invariant_established_", "loop_invariant_"):
        if g.startswith(k) and g[len(k):] and not g[len(k):].isdigit():
            name = g[len(k):]
            if k == "loop_invariant_":       # loop_invariant_<name>_preserved
                name = re.sub(r"_(preserved|established)$", "", name)
                if re.match(r"\d+$", name):
                    return None
            return re.sub(r"_\d+$", "", name)
    return None


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
    # working tree's and the mutants' own answers from earlier runs (MCACHE)
    # (cache entries are keyed by goal, extra ones are harmless)
    for u in sorted(set(UNIT.values())):
        d = os.path.join(BASE, "proofs", "sessions", u, "cache")
        for c in (os.path.join(ROOT, "proofs", "sessions", u, "cache"), os.path.join(MCACHE, u)):
            if os.path.isdir(c):
                os.makedirs(d, exist_ok=True)
                for f in os.listdir(c):
                    if not os.path.exists(os.path.join(d, f)):
                        shutil.copy2(os.path.join(c, f), d)
    BASE_CACHE = {u: set(os.listdir(os.path.join(BASE, "proofs", "sessions", u, "cache")))
                  for u in sorted(set(UNIT.values()))
                  if os.path.isdir(os.path.join(BASE, "proofs", "sessions", u, "cache"))}

ONLY_SUITES = os.environ.get("MUTATE_SUITES", "").split()   # development: these suites only
suites_of = lambda m: ONLY_SUITES or m["suites"] or MT.SUITES.get(m["file"], [])
need_suites = []
for m in ([] if SCREEN else todo):
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
# Where each mutant is proved: the one function whose body it changes
# (wp_function), or, for a change outside any function body (a macro, a
# contract, file scope) or with MUTATE_PROVE=unit, the whole unit replayed.
WHOLE = os.environ.get("MUTATE_PROVE", "fct") == "unit"
for m in todo:
    m["fct"] = None
    if not WHOLE and m["file"] in UNIT:
        src = open(os.path.join(BASE, m["file"])).read()
        m["fct"] = enclosing_function(src, src.index(m["old"]), len(m["old"]))
base_fct = {}     # (unit, fct) -> goals of the unmutated function (all proved)
if not TEST_ONLY:
    per_unit = {}
    for m in todo:
        if m["fct"]:
            per_unit.setdefault(UNIT[m["file"]], set()).add(m["fct"])
    # The baseline: `make prove` (replay) on the unmutated copy.  A unit it
    # ran and failed (proofs/logs/<unit>.status) kills nothing: its mutants
    # outside function bodies are judged by the tests only, its changed
    # functions are proved one by one below.  Every other unit's result
    # (proofs/results/<unit>.json: the committed one when its key matches
    # the copy, else the one this run made) gives each function's goals.
    failed_units = set()
    rc = 1
    if not SCREEN:
        rc, out = sh(["bash", "proofs/prove.sh", "replay"], BASE, PROVE_TIMEOUT,
                     log=os.path.join(logs, "base-prove.log"))
        if rc != 0:
            print("mutate: WARNING: make prove fails on the unmutated copy (%s)"
                  % os.path.join(logs, "base-prove.log"))
        for u in sorted(set(UNIT.values())):
            st = os.path.join(BASE, "proofs", "logs", u + ".status")
            if os.path.exists(st) and open(st).read().strip() != "ok":
                failed_units.add(u)
                bad_units.add(u)
                print("mutate: WARNING: unit %s does not prove on the unmutated tree: its "
                      "mutants outside function bodies are judged by the tests only" % u)
    ORDER_OK = rc == 0        # make prove includes the ordering check
    per_unit_todo = {}
    for u, fs in per_unit.items():
        goals = {} if (SCREEN or u in failed_units) else \
            section_goals(os.path.join(BASE, "proofs", "results", u))
        for f in fs:
            base_fct[(u, f)] = goals.get(f, 0)
            if goals.get(f, 0) <= 0:
                per_unit_todo.setdefault(u, set()).add(f)
    for u in ([] if SCREEN else sorted(per_unit_todo)):
        fs = ",".join(sorted(per_unit_todo[u]))
        lg = os.path.join(logs, "base-wp-%s.log" % u)
        rc, p, t, bad = wp_function(BASE, u, fs, lg)
        goals = section_goals(lg)
        for f in per_unit_todo[u]:
            base_fct[(u, f)] = goals.get(f, 0)
            if goals.get(f, 0) <= 0 or bad:
                bad_units.add((u, f))
                print("mutate: WARNING: %s of unit %s does not prove on the unmutated tree "
                      "(%s): its mutants are judged by the tests only" % (f, u, lg))
    if not ORDER_OK:
        rc, out = sh(["bash", "proofs/order/check.sh"], BASE, PROVE_TIMEOUT,
                     log=os.path.join(logs, "base-order.log"))
        ORDER_OK = rc == 0
    if not ORDER_OK:
        print("mutate: WARNING: the ordering check fails on the unmutated tree: it kills nothing")
print("mutate: baseline done in %ds" % (time.time() - t0))

def _prove_function(d, unit, fct, lg, hint=None):
    """The verdict of `make prove` on ONE function of a mutated copy.
    Pass 1 at QUICK s: if it proves everything, the function is run again
    exactly as make prove runs it (smoke tests, the unit's timeout); if not,
    exactly the goals it left are retried at the unit's timeout, the copy's
    cache holding the rest.  MUTATE_SCREEN: pass 1 only.
    hint: the properties that killed this same mutant on other content
    (another verdict file): they are tried first, alone, at the unit's
    timeout, and one that fails kills the mutant as it would in the full
    procedure (make prove runs that goal with the same flags and timeout);
    if they all hold, or no longer exist, the full procedure decides."""
    def fails_alone(props, tag):
        """props alone at the unit's timeout: the kill's description if
        one of them fails (make prove fails on it too), else None."""
        _, p2, t2, bad2 = wp_function(d, unit, fct, lg + tag, props=props, smoke=False)
        if t2 > 0 and p2 < t2:
            return "%s %s %d/%d: %s" % (unit, fct, p2, t2, " ".join((bad2 or props)[:2]))
        return None

    if hint and not SCREEN:
        why = fails_alone(hint, "h")
        if why:
            return "killed-by-prove", why + " (tried first: it killed this mutant on other content)"
    early = None
    if QUICK and not SCREEN:
        # pass 1 ends at the first goal it does not prove; that goal's
        # property alone at the unit's timeout: if it fails, make prove
        # fails on it too (the mutant is killed, the other goals need not
        # run); if it holds (or is unnamed), pass 1 runs in full below
        rc, p, t, bad = wp_function(d, unit, fct, lg, quick=QUICK, first_fail=True)
        if rc != 125:
            early = (rc, p, t, bad)          # pass 1 ran to its end: it is pass 1
        pr = prop_of(bad[0], fct) if (rc == 125 and bad) else None
        why = fails_alone([pr], "f") if pr else None
        if why:
            return "killed-by-prove", why
    rc, p, t, bad = early or wp_function(d, unit, fct, lg, quick=QUICK)
    if SCREEN:
        return ("screen-unproved" if (t <= 0 or p != t) else "screen-PROVED",
                "%s %s %d/%d %s" % (unit, fct, p, t, " ".join(bad[:2])))
    full = lg                  # the log of the run made as make prove runs it
    if t > 0 and QUICK:
        # the named properties left (an unnamed one -- an RTE guard, an
        # unnamed ensures -- cannot be selected: the function is re-run)
        props = sorted({prop_of(g, fct) for g in bad} - {None})
        if not props:
            rc, p, t, bad = wp_function(d, unit, fct, lg + "2")
            full = lg + "2"
        else:
            # the named properties left, CHUNK at a time at the unit's
            # timeout: the first one that still fails kills the mutant
            # (make prove would fail on it too); the rest need not be run
            failed = False
            for i in range(0, len(props), CHUNK):
                rc, p2, t2, bad2 = wp_function(d, unit, fct, lg + "2", props=props[i:i + CHUNK],
                                               smoke=False)
                if t2 <= 0:
                    # the names selected no goal ("No goal generated"), or
                    # no result: not a verdict -- the whole function decides
                    props = None
                    break
                if p2 != t2:
                    failed, bad = True, bad2 or props[i:i + CHUNK]
                    p = t - max(1, t2 - p2)
                    break
            if not failed:     # every goal held at the unit's timeout (or
                # the names selected nothing): the function as make prove runs it
                rc, p, t, bad = wp_function(d, unit, fct, lg + "3")
                full = lg + "3"
    if t <= 0:
        return "killed-by-prove", "%s %s: no WP result (exit %d)" % (unit, fct, rc)
    if p != t:
        return "killed-by-prove", "%s %s %d/%d: %s" % (unit, fct, p, t, " ".join(bad[:2]))
    n, base_n = section_goals(full).get(fct, 0), base_fct.get((unit, fct), 0)
    if n < base_n:
        return "killed-by-prove", "%s %s: %d goals < %d (the proved_goals gate)" % (unit, fct, n, base_n)
    return "SURVIVED", ""


# Goals of the unmutated tree that the provers need more than half of their
# unit's timeout for, alone (measured; tests/mutate/slow_goals.tsv): under
# the load of two mutants at once such a goal can time out although it
# still holds, and make prove (the units on their own) would prove it.  A
# kill by such goals only is confirmed: each alone, MUTATE_CONFIRM (default
# 4) times the unit's timeout; if they all hold, the proofs did not kill
# the mutant (a timeout is not a counterexample) and the tests judge it.
SLOW = set()
_sg = os.path.join(HERE, "slow_goals.tsv")
if os.path.exists(_sg):
    for _l in open(_sg):
        if _l.strip() and not _l.startswith("#"):
            SLOW.add(_l.split("\t")[0].strip())
CONFIRM = int(os.environ.get("MUTATE_CONFIRM", "4"))


def unit_timeout(unit):
    """The unit's -wp-timeout, else the default of proofs/wpenv.sh."""
    m = re.findall(r"-wp-timeout\s+(\d+)", unit_line(unit)[2])
    if not m:
        m = re.findall(r"WP_TIMEOUT:-(\d+)", open(os.path.join(ROOT, "proofs", "wpenv.sh")).read())
    return int(m[-1])


def prove_function(d, unit, fct, lg, hint=None):
    """_prove_function, with a kill by slow goals only confirmed (SLOW)."""
    verdict, why = _prove_function(d, unit, fct, lg, hint)
    goals = re.findall(r"\btyped_\w+", why)
    count = re.search(r" (\d+)/(\d+): ", why)      # every goal not proved is named
    if (verdict != "killed-by-prove" or not goals or not all(g in SLOW for g in goals)
            or not count or int(count.group(2)) - int(count.group(1)) != len(goals)):
        return verdict, why
    props = {prop_of(g, fct) for g in goals}
    if None in props:
        return verdict, why
    props = sorted(props)
    lim = CONFIRM * unit_timeout(unit)
    _, p, t, _ = wp_function(d, unit, fct, lg + "c", quick=lim, props=props, smoke=False)
    if t > 0 and p == t:
        return "SURVIVED", ""     # the tests decide; the note says why
    return verdict, why + " (confirmed alone at %d s)" % lim


# ---- the mutants' prover answers -------------------------------------------
def keep_answers(d, unit):
    """The prover answers WP cached while judging a mutant in copy d (its
    goals are new: the mutant's VCs), kept in MCACHE/<unit> (committed:
    tests/mutate/cache/) and given to every later copy.  A cache entry is
    keyed by the goal's text, prover and limits, as WP keys its own cache,
    so an answer is taken again only for the very same VC: after a change
    elsewhere (a contract the mutated function does not use, another
    function's body), re-judging a mutant costs WP's VC generation, not
    the provers' timeouts again."""
    c = os.path.join(d, "proofs", "sessions", unit, "cache")
    if not os.path.isdir(c):
        return
    dst = os.path.join(MCACHE, unit)
    with PRINT_LOCK:
        os.makedirs(dst, exist_ok=True)
        for f in os.listdir(c):
            if f not in BASE_CACHE.get(unit, ()) and not os.path.exists(os.path.join(dst, f)):
                shutil.copy2(os.path.join(c, f), dst)


# ---- one mutant at a time ----------------------------------------------------
TEST_LOCK = threading.Lock()   # the suites run one at a time (live kernel resources)
PRINT_LOCK = threading.Lock()


def one(i, m):
    """Apply mutant m to its own copy, judge it; (m, verdict, by)."""
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
    if not TEST_ONLY and unit and m["fct"] and (unit, m["fct"]) not in bad_units:
        # make prove = WP on every unit + the ordering check (+ the trust
        # check, which reads contracts and hidden code, not bodies)
        rc, out = sh(["bash", "proofs/order/check.sh"], d, PROVE_TIMEOUT,
                     log=os.path.join(logs, "%s.order.log" % m["id"]))
        if ORDER_OK and rc != 0:
            bad = [l.strip() for l in out.splitlines() if "mismatch" in l or "FAIL" in l or "ordering:" in l]
            verdict, by = "killed-by-prove", "ordering: " + "; ".join(bad[:2])
        else:
            verdict, by = prove_function(d, unit, m["fct"],
                                         os.path.join(logs, "%s.prove.log" % m["id"]),
                                         hint=HINTS.get((m["id"], mutant_key(m))))
    elif not TEST_ONLY and unit and not m["fct"] and unit not in bad_units and not SCREEN:
        lg = os.path.join(logs, "%s.prove.log" % m["id"])
        rc, out = sh(["bash", "proofs/prove.sh", "replay"], d, PROVE_TIMEOUT, env={"UNITS": unit}, log=lg)
        if rc != 0:
            goal = [l.strip() for l in out.splitlines()
                    if l.startswith("[wp] [") or "Proved goals" in l or "fewer" in l or "FAIL" in l]
            verdict, by = "killed-by-prove", "%s: %s" % (unit, "; ".join(goal[:3]) or "exit %d" % rc)
    elif SCREEN and unit and not m["fct"] and verdict == "SURVIVED":
        verdict, by = "screen-skipped", "outside a function body: make mutate replays unit " + unit
    if verdict == "SURVIVED" and not SCREEN:
        for s in suites_of(m):  # noqa: E741
            if s in bad_suites:
                continue
            lg = os.path.join(logs, "%s.%s.log" % (m["id"], s))
            with TEST_LOCK:
                rc, out = sh(["make", "-s", "--no-print-directory", "suite-" + s], d, TIMEOUT, log=lg)
            why = suite_failed(rc, out, s)
            if why:
                fails = [l.strip() for l in out.splitlines() if "FAIL" in l][:2]
                verdict, by = "killed-by-test", "%s: %s%s" % (s, why, (" | " + " | ".join(fails)) if fails else "")
                break
    if unit and not TEST_ONLY:
        keep_answers(d, unit)
    if not KEEP:
        shutil.rmtree(d, ignore_errors=True)
    with PRINT_LOCK:
        print("[%2d/%d] %-32s %-9s %-16s %s  (%ds)" % (i, len(todo), m["id"], m["cat"], verdict, by[:150],
                                                     time.time() - t1), flush=True)
    return m, verdict, by


def content_key(r):
    """What a verdict depends on, as a hash: every file of REV under core/,
    specs/, harness/, tests/ (but tests/mutate/, the judge and the list) and
    proofs/ (but the prover caches and logs), and GNUmakefile.  Two
    revisions that differ only elsewhere (README, CHANGELOG, this script)
    give every mutant the same verdict."""
    out = subprocess.run(["git", "ls-tree", "-r", r, "--", "core", "specs", "harness", "tests",
                          "proofs", "GNUmakefile"], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout
    keep = [l for l in out.splitlines()
            if not re.search(r"\t(tests/mutate/|proofs/(sessions|logs|cache)/)", l)]
    return hashlib.sha1("\n".join(keep).encode()).hexdigest()[:12]


def mutant_key(m):
    return hashlib.sha1(("%s\0%s\0%s" % (m["file"], m["old"], m["new"])).encode()).hexdigest()[:10]


# verdicts reached by an earlier run on the same content (MUTATE_RESUME=1):
# same files (content_key) and the same mutant text (mutant_key)
CKEY = content_key(REV)
if OVERLAY:     # files from the working tree: their content is part of the key
    h = hashlib.sha1(CKEY.encode())
    for o in OVERLAY:
        h.update(("\0%s\0" % o).encode() + open(os.path.join(ROOT, o), "rb").read())
    CKEY = h.hexdigest()[:12] + "-overlay"
# in the repository (committed as they are reached, so that a run cut short
# survives the machine it ran on); MUTATE_VERDICTS=<dir> elsewhere
VDIR = os.environ.get("MUTATE_VERDICTS", os.path.join(HERE, "verdicts"))
os.makedirs(VDIR, exist_ok=True)
VERDICTS = os.path.join(VDIR, "%s%s.tsv" % (CKEY, "-test-only" if TEST_ONLY else ""))
earlier = {}
if RESUME and os.path.exists(VERDICTS):
    for line in open(VERDICTS):
        c = line.rstrip("\n").split("\t")
        if len(c) == 5 and c[2] != "BUILD-ERROR":
            earlier[(c[0], c[4])] = (c[2], c[3])
# A verdict of the proofs at a WP goal depends only on its proof unit's
# inputs: it is taken again, whatever else changed, while the unit's key is
# the same (proofs/prove.sh: the program as Frama-C parses it, the options,
# the tools; the baseline's make prove leaves it in proofs/results/).
# Kept in units.tsv with the unit and its key; not the ordering kills,
# which read core/ beyond the unit.
UNIT_KEYS = {}
if not TEST_ONLY:
    for u in set(UNIT.values()):
        kf = os.path.join(BASE, "proofs", "results", u + ".key")
        if u not in bad_units and os.path.exists(kf):
            UNIT_KEYS[u] = open(kf).read().strip()
UVERDICTS = os.path.join(VDIR, "units.tsv")
by_id = {m["id"]: m for m in todo}
if RESUME and os.path.exists(UVERDICTS) and not TEST_ONLY:
    for line in open(UVERDICTS):
        c = line.rstrip("\n").split("\t")
        m = by_id.get(c[0]) if len(c) == 7 else None
        if (m and c[2] == "killed-by-prove" and mutant_key(m) == c[4] and
                UNIT.get(m["file"]) == c[5] and UNIT_KEYS.get(c[5]) == c[6]):
            earlier.setdefault((c[0], c[4]), (c[2], c[3]))
reused = [m for m in todo if (m["id"], mutant_key(m)) in earlier]
# hints: the named properties that killed the same mutant (same text) on
# other content, from the other verdict files; tried first (prove_function)
HINTS = {}
for vf in sorted(os.listdir(VDIR)):
    if not vf.endswith(".tsv") or "test-only" in vf or os.path.join(VDIR, vf) == VERDICTS:
        continue
    for line in open(os.path.join(VDIR, vf)):
        c = line.rstrip("\n").split("\t")
        if len(c) != 5 or c[2] != "killed-by-prove" or ": " not in c[3]:
            continue
        fct = c[3].split()[1] if len(c[3].split()) > 1 else ""
        for tok in c[3].split(": ", 1)[1].split():
            pr = prop_of(tok, fct) if tok.startswith("typed_") else None
            if pr:
                HINTS.setdefault((c[0], c[4]), set()).add(pr)
HINTS = {k: sorted(v) for k, v in HINTS.items()}
if reused:
    print("mutate: %d verdict(s) taken from %s (MUTATE_RESUME: same content as %s) and %s "
          "(same proof unit inputs)" % (len(reused), VERDICTS, rev, UVERDICTS))


def judged(im):
    i, m = im
    mk = mutant_key(m)
    if (m["id"], mk) in earlier:
        v, by = earlier[(m["id"], mk)]
        with PRINT_LOCK:
            print("[%2d/%d] %-32s %-9s %-16s %s  (earlier run)" % (i, len(todo), m["id"], m["cat"], v,
                                                                   by[:150]), flush=True)
        return m, v, by
    m, v, by = one(i, m)
    if SCREEN or ONLY_SUITES:       # development runs: not make mutate's verdict
        return m, v, by
    line = "%s\t%s\t%s\t%s\t%s" % (m["id"], m["cat"], v, by.replace("\t", " ").replace("\n", " "), mk)
    u = UNIT.get(m["file"])
    with PRINT_LOCK:
        with open(VERDICTS, "a") as f:
            f.write(line + "\n")
        if v == "killed-by-prove" and not by.startswith("ordering") and u in UNIT_KEYS:
            with open(UVERDICTS, "a") as f:
                f.write("%s\t%s\t%s\n" % (line, u, UNIT_KEYS[u]))
    return m, v, by


# MUTATE_JOBS mutants at once (each in its own copy; the suites one at a time)
with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, JOBS)) as ex:
    results = list(ex.map(judged, enumerate(todo, 1)))

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
    gate = sum(1 for _, v, by in results if v == "killed-by-prove" and "proved_goals gate" in by)
    print("mutants: %d/%d killed (%d by make prove alone, %d of them only by the goal-count "
          "gate: every goal of the mutant proved, fewer goals)" % (k, n, p, gate))
if reused:
    print("mutate: %d of the %d verdicts were reached by an earlier run on the same content "
          "(%s) or, for a proof's verdict, the same proof-unit inputs (%s)"
          % (len(reused), n, VERDICTS, UVERDICTS))
sys.exit(0 if k == n else 1)
