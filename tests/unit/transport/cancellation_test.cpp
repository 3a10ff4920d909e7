#include "core/cancellation_state.hpp"
#include "retry/clock.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <thread>

namespace paradigm::detail {
namespace {

TEST(Cancellation, CopiesShareOneState) {
  CancellationToken token;
  CancellationToken copy = token;
  EXPECT_FALSE(copy.is_cancelled());
  token.cancel();
  EXPECT_TRUE(copy.is_cancelled());
  token.cancel();  // idempotent
  EXPECT_TRUE(token.is_cancelled());
}

TEST(Cancellation, ListenersRunOnceAndNotAfterRemoval) {
  CancellationToken token;
  int calls = 0;
  {
    CancellationListener listener(token, [&] { ++calls; });
  }
  CancellationListener listener(token, [&] { ++calls; });
  token.cancel();
  token.cancel();
  EXPECT_EQ(calls, 1);
  // Registering on a cancelled token runs the listener at once.
  CancellationListener late(token, [&] { ++calls; });
  EXPECT_EQ(calls, 2);
}

TEST(SystemClock, SleepReturnsAtOnceWhenAlreadyCancelled) {
  CancellationToken token;
  token.cancel();
  EXPECT_FALSE(system_clock()->sleep_for(std::chrono::hours(1), token));
}

TEST(SystemClock, CancellingWakesALongSleep) {
  // Without the wake-up this test would sleep for an hour and hit the ctest timeout.
  CancellationToken token;
  std::atomic<bool> sleeping{false};
  std::thread canceller([&] {
    while (!sleeping.load())
      std::this_thread::yield();
    token.cancel();
  });
  sleeping = true;
  EXPECT_FALSE(system_clock()->sleep_for(std::chrono::hours(1), token));
  canceller.join();
}

TEST(SystemClock, ShortSleepCompletes) {
  CancellationToken token;
  EXPECT_TRUE(system_clock()->sleep_for(std::chrono::milliseconds(1), token));
  EXPECT_TRUE(system_clock()->sleep_for(std::chrono::milliseconds(0), token));
}

TEST(SystemClock, JitterIsInTheUnitInterval) {
  for (int i = 0; i < 1000; ++i) {
    const double value = system_clock()->random_unit();
    EXPECT_GE(value, 0.0);
    EXPECT_LT(value, 1.0);
  }
}

}  // namespace
}  // namespace paradigm::detail
