#include "retry/clock.hpp"

#include "core/cancellation_state.hpp"

#include <condition_variable>
#include <mutex>
#include <random>

namespace paradigm::detail {

namespace {

class SystemClock final : public Clock {
 public:
  std::chrono::steady_clock::time_point now() const override { return std::chrono::steady_clock::now(); }
  std::chrono::system_clock::time_point wall_now() const override { return std::chrono::system_clock::now(); }

  bool sleep_for(std::chrono::milliseconds duration, const CancellationToken& token) override {
    if (token.is_cancelled()) return false;
    if (duration.count() <= 0) return true;
    // A per-sleep condition variable woken by the token: cancellation ends
    // the sleep at once instead of at the next poll.
    struct Waiter {
      std::mutex mutex;
      std::condition_variable cv;
      bool woken = false;
    };
    auto waiter = std::make_shared<Waiter>();
    CancellationListener listener(token, [waiter] {
      std::lock_guard<std::mutex> lock(waiter->mutex);
      waiter->woken = true;
      waiter->cv.notify_all();
    });
    std::unique_lock<std::mutex> lock(waiter->mutex);
    waiter->cv.wait_for(lock, duration, [&] { return waiter->woken; });
    return !token.is_cancelled();
  }

  double random_unit() override {
    thread_local std::mt19937_64 engine{std::random_device{}()};
    return std::uniform_real_distribution<double>(0.0, 1.0)(engine);
  }
};

}  // namespace

std::shared_ptr<Clock> system_clock() {
  static const std::shared_ptr<Clock> clock = std::make_shared<SystemClock>();
  return clock;
}

}  // namespace paradigm::detail
