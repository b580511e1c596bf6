#!/usr/bin/env bash
# run.sh BINDIR NAME... -- run each compat program twice, built against
# Debian's liburing (BINDIR/lu/NAME) and against the hringas-c compat layer
# (BINDIR/hr/NAME); a case passes when both exit 0 and print the same
# output, is skipped when both exit 77 (the kernel lacks the feature; the
# reason is printed), and fails otherwise.  Programs named n* use API newer
# than liburing 2.3: they are built against the compat layer only and check
# their results themselves (exit 0 pass, 1 fail, 77 skip).
set -u
bin=$1; shift
pass=0 fail=0 skip=0
for n in "$@"; do
    if [[ $n == n* ]]; then
        hr_out=$(timeout 30 "$bin/hr/$n" 2>&1); hr_rc=$?
        case $hr_rc in
        0)  echo "PASS $n (compat only, self-checking)"; pass=$((pass + 1)) ;;
        77) echo "SKIP $n: $(grep -m1 '^SKIP' <<<"$hr_out")"; skip=$((skip + 1)) ;;
        *)  echo "FAIL $n: exit $hr_rc"; sed 's/^/    /' <<<"$hr_out" | tail -5; fail=$((fail + 1)) ;;
        esac
        continue
    fi
    lu_out=$(timeout 30 "$bin/lu/$n" 2>&1); lu_rc=$?
    hr_out=$(timeout 30 "$bin/hr/$n" 2>&1); hr_rc=$?
    if [ "$lu_rc" -eq 77 ] && [ "$hr_rc" -eq 77 ]; then
        echo "SKIP $n: $(grep -m1 '^SKIP' <<<"$hr_out")"; skip=$((skip + 1))
    elif [ "$lu_rc" -eq 0 ] && [ "$hr_rc" -eq 0 ] && [ "$lu_out" == "$hr_out" ]; then
        echo "PASS $n ($(wc -l <<<"$hr_out") lines identical)"; pass=$((pass + 1))
    else
        echo "FAIL $n: liburing exit $lu_rc, compat exit $hr_rc"
        diff <(echo "$lu_out") <(echo "$hr_out") | sed 's/^/    /' | head -40
        fail=$((fail + 1))
    fi
done
echo "compat: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
