#include "core/cancellation_state.hpp"

namespace paradigm {

CancellationToken::CancellationToken() : state_(std::make_shared<detail::CancellationState>()) {}

void CancellationToken::cancel() noexcept {
  state_->cancel();
}

bool CancellationToken::is_cancelled() const noexcept {
  return state_->is_cancelled();
}

namespace detail {

void CancellationState::cancel() noexcept {
  // Listeners run under the lock so remove_listener() can guarantee that a
  // listener is not running once it returns (its captures may then die).
  std::lock_guard<std::mutex> lock(mutex_);
  if (cancelled_.exchange(true, std::memory_order_acq_rel)) return;
  for (auto& entry : listeners_) {
    try {
      entry.second();
    } catch (...) {
      // A listener only wakes a waiter; nothing useful to do with its failure.
    }
  }
}

std::uint64_t CancellationState::add_listener(Listener listener) {
  std::lock_guard<std::mutex> lock(mutex_);
  const std::uint64_t id = next_id_++;
  if (cancelled_.load(std::memory_order_acquire)) {
    listener();
    return id;
  }
  listeners_.emplace(id, std::move(listener));
  return id;
}

void CancellationState::remove_listener(std::uint64_t id) {
  std::lock_guard<std::mutex> lock(mutex_);
  listeners_.erase(id);
}

}  // namespace detail
}  // namespace paradigm
