#pragma once

// A clock whose time moves only when the code sleeps: a pause (retry
// backoff, poll interval) takes no time, it moves the clock on, so that
// deadlines still come in order. A replay runs on it (the answers were
// recorded: waiting for them would change nothing), and so do the SDK's own
// tests, which read back every pause the code asked for.

#include "retry/clock.hpp"

#include <chrono>
#include <functional>
#include <mutex>
#include <vector>

namespace paradigm::detail {

class VirtualClock final : public Clock {
 public:
  /// `jitter`: what random_unit() returns. `wall_start`: wall_now() before any pause.
  explicit VirtualClock(double jitter = 0.0, std::chrono::system_clock::time_point wall_start =
                                                 std::chrono::system_clock::from_time_t(1700000000))
      : wall_start_(wall_start), jitter_(jitter) {}

  std::chrono::steady_clock::time_point now() const override;
  std::chrono::system_clock::time_point wall_now() const override;
  /// Records the pause and moves the clock on; false (and no pause) when cancelled.
  bool sleep_for(std::chrono::milliseconds duration, const CancellationToken& token) override;
  double random_unit() override;
  bool virtual_time() const noexcept override { return true; }

  void set_jitter(double jitter);
  /// Called (under the clock's lock) after each pause with the number of pauses so far.
  void on_sleep(std::function<void(std::size_t)> callback);
  /// Every pause asked for, in order.
  std::vector<std::chrono::milliseconds> sleeps() const;
  std::chrono::milliseconds total_slept() const;

 private:
  mutable std::mutex mutex_;
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  const std::chrono::system_clock::time_point wall_start_;
  std::chrono::milliseconds elapsed_{0};
  std::vector<std::chrono::milliseconds> sleeps_;
  std::function<void(std::size_t)> on_sleep_;
  double jitter_;
};

}  // namespace paradigm::detail
