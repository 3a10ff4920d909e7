#!/usr/bin/env bash
# Benchmarks (issues #7 and #13): builds bench/ in Release, starts local mock
# servers (and nginx, for sections 11-12), runs every measurement several
# times, and writes bench/results/latest.json, docs/benchmarks/ratios.png and
# docs/benchmarks.md.
#
#   scripts/bench.sh            # everything, about 9 minutes on 2 cores (built)
#   PARADIGM_BENCH_REPS=3 scripts/bench.sh
#   PARADIGM_BENCH_TURNS="200" PARADIGM_BENCH_TURN_MAX_MS=5000 scripts/bench.sh   # shorter turn runs
#   PARADIGM_BENCH_SECTIONS=turns PARADIGM_BENCH_TURNS=1000 PARADIGM_BENCH_TURN_CLIENTS="turnset asio" \
#     scripts/bench.sh   # one section, some clients: prints the raw results, leaves docs/ alone
#
# Sections (PARADIGM_BENCH_SECTIONS, default all): polling calls json download
# stream include turns streams tracing nginx (nginx needs calls, whose turn it serves).
#
# Machines here are shared and noisy: each figure is the median of several
# runs, and the SDK and its baseline run alternately against the same server.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

REPS="${PARADIGM_BENCH_REPS:-5}"
CALLS="${PARADIGM_BENCH_CALLS:-5000}"
EVENTS="${PARADIGM_BENCH_EVENTS:-100000}"
# Issue 13. Turns in flight: one run per count, client and repetition, each
# against a fresh emulator; durations spread over [MIN_MS, MAX_MS].
TURN_COUNTS="${PARADIGM_BENCH_TURNS:-1000 6000}"
TURN_REPS="${PARADIGM_BENCH_TURN_REPS:-2}"
TURN_MIN_MS="${PARADIGM_BENCH_TURN_MIN_MS:-2000}"
TURN_MAX_MS="${PARADIGM_BENCH_TURN_MAX_MS:-20000}"
# Issue 24: "asio" is the TurnSet on an Asio io_context run by the main thread (no SDK thread).
TURN_CLIENTS="${PARADIGM_BENCH_TURN_CLIENTS:-turnset asio threads python}"
STREAMS="${PARADIGM_BENCH_STREAMS:-200}"
STREAM_EVENTS="${PARADIGM_BENCH_STREAM_EVENTS:-200}"  # per stream, 10 ms apart
H2_CALLS="${PARADIGM_BENCH_H2_CALLS:-1000}"
TRACE_TURNS="${PARADIGM_BENCH_TRACE_TURNS:-1000}"  # section 13
# aiohttp is Debian's python3-aiohttp: the system interpreter, not a pyenv or venv one.
SYSTEM_PYTHON="${PARADIGM_BENCH_SYSTEM_PYTHON:-/usr/bin/python3}"
BUILD="$PARADIGM_ROOT/build/bench"
BIN="$BUILD/bench"
KEY="test-key"
SCRIPT_START=$(date +%s)
SECTIONS="${PARADIGM_BENCH_SECTIONS:-all}"
# section NAME: whether that section runs.
section() { [ "$SECTIONS" = all ] || [[ " $SECTIONS " == *" $1 "* ]]; }

ensure_packages "${PARADIGM_PACKAGES[@]}" libbenchmark-dev gnuplot-nox python3-requests curl time \
  nginx-light python3-aiohttp openssl libasio-dev

log "Building in Release ($BUILD)"
configure_build "$BUILD" -DCMAKE_BUILD_TYPE=Release -DPARADIGM_BUILD_BENCH=ON -DPARADIGM_BUILD_TESTS=OFF \
  -DPARADIGM_BUILD_EXAMPLES=OFF -DPARADIGM_INSTALL=OFF
cmake --build "$BUILD" --parallel "$PARADIGM_JOBS" \
  --target paradigm_benchmarks paradigm-mock >/dev/null
BUILD_SECONDS=$(($(date +%s) - SCRIPT_START))

