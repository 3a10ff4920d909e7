#pragma once

// Blocking calls over the event loop's connections. Over TLS the server may
// speak HTTP/2, and concurrent exchanges then share one connection, but only
// within one libcurl multi handle: so a blocking call to an https:// server
// hands its exchange to the event loop, holds the answer there until it is
// complete, and gives it to the caller's sink on the caller's thread. Only
// answers held in memory are relayed (they are bounded by max_response_bytes);
// streams, downloads, plain-HTTP servers and calls made from the loop's own
// thread are performed on the calling thread as before.

#include "engine/event_loop.hpp"
#include "transport/transport.hpp"

#include <functional>
#include <memory>

namespace paradigm::detail {

class LoopRelay final : public Transport {
 public:
  /// The connection's event loop (started on first use), or null once it is gone.
  using LoopSource = std::function<std::shared_ptr<EventLoop>()>;

  /// `direct` performs what is not relayed; `max_body` bounds a relayed answer.
  LoopRelay(std::shared_ptr<Transport> direct, std::size_t max_body) noexcept
      : direct_(std::move(direct)), max_body_(max_body) {}

  /// Turns relaying on, through this loop.
  void attach(LoopSource loop) { loop_ = std::move(loop); }

  Outcome perform(const Exchange& exchange, BodySink& sink) override;

 private:
  std::shared_ptr<Transport> direct_;
  std::size_t max_body_;
  LoopSource loop_;
};

}  // namespace paradigm::detail
