#!/usr/bin/env bash
# Starts `tether --demo` under Xvfb (tools/screenshot-demo.sh), saves the picture, and checks
# that it shows a window: an image of the screen's size that is not one flat colour.
set -euo pipefail
tether=$1; out=$2
"$(dirname "$0")/../../tools/screenshot-demo.sh" "$tether" "$out" 3
read -r width height colours < <(/usr/bin/identify -format '%w %h %k\n' "$out")
echo "screenshot: $out ${width}x${height}, $colours colours"
[ "$width" -eq 1100 ] && [ "$height" -eq 640 ] && [ "$colours" -gt 50 ]
