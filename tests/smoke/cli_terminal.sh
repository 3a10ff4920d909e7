#!/usr/bin/env bash
# On a terminal (a pty from script(1)), `paradigm ask` shows the running tool
# and its progress on stderr, the same whether the turn is polled or streamed,
# and `paradigm artifact` a progress bar.
set -euo pipefail
cli="$1"
"$cli" ask --json --force-tool code_execution "Draw me a graph of a sinusoidal function." > turn.json
id=$(grep -A2 '"file_artifacts"' turn.json | grep -o '"id": "[^"]*"' | head -1 | cut -d'"' -f4)
script -qec "$cli ask --force-tool code_execution 'Draw me a graph of a sinusoidal function.'" /dev/null
echo "streamed:"
script -qec "$cli ask --stream --force-tool code_execution 'Draw me a graph of a sinusoidal function.'" /dev/null
script -qec "$cli artifact $id -o chart.png" /dev/null
