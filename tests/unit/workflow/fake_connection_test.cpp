// A ThreadsConnection written by hand, as a user would to test their own
// code: the client forwards to it, and no server (or socket) is involved.
#include <paradigm/paradigm.hpp>
#include <paradigm/testing/builders.hpp>

#include "socket_guard.hpp"

#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace paradigm::testing {
namespace {

// --- "User code": what an application might do with a client. ---

struct CountryFacts {
  std::string capital;
  std::string population;
};

CountryFacts ask_about(ThreadsClient& client, const std::string& country) {
  TurnRequest first;
  first.query = "What is the capital of " + country + "?";
  const Turn capital = client.create_thread_with_turn(first);
  TurnRequest follow_up;
  follow_up.query = "And its population?";
  const Turn population = client.create_turn(capital.thread, follow_up);
  return {capital.final_answer(), population.final_answer()};
}

// --- The fake: canned answers, and a record of what was asked. ---

Turn answered(const std::string& thread, const std::string& text) {
  return TurnBuilder().id("turn-" + text).thread(thread).answer(text);
}

class FakeConnection : public ThreadsConnection {
 public:
  Turn create_thread_with_turn(const TurnRequest& request, const CreateOptions&,
                               const CallOptions&) override {
    queries.push_back(*request.query);
    return answered("thread-1", "Paris");
  }
  Turn create_turn(std::string_view thread_id, const TurnRequest& request, const CreateOptions&,
                   const CallOptions&) override {
    queries.push_back(std::string(thread_id) + ": " + *request.query);
    return answered(std::string(thread_id), "2.1 million");
  }

  std::vector<std::string> queries;
};

class FakeConnectionTest : public SocketFreeTest {};

TEST_F(FakeConnectionTest, DrivesUserCodeThroughARealClient) {
  auto fake = std::make_shared<FakeConnection>();
  ThreadsClient client(fake);
  const CountryFacts facts = ask_about(client, "France");
  EXPECT_EQ(facts.capital, "Paris");
  EXPECT_EQ(facts.population, "2.1 million");
  EXPECT_EQ(fake->queries,
            (std::vector<std::string>{"What is the capital of France?", "thread-1: And its population?"}));
}

TEST_F(FakeConnectionTest, CopiesOfTheClientShareTheConnection) {
  auto fake = std::make_shared<FakeConnection>();
  ThreadsClient client(fake);
  ThreadsClient copy = client;
  ask_about(copy, "Italy");
  EXPECT_EQ(fake->queries.size(), 2u);
  EXPECT_EQ(copy.connection(), client.connection());
}

TEST_F(FakeConnectionTest, AnOperationTheFakeLeftOutThrowsNamingItself) {
  ThreadsClient client(std::make_shared<FakeConnection>());
  try {
    client.get_thread("t1");
    FAIL() << "no error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("get_thread"), std::string::npos);
  }
  EXPECT_EQ(client.options().base_url, ClientOptions().base_url);  // a fake has default options
}

TEST_F(FakeConnectionTest, TheRangesAndHelpersOfTheClientWorkOverAnyConnection) {
  struct Threads : ThreadsConnection {
    Page<Thread> list_threads(const ThreadListOptions& list, const CallOptions&) override {
      Page<Thread> page;
      Thread thread;
      thread.id = list.starting_after ? "second" : "first";
      page.results.push_back(thread);
      if (!list.starting_after) page.next = "more";
      return page;
    }
  };
  ThreadsClient client(std::make_shared<Threads>());
  std::vector<std::string> ids;
  for (const Thread& thread : client.all_threads())
    ids.push_back(thread.id);
  EXPECT_EQ(ids, (std::vector<std::string>{"first", "second"}));
}

// --- User code that runs turns concurrently, tested against a fake that hands
// out pending futures: the test decides the order in which they finish. ---

// The first answer of several questions asked at once; the others are cancelled.
std::string first_answer(ThreadsClient& client, const std::vector<std::string>& questions) {
  std::vector<Future<Turn>> asked;
  for (const auto& question : questions) {
    TurnRequest request;
    request.query = question;
    asked.push_back(client.async_create_thread_with_turn(request));
  }
  WhenAny<Turn> first = when_any(asked).get();
  for (std::size_t i = 0; i < first.futures.size(); ++i) {
    if (i != first.index) first.futures[i].cancel();
  }
  return first.futures[first.index].get().final_answer();
}

// Hands out a pending future per create; the test fulfils them.
class PendingConnection : public ThreadsConnection {
 public:
  Future<Turn> async_create_thread_with_turn(const TurnRequest& request, const CreateOptions&,
                                             const CallOptions&) override {
    const std::string query = *request.query;
    std::lock_guard<std::mutex> lock(mutex);
    promises.emplace_back([this, query] {
      std::lock_guard<std::mutex> cancel_lock(cancel_mutex);
      cancelled.push_back(query);
    });
    asked.notify_all();
    return promises.back().future();
  }
  // Waits until `count` creates were asked for; the promise of create `index`.
  Promise<Turn>& promise(std::size_t index, std::size_t count) {
    std::unique_lock<std::mutex> lock(mutex);
    asked.wait(lock, [&] { return promises.size() >= count; });
    return promises[index];
  }

  std::mutex mutex;
  std::condition_variable asked;
  std::deque<Promise<Turn>> promises;
  std::mutex cancel_mutex;
  std::vector<std::string> cancelled;
};

TEST_F(FakeConnectionTest, UserCodeSeesTurnsFinishInTheOrderTheFakeChooses) {
  auto fake = std::make_shared<PendingConnection>();
  ThreadsClient client(fake);
  std::string answer;
  std::thread user([&] { answer = first_answer(client, {"slow", "fast", "slower"}); });
  fake->promise(1, 3).set_value(answered("thread-2", "fast answer"));
  user.join();
  EXPECT_EQ(answer, "fast answer");
  std::lock_guard<std::mutex> lock(fake->cancel_mutex);
  EXPECT_EQ(fake->cancelled, (std::vector<std::string>{"slow", "slower"}));
}

TEST_F(FakeConnectionTest, ANullConnectionIsRefused) {
  EXPECT_THROW(ThreadsClient(std::shared_ptr<ThreadsConnection>()), InvalidRequestError);
}

}  // namespace
}  // namespace paradigm::testing
