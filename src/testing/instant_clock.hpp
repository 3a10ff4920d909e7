#pragma once

// The clock of a replay: a pause (retry backoff, poll interval) takes no
// time, it only moves the clock on, so that deadlines still come in order.
// The answers were recorded: waiting for them would change nothing.

#include "retry/clock.hpp"

#include <chrono>
#include <mutex>

namespace paradigm::detail {

class InstantClock final : public Clock {
 public:
  std::chrono::steady_clock::time_point now() const override;
  std::chrono::system_clock::time_point wall_now() const override;
  bool sleep_for(std::chrono::milliseconds duration, const CancellationToken& token) override;
  /// The middle of the jitter range: the same waits on every replay.
  double random_unit() override { return 0.5; }

 private:
  mutable std::mutex mutex_;
  const std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  const std::chrono::system_clock::time_point wall_start_ = std::chrono::system_clock::now();
  std::chrono::milliseconds slept_{0};
};

}  // namespace paradigm::detail
