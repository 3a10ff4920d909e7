// TurnSet: many turns at once over the client's asynchronous calls. Each turn
// is a create in background mode followed by a wait; the set only keeps
// books (what runs, what finished, what waits for a free slot). A journaled
// set creates each turn thread-first, writing each step down before the next
// (turn_set_journaled.cpp).

#include "client/turn_set_state.hpp"

#include <paradigm/serialize.hpp>

#include <utility>

namespace paradigm {

TurnSet::State::State(ThreadsClient with, TurnSetOptions settings)
    : client(std::move(with)), options(std::move(settings)), own_call(options.call) {
  // The set's own bookkeeping runs where each call completes, whatever
  // the executor of the futures it hands out.
  own_call.executor = inline_executor();
}

TurnSet::Key TurnSet::State::add(Entry entry) {
  Key key = 0;
  bool start = false;
  {
    std::lock_guard<std::mutex> lock(mutex);
    key = entries.size();
    if (entry.journaled && !entry.restored) {
      if (entry.name.empty()) entry.name = std::to_string(key);
      if (const auto found = names.find(entry.name); found != names.end()) return found->second;
      write_intent(key, entry);  // durable before anything is sent; throws JournalError: nothing added
    }
    if (!entry.name.empty()) names.emplace(entry.name, key);
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
void TurnSet::State::launch(Key key) {
  Entry entry = snapshot(key);
  if (!entry.span) {
    entry.span = detail::start_turn_span(client.options().telemetry, own_call);
    std::lock_guard<std::mutex> lock(mutex);
    entries[key].span = entry.span;
  }
  if (entry.journaled) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      entries[key].retry_until = Clock::now() + options.retry_for;
    }
    return step(key);
  }
  std::weak_ptr<State> weak = shared_from_this();
  const CallOptions call_options = detail::call_in(own_call, entry.span);
  if (entry.turn_id) {
    Future<Turn> call =
        client.async_wait_for_turn(*entry.thread_id, *entry.turn_id, options.waiting, call_options);
    remember(key, call, TurnRef{*entry.thread_id, *entry.turn_id});
    call.then([weak, key](const Future<Turn>& done) {
      if (auto self = weak.lock()) self->finish(key, done);
    });
    return;
  }
  TurnRequest request = entry.request;
  request.background = true;  // the POST returns at once; the wait polls on timers
  Future<Turn> call = entry.thread_id ? client.async_create_turn(*entry.thread_id, request, {}, call_options)
                                      : client.async_create_thread_with_turn(request, {}, call_options);
  remember(key, call);
  call.then([weak, key](const Future<Turn>& created) {
    if (auto self = weak.lock()) self->on_created(key, created);
  });
}

void TurnSet::State::on_created(Key key, const Future<Turn>& created) {
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
  remember(key, wait);
  std::weak_ptr<State> weak = shared_from_this();
  wait.then([weak, key](const Future<Turn>& done) {
    if (auto self = weak.lock()) self->finish(key, done);
  });
}

void TurnSet::State::request_cancel(const TurnRef& ref) {
  // Fire and forget: the wait sees the turn end cancelled (or the error).
  client.async_cancel_turn(ref.thread_id, ref.turn_id, own_call);
}

void TurnSet::State::finish(Key key, const Future<Turn>& call) {
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
void TurnSet::State::finish(Finished result) {
  std::optional<Key> next;
  std::vector<Handoff> handoffs;
  {
    std::lock_guard<std::mutex> lock(mutex);
    Entry& entry = entries[result.key];
    if (entry.phase == Phase::done) return;
    const bool was_running = entry.phase == Phase::running;
    entry.phase = Phase::done;
    entry.stop_call = nullptr;
    detail::end_turn_span(std::exchange(entry.span, nullptr), result.turn, result.error);
    if (!result.ref) result.ref = entry.ref;
    result.name = entry.name;
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
std::vector<TurnSet::State::Handoff> TurnSet::State::hand_over() {
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
void TurnSet::State::answer(std::vector<Handoff> handoffs) {
  for (auto& [waiter, next] : handoffs)
    waiter->promise.set_value(std::move(next));
}

Future<TurnSet::State::Next> TurnSet::State::next_future() {
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
void TurnSet::State::withdraw(const std::shared_ptr<Waiter>& waiter) {
  {
    std::lock_guard<std::mutex> lock(mutex);
    const auto it = std::find(waiters.begin(), waiters.end(), waiter);
    if (it == waiters.end()) return;  // it was answered first
    waiters.erase(it);
  }
  waiter->promise.set_exception(
      std::make_exception_ptr(CancelledError("async_next_completed was cancelled")));
}

TurnSet::State::Entry TurnSet::State::snapshot(Key key) const {
  std::lock_guard<std::mutex> lock(mutex);
  return entries[key];
}

TurnSet::TurnSet(ThreadsClient client, TurnSetOptions options)
    : state_(std::make_shared<State>(std::move(client), std::move(options))) {
  if (!state_->options.journal.empty()) state_->open_journal();
}

TurnSet::~TurnSet() {
  std::vector<std::function<void()>> calls;
  std::deque<std::shared_ptr<State::Waiter>> waiters;
  state_->stop_retries();  // sets closing: no step starts a call after this
  {
    std::lock_guard<std::mutex> lock(state_->mutex);
    for (const auto& entry : state_->entries) {
      if (entry.stop_call) calls.push_back(entry.stop_call);
    }
    waiters.swap(state_->waiters);
  }
  for (const auto& stop : calls)
    stop();  // stops waiting; the turns go on on the server
  // Released now, not when the last callback lets go of the state: the same
  // journal may be opened again at once.
  if (state_->journal) state_->journal->close();
  for (const auto& waiter : waiters)
    waiter->promise.set_exception(std::make_exception_ptr(CancelledError("the TurnSet was destroyed")));
}

TurnSet::Key TurnSet::add(const TurnRequest& request) {
  return add(request, std::string_view());
}

TurnSet::Key TurnSet::add(const TurnRequest& request, std::string_view name) {
  if (state_->journal) return add_journaled(request, name);
  request.validate();
  State::Entry entry;
  entry.request = request;
  entry.name = std::string(name);
  if (!entry.name.empty() && find(name))
    throw InvalidRequestError("TurnSet::add: the name is taken: " + entry.name);
  return state_->add(std::move(entry));
}

// Unnamed turns are named by the order they are added in this run ("0", "1"...): a run
// that adds the same requests in the same order finds them in the journal.
TurnSet::Key TurnSet::add_journaled(const TurnRequest& request, std::string_view name) {
  std::string entry_name(name);
  if (entry_name.empty()) entry_name = std::to_string(state_->unnamed_adds++);
  if (const auto known = find(entry_name)) {
    const State::Entry held = state_->snapshot(*known);
    if (!held.journal.existing && to_json(held.request) != to_json(request)) {
      throw InvalidRequestError("TurnSet::add: the journal's entry \"" + entry_name +
                                "\" holds another request");
    }
    return *known;  // taken back from the journal: nothing to send
  }
  request.validate();
  State::Entry entry;
  entry.request = request;
  entry.name = std::move(entry_name);
  return state_->add_journaled(std::move(entry));
}

TurnSet::Key TurnSet::add(std::string_view thread_id, const TurnRequest& request) {
  if (thread_id.empty()) throw InvalidRequestError("TurnSet::add: thread_id is empty");
  if (state_->journal) {
    throw InvalidRequestError(
        "TurnSet::add: a journaled set creates each turn in a thread of its own; a follow-up in an existing "
        "thread cannot be journaled");
  }
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
  if (state_->journal) {
    entry.journal.existing = true;
    return state_->add_journaled(std::move(entry));
  }
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
  bool journaled = false;
  {
    std::lock_guard<std::mutex> lock(state_->mutex);
    if (key >= state_->entries.size()) throw InvalidRequestError("TurnSet::cancel: no turn has this key");
    State::Entry& entry = state_->entries[key];
    journaled = entry.journaled;
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
    const auto why = std::make_exception_ptr(CancelledError("the turn was cancelled before it started"));
    if (journaled) return state_->finish_journaled(key, std::nullopt, why, true);
    Finished cancelled;
    cancelled.key = key;
    cancelled.error = why;
    state_->finish(std::move(cancelled));
  } else if (ref) {
    state_->request_cancel(*ref);
  }
}

void TurnSet::cancel_all() {
  for (Key key = 0; key < size(); ++key)
    cancel(key);
}

std::optional<TurnSet::Key> TurnSet::find(std::string_view name) const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  const auto found = state_->names.find(std::string(name));
  if (found == state_->names.end()) return std::nullopt;
  return found->second;
}

std::string TurnSet::name(Key key) const {
  std::lock_guard<std::mutex> lock(state_->mutex);
  if (key >= state_->entries.size()) throw InvalidRequestError("TurnSet::name: no turn has this key");
  return state_->entries[key].name;
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
