#!/usr/bin/env bash
# Runs a command against a real Secret Service: gnome-keyring in a private D-Bus session,
# unlocked with a password on stdin, with HOME and XDG_* in a fresh temporary directory that
# is removed afterwards. Nothing of the user's own session or keyring is touched.
#   with-keyring.sh COMMAND [ARGS...]
# The command sees TETHER_TEST_ROOT (the temporary directory) and TETHER_KEYRING_PASSWORD.
set -euo pipefail

root=$(mktemp -d "${TMPDIR:-/tmp}/tether-keyring.XXXXXX")
cleanup() { rm -rf "$root"; }
trap cleanup EXIT

export TETHER_TEST_ROOT=$root
export HOME=$root/home
export XDG_CONFIG_HOME=$root/config XDG_DATA_HOME=$root/data XDG_CACHE_HOME=$root/cache
export XDG_STATE_HOME=$root/state XDG_RUNTIME_DIR=$root/runtime
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
unset DBUS_SESSION_BUS_ADDRESS GNOME_KEYRING_CONTROL SSH_AUTH_SOCK DISPLAY WAYLAND_DISPLAY
export TETHER_KEYRING_PASSWORD="keyring-pw-$RANDOM$RANDOM"

# Inside the session: create and unlock the login keyring, then serve org.freedesktop.secrets.
# The bus and the daemon chatter on stderr; that goes to a log, the command keeps the real stderr
# (fd 3). The keyring daemon forks away from this script and would keep fd 3, which is the test
# runner's pipe: while a daemon holds it, ctest waits for its end, up to the test's timeout. So the
# daemon gets it closed, and only the command has it.
exec 3>&2
# shellcheck disable=SC2016
dbus-run-session -- bash -c '
    set -e
    printf %s "$TETHER_KEYRING_PASSWORD" | gnome-keyring-daemon --unlock --components=secrets >/dev/null 3>&-
    gnome-keyring-daemon --start --components=secrets >/dev/null 3>&-
    exec "$@" 2>&3 3>&-
' with-keyring "$@" 2>>"$root/session.log"
