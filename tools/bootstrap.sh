#!/usr/bin/env bash
# Installs the Debian packages Tether needs to build, run and test. Idempotent: installs only
# what is missing, so a second run costs one dpkg query. Runs as root or through sudo.
set -euo pipefail

packages=(
    # build
    build-essential cmake make pkg-config clang-format
    # static analysis (tools/lint.sh): clang-tidy and clazy
    clang-tidy-14 clazy
    libdbus-1-dev qt6-base-dev qt6-base-dev-tools qt6-svg-dev libgl-dev qtkeychain-qt6-dev
    qt6-tools-dev qt6-l10n-tools qt6-translations-l10n libqrencode-dev
    # packaging: icons rendered at build time, the .deb, and its checks
    librsvg2-bin dpkg-dev file desktop-file-utils appstream man-db python3-yaml lintian libxml2-utils
    devscripts
    # the package installed into a minimal Debian 12 made by debootstrap
    debootstrap
    # run: QtKeychain loads libsecret at run time to reach the Secret Service
    libqt6keychain1 libsecret-1-0 libqt6svg6
    # tests: a real Secret Service in a private D-Bus session, the loopback token server
    dbus dbus-bin gnome-keyring libsecret-tools python3 curl xvfb xauth x11-utils x11-apps imagemagick
    # the credential helper's tests: the real git client and its HTTP server (git http-backend)
    git
    # the mail tests: Dovecot's IMAP server with its oauth2 passdb (run by the test itself), and
    # isync with the XOAUTH2 SASL plugin as a mail client
    dovecot-imapd isync libsasl2-modules-kdexoauth2
    # session tests: a notification server, a tray host and logind (python3-dbusmock), a window
    # manager that closes windows as users do, systemd's unit checker, and Flatpak's sandbox
    # tool (a caller with a /.flatpak-info of its own)
    python3-dbusmock python3-dbus python3-gi openbox wmctrl systemd libglib2.0-bin bubblewrap
    # a German locale, so that other libraries' messages (GLib, libsecret) come in German too
    locales
    # the accessibility tree: the AT-SPI bus and registry, and a client that reads it
    at-spi2-core python3-pyatspi
    # fuzzing: clang's libFuzzer and sanitizer runtimes
    clang-14 libclang-rt-14-dev
    # end-to-end tests: a real browser (playwright-core drives it; it downloads no browser)
    chromium
)
# Node.js and npm for the end-to-end tests' authorization server, unless the machine has them.
command -v node >/dev/null && command -v npm >/dev/null || packages+=(nodejs npm)

missing=()
for p in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
    [ "$status" = installed ] || missing+=("$p")
done

german=$(locale -a 2>/dev/null | grep -qix 'de_DE.utf8' && echo yes || echo no)
if [ ${#missing[@]} -eq 0 ] && [ "$german" = yes ]; then
    exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "bootstrap: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
if [ ${#missing[@]} -gt 0 ]; then
    echo "bootstrap: installing ${missing[*]}" >&2
    "${sudo[@]}" apt-get update -qq
    "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    # The mail tests start a Dovecot of their own on a free loopback port; the system's, which
    # the package enables, is not needed and stays off.
    if printf '%s\n' "${missing[@]}" | grep -qx dovecot-imapd && [ -d /run/systemd/system ]; then
        "${sudo[@]}" systemctl disable --now dovecot.service dovecot.socket >/dev/null 2>&1 || true
    fi
fi
# de_DE.UTF-8, for the tests that run Tether (and the libraries under it) in German.
if [ "$german" = no ]; then
    echo "bootstrap: generating the de_DE.UTF-8 locale" >&2
    "${sudo[@]}" sed -i 's/^# *de_DE.UTF-8 UTF-8/de_DE.UTF-8 UTF-8/' /etc/locale.gen
    grep -q '^de_DE.UTF-8 UTF-8' /etc/locale.gen || echo 'de_DE.UTF-8 UTF-8' | "${sudo[@]}" tee -a /etc/locale.gen >/dev/null
    "${sudo[@]}" locale-gen >/dev/null
fi
