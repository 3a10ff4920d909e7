#!/usr/bin/env bash
# `paradigm batch`: JSON Lines in and out, a per-line scope, --resume that
# skips what is answered, a failed turn's exit code, and the progress bar on
# a terminal.
set -euo pipefail
cli="$1"
cat > questions.jsonl <<'LINES'
{"id": "q1", "query": "What is the capital of France?"}
{"id": "q2", "query": "What does the note conclude?", "workspace_ids": [1]}
plain question about the weather
LINES
"$cli" batch questions.jsonl -o answers.jsonl --concurrency 2
test "$(grep -c '"status":"completed"' answers.jsonl)" = 3
grep -q '"answer":"The capital of France is Paris.","id":"q1"' answers.jsonl
grep -q 'meeting notes.*"id":"q2"' answers.jsonl
grep -q '"thread":"[0-9a-f-]\{36\}","turn":"[0-9a-f-]\{36\}"' answers.jsonl
echo "first run: $(wc -l < answers.jsonl) lines"

# Nothing is asked twice.
"$cli" batch questions.jsonl -o answers.jsonl --resume 2> resumed.txt
test "$(wc -l < answers.jsonl)" = 3
echo "resume: $(cat resumed.txt)"

# A failed turn: every line still written, exit 3, a summary.
set +e
printf 'What is the capital of France?\nplease [fail]\n' | "$cli" batch --order completion > mixed.jsonl 2> summary.txt
code=$?
set -e
test "$code" = 3
test "$(wc -l < mixed.jsonl)" = 2
echo "failed run: exit $code, $(cat summary.txt)"

script -qec "$cli batch questions.jsonl -o tty.jsonl" /dev/null
