#!/usr/bin/env bash
# prove.sh [replay|update|all|offline|cold|goals] -- run WP over the proof units of
# proofs/units.tsv, the memory-ordering model, the trust checks, and print
# the report.
#   replay  (make prove)       a unit whose inputs are unchanged is not run
#                              again: its committed result is reused (see
#                              "Result keys" below); a changed unit runs with
#                              the committed prover cache (a prover runs only
#                              on a cache miss)
#   update  (development)      as replay, and new prover answers are stored
#                              in the cache, new goal counts in
#                              proofs/proved_goals; a unit that runs races
#                              the provers on every goal and its prover
#                              pins are refreshed (proofs/pin.py)
#   all     (make prove-all)   every unit runs: VCs generated anew, smoke
#                              tests, prover answers from the cache (CI)
#   offline                    every unit runs; a cache miss fails
#   cold    (make prove-fresh) every unit runs, every prover runs
#   goals   (make prove-fresh-goals) as cold, without the smoke tests:
#                              every goal proved from scratch; the results
#                              are not stored (a stored result is that of a
#                              run with smoke tests, its key says so), and
#                              each unit must prove at least the goals
#                              other than smoke tests of its committed
#                              result (proofs/report.py; CI runs it)
# UNITS="ring setup" restricts the run to those units (development).
#
# Result keys.  proofs/results/<unit>.json is the WP report of the unit's
# last complete run and <unit>.key the hash of every input that run read:
# the program as Frama-C parsed it (the translation unit and everything it
# includes, as its normalized AST: see key() below), the unit's line of
# units.tsv, this script, wpenv.sh, fastpoll.ml, the Why3 configuration,
# the tactic scripts, and the versions of Frama-C, Why3 and the provers.
# A result is reused only if its key equals the key of the tree as it is
# now; a result whose key does not match is never reported as proved.
# Not hashed: the prover pins (proofs/pin.py), which choose the prover that
# runs first on a goal, never whether the goal is proved.
#
# Cold runs.  Two units run at once on two cores, so `cold` gives each
# unit one prover at a time (-wp-par 1, after WP_COMMON's 2): with two
# each, four provers and two Frama-C processes shared the cores, and goals
# that take a prover 30-45 s alone timed out at 90 s (a prover's time limit
# counts the time it waits for a core).
#
# Prover pins.  Except in `update`, units run with -wp-prover
# script,<provers>: a goal with a pin (a one-prover script in
# proofs/sessions/<unit>/script) runs that prover alone, and falls back to
# racing every prover if the pinned one does not prove it.
#
# Exit 1 if any goal is unproved, a smoke test finds a vacuous contract or
# dead code, a unit proves fewer goals than proofs/proved_goals records, the
# ordering model fails, or a trust check fails.
# The whole script is one { } block: bash parses it completely before it
# runs it, so editing this file while a proof runs cannot change that run.
{
set -u
cd "$(dirname "$0")/.."
. proofs/wpenv.sh
MODE=${1:-replay}
case $MODE in
  replay|all) CACHE="-wp-cache replay" ;;
  update)     CACHE="-wp-cache update" ;;
  offline)    CACHE="-wp-cache offline" ;;
  cold|goals) CACHE="-wp-cache none -wp-par 1" ;;   # see "Cold runs" above
  *) echo "usage: $0 [replay|update|all|offline|cold|goals]"; exit 2 ;;
