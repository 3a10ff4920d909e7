// TurnSet: many turns at once over the client's asynchronous calls. Each turn
// is a create in background mode followed by a wait; the set only keeps
// books (what runs, what finished, what waits for a free slot).

#include <paradigm/errors.hpp>
#include <paradigm/turn_set.hpp>

#include "trace/turn_set_trace.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <utility>

namespace paradigm {

struct TurnSet::State : std::enable_shared_from_this<TurnSet::State> {
  enum class Phase { queued, running, done };
  using Next = std::optional<Finished>;

  // An async_next_completed() not answered yet.
  struct Waiter {
    Promise<Next> promise;
  };
  using Handoff = std::pair<std::shared_ptr<Waiter>, Next>;

  struct Entry {
    Phase phase = Phase::queued;
    std::optional<std::string> thread_id;
    std::optional<std::string> turn_id;  // set for add_existing
    TurnRequest request;
    std::optional<TurnRef> ref;
    Future<Turn> call;  // the create, then the wait
    bool cancel_requested = false;
    std::shared_ptr<Span> span;  // with a tracer: holds the create and the wait
  };

  State(ThreadsClient with, TurnSetOptions settings)
      : client(std::move(with)), options(std::move(settings)), own_call(options.call) {
    // The set's own bookkeeping runs where each call completes, whatever
    // the executor of the futures it hands out.
    own_call.executor = inline_executor();
  }

  Key add(Entry entry) {
    Key key = 0;
    bool start = false;
    entry.span = detail::start_turn_span(client.options().telemetry, own_call);
    {
      std::lock_guard<std::mutex> lock(mutex);
      key = entries.size();
      entries.push_back(std::move(entry));
      start = options.max_in_flight == 0 || in_flight < options.max_in_flight;
      if (start) {
        ++in_flight;
        entries[key].phase = Phase::running;
      } else {
        queued.push_back(key);
      }
    }
    if (start) launch(key);
    return key;
  }

  // Starts the turn's first call (outside the lock: a ready future runs its callback at once).
  void launch(Key key) {
    Entry entry;
    {
      std::lock_guard<std::mutex> lock(mutex);
      entry = entries[key];
    }
    std::weak_ptr<State> weak = shared_from_this();
    Future<Turn> call;
    if (entry.turn_id) {
      call = client.async_wait_for_turn(*entry.thread_id, *entry.turn_id, options.waiting,
                                        detail::call_in(own_call, entry.span));
      remember(key, call, TurnRef{*entry.thread_id, *entry.turn_id});
      call.then([weak, key](const Future<Turn>& done) {
        if (auto self = weak.lock()) self->finish(key, done);
      });
      return;
    }
    TurnRequest request = entry.request;
    request.background = true;  // the POST returns at once; the wait polls on timers
    const CallOptions call_options = detail::call_in(own_call, entry.span);
    call = entry.thread_id ? client.async_create_turn(*entry.thread_id, request, {}, call_options)
                           : client.async_create_thread_with_turn(request, {}, call_options);
    remember(key, call, std::nullopt);
    call.then([weak, key](const Future<Turn>& created) {
      if (auto self = weak.lock()) self->on_created(key, created);
    });
  }

  void remember(Key key, const Future<Turn>& call, std::optional<TurnRef> ref) {
    std::lock_guard<std::mutex> lock(mutex);
    entries[key].call = call;
    if (ref) entries[key].ref = std::move(ref);
  }

  void on_created(Key key, const Future<Turn>& created) {
    if (created.error() || created.get().is_terminal()) return finish(key, created);
    const Turn& turn = created.get();
    const TurnRef ref{turn.thread, turn.id};
    bool cancel = false;
    std::shared_ptr<Span> span;
    {
      std::lock_guard<std::mutex> lock(mutex);
      entries[key].ref = ref;
      cancel = entries[key].cancel_requested;
      span = entries[key].span;
    }
    if (cancel) request_cancel(ref);
    // The create just showed the turn running: the first poll comes after a pause.
    WaitOptions waiting = options.waiting;
    waiting.pause_first = true;
    Future<Turn> wait =
        client.async_wait_for_turn(ref.thread_id, ref.turn_id, waiting, detail::call_in(own_call, span));
    remember(key, wait, std::nullopt);
    std::weak_ptr<State> weak = shared_from_this();
    wait.then([weak, key](const Future<Turn>& done) {
      if (auto self = weak.lock()) self->finish(key, done);
    });
  }

