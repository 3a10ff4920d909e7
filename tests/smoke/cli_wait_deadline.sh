#!/usr/bin/env bash
# `paradigm wait` past its deadline exits 4 with a resume hint (tests/smoke).
set -uo pipefail
cli="$1"
read -r thread turn < <("$cli" ask --background "Slow question")
"$cli" wait "$thread" "$turn" --deadline 0.3
