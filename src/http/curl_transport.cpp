#include "http/curl_transport.hpp"

#include "core/cancellation_state.hpp"
#include "core/text.hpp"
#include "transport/delivery.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <memory>

namespace paradigm::detail {

namespace {

using SteadyClock = std::chrono::steady_clock;

constexpr long kReceiveBufferBytes = 128 * 1024;

// State shared by the libcurl callbacks of one exchange.
struct ExchangeContext {
  ExchangeContext(const Exchange& request, const CurlSettings& shared, BodySink& sink, CURL* handle)
      : exchange(request), settings(shared), delivery(sink), easy(handle) {}

  const Exchange& exchange;
  const CurlSettings& settings;
  Delivery delivery;
  CURL* easy;
  bool response_started = false;
  SteadyClock::time_point last_activity = SteadyClock::now();

  int status() const {
    long code = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &code);
    return static_cast<int>(code);
  }
};

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto& ctx = *static_cast<ExchangeContext*>(user);
  const std::size_t length = size * count;
  ctx.last_activity = SteadyClock::now();
  ctx.response_started = true;
  std::string_view line = trim(std::string_view(data, length));
  if (line.rfind("HTTP/", 0) == 0) {
    ctx.delivery.begin_head();  // a new answer (after a redirect or a 100 Continue)
  } else if (auto colon = line.find(':'); colon != std::string_view::npos) {
    ctx.delivery.add_header(std::string(trim(line.substr(0, colon))),
                            std::string(trim(line.substr(colon + 1))));
  }
  return length;
}

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto& ctx = *static_cast<ExchangeContext*>(user);
  const std::size_t length = size * count;
  ctx.last_activity = SteadyClock::now();
  // Returning less than `length` makes libcurl stop with CURLE_WRITE_ERROR.
  if (!ctx.delivery.head(ctx.status()) || !ctx.delivery.data(std::string_view(data, length))) return 0;
  return length;
}

int on_verbose(CURL*, curl_infotype type, char* data, std::size_t size, void* user) {
  if (type != CURLINFO_TEXT && type != CURLINFO_HEADER_IN && type != CURLINFO_HEADER_OUT) return 0;
  auto& ctx = *static_cast<ExchangeContext*>(user);
  std::string text(data, size);
  // The Authorization header is removed whole, then the secret anywhere else.
  for (auto pos = text.find("Authorization:"); pos != std::string::npos;
       pos = text.find("Authorization:", pos)) {
    const auto end = text.find('\n', pos);
    text.replace(pos, (end == std::string::npos ? text.size() : end) - pos, "Authorization: [REDACTED]\r");
    pos += 14;
  }
  text = redact(std::move(text), ctx.settings.secret);
  const char* prefix = type == CURLINFO_TEXT ? "* " : (type == CURLINFO_HEADER_OUT ? "> " : "< ");
  ctx.settings.verbose(prefix + std::string(trim(text)));
  return 0;
}

using HeaderList = std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)>;

HeaderList make_header_list(const Exchange& exchange) {
  HeaderList list(nullptr, &curl_slist_free_all);
  const auto append = [&list](const char* line) {
    curl_slist* next = curl_slist_append(list.get(), line);
    if (!next) throw std::bad_alloc();
    list.release();
    list.reset(next);
  };
  for (const auto& line : exchange.header_lines)
    append(line.c_str());
  // libcurl would label an empty body as a form.
  if (!exchange.body && exchange.method != "GET") append("Content-Type:");
  // Large bodies would otherwise wait for "100 Continue" first.
  append("Expect:");
  return list;
}

