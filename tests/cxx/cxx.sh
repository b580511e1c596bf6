#!/usr/bin/env bash
# cxx.sh O -- suite `cxx`: the public headers as C++17.  Run from the repo
# root by `make suite-cxx` (O = build/<arch>, the library already built).
#   headers-g++ / headers-clang++  every core/*.h included alone in a C++ TU
#   intree-g++-static               tests/cxx/cxx_api.cpp, -Icore -Ispecs, libhringas.a
#   intree-clang++-shared           the same with clang++ against libhringas.so
#   installed-g++-shared            `make install` into a temporary DESTDIR, then
#   installed-clang++-static        pkg-config hringas (--static for the latter)
# Each case compiles with -std=c++17 -Wall -Wextra -Werror, links, and runs
# the program (NOPs on the real kernel; exit 77 = io_uring unavailable).
# A missing compiler is a failure (apt-get install g++ clang), not a skip.
set -u
O=$1
CXXFLAGS="-std=c++17 -Wall -Wextra -Werror -O2"
pass=0 fail=0 skip=0
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

result() {  # result NAME RC [why]
    case $2 in
      0)  echo "  PASS  $1"; pass=$((pass + 1)) ;;
      77) echo "  SKIP  $1: ${3:-io_uring unavailable}"; skip=$((skip + 1)) ;;
      *)  echo "  FAIL  $1 (${3:-exit $2})"; fail=$((fail + 1)) ;;
    esac
}

# build_run NAME LIBPATH CMD...: compile with CMD, then run the program
build_run() {
    local name=$1 libpath=$2; shift 2
    if ! "$@" -o "$tmp/$name" > "$tmp/$name.log" 2>&1; then
        sed 's/^/    /' "$tmp/$name.log" | head -30; result "$name" 1 "build failed"; return
    fi
    LD_LIBRARY_PATH=$libpath timeout 30 "$tmp/$name" > "$tmp/$name.out" 2>&1
    local rc=$?
    [ $rc -eq 0 ] || sed 's/^/    /' "$tmp/$name.out"
    result "$name" "$rc" "$(tail -1 "$tmp/$name.out")"
}

for cxx in g++ clang++; do
    if ! command -v $cxx > /dev/null; then result "headers-$cxx" 1 "$cxx not found: apt-get install ${cxx/clang++/clang}"; continue; fi
    bad=()
    for h in core/*.h; do
        printf '#include "%s"\nint main() { return 0; }\n' "${h#core/}" > "$tmp/h.cpp"
        $cxx $CXXFLAGS -Icore -Ispecs -fsyntax-only "$tmp/h.cpp" > "$tmp/h.log" 2>&1 ||
            { bad+=("$h"); sed 's/^/    /' "$tmp/h.log" | head -8; }
    done
    if [ ${#bad[@]} -eq 0 ]; then result "headers-$cxx" 0
    else result "headers-$cxx" 1 "${bad[*]}"; fi
done

build_run intree-g++-static "" g++ $CXXFLAGS -Icore -Ispecs tests/cxx/cxx_api.cpp "$O/libhringas.a"
build_run intree-clang++-shared "$O" clang++ $CXXFLAGS -Icore -Ispecs tests/cxx/cxx_api.cpp -L"$O" -lhringas

dest=$tmp/dest
if make --no-print-directory install DESTDIR="$dest" PREFIX=/usr/local > "$tmp/install.log" 2>&1; then
    export PKG_CONFIG_PATH=$dest/usr/local/lib/pkgconfig PKG_CONFIG_SYSROOT_DIR=$dest
    build_run installed-g++-shared "$dest/usr/local/lib" \
        g++ $CXXFLAGS tests/cxx/cxx_api.cpp $(pkg-config --cflags --libs hringas)
    build_run installed-clang++-static "" \
        clang++ $CXXFLAGS -static tests/cxx/cxx_api.cpp $(pkg-config --static --cflags --libs hringas)
else
    sed 's/^/    /' "$tmp/install.log" | tail -20
    result installed-g++-shared 1 "make install failed"; result installed-clang++-static 1 "make install failed"
fi
echo "cxx: $pass passed, $fail failed, $skip skipped"
[ $fail -eq 0 ]
