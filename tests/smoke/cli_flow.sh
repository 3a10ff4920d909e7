#!/usr/bin/env bash
# One pass through the CLI's subcommands against the mock (tests/smoke).
set -euo pipefail
cli="$1"
read -r thread turn < <("$cli" ask --background "What is the capital of France?")
echo "wait: $("$cli" wait "$thread" "$turn")"
echo "turns: $("$cli" turns "$thread" --limit 1)"
echo "threads: $("$cli" threads --limit 1)"
echo "cancel: $("$cli" cancel "$thread")"
artifact_turn=$("$cli" ask --json --force-tool code_execution "Draw a sine")
artifact_id=$(python3 -c 'import json,sys; t=json.load(sys.stdin); print([p for p in t["messages"][-1]["parts"] if p["type"]=="tool_call"][0]["tool_call"]["result"]["file_artifacts"][0]["id"])' <<< "$artifact_turn")
"$cli" artifact "$artifact_id" -o chart.png 2> artifact.log
echo "artifact: $(cat artifact.log)"
head -c 8 chart.png | od -c | grep -q 'P   N   G'
