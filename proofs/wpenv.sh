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
# of a run (hr__get_cqe, Qed alone: 36 of its 175 goals in 359 s, 5-40 s per
# goal; without the pass, all 175 in 105 s), and the provers close the goals
# without it.
WP_COMMON="-wp -wp-rte -wp-timeout ${WP_TIMEOUT:-30} -wp-par 2 -wp-no-pruning"
PROVERS="${PROVERS:-z3,cvc4,cvc5}"
# wp_frama_c ARGS...: frama-c with proofs/fastpoll.ml loaded (Frama-C's
# batch scheduler sleeps 50 ms per round; see that file).  Each run loads
# its own copy: Frama-C compiles a loaded .ml into a .cmxs beside it and
# deletes that afterwards, so two runs loading one file at once race.
# Needs ocamlfind and ocamlopt (.ci/deps: ocaml-findlib, ocaml).
wp_frama_c() {
    local d rc
    d=$(mktemp -d "${TMPDIR:-/tmp}/hr-wp.XXXXXX") || return 1
    cp "$HR_ROOT/proofs/fastpoll.ml" "$d/" || { rm -rf "$d"; return 1; }
    frama-c -load-module "$d/fastpoll.ml" "$@"; rc=$?
    rm -rf "$d"
    return $rc
}
