#include "client/client_core.hpp"

#include <paradigm/version.hpp>

#include "client/error_mapping.hpp"
#include "client/routes.hpp"
#include "core/text.hpp"
#include "http/curl_global.hpp"

namespace paradigm::detail {

namespace {

// Error bodies are kept for the exception, up to this size.
constexpr std::size_t kMaxErrorBody = 1 << 20;

// Buffers a 2xx body in memory, refusing more than `limit` bytes.
class BufferTarget final : public BodyTarget {
 public:
  explicit BufferTarget(std::size_t limit) : limit_(limit) {}
  void begin_attempt() override { body.clear(); }
  bool on_data(std::string_view bytes) override {
    if (body.size() + bytes.size() > limit_) {
      failure_ = response_too_large(limit_);
      return false;
    }
    body.append(bytes);
    return true;
  }
  std::exception_ptr failure() const override { return failure_; }

  std::string body;

 private:
  std::size_t limit_;
  std::exception_ptr failure_;
};

// Routes the final response: 2xx to the target, anything else into `error_body`.
class RoutingSink final : public ResponseSink {
 public:
  RoutingSink(BodyTarget& target, std::string& error_body) : target_(target), error_body_(error_body) {}
  bool on_head(int status, const Headers& headers) override {
    is_error_ = status >= 300 || status < 200;
    return is_error_ || target_.on_head(status, headers);
  }
  bool on_data(std::string_view bytes) override {
    if (!is_error_) return target_.on_data(bytes);
    if (error_body_.size() < kMaxErrorBody)
      error_body_.append(bytes.substr(0, kMaxErrorBody - error_body_.size()));
    return true;
  }

