#include "http/curl_exchange.hpp"
#include "http/curl_timings.hpp"

#include "core/text.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstdio>
#include <new>

namespace paradigm::detail {

namespace {

constexpr long kReceiveBufferBytes = 128 * 1024;

curl_slist* make_header_list(const Exchange& exchange) {
  curl_slist* list = nullptr;
  const auto append = [&list](const char* line) {
    curl_slist* next = curl_slist_append(list, line);
    if (!next) {
      curl_slist_free_all(list);
      throw std::bad_alloc();
    }
    list = next;
  };
  for (const auto& line : exchange.header_lines)
    append(line.c_str());
  // libcurl would label an empty body as a form.
  if (!exchange.body && exchange.method != "GET") append("Content-Type:");
  // Large bodies would otherwise wait for "100 Continue" first.
  append("Expect:");
  return list;
}

void set_method(CURL* easy, const Exchange& exchange) {
  if (exchange.method == "GET") {
    curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
    return;
  }
  curl_easy_setopt(easy, CURLOPT_POST, 1L);
  if (exchange.method != "POST") curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, exchange.method.c_str());
}

// Only http(s), also after redirects (no file://, no other schemes).
void restrict_to_http(CURL* easy) {
#if LIBCURL_VERSION_NUM >= 0x075500  // 7.85: the string options replace the deprecated bitmasks
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
  curl_easy_setopt(easy, CURLOPT_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
  curl_easy_setopt(easy, CURLOPT_REDIR_PROTOCOLS, static_cast<long>(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
}

void configure_connection(CURL* easy, CURLSH* share, const CurlSettings& settings) {
  curl_easy_setopt(easy, CURLOPT_SHARE, share);
  curl_easy_setopt(easy, CURLOPT_USERAGENT, settings.user_agent.c_str());
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(easy, CURLOPT_TCP_NODELAY, 1L);
  // Bigger reads than libcurl's 16 KiB, like the curl tool (100 KiB): a 1 GiB
  // download then takes a sixth of the poll/recv rounds (docs/benchmarks.md).
  // A read returns what has arrived, so streamed events are not delayed.
  curl_easy_setopt(easy, CURLOPT_BUFFERSIZE, kReceiveBufferBytes);
  curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
  restrict_to_http(easy);
  curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, settings.max_redirects > 0 ? 1L : 0L);
  curl_easy_setopt(easy, CURLOPT_MAXREDIRS, settings.max_redirects);
  // Credentials stay with the original host on redirects (libcurl's default, kept explicit).
  curl_easy_setopt(easy, CURLOPT_UNRESTRICTED_AUTH, 0L);
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, settings.tls.verify ? 1L : 0L);
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, settings.tls.verify ? 2L : 0L);
  if (!settings.tls.ca_bundle.empty()) curl_easy_setopt(easy, CURLOPT_CAINFO, settings.tls.ca_bundle.c_str());
  if (!settings.tls.ca_path.empty()) curl_easy_setopt(easy, CURLOPT_CAPATH, settings.tls.ca_path.c_str());
  if (!settings.proxy.empty()) curl_easy_setopt(easy, CURLOPT_PROXY, settings.proxy.c_str());
  // HTTP/2 when TLS offers it through ALPN (libcurl's default since 7.62, kept explicit):
  // concurrent exchanges of the event loop then share one connection.
  curl_easy_setopt(easy, CURLOPT_HTTP_VERSION, static_cast<long>(CURL_HTTP_VERSION_2TLS));
  curl_easy_setopt(easy, CURLOPT_PIPEWAIT, 1L);
}

TransferError classify(CURLcode code, CURL* easy) {
  switch (code) {
    case CURLE_OK:
      return TransferError::none;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY:
      return TransferError::resolve;
    case CURLE_COULDNT_CONNECT:
      return TransferError::connect;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
      return TransferError::tls;
    case CURLE_OPERATION_TIMEDOUT: {
      // Nothing sent yet means the connection never came up.
      curl_off_t sent = 0;
      curl_easy_getinfo(easy, CURLINFO_REQUEST_SIZE, &sent);
      return sent == 0 ? TransferError::connect_timeout : TransferError::timeout;
    }
    case CURLE_SEND_ERROR:
    case CURLE_RECV_ERROR:
    case CURLE_GOT_NOTHING:
    case CURLE_PARTIAL_FILE:
    case CURLE_HTTP2:
    case CURLE_HTTP2_STREAM:
    // A reused connection died and libcurl could not rewind a send_once body
    // to send it again on a fresh one: the body may have arrived.
    case CURLE_SEND_FAIL_REWIND:
      return TransferError::reset;
    case CURLE_TOO_MANY_REDIRECTS:
      return TransferError::too_many_redirects;
    default:
      return TransferError::other;
  }
}

int status_of(CURL* easy) {
  long code = 0;
  curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &code);
  return static_cast<int>(code);
}

}  // namespace

