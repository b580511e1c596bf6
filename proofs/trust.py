#!/usr/bin/env python3
"""trust.py UNIT=REPORT... -- check the trusted base against Frama-C's own
report, and measure it.

Each REPORT is the text of `frama-c ... -then -report` for one proof unit
(the status of every property Frama-C knows).  From those reports:

  * every axiom Frama-C used ("[ Extern ] Axiom 'x'") and every function it
    used without a body (properties with status Extern) that no unit proves
    is the trusted base as Frama-C sees it.  It must equal the names listed
    in the `names` column of specs/TRUSTED.md: an entry missing from either
    side fails.
  * every function of the public headers (core/*.h; internal names hr__*
    and the hidden hr_sys_* / atomic accessors excepted) must have at least
    one postcondition proved Valid in some unit, be listed in TRUSTED.md, or
    be on the allow-list proofs/no_contract.txt (name and reason): a public
    function with RTE goals only fails.
  * no property of a function that some unit proves may be left with a
    status other than Valid in that unit.

Prints `Trusted base: N lines in K items` (N: non-blank, non-comment lines
of the code WP never sees plus the trusted contracts and axiomatic blocks;
K: rows of TRUSTED.md's first table) and `Trust check: ...`.
Exit 1 on any mismatch."""
import os, re, sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SIZE_ONLY = sys.argv[1:2] == ["--size"]     # print the size line only (README check)
reports = {} if SIZE_ONLY else dict(a.split("=", 1) for a in sys.argv[1:])
if SIZE_ONLY:                                # the checks need the reports: silence them
    import io
    REAL_STDOUT, sys.stdout = sys.stdout, io.StringIO()

# ---- Frama-C's view --------------------------------------------------------
axioms_used = set()
extern_fns = set()          # functions with an Extern (no body) property
valid_post = set()          # functions with a postcondition proved Valid
proved_fns = set()          # functions with a body proved in some unit
open_props = []             # non-Valid properties of functions proved somewhere
per_unit_fn_status = {}
framac_lib = set()          # functions of Frama-C's own library (FRAMAC_SHARE):
                            # the core calls none (freestanding, nm -u empty)
for unit, path in reports.items():
    if not os.path.exists(path):
        print("trust: no Frama-C report for unit %s (%s)" % (unit, path))
        sys.exit(1)
    fn = None
    for line in open(path, errors="replace"):
        m = re.match(r"\[\s*(\w[\w ]*?)\s*\] Axiom '(\w+)'", line)
        if m:
            if m.group(1) == "Extern":
                axioms_used.add(m.group(2))
            continue
        m = re.match(r"--- Properties of Function '(\w+)'", line)
        if m:
            fn = m.group(1)
            continue
        if line.startswith("--- "):
            fn = None
            continue
        if fn and "FRAMAC_SHARE" in line:
            framac_lib.add(fn)
        m = re.match(r"\[\s*([\w ]+?)\s*\] (.*)", line)
        if m and fn:
            status, what = m.group(1), m.group(2)
            per_unit_fn_status.setdefault((unit, fn), []).append((status, what))
            if status == "Extern":
                extern_fns.add(fn)
            if status == "Valid" and what.startswith("Post-condition"):
                valid_post.add(fn)

# A function is proved in a unit when its properties there were tried by WP
# (some status is Valid by Wp, none is Extern).
for (unit, fn), sts in per_unit_fn_status.items():
    kinds = {s for s, _ in sts}
    if "Extern" not in kinds and any(s == "Valid" and not w.startswith("Default behavior")
                                     for s, w in sts):
        proved_fns.add(fn)
for (unit, fn), sts in per_unit_fn_status.items():
    if fn in proved_fns and "Extern" not in {s for s, _ in sts}:
        for s, w in sts:
            if s not in ("Valid", "Never tried") and not w.startswith("Default behavior"):
                open_props.append("%s/%s: [%s] %s" % (unit, fn, s, w))
# compiler builtins Frama-C declares itself (__sync_synchronize, ...): the
# core never calls one (it is built with -fno-builtin, nm -u is empty)
framac_lib |= {f for f in extern_fns if f.startswith("__")}
trusted_by_framac = (extern_fns - proved_fns - framac_lib) | axioms_used

