#!/usr/bin/env bash
# Benchmarks (issue #7): builds bench/ in Release, starts local mock servers,
# runs every measurement several times, and writes bench/results/latest.json,
# docs/benchmarks/ratios.png and docs/benchmarks.md.
#
#   scripts/bench.sh            # everything, about 5 minutes on 2 cores
#   PARADIGM_BENCH_REPS=3 scripts/bench.sh
#
# Machines here are shared and noisy: each figure is the median of several
# runs, and the SDK and its baseline run alternately against the same server.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

REPS="${PARADIGM_BENCH_REPS:-5}"
CALLS="${PARADIGM_BENCH_CALLS:-5000}"
EVENTS="${PARADIGM_BENCH_EVENTS:-100000}"
BUILD="$PARADIGM_ROOT/build/bench"
BIN="$BUILD/bench"
KEY="test-key"
SCRIPT_START=$(date +%s)

ensure_packages "${PARADIGM_PACKAGES[@]}" libbenchmark-dev gnuplot-nox python3-requests curl time

log "Building in Release ($BUILD)"
configure_build "$BUILD" -DCMAKE_BUILD_TYPE=Release -DPARADIGM_BUILD_BENCH=ON -DPARADIGM_BUILD_TESTS=OFF \
  -DPARADIGM_BUILD_EXAMPLES=OFF -DPARADIGM_INSTALL=OFF
cmake --build "$BUILD" --parallel "$PARADIGM_JOBS" \
  --target bench_calls bench_json bench_download bench_stream bench_polling paradigm-mock >/dev/null
BUILD_SECONDS=$(($(date +%s) - SCRIPT_START))

RAW="$BUILD/raw"  # kept for a look after the run
rm -rf "$RAW"
mkdir -p "$RAW"
DOWNLOADS="$BUILD/downloads"
mkdir -p "$DOWNLOADS"
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$DOWNLOADS"
}
trap cleanup EXIT

now_ns() { date +%s%N; }
# record KEY REP JSON: one line of raw results.
record() { printf '{"key": "%s", "rep": %s, "data": %s}\n' "$1" "$2" "$3" >>"$RAW/results.jsonl"; }
json_field() { python3 -c 'import json,sys; print(json.loads(sys.stdin.read())[sys.argv[1]])' "$1"; }

# start_mock CONFIG_JSON: a paradigm-mock on a free loopback port; sets URL.
start_mock() {
  local out="$RAW/mock.$RANDOM.out"
  "$BUILD/testing/mock_server/paradigm-mock" --config "$1" >"$out" 2>&1 &
  PIDS+=($!)
  for _ in $(seq 100); do
    URL="$(sed -n 's/^paradigm-mock listening on //p' "$out")"
    [ -n "$URL" ] && return 0
    sleep 0.05
  done
  echo "paradigm-mock did not start: $(cat "$out")" >&2
  exit 1
}
connections() { curl -s "$1/_mock/stats" | json_field connections_seen; }

# 8. Polling: minutes of mostly sleeping, so it runs alongside everything else.
log "Polling (2 s, 10 s, 60 s turns, in the background)"
"$BIN/bench_polling" --durations-ms 2000,10000,60000 --repeats 3 >"$RAW/polling.json" &
POLLING_PID=$!
PIDS+=("$POLLING_PID")

# 1-3. Per-call overhead, connection reuse, Python requests. JSON answers are
# not compressed: the mock's brotli (httplib's highest quality) would cost
# ~4 ms a call and hide every client's own cost.
log "get_turn x $CALLS: SDK, libcurl floor, 8 threads, Python requests ($REPS runs)"
start_mock '{"compress_json": false}'
SEED="$("$BIN/bench_calls" seed --base-url "$URL" --target-bytes 20480)"
record calls.seed 0 "$SEED"
THREAD="$(json_field thread <<<"$SEED")"
TURN="$(json_field turn <<<"$SEED")"
CALL_ARGS=(--base-url "$URL" --thread "$THREAD" --turn "$TURN" --calls "$CALLS")
# with_connections KEY REP COMMAND...: records the command's JSON plus the
# TCP connections the server saw meanwhile.
with_connections() {
  local key="$1" rep="$2" before after result
  shift 2
  before="$(connections "$URL")"
  result="$("$@")"
  after="$(connections "$URL")"
  record "$key" "$rep" "$(python3 -c 'import json,sys; d=json.loads(sys.argv[1]); d["connections"]=int(sys.argv[2]); print(json.dumps(d))' "$result" "$((after - before))")"
}
for rep in $(seq "$REPS"); do
  with_connections calls.floor "$rep" "$BIN/bench_calls" floor "${CALL_ARGS[@]}"
  with_connections calls.sdk "$rep" "$BIN/bench_calls" sdk "${CALL_ARGS[@]}"
  with_connections calls.sdk_threads "$rep" "$BIN/bench_calls" sdk-threads "${CALL_ARGS[@]}" --threads 8
  with_connections calls.python "$rep" python3 "$PARADIGM_ROOT/bench/python_requests.py" "$URL" "$THREAD" "$TURN" "$CALLS"
