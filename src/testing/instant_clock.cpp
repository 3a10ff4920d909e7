#include "testing/instant_clock.hpp"

namespace paradigm::detail {

std::chrono::steady_clock::time_point InstantClock::now() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return start_ + slept_;
}

std::chrono::system_clock::time_point InstantClock::wall_now() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return wall_start_ + std::chrono::duration_cast<std::chrono::system_clock::duration>(slept_);
}

bool InstantClock::sleep_for(std::chrono::milliseconds duration, const CancellationToken& token) {
  if (token.is_cancelled()) return false;
  std::lock_guard<std::mutex> lock(mutex_);
  if (duration.count() > 0) slept_ += duration;
  return true;
}

}  // namespace paradigm::detail
