// The model's == and << with gMock: a whole request is an expectation's
// argument, and a call that matches none shows the request that came and the
// one expected, as JSON, not as "464-byte object <00-5E ...>".
#include <paradigm/paradigm.hpp>
#include <paradigm/testing/builders.hpp>
#include <paradigm/testing/mock_connection.hpp>

#include <gmock/gmock.h>
#include <gtest/gtest-spi.h>
#include <gtest/gtest.h>

#include <memory>
#include <string>

namespace paradigm::testing {
namespace {

using ::testing::_;
using ::testing::HasSubstr;
using ::testing::Return;
using ::testing::StrictMock;

TurnRequest ask(const std::string& query) {
  TurnRequest request;
  request.query = query;
  request.workspace_ids = std::vector<std::int64_t>{4};
  return request;
}

TEST(MockMatching, AWholeRequestIsTheExpectedArgument) {
  auto mock = std::make_shared<StrictMock<MockThreadsConnection>>();
  EXPECT_CALL(*mock, create_thread_with_turn(ask("What is the capital of France?"), _, _))
      .WillOnce(Return(completed_turn("Paris")));
  ThreadsClient client(mock);
  const Turn turn = client.create_thread_with_turn(ask("What is the capital of France?"));
  EXPECT_EQ(turn, Turn(completed_turn("Paris")));
}

TEST(MockMatching, AnUnexpectedRequestIsShownAsJson) {
  auto mock = std::make_shared<StrictMock<MockThreadsConnection>>();
  EXPECT_CALL(*mock, create_thread_with_turn(ask("What is the capital of France?"), _, _))
      .WillOnce(Return(completed_turn("Paris")));
  ThreadsClient client(mock);

  ::testing::TestPartResultArray failures;
  {
    ::testing::ScopedFakeTestPartResultReporter intercept(
        ::testing::ScopedFakeTestPartResultReporter::INTERCEPT_ONLY_CURRENT_THREAD, &failures);
    client.create_thread_with_turn(ask("Who wrote Hamlet?"));
  }
  ASSERT_EQ(failures.size(), 1);
  const std::string message = failures.GetTestPartResult(0).message();
  // (The options that follow the request are not value types: they still print as bytes.)
  EXPECT_THAT(message, HasSubstr(R"(create_thread_with_turn(@)"));
  EXPECT_THAT(message, HasSubstr(R"({"query":"Who wrote Hamlet?","workspace_ids":[4]}, @)"));
  EXPECT_THAT(message,
              HasSubstr(R"(Expected arg #0: is equal to {"query":"What is the capital of France?")"));

  client.create_thread_with_turn(ask("What is the capital of France?"));  // the expected call
}

}  // namespace
}  // namespace paradigm::testing
