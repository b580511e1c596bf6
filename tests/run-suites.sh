#!/usr/bin/env bash
# run-suites.sh SUITE... -- run `make suite-<name>` for each suite, show its
# output, and total the `<name>: N passed, N failed, N skipped` lines.
# Exit 1 if any suite failed or printed no summary line.
set -u
mkdir -p build/logs
tp=0 tf=0 ts=0 bad=()
for s in "$@"; do
    log=build/logs/$s.log
    make --no-print-directory "suite-$s" > "$log" 2>&1
    rc=$?
    cat "$log"
    line=$(grep -E "^$s: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$" "$log" | tail -1)
    if [ -z "$line" ]; then
        echo "$s: no summary line (make exit $rc)"; bad+=("$s"); tf=$((tf + 1)); continue
    fi
    read -r p f k <<<"$(sed -E 's/^[^:]+: ([0-9]+) passed, ([0-9]+) failed, ([0-9]+) skipped$/\1 \2 \3/' <<<"$line")"
    tp=$((tp + p)); tf=$((tf + f)); ts=$((ts + k))
    if [ "$f" -ne 0 ] || [ "$rc" -ne 0 ]; then bad+=("$s"); [ "$f" -eq 0 ] && tf=$((tf + 1)); fi
done
echo "== suites: $*"
[ ${#bad[@]} -eq 0 ] || echo "== failing suites: ${bad[*]}"
echo "$tp passed, $tf failed, $ts skipped"
[ ${#bad[@]} -eq 0 ]
