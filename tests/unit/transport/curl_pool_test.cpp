// The pool of blocking calls holds at most max_connections handles: a caller
// beyond that waits for one, within its timeout and its cancellation.
#include "http/curl_pool.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <thread>

namespace paradigm::detail {
namespace {

using std::chrono::milliseconds;

TEST(CurlPool, ACallerBeyondTheCapWaitsUntilItsTimeout) {
  CurlPool pool(4, 2);
  CancellationToken token;
  auto first = pool.acquire(milliseconds(0), token);
  auto second = pool.acquire(milliseconds(0), token);
  ASSERT_TRUE(first && second);
  EXPECT_FALSE(pool.acquire(milliseconds(20), token).has_value());
}

TEST(CurlPool, AReturnedHandleGoesToTheNextCaller) {
  CurlPool pool(4, 1);
  CancellationToken token;
  auto held = pool.acquire(milliseconds(0), token);
  ASSERT_TRUE(held);
  std::thread returner([&] { held.reset(); });
  EXPECT_TRUE(pool.acquire(milliseconds(0), token).has_value());  // waits as long as it takes
  returner.join();
  EXPECT_EQ(pool.idle_count(), 1u);
}

TEST(CurlPool, CancellationEndsTheWait) {
  CurlPool pool(4, 1);
  CancellationToken token;
  auto held = pool.acquire(milliseconds(0), token);
  CancellationToken waiting;
  std::thread canceller([&] { waiting.cancel(); });
  EXPECT_FALSE(pool.acquire(milliseconds(0), waiting).has_value());  // no timeout: only the token ends it
  canceller.join();
}

}  // namespace
}  // namespace paradigm::detail
