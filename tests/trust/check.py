#!/usr/bin/env python3
"""check.py -- suite `trust`: proofs/trust.py fails on each way the trusted
base or the contract rule can go wrong, and passes on the tree as it is.

Each case copies what trust.py reads (core/, specs/, proofs/trust.py,
proofs/no_contract.txt, proofs/units.tsv, proofs/units/, the tactic
scripts of proofs/sessions and the committed Frama-C reports
proofs/results/*.report) into a temporary tree, changes one thing, and runs
trust.py there on those reports.  No WP run: the reports stand for
Frama-C's view (`make prove` writes them), so a case that edits a header
also edits the report where Frama-C's view would change.
Prints `trust: N passed, N failed, 0 skipped`; exit 1 on any failure."""
import os, re, shutil, subprocess, sys, tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
UNITS = [l.split("\t")[0] for l in open(os.path.join(ROOT, "proofs", "units.tsv"))
         if l.strip() and not l.startswith("#")]

def make_tree(dst):
    for d in ("core", "specs", "proofs/units"):
        shutil.copytree(os.path.join(ROOT, d), os.path.join(dst, d))
    for f in ("proofs/trust.py", "proofs/no_contract.txt", "proofs/units.tsv"):
        shutil.copy(os.path.join(ROOT, f), os.path.join(dst, f))
    sess = os.path.join(ROOT, "proofs", "sessions")
    for u in os.listdir(sess):
        s = os.path.join(sess, u, "script")
        if os.path.isdir(s):
            shutil.copytree(s, os.path.join(dst, "proofs", "sessions", u, "script"))
    os.makedirs(os.path.join(dst, "proofs", "results"))
    for u in UNITS:
        shutil.copy(os.path.join(ROOT, "proofs", "results", u + ".report"),
                    os.path.join(dst, "proofs", "results", u + ".report"))

def edit(path, fn):
    with open(path) as f:
        s = f.read()
    t = fn(s)
    assert t != s, "case did not change %s" % path
    with open(path, "w") as f:
        f.write(t)

def run(tree):
    args = ["%s=%s" % (u, os.path.join(tree, "proofs", "results", u + ".report")) for u in UNITS]
    p = subprocess.run([sys.executable, os.path.join(tree, "proofs", "trust.py")] + args,
                       capture_output=True, text=True)
    return p.returncode, p.stdout + p.stderr

# ---- the cases: (name, expected exit, expected text, change) ----------------
def drop_row(rid):
    def f(tree):
        edit(os.path.join(tree, "specs", "TRUSTED.md"),
             lambda s: "".join(l for l in s.splitlines(True) if not l.startswith("| %s |" % rid)))
    return f

def extra_axiom(tree):
    # an axiom in a spec header and Frama-C's report of its use
    with open(os.path.join(tree, "specs", "hr_evil.h"), "w") as f:
        f.write("/*@ axiomatic Evil { axiom evil: \\false; } */\n")
    edit(os.path.join(tree, "proofs", "results", "bufring.report"),
         lambda s: "[ Extern  ] Axiom 'evil'\n" + s)

def bodyless(tree):
    # a function used without a body (an Extern property) that TRUSTED.md omits
    edit(os.path.join(tree, "proofs", "results", "bufring.report"),
         lambda s: s + "\n--- Properties of Function 'hr__evil'\n----\n\n"
                       "[ Extern  ] Post-condition 'evil'\n")

def new_fn(text):
    # a public header of its own (trust.py reads every core/*.h)
    def f(tree):
        with open(os.path.join(tree, "core", "hr_evil.h"), "w") as fh:
            fh.write("#ifndef HR_EVIL_H\n#define HR_EVIL_H\n#include \"hr_ring.h\"\n"
                     + text + "#endif\n")
    return f

def stale_allow(tree):
    edit(os.path.join(tree, "proofs", "no_contract.txt"),
         lambda s: s + "hr_no_such_function listed by mistake\n")

def proved_allow(tree):
    edit(os.path.join(tree, "proofs", "no_contract.txt"),
         lambda s: s + POST_FN + " proved, so it may not be listed\n")

