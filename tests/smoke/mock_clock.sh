#!/usr/bin/env bash
# Run by with_mock.sh against `paradigm-mock --clock-speed 0 --turn-duration-ms 10000`:
# a turn runs until the admin API advances the emulator's clock, and nothing sleeps.
set -euo pipefail
cli="$1"

admin_post() {  # admin_post PATH JSON: the body of the answer
  local port="${MOCK_URL##*:}"
  exec 3<>"/dev/tcp/127.0.0.1/$port"
  printf 'POST %s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s' \
    "$1" "${#2}" "$2" >&3
  tr -d '\r' <&3 | sed '1,/^$/d'
  exec 3<&-
}

read -r thread turn < <("$cli" ask --background "What is the capital of France?")
echo "before: $("$cli" turns "$thread")"
echo "clock: $(admin_post /_mock/clock '{"advance_ms": 10000}')"
echo "after: $("$cli" wait "$thread" "$turn")"