# ---- TRUSTED.md's view --------------------------------------------------------
md = open(os.path.join(ROOT, "specs", "TRUSTED.md")).read()
rows = []
for line in md.splitlines():
    m = re.match(r"\| ([AT]-[A-Z0-9]+) \| (.*?) \| (.*?) \| (.*?) \| (.*?) \|\s*$", line)
    if m:
        rows.append((m.group(1), m.group(3)))
listed = {}
for rid, names in rows:
    for n in re.findall(r"`(\w+)`", names):
        listed[n] = rid
kernel_rows = re.findall(r"^\| (K-[A-Z0-9]+) \|", md, re.M)

status = 0
missing_md = sorted(trusted_by_framac - set(listed))
missing_fc = sorted(set(listed) - trusted_by_framac)
if missing_md:
    status = 1
    print("TRUST: used by the proofs without a body, as an axiom or with an admitted "
          "(`admit`) property, but not in specs/TRUSTED.md: "
          + ", ".join(missing_md))
if missing_fc:
    status = 1
    print("TRUST: listed in specs/TRUSTED.md but not trusted by any proof unit "
          "(proved, renamed or unused?): " + ", ".join(missing_fc))
if open_props:
    status = 1
    print("TRUST: properties not proved (%d):" % len(open_props))
    for p in open_props[:20]:
        print("  " + p)

# ---- public functions without a contract ---------------------------------------
allow = {}
al_path = os.path.join(ROOT, "proofs", "no_contract.txt")
if os.path.exists(al_path):
    for line in open(al_path):
        line = line.strip()
        if line and not line.startswith("#"):
            name, _, why = line.partition(" ")
            allow[name] = why.strip()
INTERNAL = {"hr_compiler.h", "hr_errno.h", "hr_arch.h", "hr_sys.h", "hr_atomic.h"}
public = set()
core = os.path.join(ROOT, "core")
for f in sorted(os.listdir(core)):
    if not f.endswith(".h") or f in INTERNAL:
        continue
    text = open(os.path.join(core, f)).read()
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.S)
    text = re.sub(r"//[^\n]*", "", text)
    # a declaration or definition: `type hr_x(` on one line, or the name
    # at the start of a line under its return type (`static inline int` /
    # `hr_x(`)
    for m in re.finditer(r"^(?:[A-Za-z_][\w \t*]*?[ \t*])?(hr_[a-z0-9_]+)\s*\(", text, re.M):
        name = m.group(1)
        if not name.startswith("hr__"):
            public.add(name)
no_contract = sorted(n for n in public
                     if n not in valid_post and n not in listed and n not in allow)
if no_contract:
    status = 1
    print("TRUST: public functions without a proved postcondition (add a contract, or list "
          "them with a reason in proofs/no_contract.txt): " + ", ".join(no_contract))
stale_allow = sorted(n for n in allow if n in valid_post or n not in public)
if stale_allow:
    status = 1
    print("TRUST: proofs/no_contract.txt lists functions that are proved or do not exist: "
          + ", ".join(stale_allow))

# ---- tactics ------------------------------------------------------------------
# The tactic scripts (proofs/sessions/*/script) may use only the WP tactics
# named here, each checked to be sound for how we use it.  Excluded on
# purpose: Wp.overflow, whose "Lower" case in Frama-C 25 rewrites a
# conversion to an unsigned type with C's truncating '%' (it "proves"
# (uint32_t)-1 == -1).  A script using any other tactic fails here.
import json
TACTICS_OK = {"Wp.range", "Wp.modmask"}
def script_tactics(node, out):
    if isinstance(node, dict):
        if "tactic" in node:
            out.add(node["tactic"])
        for v in node.values():
            script_tactics(v, out)
    elif isinstance(node, list):
        for v in node:
            script_tactics(v, out)
used_tactics = {}
sessions = os.path.join(ROOT, "proofs", "sessions")
for unit_dir in sorted(os.listdir(sessions)) if os.path.isdir(sessions) else []:
    sdir = os.path.join(sessions, unit_dir, "script")
    if not os.path.isdir(sdir):
        continue
    for f in sorted(os.listdir(sdir)):
        if f.endswith(".json"):
            found = set()
            script_tactics(json.load(open(os.path.join(sdir, f))), found)
            for t in found:
                used_tactics.setdefault(t, []).append("%s/%s" % (unit_dir, f))
