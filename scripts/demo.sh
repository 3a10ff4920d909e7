#!/usr/bin/env bash
# The SDK end to end: builds the `paradigm` CLI, starts the bundled Paradigm
# emulator on a free local port, asks a question, a follow-up, and downloads
# a chart drawn by code_execution.
#
#   scripts/demo.sh ["your question"]
#
# With PARADIGM_API_KEY and PARADIGM_BASE_URL set, it talks to that instance instead.
set -euo pipefail
source "$(dirname "$0")/common.sh"

query="${1:-What is the capital of France?}"
ensure_packages "${PARADIGM_PACKAGES[@]}"

build="$PARADIGM_ROOT/build/demo"
log "Building the paradigm CLI and paradigm-mock in $build"
configure_build "$build" -DPARADIGM_BUILD_TESTS=OFF -DPARADIGM_BUILD_EXAMPLES=ON
cmake --build "$build" --parallel "$PARADIGM_JOBS" --target paradigm_cli paradigm-mock >/dev/null
cli="$build/examples/cli/paradigm"

work=$(mktemp -d)
mock_pid=""
cleanup() {
  if [ -n "$mock_pid" ]; then kill "$mock_pid" 2>/dev/null || true; wait "$mock_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ -n "${PARADIGM_API_KEY:-}" ] && [ -n "${PARADIGM_BASE_URL:-}" ]; then
  log "Using the Paradigm instance at $PARADIGM_BASE_URL"
else
  # Turns take a second, and the synchronous call gives up after half of it:
  # the CLI waits through the 202 like it would on a busy server.
  mkfifo "$work/ready"
  "$build/testing/mock_server/paradigm-mock" --port 0 --api-key demo-key \
    --turn-duration-ms 1000 --sync-timeout-ms 500 > "$work/ready" &
  mock_pid=$!
  read -r -t 20 line < "$work/ready" || { echo "paradigm-mock did not start" >&2; exit 1; }
  export PARADIGM_BASE_URL="${line##* }" PARADIGM_API_KEY=demo-key
  log "Started the bundled emulator, paradigm-mock, at $PARADIGM_BASE_URL"
fi

log "paradigm ask \"$query\""
# --verbose prints the ids on stderr; on failure, that is where the error is too.
if ! "$cli" ask --verbose "$query" 2> "$work/ids"; then
  cat "$work/ids" >&2
  exit 1
fi
thread=$(awk '$1 == "thread" { print $2 }' "$work/ids")
echo "  (thread $thread)"

log "paradigm ask --thread $thread \"And its population?\""
"$cli" ask --thread "$thread" "And its population?"

log "paradigm ask --force-tool code_execution --download-artifacts ... \"Draw me a graph of a sinusoidal function.\""
"$cli" ask --force-tool code_execution --download-artifacts "$work/artifacts" \
  "Draw me a graph of a sinusoidal function."
for file in "$work"/artifacts/*; do
  printf '  %s: %s bytes, starts with %s\n' "$(basename "$file")" "$(wc -c < "$file")" \
    "$(head -c 4 "$file" | od -An -c | tr -s ' ')"
done

log "Done. Try: $cli --help"
