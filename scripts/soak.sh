#!/usr/bin/env bash
# The fault soak (issue 20, item 7): seeded fault schedules, each running
# `paradigm batch --journal` against the emulator with connections closed
# after or before the server acted, error statuses, outages, refused
# connections, restarts keeping the store, and (one schedule in three) a
# kill -9 of the client at a random moment followed by a resume from the
# journal. Checked against the emulator's store: every requested turn exists
# exactly once and the client's final report matches the server.
# (tests/soak/soak.cpp; a short version is the ctest test soak.short, which
# scripts/test.sh runs.)
#
#   scripts/soak.sh                       # 1050 schedules (350 with kill -9 + resume)
#   scripts/soak.sh --seed 42             # replay one schedule (a failing seed prints this)
#   scripts/soak.sh --schedules 200 --first-seed 5000
#   scripts/soak.sh --without close_after_handling,restart   # leave fault kinds out
#   scripts/soak.sh --verbose             # every schedule, not only failures
#
# Fault kinds: close_after_handling close_before_response status outage refuse
# restart kill. PARADIGM_SOAK_BUILD: the build tree (default build/soak,
# configured and built here); PARADIGM_SOAK_JOBS: schedules at once (default 4).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

build="${PARADIGM_SOAK_BUILD:-$PARADIGM_ROOT/build/soak}"
if [ -z "${PARADIGM_SOAK_BUILD:-}" ]; then
  log "Building the soak driver and the CLI in $build"
  configure_build "$build" -DPARADIGM_BUILD_EXAMPLES=ON -DCMAKE_UNITY_BUILD=ON -DCMAKE_UNITY_BUILD_BATCH_SIZE=16
fi
cmake --build "$build" --parallel "$PARADIGM_JOBS" --target paradigm_soak paradigm_cli >/dev/null

args=()
case " $* " in
  *" --seed "* | *" --schedules "*) ;;
  *) args=(--schedules 1050 --first-seed 1) ;;
esac
exec "$build/tests/soak/paradigm_soak" --cli "$build/examples/cli/paradigm" --jobs "${PARADIGM_SOAK_JOBS:-4}" \
  "${args[@]}" "$@"
