#include "http/transfer.hpp"

#include "core/cancellation_state.hpp"
#include "core/text.hpp"
#include "http/curl_pool.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstdlib>
#include <exception>

namespace paradigm::detail {

namespace {

using Clock = std::chrono::steady_clock;

constexpr long kReceiveBufferBytes = 128 * 1024;

// State shared by the libcurl callbacks of one exchange.
struct TransferContext {
  const TransferRequest* request = nullptr;
  ResponseSink* sink = nullptr;
  CURL* easy = nullptr;
  Headers headers;
  int status = 0;
  bool head_delivered = false;
  bool sink_aborted = false;
  bool response_started = false;
  std::uint64_t body_bytes = 0;
  // An exception from the sink, held until libcurl has returned (it must
  // never unwind through libcurl's C frames).
  std::exception_ptr sink_exception;
  Clock::time_point last_activity = Clock::now();

  // Hands the head to the sink once, before the first body byte.
  bool deliver_head() {
    if (head_delivered) return !sink_aborted;
    head_delivered = true;
    long code = 0;
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &code);
    status = static_cast<int>(code);
    try {
      if (!sink->on_head(status, headers)) sink_aborted = true;
    } catch (...) {
      sink_exception = std::current_exception();
      sink_aborted = true;
    }
    return !sink_aborted;
  }

  bool deliver_data(std::string_view bytes) {
    try {
      if (sink->on_data(bytes)) return true;
    } catch (...) {
      sink_exception = std::current_exception();
    }
    sink_aborted = true;
    return false;
  }
};

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto& ctx = *static_cast<TransferContext*>(user);
  const std::size_t length = size * count;
  ctx.last_activity = Clock::now();
  ctx.response_started = true;
  std::string_view line = trim(std::string_view(data, length));
  if (line.rfind("HTTP/", 0) == 0) {
    ctx.headers = Headers();  // a new response (after a redirect or a 100 Continue)
  } else if (auto colon = line.find(':'); colon != std::string_view::npos) {
    ctx.headers.add(std::string(trim(line.substr(0, colon))), std::string(trim(line.substr(colon + 1))));
  }
  return length;
}

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto& ctx = *static_cast<TransferContext*>(user);
  const std::size_t length = size * count;
  ctx.last_activity = Clock::now();
  // Returning less than `length` makes libcurl stop with CURLE_WRITE_ERROR.
  if (!ctx.deliver_head() || !ctx.deliver_data(std::string_view(data, length))) return 0;
  ctx.body_bytes += length;
  return length;
}

int on_verbose(CURL*, curl_infotype type, char* data, std::size_t size, void* user) {
  if (type != CURLINFO_TEXT && type != CURLINFO_HEADER_IN && type != CURLINFO_HEADER_OUT) return 0;
  auto& ctx = *static_cast<TransferContext*>(user);
  std::string text(data, size);
  // The Authorization header is removed whole, then the secret anywhere else.
  for (auto pos = text.find("Authorization:"); pos != std::string::npos;
       pos = text.find("Authorization:", pos)) {
    const auto end = text.find('\n', pos);
    text.replace(pos, (end == std::string::npos ? text.size() : end) - pos, "Authorization: [REDACTED]\r");
    pos += 14;
  }
  text = redact(std::move(text), ctx.request->secret);
  const char* prefix = type == CURLINFO_TEXT ? "* " : (type == CURLINFO_HEADER_OUT ? "> " : "< ");
  ctx.request->verbose(prefix + std::string(trim(text)));
  return 0;
}

curl_slist* make_header_list(const TransferRequest& request) {
  std::vector<std::string> lines = request.header_lines;
  // libcurl would label an empty body as a form.
  if (!request.has_body && request.method != "GET") lines.emplace_back("Content-Type:");
  curl_slist* list = nullptr;
  for (const auto& line : lines) {
    curl_slist* next = curl_slist_append(list, line.c_str());
    if (!next) {
      curl_slist_free_all(list);
      throw std::bad_alloc();
    }
    list = next;
  }
  // Large bodies would otherwise wait for "100 Continue" first.
  return curl_slist_append(list, "Expect:");
}