RAW="$BUILD/raw"  # kept for a look after the run
rm -rf "$RAW"
mkdir -p "$RAW"
DOWNLOADS="$BUILD/downloads"
mkdir -p "$DOWNLOADS"
NGINX_DIR=""
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  rm -rf "$DOWNLOADS"
  if [ -n "$NGINX_DIR" ]; then rm -rf "$NGINX_DIR"; fi
}
trap cleanup EXIT

now_ns() { date +%s%N; }
# record KEY REP JSON: one line of raw results.
record() { printf '{"key": "%s", "rep": %s, "data": %s}\n' "$1" "$2" "$3" >>"$RAW/results.jsonl"; }
json_field() { python3 -c 'import json,sys; print(json.loads(sys.stdin.read())[sys.argv[1]])' "$1"; }

# start_mock CONFIG_JSON: a paradigm-mock on a free loopback port; sets URL and MOCK_PID.
start_mock() {
  local out="$RAW/mock.$RANDOM.out"
  : >"$out"  # before the mock runs: the loop below may read it first
  "$BUILD/testing/mock_server/paradigm-mock" --config "$1" >"$out" 2>&1 &
  MOCK_PID=$!
  PIDS+=("$MOCK_PID")
  for _ in $(seq 100); do
    URL="$(sed -n 's/^paradigm-mock listening on //p' "$out")"
    [ -n "$URL" ] && return 0
    sleep 0.05
  done
  echo "paradigm-mock did not start: $(cat "$out")" >&2
  exit 1
}
# stop_mock: stops the mock start_mock started last.
stop_mock() {
  local pid kept=()
  kill "$MOCK_PID" 2>/dev/null || true
  wait "$MOCK_PID" 2>/dev/null || true
  for pid in "${PIDS[@]}"; do [ "$pid" = "$MOCK_PID" ] || kept+=("$pid"); done
  PIDS=("${kept[@]}")
}
connections() { curl -s "$1/_mock/stats" | json_field connections_seen; }

# 8. Polling: minutes of mostly sleeping, so it runs alongside everything else.
POLLING_PID=""
if section polling; then
log "Polling (2 s, 10 s, 60 s turns, in the background)"
"$BIN/bench_polling" --durations-ms 2000,10000,60000 --repeats 3 >"$RAW/polling.json" &
POLLING_PID=$!
PIDS+=("$POLLING_PID")
fi

# 1-3. Per-call overhead, connection reuse, Python requests. JSON answers are
# not compressed: the mock's brotli (httplib's highest quality) would cost
# ~4 ms a call and hide every client's own cost.
if section calls; then
log "get_turn x $CALLS: SDK, libcurl floor, 8 threads, Python requests ($REPS runs)"
start_mock '{"compress_json": false}'
SEED="$("$BIN/bench_calls" seed --base-url "$URL" --target-bytes 20480)"
record calls.seed 0 "$SEED"
THREAD="$(json_field thread <<<"$SEED")"
TURN="$(json_field turn <<<"$SEED")"
# The same turn, as served, for nginx to serve as a static file (section 11).
curl -s -H "Authorization: Bearer $KEY" -o "$RAW/turn.json" "$URL/api/v3/threads/$THREAD/turns/$TURN"
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
fi

# 4. JSON mapping (Google Benchmark reports the median of its repetitions).
if section json; then
log "JSON mapping of a 1 MB turn"
"$BIN/bench_json" --benchmark_format=json --benchmark_repetitions="$REPS" \
  --benchmark_report_aggregates_only=true >"$RAW/json.json" 2>/dev/null
fi

# 5. Artifact download to a file, against curl -s -o on the same URL.
if section download; then
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
fi

# 6. Streaming: 100 000 events as fast as the mock writes them, then a paced
# stream (1 ms apart) for the delay an event waits without any backlog.
if section stream; then
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
fi

# 7. Include cost: compile time of three files with the Release flags.
if section include; then
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
fi

