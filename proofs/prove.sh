#!/usr/bin/env bash
# prove.sh [replay|update|offline|cold] -- run WP over every proof unit of
# the core and print the report.
#   replay  (make prove)       use the committed cache proofs/cache; run a
#                              prover only on a cache miss
#   update  (development)      same, and store new results in the cache and
#                              the new goal counts in proofs/proved_goals
#   offline                    never run a solver: a cache miss fails
#   cold    (make prove-fresh) ignore the cache, run every prover
# Exit 1 if any goal is unproved, a smoke test finds a vacuous contract or
# dead code, or a unit proves fewer goals than proofs/proved_goals records.
set -u
cd "$(dirname "$0")/.."
. proofs/wpenv.sh
MODE=${1:-replay}
case $MODE in
  replay)  CACHE="-wp-cache replay" ;;
  update)  CACHE="-wp-cache update" ;;
  offline) CACHE="-wp-cache offline" ;;
  cold)    CACHE="-wp-cache none" ;;
  *) echo "usage: $0 [replay|update|offline|cold]"; exit 2 ;;
esac
LOGS=proofs/logs
mkdir -p "$LOGS" proofs/cache
[ -n "${UNITS:-}" ] || rm -f "$LOGS"/*.json "$LOGS"/*.log

# Functions DEFINED in a source file (a definition's first line starts at
# column 0 and has no ';'), as a comma list for -wp-fct.
defs() {
    grep -hE '^[A-Za-z][A-Za-z0-9_ *]*[ *]([a-z_][a-z0-9_]*)\(' "$@" | grep -v ';' |
        sed -E 's/^[^(]*[ *]([a-z_][a-z0-9_]*)\(.*/\1/' | sort -u | paste -sd, -
}

status=0
start_all=$(date +%s)
UNITS=${UNITS:-}            # e.g. UNITS="ring setup": run only these (development)
run() {  # run <unit> <file> <functions|-> <extra options...>
    local unit=$1 file=$2 fcts=$3; shift 3
    if [ -n "$UNITS" ] && [[ " $UNITS " != *" $unit "* ]]; then return 0; fi
    local sel=()
    [ "$fcts" = "-" ] || sel=(-wp-fct "$fcts")
    local t0; t0=$(date +%s)
    # shellcheck disable=SC2086
    frama-c $FC_PARSE "$file" $WP_COMMON $CACHE -wp-smoke-tests "${sel[@]}" "$@" \
        -wp-session "proofs/sessions/$unit" -wp-report-json "$LOGS/$unit.json" \
        > "$LOGS/$unit.log" 2>&1
    local line; line=$(grep "Proved goals" "$LOGS/$unit.log" | tail -1)
    printf '%-8s %-32s %4ss\n' "$unit" "${line#\[wp\] }" "$(( $(date +%s) - t0 ))"
    case "$line" in
      *"Proved goals:"*) set -- $line; [ "$4" = "$6" ] || status=1 ;;
      *) status=1; tail -5 "$LOGS/$unit.log" ;;
    esac
    # A smoke test that "fails" (a vacuous contract, dead code) is a goal
    # that is not proved: the P / T check above already catches it.
    grep -E '^\[wp\] \[(Failed|Timeout|Unknown)\]' "$LOGS/$unit.log" | head -20
}

echo "== WP ($MODE): Frama-C $(frama-c -version), provers $PROVERS, -wp-rte"
# Every unit of proofs/units.tsv, in its order.  The lemmas are proved once
# (unit bits, tactic scripts in proofs/sessions/bits/script); every other
# unit uses them as hypotheses only.
while IFS=$'\t' read -r unit file defs flags; do
    [ -n "$unit" ] && [ "${unit:0:1}" != "#" ] || continue
    [ -f "$file" ] || { echo "$unit: missing translation unit $file"; status=1; continue; }
    [ "$flags" = "-" ] && flags=""
    if [ "$defs" = "lemmas" ]; then
        # shellcheck disable=SC2086
        run "$unit" "$file" - -wp-prop=@lemma -wp-prover "script,$PROVERS" $flags
    else
        # shellcheck disable=SC2086
        fcts=$(defs $defs)
        [ -n "$fcts" ] || { echo "$unit: no function definitions in $defs"; status=1; continue; }
        # shellcheck disable=SC2086
        run "$unit" "$file" "$fcts" -wp-prop=-@lemma -wp-prover "$PROVERS" $flags
    fi
done < <(sed -E 's/\t+/\t/g' proofs/units.tsv)

python3 proofs/report.py "$LOGS" proofs/proved_goals "$MODE" || status=1
echo "wall time: $(( $(date +%s) - start_all ))s"
exit $status
