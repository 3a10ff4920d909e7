#!/usr/bin/env bash
# Run by with_mock.sh: a CLI session recorded against the emulator with
# --record, then replayed with --replay and no server at all (the base URL
# points at a closed port). The replay prints what the recording did.
set -euo pipefail
cli="$1"

session() {  # the same commands, recording or replaying
  "$cli" "$@" ask "What is the capital of France?"
  read -r thread turn < <("$cli" "$@" ask --background "What is the capital of France?")
  echo "background: $thread $turn"
  "$cli" "$@" wait "$thread" "$turn"
  "$cli" "$@" ask --thread "$thread" "And its population?"
}

session --record session.jsonl > recorded.txt
if grep -q "$PARADIGM_API_KEY" session.jsonl; then
  echo "FAILED: the API key is in the cassette" >&2
  exit 1
fi
PARADIGM_BASE_URL=http://127.0.0.1:9 session --replay session.jsonl > replayed.txt
diff recorded.txt replayed.txt
echo "exchanges: $(wc -l < session.jsonl)"
echo "replayed:"
cat replayed.txt
