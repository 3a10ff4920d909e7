#pragma once

// The route `event_loop` of a blocking call (docs/architecture.md, "Routes"):
// the exchange is handed to the connection's event loop, which performs it in
// its libcurl multi handle (one pool of connections, HTTP/2 multiplexing,
// shared with every asynchronous call); the answer is held there until it is
// complete and given to the caller's sink on the caller's thread. Only answers
// held in memory take this route (bounded by max_response_bytes). A call made
// from the loop's own thread (a continuation) is performed there directly, and
// so is every call when the application turns the loop (ClientOptions::
// external_loop): its loop may be the calling thread, waiting.

#include "engine/event_loop.hpp"
#include "transport/transport.hpp"

#include <functional>
#include <memory>

namespace paradigm::detail {

class LoopRelay final : public Transport {
 public:
  /// The connection's event loop (started on first use), or null once it is gone.
  using LoopSource = std::function<std::shared_ptr<EventLoop>()>;

  /// `direct` performs what cannot be relayed; `max_body` bounds a relayed answer.
  LoopRelay(Transport& direct, LoopSource loop, std::size_t max_body) noexcept
      : direct_(direct), loop_(std::move(loop)), max_body_(max_body) {}

  Outcome perform(const Exchange& exchange, BodySink& sink) override;

 private:
  Transport& direct_;
  LoopSource loop_;
  std::size_t max_body_;
};

}  // namespace paradigm::detail
