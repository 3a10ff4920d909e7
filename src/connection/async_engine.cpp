#include "connection/async_engine.hpp"

namespace paradigm::detail {

std::shared_ptr<EventLoop> AsyncEngine::loop() {
  std::call_once(started_, [this] {
    loop_ = EventLoop::make(make_transport_(), context_->shared_clock(), context_->options().external_loop);
  });
  return loop_;
}

}  // namespace paradigm::detail
