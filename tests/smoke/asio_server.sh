#!/usr/bin/env bash
# examples/asio_server against the emulator (run by with_mock.sh): three
# requests at once, answered on one thread. Prints each answer, the most
# threads the server process had while it served them (it must be 1: the SDK
# runs on its io_context), and its exit code.
#
#   asio_server.sh ASIO_SERVER_BINARY
set -uo pipefail

server="$1"
"$server" --port 0 --requests 3 > server.out 2>&1 &
pid=$!
url=""
for _ in $(seq 200); do
  url="$(sed -n 's/^asio_server listening on //p' server.out)"
  [ -n "$url" ] && break
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.05
done
if [ -z "$url" ]; then
  echo "asio_server did not start: $(cat server.out)"
  exit 1
fi

curls=()
for question in "What+is+the+capital+of+France%3F" "Who+wrote+Hamlet%3F" "What+is+2+%2B+2%3F"; do
  curl -s --max-time 60 -o "answer.$question" "$url/ask?q=$question" &
  curls+=($!)
done
# The server's thread count, for as long as it runs (it exits after the three answers).
most=0
while kill -0 "$pid" 2>/dev/null; do
  threads="$(sed -n 's/^Threads:[[:space:]]*//p' "/proc/$pid/status" 2>/dev/null)"
  [ -n "$threads" ] && [ "$threads" -gt "$most" ] && most="$threads"
  sleep 0.02
done
wait "$pid"
code=$?
for c in "${curls[@]}"; do wait "$c"; done
echo "answers: $(cat answer.* | wc -l)"
cat answer.*
echo "server threads: $most"
echo "server exit: $code"
