#include "transport/inline_async_transport.hpp"

namespace paradigm::detail {

void InlineAsyncTransport::start(const Exchange& exchange, BodySink& sink,
                                 std::function<void(Outcome)> done) {
  finished_.emplace_back(std::move(done), transport_->perform(exchange, sink));
}

void InlineAsyncTransport::poll(std::chrono::milliseconds timeout) {
  if (finished_.empty()) {
    std::unique_lock<std::mutex> lock(mutex_);
    woken_.wait_for(lock, timeout, [this] { return wake_; });
    wake_ = false;
  }
  auto finished = std::move(finished_);
  finished_.clear();
  for (auto& [done, outcome] : finished)
    done(std::move(outcome));
}

void InlineAsyncTransport::wake() {
  std::lock_guard<std::mutex> lock(mutex_);
  wake_ = true;
  woken_.notify_one();
}

}  // namespace paradigm::detail