// The libcurl callbacks, with access to the exchange they serve.
struct CurlCallbacks {
  static std::size_t header(char* data, std::size_t size, std::size_t count, void* user) {
    auto& self = *static_cast<CurlExchange*>(user);
    const std::size_t length = size * count;
    self.last_activity_ = CurlExchange::SteadyClock::now();
    self.response_started_ = true;
    // Returning less than `length` makes libcurl stop with CURLE_WRITE_ERROR.
    if (!self.delivery_.count_head_bytes(length)) return 0;
    std::string_view line = trim(std::string_view(data, length));
    if (line.rfind("HTTP/", 0) == 0) {
      self.delivery_.begin_head();  // a new answer (after a redirect or a 100 Continue)
    } else if (auto colon = line.find(':'); colon != std::string_view::npos) {
      self.delivery_.add_header(std::string(trim(line.substr(0, colon))),
                                std::string(trim(line.substr(colon + 1))));
    }
    return length;
  }

  static std::size_t body(char* data, std::size_t size, std::size_t count, void* user) {
    auto& self = *static_cast<CurlExchange*>(user);
    const std::size_t length = size * count;
    self.last_activity_ = CurlExchange::SteadyClock::now();
    // Returning less than `length` makes libcurl stop with CURLE_WRITE_ERROR.
    if (!self.delivery_.head(status_of(self.easy_)) || !self.delivery_.data(std::string_view(data, length)))
      return 0;
    return length;
  }

  // A connection is ready (new or reused): the stall clock may start. A
  // transfer queued for a connection under the cap is waiting, not stalled.
  static int connected(void* user, char*, char*, int, int) {
    auto& self = *static_cast<CurlExchange*>(user);
    self.connected_ = true;
    self.last_activity_ = CurlExchange::SteadyClock::now();
    return CURL_PREREQFUNC_OK;
  }

  // A send_once body: libcurl reads it here, so it can only send it again by
  // rewinding it (seek), which is refused once any of it was taken.
  static std::size_t read_body(char* buffer, std::size_t size, std::size_t count, void* user) {
    auto& self = *static_cast<CurlExchange*>(user);
    const std::string& body = *self.exchange_.body;
    const std::size_t length = std::min(size * count, body.size() - self.body_taken_);
    std::copy_n(body.data() + self.body_taken_, length, buffer);
    self.body_taken_ += length;
    if (length > 0) self.body_left_ = true;
    return length;
  }

  // libcurl rewinds the body to send it again: to follow a redirect (an
  // answer came: the server did not take the request), or on a fresh
  // connection when a reused one died before any answer, which is allowed
  // only while none of the body left (the server cannot have had it).
  static int seek_body(void* user, curl_off_t offset, int origin) {
    auto& self = *static_cast<CurlExchange*>(user);
    if (origin != SEEK_SET || offset != 0) return CURL_SEEKFUNC_CANTSEEK;
    if (self.may_have_left() && !self.response_started_) return CURL_SEEKFUNC_CANTSEEK;
    self.body_taken_ = 0;
    return CURL_SEEKFUNC_OK;
  }

  static int verbose(CURL*, curl_infotype type, char* data, std::size_t size, void* user) {
    if (type != CURLINFO_TEXT && type != CURLINFO_HEADER_IN && type != CURLINFO_HEADER_OUT) return 0;
    auto& self = *static_cast<CurlExchange*>(user);
    std::string text(data, size);
    // The Authorization header is removed whole, then the secret anywhere else.
    for (auto pos = text.find("Authorization:"); pos != std::string::npos;
         pos = text.find("Authorization:", pos)) {
      const auto end = text.find('\n', pos);
      text.replace(pos, (end == std::string::npos ? text.size() : end) - pos, "Authorization: [REDACTED]\r");
      pos += 14;
    }
    text = redact(std::move(text), self.settings_.secret);
    const char* prefix = type == CURLINFO_TEXT ? "* " : (type == CURLINFO_HEADER_OUT ? "> " : "< ");
    self.settings_.verbose(prefix + std::string(trim(text)));
    return 0;
  }
};

