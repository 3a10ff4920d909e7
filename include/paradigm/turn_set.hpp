#pragma once

#include <paradigm/client.hpp>
#include <paradigm/export.hpp>
#include <paradigm/future.hpp>
#include <paradigm/journal.hpp>

#include <chrono>
#include <cstddef>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace paradigm {

/// Options of a TurnSet.
struct TurnSetOptions {
  /// Turns in flight at once; turns added beyond it start as others finish
  /// (0: no limit).
  std::size_t max_in_flight = 0;
  /// How each turn is waited for (poll intervals, a deadline per turn).
  WaitOptions waiting;
  /// Transport overrides of every call the set makes.
  CallOptions call;
  /// A journal file (UTF-8 path): the set becomes durable. Each turn's intent
  /// is written (and fdatasync'ed) before the first byte of its create
  /// leaves; each turn goes thread-first (an empty thread, its id written,
  /// then the turn in it, its id written); its outcome is written when it
  /// ends. A set opened on a journal that holds entries takes them back
  /// (keys 0, 1... in the journal's order) and reconciles each with the
  /// server: a finished one is reported without a request, a turn the
  /// server has is waited for, one it has not is created once.
  /// Throws JournalError when the file cannot be used. Empty: no journal.
  std::string journal;
  /// In a journaled set, how long each turn's steps are tried again through
  /// connection failures, 5xx and 429 (with backoff) before the turn is
  /// reported with the last error; it then stays unfinished in the journal,
  /// for a later run to reconcile.
  std::chrono::milliseconds retry_for = std::chrono::minutes(10);
  /// In a journaled set, how long to wait before listing a thread's turns to
  /// learn whether a create whose fate is unknown (its answer lost, or its
  /// process killed) reached the server: a create the server received but had
  /// not acted on yet then shows, instead of being sent again.
  std::chrono::milliseconds settle = std::chrono::seconds(2);
};

/// Many turns at once, with no thread per turn: add turns, then take each as
/// it finishes. Each turn is created in background mode and waited for by
/// polling on the connection's event loop (honouring each poll's
/// Retry-After); the set is the primitive a batch job needs.
///
///     paradigm::TurnSet set(client);
///     for (const auto& question : questions) set.add(ask(question));
///     while (auto finished = set.next_completed()) {
///       if (finished->turn) std::cout << finished->key << ": " << finished->turn->final_answer() << '\n';
///     }
///
/// Safe to use from several threads. Destroying the set stops waiting for the
/// turns still running (they go on on the server).
///
/// With TurnSetOptions::journal the set survives a crash of its process:
/// open it again on the same journal and each turn is accounted for, created
/// at most once (docs/reliability.md, "Durable turn sets").
class PARADIGM_API TurnSet {
 public:
  /// A turn's number in its set: 0, 1, 2... in the order added.
  using Key = std::size_t;

  /// A turn that finished (completed, failed or cancelled), or the error that
  /// ended waiting for it.
  struct Finished {
    Key key = 0;
    /// The finished turn, whatever its status; empty when `error` is set.
    std::optional<Turn> turn;
    /// Why there is no turn: the create failed, the wait's deadline passed, ...
    std::exception_ptr error;
    /// The turn's ids, once the server gave them.
    std::optional<TurnRef> ref;
    /// The name it was added with (in a journaled set: its entry's name).
    std::string name;

    /// True for a turn that completed.
    bool completed() const noexcept { return turn && turn->status == TurnStatus::completed; }
  };

  explicit TurnSet(ThreadsClient client, TurnSetOptions options = {});
  ~TurnSet();
  TurnSet(const TurnSet&) = delete;
  TurnSet& operator=(const TurnSet&) = delete;

  /// A new thread with this first turn.
  Key add(const TurnRequest& request);
  /// A new thread with this first turn, under a name (unique in the set; in
  /// a journaled set, the entry's stable name). In a journaled set, a name
  /// the journal holds returns that turn's key and sends nothing (a
  /// different request under that name: InvalidRequestError); a turn added
  /// without a name is named by the order of the adds of this run ("0",
  /// "1"...), so that a run adding the same requests in the same order
  /// finds them.
  Key add(const TurnRequest& request, std::string_view name);
  /// A follow-up turn in `thread_id`. Not in a journaled set (a thread
  /// shared with other turns cannot tell which turn is this one's after a
  /// crash): InvalidRequestError.
  Key add(std::string_view thread_id, const TurnRequest& request);
  /// A turn that already runs (created elsewhere, e.g. in background mode).
  Key add_existing(std::string_view thread_id, std::string_view turn_id);

  /// The next turn to finish, in the order they finish; nullopt when none
  /// finishes within `timeout`, or when every turn added was taken already.
  std::optional<Finished> next_completed(
      std::chrono::milliseconds timeout = std::chrono::milliseconds::max());
  /// Waits for every turn not taken yet; returns them by key.
  std::vector<Finished> wait_all();
  /// next_completed() as a Future, for coroutines (`while (auto finished =
  /// co_await set.async_next_completed())`, <paradigm/coro.hpp>), Asio
  /// (AsioClient::async_get) and then(): the next turn to finish, or nullopt
  /// once every turn added was taken. Several may be pending; each gets its
  /// own turn, in the order asked. Its continuations run on
  /// `options.call.executor`, else the client's executor. Cancelling it
  /// (or destroying the set) ends it with CancelledError and takes no turn.
  Future<std::optional<Finished>> async_next_completed();

  /// Asks the server to cancel the turn: it then finishes `cancelled` (a turn
  /// not started yet finishes at once with CancelledError). No effect on a
  /// turn that finished.
  void cancel(Key key);
  void cancel_all();

  /// The key of the turn added (or taken back from the journal) under `name`.
  std::optional<Key> find(std::string_view name) const;
  /// The name of a turn (its journal entry's name); "" when it has none.
  std::string name(Key key) const;

  /// Turns added so far (with those taken back from the journal).
  std::size_t size() const;
  /// Turns added and not finished yet.
  std::size_t running() const;

 private:
  Key add_journaled(const TurnRequest& request, std::string_view name);

  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace paradigm
