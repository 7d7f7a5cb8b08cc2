#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (AddressSanitizer and UndefinedBehaviorSanitizer on the
# core) and runs each for SECONDS, starting from the seed corpus in tests/fuzz/corpus. Prints one
# line per target and a summary; fails on any crash, leak or sanitizer report.
#   tools/fuzz.sh [SECONDS] [BUILD_DIR]
set -euo pipefail
seconds=${1:-60}
here=$(cd "$(dirname "$0")/.." && pwd)
build=${2:-$here/build/fuzz}
targets=(token_answer profile import discovery callback device stored_token)

cmake -S "$here" -B "$build" -DCMAKE_CXX_COMPILER=clang++-14 -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DTETHER_FUZZ=ON -DTETHER_SANITIZE=ON -DBUILD_TESTING=OFF >/dev/null
cmake --build "$build" -j "$(nproc)" --target "${targets[@]/#/fuzz_}" >/dev/null

total_runs=0; failed=0
for t in "${targets[@]}"; do
    corpus=$build/corpus/$t
    mkdir -p "$corpus"
    cp -n "$here/tests/fuzz/corpus/$t/"* "$corpus/" 2>/dev/null || true
    log=$build/fuzz_$t.log
    if ASAN_OPTIONS=detect_leaks=1 "$build/bin/fuzz_$t" -max_total_time="$seconds" -timeout=10 \
            -rss_limit_mb=2048 -artifact_prefix="$build/crash-$t-" "$corpus" >"$log" 2>&1; then
        runs=$(sed -n 's/^Done \([0-9]*\) runs in .*/\1/p' "$log" | tail -1)
        echo "fuzz_$t: ${runs:-0} runs in ${seconds}s, corpus $(ls "$corpus" | wc -l) inputs, no crash"
        total_runs=$((total_runs + ${runs:-0}))
    else
        echo "fuzz_$t: FAILED (see $log)"; tail -30 "$log"; failed=$((failed + 1))
    fi
done
echo "fuzz: ${#targets[@]} targets, $total_runs executions, ${seconds}s each, $failed failed"
[ "$failed" -eq 0 ]
