#include "connection/async_engine.hpp"

namespace paradigm::detail {

std::shared_ptr<EventLoop> AsyncEngine::loop() {
  std::call_once(
      started_, [this] { loop_ = std::make_shared<EventLoop>(make_transport_(), context_->shared_clock()); });
  return loop_;
}

}  // namespace paradigm::detail
