#include "mock_clock.hpp"

#include <algorithm>
#include <stdexcept>

namespace paradigm::mock {

namespace {

using Steady = std::chrono::steady_clock;

constexpr double kMaxSpeed = 1e6;

double checked_speed(double speed) {
  if (!(speed >= 0 && speed <= kMaxSpeed))  // also false for NaN
    throw std::invalid_argument("paradigm-mock: the clock speed must be between 0 and 1000000");
  return speed;
}

// `ticks` of the steady clock as a duration, kept within ten years so that
// absurd speeds or waits cannot overflow the integer count.
MockClock::duration ticks(double count) {
  using std::chrono::hours;
  const double limit = static_cast<double>(std::chrono::duration_cast<MockClock::duration>(hours(24 * 3653)).count());
  return MockClock::duration(static_cast<MockClock::duration::rep>(std::min(std::max(count, 0.0), limit)));
}

MockClock::duration scaled(Steady::duration real, double speed) {
  return ticks(static_cast<double>(real.count()) * speed);
}

}  // namespace

MockClock::MockClock(double speed)
    : start_(Steady::now()), real_anchor_(start_), anchor_(start_), speed_(checked_speed(speed)) {}

MockClock::time_point MockClock::now_locked(Steady::time_point real_now) const {
  return anchor_ + scaled(real_now - real_anchor_, speed_);
}

MockClock::time_point MockClock::now() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return now_locked(Steady::now());
}

MockClock::duration MockClock::elapsed() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return now_locked(Steady::now()) - start_;
}

double MockClock::speed() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return speed_;
}

void MockClock::advance(duration by) {
  if (by.count() < 0) throw std::invalid_argument("paradigm-mock: the clock only moves forward");
  std::lock_guard<std::mutex> lock(mutex_);
  anchor_ += by;
}

void MockClock::set_speed(double speed) {
  checked_speed(speed);
  std::lock_guard<std::mutex> lock(mutex_);
  const auto real_now = Steady::now();
  anchor_ = now_locked(real_now);
  real_anchor_ = real_now;
  speed_ = speed;
}

std::optional<MockClock::duration> MockClock::real_time_until(time_point deadline) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto left = deadline - now_locked(Steady::now());
  if (left.count() <= 0) return duration::zero();
  if (speed_ == 0) return std::nullopt;
  // Rounded up, so that a waiter wakes at or after the deadline, not just before it.
  return ticks(static_cast<double>(left.count()) / speed_) + duration(1);
}

}  // namespace paradigm::mock
