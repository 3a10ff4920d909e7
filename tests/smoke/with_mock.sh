#!/usr/bin/env bash
# Runs a command against a fresh paradigm-mock process and checks its result.
#
#   with_mock.sh MOCK_BINARY [MOCK_OPTIONS...] -- EXIT_CODE REGEX COMMAND [ARGS...]
#
# The mock listens on a free port; the command gets PARADIGM_BASE_URL and
# PARADIGM_API_KEY for it (and MOCK_URL). Passes when the command exits with
# EXIT_CODE and its output (stdout+stderr) matches the extended REGEX.
set -uo pipefail

mock="$1"
shift
mock_args=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do mock_args+=("$1"); shift; done
shift
expected_exit="$1"
regex="$2"
shift 2

work=$(mktemp -d)
trap 'kill "$mock_pid" 2>/dev/null; wait "$mock_pid" 2>/dev/null; rm -rf "$work"' EXIT
mkfifo "$work/ready"
"$mock" --port 0 --api-key smoke-key "${mock_args[@]}" > "$work/ready" &
mock_pid=$!
# The mock prints its URL once it accepts connections.
if ! read -r -t 20 line < "$work/ready"; then
  echo "paradigm-mock did not start" >&2
  exit 1
fi
export MOCK_URL="${line##* }"
export PARADIGM_BASE_URL="$MOCK_URL"
export PARADIGM_API_KEY=smoke-key
unset PARADIGM_LOG

cd "$work"
output=$("$@" 2>&1 < /dev/null)
code=$?
printf '%s\n' "$output"
if [ "$code" -ne "$expected_exit" ]; then
  echo "FAILED: exit code $code, expected $expected_exit" >&2
  exit 1
fi
if ! grep -Ezq -- "$regex" <<< "$output"; then  # -z: the regex spans lines
  echo "FAILED: output does not match /$regex/" >&2
  exit 1
fi
if grep -q "smoke-key" <<< "$output"; then
  echo "FAILED: the API key appears in the output" >&2
  exit 1
fi
exit 0
