// MockThreadsConnection's out-of-line parts (gMock mocks compile faster so)
// and the stream-feeding action.
#include <paradigm/testing/mock_connection.hpp>

namespace paradigm::testing {

MockThreadsConnection::MockThreadsConnection() {
  ON_CALL(*this, options()).WillByDefault([this]() -> const ClientOptions& {
    return ThreadsConnection::options();
  });
}

MockThreadsConnection::~MockThreadsConnection() = default;

FeedStream::FeedStream(std::vector<StreamEvent> events, Turn result)
    : events_(std::move(events)), result_(std::move(result)) {}

void FeedStream::feed(const StreamHandler* handler) const {
  if (handler == nullptr || !*handler) return;
  for (const StreamEvent& event : events_) {
    if (!(*handler)(event)) return;
  }
}

FeedStream feed_stream(std::vector<StreamEvent> events, Turn result) {
  return FeedStream(std::move(events), std::move(result));
}

FeedStream feed_stream(const Turn& turn) {
  return FeedStream(stream_events(turn), turn);
}

}  // namespace paradigm::testing
