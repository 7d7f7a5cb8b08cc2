#!/usr/bin/env bash
# Starts `tether --demo` on a private X server (Xvfb) with a private keyring, waits for its
# window, and saves a picture of the screen: screenshot-demo.sh TETHER OUT.png [SECONDS]
# SCREENSHOT_SCREEN sets the screen (default 1100x640x24); QT_SCALE_FACTOR=2 and LANG pass through.
set -euo pipefail
tether=$(realpath "$1"); out=$(realpath -m "$2"); settle=${3:-4}
here=$(cd "$(dirname "$0")/.." && pwd)
exec "$here/tests/support/with-keyring.sh" bash -c '
    set -euo pipefail
    tether=$1; out=$2; settle=$3
    display=:$((90 + RANDOM % 100))
    Xvfb "$display" -screen 0 "${SCREENSHOT_SCREEN:-1100x640x24}" -nolisten tcp >/dev/null 2>&1 &
    xvfb=$! app=
    # The app saves its registry as it quits: wait for it, or the keyring wrapper removes the
    # directory while the app still writes into it.
    trap "kill \$app \$xvfb 2>/dev/null || true; wait \$app \$xvfb 2>/dev/null || true" EXIT
    export DISPLAY=$display
    for _ in $(seq 100); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.05; done
    "$tether" --demo 2>"$TETHER_TEST_ROOT/app.log" &
    app=$!
    for _ in $(seq 200); do grep -q "running" "$TETHER_TEST_ROOT/app.log" 2>/dev/null && break; sleep 0.05; done
    sleep "$settle"   # let the demo accounts seed and the countdowns move: this is a picture, not a test wait
    xwd -root -silent | /usr/bin/convert xwd:- "$out"
    # The window itself, for the caller that checks it: its geometry and a picture of it alone.
    window=$(xwininfo -root -tree | awk "/\\(\"tether\" \"tether\"\\)/ { print \$1; exit }")
    [ -n "$window" ] || { echo "screenshot: no top-level window of class tether" >&2; exit 1; }
    xwininfo -id "$window" | awk "/Width:|Height:|Map State:/ { print \$1, \$NF }" >"$out.window"
    xwd -id "$window" -silent | /usr/bin/convert xwd:- "${out%.png}-window.png"
' screenshot "$tether" "$out" "$settle"