bad_tactics = sorted(set(used_tactics) - TACTICS_OK)
if bad_tactics:
    status = 1
    for t in bad_tactics:
        print("TRUST: tactic %s is not on the list of proofs/trust.py (TACTICS_OK): %s"
              % (t, ", ".join(used_tactics[t])))

# ---- size ---------------------------------------------------------------------
def code_lines(text):
    text = re.sub(r"/\*(?!@).*?\*/", "", text, flags=re.S)   # C comments, not ACSL
    n = 0
    for line in text.splitlines():
        s = line.strip()
        if s and not s.startswith("//") or s.startswith("//@"):
            n += 1
    return n

# Code WP never sees, found in the tree (no hand list):
#   * every region of a file under core/ that the preprocessor of a
#     Frama-C run drops because __FRAMAC__ is defined (`#ifndef __FRAMAC__`,
#     `#if !defined(__FRAMAC__) && ...`, the `#else` of `#ifdef __FRAMAC__`
#     or of `#if defined(__FRAMAC__) || ...`; any other test of __FRAMAC__
#     is an error here), the directive lines that delimit it excepted;
#   * every file under core/ that no proof unit parses (not among the
#     files `gcc -M -D__FRAMAC__` lists for the translation units of
#     proofs/units.tsv, as proofs/prove.sh hashes them) and that defines a
#     function named in TRUSTED.md: the whole file.
# A file no unit parses that defines no trusted function is code no proof
# relies on (unproved, not trusted): listed apart, not counted.
import subprocess

def strip_comments(text):
    """C comments (ACSL included) replaced by blanks, newlines kept."""
    return re.sub(r"/\*.*?\*/|//[^\n]*",
                  lambda m: re.sub(r"[^\n]", " ", m.group(0)), text, flags=re.S)

def framac_branch(expr, directive):
    """For a conditional that tests __FRAMAC__: is its first branch the one
    Frama-C sees (True) or the one it drops (False)?  None: no test."""
    if "__FRAMAC__" not in expr:
        return None
    e = re.sub(r"\s+", " ", expr).strip()
    if directive == "ifdef" and e == "__FRAMAC__":
        return True
    if directive == "ifndef" and e == "__FRAMAC__":
        return False
    if directive == "if":
        top_and = [t.strip() for t in e.split("&&")]
        top_or = [t.strip() for t in e.split("||")]
        neg = re.compile(r"^!\s*defined\s*\(?\s*__FRAMAC__\s*\)?$")
        pos = re.compile(r"^defined\s*\(?\s*__FRAMAC__\s*\)?$")
        if "||" not in e and any(neg.match(t) for t in top_and):
            return False
        if "&&" not in e and any(pos.match(t) for t in top_or):
            return True
    raise SystemExit("trust: cannot tell which branch Frama-C sees: #%s %s" % (directive, expr))

def hidden_lines_of(text):
    """Line numbers (0-based) of code in regions Frama-C's preprocessor drops."""
    lines = strip_comments(text).splitlines()
    stack = []            # per open conditional: [framac-related, branch hidden]
    hidden = []
    cont = ""
    for i, raw in enumerate(lines):
        line = cont + raw
        if line.rstrip().endswith("\\"):
            cont = line.rstrip()[:-1] + " "
            if any(h for _, h in stack):
                hidden.append(i)
            continue
        cont = ""
        m = re.match(r"\s*#\s*(ifdef|ifndef|if|elif|else|endif)\b(.*)", line)
        outer = any(h for _, h in stack)
        if m:
            d, expr = m.group(1), m.group(2)
            if d in ("if", "ifdef", "ifndef"):
                seen = framac_branch(expr, d)
                stack.append([seen is not None, seen is False])
            elif d == "elif":
                if stack[-1][0]:
                    raise SystemExit("trust: #elif after a test of __FRAMAC__")
                framac_branch(expr, "if") is None or sys.exit("trust: #elif tests __FRAMAC__")
            elif d == "else":
                if stack[-1][0]:
                    stack[-1][1] = not stack[-1][1]
            else:
                stack.pop()
            inner = any(h for _, h in stack)
            if outer and inner:           # a directive inside a hidden region
                hidden.append(i)
            continue
        if outer and line.strip():
            hidden.append(i)
    return hidden

