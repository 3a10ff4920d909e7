// MockServer: lifecycle, and the wrapper every API route goes through
// (recording, faults, authentication).

#include <paradigm/testing/mock_server.hpp>

#include "context.hpp"
#include "faults.hpp"
#include "lifecycle.hpp"
#include "listener.hpp"
#include "mock_util.hpp"

#include <algorithm>
#include <atomic>
#include <stdexcept>

namespace paradigm::mock {

std::string RecordedRequest::header(const std::string& name) const {
  for (const auto& [key, value] : headers) {
    if (iequals(key, name)) return value;
  }
  return {};
}

std::optional<std::string> RecordedRequest::param(const std::string& name) const {
  for (const auto& [key, value] : query) {
    if (key == name) return value;
  }
  return std::nullopt;
}

void send_json(httplib::Response& res, int status, const json& body) {
  res.status = status;
  res.set_content(body.dump(), "application/json");
}

void send_detail(httplib::Response& res, int status, const std::string& detail) {
  send_json(res, status, {{"detail", detail}});
}

std::optional<json> json_body(const httplib::Request& req, httplib::Response& res) {
  if (req.body.empty()) return json::object();
  auto body = json::parse(req.body, nullptr, false);
  if (body.is_discarded()) {
    send_detail(res, 400, "JSON parse error - the request body is not valid JSON");
    return std::nullopt;
  }
  if (!body.is_object()) {
    send_json(res, 400, {{"non_field_errors", {"Invalid data. Expected a dictionary."}}});
    return std::nullopt;
  }
  return body;
}

struct MockServer::Impl {
  explicit Impl(ServerOptions server_options)
      : context(server_options.clock_speed),
        options(std::move(server_options)),
        lifecycle(context, [this](int port, BoundAddress& bound) { return start_listener(port, bound); }) {}

  Context context;
  FaultBook faults;
  RequestLog log;
  const ServerOptions options;
  std::shared_ptr<std::atomic<std::size_t>> workers_started = std::make_shared<std::atomic<std::size_t>>(0);
  Lifecycle lifecycle;  // last: its listeners' routes use everything above

  // Every API route: record, hold it through an outage, apply a matching
  // fault, check the key, answer.
  Handler wrap(Handler handler) {
    return [this, handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
      // The id is chosen first, so that the log knows it even when no answer is sent.
      const std::string request_id = new_uuid();
      res.set_header("x-request-id", request_id);
      log.record(req, request_id);
      if (!context.admit()) {
        shutdown_connection(req, context.port);
        return;
      }
      const Handler checked = [this, &handler](const httplib::Request& r, httplib::Response& s) {
        if (authorized(r, s)) handler(r, s);
      };
      if (auto fault = faults.take(req.method, req.path)) {
        answer_with_fault(context, *fault, req, res, checked);
      } else {
        checked(req, res);
      }
      // httplib compresses only an exact "application/json": a parameter opts out.
      if (!context.config().compress_json && res.get_header_value("Content-Type") == "application/json") {
        res.headers.erase("Content-Type");
        res.set_header("Content-Type", "application/json; charset=utf-8");
      }
    };
  }

  bool authorized(const httplib::Request& req, httplib::Response& res) {
    const std::string header = req.get_header_value("Authorization");
    if (header.empty()) {
      send_detail(res, 401, "Authentication credentials were not provided.");
      return false;
    }
    const auto keys = context.config().api_keys;
    for (const auto& key : keys) {
      if (header == "Bearer " + key) return true;
    }
    send_detail(res, 401, "Invalid token.");
    return false;
  }

  void add_routes(Listener& listener) {
    httplib::Server& server = listener.server();
    // What a gateway adds to every answer (admin routes and httplib's own errors too).
    server.set_post_routing_handler([](const httplib::Request&, httplib::Response& res) {
      if (!res.has_header("x-request-id")) res.set_header("x-request-id", new_uuid());
      if (!res.has_header("Date")) res.set_header("Date", http_date_now());
    });
    // Admin routes first: they are not recorded and need no key.
    ServerControl control;
    control.on_shutdown_request = options.on_shutdown_request;
    control.close_listener = [&listener] { listener.close(); };
    control.go_down_later = [this](std::chrono::milliseconds down) { lifecycle.go_down_later(down); };
    add_admin_routes(context, faults, log, server, control);
    const RouteAdder add = [this, &server](const std::string& method, const std::string& pattern,
                                           Handler handler) {
      auto wrapped = wrap(std::move(handler));
      if (method == "GET") server.Get(pattern, wrapped);
      if (method == "POST") server.Post(pattern, wrapped);
      if (method == "PATCH") server.Patch(pattern, wrapped);
      if (method == "PUT") server.Put(pattern, wrapped);
      if (method == "DELETE") server.Delete(pattern, wrapped);
    };
    add_thread_routes(context, add);
    add_catalog_routes(context, add);
    // Anything else: Django's JSON 404 (after authentication, like the real API).
    for (const char* method : {"GET", "POST", "PATCH", "PUT", "DELETE"}) {
      add(method, ".*",
          [](const httplib::Request&, httplib::Response& res) { send_detail(res, 404, "Not found."); });
    }
  }

