#pragma once

#include <paradigm/export.hpp>

#include <memory>

namespace paradigm {

namespace detail {
class CancellationState;
}  // namespace detail

/// Cancels the client's own work: waiting, polling, streaming, downloads.
/// Copies share one state, so hand a copy to the call and keep one to cancel:
///
///     paradigm::CancellationToken token;
///     paradigm::CallOptions call;
///     call.cancellation = token;
///     std::thread watchdog([token]() mutable { ...; token.cancel(); });
///     client.wait_for_turn(thread_id, turn_id, {}, call);   // throws CancelledError
///
/// This does not cancel the turn on the server: use `ThreadsClient::cancel_turn`.
class PARADIGM_API CancellationToken {
 public:
  /// A fresh, uncancelled token.
  CancellationToken();

  /// Cancels every call using this token (now and later). Thread-safe, idempotent.
  void cancel() noexcept;
  bool is_cancelled() const noexcept;

  /// Internal: the shared state (listeners wake blocked transfers promptly).
  const std::shared_ptr<detail::CancellationState>& state() const noexcept { return state_; }

 private:
  std::shared_ptr<detail::CancellationState> state_;
};

}  // namespace paradigm
