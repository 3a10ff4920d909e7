#include "retry/virtual_clock.hpp"

namespace paradigm::detail {

std::chrono::steady_clock::time_point VirtualClock::now() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return start_ + elapsed_;
}

std::chrono::system_clock::time_point VirtualClock::wall_now() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return wall_start_ + std::chrono::duration_cast<std::chrono::system_clock::duration>(elapsed_);
}

bool VirtualClock::sleep_for(std::chrono::milliseconds duration, const CancellationToken& token) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (token.is_cancelled()) return false;
  sleeps_.push_back(duration);
  if (duration.count() > 0) elapsed_ += duration;
  if (on_sleep_) on_sleep_(sleeps_.size());
  return !token.is_cancelled();
}

double VirtualClock::random_unit() {
  std::lock_guard<std::mutex> lock(mutex_);
  return jitter_;
}

void VirtualClock::set_jitter(double jitter) {
  std::lock_guard<std::mutex> lock(mutex_);
  jitter_ = jitter;
}

void VirtualClock::on_sleep(std::function<void(std::size_t)> callback) {
  std::lock_guard<std::mutex> lock(mutex_);
  on_sleep_ = std::move(callback);
}

std::vector<std::chrono::milliseconds> VirtualClock::sleeps() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return sleeps_;
}

std::chrono::milliseconds VirtualClock::total_slept() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return elapsed_;
}

}  // namespace paradigm::detail
