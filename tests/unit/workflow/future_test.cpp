// Futures that compose: then (with unwrapping), when_all, when_any, a public
// Promise, moving a result out, and what a chain keeps of cancellation, the
// turn and the response. Run under ThreadSanitizer too (scripts/test.sh).
#include <paradigm/errors.hpp>
#include <paradigm/future.hpp>

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <string>
#include <thread>
#include <vector>

namespace paradigm {
namespace {

using std::chrono::seconds;

// A value that counts its copies, to see when get() moves.
struct Counted {
  Counted() = default;
  explicit Counted(std::shared_ptr<int> copies) : copies_made(std::move(copies)) {}
  Counted(const Counted& other) : copies_made(other.copies_made) { ++*copies_made; }
  Counted(Counted&&) noexcept = default;
  Counted& operator=(const Counted& other) {
    copies_made = other.copies_made;
    ++*copies_made;
    return *this;
  }
  Counted& operator=(Counted&&) noexcept = default;
  std::shared_ptr<int> copies_made = std::make_shared<int>(0);
};

TEST(Futures, ThenReturnsAFutureOfWhatTheContinuationReturns) {
  Promise<int> promise;
  Future<std::string> text =
      promise.future().then([](Future<int> done) { return std::to_string(done.get() * 2); });
  EXPECT_FALSE(text.ready());
  promise.set_value(21);
  EXPECT_EQ(text.get(), "42");
}

TEST(Futures, ThenUnwrapsAFutureTheContinuationReturns) {
  Promise<int> first;
  Promise<std::string> second;
  Future<std::string> chained = first.future().then([&](Future<int>) { return second.future(); });
  first.set_value(1);
  EXPECT_FALSE(chained.ready());  // waits for the inner future
  second.set_value("done");
  EXPECT_EQ(chained.get(), "done");
}

TEST(Futures, AnExceptionOfTheContinuationIsTheChainsError) {
  Future<int> failed = make_ready_future(1).then([](Future<int>) -> int { throw StreamError("boom"); });
  EXPECT_THROW(failed.get(), StreamError);
  // An error upstream reaches the end of a chain that reads it.
  Future<int> upstream = make_failed_future<int>(std::make_exception_ptr(CancelledError("gone")));
  Future<int> plus_one = upstream.then([](Future<int> done) { return done.get() + 1; });
  EXPECT_THROW(plus_one.get(), CancelledError);
}

TEST(Futures, AVoidChainRunsInOrder) {
  std::vector<int> order;
  Promise<void> start;
  Future<void> end = start.future().then([&](Future<void>) { order.push_back(1); }).then([&](Future<void>) {
    order.push_back(2);
  });
  EXPECT_TRUE(order.empty());
  start.set_value();
  end.get();
  EXPECT_EQ(order, (std::vector<int>{1, 2}));
}

TEST(Futures, CancellingTheEndOfAChainCancelsWhatRunsNow) {
  bool first_cancelled = false;
  Promise<int> first([&] { first_cancelled = true; });
  Future<int> chained = first.future().then([](Future<int> done) { return done.get(); });
  chained.cancel();
  EXPECT_TRUE(first_cancelled);
  // ... and, once the chain has moved on, the inner future it waits for.
  bool inner_cancelled = false;
  Promise<int> outer;
  Promise<int> inner([&] { inner_cancelled = true; });
  Future<int> two_steps = outer.future().then([&](Future<int>) { return inner.future(); });
  outer.set_value(1);
  two_steps.cancel();
  EXPECT_TRUE(inner_cancelled);
}

TEST(Futures, ACancelledChainCancelsTheStepItStartsNext) {
  Promise<int> outer;
  bool inner_cancelled = false;
  Promise<int> inner([&] { inner_cancelled = true; });
  Future<int> two_steps = outer.future().then([&](Future<int>) { return inner.future(); });
  two_steps.cancel();  // before the first step finished
  outer.set_value(1);  // the step returns `inner`, already asked to stop
  EXPECT_TRUE(inner_cancelled);
}

TEST(Futures, TheTurnAndTheResponseAreKnownThroughAChain) {
  Promise<int> create;
  create.set_turn(TurnRef{"thread-1", "turn-1"});
  ResponseInfo info;
  info.status = 202;
  create.set_response(info);
  Future<int> chained = create.future().then([](Future<int> done) { return done.get(); });
  ASSERT_TRUE(chained.turn());
  EXPECT_EQ(chained.turn()->turn_id, "turn-1");
  create.set_value(7);
  EXPECT_EQ(chained.response().status, 202);
}

TEST(Futures, GetOnAnRvalueMovesWhenNoOtherCopySharesTheResult) {
  auto copies = std::make_shared<int>(0);
  Promise<Counted> promise;
  Future<Counted> only = promise.future();
  promise.set_value(Counted(copies));
  const int before = *copies;
  Counted moved = std::move(only).get();
  EXPECT_EQ(*copies, before);  // moved, not copied

  Promise<Counted> shared;
  Future<Counted> one = shared.future();
  Future<Counted> other = one;
  shared.set_value(Counted(copies));
  const int before_copy = *copies;
  Counted copied = std::move(one).get();
  EXPECT_EQ(*copies, before_copy + 1);  // `other` still reads it
  EXPECT_NO_THROW(other.get());
}

TEST(Futures, WhenAllWaitsForEveryInputWhateverItsOutcome) {
  Promise<int> a;
  Promise<int> b;
  Future<std::vector<Future<int>>> all = when_all(std::vector<Future<int>>{a.future(), b.future()});
  a.set_value(1);
  EXPECT_FALSE(all.ready());
  b.set_exception(std::make_exception_ptr(TimeoutError("slow")));
  std::vector<Future<int>> done = all.get();
  ASSERT_EQ(done.size(), 2u);
  EXPECT_EQ(done[0].get(), 1);
  EXPECT_THROW(done[1].get(), TimeoutError);
  EXPECT_TRUE(when_all(std::vector<Future<int>>{}).ready());
}

TEST(Futures, WhenAllOfDifferentTypesGivesATuple) {
  Promise<int> number;
  Promise<std::string> text;
  auto both = when_all(number.future(), text.future());
  text.set_value("x");
  number.set_value(3);
  auto [n, t] = both.get();
  EXPECT_EQ(n.get(), 3);
  EXPECT_EQ(t.get(), "x");
}

TEST(Futures, WhenAnyGivesTheFirstToFinish) {
  Promise<int> slow;
  Promise<int> fast;
  auto first = when_any(std::vector<Future<int>>{slow.future(), fast.future()});
  fast.set_value(2);
  ASSERT_TRUE(first.ready());
  EXPECT_EQ(first.get().index, 1u);
  EXPECT_EQ(first.get().futures[1].get(), 2);
  EXPECT_FALSE(first.get().futures[0].ready());
  EXPECT_THROW(when_any(std::vector<Future<int>>{}), Error);
}

TEST(Futures, CancellingACombinationCancelsItsInputs) {
  std::atomic<int> cancelled{0};
  Promise<int> a([&] { ++cancelled; });
  Promise<int> b([&] { ++cancelled; });
  when_all(std::vector<Future<int>>{a.future(), b.future()}).cancel();
  EXPECT_EQ(cancelled.load(), 2);
  Promise<int> c([&] { ++cancelled; });
  when_any(std::vector<Future<int>>{c.future()}).cancel();
  EXPECT_EQ(cancelled.load(), 3);
}

TEST(Futures, ABrokenPromiseFailsItsFuture) {
  Future<int> orphan;
  {
    Promise<int> promise;
    orphan = promise.future();
  }
  EXPECT_THROW(orphan.get(), Error);
  Promise<int> twice;
  twice.set_value(1);
  EXPECT_THROW(twice.set_value(2), Error);
}

// Issue 22, item 16: a default-constructed future crashed on wait().
TEST(Futures, AnEmptyFutureIsAClearErrorNotACrash) {
  Future<int> empty;
  EXPECT_FALSE(empty.valid());
  EXPECT_THROW(empty.wait(), Error);
  EXPECT_THROW(empty.get(), Error);
  EXPECT_THROW(empty.ready(), Error);
  EXPECT_THROW(empty.then([](Future<int>) { return 0; }), Error);
  try {
    empty.wait();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("default-constructed"), std::string::npos);
  }
}

TEST(Futures, AFakeMayReturnAValueWhereAFutureIsExpected) {
  const auto fake = []() -> Future<std::string> { return std::string("ready"); };
  Future<std::string> answer = fake();
  EXPECT_TRUE(answer.ready());
  EXPECT_EQ(answer.get(), "ready");
}

// Many threads fulfil, chain, cancel and read at once (for ThreadSanitizer).
TEST(Futures, ChainsAreSafeAcrossThreads) {
  constexpr int kChains = 200;
  std::vector<Promise<int>> promises(kChains);
  std::vector<Future<int>> ends;
  for (auto& promise : promises)
    ends.push_back(promise.future().then([](Future<int> done) { return done.get() + 1; }));
  auto all = when_all(ends);
  std::thread producer([&] {
    for (int i = 0; i < kChains; ++i)
      promises[static_cast<std::size_t>(i)].set_value(i);
  });
  std::thread canceller([&] {
    for (int i = 0; i < kChains; i += 7)
      ends[static_cast<std::size_t>(i)].cancel();  // no hook: a no-op, raced with completion
  });
  producer.join();
  canceller.join();
  ASSERT_TRUE(all.wait_for(seconds(30)));
  int sum = 0;
  for (auto& end : all.get())
    sum += end.get();
  EXPECT_EQ(sum, kChains * (kChains + 1) / 2);
}

}  // namespace
}  // namespace paradigm