void set_method_and_body(CURL* easy, const Exchange& exchange) {
  if (exchange.method == "GET") {
    curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
    return;
  }
  // A PATCH or POST without a body still says "Content-Length: 0": some
  // servers otherwise wait for a body that never comes.
  static const std::string kNoBody;
  const std::string& body = exchange.body ? *exchange.body : kNoBody;
  curl_easy_setopt(easy, CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
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
}

void configure(CURL* easy, CURLSH* share, ExchangeContext& ctx, curl_slist* headers) {
  const Exchange& exchange = ctx.exchange;
  curl_easy_reset(easy);
  configure_connection(easy, share, ctx.settings);
  curl_easy_setopt(easy, CURLOPT_URL, exchange.url.c_str());
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(exchange.connect_timeout.count()));
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(exchange.total_timeout.count()));
  set_method_and_body(easy, exchange);
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &on_header);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, &ctx);
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &on_body);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &ctx);
  if (ctx.settings.verbose) {
    curl_easy_setopt(easy, CURLOPT_DEBUGFUNCTION, &on_verbose);
    curl_easy_setopt(easy, CURLOPT_DEBUGDATA, &ctx);
    curl_easy_setopt(easy, CURLOPT_VERBOSE, 1L);
  }
}

bool stall_clock_running(const ExchangeContext& ctx) {
  return ctx.exchange.stall_timeout.count() > 0 &&
         (ctx.exchange.stall_before_response || ctx.response_started);
}

// Drives the exchange; returns the libcurl result, or sets `ours` when the
// exchange was stopped by the stall clock or the cancellation token.
CURLcode drive(CurlSlot& slot, ExchangeContext& ctx, TransferError& ours) {
  CURLM* multi = slot.multi();
  curl_multi_add_handle(multi, slot.easy());
  const CancellationToken& token = ctx.exchange.cancellation;
  CancellationListener wake(token, [multi] { curl_multi_wakeup(multi); });

  CURLcode result = CURLE_OK;
  for (;;) {
    int running = 0;
    if (curl_multi_perform(multi, &running) != CURLM_OK) {
      result = CURLE_RECV_ERROR;
      break;
    }
    if (running == 0) {
      int queued = 0;
      while (CURLMsg* msg = curl_multi_info_read(multi, &queued)) {
        if (msg->msg == CURLMSG_DONE) result = msg->data.result;
      }
      break;
    }
    if (token.is_cancelled()) {
      ours = TransferError::cancelled;
      break;
    }
    int wait_ms = 1000;
    if (stall_clock_running(ctx)) {
      const auto idle = SteadyClock::now() - ctx.last_activity;
      const auto left =
          ctx.exchange.stall_timeout - std::chrono::duration_cast<std::chrono::milliseconds>(idle);
      if (left.count() <= 0) {
        ours = TransferError::stalled;
        break;
      }
      wait_ms = static_cast<int>(std::min<long long>(wait_ms, left.count()));
    }
    curl_multi_poll(multi, nullptr, 0, wait_ms, nullptr);
  }
  // Removing an unfinished transfer closes its connection, which is what an
  // abort needs; a finished one leaves its connection in the slot's cache.
  curl_multi_remove_handle(multi, slot.easy());
  return result;
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
      return TransferError::reset;
    case CURLE_TOO_MANY_REDIRECTS:
      return TransferError::too_many_redirects;
    default:
      return TransferError::other;
  }
}

}  // namespace

CurlTransport::CurlTransport(CurlSettings settings)
    : settings_(std::move(settings)), pool_(std::max<std::size_t>(1, settings_.max_idle_connections)) {}

Outcome CurlTransport::perform(const Exchange& exchange, BodySink& sink) {
  const auto lease = pool_.acquire();
  CurlSlot& slot = lease.slot();
  ExchangeContext ctx(exchange, settings_, sink, slot.easy());
  char error_text[CURL_ERROR_SIZE] = {0};
  const HeaderList headers = make_header_list(exchange);
  configure(slot.easy(), slot.share(), ctx, headers.get());
  curl_easy_setopt(slot.easy(), CURLOPT_ERRORBUFFER, error_text);

  TransferError ours = TransferError::none;
  const CURLcode code = drive(slot, ctx, ours);
  curl_easy_setopt(slot.easy(), CURLOPT_ERRORBUFFER, nullptr);

  const TransferError error = ours != TransferError::none ? ours : classify(code, slot.easy());
  std::string message;
  if (error != TransferError::none && error != TransferError::cancelled && error != TransferError::stalled) {
    message = redact(error_text[0] ? error_text : curl_easy_strerror(code), settings_.secret);
  }
  return ctx.delivery.finish(ctx.status(), error, std::move(message));
}

}  // namespace paradigm::detail