def unit_files():
    parsed = set()
    for line in open(os.path.join(ROOT, "proofs", "units.tsv")):
        cols = re.split(r"\t+", line.rstrip("\n"))
        if len(cols) < 2 or not cols[0] or cols[0].startswith("#"):
            continue
        out = subprocess.run(["gcc", "-M", "-D__FRAMAC__", "-Icore", "-Ispecs", cols[1]],
                             cwd=ROOT, capture_output=True, text=True)
        if out.returncode != 0:
            raise SystemExit("trust: gcc -M failed on %s: %s" % (cols[1], out.stderr))
        for dep in out.stdout.replace("\\\n", " ").split()[1:]:
            parsed.add(os.path.relpath(os.path.normpath(os.path.join(ROOT, dep)), ROOT))
    return parsed

parsed = unit_files()
hidden_by_file = {}
unproved_files = []
for dirpath, _, files in sorted(os.walk(core)):
    for f in sorted(files):
        if not f.endswith((".c", ".h")):
            continue
        rel = os.path.relpath(os.path.join(dirpath, f), ROOT)
        text = open(os.path.join(ROOT, rel)).read()
        if rel in parsed:
            n = len(hidden_lines_of(text))
        else:
            defined = {m.group(1) for m in re.finditer(
                r"^[A-Za-z_][\w \t*]*?\b(\w+)\s*\([^;{]*$", strip_comments(text), re.M)}
            if not defined & set(listed):
                unproved_files.append(rel)
                continue
            n = code_lines(re.sub(r"/\*.*?\*/", "", text, flags=re.S))
        if n:
            hidden_by_file[rel] = n
hidden_lines = sum(hidden_by_file.values())
contract_lines = 0
counted_blocks = set()      # one axiomatic block holding two axioms counts once
specs = {f: open(os.path.join(ROOT, "specs", f)).read()
         for f in os.listdir(os.path.join(ROOT, "specs")) if f.endswith(".h")}
for name in sorted(listed):
    for f, text in sorted(specs.items()):
        # the ACSL block right before the declaration of `name`, or the
        # axiomatic block that holds axiom `name`
        m = re.search(r"/\*@((?:(?!\*/).)*?)\*/\s*(?:static\s+inline\s+)?[\w \t*]*\b%s\s*\(" % name,
                      text, re.S)
        if not m:
            m = re.search(r"axiomatic\s+\w+\s*\{(?:(?!\}).)*?\baxiom\s+%s\b(?:(?!\}).)*\}" % name,
                          text, re.S)
        if m:
            if (f, m.start()) not in counted_blocks:
                counted_blocks.add((f, m.start()))
                contract_lines += code_lines(m.group(1) if m.lastindex else m.group(0))
            break
    else:
        status = 1
        print("TRUST: no contract or axiom found in specs/ for trusted name %s" % name)
total_lines = hidden_lines + contract_lines
if SIZE_ONLY:
    sys.stdout = REAL_STDOUT
    print("Trusted base: %d lines in %d items" % (total_lines, len(rows)))
    sys.exit(0)
print()
print("Trusted base: %d lines in %d items (%d of code WP never sees: %s; %d of trusted "
      "contracts and axioms); %d kernel assumptions" %
      (total_lines, len(rows), hidden_lines,
       ", ".join("%s %d" % kv for kv in sorted(hidden_by_file.items())),
       contract_lines, len(kernel_rows)))
print("Not parsed by any proof unit and relied on by no proof (unproved, not trusted): "
      + ", ".join(unproved_files))
print("Trust check (Frama-C report vs specs/TRUSTED.md): %d axioms, %d body-less functions; %s"
      % (len(axioms_used), len(trusted_by_framac - axioms_used),
         "match" if not (missing_md or missing_fc) else "MISMATCH"))
print("Tactic scripts: %s" % (", ".join("%s x%d" % (t, len(v)) for t, v in
                                sorted(used_tactics.items())) or "none"))
print("Contracts: %d public functions, %d with a proved postcondition, %d trusted, %d allow-listed "
      "without a contract" % (len(public), len(public & valid_post),
                              len(public & set(listed)), len(public & set(allow))))
sys.exit(status)
