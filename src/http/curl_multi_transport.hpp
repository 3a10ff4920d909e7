#pragma once

// The event loop's transport: every exchange of the asynchronous engine is an
// easy handle in one libcurl multi handle, so they share one connection cache
// capped at `max_connections`, and multiplex over HTTP/2 when the server
// offers it (TLS with ALPN). Exchanges beyond what those connections can
// carry wait in a queue holding no easy handle (each costs tens of KB once
// used): a thousand turns created at once do not hold a thousand handles.
// Either it is polled (poll(), on the SDK's loop thread), or it is driven by
// an application's loop through libcurl's socket interface (drive()).

#include "http/curl_exchange.hpp"
#include "http/curl_transport.hpp"
#include "transport/async_transport.hpp"

#include <atomic>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

typedef void CURLM;

namespace paradigm::detail {

class CurlMultiTransport final : public AsyncTransport {
 public:
  /// Shares the settings, the DNS cache and the TLS sessions of the blocking transport.
  explicit CurlMultiTransport(std::shared_ptr<CurlTransport> blocking);
  ~CurlMultiTransport() override;
  CurlMultiTransport(const CurlMultiTransport&) = delete;
  CurlMultiTransport& operator=(const CurlMultiTransport&) = delete;

  void start(const Exchange& exchange, BodySink& sink, std::function<void(Outcome)> done) override;
  void poll(std::chrono::milliseconds timeout) override;
  void wake() override;
  void abandon_all() override;
  std::size_t in_flight() const override { return transfers_.size() + waiting_.size(); }
  bool drive(std::function<void(NativeSocket, SocketEvents)> watch, std::function<void()> wake) override;
  void on_socket(NativeSocket socket, SocketEvents ready) override;
  void on_deadline() override;
  std::optional<std::chrono::steady_clock::time_point> deadline() const override;

  /// Exchanges handed to libcurl at once: one per connection, or the
  /// streams of each over HTTPS (where HTTP/2 may multiplex them).
  static std::size_t admission_limit(std::size_t max_connections, const std::string& url);

 private:
  struct Transfer;
  struct Waiting;
  using Finished = std::pair<std::function<void(Outcome)>, Outcome>;
  using TimePoint = std::chrono::steady_clock::time_point;

  static int on_curl_socket(CURL* easy, NativeSocket socket, int what, void* self, void* socket_data);
  static int on_curl_timer(CURLM* multi, long timeout_ms, void* self);

  void begin(const Exchange& exchange, std::unique_ptr<Exchange> owned, BodySink& sink,
             std::function<void(Outcome)>& done);
  void admit_waiting(std::vector<Finished>& finished);
  void progress();
  std::chrono::milliseconds poll_timeout(std::chrono::milliseconds timeout) const;
  std::optional<TimePoint> next_stop(TimePoint now) const;
  void collect_done(std::vector<Finished>& finished);
  void collect_stopped(std::vector<Finished>& finished);
  void collect_stopped_waiting(bool look_for_cancelled, std::vector<Finished>& finished);
  Finished finish(CURL* easy, int curl_code, TransferError ours);
  void recycle(CURL* easy);

  std::shared_ptr<CurlTransport> blocking_;
  const CurlSettings& settings_;
  CURLSH* share_;
  CURLM* multi_;
  std::unordered_map<CURL*, std::unique_ptr<Transfer>> transfers_;
  std::deque<std::unique_ptr<Waiting>> waiting_;  // first come, first admitted
  std::vector<CURL*> spare_handles_;
  // Set by a cancelled token (any thread): poll() then looks for the transfer.
  std::atomic<bool> cancel_seen_{false};
  // Driven by an application's loop (drive()): libcurl's sockets go to
  // `watch_`, its timer to `curl_due_`.
  bool driven_ = false;
  std::function<void(NativeSocket, SocketEvents)> watch_;
  std::function<void()> wake_;
  std::optional<TimePoint> curl_due_;
};

}  // namespace paradigm::detail
