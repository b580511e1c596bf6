#!/usr/bin/env bash
# run.sh -- suite `examples` (make suite-examples, from the repo root).
# Installs the library into a temporary DESTDIR (make install), then builds
# every example of harness/examples/ against that installed copy through
# pkg-config only (no -Icore, no build/ paths), twice:
#   shared  $(pkg-config --cflags --libs hringas), run with LD_LIBRARY_PATH
#           pointing at the installed libhringas.so.0 (and checked to need it)
#   static  -static $(pkg-config --static --cflags --libs hringas)
# and runs each with a bounded runtime (timeout 60 s).  Also checked: the
# installed layout and shared library (soname, links, exported symbols) and
# that make uninstall removes every installed file.
set -u
pass=0 fail=0 skip=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
dest=$tmp/dest prefix=/usr/local
lib=$dest$prefix/lib
CFLAGS="-std=gnu11 -O2 -Wall -Wextra -Werror"

result() {  # result NAME RC [why]
    case $2 in
      0)  echo "  PASS  $1${3:+: $3}"; pass=$((pass + 1)) ;;
      77) echo "  SKIP  $1: ${3:-io_uring unavailable}"; skip=$((skip + 1)) ;;
      *)  echo "  FAIL  $1 (${3:-exit $2})"; fail=$((fail + 1)) ;;
    esac
}
finish() { echo "examples: $pass passed, $fail failed, $skip skipped"; [ $fail -eq 0 ]; exit; }

if ! make --no-print-directory install DESTDIR="$dest" PREFIX=$prefix > "$tmp/install.log" 2>&1; then
    tail -20 "$tmp/install.log"; result "make install" 1; finish
fi
export PKG_CONFIG_PATH=$lib/pkgconfig PKG_CONFIG_SYSROOT_DIR=$dest

# ---- the installed copy -----------------------------------------------------
inc=$dest$prefix/include/hringas
why=""
[ -f "$inc/hringas.h" ] || why="no include/hringas/hringas.h"
# every header hringas.h pulls in resolves inside that one directory
deps=$(gcc -MM -I"$inc" -x c "$inc/hringas.h" 2>&1) || why="hringas.h does not preprocess with one -I: $deps"
for d in $(echo "$deps" | tr -d '\\' | tr ' ' '\n' | grep -E '/hr[a-z_]*\.h$'); do
    case $d in "$inc"/*) ;; *) why="$why; $d outside $inc" ;; esac
done
[ "$(readlink "$lib/libhringas.so")" = libhringas.so.0 ] || why="$why; libhringas.so is not a link to libhringas.so.0"
real=$(readlink "$lib/libhringas.so.0")
case $real in libhringas.so.0.*.*) [ -f "$lib/$real" ] || why="$why; $real missing" ;; *) why="$why; libhringas.so.0 -> '$real'" ;; esac
soname=$(readelf -d "$lib/libhringas.so.0" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')
[ "$soname" = libhringas.so.0 ] || why="$why; soname '$soname'"
syms=$(nm -D --defined-only "$lib/libhringas.so.0" | awk '$2 ~ /^[TDBR]$/ {print $3}' | sed 's/@.*//')
n=$(echo "$syms" | grep -c .)
bad=$(echo "$syms" | grep -vE '^hr_[a-z0-9]' )
[ -z "$bad" ] || why="$why; exported beyond the public API: $(echo $bad)"
[ -f "$lib/libhringas.a" ] || why="$why; no libhringas.a"
[ "$(pkg-config --modversion hringas 2>&1)" = "$(sed -nE 's/^#define HR_VERSION_STRING +"([^"]+)".*/\1/p' "$inc/hr_version.h")" ] ||
    why="$why; pkg-config --modversion differs from HR_VERSION_STRING"
if [ -z "$why" ]; then result "installed layout" 0 "one -I, $soname -> $real, $n exported symbols, all hr_ (no hr__)"
else result "installed layout" 1 "${why#; }"; fi

# ---- the examples --------------------------------------------------------------
# check_copy BIN: copies of several sizes, and a write cut short by ulimit -f
check_copy() {
    local bin=$1 d=$tmp/copy s
    mkdir -p "$d"
    for s in 0 1 32767 32768 1234567; do
        head -c $s /dev/urandom > "$d/src"
        timeout 60 "$bin" "$d/src" "$d/dst" > "$d/out" 2>&1 || { cat "$d/out"; return 1; }
        cmp -s "$d/src" "$d/dst" || { echo "    copy of $s bytes differs"; return 1; }
    done
    # RLIMIT_FSIZE 100 KiB: the write crossing it comes back short (resumed,
    # then EFBIG); everything before the limit must be there
    head -c 1234567 /dev/urandom > "$d/src"
    ( trap '' XFSZ; ulimit -f 100; exec timeout 60 "$bin" "$d/src" "$d/dst" ) > "$d/out" 2>&1
    local rc=$?
    grep -q EFBIG "$d/out" && grep -q "1 short transfers resumed" "$d/out" && [ $rc -eq 1 ] &&
        [ "$(stat -c %s "$d/dst")" -eq 102400 ] && cmp -s -n 102400 "$d/src" "$d/dst" ||
        { echo "    ulimit -f case (exit $rc):"; sed 's/^/      /' "$d/out"; return 1; }
    echo "    sizes 0 1 32767 32768 1234567 copied; ulimit -f: $(grep "^copy:" "$d/out")"
    return 0
}

for src in harness/examples/*.c; do
    ex=$(basename "$src" .c)
    extra=""
    [ "$ex" = nolibc ] && extra="-ffreestanding -nostdlib -fno-stack-protector"
    for mode in shared static; do
        name="$ex ($mode)"
        bin=$tmp/$ex-$mode
        if [ $mode = shared ]; then
            cmd=(gcc $CFLAGS $extra "$src" $(pkg-config --cflags --libs hringas) -o "$bin")
        else
            cmd=(gcc $CFLAGS $extra -static "$src" $(pkg-config --static --cflags --libs hringas) -o "$bin")
        fi
        if ! "${cmd[@]}" > "$tmp/build.log" 2>&1; then
            echo "    ${cmd[*]}"; sed 's/^/    /' "$tmp/build.log" | head -20; result "$name" 1 "build failed"; continue
        fi
        needs=$(readelf -d "$bin" | grep -c 'NEEDED.*libhringas.so.0')
        if [ $mode = shared ] && [ "$needs" -ne 1 ]; then result "$name" 1 "not linked against libhringas.so.0"; continue; fi
        if [ $mode = static ] && readelf -d "$bin" 2>/dev/null | grep -q NEEDED; then result "$name" 1 "not static"; continue; fi
        export LD_LIBRARY_PATH=$lib
        if [ "$ex" = copy ]; then
            check_copy "$bin"; rc=$?
        else
            timeout 60 "$bin" > "$tmp/out" 2>&1; rc=$?
            [ $rc -eq 0 ] && echo "    $(tail -1 "$tmp/out")" || sed 's/^/    /' "$tmp/out"
        fi
        unset LD_LIBRARY_PATH
        [ $rc -eq 124 ] && { result "$name" 1 "timed out"; continue; }
        result "$name" $rc
    done
done

# ---- uninstall ----------------------------------------------------------------
make --no-print-directory uninstall DESTDIR="$dest" PREFIX=$prefix > "$tmp/uninstall.log" 2>&1
left=$(find "$dest" ! -type d)
if [ -z "$left" ]; then result "make uninstall" 0 "no file left"
else result "make uninstall" 1 "left: $(echo $left)"; fi
finish
