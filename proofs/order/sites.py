#!/usr/bin/env python3
"""proofs/order/sites.py -- tie the ordering model to the C code.

Scans the C files of core/ for every access to a kernel-shared word:
calls of hr_load_acquire, hr_store_release(16),
hr_fence_full, any __atomic/__sync builtin outside hr_atomic.h,
(IO_URING_)READ_ONCE/WRITE_ONCE, accesses inside #define bodies, and plain
(or volatile) accesses to the SQ/CQ head, tail, flags, overflow words, the
SQ array, the buffer-ring tail and entries and the ring geometry words.
A site is keyed by (file, function, accessor, word) -- never by line
number -- and counted.  Compares the sites with proofs/order/sites.tsv
(every site of the code must be a row, every row must be in the code, with
the same count, and its `after` regex must match earlier in the same
function), and derives the model's ordering switches (-DORD_... for
ring.pml) from the CODE, so a weakened ordering is model-checked as it is.

    sites.py CORE_DIR ORDER_DIR [--trusted specs/TRUSTED.md [--write]]
Prints diagnostics on stderr, the -D flags on stdout; exit 1 on mismatch.
"""
import os
import re
import sys

ACCESSORS = ("hr_load_acquire", "hr_store_release16",
             "hr_store_release", "hr_fence_full")
KIND = {"hr_load_acquire": "acquire",
        "hr_store_release16": "release16", "hr_store_release": "release",
        "hr_fence_full": "fence"}
# shared-word expressions (field of struct hr_ring or of a buffer ring)
WORDS = [
    (re.compile(r"(?:->|\.)sq\.khead\b"), "SQ head"),
    (re.compile(r"(?:->|\.)sq\.ktail\b"), "SQ tail"),
    (re.compile(r"(?:->|\.)sq\.kflags\b"), "SQ flags"),
    (re.compile(r"(?:->|\.)sq\.array\b"), "SQ array"),
    (re.compile(r"(?:->|\.)cq\.khead\b"), "CQ head"),
    (re.compile(r"(?:->|\.)cq\.ktail\b"), "CQ tail"),
    (re.compile(r"(?:->|\.)cq\.kflags\b"), "CQ flags"),
    (re.compile(r"(?:->|\.)cq\.koverflow\b"), "CQ overflow"),
    (re.compile(r"\[\s*0\s*\]\s*\.\s*resv\b"), "buffer-ring tail"),
    (re.compile(r"\bbufs\s*\[[^\]]*\]\s*\.\s*(?:addr|len|bid)\b"), "buffer-ring entry"),
]
# a volatile read of a ring word through a byte pointer of struct
# hr_ring_bytes (a cast to volatile), and a plain read of one as bytes
# (geo_word(), core/setup.c)
VOLATILE_MEMBER = re.compile(r"\*\s*\(\s*volatile[^)]*\)\s*\w+\s*(?:\.|->)\s*((?:sq|cq)_\w+)")
GEO_WORD = re.compile(r"\bgeo_word\s*\(\s*\w+\s*(?:\.|->)\s*((?:sq|cq)_\w+)")
ALIAS_DECL = [
    # uint32_t *const array = r->sq.array;
    (re.compile(r"\*\s*(?:const\s+)?(\w+)\s*=\s*\w+\s*->\s*sq\.array\b"), "SQ array"),
    # struct hr_buf *const b = &s->bufs[i];
    (re.compile(r"\*\s*(?:const\s+)?(\w+)\s*=\s*&\s*\w+\s*->\s*bufs\s*\["), "buffer-ring entry"),
]


def strip_comments(src):
    """Blank out comments (ACSL included) and string literals, keep newlines."""
    out, i, n = [], 0, len(src)
    while i < n:
        if src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", " ", src[i:j])); i = j
        elif src.startswith("//", i):
            j = src.find("\n", i)
            j = n if j < 0 else j
            out.append(" " * (j - i)); i = j
        elif src[i] == '"':
            j = i + 1
            while j < n and src[j] != '"':
                j += 2 if src[j] == "\\" else 1
            out.append('"' + " " * (j - i - 1) + '"'); i = j + 1
        else:
            out.append(src[i]); i += 1
    return "".join(out)


