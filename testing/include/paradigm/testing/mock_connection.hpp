#pragma once

// A gMock ThreadsConnection, to test code that uses a ThreadsClient without
// a server (link paradigm::testing):
//
//     #include <paradigm/testing/builders.hpp>
//     #include <paradigm/testing/mock_connection.hpp>
//
//     using ::testing::_;
//     using ::testing::Return;
//
//     auto mock = std::make_shared<paradigm::testing::MockThreadsConnection>();
//     EXPECT_CALL(*mock, create_thread_with_turn(_, _, _))
//         .WillOnce(Return(paradigm::testing::completed_turn("Paris")));
//     paradigm::ThreadsClient client(mock);
//     my_code_that_asks(client);
//
// Every ThreadsClient call, blocking or asynchronous, reaches the mocked
// blocking operation of the same name with all of its arguments, defaults
// filled in (see <paradigm/operation_list.inc>): one expectation serves both
// forms, also under ::testing::StrictMock (which the docs recommend). An
// `async_*` call gets the mocked result as a ready Future. A call nobody
// expected returns a default-constructed value (StrictMock: fails the test).
// To hand out a pending Future (to test ordering or cancellation), write a
// fake that overrides the `async_*` form and returns a paradigm::Promise's future.

#include <paradigm/connection.hpp>
#include <paradigm/stream.hpp>
#include <paradigm/testing/builders.hpp>
#include <paradigm/turn.hpp>

#include <gmock/gmock.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace paradigm::testing {

/// Mocks every operation of ThreadsConnection (one per row of
/// PARADIGM_OPERATIONS). `options()` returns default ClientOptions unless a
/// test says otherwise.
class MockThreadsConnection : public ThreadsConnection {
 public:
  MockThreadsConnection();
  ~MockThreadsConnection() override;

  MOCK_METHOD(const ClientOptions&, options, (), (const, override));

#define PARADIGM_OPERATION(Request, name, Result, kind, params, optional) \
  MOCK_METHOD(Result, name, (PARADIGM_PARAMS(PARADIGM_PARAM, params, optional)), (override));
#include <paradigm/operation_list.inc>
#undef PARADIGM_OPERATION
};

/// The gMock action that feed_stream() makes: passes its events to the
/// call's StreamHandler in order (stopping when the handler returns false),
/// then returns its turn, as the default connection would.
class FeedStream {
 public:
  FeedStream(std::vector<StreamEvent> events, Turn result);

  /// Works for stream_turn and stream_thread_with_turn: the handler is the
  /// argument of type StreamHandler.
  template <class... Args>
  Turn operator()(const Args&... args) const {
    const StreamHandler* handler = nullptr;
    ((handler = handler ? handler : handler_in(args)), ...);
    feed(handler);
    return result_;
  }

 private:
  static const StreamHandler* handler_in(const StreamHandler& handler) { return &handler; }
  template <class T>
  static const StreamHandler* handler_in(const T&) {
    return nullptr;
  }
  void feed(const StreamHandler* handler) const;

  std::vector<StreamEvent> events_;
  Turn result_;
};

/// An action for stream_turn / stream_thread_with_turn that feeds `events`
/// to the handler, then returns `result`:
///
///     EXPECT_CALL(*mock, stream_turn(_, _, _, _, _))
///         .WillOnce(feed_stream(stream_events(turn), turn));
FeedStream feed_stream(std::vector<StreamEvent> events, Turn result);
/// The same with the events a server would send for `turn` (stream_events(turn)).
FeedStream feed_stream(const Turn& turn);

}  // namespace paradigm::testing
