#pragma once

#include <paradigm/cancellation.hpp>

#include <chrono>
#include <memory>

namespace paradigm::detail {

/// Time, sleep and randomness for retries and polling. Injected so that tests
/// can check every decision without sleeping (see tests' FakeClock).
class Clock {
 public:
  virtual ~Clock() = default;
  /// Monotonic time, for deadlines.
  virtual std::chrono::steady_clock::time_point now() const = 0;
  /// Wall-clock time, for HTTP-date Retry-After values.
  virtual std::chrono::system_clock::time_point wall_now() const = 0;
  /// Sleeps for `duration`, or less if `token` is cancelled. Returns false when cancelled.
  virtual bool sleep_for(std::chrono::milliseconds duration, const CancellationToken& token) = 0;
  /// Uniform in [0, 1), for jitter.
  virtual double random_unit() = 0;
  /// True for a test's clock, whose time moves only when the code sleeps:
  /// the event loop then records its pauses through sleep_for instead of
  /// waiting on timers.
  virtual bool virtual_time() const noexcept { return false; }
};

/// The real clock (thread-safe).
std::shared_ptr<Clock> system_clock();

}  // namespace paradigm::detail
