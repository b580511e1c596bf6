# wpenv.sh -- common settings of every WP run.  Source it from the repo root:
#   . proofs/wpenv.sh
# Why3 1.5.1 does not know CVC5 1.0.3: generate a local config that adds it
# (driver proofs/why3/cvc5_103.drv).
HR_ROOT=$(pwd)
mkdir -p "$HR_ROOT/proofs/.why3"
sed "s#@DIR@#$HR_ROOT/proofs#" "$HR_ROOT/proofs/why3/why3.conf.in" > "$HR_ROOT/proofs/.why3/why3.conf"
export WHY3CONFIG="$HR_ROOT/proofs/.why3/why3.conf"
# the WP cache lives in each unit's session directory, proofs/sessions/<unit>/cache
# -c11: _Static_assert; gcc_x86_64: zero-length arrays / empty structs in the
# uapi header; system include dirs AFTER Frama-C's own libc (-idirafter).
FC_PARSE="-c11 -machdep gcc_x86_64 -cpp-extra-args=-I$HR_ROOT/core,-I$HR_ROOT/specs,-idirafter/usr/include,-idirafter/usr/include/x86_64-linux-gnu"
# -wp-no-pruning: Qed's "prune trivial branches" pass took most of the time
# of a run (hr__get_cqe: minutes per goal, 30+ min for the function; without
# it, 105 s for all 175 goals), and the provers close the goals without it.
WP_COMMON="-wp -wp-rte -wp-timeout ${WP_TIMEOUT:-30} -wp-par 2 -wp-no-pruning"
PROVERS="${PROVERS:-z3,cvc4,cvc5}"