CurlExchange::CurlExchange(const Exchange& exchange, const CurlSettings& settings, BodySink& sink, CURL* easy,
                           CURLSH* share)
    : exchange_(exchange),
      settings_(settings),
      delivery_(sink),
      easy_(easy),
      headers_(make_header_list(exchange)),
      error_text_(new char[CURL_ERROR_SIZE]()) {
  curl_easy_reset(easy);
  configure_connection(easy, share, settings);
  curl_easy_setopt(easy, CURLOPT_URL, exchange.url.c_str());
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers_);
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(exchange.connect_timeout.count()));
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(exchange.total_timeout.count()));
  set_method(easy, exchange);
  set_body();
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &CurlCallbacks::header);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, this);
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &CurlCallbacks::body);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, this);
  curl_easy_setopt(easy, CURLOPT_ERRORBUFFER, error_text_.get());
#if LIBCURL_VERSION_NUM >= 0x075000  // 7.80
  curl_easy_setopt(easy, CURLOPT_PREREQFUNCTION, &CurlCallbacks::connected);
  curl_easy_setopt(easy, CURLOPT_PREREQDATA, this);
#else
  connected_ = true;
#endif
  if (settings.verbose) {
    curl_easy_setopt(easy, CURLOPT_DEBUGFUNCTION, &CurlCallbacks::verbose);
    curl_easy_setopt(easy, CURLOPT_DEBUGDATA, this);
    curl_easy_setopt(easy, CURLOPT_VERBOSE, 1L);
  }
}

void CurlExchange::set_body() {
  if (exchange_.method == "GET") return;
  // A PATCH or POST without a body still says "Content-Length: 0": some
  // servers otherwise wait for a body that never comes.
  static const std::string kNoBody;
  const std::string& body = exchange_.body ? *exchange_.body : kNoBody;
  curl_easy_setopt(easy_, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  if (!exchange_.send_once) {
    curl_easy_setopt(easy_, CURLOPT_POSTFIELDS, body.data());
    return;
  }
  // An empty body is never read: such a request may have left once its head
  // did, and is never re-sent either (libcurl finds no way to rewind it).
  empty_body_ = body.empty();
  curl_easy_setopt(easy_, CURLOPT_READFUNCTION, &CurlCallbacks::read_body);
  curl_easy_setopt(easy_, CURLOPT_READDATA, this);
  curl_easy_setopt(easy_, CURLOPT_SEEKFUNCTION, &CurlCallbacks::seek_body);
  curl_easy_setopt(easy_, CURLOPT_SEEKDATA, this);
}

CurlExchange::~CurlExchange() {
  // The handle outlives this exchange: it must not point at what dies here.
  curl_easy_setopt(easy_, CURLOPT_ERRORBUFFER, nullptr);
  curl_easy_setopt(easy_, CURLOPT_HTTPHEADER, nullptr);
  curl_slist_free_all(headers_);
}

bool CurlExchange::may_have_left() const {
  if (body_left_) return true;
  if (!empty_body_) return false;
  curl_off_t sent = 0;  // the heads libcurl issued, on every connection it tried
  curl_easy_getinfo(easy_, CURLINFO_REQUEST_SIZE, &sent);
  return sent > 0;
}

// A send_once request: whether its failure may have reached the server is
// known from its body, whatever libcurl says of the connection.
TransferError CurlExchange::sent_once_error(TransferError error) const {
  if (!exchange_.send_once || error == TransferError::none || error == TransferError::cancelled) return error;
  if (may_have_left()) {
    // libcurl connects again before it finds it cannot rewind the body: a
    // connect that fails then follows a connection that took the request.
    return nothing_was_sent(error) ? TransferError::reset : error;
  }
  const bool broke =
      error == TransferError::reset || error == TransferError::timeout || error == TransferError::stalled;
  return broke ? TransferError::not_delivered : error;
}

std::optional<std::chrono::milliseconds> CurlExchange::stall_left(SteadyClock::time_point now) const {
  if (exchange_.stall_timeout.count() <= 0 || !connected_) return std::nullopt;
  if (!exchange_.stall_before_response && !response_started_) return std::nullopt;
  return exchange_.stall_timeout -
         std::chrono::duration_cast<std::chrono::milliseconds>(now - last_activity_);
}

Outcome CurlExchange::finish(int curl_code, TransferError ours) {
  const auto code = static_cast<CURLcode>(curl_code);
  const TransferError error = sent_once_error(ours != TransferError::none ? ours : classify(code, easy_));
  std::string message;
  if (error != TransferError::none && error != TransferError::cancelled && error != TransferError::stalled) {
    message = redact(error_text_[0] ? error_text_.get() : curl_easy_strerror(code), settings_.secret);
  }
  Outcome outcome = delivery_.finish(status_of(easy_), error, std::move(message));
  if (exchange_.wants_timings) outcome.timings = read_timings(easy_);
  return outcome;
}

}  // namespace paradigm::detail
