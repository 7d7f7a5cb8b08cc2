#!/usr/bin/env bash
# Run after the test suite: every process the tests started must have ended. Lists (and then
# ends) any process running an executable of the build tree, or whose working directory or
# environment points into a test's temporary root, and fails if there was one.
#   check-leftovers.sh BUILD_DIR
set -u
build=$(realpath "$1")
left=()
for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    [ "$pid" = $$ ] && continue
    exe=$(readlink "$dir/exe" 2>/dev/null) || continue
    root=$(tr '\0' '\n' < "$dir/environ" 2>/dev/null | sed -n 's/^TETHER_TEST_ROOT=//p')
    case "$exe" in
        "$build"/*) left+=("$pid $exe") ;;
        *) [ -n "$root" ] && [ ! -d "$root" ] && left+=("$pid $exe (its test root $root is gone)") ;;
    esac
done
[ ${#left[@]} -eq 0 ] && { echo "leftovers: none"; exit 0; }
echo "leftovers: ${#left[@]} process(es) outlived the tests that started them:" >&2
printf '  %s\n' "${left[@]}" >&2
for entry in "${left[@]}"; do kill "${entry%% *}" 2>/dev/null; done
exit 1
