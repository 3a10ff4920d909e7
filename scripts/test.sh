#!/usr/bin/env bash
# Installs what is missing, builds with warnings as errors, runs every test.
set -euo pipefail
source "$(dirname "$0")/common.sh"

ensure_packages "${PARADIGM_PACKAGES[@]}"

build="$PARADIGM_ROOT/build/ci"
log "Configuring $build"
configure_build "$build" -DPARADIGM_WARNINGS_AS_ERRORS=ON
log "Building"
cmake --build "$build" --parallel "$PARADIGM_JOBS"
log "Testing"
ctest --test-dir "$build" --output-on-failure --parallel "$PARADIGM_JOBS" --timeout 900
log "All tests passed"
