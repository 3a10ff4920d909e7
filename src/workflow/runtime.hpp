#pragma once

// Where the steps of a workflow run. A workflow asks its runtime to perform
// an exchange or to wait, and continues in the callback; it never blocks.
// The blocking runtime runs those steps one after another on the calling
// thread, the way a blocking call of the client needs.

#include <paradigm/cancellation.hpp>

#include "retry/clock.hpp"
#include "transport/transport.hpp"

#include <chrono>
#include <deque>
#include <functional>

namespace paradigm::detail {

class Runtime {
 public:
  virtual ~Runtime() = default;
  /// Performs one exchange; `done` receives its outcome. `exchange` and `sink`
  /// must stay valid until `done` runs.
  virtual void perform(const Exchange& exchange, BodySink& sink, std::function<void(Outcome)> done) = 0;
  /// Calls `done(true)` after `delay`, or `done(false)` once `token` is cancelled.
  virtual void sleep(std::chrono::milliseconds delay, const CancellationToken& token,
                     std::function<void(bool slept)> done) = 0;
  /// Time and randomness, for deadlines, Retry-After dates and jitter.
  virtual Clock& clock() = 0;
};

/// Runs a workflow to its end on the calling thread: each step is queued and
/// run in turn (so a long poll loop does not grow the stack), exchanges are
/// performed where their route says (by `transport` on this thread, or by
/// `loop_relay` on the connection's event loop), and sleeps are the clock's.
class BlockingRuntime final : public Runtime {
 public:
  BlockingRuntime(Transport& transport, Transport& loop_relay, Clock& clock) noexcept
      : transport_(transport), loop_relay_(loop_relay), clock_(clock) {}

  void perform(const Exchange& exchange, BodySink& sink, std::function<void(Outcome)> done) override;
  void sleep(std::chrono::milliseconds delay, const CancellationToken& token,
             std::function<void(bool)> done) override;
  Clock& clock() override { return clock_; }

  /// Runs queued steps until none is left.
  void run();

 private:
  Transport& transport_;
  Transport& loop_relay_;
  Clock& clock_;
  std::deque<std::function<void()>> steps_;
};

}  // namespace paradigm::detail
