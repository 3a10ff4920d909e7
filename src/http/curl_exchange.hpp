#pragma once

// One exchange on a libcurl easy handle: configures the handle for it, hands
// the answer to the sink through Delivery, keeps the stall clock, and turns
// libcurl's result into the Outcome. Shared by the blocking transport (which
// drives the handle on the calling thread) and the event loop's transport.

#include "transport/delivery.hpp"
#include "transport/transport.hpp"

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

typedef void CURL;
typedef void CURLSH;
struct curl_slist;

namespace paradigm::detail {

struct TlsSettings {
  bool verify = true;
  std::string ca_bundle;
  std::string ca_path;
};

/// Receives libcurl's verbose text (already stripped of credentials).
using VerboseSink = std::function<void(std::string_view line)>;

/// What is the same for every exchange of one connection.
struct CurlSettings {
  std::string user_agent;
  std::string proxy;
  TlsSettings tls;
  /// Redirects followed (Authorization is never sent to another host).
  long max_redirects = 5;
  /// When set, libcurl's verbose output goes here with credentials redacted.
  VerboseSink verbose;
  /// The secret to scrub from verbose output and error messages.
  std::string secret;
  /// Idle handles (and their connections) kept for reuse by blocking calls.
  std::size_t max_idle_connections = 16;
  /// Connections open at once, per engine (blocking calls; the event loop).
  std::size_t max_connections = 32;
};

class CurlExchange {
 public:
  using SteadyClock = std::chrono::steady_clock;

  /// Configures `easy` (after a reset) for `exchange`; `share` holds the DNS
  /// cache and TLS sessions. `exchange`, `settings` and `sink` must outlive this.
  CurlExchange(const Exchange& exchange, const CurlSettings& settings, BodySink& sink, CURL* easy,
               CURLSH* share);
  ~CurlExchange();
  CurlExchange(const CurlExchange&) = delete;
  CurlExchange& operator=(const CurlExchange&) = delete;

  CURL* easy() const noexcept { return easy_; }
  const Exchange& exchange() const noexcept { return exchange_; }

  /// How long until the stall clock runs out (0 or less: stalled); nullopt
  /// when it is not running (no stall limit, or a slow-to-answer request
  /// whose answer has not begun).
  std::optional<std::chrono::milliseconds> stall_left(SteadyClock::time_point now) const;

  /// The outcome, from libcurl's result or from `ours` (stalled, cancelled)
  /// when the exchange was stopped before libcurl finished it.
  Outcome finish(int curl_code, TransferError ours);

 private:
  friend struct CurlCallbacks;

  void set_body();
  TransferError sent_once_error(TransferError error) const;
  /// Whether any of a send_once request may have reached the server.
  bool may_have_left() const;

  const Exchange& exchange_;
  const CurlSettings& settings_;
  Delivery delivery_;
  CURL* easy_;
  curl_slist* headers_ = nullptr;
  std::unique_ptr<char[]> error_text_;
  bool response_started_ = false;
  bool connected_ = false;
  /// A send_once body: how much of it libcurl took, and whether any of it
  /// was ever taken (then it may have reached the server).
  std::size_t body_taken_ = 0;
  bool body_left_ = false;
  /// A send_once request with no body: its head is all of it.
  bool empty_body_ = false;
  SteadyClock::time_point last_activity_ = SteadyClock::now();
};

}  // namespace paradigm::detail
