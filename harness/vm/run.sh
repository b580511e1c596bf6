#!/usr/bin/env bash
# harness/vm/run.sh ARCH -- suite vm-ARCH-6.1 (ARCH: x86_64 or aarch64): the
# live suites on Debian 12's 6.1 cloud kernel for ARCH, booted under
# qemu-system-ARCH (TCG, -smp 2), from the cache that harness/vm/fetch.sh
# fills (run by .ci/deps; nothing is downloaded here).
#
#  1. build, statically for ARCH, every live-suite program the make fragments
#     define under $(O)/harness/ (with O=build/vm/ARCH; sanitizer builds,
#     bench and examples stay on the host), the freestanding NOP program and
#     the SQ-array probe (harness/vm/sqarray_probe.c);
#  2. pack them with busybox and harness/vm/init into an initramfs;
#  3. boot: init mounts a tmpfs, brings loopback up, runs each program under
#     a timeout with HR_TEST_TIMEOUT_SCALE set, and powers off;
#  4. read the serial console: show every row, and total the programs'
#     summary lines into the last line
#        vm-ARCH-6.1: N passed, N failed, N skipped
#     A program that prints no summary line, exits non-zero with no failed
#     case, or does not build counts as one failure; so does a VM that does
#     not reach the end.
# Environment: HR_VM_CACHE (default /var/cache/hringas-vm), VM_HOST_CFLAGS
# (the GNUmakefile's HOST_CFLAGS), HR_VM_TIMEOUT_SCALE (default 5),
# HR_VM_PROG_TIMEOUT (seconds for one program in the VM, default 600),
# HR_VM_TIMEOUT (seconds for the whole VM, default 1200), HR_VM_KEEP=1 keeps
# the initramfs tree.
set -u
arch=${1:?usage: run.sh x86_64|aarch64}
suite=vm-$arch-6.1
cache=${HR_VM_CACHE:-/var/cache/hringas-vm}/$arch
scale=${HR_VM_TIMEOUT_SCALE:-5}
prog_timeout=${HR_VM_PROG_TIMEOUT:-600}
vm_timeout=${HR_VM_TIMEOUT:-1200}
O=build/vm/$arch
logs=build/logs
mkdir -p "$O" "$logs"

fail_whole() {   # reason -> one failed case, the summary line, exit 1
    echo "  FAIL  $suite: $1"
    echo "$suite: 0 passed, 1 failed, 0 skipped"
    exit 1
}

case $arch in
x86_64)
    cross=; [ "$(uname -m)" = x86_64 ] || cross=x86_64-linux-gnu-
    qemu=(qemu-system-x86_64 -M pc -cpu max)
    console=ttyS0 ;;
aarch64)
    cross=aarch64-linux-gnu-
    qemu=(qemu-system-aarch64 -M virt -cpu max,pauth-impdef=on)
    console=ttyAMA0 ;;
*)  fail_whole "unknown architecture $arch" ;;
esac

for t in "${qemu[0]}" cpio "${cross}gcc"; do
    command -v "$t" >/dev/null 2>&1 || fail_whole "$t not found (run: bash .ci/deps)"
done
for f in vmlinuz busybox; do
    [ -s "$cache/$f" ] || fail_whole "$cache/$f missing (run: bash .ci/deps, which runs harness/vm/fetch.sh)"
done
echo "  info  kernel package: $(cat "$cache/packages" 2>/dev/null)"

# ---- 1. build ----------------------------------------------------------------
mk=(make --no-print-directory O="$O" CROSS_COMPILE="$cross" HOST_CFLAGS="${VM_HOST_CFLAGS:?} -static")
# Every program target under $(O)/harness/ in the make database, less what
# cannot or need not run in the VM.
mapfile -t targets < <("${mk[@]}" -pq 2>/dev/null |
    sed -n "s#^\($O/harness/[^:% ]*\):.*#\1#p" | sort -u |
    grep -Ev '(asan|tsan|ubsan|msan|fuzz)|/(bench|examples)/|\.(o|a|so|d)$')