# the first postcondition proved Valid in unit bufring's report, and its function
VALID_POST = re.compile(r"--- Properties of Function '(hr_\w+)'\n(?:(?!--- ).*\n)*?"
                        r"(\[  Valid  \] Post-condition .*\n\s+by Wp\.typed\.)")
BUFRING_REPORT = os.path.join(ROOT, "proofs", "results", "bufring.report")
FIRST = VALID_POST.search(open(BUFRING_REPORT).read())
POST_FN = FIRST.group(1) if FIRST else "(none)"

def post_to(new_text):
    # replace that postcondition's status lines in the copy
    def f(tree):
        def sub(s):
            m = VALID_POST.search(s)
            return s[:m.start(2)] + new_text(m.group(2)) + s[m.end(2):]
        edit(os.path.join(tree, "proofs", "results", "bufring.report"), sub)
    return f

# `admit ensures` on a proved function: Frama-C reports the clause Extern
admitted = post_to(lambda t: t.replace("[  Valid  ]", "[ Extern  ]").replace(
    "by Wp.typed.", "Unverifiable but considered Valid."))
# a property of a proved function left Unknown
unproved_prop = post_to(lambda t: t.replace("[  Valid  ]", "[ Unknown ]"))

def bad_tactic(tree):
    d = os.path.join(tree, "proofs", "sessions", "bufring", "script")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "hr_evil_ensures.json"), "w") as f:
        f.write('[ { "header": "Overflow", "tactic": "Wp.overflow", "params": {},'
                ' "select": {}, "children": {} } ]\n')

md = open(os.path.join(ROOT, "specs", "TRUSTED.md")).read()
ROWS = re.findall(r"^\| ([AT]-[A-Z0-9]+) \|", md, re.M)
CASES = [("tree as committed", 0, "; match", lambda tree: None)]
CASES += [("TRUSTED.md without row %s" % r, 1, "not in specs/TRUSTED.md", drop_row(r)) for r in ROWS]
CASES += [
    ("unlisted axiom", 1, "not in specs/TRUSTED.md: evil", extra_axiom),
    ("unlisted body-less function", 1, "not in specs/TRUSTED.md: hr__evil", bodyless),
    ("public function without contract", 1, "without a proved postcondition",
     new_fn("static inline uint32_t hr_buf_ring_low(uint32_t x)\n{\n    return x & 7u;\n}\n\n")),
    ("public function without contract, type on its own line", 1, "hr_buf_ring_low",
     new_fn("static inline uint32_t\nhr_buf_ring_low(uint32_t x)\n{\n    return x & 7u;\n}\n\n")),
    ("public function with pointer return type", 1, "hr_buf_ring_first",
     new_fn("static inline struct hr_buf *hr_buf_ring_first(struct hr_buf_ring_state *s)\n"
            "{\n    return s->bufs;\n}\n\n")),
    ("public prototype without contract", 1, "hr_ring_memory_evil",
     new_fn("long hr_ring_memory_evil(uint32_t entries);\n")),
    ("allow-list names a missing function", 1, "proved or do not exist: hr_no_such_function",
     stale_allow),
    ("allow-list names a proved function", 1, "proved or do not exist: " + POST_FN,
     proved_allow),
    ("admitted postcondition", 1, "not in specs/TRUSTED.md: " + POST_FN, admitted),
    ("property of a proved function not Valid", 1, "properties not proved", unproved_prop),
    ("tactic outside TACTICS_OK", 1, "tactic Wp.overflow", bad_tactic),
]

passed = failed = 0
for name, want_rc, want_text, change in CASES:
    tree = tempfile.mkdtemp(prefix="hr-trust.")
    try:
        make_tree(tree)
        change(tree)
        rc, out = run(tree)
        ok = rc == want_rc and want_text in out
    except Exception as e:          # a case that cannot be set up fails
        ok, rc, out = False, None, repr(e)
    finally:
        shutil.rmtree(tree, ignore_errors=True)
    if ok:
        passed += 1
        print("ok   %s" % name)
    else:
        failed += 1
        print("FAIL %s: exit %s (want %d), want %r in:\n%s" % (name, rc, want_rc, want_text,
              "\n".join("     " + l for l in out.splitlines()[-8:])))
print("trust: %d passed, %d failed, 0 skipped" % (passed, failed))
sys.exit(1 if failed else 0)