esac
SMOKE=-wp-smoke-tests
[ "$MODE" != goals ] || SMOKE=
LOGS=proofs/logs RESULTS=proofs/results
mkdir -p "$LOGS" "$RESULTS"
UNITS=${UNITS:-}
[ -n "$UNITS" ] || rm -f "$LOGS"/*.json "$LOGS"/*.log "$LOGS"/*.csv

# Functions DEFINED in a source file (a definition's first line starts at
# column 0 and has no ';'), as a comma list for -wp-fct.
# Code under `#ifndef __FRAMAC__` (the trusted bodies WP never sees) is
# left out.
defs() {
    awk '
      /^[ \t]*#[ \t]*if/   { depth++; if (!skip && $0 ~ /^[ \t]*#[ \t]*ifndef[ \t]+__FRAMAC__/) { skip = depth }
                              print ""; next }
      /^[ \t]*#[ \t]*else/ { if (skip == depth) skip = 0; print ""; next }
      /^[ \t]*#[ \t]*endif/ { if (skip == depth) skip = 0; depth--; print ""; next }
      { if (!skip) print }' "$@" |
    grep -hE '^[A-Za-z][A-Za-z0-9_ *]*[ *]([a-z_][a-z0-9_]*)\(' | grep -v ';' |
        sed -E 's/^[^(]*[ *]([a-z_][a-z0-9_]*)\(.*/\1/' | sort -u | paste -sd, -
}

# The versions of every tool a result depends on (one string).
TOOLS=$( { frama-c -version; why3 --version; z3 --version; cvc4 --version | head -1;
           cvc5 --version | head -1; } 2>&1 | tr '\n' ' ')

