#!/usr/bin/env bash
# proofs/order/check.sh -- the memory-ordering check of hringas-c (make prove-order).
#   1. sites.py: every shared-word access of core/ against sites.tsv (and
#      specs/TRUSTED.md's shared-words table against sites.tsv); derives
#      the app-side orderings of the model FROM THE CODE;
#   2. SPIN (ring.pml) with those orderings: every property in every
#      configuration (x86-TSO and ARM-like store/load reordering, SQPOLL and
#      enter, with and without the SQ array, rings of 1 and 2 entries,
#      counters starting one below the wrap, CQ overflow + GETEVENTS flush,
#      buffer rings);
#   3. the mutants: each must give a counterexample of the expected kind.
# Prints `ordering: P/P properties hold, R/R mutants refuted`; exit 1 on any
# failure.  Compiled verifiers are cached in build/order/ (keyed by the
# model text and flags), so a re-run takes a few seconds.
#   check.sh [--write-trusted]       (rewrite TRUSTED.md's table from sites.tsv)
#   ORDER_CORE=/tmp/core-copy check.sh   check a scratch copy of core/
#   ORDER_VERBOSE=1                  show pan's output of every run
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
core=${ORDER_CORE:-$root/core}
trusted=${ORDER_TRUSTED:-$root/specs/TRUSTED.md}
work=${ORDER_BUILD:-$root/build/order}
write=
[ "${1:-}" = "--write-trusted" ] && write=--write

for t in spin gcc python3; do
    command -v "$t" >/dev/null 2>&1 || {
        echo "order: $t not found (bash .ci/deps installs spin, gcc, python3)"
        echo "ordering: 0/0 properties hold, 0/0 mutants refuted (missing $t)"; exit 1; }
done
mkdir -p "$work"

fail=0
derived=$(python3 "$here/sites.py" "$core" "$here" --trusted "$trusted" $write) || fail=1
[ $fail -eq 0 ] || echo "order: call sites of $core do not match proofs/order/sites.tsv (above)"
echo "order: orderings derived from the code: $derived"

# merge: the derived switches, overridden by the run's own -D switches
merge() {
    local own="$1" out="" f n
    for f in $derived; do
        n=${f%%=*}
        case " $own " in *" $n="*) ;; *) out="$out $f" ;; esac
    done
    echo "$out $own"
}

# run NAME FLAGS -> prints pan's verdict: ok | assert | endstate | incomplete | error
run() {
    local name=$1 flags=$2 key dir out
    key=$( { cat "$here/ring.pml"; echo "$flags"; spin -V; } | sha1sum | cut -c1-16)
    dir=$work/$name-$key
    if [ ! -x "$dir/pan" ]; then
        local tmp="$dir.tmp.$$"
        rm -rf "$tmp"; mkdir -p "$tmp"
        ( cd "$tmp" && echo "$flags" > flags && spin -a $flags "$here/ring.pml" >spin.log 2>&1 &&
          gcc -O0 -w -DSAFETY -DNOFAIR -o pan pan.c >cc.log 2>&1 ) || { echo error; return; }
        mv -T "$tmp" "$dir" 2>/dev/null || rm -rf "$tmp"      # a concurrent run won
    fi
    touch "$dir"
    out=$(cd "$dir" && ./pan -m20000 2>&1)
    [ -n "${ORDER_VERBOSE:-}" ] && printf '%s\n' "$out" >&2
    if printf '%s\n' "$out" | grep -q "max search depth too small\|out of memory"; then echo incomplete
    elif printf '%s\n' "$out" | grep -q "errors: 0$"; then echo ok
    elif printf '%s\n' "$out" | grep -q "assertion violated"; then echo assert
    elif printf '%s\n' "$out" | grep -q "invalid end state"; then echo endstate
    else echo error; fi
}