def functions(text):
    """(name, body_start, body_end) of every function definition."""
    res, depth, i, n = [], 0, 0, len(text)
    while i < n:
        c = text[i]
        if c == "{":
            if True:                      # any depth: extern "C" { ... } blocks
                k = i - 1
                while k >= 0 and text[k].isspace():
                    k -= 1
                if k >= 0 and text[k] == ")":
                    # matching '(' of the parameter list, then the name
                    d, m = 0, k
                    while m >= 0:
                        if text[m] == ")":
                            d += 1
                        elif text[m] == "(":
                            d -= 1
                            if d == 0:
                                break
                        m -= 1
                    nm = re.search(r"(\w+)\s*$", text[:m])
                    name = nm.group(1) if nm else "?"
                    # find the end of the body
                    d, j = 0, i
                    while j < n:
                        if text[j] == "{":
                            d += 1
                        elif text[j] == "}":
                            d -= 1
                            if d == 0:
                                break
                        j += 1
                    res.append((name, i, j))
                    i = j + 1
                    continue
            depth += 1
        elif c == "}":
            depth -= 1
        i += 1
    return res


def macros(text, funcs):
    """(name, start, end) of every #define body outside a function: an
    access in a macro is attributed to the macro's name."""
    res = []
    for m in re.finditer(r"^[ \t]*#[ \t]*define[ \t]+(\w+)(?:\([^)]*\))?((?:[^\n]*\\\n)*[^\n]*)",
                         text, re.M):
        if not any(a <= m.start() <= b for _, a, b in funcs):
            res.append((m.group(1), m.start(2), m.end(2)))
    return res


def close_paren(text, i):
    """index of the ')' matching the '(' at i"""
    d = 0
    for j in range(i, len(text)):
        if text[j] == "(":
            d += 1
        elif text[j] == ")":
            d -= 1
            if d == 0:
                return j
    return len(text)


def first_arg(s):
    d = 0
    for j, c in enumerate(s):
        if c in "([":
            d += 1
        elif c in ")]":
            d -= 1
        elif c == "," and d == 0:
            return s[:j]
    return s


def word_of(expr, aliases):
    for rx, w in WORDS:
        if rx.search(expr):
            return w
    for a, w in aliases.items():
        if re.search(r"\b%s\b" % re.escape(a), expr):
            return w
    return "?(%s)" % " ".join(expr.split())


def is_store(text, end):
    """is the lvalue ending at `end` assigned (=, op=, ++, --)?"""
    rest = text[end:end + 64]
    return bool(re.match(r"\s*(=(?!=)|[-+*/|&^]=|<<=|>>=|\+\+|--)", rest))


