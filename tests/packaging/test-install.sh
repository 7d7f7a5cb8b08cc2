#!/usr/bin/env bash
# The .deb installed the way a user installs it (`apt-get install ./tether_*.deb`) into a minimal
# Debian 12 made by `debootstrap --variant=minbase`, then run there: --version, providers, and
# `tether add` on a system without a Secret Service, which must exit 5 with one line.
#   test-install.sh DEB
# The minimal system is built once and cached as a tarball (TETHER_CACHE, default
# ~/.cache/tether), with the .debs apt downloads; a run after the first needs no download beyond
# apt's index. Where the machine cannot build one (not root, no debootstrap, no mirror) the test
# says why and is skipped (exit 77, ctest's SKIP_RETURN_CODE).
set -euo pipefail
deb=$(realpath "$1")
cache=${TETHER_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/tether}
tarball=$cache/debian12-minbase.tar
archives=$cache/apt-archives
mirror=${TETHER_DEBIAN_MIRROR:-http://deb.debian.org/debian}

skip() { echo "SKIP minimal-system install: $*"; exit 77; }
[ "$(id -u)" -eq 0 ] || skip "needs root to chroot (run as root, or through sudo)"
command -v debootstrap >/dev/null || skip "debootstrap is not installed (apt-get install debootstrap)"

mkdir -p "$cache" "$archives/partial"
if [ ! -s "$tarball" ]; then
    echo "building a minimal Debian 12 with debootstrap (once; cached in $tarball)"
    build=$(mktemp -d "$cache/debootstrap.XXXXXX")
    if ! debootstrap --variant=minbase bookworm "$build" "$mirror" >"$cache/debootstrap.log" 2>&1; then
        tail -5 "$cache/debootstrap.log"; rm -rf "$build"
        skip "debootstrap could not build a minimal Debian 12 from $mirror (log: $cache/debootstrap.log)"
    fi
    rm -rf "$build"/var/cache/apt/archives/*.deb "$build"/var/lib/apt/lists/*
    tar -C "$build" -cf "$tarball.part" . && mv "$tarball.part" "$tarball"
    rm -rf "$build"
fi

root=$(mktemp -d)
mounts=()
cleanup() {
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do umount -l "${mounts[i]}" 2>/dev/null || true; done
    rm -rf --one-file-system "$root"
}
trap cleanup EXIT
tar -C "$root" -xf "$tarball"
for m in proc dev; do mount --bind "/$m" "$root/$m"; mounts+=("$root/$m"); done
mount --bind "$archives" "$root/var/cache/apt/archives"; mounts+=("$root/var/cache/apt/archives")
cp /etc/resolv.conf "$root/etc/resolv.conf"
cp "$deb" "$root/tmp/"
in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }

pass=0; fail=0
check() { # check NAME COMMAND...
    local name=$1; shift
    if "$@" >"$root/tmp/out" 2>&1; then pass=$((pass + 1)); echo "ok   $name"
    else fail=$((fail + 1)); echo "FAIL $name"; sed 's/^/     /' "$root/tmp/out"; fi
}

in_root apt-get update -qq >/dev/null 2>&1 || skip "apt-get update failed in the minimal system (no mirror reachable)"
# Without Recommends: the point is a system with no Secret Service.
check "apt-get install ./$(basename "$deb") on a minimal Debian 12" \
    in_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "/tmp/$(basename "$deb")"
check "tether --version" bash -c "chroot '$root' tether --version | grep -qx 'tether [0-9.]*'"
check "tether providers" bash -c "chroot '$root' env -i HOME=/root tether providers | grep -q '^pagero '"
check "modules installed outside ldconfig's folders" test -e "$root/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH)/tether/libtether-cli.so"

no_keychain() { # exit 5, and exactly one line on stderr, nothing on stdout
    local out err code
    set +e
    echo s3cret | chroot "$root" env -i HOME=/root PATH=/usr/bin:/bin \
        tether add bank --provider pagero --client-id c --client-secret-stdin >"$root/tmp/stdout" 2>"$root/tmp/stderr"
    code=$?
    set -e
    err=$(cat "$root/tmp/stderr"); out=$(cat "$root/tmp/stdout")
    echo "exit $code; stderr: $err"
    [ "$code" -eq 5 ] && [ "$(wc -l <"$root/tmp/stderr")" -eq 1 ] && [ -z "$out" ] \
        && grep -q 'no D-Bus session bus' "$root/tmp/stderr"
}
check "tether add without a Secret Service: exit 5, one line" no_keychain
check "nothing written when the keychain is missing" bash -c "! grep -qs bank '$root/root/.config/tether/accounts.json'"

echo "install: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
