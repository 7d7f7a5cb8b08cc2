#!/usr/bin/env bash
# Starts `tether --demo` under Xvfb (tools/screenshot-demo.sh), saves the picture, and checks the
# window itself (not the screen): mapped, the size the window asks for on a first start, and a
# picture of it that is not one flat colour (the rows and their countdowns are drawn).
set -euo pipefail
tether=$1; out=$2
"$(dirname "$0")/../../tools/screenshot-demo.sh" "$tether" "$out" 3
width=$(awk '/^Width:/ { print $2 }' "$out.window")
height=$(awk '/^Height:/ { print $2 }' "$out.window")
state=$(awk '/^Map/ { print $2 }' "$out.window")
colours=$(/usr/bin/identify -format '%k' "${out%.png}-window.png")
echo "window: ${width}x${height}, $state, $colours colours (screen picture: $out)"
[ "$state" = IsViewable ] || { echo "the window is not mapped" >&2; exit 1; }
[ "$width" -eq 860 ] && [ "$height" -eq 520 ] || { echo "expected the first-start size 860x520" >&2; exit 1; }
[ "$colours" -gt 50 ] || { echo "the window is (nearly) one colour" >&2; exit 1; }
