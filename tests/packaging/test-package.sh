#!/usr/bin/env bash
# The Debian package, checked as a user would get it: built with CPack, unpacked with
# dpkg-deb -x into a scratch root, and everything in it exercised from there.
#   test-package.sh BUILD_DIR
set -euo pipefail
build=$(realpath "$1")
scratch=$(mktemp -d); trap 'rm -rf "$scratch"' EXIT
pass=0; fail=0
check() { # check NAME COMMAND...
    local name=$1; shift
    if "$@" >"$scratch/out" 2>&1; then pass=$((pass + 1)); echo "ok   $name"
    else fail=$((fail + 1)); echo "FAIL $name"; sed 's/^/     /' "$scratch/out"; fi
}

cmake --build "$build" --target package >"$scratch/cpack.log" 2>&1 || { cat "$scratch/cpack.log"; exit 1; }
deb=$(ls "$build"/tether_*_amd64.deb)
root=$scratch/root
dpkg-deb -x "$deb" "$root"
tether=$root/usr/bin/tether

check "desktop entry validates" desktop-file-validate "$root/usr/share/applications/io.github.tether.Tether.desktop"
check "autostart entry validates" desktop-file-validate "$root/usr/share/tether/io.github.tether.Tether-autostart.desktop"
check "autostart entry runs tether --hidden" grep -qx 'Exec=tether --hidden' "$root/usr/share/tether/io.github.tether.Tether-autostart.desktop"
check "AppStream metainfo validates" appstreamcli validate --no-net "$root/usr/share/metainfo/io.github.tether.Tether.metainfo.xml"
check "metainfo launches the desktop entry" grep -q '<launchable type="desktop-id">io.github.tether.Tether.desktop</launchable>' \
    "$root/usr/share/metainfo/io.github.tether.Tether.metainfo.xml"
for size in 48x48 128x128; do
    check "icon $size is a ${size} PNG" bash -c "file '$root/usr/share/icons/hicolor/$size/apps/io.github.tether.Tether.png' | grep -q '${size/x/ x },'"
done
check "scalable icon" test -s "$root/usr/share/icons/hicolor/scalable/apps/io.github.tether.Tether.svg"

check "unpacked tether --version (its command module, ../lib/tether/libtether-cli.so)" bash -c "'$tether' --version | grep -qx 'tether [0-9]*\.[0-9]*\.[0-9]*'"
check "unpacked tether providers" bash -c "XDG_CONFIG_HOME='$scratch/cfg' XDG_DATA_HOME='$scratch/data' '$tether' providers | grep -q '^pagero '"

opens_window() { # the unpacked binary finds ../lib/tether/libtether-gui.so and starts
    set +o pipefail # grep stops reading at the first match; the app is then ended
    mkdir -p "$scratch/run-gui" && chmod 700 "$scratch/run-gui"
    XDG_CONFIG_HOME=$scratch/cfg XDG_DATA_HOME=$scratch/data XDG_RUNTIME_DIR=$scratch/run-gui \
        QT_QPA_PLATFORM=offscreen timeout 20 "$tether" --hidden 2>&1 | grep -m1 -q 'tether: running'
}
check "unpacked tether opens its window module" opens_window

fields=$(dpkg-deb -f "$deb" Depends Recommends Section)
check "Depends has libsecret-1-0 (loaded at run time)" grep -q 'libsecret-1-0' <<<"$fields"
check "Depends has the shlibdeps (QtKeychain, Qt)" grep -q 'libqt6keychain1.*libqt6network6\|libqt6network6.*libqt6keychain1' <<<"$fields"
check "Recommends a Secret Service" grep -q 'Recommends: gnome-keyring | kwalletmanager | keepassxc' <<<"$fields"
check "Section utils" grep -q 'Section: utils' <<<"$fields"

check "man page renders" bash -c "MANWIDTH=80 man -l '$root/usr/share/man/man1/tether.1.gz' | grep -q 'EXIT STATUS'"

# Completion: loads in bash and completes commands, providers and account ids.
mkdir -p "$scratch/cfg/tether"
cat >"$scratch/cfg/tether/accounts.json" <<'JSON'
{"schema": 1, "accounts": [
 {"id": "bank-main", "provider": "aiia", "client_id": "c", "status": {"state": "connected"}},
 {"id": "books", "provider": "pagero", "client_id": "c", "status": {"state": "not_connected"}}]}
JSON
complete_words() { # complete_words WORD... : what bash completes for the last word
    PATH="$root/usr/bin:$PATH" XDG_CONFIG_HOME="$scratch/cfg" XDG_RUNTIME_DIR="$scratch/run" bash -c '
        source "$0"
        COMP_WORDS=("$@"); COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
        _tether; printf "%s\n" "${COMPREPLY[@]}"' "$root/usr/share/bash-completion/completions/tether" "$@"
}
mkdir -p "$scratch/run" && chmod 700 "$scratch/run"
check "completion: commands" bash -c "$(declare -f complete_words); root='$root' scratch='$scratch'; complete_words tether to | grep -qx token"
check "completion: account ids" bash -c "$(declare -f complete_words); root='$root' scratch='$scratch'; [ \"\$(complete_words tether token b | sort | tr '\n' ' ')\" = 'bank-main books ' ]"
check "completion: providers" bash -c "$(declare -f complete_words); root='$root' scratch='$scratch'; complete_words tether add x --provider pa | grep -qx pagero"

# The Flatpak manifest cannot be built here (it fetches the KDE runtime and QtKeychain), so check
# what can be checked: it parses, names the same app id, asks for what Tether talks to, and
# builds QtKeychain for Qt 6.
manifest=$(dirname "$0")/../../packaging/io.github.tether.Tether.yml
check "Flatpak manifest is well-formed and complete" python3 - "$manifest" <<'PY'
import sys, yaml
m = yaml.safe_load(open(sys.argv[1]))
assert m["id"] == "io.github.tether.Tether" and m["command"] == "tether", m
assert m["runtime"] == "org.kde.Platform" and m["sdk"] == "org.kde.Sdk"
assert float(m["runtime-version"]) >= 6, "a Qt 6 (KDE 6) runtime"
args = set(m["finish-args"])
for needed in ("--share=network", "--talk-name=org.freedesktop.secrets", "--system-talk-name=org.freedesktop.login1",
               "--talk-name=org.freedesktop.Notifications"):
    assert needed in args, needed
names = [module["name"] for module in m["modules"]]
assert names[-1] == "tether" and "qtkeychain" in names, names
assert "-DBUILD_WITH_QT6=ON" in m["modules"][names.index("qtkeychain")]["config-opts"]
PY

echo "packaging: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