def scan_file(path, rel):
    src = open(path, encoding="utf-8", errors="replace").read()
    text = strip_comments(src)
    sites = []
    line = lambda pos: text.count("\n", 0, pos) + 1
    funcs = functions(text)
    for name, b0, b1 in funcs + macros(text, funcs):
        if os.path.basename(path) == "hr_atomic.h" and name in ACCESSORS:
            continue                               # the accessors' own bodies
        body = text[b0:b1 + 1]
        covered = []                               # spans of accessor arguments
        aliases = {}
        for rx, w in ALIAS_DECL:
            for m in rx.finditer(body):
                aliases[m.group(1)] = w
                covered.append((m.start(), m.end()))
        for m in re.finditer(r"\b(%s|__atomic_\w+|__sync_\w+|(?:IO_URING_)?(?:READ|WRITE)_ONCE)\s*\("
                             % "|".join(ACCESSORS), body):
            fn = m.group(1)
            op = m.end() - 1
            cp = close_paren(body, op)
            arg = first_arg(body[op + 1:cp])
            covered.append((op, cp))
            kind = KIND.get(fn, "read-once" if fn.endswith("READ_ONCE") else
                            "write-once" if fn.endswith("WRITE_ONCE") else fn)
            word = "-" if kind == "fence" else word_of(arg, aliases)
            if (fn.startswith("__") or fn.endswith("_ONCE")) and word.startswith("?"):
                word = "?(%s)" % fn
            sites.append(dict(file=rel, func=name, acc=kind, word=word,
                              pos=b0 + m.start(), line=line(b0 + m.start()), body=body,
                              rel=m.start()))
        inside = lambda p: any(a <= p <= b for a, b in covered)
        # volatile reads of the geometry words (bind.c)
        for rx, acc in ((VOLATILE_MEMBER, "volatile-load"), (GEO_WORD, "plain-load")):
            for m in rx.finditer(body):
                covered.append((m.start(), m.end()))
                sites.append(dict(file=rel, func=name, acc=acc,
                                  word="ring geometry", pos=b0 + m.start(),
                                  line=line(b0 + m.start()), body=body, rel=m.start()))
        # plain accesses through the fields or the aliases
        pats = [(rx, w, False) for rx, w in WORDS]
        pats += [(re.compile(r"(?<![\w.>])%s\b" % re.escape(a)), w, True) for a, w in aliases.items()]
        for rx, w, is_alias in pats:
            for m in rx.finditer(body):
                if inside(m.start()):
                    continue
                s, e = m.start(), m.end()
                before = body[:s].rstrip()
                # the full lvalue: walk back over the base expression
                bm = re.search(r"[\w\]\)]*(?:\s*(?:->|\.)\s*\w+)*\s*$", body[:s])
                base_start = bm.start() if bm and not is_alias else s
                pre = body[:base_start].rstrip()
                after = body[e:]
                acc = None
                if w in ("buffer-ring tail", "buffer-ring entry") and not is_alias:
                    acc = "plain-store" if is_store(body, e) else "plain-load"
                elif re.match(r"\s*\[", after):          # subscript: word access
                    j = e + after.index("[")
                    d, k = 0, j
                    while k < len(body):
                        d += body[k] == "["
                        d -= body[k] == "]"
                        if d == 0:
                            break
                        k += 1
                    acc = "plain-store" if is_store(body, k + 1) else "plain-load"
                elif is_alias and re.match(r"\s*->\s*\w+", after):
                    k = e + re.match(r"\s*->\s*\w+", after).end()
                    acc = "plain-store" if is_store(body, k) else "plain-load"
                elif pre.endswith("*") and not re.search(r"[\w\])]\s*\*$", pre):
                    acc = "plain-store" if is_store(body, e) else "plain-load"
                elif is_store(body, e) or is_alias:
                    continue                              # sets the pointer / uses it as a value
                elif re.search(r"=\s*$", pre) or re.search(r"(==|!=)\s*$", pre) \
                        or re.match(r"\s*(==|!=)", after) or re.search(r"!\s*\(?\s*$", pre) \
                        or re.search(r"\bif\s*\(\s*$", pre):
                    continue                              # copies / tests the pointer
                else:
                    acc = "pointer-use"
                sites.append(dict(file=rel, func=name, acc=acc, word=w,
                                  pos=b0 + s, line=line(b0 + s), body=body, rel=s))
    return sites


