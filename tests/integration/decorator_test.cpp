// decorate(): the default connection wrapped in one function, which sees every
// operation of the table, blocking and asynchronous, with its request and its
// outcome. Enumerated from the table: a new row needs no edit here.
#include <paradigm/decorate.hpp>

#include "support/mock_fixture.hpp"

#include <mutex>
#include <string>
#include <vector>

namespace paradigm::testing {
namespace {

// What the decorator saw of one call.
struct DecoratorSeen {
  std::string name;
  bool asynchronous = false;
  bool failed = false;
};

class Decorators : public MockTest {
 protected:
  // The default connection, wrapped in one function that records each call.
  ThreadsClient decorated() {
    auto inner = detail::make_curl_connection(options(), clock);
    return ThreadsClient(decorate(inner, [this](const auto& call, auto next) {
      const std::string name = call.name;
      const bool asynchronous = call.asynchronous;
      return next(call.request, call.options).then([this, name, asynchronous](auto done) {
        std::lock_guard<std::mutex> lock(mutex);
        seen.push_back({name, asynchronous, static_cast<bool>(done.error())});
        return std::move(done).get();
      });
    }));
  }

  std::mutex mutex;
  std::vector<DecoratorSeen> seen;
};

// Arguments a call can be made with: they need not make sense to the server,
// since an error is an outcome the decorator sees too.
#define DECORATOR_SAMPLE_PARADIGM_IN(T, n) detail::Stored<T>(),
#define DECORATOR_SAMPLE_PARADIGM_OPTIONAL(T, n) detail::Stored<T>(),
#define DECORATOR_SAMPLE_PARADIGM_NO_OPTIONAL
#define DECORATOR_SAMPLE_PARADIGM_CALL CallOptions()
#define DECORATOR_SAMPLE_PARADIGM_NONE

TEST_F(Decorators, OneFunctionSeesEveryOperationOfTheDefaultConnection) {
  ThreadsClient client = decorated();
  std::vector<std::string> rows;
#define PARADIGM_OPERATION(Request, name, Result, kind, params, optional) \
  rows.push_back(#name);                                                     \
  try {                                                                      \
    client.name(PARADIGM_PARAMS(DECORATOR_SAMPLE_, params, optional));        \
  } catch (const Error&) {                                                   \
  }                                                                          \
  client.async_##name(PARADIGM_PARAMS(DECORATOR_SAMPLE_, params, optional)).wait();
#include <paradigm/operation_list.inc>
#undef PARADIGM_OPERATION
  std::lock_guard<std::mutex> lock(mutex);
  ASSERT_EQ(seen.size(), 2 * rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    EXPECT_EQ(seen[2 * i].name, rows[i]);
    EXPECT_FALSE(seen[2 * i].asynchronous);
    EXPECT_EQ(seen[2 * i + 1].name, rows[i]);
    EXPECT_TRUE(seen[2 * i + 1].asynchronous);
    EXPECT_EQ(seen[2 * i].failed, seen[2 * i + 1].failed) << rows[i];  // both forms, one outcome
  }
}

TEST_F(Decorators, ADecoratorSeesTheResultAndMayChangeTheCall) {
  auto inner = detail::make_curl_connection(options(), clock);
  std::string answer_seen;
  ThreadsClient client(decorate(inner, [&](const auto& call, auto next) {
    CallOptions tagged = call.options;
    tagged.extra_headers.add("X-Decorated", call.name);
    return next(call.request, tagged).then([&](auto done) {
      if constexpr (std::is_same_v<std::decay_t<decltype(done.get())>, Turn>) {
        answer_seen = done.get().final_answer();
      }
      return std::move(done).get();
    });
  }));
  TurnRequest ask;
  ask.query = "What is the capital of France?";
  const Turn turn = client.create_thread_with_turn(ask);
  EXPECT_EQ(answer_seen, turn.final_answer());
  const auto requests = server.requests("POST", "/api/v3/threads/" + turn.thread + "/turns");
  ASSERT_EQ(requests.size(), 1u);
  EXPECT_EQ(requests[0].header("X-Decorated"), "create_thread_with_turn");
}

}  // namespace
}  // namespace paradigm::testing
