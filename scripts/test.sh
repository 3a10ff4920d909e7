#!/usr/bin/env bash
# Installs what is missing, then runs every test:
#   1. the whole suite with clang + libstdc++ under AddressSanitizer +
#      UndefinedBehaviorSanitizer (any report fails it), warnings as errors;
#      the same tree, instrumented for coverage, runs each fuzz target for a
#      short, fixed time (scripts/fuzz.sh);
#   2. the library as packaged, with GCC (shared, for /usr, -O2, warnings as
#      errors): the package tests (installed and add_subdirectory consumers,
#      exports), the header matrix (GCC and clang + libc++, C++17/20/23), the
#      benchmarks compiled (not run), and the Debian packages made
#      (scripts/package.sh), installed, used from /usr and removed
#      (tests/package/deb_roundtrip.sh);
#   3. clang + libc++: library, unit tests, one example (scripts/clang-libcxx.sh);
#   4. the concurrency tests under ThreadSanitizer, with GCC (the executors, the
#      application-driven loop, coroutines and Asio, futures, durable turn sets,
#      exactly-once creates and streams, outages and the OTLP exporter among them).
# The C++20 parts (tests/cxx20, examples/coroutines.cpp and asio_server.cpp)
# build and run in steps 1 (clang) and 4 (GCC).
#
#   scripts/test.sh           everything (what CI runs)
#   scripts/test.sh --quick   step 1 only
set -euo pipefail
source "$(dirname "$0")/common.sh"

quick=false
[ "${1:-}" = "--quick" ] && quick=true

packages=("${PARADIGM_PACKAGES[@]}" libbenchmark-dev clang libclang-rt-14-dev)
$quick || packages+=(libc++-dev libc++abi-dev dpkg-dev file)
ensure_packages "${packages[@]}"

# Every tree is a unity build (CMake joins up to 16 sources of a target into
# one translation unit): the suite compiles in half the time. Each file alone
# still compiles in scripts/clang-libcxx.sh (library, unit tests) and in the
# package.add_subdirectory_shared test (library, GCC).
unity=(-DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=16)
# Sanitizer trees are unoptimised (GCC compiles ASan + UBSan at -O1 three
# times slower than at -O0, clang twice), with line tables for the reports
# and assertions on (nlohmann/json's among them).

run_suite() {  # run_suite DIR [ctest options...]
  local dir="$1"
  shift
  ctest --test-dir "$dir" --output-on-failure --parallel "$PARADIGM_JOBS" --timeout 900 "$@"
}

log "1/4 The whole suite under AddressSanitizer + UndefinedBehaviorSanitizer (clang), then fuzzing"
asan="$PARADIGM_ROOT/build/asan"
CC=clang CXX=clang++ configure_build "$asan" "${unity[@]}" "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O0 -gline-tables-only" \
  -DPARADIGM_WARNINGS_AS_ERRORS=ON "-DPARADIGM_SANITIZE=address;undefined" \
  -DCMAKE_CXX_FLAGS=-fsanitize=fuzzer-no-link -DPARADIGM_BUILD_FUZZ=ON
cmake --build "$asan" --parallel "$PARADIGM_JOBS"
# The package tests install and rebuild the library without sanitizers, and
# the header matrix compiles no code to run: both run in step 2.
ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=1:strict_string_checks=1 \
UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
  run_suite "$asan" -E '^(package|headers)\.'
PARADIGM_FUZZ_BUILD="$asan" "$PARADIGM_ROOT/scripts/fuzz.sh" 10
if $quick; then
  log "All tests passed (quick: the packaged build, clang + libc++ and TSan skipped)"
  exit 0
fi

log "2/4 As packaged: package tests, header matrix, Debian packages"
build="$PARADIGM_ROOT/build/ci"
# Shared and for /usr: what scripts/package.sh packages. Only what the
# packages ship and the benchmarks are built: the tests ran in step 1.
configure_build "$build" "${unity[@]}" "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O2 -g1 -DNDEBUG" \
  -DPARADIGM_WARNINGS_AS_ERRORS=ON -DPARADIGM_BUILD_BENCH=ON -DBUILD_SHARED_LIBS=ON \
  -DCMAKE_INSTALL_PREFIX=/usr -DPARADIGM_BUILD_EXAMPLES=ON -DCMAKE_SKIP_INSTALL_ALL_DEPENDENCY=ON
cmake --build "$build" --parallel "$PARADIGM_JOBS" --target paradigm_packaged paradigm_benchmarks
run_suite "$build" -L '^(package|headers)$'
PARADIGM_PACKAGE_BUILD="$build" "$PARADIGM_ROOT/scripts/package.sh" "$PARADIGM_ROOT/build/debs"
code=0
bash "$PARADIGM_ROOT/tests/package/deb_roundtrip.sh" "$PARADIGM_ROOT/build/debs" || code=$?
[ "$code" -eq 0 ] || [ "$code" -eq 77 ] || exit "$code"  # 77: skipped (not root)

log "3/4 clang + libc++: library, unit tests, quickstart"
"$PARADIGM_ROOT/scripts/clang-libcxx.sh" "$build/testing/mock_server/paradigm-mock"

log "4/4 Concurrency tests under ThreadSanitizer"
tsan="$PARADIGM_ROOT/build/tsan"
configure_build "$tsan" "${unity[@]}" "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O0 -g1" -DPARADIGM_WARNINGS_AS_ERRORS=ON -DPARADIGM_SANITIZE=thread -DPARADIGM_BUILD_EXAMPLES=OFF
cmake --build "$tsan" --parallel "$PARADIGM_JOBS" \
  --target paradigm_integration_tests paradigm_transport_tests paradigm_workflow_tests paradigm_cxx20_async_tests
TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:suppressions=$PARADIGM_ROOT/tests/tsan.supp" \
  run_suite "$tsan" -R '^(Concurrency|Client\.OneClientServesEightThreadsAtOnce|Cancellation|SystemClock|Async|AsyncCalls|AsyncQueue|TurnSets|CurlPool|TlsRelay|Executors|ExternalLoop|Coroutine|Asio|Futures|DurableTurnSet|ExactlyOnce|LostCreate|OtlpExport|Traced|OutageWait|Streaming|StreamLimits)'

log "All tests passed"
