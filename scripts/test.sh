#!/usr/bin/env bash
# Installs what is missing, then runs every test:
#   1. the whole suite, built with warnings as errors (the benchmarks are
#      built too, so that they keep compiling, but not run);
#   2. the whole suite again under AddressSanitizer + UndefinedBehaviorSanitizer;
#   3. the concurrency tests under ThreadSanitizer;
#   4. each fuzz target for a short, fixed time (scripts/fuzz.sh).
#
#   scripts/test.sh           everything (what CI runs)
#   scripts/test.sh --quick   step 1 only
set -euo pipefail
source "$(dirname "$0")/common.sh"

quick=false
[ "${1:-}" = "--quick" ] && quick=true

packages=("${PARADIGM_PACKAGES[@]}" libbenchmark-dev)
$quick || packages+=(clang libclang-rt-14-dev)
ensure_packages "${packages[@]}"

run_suite() {  # run_suite DIR [ctest options...]
  local dir="$1"
  shift
  ctest --test-dir "$dir" --output-on-failure --parallel "$PARADIGM_JOBS" --timeout 900 "$@"
}

log "1/4 Build with warnings as errors, run every test"
build="$PARADIGM_ROOT/build/ci"
configure_build "$build" -DPARADIGM_WARNINGS_AS_ERRORS=ON -DPARADIGM_BUILD_BENCH=ON
cmake --build "$build" --parallel "$PARADIGM_JOBS"
run_suite "$build"
if $quick; then
  log "All tests passed (quick: sanitizers and fuzzing skipped)"
  exit 0
fi

log "2/4 The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer"
asan="$PARADIGM_ROOT/build/asan"
configure_build "$asan" -DPARADIGM_WARNINGS_AS_ERRORS=ON "-DPARADIGM_SANITIZE=address;undefined"
cmake --build "$asan" --parallel "$PARADIGM_JOBS"
# The package tests install and rebuild the library without sanitizers: they ran in step 1.
ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=1:strict_string_checks=1 \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  run_suite "$asan" -E '^package\.'

log "3/4 Concurrency tests under ThreadSanitizer"
tsan="$PARADIGM_ROOT/build/tsan"
configure_build "$tsan" -DPARADIGM_WARNINGS_AS_ERRORS=ON -DPARADIGM_SANITIZE=thread -DPARADIGM_BUILD_EXAMPLES=OFF
cmake --build "$tsan" --parallel "$PARADIGM_JOBS" \
  --target paradigm_integration_tests paradigm_transport_tests paradigm_workflow_tests
TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$PARADIGM_ROOT/tests/tsan.supp" \
  run_suite "$tsan" -R '^(Concurrency|Client\.OneClientServesEightThreadsAtOnce|Cancellation|SystemClock|Streaming\.CancellationStopsAStreamPromptly|Async|AsyncCalls|TurnSets|CurlPool|TlsRelay)'

log "4/4 Fuzzing, 20 s per target"
"$PARADIGM_ROOT/scripts/fuzz.sh" 20

log "All tests passed"
