// EventStream: a stream's handler (on the event loop's thread) fills a queue
// that futures take from, one event each, in order; the end of the call
// (its turn or its error) closes it.

#include <paradigm/errors.hpp>
#include <paradigm/event_stream.hpp>

#include <algorithm>
#include <deque>
#include <mutex>
#include <utility>
#include <vector>

namespace paradigm {

struct EventStream::State : std::enable_shared_from_this<EventStream::State> {
  using Next = std::optional<StreamEvent>;
  struct Waiter {
    Promise<Next> promise;
  };
  // A waiter and what it gets: an event, the end (nullopt), or an error.
  struct Answer {
    std::shared_ptr<Waiter> waiter;
    Next event;
    std::exception_ptr error;
  };

  explicit State(Executor continuations) : executor(std::move(continuations)) {}

  // On the loop's thread: hands the event on, or keeps it.
  bool on_event(const StreamEvent& event) {
    std::vector<Answer> answers;
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (ended) return false;
      events.push_back(event);
      if (events.size() > max_buffered_events) {
        overflow = std::make_exception_ptr(Error("paradigm::EventStream: more than " +
                                                 std::to_string(max_buffered_events) +
                                                 " events were not taken; the stream was stopped"));
      } else {
        answers = hand_over();
      }
    }
    answer(std::move(answers));
    return !overflow;  // false stops the stream; its end closes the queue with `overflow`
  }

  // The call ended: what is left is the queue, then the end or the error.
  void on_end(const Future<Turn>& done) {
    std::vector<Answer> answers;
    {
      std::lock_guard<std::mutex> lock(mutex);
      ended = true;
      error = overflow ? overflow : done.error();
      answers = hand_over();
    }
    answer(std::move(answers));
  }

  // Under the lock: answers the oldest waiters while there is something to give.
  std::vector<Answer> hand_over() {
    std::vector<Answer> answers;
    while (!waiters.empty() && (!events.empty() || ended)) {
      Answer next{std::move(waiters.front()), std::nullopt, nullptr};
      waiters.pop_front();
      if (!events.empty()) {
        next.event = std::move(events.front());
        events.pop_front();
      } else {
        next.error = error;
      }
      answers.push_back(std::move(next));
    }
    return answers;
  }

  static void answer(std::vector<Answer> answers) {
    for (auto& each : answers) {
      if (each.error) {
        each.waiter->promise.set_exception(each.error);
      } else {
        each.waiter->promise.set_value(std::move(each.event));
      }
    }
  }

  Future<Next> next() {
    auto waiter = std::make_shared<Waiter>();
    std::weak_ptr<State> weak_state = shared_from_this();
    std::weak_ptr<Waiter> weak_waiter = waiter;
    waiter->promise = Promise<Next>([weak_state, weak_waiter] {
      auto self = weak_state.lock();
      auto cancelled = weak_waiter.lock();
      if (self && cancelled) self->withdraw(cancelled);
    });
    Future<Next> future = waiter->promise.future();
    detail::FutureAccess::state(future)->set_executor(executor);
    std::vector<Answer> answers;
    {
      std::lock_guard<std::mutex> lock(mutex);
      waiters.push_back(std::move(waiter));
      answers = hand_over();
    }
    answer(std::move(answers));
    return future;
  }

  // The EventStream is destroyed: what waits ends with CancelledError.
  void abandon() {
    std::deque<std::shared_ptr<Waiter>> left;
    {
      std::lock_guard<std::mutex> lock(mutex);
      ended = true;
      left.swap(waiters);
    }
    for (const auto& waiter : left)
      waiter->promise.set_exception(std::make_exception_ptr(CancelledError("the EventStream was destroyed")));
  }

  // Starts `start(handler, call)` (the stream) and wires its end.
  template <class Start>
  static std::shared_ptr<State> open(const ThreadsClient& client, const CallOptions& call, Start start) {
    auto state = std::make_shared<State>(call.executor ? call.executor : client.options().executor);
    std::weak_ptr<State> weak = state;
    StreamHandler handler = [weak](const StreamEvent& event) {
      auto alive = weak.lock();
      return alive && alive->on_event(event);
    };
    CallOptions on_loop = call;
    on_loop.executor = inline_executor();  // the queue is filled where the call runs
    Future<Turn> started = start(handler, on_loop);
    {
      std::lock_guard<std::mutex> lock(state->mutex);
      state->call = started;
    }
    state->result = started.then([weak](Future<Turn> done) {
      auto alive = weak.lock();
      if (alive && alive->overflow) std::rethrow_exception(alive->overflow);
      return std::move(done).get();
    });
    detail::FutureAccess::state(state->result)->set_executor(state->executor);
    started.then([weak](const Future<Turn>& done) {
      if (auto alive = weak.lock()) alive->on_end(done);
    });
    return state;
  }

  void withdraw(const std::shared_ptr<Waiter>& waiter) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      const auto it = std::find(waiters.begin(), waiters.end(), waiter);
      if (it == waiters.end()) return;  // answered first
      waiters.erase(it);
    }
    waiter->promise.set_exception(std::make_exception_ptr(CancelledError("EventStream::next was cancelled")));
  }

  Executor executor;  // of the futures handed out
  Future<Turn> call;
  Future<Turn> result;
  std::mutex mutex;
  std::deque<StreamEvent> events;
  std::deque<std::shared_ptr<Waiter>> waiters;
  bool ended = false;
  std::exception_ptr error;
  std::exception_ptr overflow;  // set once, on the loop's thread, before the call ends
};

EventStream::EventStream(std::shared_ptr<State> state) noexcept : state_(std::move(state)) {}
EventStream::EventStream(EventStream&&) noexcept = default;
EventStream& EventStream::operator=(EventStream&& other) noexcept {
  if (this != &other) {
    EventStream(std::move(*this));  // stops this one's stream
    state_ = std::move(other.state_);
  }
  return *this;
}
EventStream::~EventStream() {
  if (!state_) return;
  state_->call.cancel();
  state_->abandon();
}

Future<std::optional<StreamEvent>> EventStream::next() {
  if (!state_) detail::StateBase::throw_usage("paradigm::EventStream: moved from");
  return state_->next();
}

Future<Turn> EventStream::result() const {
  if (!state_) detail::StateBase::throw_usage("paradigm::EventStream: moved from");
  return state_->result;
}

std::optional<TurnRef> EventStream::turn() const {
  if (!state_) detail::StateBase::throw_usage("paradigm::EventStream: moved from");
  return state_->call.turn();
}

void EventStream::cancel() {
  if (state_) state_->call.cancel();
}

EventStream stream_turn_events(ThreadsClient client, std::string_view thread_id, const TurnRequest& request,
                               const StreamOptions& stream, const CallOptions& call) {
  return EventStream(
      EventStream::State::open(client, call, [&](const StreamHandler& handler, const CallOptions& on_loop) {
        return client.async_stream_turn(thread_id, request, handler, stream, on_loop);
      }));
}

EventStream stream_thread_with_turn_events(ThreadsClient client, const TurnRequest& request,
                                           const StreamOptions& stream, const CallOptions& call) {
  return EventStream(
      EventStream::State::open(client, call, [&](const StreamHandler& handler, const CallOptions& on_loop) {
        return client.async_stream_thread_with_turn(request, handler, stream, on_loop);
      }));
}

}  // namespace paradigm
