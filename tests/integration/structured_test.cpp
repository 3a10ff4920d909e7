// Structured output against the emulator, which answers a `response_format`
// turn with JSON filled from the schema ("Paris" for `capital`, "France" for
// `country`, 0 for numbers, "mock <name>" for other strings, [] for arrays).
#include "support/mock_fixture.hpp"

#include <nlohmann/json.hpp>

namespace structured_it {

struct Capital {
  std::string capital;
  std::string country;
  std::int64_t population = 0;
  std::optional<std::string> motto;
  std::vector<std::string> neighbours;
};
PARADIGM_STRUCTURED(Capital, capital, country, population, motto, neighbours)

enum class Continent { europe, asia };
PARADIGM_STRUCTURED_ENUM(Continent, europe, asia)

// The emulator fills a string enum with "mock continent": not one of the values.
struct Placed {
  std::string capital;
  Continent continent = Continent::europe;
};
PARADIGM_STRUCTURED(Placed, capital, continent)

}  // namespace structured_it

namespace paradigm::testing {
namespace {

using structured_it::Capital;
using structured_it::Placed;

class StructuredOutput : public MockTest {};

TEST_F(StructuredOutput, ATypedCreateSendsTheTypesSchemaAndReadsTheAnswer) {
  auto paradigm = client();
  const auto answer = paradigm.create_thread_with_turn<Capital>(ask("What is the capital of France?"));
  ASSERT_TRUE(answer.value);
  EXPECT_EQ(answer.value->capital, "Paris");
  EXPECT_EQ(answer.value->country, "France");
  EXPECT_EQ(answer.value->motto, "mock motto");
  EXPECT_EQ(answer.value->neighbours, std::vector<std::string>{"mock neighbours"});
  EXPECT_EQ(answer.turn.status, TurnStatus::completed);
  const auto sent = server.requests("POST", "/api/v3/threads/" + answer.turn.thread + "/turns");
  ASSERT_EQ(sent.size(), 1u);
  EXPECT_EQ(JsonValue(nlohmann::json::parse(sent[0].body)["response_format"]), schema_of<Capital>());
}

TEST_F(StructuredOutput, AFollowUpTurnIsTypedToo) {
  auto paradigm = client();
  const auto first = paradigm.create_thread_with_turn<Capital>(ask("What is the capital of France?"));
  const auto next = paradigm.create_turn<Capital>(first.turn.thread, ask("And Italy?"));
  ASSERT_TRUE(next.value);
  EXPECT_EQ(next.turn.thread, first.turn.thread);
}

TEST_F(StructuredOutput, AnAnswerOutsideTheSchemaNamesTheMemberAndKeepsTheTurn) {
  auto paradigm = client();
  try {
    paradigm.create_thread_with_turn<Placed>(ask("Where is Paris? [off_schema]"));
    FAIL() << "no StructuredOutputError";
  } catch (const StructuredOutputError& e) {
    EXPECT_EQ(e.path(), "continent");
    EXPECT_NE(e.raw().find("mock continent"), std::string::npos) << e.raw();
    EXPECT_EQ(e.turn().status, TurnStatus::completed);
    EXPECT_EQ(paradigm.get_turn(e.turn().thread, e.turn().id).final_answer(), e.raw());
  }
}

TEST_F(StructuredOutput, AnAnswerThatIsNotJsonIsADecodeErrorKeepingTheText) {
  const nlohmann::json turn = {{"id", "u1"},
                               {"thread", "t1"},
                               {"status", "completed"},
                               {"messages",
                                {{{"id", "m2"},
                                  {"role", "assistant"},
                                  {"parts", {{{"type", "text"}, {"text", "Paris, of course."}}}}}}}};
  mock::Fault fault;
  fault.method = "POST";
  fault.path_regex = "/api/v3/threads/[^/]+/turns";
  fault.body = turn.dump();
  server.add_fault(fault);
  try {
    client().create_thread_with_turn<Capital>(ask("What is the capital of France?"));
    FAIL() << "no DecodeError";
  } catch (const DecodeError& e) {
    EXPECT_EQ(e.path(), "");
    EXPECT_EQ(e.raw(), "Paris, of course.");
    EXPECT_NE(std::string(e.what()).find("not JSON"), std::string::npos) << e.what();
  }
}

TEST_F(StructuredOutput, AStreamedTurnIsReadOnceItEnds) {
  auto paradigm = client();
  const std::string thread = paradigm.create_thread().id;
  std::size_t events = 0;
  const auto answer = paradigm.stream_turn<Capital>(thread, ask("What is the capital of France?"),
                                                    [&](const StreamEvent&) { return ++events > 0; });
  ASSERT_TRUE(answer.value);
  EXPECT_EQ(answer.value->capital, "Paris");
  EXPECT_GT(events, 2u);
  const auto streamed = paradigm.stream_thread_with_turn<Capital>(ask("What is the capital of France?"));
  ASSERT_TRUE(streamed.value);
}

TEST_F(StructuredOutput, AnAsynchronousCreateGivesAFutureOfTheTypedResult) {
  auto paradigm = client();
  Future<paradigm::Structured<Capital>> pending =
      paradigm.async_create_thread_with_turn<Capital>(ask("What is the capital of France?"));
  const auto& answer = pending.get();
  ASSERT_TRUE(answer.value);
  EXPECT_EQ(answer.value->country, "France");
  EXPECT_EQ(pending.turn()->turn_id, answer.turn.id);
  EXPECT_EQ(pending.response().status, 200);

  auto mismatch = paradigm.async_create_thread_with_turn<Placed>(ask("Where is Paris? [off_schema]"));
  EXPECT_THROW(mismatch.get(), StructuredOutputError);
}

TEST_F(StructuredOutput, EveryAsynchronousTypedFormReadsTheAnswer) {
  auto paradigm = client();
  const std::string thread = paradigm.create_thread().id;
  const auto next = paradigm.async_create_turn<Capital>(thread, ask("What is the capital of France?")).get();
  ASSERT_TRUE(next.value);
  EXPECT_EQ(next.turn.thread, thread);
  std::size_t events = 0;
  const auto streamed = paradigm
                            .async_stream_turn<Capital>(thread, ask("And again?"),
                                                        [&](const StreamEvent&) { return ++events > 0; })
                            .get();
  ASSERT_TRUE(streamed.value);
  EXPECT_EQ(streamed.value->capital, "Paris");
  EXPECT_GT(events, 2u);
  const auto fresh =
      paradigm.async_stream_thread_with_turn<Capital>(ask("What is the capital of France?")).get();
  ASSERT_TRUE(fresh.value);
  EXPECT_NE(fresh.turn.thread, thread);
  // Every turn created (by POST, with a query) asked for Capital's schema.
  std::size_t turns = 0;
  for (const auto& sent : server.requests()) {
    if (sent.method != "POST" || sent.body.find("\"query\"") == std::string::npos) continue;
    ++turns;
    EXPECT_EQ(JsonValue(nlohmann::json::parse(sent.body)["response_format"]), schema_of<Capital>());
  }
  EXPECT_EQ(turns, 3u);
}

class StructuredBackground : public ManualTurnsTest {};

TEST_F(StructuredBackground, ABackgroundTurnHasNoValueUntilItIsWaitedFor) {
  auto paradigm = client();
  TurnRequest request = ask("What is the capital of France?");
  request.background = true;
  const auto started = paradigm.create_thread_with_turn<Capital>(request);
  EXPECT_EQ(started.turn.status, TurnStatus::running);
  EXPECT_FALSE(started.value);

  server.complete_turn(started.turn.thread, started.turn.id);
  const auto done = paradigm.wait_for_turn<Capital>(started.turn.thread, started.turn.id);
  ASSERT_TRUE(done.value);
  EXPECT_EQ(done.value->capital, "Paris");
  // The same answer through the free function, as another process would read it.
  EXPECT_EQ(paradigm::parse<Capital>(paradigm.get_turn(started.turn.thread, started.turn.id)).country,
            "France");
}

TEST_F(StructuredBackground, AnAsynchronousWaitReadsTheAnswer) {
  auto paradigm = client();
  TurnRequest request = ask("What is the capital of France?");
  request.background = true;
  const auto started = paradigm.create_thread_with_turn<Capital>(request);
  server.complete_turn(started.turn.thread, started.turn.id);
  const auto done = paradigm.async_wait_for_turn<Capital>(started.turn.thread, started.turn.id).get();
  ASSERT_TRUE(done.value);
}

}  // namespace
}  // namespace paradigm::testing