done

# 4. JSON mapping (Google Benchmark reports the median of its repetitions).
log "JSON mapping of a 1 MB turn"
"$BIN/bench_json" --benchmark_format=json --benchmark_repetitions="$REPS" \
  --benchmark_report_aggregates_only=true >"$RAW/json.json" 2>/dev/null

# 5. Artifact download to a file, against curl -s -o on the same URL.
log "Artifact download: 64 MiB and 1 GiB, SDK and curl"
start_mock '{}'
for size in 67108864 1073741824; do
  ARTIFACT="$(curl -s -X POST "$URL/_mock/artifacts" -d "{\"size\": $size}" | json_field id)"
  for rep in $(seq "$REPS"); do
    result="$("$BIN/bench_download" --base-url "$URL" --artifact "$ARTIFACT" --out "$DOWNLOADS/sdk.bin")"
    rm -f "$DOWNLOADS/sdk.bin"
    record "download.sdk.$size" "$rep" "$result"
    start=$(now_ns)
    /usr/bin/time -f '%M' -o "$RAW/curl.rss" curl -s -o "$DOWNLOADS/curl.bin" \
      -H "Authorization: Bearer $KEY" "$URL/api/v3/artifacts/$ARTIFACT/content"
    end=$(now_ns)
    # Neither fsyncs; removing each file at once drops its dirty pages, so no
    # writeback spills into the next run.
    bytes=$(stat -c %s "$DOWNLOADS/curl.bin")
    rm -f "$DOWNLOADS/curl.bin"
    record "download.curl.$size" "$rep" "{\"seconds\": $(python3 -c "print(($end - $start) / 1e9)"), \"bytes\": $bytes, \"peak_rss_bytes\": $(($(cat "$RAW/curl.rss") * 1024))}"
  done
done

# 6. Streaming: 100 000 events as fast as the mock writes them, then a paced
# stream (1 ms apart) for the delay an event waits without any backlog.
log "Streaming $EVENTS SSE events: SDK and curl -N"
start_mock "{\"compress_json\": false, \"stream\": {\"delta_events\": $EVENTS, \"stamp_events\": true}}"
STREAM_THREAD="$(curl -s -X POST -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
  -d '{}' "$URL/api/v3/threads" | json_field id)"
for rep in $(seq "$REPS"); do
  record stream.sdk "$rep" "$("$BIN/bench_stream" --base-url "$URL" --thread "$STREAM_THREAD" --expect "$EVENTS")"
  start=$(now_ns)
  curl -N -s -o /dev/null -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    -H 'Accept: text/event-stream' -d '{"query": "Tell me a long story.", "stream": true}' \
    "$URL/api/v3/threads/$STREAM_THREAD/turns"
  end=$(now_ns)
  record stream.curl "$rep" "{\"seconds\": $(python3 -c "print(($end - $start) / 1e9)")}"
done
curl -s -X POST "$URL/_mock/config" -d '{"stream": {"delta_events": 2000, "pause_ms": 1}}' >/dev/null
for rep in $(seq 3); do
  record stream.paced "$rep" "$("$BIN/bench_stream" --base-url "$URL" --thread "$STREAM_THREAD" --expect 2000)"
done

# 7. Include cost: compile time of three files with the Release flags.
log "Include cost"
CXX="$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$BUILD/CMakeCache.txt")"
CXXFLAGS=(-std=c++17 -O3 -DNDEBUG -DPARADIGM_STATIC_DEFINE -Wall -Wextra -Wpedantic
  -I "$PARADIGM_ROOT/include" -I "$BUILD/include")
for rep in $(seq "$REPS"); do
  for file in empty nlohmann_only paradigm_client; do
    start=$(now_ns)
    "$CXX" "${CXXFLAGS[@]}" -c "$PARADIGM_ROOT/bench/include_cost/$file.cpp" -o /dev/null
    end=$(now_ns)
    record "include.$file" "$rep" "{\"seconds\": $(python3 -c "print(($end - $start) / 1e9)")}"
  done
done

log "Waiting for the polling runs"
wait "$POLLING_PID"

log "Writing the report"
python3 "$PARADIGM_ROOT/bench/report.py" --raw "$RAW" --root "$PARADIGM_ROOT" --build "$BUILD" \
  --compiler "$CXX" --build-seconds "$BUILD_SECONDS" --total-seconds "$(($(date +%s) - SCRIPT_START))"
log "Done in $(($(date +%s) - SCRIPT_START)) s: docs/benchmarks.md, bench/results/latest.json"
