#include "workflow/context.hpp"

#include "core/text.hpp"
#include "workflow/routes.hpp"

#include <algorithm>
#include <cctype>

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

// Headers the client sets itself, or that would change how the body is framed.
bool is_reserved_header(std::string_view name) {
  return iequals(name, "authorization") || iequals(name, "host") || iequals(name, "content-length") ||
         iequals(name, "transfer-encoding");
}

bool is_control(char c) {
  return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
}

// A header name is an RFC 9110 token: nothing that could end it or the line.
bool is_token(std::string_view name) {
  constexpr std::string_view kSymbols = "!#$%&'*+-.^_`|~";
  return !name.empty() && std::all_of(name.begin(), name.end(), [&](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || kSymbols.find(c) != std::string_view::npos;
  });
}

// A header value may hold tabs, not line breaks, NUL or other control characters
// (a line break would start a header of its own; NUL would cut the value short).
bool is_header_value(std::string_view value) {
  return std::none_of(value.begin(), value.end(), [](char c) { return is_control(c) && c != '\t'; });
}

// `text` for a message: control characters shown as \xNN, never as themselves.
std::string printable(std::string_view text) {
  std::string shown;
  for (const char c : truncate_for_message(text, 100)) {
    if (!is_control(c)) {
      shown += c;
      continue;
    }
    static constexpr char kHex[] = "0123456789abcdef";
    shown += "\\x";
    shown += kHex[static_cast<unsigned char>(c) >> 4];
    shown += kHex[static_cast<unsigned char>(c) & 0xf];
  }
  return shown;
}

// Every text of the options that reaches a header or the request line, checked
// before anything is sent (base_url: normalize_base_url; extra headers: per call).
void check_options(const ClientOptions& options, std::string_view secret) {
  if (secret.empty()) throw InvalidRequestError("no API key: set PARADIGM_API_KEY or ClientOptions::api_key");
  if (secret.find_first_of("\r\n") != std::string_view::npos) {
    throw InvalidRequestError("the API key contains a line break");
  }
  if (!is_header_value(secret)) throw InvalidRequestError("the API key contains a control character");
  if (!is_header_value(options.user_agent_suffix)) {
    throw InvalidRequestError("user_agent_suffix contains a line break or a control character");
  }
  if (std::any_of(options.proxy.begin(), options.proxy.end(),
                  [](char c) { return is_control(c) || c == ' '; })) {
    throw InvalidRequestError("proxy contains a space, a line break or a control character");
  }
  for (const std::string* path : {&options.ca_bundle, &options.ca_path}) {
    if (path->find('\0') != std::string::npos) {
      throw InvalidRequestError("ca_bundle and ca_path must not contain a NUL character");
    }
  }
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
  check_options(options_, secret_);
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
    if (is_reserved_header(name) || !is_token(name) || !is_header_value(value)) {
      throw InvalidRequestError("extra header \"" + printable(name) + "\" is not allowed");
    }
    exchange.header_lines.push_back(name + ": " + value);
  }
  for (const auto& [name, value] : spec.headers) {
    const bool set_by_caller =
        std::any_of(call.extra_headers.begin(), call.extra_headers.end(),
                    [&name = name](const auto& header) { return iequals(header.first, name); });
    if (!set_by_caller) exchange.header_lines.push_back(name + ": " + value);
  }
  exchange.connect_timeout = call.connect_timeout.value_or(options_.connect_timeout);
  // A stream or a download may last as long as it delivers: only a limit the
  // call sets itself applies to it (and CallOptions::total_timeout, see send.cpp).
  exchange.total_timeout = spec.streamed ? call.request_timeout.value_or(std::chrono::milliseconds(0))
                                         : call.request_timeout.value_or(options_.request_timeout);
  exchange.route = spec.streamed ? Route::calling_thread : held_answer_route_;
  exchange.stall_timeout = call.stall_timeout.value_or(options_.stall_timeout);
  exchange.stall_before_response = !spec.slow_to_answer;
  exchange.cancellation = call.cancellation;
  exchange.send_once = spec.safety == RequestSafety::unsafe;
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
