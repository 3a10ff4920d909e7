#!/usr/bin/env bash
# The CLI never prints the API key, whatever fails (tests/smoke).
set -uo pipefail
cli="$1"
secret="sk-cli-secret-0123456789"
output=$(
  "$cli" threads --api-key "$secret" 2>&1                                  # 401 from the mock
  "$cli" ask --verbose --json --api-key "$secret" "hi" 2>&1
  "$cli" threads --api-key "$secret" --base-url "http://127.0.0.1:9" 2>&1  # nothing listens
  "$cli" wait --api-key "$secret" "$secret" "$secret" 2>&1                 # even the key as an id
)
printf '%s\n' "$output"
if grep -q -- "$secret" <<< "$output"; then
  echo "FAILED: the key was printed" >&2
  exit 1
fi