def load_tsv(path):
    rows = []
    for ln, raw in enumerate(open(path, encoding="utf-8"), 1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cols = raw.rstrip("\n").split("\t")
        rows.append((ln, cols))
    return rows


def main(argv):
    core, odir = argv[1], argv[2]
    trusted = argv[argv.index("--trusted") + 1] if "--trusted" in argv else None
    write = "--write" in argv
    errs = []
    files = []
    # the C files of core/ (ORDER_SCAN="*.h *.c compat/*.h compat/*.c" adds the compat layer)
    for pat in os.environ.get("ORDER_SCAN", "*.h *.c").split():
        import glob
        files += sorted(glob.glob(os.path.join(core, pat)))
    sites = []
    for f in files:
        sites += scan_file(f, "core/" + os.path.relpath(f, core))
    # ---- the table ----
    table = {}
    for ln, c in load_tsv(os.path.join(odir, "sites.tsv")):
        if len(c) != 7:
            errs.append("sites.tsv:%d: expected 7 tab-separated columns, got %d" % (ln, len(c)))
            continue
        f, fn, acc, word, cnt, step, after = c
        table[(f, fn, acc, word)] = dict(ln=ln, cnt=int(cnt), step=step, after=after)
    steps = {}
    for ln, c in load_tsv(os.path.join(odir, "steps.tsv")):
        if len(c) != 8:
            errs.append("steps.tsv:%d: expected 8 tab-separated columns, got %d" % (ln, len(c)))
            continue
        steps[c[0]] = dict(word=c[1], dirn=c[2], macro=c[3], strong=c[4].split(","),
                           order=c[5], exempt=c[6].split(","), kernel=c[7])
    code = {}
    for s in sites:
        code.setdefault((s["file"], s["func"], s["acc"], s["word"]), []).append(s)
    order_bad = set()
    for key, ss in sorted(code.items()):
        f, fn, acc, word = key
        where = ", ".join("line %d" % s["line"] for s in ss)
        if key not in table:
            errs.append("%s: %s(): %s of %s (%s) is not in proofs/order/sites.tsv: "
                        "add a row naming its model step (and model it in ring.pml)"
                        % (f, fn, acc, word, where))
            continue
        row = table[key]
        if row["cnt"] != len(ss):
            errs.append("%s: %s(): %d x %s of %s in the code (%s), sites.tsv:%d says %d"
                        % (f, fn, len(ss), acc, word, where, row["ln"], row["cnt"]))
        if row["after"] != "-":
            body, rel = ss[0]["body"], ss[0]["rel"]
            if not re.search(row["after"], body[:rel]):
                errs.append("%s: %s(): %s of %s (%s) must come after /%s/ in the function "
                            "(sites.tsv:%d)" % (f, fn, acc, word, where, row["after"], row["ln"]))
                order_bad.add(row["step"])
        if row["step"] not in steps:
            errs.append("sites.tsv:%d: unknown model step %s (steps.tsv)" % (row["ln"], row["step"]))
    for key, row in sorted(table.items(), key=lambda kv: kv[1]["ln"]):
        if key not in code:
            errs.append("sites.tsv:%d: %s: %s(): %s of %s is not in the code any more "
                        "(removed or weakened?)" % (row["ln"], key[0], key[1], key[2], key[3]))
    # ---- the model's switches, from the code ----
    dflags = {}
    for st, d in steps.items():
        if d["order"] != "-":
            dflags[d["order"]] = "1" if st in order_bad else "0"
        if d["macro"] == "-":
            continue
        if d["dirn"] == "fence":
            # the fence holds when every table row of the step is in the code
            rows = [k for k, r in table.items() if r["step"] == st]
            ok = bool(rows) and all(k in code for k in rows) and st not in order_bad
            dflags[d["macro"]] = "1" if ok else "0"
            continue
        # every access of the word in this direction must use a strong accessor
        def dirn(acc):
            if acc == "fence":
                return "fence"
            if acc.startswith("release") or acc.endswith("store"):
                return "store"
            return "load"
        accs = [s["acc"] for s in sites if s["word"] == d["word"] and dirn(s["acc"]) == d["dirn"]
                and s["func"] not in d["exempt"]]
        dflags[d["macro"]] = "1" if accs and all(a in d["strong"] for a in accs) else "0"
    out = " ".join("-D%s=%s" % (m, v) for m, v in sorted(dflags.items()))
    # ---- TRUSTED.md ----
    if trusted:
        gen = trusted_table(table, steps)
        txt = open(trusted, encoding="utf-8").read()
        b = "<!-- shared-words: generated by proofs/order/check.sh from proofs/order/sites.tsv -->"
        e = "<!-- /shared-words -->"
        if b not in txt or e not in txt:
            errs.append("%s: no '%s' ... '%s' block" % (trusted, b, e))
        else:
            i, j = txt.index(b) + len(b), txt.index(e)
            if txt[i:j].strip() != gen.strip():
                if write:
                    open(trusted, "w", encoding="utf-8").write(txt[:i] + "\n" + gen + txt[j:])
                    print("sites: rewrote the shared-words table of %s" % trusted, file=sys.stderr)
                else:
                    errs.append("%s: the shared-words table differs from proofs/order/sites.tsv "
                                "(run: bash proofs/order/check.sh --write-trusted)" % trusted)
    for e in errs:
        print("order-sites: " + e, file=sys.stderr)
    print(out)
    print("order-sites: %d call sites in %d files, %d table rows, %d mismatches"
          % (len(sites), len(files), len(table), len(errs)), file=sys.stderr)
    return 1 if errs else 0


def trusted_table(table, steps):
    lines = ["| word | access (function) | model step (`proofs/order/ring.pml`) | pairs with (kernel) |",
             "|---|---|---|---|"]
    byword = {}
    for (f, fn, acc, word), r in sorted(table.items(), key=lambda kv: kv[1]["ln"]):
        byword.setdefault(word, []).append((acc, fn, r["cnt"], r["step"]))
    for word, rows in byword.items():
        byacc = {}
        for a, fn, c, st in rows:
            byacc.setdefault(a, []).append("`%s`%s" % (fn, " x%d" % c if c > 1 else ""))
        accs = "; ".join("%s: %s" % (a, ", ".join(fns)) for a, fns in byacc.items())
        if word == "-":
            word = "(full fence)"
        sts = []
        for a, fn, c, st in rows:
            if st not in sts:
                sts.append(st)
        kern = "; ".join(dict.fromkeys(steps[s]["kernel"] for s in sts if s in steps))
        lines.append("| %s | %s | %s | %s |" % (word, accs, ", ".join("`%s`" % s for s in sts), kern))
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main(sys.argv))