blog=$logs/$suite-build.log
: > "$blog"
"${mk[@]}" "$O/libhringas.a" >> "$blog" 2>&1 || { tail -20 "$blog"; fail_whole "libhringas.a does not build for $arch (see $blog)"; }
fails=0
built=()
for t in "${targets[@]}"; do
    if "${mk[@]}" "$t" >> "$blog" 2>&1 && [ -x "$t" ]; then
        built+=("$t")
    else
        echo "  FAIL  build ${t#$O/} for $arch (see $blog)"
        fails=$((fails + 1))
    fi
done
[ ${#built[@]} -gt 0 ] || { tail -20 "$blog"; fail_whole "nothing built (see $blog)"; }

# ---- 2. initramfs --------------------------------------------------------------
root=$O/initramfs
rm -rf "$root"
mkdir -p "$root/bin" "$root/t"
cp "$cache/busybox" "$root/bin/busybox"
cp harness/vm/init "$root/init"
chmod 755 "$root/init" "$root/bin/busybox"
for t in "${built[@]}"; do
    n=${t#$O/harness/}; n=${n//\//-}
    case $n in
    freestanding*) p=00 ;;
    vm-sqarray*)   p=01 ;;
    *)             p=10 ;;
    esac
    cp "$t" "$root/t/$p-$n"
done
echo "  info  programs: $(cd "$root/t" && echo *)"
(cd "$root" && find . | cpio -o -H newc -R 0:0 --quiet) > "$O/initramfs.cpio" ||
    fail_whole "cpio failed"
[ "${HR_VM_KEEP:-0}" = 1 ] || rm -rf "$root"

# ---- 3. boot ---------------------------------------------------------------------
serial=$logs/$suite.serial.log
timeout -k 10 "$vm_timeout" "${qemu[@]}" -accel tcg -smp 2 -m 1024 \
    -nodefaults -display none -monitor none -serial stdio -no-reboot -net none \
    -kernel "$cache/vmlinuz" -initrd "$O/initramfs.cpio" \
    -append "console=$console panic=-1 quiet loglevel=4 rdinit=/init HR_TEST_TIMEOUT_SCALE=$scale HR_VM_PROG_TIMEOUT=$prog_timeout" \
    < /dev/null > "$serial" 2>&1
qrc=$?
[ $qrc -eq 124 ] || [ $qrc -eq 137 ] && echo "  FAIL  $suite: the VM did not power off within $vm_timeout s"

# ---- 4. results --------------------------------------------------------------------
tr -d '\r' < "$serial" | awk -v suite="$suite" -v fails="$fails" -v qrc="$qrc" '
    function close_prog(status,   sname) {
        if (prog == "") return
        if (prog ~ /^00-freestanding/) {
            # no libc, no summary line: its exit status is the verdict
            if (status == 0) { print "  PASS  freestanding NOP program"; P++ }
            else { print "  FAIL  freestanding NOP program (exit " status ")"; F++ }
        } else if (!have) {
            print "  FAIL  " prog ": no summary line (exit " status ")"; F++
        } else if (status != 0 && f == 0) {
            print "  FAIL  " prog ": exit " status " with no failed case"; F++
        }
        prog = ""
    }
    /^@@vm kernel / || /^@@vm lo:/ { sub(/^@@vm /, "  info  "); print; next }
    /^@@vm run / { close_prog(0); prog = $3; have = 0; f = 0; print "  -- " prog; next }
    /^@@vm exit / { st = $4; close_prog(st); next }
    /^@@vm done/ { done = 1; next }
    prog != "" && /^[A-Za-z0-9_.+-]+: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$/ {
        have = 1; P += $2; F += $4; S += $6; f = $4
        print "  = " $0; next
    }
    prog != "" { print; next }
    /Kernel panic|BUG:|WARNING:|Oops/ { print "  kernel: " $0 }
    END {
        if (prog != "") { print "  FAIL  " prog ": the VM stopped while it ran"; F++; prog = "" }
        if (!done) { print "  FAIL  " suite ": the VM did not reach the end of /init (qemu exit " qrc ")"; F++ }
        F += fails
        printf "%s: %d passed, %d failed, %d skipped\n", suite, P, F, S
        exit F > 0
    }'