# Properties (every configuration checks those listed):
#   P1 the kernel never reads an SQE or SQ array slot before we wrote it
#   P2 we never read a CQE before the kernel wrote it
#   P3 neither side overwrites a slot the other has not finished reading
#   P4 no lost wakeup, no lost CQE: no run ends with the app blocked
#   P5 every CQE is reaped exactly once, in order
#   P6 the kernel never reads a buffer-ring entry before we wrote it
#   P7 without SQPOLL a plain SQ tail store is still safe (enter orders it)
configs=(
  "sqpoll-tso|-DSQPOLL=1 -DWEAK=0 -DSQARRAY=1|P1 P2 P3 P4 P5"
  "sqpoll-arm|-DSQPOLL=1 -DWEAK=1 -DSQARRAY=1|P1 P2 P3 P4 P5"
  "sqpoll-arm-nosqarray|-DSQPOLL=1 -DWEAK=1 -DSQARRAY=0|P1 P2 P3 P4 P5"
  "sqpoll-arm-1entry|-DSQPOLL=1 -DWEAK=1 -DSQARRAY=1 -DE_SQ=1 -DE_CQ=1 -DW=2|P1 P2 P3 P4 P5"
  "enter-tso|-DSQPOLL=0 -DWEAK=0 -DSQARRAY=1|P1 P2 P3 P4 P5"
  "enter-arm|-DSQPOLL=0 -DWEAK=1 -DSQARRAY=1|P1 P2 P3 P4 P5"
  "enter-arm-plain-sq-tail|-DSQPOLL=0 -DWEAK=1 -DSQARRAY=1 -DORD_SQ_TAIL_STORE=0|P7"
  "bufring-tso|-DBUFRING=1 -DWEAK=0|P3 P6"
  "bufring-arm|-DBUFRING=1 -DWEAK=1|P3 P6"
)
# Mutants: name | switches | expected counterexample | what it is
mutants=(
  "no-wakeup-fence|-DSQPOLL=1 -DWEAK=0 -DWAKEUP_FENCE=0|endstate|no full fence before reading NEED_WAKEUP (liburing #541): lost wakeup, on x86 already"
  "relaxed-sq-tail|-DSQPOLL=1 -DWEAK=1 -DORD_SQ_TAIL_STORE=0|assert|plain SQ tail store; SQPOLL on ARM (without SQPOLL the enter orders it: P7)"
  "relaxed-cq-tail|-DSQPOLL=1 -DWEAK=1 -DORD_CQ_TAIL_LOAD=0|assert|relaxed CQ tail load; ARM: CQE read before the tail"
  "cq-head-before-read|-DSQPOLL=1 -DWEAK=0 -DCQ_HEAD_BEFORE_READ=1|assert|CQ head released before the CQE is read"
  "relaxed-cq-head|-DSQPOLL=1 -DWEAK=1 -DORD_CQ_HEAD_STORE=0|assert|plain CQ head store; ARM: visible before the CQE read"
  "sq-tail-before-array|-DSQPOLL=1 -DWEAK=0 -DSQARRAY=1 -DTAIL_BEFORE_ARRAY=1|assert|SQ tail published before the SQ array slots"
  "buf-tail-before-entries|-DBUFRING=1 -DWEAK=0 -DBUF_TAIL_BEFORE_ENTRIES=1|assert|buffer-ring tail released before the entries"
  "relaxed-buf-tail|-DBUFRING=1 -DWEAK=1 -DORD_BUF_TAIL_STORE=0|assert|plain buffer-ring tail store; ARM"
)

P=0 Pok=0 R=0 Rok=0
for c in "${configs[@]}"; do
    IFS='|' read -r name flags props <<<"$c"
    n=$(wc -w <<<"$props")
    v=$(run "$name" "$(merge "$flags")")
    P=$((P + n))
    if [ "$v" = ok ]; then Pok=$((Pok + n)); echo "order: $name: $props hold"
    else fail=1; echo "order: FAIL $name: $v (properties $props; replay: ORDER_VERBOSE=1, pan in $work/$name-*: ./pan -m20000; spin -t -p -k ring.pml.trail \$(cat flags) $here/ring.pml)"; fi
done
for m in "${mutants[@]}"; do
    IFS='|' read -r name flags want what <<<"$m"
    v=$(run "mutant-$name" "$flags")          # on the reference orderings, not the code's
    R=$((R + 1))
    if [ "$v" = "$want" ]; then Rok=$((Rok + 1)); echo "order: mutant $name refuted ($v): $what"
    else fail=1; echo "order: FAIL mutant $name: expected a counterexample ($want), got $v: $what"; fi
done
# the cache keeps what was used in the last hour
find "$work" -mindepth 1 -maxdepth 1 -type d -mmin +60 -exec rm -rf {} + 2>/dev/null
echo "ordering: $Pok/$P properties hold, $Rok/$R mutants refuted"
exit $fail
