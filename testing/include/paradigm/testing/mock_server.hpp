#pragma once

// The Paradigm v3 emulator, in process: a server on 127.0.0.1 that answers
// like the documented API, with faults on demand, the requests it received,
// and a clock the test controls (link paradigm::mock; this header exposes
// no cpp-httplib). `paradigm-mock` is the same emulator as a process, with
// an admin HTTP API for tests in any language (docs/mock-server.md).
//
//     paradigm::mock::MockServer server;               // a free port
//     paradigm::ClientOptions options;
//     options.base_url = server.base_url();
//     options.api_key = "test-key";
//
// It is written against the documented API, independently of the SDK's own
// model code, so that it can catch the SDK's mistakes.

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace paradigm::mock {

using HeaderList = std::vector<std::pair<std::string, std::string>>;

/// What to do to the transport of a matching request.
enum class TransportFault {
  none,
  /// Close the connection after reading the request, before any response byte.
  /// The request is not acted on.
  close_before_response,
  /// Handle the request as usual (a turn-creating POST creates its turn, which
  /// then runs and completes), then close the connection before any response
  /// byte: the client cannot know whether its request took effect.
  close_after_handling,
  /// Send the status line, headers (with the full Content-Length) and
  /// `cut_after_bytes` of the body, then close.
  close_mid_body,
  /// Send nothing for `stall` (or until the server stops), then answer normally.
  stall_before_response,
  /// Send headers and `cut_after_bytes` of the body, then send nothing for
  /// `stall` (or until the server stops), then the rest.
  stall_mid_body,
  /// Send the body `drip_bytes` at a time, pausing `drip_interval` between writes.
  slow_drip,
};

/// A fault applied to matching requests. Faults are tried in the order added;
/// the first that matches applies, and is used up after `times` matches.
struct Fault {
  // --- Matching ---
  /// HTTP method ("" matches any).
  std::string method;
  /// ECMAScript regex that must match the whole path (no query); "" matches any.
  std::string path_regex;
  /// Let this many matching requests through untouched first.
  int skip = 0;
  /// How many matching requests it applies to; -1 = every one.
  int times = 1;

  // --- Effects ---
  /// Wait before handling.
  std::chrono::milliseconds delay{0};
  /// Answer with this status instead of handling the request. Unless `body` is
  /// set, the body is `{"detail": "<reason phrase> (mock fault)"}`.
  std::optional<int> status;
  /// Replace the body (of the fault status, or of the normal answer if no status).
  std::optional<std::string> body;
  /// Content-Type of a replaced body.
  std::string content_type = "application/json";
  /// Extra response headers (e.g. {"Retry-After", "1"}, {"retry-after-ms", "50"},
  /// {"x-should-retry", "false"}, {"Location", "http://..."}).
  HeaderList headers;
  /// With a 3xx `status`: a Location pointing at the request's own URL (the
  /// repeated request then gets the normal answer once the fault is used up).
  bool redirect_to_same_url = false;
  /// Send the normal answer with its body cut to this many bytes (a complete
  /// HTTP response whose JSON is truncated). 0 = off.
  std::size_t truncate_body_to = 0;
  /// Make the normal answer this many bytes larger: a string member of a JSON
  /// object, an object appended to a JSON array, bytes appended to any other
  /// body (an artifact). A streamed (SSE) body is left alone. 0 = off.
  std::size_t pad_body_bytes = 0;

  TransportFault transport = TransportFault::none;
  /// close_mid_body / stall_mid_body: body bytes sent first.
  std::size_t cut_after_bytes = 16;
  /// stall_*: how long to send nothing; 0 = until the server stops.
  std::chrono::milliseconds stall{0};
  /// slow_drip pacing.
  std::size_t drip_bytes = 1;
  std::chrono::milliseconds drip_interval{10};
  /// A streamed (SSE) answer closes its connection after this many events,
  /// like StreamOptions::drop_after_events but for matching requests only
  /// (the turn still completes on the server). Other answers are left alone.
  std::optional<int> drop_stream_after_events;
};

/// What becomes of the requests an outage (MockServer::stop_answering) held
/// once it ends.
enum class OutageEnd {
  /// Their connections are closed without an answer; they were never acted
  /// on (a gateway giving up on a hung instance).
  close,
  /// They are handled then and answered late (an instance that froze, then resumed).
  answer,
};

/// How `GET /api/v3/threads/{id}/turns/{turn_id}` behaves (that route is not in
/// the public docs; older servers may lack it).
enum class TurnRoute { enabled, method_not_allowed /* 405 */, not_found /* 404 */ };

/// Shape of a 202 answer to a turn creation.
enum class AcceptedShape { turn /* the running turn */, ids /* {"turn_id", "thread", "status"} */ };

/// How a streamed turn (POST /api/v3/threads/{id}/turns with "stream": true) is sent.
struct StreamOptions {
  /// Pause between events.
  std::chrono::milliseconds pause{0};
  /// Send a `: ping` comment before every event.
  bool heartbeats = false;
  /// End lines with CRLF instead of LF.
  bool crlf = false;
  /// Write the stream one byte per chunk.
  bool one_byte_chunks = false;
  /// Send `event: error` (data `{"detail": "..."}`) after this many events, then end.
  std::optional<int> error_after_events;
  /// Close the connection after this many events (the turn still completes on the server).
  std::optional<int> drop_after_events;
  /// Answer with plain JSON (200 or 202 as a non-stream create would) instead of SSE.
  bool answer_json_instead = false;
  /// Number of text delta events the answer is split into (at least 1).
  int delta_events = 8;
  /// Stamp every event's JSON with "sent_at_ns" (steady clock) for latency measurements.
  bool stamp_events = false;
};

/// Behaviour of the emulator; change it at any time with MockServer::configure.
struct MockConfig {
  /// Keys accepted as `Authorization: Bearer <key>`.
  std::vector<std::string> api_keys{"test-key"};
  /// How long a turn runs on the server before it completes; a turn whose
  /// query contains "[duration_ms=N]" runs N ms instead.
  std::chrono::milliseconds turn_duration{0};
  /// A synchronous create waits at most this long for the turn, then answers 202.
  std::chrono::milliseconds sync_timeout{std::chrono::seconds(5)};
  /// How long a cancelled turn stays `cancelling` before `cancelled`.
  std::chrono::milliseconds cancel_delay{0};
  TurnRoute turn_route = TurnRoute::enabled;
  AcceptedShape accepted_shape = AcceptedShape::turn;
  StreamOptions stream;
  /// Turns whose query contains this text end `failed` (error code "agent_error").
  std::string fail_marker = "[fail]";
  /// Answer like a release before Wise Wolf (Unique Urchin, Victorious
  /// Vicuna): the scope is `workspaces_ids` (a `workspace_ids` member is an
  /// unknown field, ignored as Django REST Framework does), threads carry
  /// `chat_setting` instead of `agent_id` and `agent_name`, and a 202 of ids
  /// names the thread `tread`, as the guide spells it.
  bool legacy_release = false;
  /// Compress JSON answers when the client accepts it (httplib picks brotli at
  /// its slowest, highest quality: about 4 ms per 20 KB). Benchmarks turn it
  /// off to see the client's cost rather than the emulator's compressor.
  bool compress_json = true;
  /// A turn-creating POST whose `Idempotency-Key` header repeats one that
  /// created a turn answers with that turn (as a sync, background or streamed
  /// create would) instead of creating another. Keys are global, and the
  /// repeated request's body is not compared. Off: the header is only recorded.
  bool honour_idempotency_key = false;
};

/// One request as the server received it.
struct RecordedRequest {
  std::string method;
  std::string path;
  /// Query parameters, decoded.
  HeaderList query;
  HeaderList headers;
  std::string body;
  std::string remote_addr;
  int remote_port = 0;
  /// The `x-request-id` of the answer the emulator gave (or would have given) it.
  std::string request_id;

  /// First header value with this name (case-insensitive), or "".
  std::string header(const std::string& name) const;
  /// First query parameter value with this name, or nullopt.
  std::optional<std::string> param(const std::string& name) const;
};

/// A turn the emulator created, with what asked for it: the server's side of
/// "every requested turn exists exactly once".
struct CreatedTurn {
  std::string thread_id;
  std::string turn_id;
  /// The request's `query` ("" when it had none, e.g. a suggested query).
  std::string query;
  /// The request's `Idempotency-Key` header, when it had one.
  std::optional<std::string> idempotency_key;
  /// The `x-request-id` of the answer to the request that created it.
  std::string request_id;
  /// Its status now: running, cancelling, completed, failed or cancelled.
  std::string status;
  /// Later creates answered with this turn because they repeated its
  /// Idempotency-Key (MockConfig::honour_idempotency_key).
  int replays = 0;
};

/// PEM files to serve HTTPS with.
struct TlsFiles {
  std::string certificate;
  std::string private_key;
};

/// How the emulator listens and serves: fixed once it runs (MockConfig can
/// change at any time).
struct ServerOptions {
  /// 0 = a free port chosen by the system (read it back with MockServer::port()).
  int port = 0;
  std::string host = "127.0.0.1";
  /// Serve HTTPS with these files.
  std::optional<TlsFiles> tls;
  /// Connections served at once. Each open connection (also an idle
  /// keep-alive one) holds a thread, started when first needed; further
  /// connections wait for a thread to be free.
  std::size_t threads = 512;
  /// Connections the system queues before the server accepts them (the
  /// system caps it at net.core.somaxconn).
  int listen_backlog = 1024;
  /// How fast the emulator's clock runs at first (see MockServer::set_clock_speed).
  double clock_speed = 1.0;
  /// Called (on a server thread) once the answer to POST /_mock/shutdown
  /// has been sent; without it that route answers 404. `paradigm-mock` exits.
  std::function<void()> on_shutdown_request;
};

/// The emulator. Starts listening in its constructor and stops in its
/// destructor.
class MockServer {
 public:
  /// Listens on 127.0.0.1 (port 0 = a free port chosen by the system); with
  /// `tls` it serves HTTPS.
  explicit MockServer(MockConfig config = {}, int port = 0, std::string host = "127.0.0.1",
                      std::optional<TlsFiles> tls = std::nullopt);
  /// Listens and serves as `options` say.
  MockServer(MockConfig config, ServerOptions options);
  ~MockServer();
  MockServer(const MockServer&) = delete;
  MockServer& operator=(const MockServer&) = delete;

  int port() const;
  /// "http://127.0.0.1:<port>" ("https://..." with TLS; no /api/v3).
  std::string base_url() const;

  /// Replaces the configuration (existing turns keep their timing).
  void configure(const MockConfig& config);
  MockConfig config() const;

  void add_fault(Fault fault);
  void clear_faults();

  /// Every request received so far (admin routes excluded), oldest first.
  std::vector<RecordedRequest> requests() const;
  /// Requests matching a method and an exact path.
  std::vector<RecordedRequest> requests(const std::string& method, const std::string& path) const;
  void clear_requests();

  /// Turns created since start (each accepted turn-creating POST counts once;
  /// one answered with an earlier turn by its Idempotency-Key does not).
  int turns_created() const;
  /// Every turn created since start, oldest first, each with its status now.
  std::vector<CreatedTurn> created_turns() const;
  /// Turns created by requests whose `query` was exactly `query`.
  int turns_created_for_query(const std::string& query) const;
  /// Turns created by requests whose `Idempotency-Key` header was `key`.
  int turns_created_for_idempotency_key(const std::string& key) const;
  /// Distinct TCP connections that sent requests (by client address and port).
  int connections_seen() const;
  /// Threads started so far to serve connections (at most ServerOptions::threads).
  std::size_t worker_threads() const;

  /// Finishes a running turn now (as if turn_duration had elapsed).
  void complete_turn(const std::string& thread_id, const std::string& turn_id);

  // --- Time ---
  // The emulator's clock measures turn durations, cancel delays and
  // sync_timeout. Tests move it instead of sleeping. Faults (delays, stalls)
  // and stream pauses stay in real time, and timestamps are real UTC time.

  /// Moves the emulator's clock forward: turns whose duration has then
  /// passed are completed, synchronous creates held for them answer, and
  /// cancelling turns past cancel_delay are cancelled. Throws
  /// std::invalid_argument for a negative duration.
  void advance_clock(std::chrono::milliseconds by);
  /// Runs the clock `speed` times as fast as real time (100: a 10 s turn
  /// takes 100 ms); 0 freezes it, so that it moves only with advance_clock.
  /// Throws std::invalid_argument outside [0, 1000000].
  void set_clock_speed(double speed);
  double clock_speed() const;
  /// Time on the emulator's clock since the server started, advances included.
  std::chrono::milliseconds clock_elapsed() const;
  /// Adds an artifact whose content is `size` bytes produced on the fly, in
  /// constant memory (byte i is static_cast<char>(i * 31 + 7)). Returns its id.
  std::string add_generated_artifact(std::uint64_t size,
                                     std::string content_type = "application/octet-stream",
                                     std::string filename = "data.bin");
  /// Adds an artifact with the given bytes. Returns its id.
  std::string add_artifact(std::string bytes, std::string content_type, std::string filename);

  // --- Outages and restarts ---
  // Timed in real time (the emulator's clock is for turns): they exist to
  // exercise the client. They end promptly when the server stops.

  /// An outage of a server that still accepts connections: for `duration`,
  /// requests to the API are received (and recorded) but neither handled nor
  /// answered; requests already being handled go on, admin routes answer.
  /// When it ends the requests it held are closed unanswered, never acted on
  /// (OutageEnd::close), or handled then and answered late (OutageEnd::answer).
  /// A new call replaces the outage. Throws std::invalid_argument for a
  /// negative duration.
  void stop_answering(std::chrono::milliseconds duration, OutageEnd then = OutageEnd::close);
  /// Ends the outage now; the requests it held end as it said.
  void resume_answering();
  /// Stops listening for `duration`, as a process that went down: every open
  /// connection is closed (a request being handled gets no answer; one that
  /// created a turn keeps it), new ones are refused; then it listens again on
  /// the same port. Threads, turns, artifacts, faults, configuration and the
  /// request log are kept, and turns keep running on the emulator's clock.
  /// Returns once connections are refused. A call while it refuses restarts
  /// the window. Throws std::invalid_argument for a negative duration.
  void refuse_connections(std::chrono::milliseconds duration);
  /// Drops every open connection and the listener, and listens again at once
  /// on the same port with the same store (an instance or a load balancer
  /// restarting). Returns once it listens again. Throws std::runtime_error if
  /// it cannot listen within 30 s.
  void restart();
  /// Whether it listens now (false during refuse_connections and after stop).
  bool listening() const;
  /// Waits until it listens (true) or `bound` passes (false).
  bool wait_until_listening(std::chrono::milliseconds bound) const;

  /// Stops listening; open streams and stalls end promptly. Then
  /// refuse_connections and restart do nothing.
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace paradigm::mock
