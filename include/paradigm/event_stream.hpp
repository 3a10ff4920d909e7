#pragma once

#include <paradigm/client.hpp>
#include <paradigm/export.hpp>
#include <paradigm/future.hpp>
#include <paradigm/stream.hpp>

#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>

namespace paradigm {

/// A streamed turn whose events are taken one at a time, as futures: the
/// form of a stream for coroutines (<paradigm/coro.hpp>) and Asio
/// (AsioClient::async_get), where a handler called on the event loop's thread
/// does not fit.
///
///     paradigm::EventStream events = paradigm::stream_turn_events(client, thread_id, ask);
///     while (std::optional<paradigm::StreamEvent> event = co_await events.next()) std::cout << event->data;
///     paradigm::Turn turn = co_await events.result();
///
/// The stream starts at once and runs on the connection's event loop; events
/// wait here until taken. A consumer more than `max_buffered_events` behind
/// stops the stream: the call ends with paradigm::Error. The futures'
/// continuations run on the call's executor, else the client's. Move-only;
/// destroying it stops the stream (not the turn on the server: see
/// StreamOptions::cancel_on_stop and ThreadsClient::cancel_turn).
class PARADIGM_API EventStream {
 public:
  /// Events a stream keeps for a consumer that lags behind.
  static constexpr std::size_t max_buffered_events = 10000;

  EventStream(EventStream&&) noexcept;
  EventStream& operator=(EventStream&&) noexcept;
  EventStream(const EventStream&) = delete;
  EventStream& operator=(const EventStream&) = delete;
  ~EventStream();

  /// The next event, in order; nullopt once the stream ended well and every
  /// event was taken; the stream's error (what async_stream_turn would end
  /// with) once every event before it was taken. Several may be pending; each
  /// gets its own event. Cancelling it takes no event.
  Future<std::optional<StreamEvent>> next();
  /// The final turn, as async_stream_turn returns it.
  Future<Turn> result() const;
  /// The thread and turn, once the server named them.
  std::optional<TurnRef> turn() const;
  /// Stops the stream: the call ends with CancelledError.
  void cancel();

 private:
  struct State;
  explicit EventStream(std::shared_ptr<State> state) noexcept;
  friend PARADIGM_API EventStream stream_turn_events(ThreadsClient, std::string_view, const TurnRequest&,
                                                     const StreamOptions&, const CallOptions&);
  friend PARADIGM_API EventStream stream_thread_with_turn_events(ThreadsClient, const TurnRequest&,
                                                                 const StreamOptions&, const CallOptions&);

  std::shared_ptr<State> state_;
};

/// ThreadsClient::async_stream_turn as an EventStream.
PARADIGM_API EventStream stream_turn_events(ThreadsClient client, std::string_view thread_id,
                                            const TurnRequest& request, const StreamOptions& stream,
                                            const CallOptions& call);
inline EventStream stream_turn_events(ThreadsClient client, std::string_view thread_id,
                                      const TurnRequest& request, const StreamOptions& stream) {
  return stream_turn_events(std::move(client), thread_id, request, stream, CallOptions());
}
inline EventStream stream_turn_events(ThreadsClient client, std::string_view thread_id,
                                      const TurnRequest& request) {
  return stream_turn_events(std::move(client), thread_id, request, StreamOptions(), CallOptions());
}

/// ThreadsClient::async_stream_thread_with_turn (a new thread) as an EventStream.
PARADIGM_API EventStream stream_thread_with_turn_events(ThreadsClient client, const TurnRequest& request,
                                                        const StreamOptions& stream, const CallOptions& call);
inline EventStream stream_thread_with_turn_events(ThreadsClient client, const TurnRequest& request,
                                                  const StreamOptions& stream) {
  return stream_thread_with_turn_events(std::move(client), request, stream, CallOptions());
}
inline EventStream stream_thread_with_turn_events(ThreadsClient client, const TurnRequest& request) {
  return stream_thread_with_turn_events(std::move(client), request, StreamOptions(), CallOptions());
}

}  // namespace paradigm