# 9. Many background turns in flight (issue 13): the TurnSet on the event
# loop, the blocking client with a thread per turn, Python asyncio + aiohttp.
# Each run gets a fresh emulator as shipped (compression off), so that the
# connections it saw and the requests it served are the run's alone.
# turns_run CLIENT COUNT REP: one run, recorded as turns.CLIENT.COUNT.
turns_run() {
  local client="$1" count="$2" rep="$3" result seen served
  start_mock '{"compress_json": false}'
  case "$client" in
    turnset | asio | threads)
      result="$("$BIN/bench_turns" "$client" --base-url "$URL" --key "$KEY" --count "$count" \
        --min-ms "$TURN_MIN_MS" --max-ms "$TURN_MAX_MS")" ;;
    python)
      result="$("$SYSTEM_PYTHON" "$PARADIGM_ROOT/bench/python_aiohttp_turns.py" "$URL" "$count" \
        "$TURN_MIN_MS" "$TURN_MAX_MS" "$KEY")" ;;
  esac
  seen="$(connections "$URL")"
  served="$(curl -s "$URL/_mock/requests" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')"
  stop_mock
  # The emulator's count of requests for every client (Python's own count is kept beside it).
  record "turns.$client.$count" "$rep" "$(python3 -c 'import json,sys
d = json.loads(sys.argv[1])
if "requests" in d:
    d["client_requests"] = d["requests"]
d["connections"], d["requests"] = int(sys.argv[2]), int(sys.argv[3])
print(json.dumps(d))' "$result" "$seen" "$served")"
}
if section turns; then
for count in $TURN_COUNTS; do
  log "$count background turns in flight ($TURN_MIN_MS-$TURN_MAX_MS ms): $TURN_CLIENTS ($TURN_REPS runs)"
  for rep in $(seq "$TURN_REPS"); do
    for client in $TURN_CLIENTS; do turns_run "$client" "$count" "$rep"; done
  done
done
fi

# 10. Concurrent streams on one loop thread, events paced 10 ms apart so that
# the delay is the loop's, not a backlog's.
if section streams; then
log "$STREAMS concurrent streams on one loop, $STREAM_EVENTS events each ($REPS runs)"
start_mock "{\"compress_json\": false, \"stream\": {\"delta_events\": $STREAM_EVENTS, \"stamp_events\": true, \"pause_ms\": 10}}"
for rep in $(seq "$REPS"); do
  record streams.async "$rep" "$("$BIN/bench_stream" async --base-url "$URL" --key "$KEY" --streams "$STREAMS")"
done
stop_mock
fi

# 13. Tracing (issue 23): get_turn with telemetry off, on with spans made and
# dropped, and on with the OTLP exporter sending to a collector that discards
# (bench/otlp_sink.py); then the TurnSet's turns in flight with and without
# the exporter (its memory). Alternated, against the same emulator.
if section tracing; then
log "Tracing: get_turn x $CALLS off / discard / otlp ($REPS runs), $TRACE_TURNS turns in flight off / otlp"
start_mock '{"compress_json": false}'
SEED="$("$BIN/bench_calls" seed --base-url "$URL" --target-bytes 20480)"
TRACE_ARGS=(--base-url "$URL" --thread "$(json_field thread <<<"$SEED")" --turn "$(json_field turn <<<"$SEED")" --calls "$CALLS")
SINK_OUT="$RAW/otlp_sink.out"
: >"$SINK_OUT"
python3 "$PARADIGM_ROOT/bench/otlp_sink.py" >"$SINK_OUT" 2>&1 &
PIDS+=("$!")
for _ in $(seq 100); do
  SINK_URL="$(sed -n 's/^otlp-sink listening on //p' "$SINK_OUT")"
  [ -n "$SINK_URL" ] && break
  sleep 0.05
done
for rep in $(seq "$REPS"); do
  for telemetry in none discard otlp; do
    record "tracing.calls.$telemetry" "$rep" \
      "$("$BIN/bench_calls" sdk "${TRACE_ARGS[@]}" --telemetry "$telemetry" --otlp-endpoint "$SINK_URL")"
  done