  void request_cancel(const TurnRef& ref) {
    // Fire and forget: the wait sees the turn end cancelled (or the error).
    client.async_cancel_turn(ref.thread_id, ref.turn_id, own_call);
  }

  void finish(Key key, const Future<Turn>& call) {
    Finished result;
    result.key = key;
    if (auto error = call.error()) {
      result.error = error;
    } else {
      result.turn = call.get();
      result.ref = TurnRef{result.turn->thread, result.turn->id};
    }
    finish(std::move(result));
  }

  // Books a finished turn, frees its slot, and starts the next queued one.
  void finish(Finished result) {
    std::optional<Key> next;
    std::vector<Handoff> handoffs;
    {
      std::lock_guard<std::mutex> lock(mutex);
      Entry& entry = entries[result.key];
      if (entry.phase == Phase::done) return;
      const bool was_running = entry.phase == Phase::running;
      entry.phase = Phase::done;
      entry.call = Future<Turn>();
      detail::end_turn_span(std::exchange(entry.span, nullptr), result.turn, result.error);
      if (!result.ref) result.ref = entry.ref;
      finished.push_back(std::move(result));
      if (was_running) --in_flight;
      if (!closing && !queued.empty() && (options.max_in_flight == 0 || in_flight < options.max_in_flight)) {
        next = queued.front();
        queued.pop_front();
        entries[*next].phase = Phase::running;
        ++in_flight;
      }
      handoffs = hand_over();
    }
    finished_changed.notify_all();
    answer(std::move(handoffs));
    if (next) launch(*next);
  }

  // Under the lock: gives the finished turns (or, once all were taken,
  // nullopt) to the futures waiting for them, oldest first.
  std::vector<Handoff> hand_over() {
    std::vector<Handoff> handoffs;
    while (!waiters.empty()) {
      if (!finished.empty()) {
        handoffs.emplace_back(std::move(waiters.front()), std::move(finished.front()));
        finished.pop_front();
        ++taken;
      } else if (taken == entries.size()) {
        handoffs.emplace_back(std::move(waiters.front()), std::nullopt);
      } else {
        break;
      }
      waiters.pop_front();
    }
    return handoffs;
  }

  // Outside the lock: their continuations may run here.
  static void answer(std::vector<Handoff> handoffs) {
    for (auto& [waiter, next] : handoffs)
      waiter->promise.set_value(std::move(next));
  }

  Future<Next> next_future() {
    auto waiter = std::make_shared<Waiter>();
    std::weak_ptr<State> weak_state = shared_from_this();
    std::weak_ptr<Waiter> weak_waiter = waiter;
    waiter->promise = Promise<Next>([weak_state, weak_waiter] {
      auto self = weak_state.lock();
      auto cancelled = weak_waiter.lock();
      if (self && cancelled) self->withdraw(cancelled);
    });
    Future<Next> future = waiter->promise.future();
    detail::FutureAccess::state(future)->set_executor(options.call.executor ? options.call.executor
                                                                            : client.options().executor);
    std::vector<Handoff> handoffs;
    {
      std::lock_guard<std::mutex> lock(mutex);
      if (closing) throw Error("paradigm::TurnSet: the set is being destroyed");
      waiters.push_back(std::move(waiter));
      handoffs = hand_over();
    }
    answer(std::move(handoffs));
    return future;
  }

  // A waiting future was cancelled: it leaves the queue, taking no turn.
  void withdraw(const std::shared_ptr<Waiter>& waiter) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      const auto it = std::find(waiters.begin(), waiters.end(), waiter);
      if (it == waiters.end()) return;  // it was answered first
      waiters.erase(it);
    }
    waiter->promise.set_exception(
        std::make_exception_ptr(CancelledError("async_next_completed was cancelled")));
  }

  ThreadsClient client;
  TurnSetOptions options;
  CallOptions own_call;  // of the set's own calls
  mutable std::mutex mutex;
  std::condition_variable finished_changed;
  std::vector<Entry> entries;  // by key
  std::deque<Key> queued;      // waiting for a slot
  std::deque<Finished> finished;
  std::deque<std::shared_ptr<Waiter>> waiters;  // async_next_completed, oldest first
  std::size_t in_flight = 0;
  std::size_t taken = 0;
  bool closing = false;
};

