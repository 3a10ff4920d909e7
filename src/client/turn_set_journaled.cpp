// The steps of a journaled turn, thread-first, each written down before the
// next one leaves:
//   intent (written by add) -> empty thread created, its id written -> turn
//   created in it, its id written -> waited for, its outcome written.
// A step resumes from what the journal says: no thread id -> create one; a
// thread id but no turn id -> the thread's turns say whether the create
// reached the server (the thread holds this entry's turn only); a turn id ->
// wait for it; an outcome -> report it, sending nothing.

#include "client/turn_set_state.hpp"
#include "workflow/turn_steps.hpp"

namespace paradigm {

namespace {

enum class Failure {
  transient,   // worth another try: the server may answer later
  definitive,  // the server refused: it created nothing, and would refuse again
  final,       // ends the turn's run here (deadline, cancel, journal)
};

Failure classify(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const RateLimitError&) {
    return Failure::transient;
  } catch (const ServerError&) {
    return Failure::transient;
  } catch (const ApiError& e) {
    // 408: the request timed out; 409: a turn runs in the thread (ours: the thread was made for it).
    return e.status() == 408 || e.status() == 409 ? Failure::transient : Failure::definitive;
  } catch (const ConnectionError&) {
    return Failure::transient;
  } catch (const DecodeError&) {
    return Failure::transient;  // the answer was lost, not the request: the journal's next step finds out
  } catch (const InvalidRequestError&) {
    return Failure::definitive;
  } catch (...) {
    return Failure::final;
  }
}

std::string message_of(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const std::exception& e) {
    return e.what();
  } catch (...) {
    return "unknown error";
  }
}

}  // namespace

void TurnSet::State::open_journal() {
  std::vector<detail::JournalEntry> restored;
  journal = std::make_unique<detail::TurnJournal>(options.journal, restored);
  for (auto& record : restored) {
    Entry entry;
    entry.journaled = true;
    entry.restored = true;
    entry.name = record.name;
    entry.request = record.request;
    entry.thread_id = record.thread_id;
    entry.turn_id = record.turn_id;
    if (entry.thread_id && entry.turn_id) entry.ref = TurnRef{*entry.thread_id, *entry.turn_id};
    entry.journal = std::move(record);
    add(std::move(entry));
  }
}

TurnSet::Key TurnSet::State::add_journaled(Entry entry) {
  entry.journaled = true;
  return add(std::move(entry));
}

// Under the lock: the entry's intent, durable before its first call.
void TurnSet::State::write_intent(Key key, Entry& entry) {
  entry.journal.name = entry.name;
  entry.journal.request = entry.request;
  entry.journal.thread_id = entry.thread_id;
  entry.journal.turn_id = entry.turn_id;
  if (!entry.journal.existing) entry.journal.idempotency_key = detail::new_idempotency_key();
  if (entry.thread_id && entry.turn_id) entry.ref = TurnRef{*entry.thread_id, *entry.turn_id};
  journal->intent(key, entry.journal);
}

void TurnSet::State::step(Key key) {
  const Entry entry = snapshot(key);
  if (entry.journal.final_turn) return finish_journaled(key, entry.journal.final_turn, nullptr, false);
  if (entry.journal.final_error) {
    return finish_journaled(key, std::nullopt, std::make_exception_ptr(Error(*entry.journal.final_error)),
                            false);
  }
  {
    std::lock_guard<std::mutex> lock(mutex);
    if (closing) return;
  }
  if (entry.turn_id) return wait_for(key, false);
  if (entry.thread_id && entry.thread_is_fresh) return create_turn_in(key);
  if (entry.thread_id && !entry.settled && options.settle.count() > 0) {
    {
      std::lock_guard<std::mutex> lock(mutex);
      entries[key].settled = true;
    }
    return retry_later(key, options.settle);
  }
  if (entry.thread_id) return look_for_turn(key);
  create_thread_for(key);
}

void TurnSet::State::create_thread_for(Key key) {
  const Entry entry = snapshot(key);
  Future<Thread> call = client.async_create_thread(detail::split_new_thread(entry.request).first,
                                                   detail::call_in(own_call, entry.span));
  remember(key, call);
  std::weak_ptr<State> weak = shared_from_this();
  call.then([weak, key](const Future<Thread>& created) {
    auto self = weak.lock();
    if (!self) return;
    if (auto error = created.error()) return self->on_step_error(key, error, true);
    const std::string thread_id = created.get().id;
    try {
      self->journal->thread(key, thread_id);
    } catch (...) {
      return self->finish_journaled(key, std::nullopt, std::current_exception(), false);
    }
    {
      std::lock_guard<std::mutex> lock(self->mutex);
      self->entries[key].thread_id = thread_id;
      self->entries[key].thread_is_fresh = true;
    }
    self->create_turn_in(key);
  });
}

// The thread was made for this entry alone: a turn in it is this entry's.
void TurnSet::State::look_for_turn(Key key) {
  const Entry entry = snapshot(key);
  Future<Page<Turn>> call =
      client.async_list_turns(*entry.thread_id, ListOptions(), detail::call_in(own_call, entry.span));
  remember(key, call);
  std::weak_ptr<State> weak = shared_from_this();
  call.then([weak, key](const Future<Page<Turn>>& listed) {
    auto self = weak.lock();
    if (!self) return;
    if (auto error = listed.error()) return self->on_step_error(key, error, false);
    const auto& turns = listed.get().results;
    if (turns.empty()) return self->create_turn_in(key);
    self->on_turn_known(key, turns.front(), false);
  });
}

