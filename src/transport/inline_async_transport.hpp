#pragma once

// An AsyncTransport over a blocking Transport: each exchange is performed at
// once, on the loop's thread, and finished by the next poll(). It blocks the
// loop while an exchange runs, so it serves transports that answer at once
// (the tests' scripted transport), not the network.

#include "transport/async_transport.hpp"

#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>

namespace paradigm::detail {

class InlineAsyncTransport final : public AsyncTransport {
 public:
  explicit InlineAsyncTransport(std::shared_ptr<Transport> transport) noexcept
      : transport_(std::move(transport)) {}

  void start(const Exchange& exchange, BodySink& sink, std::function<void(Outcome)> done) override;
  void poll(std::chrono::milliseconds timeout) override;
  void wake() override;
  void abandon_all() override { finished_.clear(); }
  std::size_t in_flight() const override { return finished_.size(); }

 private:
  std::shared_ptr<Transport> transport_;
  // Loop thread only.
  std::deque<std::pair<std::function<void(Outcome)>, Outcome>> finished_;
  std::mutex mutex_;
  std::condition_variable woken_;
  bool wake_ = false;
};

}  // namespace paradigm::detail