  // A listener with every route, listening on `port` (0: a free one), not yet accepting.
  std::unique_ptr<Listener> start_listener(int port, BoundAddress& bound) {
    auto listener = std::make_unique<Listener>(options, workers_started);
    add_routes(*listener);
    bound = listener->bind(port);
    // Known before the first request: routes use it (URLs, closing a connection).
    if (context.port == 0) context.port = bound.port;
    return listener;
  }
};

namespace {

ServerOptions listening_on(int port, std::string host, std::optional<TlsFiles> tls) {
  ServerOptions options;
  options.port = port;
  options.host = std::move(host);
  options.tls = std::move(tls);
  return options;
}

}  // namespace

MockServer::MockServer(MockConfig config, int port, std::string host, std::optional<TlsFiles> tls)
    : MockServer(std::move(config), listening_on(port, std::move(host), std::move(tls))) {}

MockServer::MockServer(MockConfig config, ServerOptions options) {
  if (options.listen_backlog < 1)
    throw std::invalid_argument("paradigm-mock: the listen backlog must be positive");
  const int port = options.port;
  impl_ = std::make_unique<Impl>(std::move(options));
  Context& context = impl_->context;
  context.set_config(config);
  context.host = impl_->options.host;
  context.scheme = impl_->options.tls ? "https" : "http";
  impl_->lifecycle.listen(port);
}

MockServer::~MockServer() {
  stop();
}

void MockServer::stop() {
  impl_->lifecycle.stop();
}

void MockServer::stop_answering(std::chrono::milliseconds duration, OutageEnd then) {
  if (duration.count() < 0)
    throw std::invalid_argument("paradigm-mock: an outage cannot last a negative time");
  impl_->context.start_outage(duration, then);
}

void MockServer::resume_answering() {
  impl_->context.end_outage();
}

void MockServer::refuse_connections(std::chrono::milliseconds duration) {
  if (duration.count() < 0) throw std::invalid_argument("paradigm-mock: cannot refuse for a negative time");
  impl_->lifecycle.go_down_for(duration);
}

void MockServer::restart() {
  impl_->lifecycle.go_down_for(std::chrono::milliseconds(0));
  if (!impl_->context.stopping && !impl_->lifecycle.wait_until_listening(std::chrono::seconds(30)))
    throw std::runtime_error("paradigm-mock: cannot listen again on port " + std::to_string(port()));
}

bool MockServer::listening() const {
  return impl_->lifecycle.listening();
}

bool MockServer::wait_until_listening(std::chrono::milliseconds bound) const {
  return impl_->lifecycle.wait_until_listening(bound);
}

int MockServer::port() const {
  return impl_->context.port;
}
std::string MockServer::base_url() const {
  return impl_->context.base_url();
}
void MockServer::configure(const MockConfig& config) {
  impl_->context.set_config(config);
}
MockConfig MockServer::config() const {
  return impl_->context.config();
}
void MockServer::add_fault(Fault fault) {
  impl_->faults.add(std::move(fault));
}
void MockServer::clear_faults() {
  impl_->faults.clear();
}
std::vector<RecordedRequest> MockServer::requests() const {
  return impl_->log.all();
}
void MockServer::clear_requests() {
  impl_->log.clear();
}
int MockServer::connections_seen() const {
  return impl_->log.connections();
}
std::size_t MockServer::worker_threads() const {
  return impl_->workers_started->load();
}

std::vector<RecordedRequest> MockServer::requests(const std::string& method, const std::string& path) const {
  std::vector<RecordedRequest> matching;
  for (auto& request : impl_->log.all()) {
    if (request.method == method && request.path == path) matching.push_back(std::move(request));
  }
  return matching;
}

int MockServer::turns_created() const {
  std::lock_guard<std::mutex> lock(impl_->context.store.mutex);
  return impl_->context.store.turns_created;
}

std::vector<CreatedTurn> MockServer::created_turns() const {
  const auto cancel_delay = impl_->context.config().cancel_delay;
  std::lock_guard<std::mutex> lock(impl_->context.store.mutex);
  return impl_->context.store.created_turns(impl_->context.now(), cancel_delay);
}

int MockServer::turns_created_for_query(const std::string& query) const {
  const auto turns = created_turns();
  return static_cast<int>(std::count_if(turns.begin(), turns.end(),
                                        [&](const CreatedTurn& turn) { return turn.query == query; }));
}

int MockServer::turns_created_for_idempotency_key(const std::string& key) const {
  const auto turns = created_turns();
  return static_cast<int>(std::count_if(
      turns.begin(), turns.end(), [&](const CreatedTurn& turn) { return turn.idempotency_key == key; }));
}

void MockServer::complete_turn(const std::string& thread_id, const std::string& turn_id) {
  auto& store = impl_->context.store;
  std::lock_guard<std::mutex> lock(store.mutex);
  if (!store.complete(thread_id, turn_id)) {
    throw std::invalid_argument("paradigm-mock: no turn " + turn_id + " in thread " + thread_id);
  }
}

void MockServer::advance_clock(std::chrono::milliseconds by) {
  impl_->context.advance_clock(by);
}
void MockServer::set_clock_speed(double speed) {
  impl_->context.set_clock_speed(speed);
}
double MockServer::clock_speed() const {
  return impl_->context.emulator_clock.speed();
}
std::chrono::milliseconds MockServer::clock_elapsed() const {
  return std::chrono::duration_cast<std::chrono::milliseconds>(impl_->context.emulator_clock.elapsed());
}

std::string MockServer::add_generated_artifact(std::uint64_t size, std::string content_type,
                                               std::string filename) {
  ArtifactRecord artifact;
  artifact.generated = true;
  artifact.generated_size = size;
  artifact.content_type = std::move(content_type);
  artifact.filename = std::move(filename);
  std::lock_guard<std::mutex> lock(impl_->context.store.mutex);
  return impl_->context.store.add_artifact(std::move(artifact));
}

std::string MockServer::add_artifact(std::string bytes, std::string content_type, std::string filename) {
  ArtifactRecord artifact;
  artifact.bytes = std::move(bytes);
  artifact.content_type = std::move(content_type);
  artifact.filename = std::move(filename);
  std::lock_guard<std::mutex> lock(impl_->context.store.mutex);
  return impl_->context.store.add_artifact(std::move(artifact));
}

}  // namespace paradigm::mock
