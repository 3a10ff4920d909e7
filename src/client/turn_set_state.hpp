#pragma once

// The state a TurnSet shares with the callbacks of its calls (turn_set.cpp
// keeps the books, turn_set_journaled.cpp runs the steps of a journaled turn).

#include <paradigm/errors.hpp>
#include <paradigm/turn_set.hpp>

#include "client/turn_journal.hpp"
#include "trace/turn_set_trace.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <thread>

namespace paradigm {

struct TurnSet::State : std::enable_shared_from_this<TurnSet::State> {
  enum class Phase { queued, running, done };
  using Next = std::optional<Finished>;
  using Clock = std::chrono::steady_clock;

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
    std::function<void()> stop_call;  // cancels the call under way
    bool cancel_requested = false;
    std::string name;
    std::shared_ptr<Span> span;  // with a tracer: holds the turn's calls, from its launch
    // A journaled entry: what its journal says, and how its steps are retried.
    bool journaled = false;
    bool restored = false;  // taken back from the journal (its intent is written)
    detail::JournalEntry journal;
    bool thread_is_fresh = false;  // made by this process: no turn can be in it
    bool settled = false;          // waited `settle` since the last create whose fate is unknown
    Clock::time_point retry_until{};
    int failures = 0;
  };

  State(ThreadsClient with, TurnSetOptions settings);

  // --- Books (turn_set.cpp) ---
  Key add(Entry entry);
  void launch(Key key);
  void on_created(Key key, const Future<Turn>& created);
  void request_cancel(const TurnRef& ref);
  void finish(Key key, const Future<Turn>& call);
  void finish(Finished result);
  std::vector<Handoff> hand_over();
  static void answer(std::vector<Handoff> handoffs);
  Future<Next> next_future();
  void withdraw(const std::shared_ptr<Waiter>& waiter);

  template <class T>
  void remember(Key key, const Future<T>& call, std::optional<TurnRef> ref = std::nullopt) {
    std::lock_guard<std::mutex> lock(mutex);
    entries[key].stop_call = [call] { call.cancel(); };
    if (ref) entries[key].ref = std::move(ref);
  }

  // --- A journaled turn's steps (turn_set_journaled.cpp) ---
  void open_journal();
  Key add_journaled(Entry entry);
  void write_intent(Key key, Entry& entry);
  void step(Key key);
  void create_thread_for(Key key);
  void look_for_turn(Key key);
  void create_turn_in(Key key);
  void wait_for(Key key, bool pause_first);
  void on_turn_known(Key key, const Turn& turn, bool pause_first);
  void on_step_error(Key key, std::exception_ptr error, bool creating);
  void finish_journaled(Key key, std::optional<Turn> turn, std::exception_ptr error, bool record_error);
  Entry snapshot(Key key) const;
  void retry_later(Key key, std::chrono::milliseconds pause);
  void run_retries();
  void stop_retries();

  ThreadsClient client;
  TurnSetOptions options;
  CallOptions own_call;  // of the set's own calls
  mutable std::mutex mutex;
  std::condition_variable finished_changed;
  std::vector<Entry> entries;  // by key
  std::map<std::string, Key> names;
  std::deque<Key> queued;  // waiting for a slot
  std::deque<Finished> finished;
  std::deque<std::shared_ptr<Waiter>> waiters;  // async_next_completed, oldest first
  std::size_t in_flight = 0;
  std::size_t taken = 0;
  bool closing = false;

  std::unique_ptr<detail::TurnJournal> journal;
  std::atomic<std::size_t> unnamed_adds{0};  // names of the turns added without one
  // Steps to try again, by when (one thread, started at the first failure).
  std::multimap<Clock::time_point, Key> retries;
  std::condition_variable retries_changed;
  std::thread retry_thread;
};

}  // namespace paradigm
