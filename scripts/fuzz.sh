#!/usr/bin/env bash
# Builds the libFuzzer targets with clang (ASan + UBSan) and runs each one for
# SECONDS (default 60) from its seed corpus in tests/fuzz/corpus/<target>.
# Any crash, leak, sanitizer report or timeout fails the script; the input
# that caused it is kept in build/fuzz/findings/<target>/ (turn it into a
# regression test under tests/unit/).
#
#   scripts/fuzz.sh [SECONDS]
#   PARADIGM_FUZZ_BUILD=DIR scripts/fuzz.sh ...   use that tree, already
#       configured with clang, PARADIGM_BUILD_FUZZ=ON, ASan + UBSan and
#       -fsanitize=fuzzer-no-link (scripts/test.sh's first step)
set -euo pipefail
source "$(dirname "$0")/common.sh"

seconds="${1:-60}"
ensure_packages "${PARADIGM_PACKAGES[@]}" clang libclang-rt-14-dev

build="${PARADIGM_FUZZ_BUILD:-$PARADIGM_ROOT/build/fuzz}"
if [ -z "${PARADIGM_FUZZ_BUILD:-}" ]; then
  CC=clang CXX=clang++ configure_build "$build" \
    -DPARADIGM_BUILD_TESTS=OFF -DPARADIGM_BUILD_EXAMPLES=OFF -DPARADIGM_BUILD_FUZZ=ON \
    -DPARADIGM_WARNINGS_AS_ERRORS=ON "-DPARADIGM_SANITIZE=address;undefined" \
    -DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" \
    -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=16
fi
targets=(model_json sse error_body retry_after routes)
cmake --build "$build" --parallel "$PARADIGM_JOBS" --target "${targets[@]/#/fuzz_}"

failed=()
for target in "${targets[@]}"; do
  log "fuzz_$target for ${seconds}s"
  # libFuzzer adds what it finds to the first corpus directory: use a scratch
  # copy so the seeds in the repository stay as committed.
  corpus="$build/corpus/$target"
  findings="$build/findings/$target"
  rm -rf "$corpus" && mkdir -p "$corpus" "$findings"
  cp "$PARADIGM_ROOT/tests/fuzz/corpus/$target/"* "$corpus/"
  if ! ASAN_OPTIONS=detect_leaks=1 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
    "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -max_len=65536 -print_final_stats=1 -artifact_prefix="$findings/" "$corpus" \
      >"$build/fuzz_$target.log" 2>&1; then
    tail -n 60 "$build/fuzz_$target.log" >&2
    failed+=("$target")
  else
    grep -E '^stat::(number_of_executed_units|peak_rss_mb)' "$build/fuzz_$target.log" | tr '\n' ' ' >&2
    echo >&2
  fi
done

if [ ${#failed[@]} -ne 0 ]; then
  echo "Fuzzing found problems in: ${failed[*]} (inputs in $build/findings/)" >&2
  exit 1
fi
log "Fuzzing: no findings"
