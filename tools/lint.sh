#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy) and clazy (the checks below) over every translation unit of
# app/, ui/ and demo/ in BUILD_DIR's compile_commands.json. Prints each finding; fails on any.
#   tools/lint.sh BUILD_DIR [tidy|clazy]
#
# clazy: level0 and level1, plus connect-3arg-lambda, which gives QT_NO_CONTEXTLESS_CONNECT its
# meaning before Qt 6.7 (where the macro starts to be enforced). Off, with the reason:
#   strict-iterators      Qt 6 containers' erase() takes a const_iterator by design.
#   non-pod-global-static every global is a QStringLiteral (static data, nothing allocated) or
#                         the command table read by every command.
set -euo pipefail
build=${1:?usage: tools/lint.sh BUILD_DIR [tidy|clazy]}
which=${2:-all}
here=$(cd "$(dirname "$0")/.." && pwd)
db=$build/compile_commands.json
[ -f "$db" ] || { echo "lint: $db is missing (configure with CMAKE_EXPORT_COMPILE_COMMANDS=ON)" >&2; exit 2; }
mapfile -t units < <(python3 - "$db" "$here" <<'PY'
import json, sys
db, root = sys.argv[1], sys.argv[2]
for entry in json.load(open(db)):
    f = entry["file"]
    if any(f.startswith(f"{root}/{d}/") for d in ("app", "ui", "demo")):
        print(f)
PY
)
jobs=$(nproc 2>/dev/null || echo 2)
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
status=0

if [ "$which" = all ] || [ "$which" = tidy ]; then
    printf '%s\n' "${units[@]}" | xargs -P "$jobs" -n 4 clang-tidy-14 -p "$build" --quiet \
        >"$out/tidy" 2>&1 || true
    if grep -E '(warning|error): ' "$out/tidy" | grep -v '^Error while processing' | sort -u >"$out/tidy.found"
    then cat "$out/tidy.found"; status=1; fi
    echo "clang-tidy: ${#units[@]} files, $(wc -l <"$out/tidy.found") findings"
fi

if [ "$which" = all ] || [ "$which" = clazy ]; then
    checks=level0,level1,connect-3arg-lambda,no-strict-iterators,no-non-pod-global-static
    printf '%s\n' "${units[@]}" | xargs -P "$jobs" -n 4 clazy-standalone -p "$db" \
        --checks="$checks" --header-filter="$here/(app|ui|demo)/" >"$out/clazy" 2>&1 || true
    if grep -E '(warning|error): ' "$out/clazy" | sort -u >"$out/clazy.found"
    then cat "$out/clazy.found"; status=1; fi
    echo "clazy: ${#units[@]} files, $(wc -l <"$out/clazy.found") findings"
fi
exit $status
