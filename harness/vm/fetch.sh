#!/usr/bin/env bash
# harness/vm/fetch.sh -- fetch what the VM suites boot (vm-x86_64-6.1,
# vm-aarch64-6.1) into the VM cache, from Debian packages only:
#   linux-image-6.1.0-N-cloud-amd64        Debian 12's current 6.1 cloud kernel
#   linux-image-6.1.0-N-cloud-arm64:arm64  (N: what linux-image-cloud-<arch> depends on)
#   busybox-static (amd64 and arm64)       the initramfs userland
# fetched with `apt-get download`, unpacked with `dpkg-deb -x`, and checked.
# Called by .ci/deps; nothing is downloaded at test time.  Idempotent: a cache
# that already holds the current packages is left alone.
#
# Cache: $HR_VM_CACHE, default /var/cache/hringas-vm (outside build/, so it
# survives `make clean`), one folder per architecture:
#   <arch>/vmlinuz  <arch>/config  <arch>/busybox  <arch>/packages
set -eu
cache=${HR_VM_CACHE:-/var/cache/hringas-vm}
SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo

say() { echo "vm-fetch: $*"; }

# arm64 packages are only visible to apt once the architecture is added.
updated=0
if ! dpkg --print-foreign-architectures | grep -qx arm64; then
    $SUDO dpkg --add-architecture arm64
    $SUDO apt-get update -qq
    updated=1
fi

# The exact kernel packages: what the metapackages linux-image-cloud-<deb>
# depend on today (Debian 12: linux-image-6.1.0-N-cloud-<deb>), and the
# candidate versions, in one apt-cache call each (apt-cache is slow).
resolve() {
    kpkgs=$(apt-cache depends linux-image-cloud-amd64:amd64 linux-image-cloud-arm64:arm64 2>/dev/null |
        sed -n 's/^ *Depends: \(linux-image-6\.1\.0-[0-9]*-cloud-\(amd64\|arm64\)\)\(:arm64\)\{0,1\}$/\1:\2/p')
    [ -n "$kpkgs" ] || { policy=; return 0; }
    # "pkg:arch version" per line
    policy=$(apt-cache policy $kpkgs busybox-static:amd64 busybox-static:arm64 2>/dev/null |
        awk '/^[^ ].*:$/ { p = substr($0, 1, length($0) - 1); if (p !~ /:/) p = p ":amd64" }
             /^ *Candidate:/ && $2 != "(none)" { print p, $2 }')
}
want_for() {   # deb-arch -> "kernel-pkg=version busybox-static=version" (empty: unknown)
    local k b
    k=$(echo "$policy" | awk -v a="$1" '$1 ~ "^linux-image-.*:" a "$" { sub(":" a "$", "", $1); print $1 "=" $2 }')
    b=$(echo "$policy" | awk -v a="$1" '$1 == "busybox-static:" a { print "busybox-static=" $2 }')
    [ -n "$k" ] && [ -n "$b" ] && echo "$k $b"
    return 0
}
resolve

fetch_one() {   # deb-arch (amd64|arm64) -> cache/<uname -m>
    local deb=$1 arch=$2 want dir tmp
    dir=$cache/$arch
    want=$(want_for "$deb")
    if [ -z "$want" ] && [ "$updated" -eq 0 ]; then
        $SUDO apt-get update -qq; updated=1; resolve; want=$(want_for "$deb")
    fi
    if [ -z "$want" ]; then
        if [ -s "$dir/vmlinuz" ]; then
            say "$arch: apt knows no linux-image-cloud-$deb; keeping the cached $(cat "$dir/packages" 2>/dev/null)"
            return 0
        fi
        say "FAILED: no linux-image-6.1.0-*-cloud-$deb package known to apt"; return 1
    fi
    if [ -s "$dir/vmlinuz" ] && [ -s "$dir/busybox" ] && [ "$(cat "$dir/packages" 2>/dev/null)" = "$want" ]; then
        say "$arch: cached $want"; return 0
    fi
    say "$arch: fetching $want"
    tmp=$(mktemp -d)
    chmod 755 "$tmp"
    local k=${want%% *}; k=${k%%=*}
    # apt-get download runs as _apt when it can write the folder: let it.
    chown _apt "$tmp" 2>/dev/null || true
    (cd "$tmp" && apt-get download -q "$k:$deb" "busybox-static:$deb" >/dev/null)
    mkdir -p "$tmp/x"
    for d in "$tmp"/*.deb; do dpkg-deb -x "$d" "$tmp/x"; done
    $SUDO mkdir -p "$dir"
    $SUDO install -m 644 "$tmp"/x/boot/vmlinuz-* "$dir/vmlinuz"
    $SUDO install -m 644 "$tmp"/x/boot/config-* "$dir/config"
    $SUDO install -m 755 "$tmp/x/bin/busybox" "$dir/busybox"
    echo "$want" | $SUDO tee "$dir/packages" >/dev/null
    rm -rf "$tmp"
}

fetch_one amd64 x86_64
fetch_one arm64 aarch64

# ---- checks -----------------------------------------------------------------
bad=0
for arch in x86_64 aarch64; do
    d=$cache/$arch
    [ -s "$d/vmlinuz" ] || { say "FAILED: $d/vmlinuz missing"; bad=1; }
    grep -qx 'CONFIG_IO_URING=y' "$d/config" 2>/dev/null || { say "FAILED: $d/config: no CONFIG_IO_URING=y"; bad=1; }
    grep -qx 'CONFIG_BLK_DEV_INITRD=y' "$d/config" 2>/dev/null || { say "FAILED: $d/config: no initramfs support"; bad=1; }
done
"$cache/x86_64/busybox" true 2>/dev/null || { say "FAILED: $cache/x86_64/busybox does not run"; bad=1; }
qemu-aarch64 "$cache/aarch64/busybox" true 2>/dev/null || { say "FAILED: $cache/aarch64/busybox does not run under qemu-aarch64"; bad=1; }
[ "$bad" -eq 0 ] || exit 1
say "ok: $cache/x86_64 ($(cat "$cache/x86_64/packages")), $cache/aarch64 ($(cat "$cache/aarch64/packages"))"