TurnSet::TurnSet(ThreadsClient client, TurnSetOptions options)
    : state_(std::make_shared<State>(std::move(client), std::move(options))) {}

TurnSet::~TurnSet() {
  std::vector<Future<Turn>> calls;
  std::deque<std::shared_ptr<State::Waiter>> waiters;
  {
    std::lock_guard<std::mutex> lock(state_->mutex);
    state_->closing = true;
    for (const auto& entry : state_->entries) {
      if (entry.call.valid()) calls.push_back(entry.call);
    }
    waiters.swap(state_->waiters);
  }
  for (const auto& call : calls)
    call.cancel();  // stops waiting; the turns go on on the server
  for (const auto& waiter : waiters)
    waiter->promise.set_exception(std::make_exception_ptr(CancelledError("the TurnSet was destroyed")));
}

TurnSet::Key TurnSet::add(const TurnRequest& request) {
  request.validate();
  State::Entry entry;
  entry.request = request;
  return state_->add(std::move(entry));
}

TurnSet::Key TurnSet::add(std::string_view thread_id, const TurnRequest& request) {
  if (thread_id.empty()) throw InvalidRequestError("TurnSet::add: thread_id is empty");
  request.validate();
  State::Entry entry;
  entry.thread_id = std::string(thread_id);
  entry.request = request;
  return state_->add(std::move(entry));
}

TurnSet::Key TurnSet::add_existing(std::string_view thread_id, std::string_view turn_id) {
  if (thread_id.empty() || turn_id.empty())
    throw InvalidRequestError("TurnSet::add_existing: an id is empty");
  State::Entry entry;
  entry.thread_id = std::string(thread_id);
  entry.turn_id = std::string(turn_id);
  return state_->add(std::move(entry));
}

std::optional<TurnSet::Finished> TurnSet::next_completed(std::chrono::milliseconds timeout) {
  std::unique_lock<std::mutex> lock(state_->mutex);
  const auto ready = [this] { return !state_->finished.empty() || state_->taken == state_->entries.size(); };
  if (timeout == std::chrono::milliseconds::max()) {
    state_->finished_changed.wait(lock, ready);
  } else if (!state_->finished_changed.wait_for(lock, timeout, ready)) {
    return std::nullopt;
  }
  if (state_->finished.empty()) return std::nullopt;
  Finished next = std::move(state_->finished.front());
  state_->finished.pop_front();
  ++state_->taken;
  return next;
}

Future<std::optional<TurnSet::Finished>> TurnSet::async_next_completed() {
  return state_->next_future();
}

std::vector<TurnSet::Finished> TurnSet::wait_all() {
  std::vector<Finished> all;
  while (auto next = next_completed())
    all.push_back(std::move(*next));
  std::sort(all.begin(), all.end(), [](const Finished& a, const Finished& b) { return a.key < b.key; });
  return all;
}

void TurnSet::cancel(Key key) {
  std::optional<TurnRef> ref;
  bool never_started = false;
  {
    std::lock_guard<std::mutex> lock(state_->mutex);
    if (key >= state_->entries.size()) throw InvalidRequestError("TurnSet::cancel: no turn has this key");
    State::Entry& entry = state_->entries[key];
    if (entry.phase == State::Phase::done) return;
    if (entry.phase == State::Phase::queued) {
      state_->queued.erase(std::remove(state_->queued.begin(), state_->queued.end(), key),
                           state_->queued.end());
      never_started = true;
    } else if (entry.ref) {
      ref = entry.ref;
    } else {
      entry.cancel_requested = true;  // cancelled once the server names it
    }
  }
  if (never_started) {
    Finished cancelled;
    cancelled.key = key;
    cancelled.error = std::make_exception_ptr(CancelledError("the turn was cancelled before it started"));
    state_->finish(std::move(cancelled));
  } else if (ref) {
    state_->request_cancel(*ref);
  }
}

void TurnSet::cancel_all() {
  for (Key key = 0; key < size(); ++key)
    cancel(key);
}

std::size_t TurnSet::size() const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  return state_->entries.size();
}

std::size_t TurnSet::running() const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  return static_cast<std::size_t>(
      std::count_if(state_->entries.begin(), state_->entries.end(),
                    [](const State::Entry& entry) { return entry.phase != State::Phase::done; }));
}

}  // namespace paradigm