done
stop_mock
for rep in $(seq "$TURN_REPS"); do
  for telemetry in none otlp; do
    start_mock '{"compress_json": false}'
    record "tracing.turns.$telemetry" "$rep" "$("$BIN/bench_turns" turnset --base-url "$URL" --key "$KEY" \
      --count "$TRACE_TURNS" --min-ms "$TURN_MIN_MS" --max-ms "$TURN_MAX_MS" --telemetry "$telemetry" \
      --otlp-endpoint "$SINK_URL")"
    stop_mock
  done
done
fi

# 11-12. nginx (Debian nginx-light) as the fast server: the seeded 20 KB turn
# as a static file at the path get_turn requests, over plain HTTP/1.1 and over
# TLS with HTTP/2 (a self-signed certificate made here). One process, started
# and stopped by this script; the HTTP/2 server logs $connection and
# $server_protocol, from which each phase's connections are counted.
if section nginx; then
NGINX_DIR="$(mktemp -d)"
read -r NGINX_PORT H2_PORT < <(python3 -c 'import socket
a, b = socket.socket(), socket.socket()
a.bind(("127.0.0.1", 0)); b.bind(("127.0.0.1", 0))
print(a.getsockname()[1], b.getsockname()[1])')
mkdir -p "$NGINX_DIR/www/api/v3/threads/$THREAD/turns" "$NGINX_DIR/tmp"
cp "$RAW/turn.json" "$NGINX_DIR/www/api/v3/threads/$THREAD/turns/$TURN"
openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 \
  -keyout "$NGINX_DIR/key.pem" -out "$NGINX_DIR/cert.pem" 2>/dev/null
H2_LOG="$NGINX_DIR/h2.access.log"
# What a create answers in the background: the thread, then the turn running.
CREATED_THREAD='{"id":"bench-thread","object":"thread","name":"bench","status":"completed"}'
CREATED_TURN='{"id":"bench-turn","object":"turn","thread":"bench-thread","status":"running","messages":[]}'
cat >"$NGINX_DIR/nginx.conf" <<NGINX
daemon off;
master_process off;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/error.log warn;
events { worker_connections 1024; }
http {
  types { }
  default_type application/json;
  client_body_temp_path $NGINX_DIR/tmp/body;
  proxy_temp_path $NGINX_DIR/tmp/proxy;
  fastcgi_temp_path $NGINX_DIR/tmp/fastcgi;
  uwsgi_temp_path $NGINX_DIR/tmp/uwsgi;
  scgi_temp_path $NGINX_DIR/tmp/scgi;
  keepalive_requests 1000000;
  keepalive_timeout 300s;
  log_format bench '\$connection \$server_protocol \$status \$request_uri';
  access_log off;
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $NGINX_DIR/www;
    # Creates (section 11): a new thread, and a turn created in any thread.
    location = /api/v3/threads { return 200 '$CREATED_THREAD'; }
    location = /api/v3/threads/turns { return 200 '$CREATED_TURN'; }
    location ~ ^/api/v3/threads/[^/]+/turns\$ { return 200 '$CREATED_TURN'; }
  }
  server {
    listen 127.0.0.1:$H2_PORT ssl http2;
    ssl_certificate $NGINX_DIR/cert.pem;
    ssl_certificate_key $NGINX_DIR/key.pem;
    root $NGINX_DIR/www;
    access_log $H2_LOG bench;
  }
}
NGINX
nginx -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" >"$NGINX_DIR/stdout.log" 2>&1 &
PIDS+=($!)
NGINX_URL="http://127.0.0.1:$NGINX_PORT"
H2_URL="https://127.0.0.1:$H2_PORT"
for _ in $(seq 100); do
  curl -sf -o /dev/null "$NGINX_URL/api/v3/threads/$THREAD/turns/$TURN" && break
  sleep 0.05
done
curl -sf -o /dev/null "$NGINX_URL/api/v3/threads/$THREAD/turns/$TURN" ||
  { echo "nginx did not start: $(cat "$NGINX_DIR/stdout.log" "$NGINX_DIR/error.log" 2>/dev/null)" >&2; exit 1; }

