#pragma once

#include <paradigm/client.hpp>
#include <paradigm/export.hpp>
#include <paradigm/future.hpp>

#include <chrono>
#include <cstddef>
#include <exception>
#include <memory>
#include <optional>
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

    /// True for a turn that completed.
    bool completed() const noexcept { return turn && turn->status == TurnStatus::completed; }
  };

  explicit TurnSet(ThreadsClient client, TurnSetOptions options = {});
  ~TurnSet();
  TurnSet(const TurnSet&) = delete;
  TurnSet& operator=(const TurnSet&) = delete;

  /// A new thread with this first turn.
  Key add(const TurnRequest& request);
  /// A follow-up turn in `thread_id`.
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

  /// Turns added so far.
  std::size_t size() const;
  /// Turns added and not finished yet.
  std::size_t running() const;

 private:
  struct State;
  std::shared_ptr<State> state_;
};

}  // namespace paradigm
