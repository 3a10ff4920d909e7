#pragma once

#include <paradigm/cancellation.hpp>

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>

namespace paradigm::detail {

/// Shared state of a CancellationToken. Listeners let a blocked transfer or
/// sleep wake up as soon as cancel() is called instead of polling a flag.
class CancellationState {
 public:
  using Listener = std::function<void()>;

  void cancel() noexcept;
  bool is_cancelled() const noexcept { return cancelled_.load(std::memory_order_acquire); }

  /// Registers a listener, called once from cancel() (or at once if already
  /// cancelled). Returns an id for remove_listener.
  std::uint64_t add_listener(Listener listener);
  /// Unregisters; after return the listener is not running and will not run.
  void remove_listener(std::uint64_t id);

 private:
  std::atomic<bool> cancelled_{false};
  mutable std::mutex mutex_;
  std::map<std::uint64_t, Listener> listeners_;
  std::uint64_t next_id_ = 1;
};

/// Registers a listener for the lifetime of a scope.
class CancellationListener {
 public:
  CancellationListener(const CancellationToken& token, CancellationState::Listener listener)
      : state_(token.state()), id_(state_->add_listener(std::move(listener))) {}
  ~CancellationListener() { state_->remove_listener(id_); }
  CancellationListener(const CancellationListener&) = delete;
  CancellationListener& operator=(const CancellationListener&) = delete;

 private:
  std::shared_ptr<CancellationState> state_;
  std::uint64_t id_;
};

}  // namespace paradigm::detail