void TurnSet::State::create_turn_in(Key key) {
  const Entry entry = snapshot(key);
  // The key the journal holds: a create sent again after a crash carries the same one.
  CallOptions call_options = detail::call_in(own_call, entry.span);
  if (!entry.journal.idempotency_key.empty())
    call_options.extra_headers.add("Idempotency-Key", entry.journal.idempotency_key);
  TurnRequest turn = detail::split_new_thread(entry.request).second;
  turn.background = true;  // the POST returns at once; the wait polls on timers
  Future<Turn> call = client.async_create_turn(*entry.thread_id, turn, {}, call_options);
  remember(key, call);
  std::weak_ptr<State> weak = shared_from_this();
  call.then([weak, key](const Future<Turn>& created) {
    auto self = weak.lock();
    if (!self) return;
    if (auto error = created.error()) {
      {
        // Whether it reached the server is now unknown: the next try lists the thread's turns.
        std::lock_guard<std::mutex> lock(self->mutex);
        self->entries[key].thread_is_fresh = false;
        self->entries[key].settled = false;
      }
      return self->on_step_error(key, error, true);
    }
    self->on_turn_known(key, created.get(), true);
  });
}

void TurnSet::State::on_turn_known(Key key, const Turn& turn, bool pause_first) {
  try {
    journal->turn(key, turn.id);
  } catch (...) {
    return finish_journaled(key, std::nullopt, std::current_exception(), false);
  }
  const TurnRef ref{turn.thread.empty() ? snapshot(key).thread_id.value_or("") : turn.thread, turn.id};
  bool cancel = false;
  {
    std::lock_guard<std::mutex> lock(mutex);
    entries[key].turn_id = turn.id;
    entries[key].ref = ref;
    cancel = entries[key].cancel_requested;
  }
  if (turn.is_terminal()) return finish_journaled(key, turn, nullptr, false);
  if (cancel) request_cancel(ref);
  wait_for(key, pause_first);
}

void TurnSet::State::wait_for(Key key, bool pause_first) {
  const Entry entry = snapshot(key);
  WaitOptions waiting = options.waiting;
  waiting.pause_first = pause_first;
  Future<Turn> call = client.async_wait_for_turn(*entry.thread_id, *entry.turn_id, waiting,
                                                 detail::call_in(own_call, entry.span));
  remember(key, call);
  std::weak_ptr<State> weak = shared_from_this();
  call.then([weak, key](const Future<Turn>& done) {
    auto self = weak.lock();
    if (!self) return;
    if (auto error = done.error()) return self->on_step_error(key, error, false);
    self->finish_journaled(key, done.get(), nullptr, false);
  });
}

void TurnSet::State::on_step_error(Key key, std::exception_ptr error, bool creating) {
  const Failure failure = classify(error);
  if (failure == Failure::transient) {
    std::chrono::milliseconds pause{0};
    {
      std::lock_guard<std::mutex> lock(mutex);
      Entry& entry = entries[key];
      if (!closing && Clock::now() < entry.retry_until) {
        const int doubling = std::min(entry.failures++, 5);
        pause = std::min(std::chrono::milliseconds(2000), std::chrono::milliseconds(100) * (1 << doubling));
      }
    }
    if (pause.count() > 0) return retry_later(key, pause);
  }
  finish_journaled(key, std::nullopt, error, creating && failure == Failure::definitive);
}

void TurnSet::State::finish_journaled(Key key, std::optional<Turn> turn, std::exception_ptr error,
                                      bool record_error) {
  const Entry entry = snapshot(key);
  if (!entry.journal.finished()) {
    try {
      if (turn && turn->is_terminal()) journal->outcome(key, *turn);
      if (error && record_error) journal->outcome(key, message_of(error));
    } catch (...) {
      // Not written down: a later run on this journal reconciles the turn again.
    }
  }
  Finished result;
  result.key = key;
  result.turn = std::move(turn);
  result.error = error;
  if (result.turn) result.ref = TurnRef{result.turn->thread, result.turn->id};
  finish(std::move(result));
}

void TurnSet::State::retry_later(Key key, std::chrono::milliseconds pause) {
  std::lock_guard<std::mutex> lock(mutex);
  if (closing) return;
  retries.emplace(Clock::now() + pause, key);
  if (!retry_thread.joinable()) retry_thread = std::thread([this] { run_retries(); });
  retries_changed.notify_all();
}

void TurnSet::State::run_retries() {
  std::unique_lock<std::mutex> lock(mutex);
  while (!closing) {
    if (retries.empty()) {
      retries_changed.wait(lock);
      continue;
    }
    const auto due = retries.begin()->first;
    if (Clock::now() < due) {
      retries_changed.wait_until(lock, due);
      continue;
    }
    const Key key = retries.begin()->second;
    retries.erase(retries.begin());
    lock.unlock();
    step(key);
    lock.lock();
  }
}

void TurnSet::State::stop_retries() {
  {
    std::lock_guard<std::mutex> lock(mutex);
    closing = true;
  }
  retries_changed.notify_all();
  if (retry_thread.joinable()) retry_thread.join();
}

}  // namespace paradigm