void set_method_and_body(CURL* easy, const TransferRequest& request) {
  if (request.method == "GET") {
    curl_easy_setopt(easy, CURLOPT_HTTPGET, 1L);
    return;
  }
  // A PATCH or POST without a body still says "Content-Length: 0": some
  // servers otherwise wait for a body that never comes.
  curl_easy_setopt(easy, CURLOPT_POSTFIELDS, request.body.data());
  curl_easy_setopt(easy, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(request.body.size()));
  if (request.method != "POST") curl_easy_setopt(easy, CURLOPT_CUSTOMREQUEST, request.method.c_str());
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

void configure(CURL* easy, CURLSH* share, const TransferRequest& request, TransferContext& ctx,
               curl_slist* headers) {
  curl_easy_reset(easy);
  curl_easy_setopt(easy, CURLOPT_SHARE, share);
  curl_easy_setopt(easy, CURLOPT_URL, request.url.c_str());
  curl_easy_setopt(easy, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(easy, CURLOPT_USERAGENT, request.user_agent.c_str());
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_ACCEPT_ENCODING, "");
  curl_easy_setopt(easy, CURLOPT_TCP_NODELAY, 1L);
  // Bigger reads than libcurl's 16 KiB, like the curl tool (100 KiB): a 1 GiB
  // download then takes a sixth of the poll/recv rounds (docs/benchmarks.md).
  // A read returns what has arrived, so streamed events are not delayed.
  curl_easy_setopt(easy, CURLOPT_BUFFERSIZE, kReceiveBufferBytes);
  curl_easy_setopt(easy, CURLOPT_TCP_KEEPALIVE, 1L);
  restrict_to_http(easy);
  curl_easy_setopt(easy, CURLOPT_FOLLOWLOCATION, request.max_redirects > 0 ? 1L : 0L);
  curl_easy_setopt(easy, CURLOPT_MAXREDIRS, request.max_redirects);
  // Credentials stay with the original host on redirects (libcurl's default, kept explicit).
  curl_easy_setopt(easy, CURLOPT_UNRESTRICTED_AUTH, 0L);
  curl_easy_setopt(easy, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(request.connect_timeout.count()));
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, static_cast<long>(request.total_timeout.count()));
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYPEER, request.tls.verify ? 1L : 0L);
  curl_easy_setopt(easy, CURLOPT_SSL_VERIFYHOST, request.tls.verify ? 2L : 0L);
  if (!request.tls.ca_bundle.empty()) curl_easy_setopt(easy, CURLOPT_CAINFO, request.tls.ca_bundle.c_str());
  if (!request.tls.ca_path.empty()) curl_easy_setopt(easy, CURLOPT_CAPATH, request.tls.ca_path.c_str());
  if (!request.proxy.empty()) curl_easy_setopt(easy, CURLOPT_PROXY, request.proxy.c_str());
  set_method_and_body(easy, request);
  curl_easy_setopt(easy, CURLOPT_HEADERFUNCTION, &on_header);
  curl_easy_setopt(easy, CURLOPT_HEADERDATA, &ctx);
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, &on_body);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, &ctx);
  if (request.verbose) {
    curl_easy_setopt(easy, CURLOPT_DEBUGFUNCTION, &on_verbose);
    curl_easy_setopt(easy, CURLOPT_DEBUGDATA, &ctx);
    curl_easy_setopt(easy, CURLOPT_VERBOSE, 1L);
  }
}

bool stall_clock_running(const TransferRequest& request, const TransferContext& ctx) {
  return request.stall_timeout.count() > 0 && (request.stall_before_response || ctx.response_started);
}

// Drives the exchange; returns the libcurl result, or sets `ours` when the
// exchange was stopped by the stall clock or the cancellation token.
CURLcode drive(CurlSlot& slot, const TransferRequest& request, TransferContext& ctx, TransferError& ours) {
  CURLM* multi = slot.multi();
  curl_multi_add_handle(multi, slot.easy());
  CancellationToken never;
  const CancellationToken& token = request.cancellation ? *request.cancellation : never;
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
    if (stall_clock_running(request, ctx)) {
      const auto idle = Clock::now() - ctx.last_activity;
      const auto left = request.stall_timeout - std::chrono::duration_cast<std::chrono::milliseconds>(idle);
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

TransferResult perform_transfer(CurlSlot& slot, const TransferRequest& request, ResponseSink& sink) {
  TransferContext ctx;
  ctx.request = &request;
  ctx.sink = &sink;
  ctx.easy = slot.easy();
  char error_text[CURL_ERROR_SIZE] = {0};
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(make_header_list(request),
                                                                      &curl_slist_free_all);
  configure(slot.easy(), slot.share(), request, ctx, headers.get());
  curl_easy_setopt(slot.easy(), CURLOPT_ERRORBUFFER, error_text);

  TransferError ours = TransferError::none;
  const CURLcode code = drive(slot, request, ctx, ours);
  curl_easy_setopt(slot.easy(), CURLOPT_ERRORBUFFER, nullptr);
  if (ctx.sink_exception) std::rethrow_exception(ctx.sink_exception);

  TransferResult result;
  result.error = ours != TransferError::none ? ours : classify(code, slot.easy());
  if (ctx.sink_aborted) result.error = TransferError::aborted_by_sink;
  if (result.error == TransferError::none && !ctx.deliver_head()) {
    if (ctx.sink_exception) std::rethrow_exception(ctx.sink_exception);
    result.error = TransferError::aborted_by_sink;
  }
  long status = 0;
  curl_easy_getinfo(slot.easy(), CURLINFO_RESPONSE_CODE, &status);
  result.status = static_cast<int>(status);
  result.headers = std::move(ctx.headers);
  result.body_bytes = ctx.body_bytes;
  if (result.error != TransferError::none && result.error != TransferError::cancelled &&
      result.error != TransferError::stalled && result.error != TransferError::aborted_by_sink) {
    result.message = error_text[0] ? error_text : curl_easy_strerror(code);
    result.message = redact(std::move(result.message), request.secret);
  }
  return result;
}

bool nothing_was_sent(TransferError error) noexcept {
  return error == TransferError::resolve || error == TransferError::connect ||
         error == TransferError::connect_timeout || error == TransferError::tls;
}

const char* to_string(TransferError error) noexcept {
  switch (error) {
    case TransferError::none:
      return "ok";
    case TransferError::resolve:
      return "could not resolve host";
    case TransferError::connect:
      return "could not connect";
    case TransferError::connect_timeout:
      return "connect timeout";
    case TransferError::tls:
      return "TLS failure";
    case TransferError::timeout:
      return "request timeout";
    case TransferError::stalled:
      return "stalled (no data received)";
    case TransferError::reset:
      return "connection reset";
    case TransferError::aborted_by_sink:
      return "stopped by the receiver";
    case TransferError::cancelled:
      return "cancelled";
    case TransferError::too_many_redirects:
      return "too many redirects";
    case TransferError::other:
      return "transfer failed";
  }
  return "transfer failed";
}

}  // namespace paradigm::detail