log "get_turn x $CALLS against nginx: libcurl floor, SDK blocking, SDK async ($REPS runs)"
NGINX_ARGS=(--base-url "$NGINX_URL" --key "$KEY" --thread "$THREAD" --turn "$TURN" --calls "$CALLS")
for rep in $(seq "$REPS"); do
  record nginx.floor "$rep" "$("$BIN/bench_calls" floor "${NGINX_ARGS[@]}")"
  record nginx.sdk "$rep" "$("$BIN/bench_calls" sdk "${NGINX_ARGS[@]}")"
  record nginx.async "$rep" "$("$BIN/bench_calls" async "${NGINX_ARGS[@]}")"
done

log "creates x $CALLS against nginx: libcurl POST floors (body pointed at, read through a callback), create_turn, create_thread_with_turn one request and thread-first ($REPS runs)"
CREATE_ARGS=(--base-url "$NGINX_URL" --key "$KEY" --thread "$THREAD" --calls "$CALLS")
for rep in $(seq "$REPS"); do
  record nginx.create_floor "$rep" "$("$BIN/bench_calls" create-floor "${CREATE_ARGS[@]}")"
  record nginx.create_floor_callback "$rep" "$("$BIN/bench_calls" create-floor-callback "${CREATE_ARGS[@]}")"
  record nginx.create "$rep" "$("$BIN/bench_calls" create "${CREATE_ARGS[@]}")"
  record nginx.create_new_one "$rep" "$("$BIN/bench_calls" create-new "${CREATE_ARGS[@]}" --thread-first 0)"
  record nginx.create_new_first "$rep" "$("$BIN/bench_calls" create-new "${CREATE_ARGS[@]}" --thread-first 1)"
done

# h2_phase KEY REP COMMAND...: records the command's JSON plus the connections,
# protocols and requests in the access log lines it caused.
h2_phase() {
  local key="$1" rep="$2" before result
  shift 2
  before=$(wc -l <"$H2_LOG")
  result="$("$@")"
  sleep 0.2  # nginx logs a request once it has sent the answer
  record "$key" "$rep" "$(tail -n "+$((before + 1))" "$H2_LOG" | python3 -c 'import json,sys
rows = [line.split() for line in sys.stdin if line.strip()]
d = json.loads(sys.argv[1])
d["connections"] = len({r[0] for r in rows})
d["protocols"] = sorted({r[1] for r in rows})
d["requests"] = len(rows)
d["statuses"] = sorted({int(r[2]) for r in rows})
print(json.dumps(d))' "$result")"
}
log "HTTP/2 through nginx, $H2_CALLS calls: 8 async in flight, 8 threads, sequential ($REPS runs)"
: >"$H2_LOG"
H2_ARGS=(--base-url "$H2_URL" --ca-bundle "$NGINX_DIR/cert.pem" --key "$KEY" --thread "$THREAD" --turn "$TURN"
  --calls "$H2_CALLS")
for rep in $(seq "$REPS"); do
  h2_phase h2.async_inflight "$rep" "$BIN/bench_calls" async-inflight "${H2_ARGS[@]}" --inflight 8
  h2_phase h2.threads "$rep" "$BIN/bench_calls" sdk-threads "${H2_ARGS[@]}" --threads 8
  h2_phase h2.sequential "$rep" "$BIN/bench_calls" sdk "${H2_ARGS[@]}"
done
fi

if [ -n "$POLLING_PID" ]; then
  log "Waiting for the polling runs"
  wait "$POLLING_PID"
fi

if [ "$SECTIONS" != all ]; then
  log "Sections $SECTIONS done in $(($(date +%s) - SCRIPT_START)) s (raw results below; docs/ left alone)"
  cat "$RAW/results.jsonl" 2>/dev/null || true
  exit 0
fi
log "Writing the report"
python3 "$PARADIGM_ROOT/bench/report.py" --raw "$RAW" --root "$PARADIGM_ROOT" --build "$BUILD" \
  --compiler "$CXX" --build-seconds "$BUILD_SECONDS" --total-seconds "$(($(date +%s) - SCRIPT_START))"
log "Done in $(($(date +%s) - SCRIPT_START)) s: docs/benchmarks.md, bench/results/latest.json"