# key <unit> <file> <tsv-line>: hash of every input of the unit's run.
# The program is hashed as Frama-C parses it: its normalized AST, code and
# ACSL together, printed by `frama-c -print` with the unit's parse options.
# That text is what WP generates the goals from; it does not depend on the
# checkout's path, on comments, or on declarations of system headers the
# unit never uses, so a Debian point release of linux-libc-dev or
# libc6-dev that changes an unused header does not make a replay re-run
# everything, while any change that reaches the goals changes the key.
# Also hashed: the unit's line, WP's options, this script, wpenv.sh,
# fastpoll.ml, the Why3 configuration, the tactic scripts (every script
# that is not a pin, as proofs/pin.py tells them apart; pin.py is hashed
# too) and the tool versions.
key() {
    local unit=$1 file=$2 line=$3 ast
    # shellcheck disable=SC2086
    ast=$(frama-c $FC_PARSE "$file" -print -ocode "$LOGS/$unit.ast.c" > /dev/null 2>&1 &&
          sha256sum < "$LOGS/$unit.ast.c" | cut -d' ' -f1)
    rm -f "$LOGS/$unit.ast.c"
    [ -n "$ast" ] || { echo "nokey"; return; }
    {
        printf '%s\n%s\n%s\n%s\n%s\n' "$unit" "$line" "$TOOLS" "$WP_COMMON -wp-smoke-tests" "$ast"
        cat proofs/prove.sh proofs/pin.py proofs/wpenv.sh proofs/fastpoll.ml proofs/why3/*
        [ ! -d "proofs/sessions/$unit/script" ] ||
            python3 proofs/pin.py --tactics "proofs/sessions/$unit/script" |
            xargs -r -d '\n' cat
    } | sha256sum | cut -d' ' -f1
}

status=0
start_all=$(date +%s)
REPORTS=()                  # unit=path-of-its-json, for report.py
TRUST=()                    # unit=path-of-its-Frama-C-report, for trust.py
# Units run PROVE_JOBS at a time (default 2: Frama-C's VC generation and
# Qed are single-threaded, so one unit alone leaves a core idle), the
# longest first (the wall time of its last run, proofs/results/<unit>.time);
# their lines are printed in the order of units.tsv once all have ended.
JOBS=${PROVE_JOBS:-2}
run() {  # run <unit> <key> <file> <functions|-> <extra options...>: in the background
    local unit=$1 key=$2 file=$3 fcts=$4; shift 4
    local sel=()
    [ "$fcts" = "-" ] || sel=(-wp-fct "$fcts")
    local t0; t0=$(date +%s)
    # shellcheck disable=SC2086
    wp_frama_c $FC_PARSE "$file" $WP_COMMON $CACHE $SMOKE "${sel[@]}" "$@" \
        -wp-session "proofs/sessions/$unit" -wp-report-json "$LOGS/$unit.json" \
        -then -report > "$LOGS/$unit.log" 2>&1
    # Frama-C's own status of every property (axioms, body-less functions):
    # the input of proofs/trust.py
    sed -n '/^\[report\] Computing properties status/,$p' "$LOGS/$unit.log" > "$LOGS/$unit.report"
    local line; line=$(grep "Proved goals" "$LOGS/$unit.log" | tail -1)
    local secs=$(( $(date +%s) - t0 ))
    printf '%-8s %-32s %4ss\n' "$unit" "${line#\[wp\] }" "$secs" > "$LOGS/$unit.line"
    local ok=0
    case "$line" in
      *"Proved goals:"*) set -- $line; [ "$4" = "$6" ] && ok=1 ;;
      *) tail -5 "$LOGS/$unit.log" >> "$LOGS/$unit.line" ;;
    esac
    # A smoke test that "fails" (a vacuous contract, dead code) is a goal
    # that is not proved: the P / T check above already catches it.
    grep -E '^\[wp\] \[(Failed|Timeout|Unknown)\]' "$LOGS/$unit.log" | head -20 >> "$LOGS/$unit.line"
    if [ "$MODE" = goals ]; then
        # nothing stored: the committed results are runs with smoke tests
        if [ $ok -eq 1 ]; then echo ok; else echo failed; fi > "$LOGS/$unit.status"
    elif [ $ok -eq 1 ]; then
        cp "$LOGS/$unit.json" "$RESULTS/$unit.json"
        cp "$LOGS/$unit.report" "$RESULTS/$unit.report"
        echo "$secs" > "$RESULTS/$unit.time"
        echo "$key" > "$RESULTS/$unit.key"
        echo ok > "$LOGS/$unit.status"
        [ "$MODE" != update ] ||
            python3 proofs/pin.py "proofs/sessions/$unit" "$LOGS/$unit.log" > /dev/null
    else
        rm -f "$RESULTS/$unit.key"          # never reuse a result of a failing unit
        echo failed > "$LOGS/$unit.status"
    fi
}

echo "== WP ($MODE): Frama-C $(frama-c -version), provers $PROVERS, -wp-rte, $JOBS units at a time"
# The units include only the headers they prove (a unit's key is the program
# it parses), so the public header is parsed once as a whole here: a clash
# between two headers' code or specs, or a call to an undeclared function,
# fails the run.
WHOLE=$(mktemp -d)
echo '#include "hringas.h"' > "$WHOLE/hringas.c"
# shellcheck disable=SC2086
if ! frama-c $FC_PARSE "$WHOLE/hringas.c" > "$WHOLE/parse.log" 2>&1 ||
   grep -qiE 'warning|implicit' "$WHOLE/parse.log"; then
    echo "core/hringas.h does not parse cleanly as a whole:"
    grep -iE 'error|warning|implicit' "$WHOLE/parse.log" | head -10
    status=1
fi
rm -rf "$WHOLE"
# Every unit of proofs/units.tsv, in its order.  The lemmas are proved once
# (unit bits, tactic scripts in proofs/sessions/bits/script); every other
# unit uses them as hypotheses only.
ORDER=()                    # every unit of this run, in units.tsv order
QUEUE=()                    # "<seconds last time> <unit>" of the units to run
declare -A ARGS REUSED
# every unit's key first, all at once (each parses its unit: about a second)
KEYS=$(mktemp -d)
while IFS=$'\t' read -r unit file defs flags; do
    [ -n "$unit" ] && [ "${unit:0:1}" != "#" ] && [ -f "$file" ] || continue
    if [ -n "$UNITS" ] && [[ " $UNITS " != *" $unit "* ]]; then continue; fi
    key "$unit" "$file" "$unit $file $defs $flags" > "$KEYS/$unit" &
done < <(sed -E 's/\t+/\t/g' proofs/units.tsv)
wait
while IFS=$'\t' read -r unit file defs flags; do
    [ -n "$unit" ] && [ "${unit:0:1}" != "#" ] || continue
    if [ -n "$UNITS" ] && [[ " $UNITS " != *" $unit "* ]]; then continue; fi
    [ -f "$file" ] || { echo "$unit: missing translation unit $file"; status=1; continue; }
    KEY=$(cat "$KEYS/$unit" 2>/dev/null || echo nokey)
    [ -n "$KEY" ] || KEY=nokey
    ORDER+=("$unit")
    if [ "$MODE" = replay ] || [ "$MODE" = update ]; then
        if [ "$KEY" != nokey ] && [ -f "$RESULTS/$unit.key" ] && [ -f "$RESULTS/$unit.json" ] &&
           [ -f "$RESULTS/$unit.report" ] && [ "$(cat "$RESULTS/$unit.key")" = "$KEY" ]; then
            REUSED[$unit]=1
            continue
        fi
    fi
    [ "$flags" = "-" ] && flags=""
    rm -f "$LOGS/$unit.status" "$LOGS/$unit.line"
    if [ "$defs" = "lemmas" ]; then
        ARGS[$unit]="$KEY $file - -wp-prop=@lemma -wp-prover script,$PROVERS $flags"
    else
        fcts=$(defs $defs)
        [ -n "$fcts" ] || { echo "$unit: no function definitions in $defs"; status=1; continue; }
        # pins used, except by `update`, which races every prover to refresh them
        use=script,$PROVERS
        [ "$MODE" != update ] || use=$PROVERS
        ARGS[$unit]="$KEY $file $fcts -wp-prop=-@lemma -wp-prover $use $flags"
    fi
    QUEUE+=("$(cat "$RESULTS/$unit.time" 2>/dev/null || echo 0) $unit")
done < <(sed -E 's/\t+/\t/g' proofs/units.tsv)

rm -rf "$KEYS"
# longest first; at most JOBS at once
mapfile -t SORTED < <(printf '%s\n' "${QUEUE[@]}" | sort -rn | awk 'NF == 2 { print $2 }')
# (`jobs -pr`, the units still running: bash's `wait -n` also returns for a
# process substitution that has ended, such as mapfile's above, so a count
# of its returns would start one unit too many)
for unit in "${SORTED[@]}"; do
    while [ "$(jobs -pr | wc -l)" -ge "$JOBS" ]; do wait -n; done
    # shellcheck disable=SC2086
    run "$unit" ${ARGS[$unit]} &
done
wait

for unit in "${ORDER[@]}"; do
    if [ -n "${REUSED[$unit]:-}" ]; then
        printf '%-8s %-32s %5s\n' "$unit" "inputs unchanged: result reused" "0s"
        REPORTS+=("$unit=$RESULTS/$unit.json")
        TRUST+=("$unit=$RESULTS/$unit.report")
        continue
    fi
    [ -n "${ARGS[$unit]:-}" ] || continue
    cat "$LOGS/$unit.line" 2>/dev/null || echo "$unit: no result"
    REPORTS+=("$unit=$LOGS/$unit.json")
    TRUST+=("$unit=$LOGS/$unit.report")
    [ "$(cat "$LOGS/$unit.status" 2>/dev/null)" = ok ] || status=1
done

python3 proofs/report.py "$MODE" proofs/proved_goals "${REPORTS[@]}" || status=1
# Memory ordering: the SPIN model, its mutants, and the call-site table tied
# to core/ (proofs/order/check.sh prints the `ordering:` line).
if [ -z "$UNITS" ]; then
    echo
    bash proofs/order/check.sh || status=1
fi
# The trust checks need every unit's report: skipped when UNITS restricts the run.
if [ -z "$UNITS" ]; then
    python3 proofs/trust.py "${TRUST[@]}" || status=1
fi
echo "wall time: $(( $(date +%s) - start_all ))s"
exit $status
}
