#!/usr/bin/env bash
# The second toolchain: clang (Debian's clang-14) with libc++ (libc++-dev),
# warnings as errors. Builds everything that is on at the defaults: the
# library, the CLI, the examples and every unit test binary (configure leaves
# out the emulator and what needs it: Debian's cpp-httplib is built for
# libstdc++, cmake/ParadigmToolchainChecks.cmake); runs the unit tests, and
# quickstart against the emulator. (scripts/test.sh's first step covers GCC +
# libstdc++; the header matrix of tests/headers covers both with C++17, 20 and 23.)
#
#   scripts/clang-libcxx.sh [PARADIGM_MOCK]
#
# PARADIGM_MOCK: a paradigm-mock built by GCC (it is a separate process, so
# its standard library does not matter); default build/ci's, built if missing.
set -euo pipefail
source "$(dirname "$0")/common.sh"

ensure_packages "${PARADIGM_PACKAGES[@]}" clang libc++-dev libc++abi-dev

dir="$PARADIGM_ROOT/build/clang-libcxx"
libcxx=(-DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_CXX_FLAGS=-stdlib=libc++
  -DCMAKE_EXE_LINKER_FLAGS=-stdlib=libc++ -DCMAKE_SHARED_LINKER_FLAGS=-stdlib=libc++)

# Debian's libgtest.a is compiled against libstdc++ and cannot link with
# libc++: build GoogleTest (and gMock) from the sources libgtest-dev ships.
# As C++17, like its users: gMock's Matcher<std::string_view> exists only then.
gtest="$dir/googletest-cxx17"
if [ ! -f "$gtest/lib/cmake/GTest/GTestConfig.cmake" ]; then
  log "GoogleTest from /usr/src/googletest, with libc++"
  cmake -S /usr/src/googletest -B "$dir/googletest-cxx17-build" "${libcxx[@]}" -DCMAKE_CXX_STANDARD=17 \
    -DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$gtest" >/dev/null
  cmake --build "$dir/googletest-cxx17-build" --parallel "$PARADIGM_JOBS" >/dev/null
  cmake --install "$dir/googletest-cxx17-build" >/dev/null
fi

# Build type None (no -O): clang's warnings come from its front end, and an
# unoptimised build takes half the time.
PARADIGM_BUILD_TYPE=None configure_build "$dir/tree" "${libcxx[@]}" -DCMAKE_PREFIX_PATH="$gtest" \
  -DPARADIGM_WARNINGS_AS_ERRORS=ON
cmake --build "$dir/tree" --parallel "$PARADIGM_JOBS"
ctest --test-dir "$dir/tree" --output-on-failure --parallel "$PARADIGM_JOBS" --timeout 300 -L '^unit\.'

mock="${1:-$PARADIGM_ROOT/build/ci/testing/mock_server/paradigm-mock}"
if [ $# -eq 0 ] && [ ! -x "$mock" ]; then
  log "Building paradigm-mock in build/ci"
  configure_build "$PARADIGM_ROOT/build/ci"
  cmake --build "$PARADIGM_ROOT/build/ci" --parallel "$PARADIGM_JOBS" --target paradigm-mock
fi
bash "$PARADIGM_ROOT/tests/smoke/with_mock.sh" "$mock" -- 0 "capital of France is Paris" \
  "$dir/tree/examples/quickstart"
log "clang + libc++: library, unit tests and quickstart pass"
