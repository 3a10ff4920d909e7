#include "workflow/context.hpp"

#include "core/text.hpp"
#include "workflow/routes.hpp"

#include <algorithm>

namespace paradigm::detail {

namespace {

Route route_of(BlockingRoute asked, const std::string& base_url) {
  switch (asked) {
    case BlockingRoute::event_loop:
      return Route::event_loop;
    case BlockingRoute::calling_thread:
      return Route::calling_thread;
    case BlockingRoute::automatic:
      break;
  }
  // Over TLS the server may speak HTTP/2, whose multiplexing only the loop's
  // multi handle can share; over plain HTTP the hop to the loop would cost
  // about 15% of a fast call for nothing (docs/benchmarks.md).
  return base_url.rfind("https://", 0) == 0 ? Route::event_loop : Route::calling_thread;
}

bool is_reserved_header(std::string_view name) {
  return iequals(name, "authorization") || iequals(name, "host") || iequals(name, "content-length");
}

// "https://user:password@host/base" -> "https://host/base".
std::string without_userinfo(const std::string& url) {
  const auto authority = url.find("://");
  if (authority == std::string::npos) return url;
  const auto start = authority + 3;
  const auto end = std::min(url.find('/', start), url.size());
  const auto at = url.rfind('@', end - 1);
  if (at == std::string::npos || at < start) return url;
  return url.substr(0, start) + url.substr(at + 1);
}

}  // namespace

ConnectionContext::ConnectionContext(ClientOptions options, std::shared_ptr<Transport> transport,
                                     std::shared_ptr<Clock> clock)
    : options_(std::move(options)), transport_(std::move(transport)), clock_(std::move(clock)) {
  secret_ = std::string(trim(options_.api_key.reveal()));
  if (secret_.empty())
    throw InvalidRequestError("no API key: set PARADIGM_API_KEY or ClientOptions::api_key");
  if (secret_.find_first_of("\r\n") != std::string::npos) {
    throw InvalidRequestError("the API key contains a line break");
  }
  base_url_ = normalize_base_url(options_.base_url);
  held_answer_route_ = route_of(options_.blocking_route, base_url_);
  base_url_for_messages_ = without_userinfo(base_url_);
  authorization_ = "Authorization: Bearer " + secret_;
  if (!options_.verify_tls) {
    log({LogLevel::warning, "TLS certificate verification is OFF (ClientOptions::verify_tls = false)"});
  }
}

Exchange ConnectionContext::make_exchange(const RequestSpec& spec, const CallOptions& call) const {
  Exchange exchange;
  exchange.method = spec.method;
  exchange.url = base_url_ + spec.path + query_string(spec.query);
  exchange.header_lines.push_back(authorization_);
  exchange.header_lines.push_back("Accept: " + spec.accept);
  if (spec.body) {
    exchange.header_lines.emplace_back("Content-Type: application/json");
    exchange.body = spec.body;
  }
  for (const auto& [name, value] : call.extra_headers) {
    if (is_reserved_header(name) || name.find_first_of(":\r\n") != std::string::npos ||
        value.find_first_of("\r\n") != std::string::npos) {
      throw InvalidRequestError("extra header \"" + truncate_for_message(name, 100) + "\" is not allowed");
    }
    exchange.header_lines.push_back(name + ": " + value);
  }
  exchange.connect_timeout = call.connect_timeout.value_or(options_.connect_timeout);
  exchange.total_timeout =
      spec.streamed ? std::chrono::milliseconds(0) : call.request_timeout.value_or(options_.request_timeout);
  exchange.route = spec.streamed ? Route::calling_thread : held_answer_route_;
  exchange.stall_timeout = call.stall_timeout.value_or(options_.stall_timeout);
  exchange.stall_before_response = !spec.slow_to_answer;
  exchange.cancellation = call.cancellation;
  return exchange;
}

void ConnectionContext::log(const LogEvent& event) const {
  if (!logs(event.level)) return;
  LogRecord record;
  record.level = event.level;
  record.message = redact(event.message, secret_);
  if (event.request) {
    record.method = event.request->method;
    record.path = event.request->path;
  }
  record.status = event.status;
  record.attempt = event.attempt;
  record.delay = event.delay;
  record.request_id = redact(event.request_id, secret_);
  try {
    options_.logger(record);
  } catch (...) {
    // A failing logger must not fail the call it reports on.
  }
}

}  // namespace paradigm::detail