 private:
  BodyTarget& target_;
  std::string& error_body_;
  bool is_error_ = false;
};

bool is_reserved_header(std::string_view name) {
  return iequals(name, "authorization") || iequals(name, "host") || iequals(name, "content-length");
}

}  // namespace

std::exception_ptr response_too_large(std::size_t limit, std::string_view advice) {
  std::string message = "response body exceeds max_response_bytes (" + std::to_string(limit) + " bytes)";
  if (!advice.empty()) message += "; " + std::string(advice);
  return std::make_exception_ptr(DecodeError(message));
}

ClientCore::ClientCore(ClientOptions options, std::shared_ptr<Clock> clock)
    : options_(std::move(options)),
      clock_(std::move(clock)),
      pool_(std::max<std::size_t>(1, options_.max_idle_connections)) {
  if (trim(options_.api_key).empty()) {
    throw InvalidRequestError("no API key: set PARADIGM_API_KEY or ClientOptions::api_key");
  }
  if (options_.api_key.find_first_of("\r\n") != std::string::npos) {
    throw InvalidRequestError("the API key contains a line break");
  }
  base_url_ = normalize_base_url(options_.base_url);
  authorization_ = "Authorization: Bearer " + std::string(trim(options_.api_key));
  user_agent_ = std::string("paradigm-cpp/") + PARADIGM_VERSION_STRING + " " + curl_version_tag();
  if (!options_.user_agent_suffix.empty()) user_agent_ += " " + options_.user_agent_suffix;
  if (!options_.verify_tls) {
    log(LogLevel::warning, "TLS certificate verification is OFF (ClientOptions::verify_tls = false)");
  }
}

TransferRequest ClientCore::make_transfer(const RequestSpec& spec, const CallOptions& call) const {
  TransferRequest request;
  request.method = spec.method;
  request.url = base_url_ + spec.path + query_string(spec.query);
  request.header_lines.push_back(authorization_);
  request.header_lines.push_back("Accept: " + spec.accept);
  if (spec.body) {
    request.header_lines.emplace_back("Content-Type: application/json");
    request.body = *spec.body;
    request.has_body = true;
  }
  for (const auto& [name, value] : call.extra_headers) {
    if (is_reserved_header(name) || name.find_first_of(":\r\n") != std::string::npos ||
        value.find_first_of("\r\n") != std::string::npos) {
      throw InvalidRequestError("extra header \"" + truncate_for_message(name, 100) + "\" is not allowed");
    }
    request.header_lines.push_back(name + ": " + value);
  }
  request.connect_timeout = call.connect_timeout.value_or(options_.connect_timeout);
  request.total_timeout =
      spec.unbounded ? std::chrono::milliseconds(0) : call.request_timeout.value_or(options_.request_timeout);
  request.stall_timeout = call.stall_timeout.value_or(options_.stall_timeout);
  request.stall_before_response = !spec.slow_to_answer;
  request.user_agent = user_agent_;
  request.proxy = options_.proxy;
  request.tls = TlsSettings{options_.verify_tls, options_.ca_bundle, options_.ca_path};
  request.cancellation = &call.cancellation;
  request.secret = std::string(trim(options_.api_key));
  if (options_.curl_verbose && logs(LogLevel::debug)) {
    request.verbose = [this](std::string_view line) { log(LogLevel::debug, std::string(line)); };
  }
  return request;
}

TransferResult ClientCore::attempt(const TransferRequest& request, BodyTarget& target,
                                   std::string& error_body) {
  RoutingSink sink(target, error_body);
  auto lease = pool_.acquire();
  return perform_transfer(lease.slot(), request, sink);
}

Response ClientCore::send(const RequestSpec& spec, const CallOptions& call) {
  BufferTarget target(options_.max_response_bytes);
  TransferResult result = send_streaming(spec, call, target);
  if (!result.ok()) throw_failure(result, spec);
  return Response{result.status, std::move(result.headers), std::move(target.body)};
}

TransferResult ClientCore::send_streaming(const RequestSpec& spec, const CallOptions& call,
                                          BodyTarget& target) {
  const TransferRequest request = make_transfer(spec, call);
  const RetryPolicy policy = retry_policy(call);
  for (int retries = 0;; ++retries) {
    if (call.cancellation.is_cancelled()) throw CancelledError(spec.method + " " + spec.path + ": cancelled");
    target.begin_attempt();
    std::string error_body;
    TransferResult result = attempt(request, target, error_body);
    const std::string request_id = request_id_of(result.headers);
    if (result.ok() && result.status >= 200 && result.status < 300) {
      log(LogLevel::debug, "ok", &spec, result.status, retries + 1, {}, request_id);
      return result;
    }
    if (auto failure = target.failure()) std::rethrow_exception(failure);
    if (result.error == TransferError::aborted_by_sink) return result;  // the receiver chose to stop
    if (!result.ok() && target.committed()) return result;
    if (result.error == TransferError::cancelled) throw_failure(result, spec);

    const AttemptOutcome outcome{result.error, result.ok() ? result.status : 0, result.headers};
    const RetryDecision decision =
        decide_retry(outcome, retries, policy, spec.safety, clock_->random_unit(), clock_->wall_now());
    const std::string what = result.ok() ? "HTTP " + std::to_string(result.status) : to_string(result.error);
    if (!decision.retry) {
      log(LogLevel::info, what + ": " + decision.reason, &spec, outcome.status, retries + 1, {}, request_id);
      if (!result.ok()) throw_failure(result, spec);
      throw_api_error(result.status, std::move(result.headers), std::move(error_body), spec.method, spec.path,
                      decision.retry_after, request.secret);
    }
    log(LogLevel::warning, what + ": retrying (" + decision.reason + ")", &spec, outcome.status, retries + 1,
        decision.delay, request_id);
    if (!clock_->sleep_for(decision.delay, call.cancellation)) {
      throw CancelledError(spec.method + " " + spec.path + ": cancelled while waiting to retry");
    }
  }
}

void ClientCore::throw_failure(const TransferResult& result, const RequestSpec& spec) const {
  throw_transfer_error(result, spec.method, spec.path, trim(options_.api_key));
}

void ClientCore::log(LogLevel level, std::string message, const RequestSpec* spec, int status, int attempt,
                     std::chrono::milliseconds delay, std::string request_id) const {
  if (!logs(level)) return;
  LogRecord record;
  record.level = level;
  record.message = redact(std::move(message), trim(options_.api_key));
  if (spec) {
    record.method = spec->method;
    record.path = spec->path;
  }
  record.status = status;
  record.attempt = attempt;
  record.delay = delay;
  record.request_id = std::move(request_id);
  try {
    options_.logger(record);
  } catch (...) {
    // A failing logger must not fail the call it reports on.
  }
}

}  // namespace paradigm::detail
