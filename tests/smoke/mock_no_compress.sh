#!/usr/bin/env bash
# Run by with_mock.sh against `paradigm-mock --no-compress`: a client that
# accepts gzip and brotli still gets its JSON uncompressed.
set -euo pipefail
port="${MOCK_URL##*:}"
exec 3<>"/dev/tcp/127.0.0.1/$port"
printf 'GET /api/v3/threads HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer %s\r\nAccept-Encoding: gzip, deflate, br\r\nConnection: close\r\n\r\n' \
  "$PARADIGM_API_KEY" >&3
answer=$(tr -d '\r' <&3)
if grep -qi '^Content-Encoding:' <<< "$answer"; then
  echo "FAILED: the answer is compressed" >&2
  exit 1
fi
printf '%s\n' "$answer"
