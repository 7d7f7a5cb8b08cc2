#!/usr/bin/env bash
# Fails when a tracked C++ file is not clang-formatted (clang-format 14, .clang-format).
set -euo pipefail
cd "$(dirname "$0")/.."
bad=()
while IFS= read -r f; do
    [ -f "$f" ] || continue
    clang-format --dry-run --Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done < <(git ls-files '*.cpp' '*.h' 2>/dev/null || find app ui tests -name '*.cpp' -o -name '*.h')
if [ ${#bad[@]} -ne 0 ]; then
    echo "not clang-formatted (run 'make format'): ${bad[*]}" >&2
    exit 1
fi
echo "clang-format: all files clean"
