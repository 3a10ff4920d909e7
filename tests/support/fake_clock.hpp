#pragma once

// A clock for tests: time moves only when the code under test sleeps, so
// retry and polling schedules are checked exactly and without waiting.

#include "retry/clock.hpp"

#include <functional>
#include <mutex>
#include <vector>

namespace paradigm::testing {

class FakeClock final : public detail::Clock {
 public:
  std::chrono::steady_clock::time_point now() const override {
    std::lock_guard<std::mutex> lock(mutex_);
    return start_ + elapsed_;
  }
  std::chrono::system_clock::time_point wall_now() const override {
    std::lock_guard<std::mutex> lock(mutex_);
    return wall_start_ + std::chrono::duration_cast<std::chrono::system_clock::duration>(elapsed_);
  }
  bool sleep_for(std::chrono::milliseconds duration, const CancellationToken& token) override {
    std::lock_guard<std::mutex> lock(mutex_);
    if (token.is_cancelled()) return false;
    sleeps_.push_back(duration);
    elapsed_ += duration;
    if (on_sleep_) on_sleep_(sleeps_.size());
    return !token.is_cancelled();
  }
  double random_unit() override { return jitter_; }
  bool virtual_time() const noexcept override { return true; }

  /// Jitter sample returned to the code (0 = no reduction).
  void set_jitter(double jitter) { jitter_ = jitter; }
  /// Called (under the clock's lock) after each sleep with the number of sleeps so far.
  void on_sleep(std::function<void(std::size_t)> callback) { on_sleep_ = std::move(callback); }
  std::vector<std::chrono::milliseconds> sleeps() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return sleeps_;
  }
  std::chrono::milliseconds total_slept() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return elapsed_;
  }

 private:
  mutable std::mutex mutex_;
  std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
  std::chrono::system_clock::time_point wall_start_ = std::chrono::system_clock::from_time_t(1700000000);
  std::chrono::milliseconds elapsed_{0};
  std::vector<std::chrono::milliseconds> sleeps_;
  std::function<void(std::size_t)> on_sleep_;
  double jitter_ = 0.0;
};

}  // namespace paradigm::testing
