#pragma once

// What became of a turn-creating request whose answer was lost: the one
// place that asks the server, for plain and streamed creates alike.

#include <paradigm/page.hpp>
#include <paradigm/requests.hpp>
#include <paradigm/turn.hpp>

#include "workflow/context.hpp"
#include "workflow/request.hpp"
#include "workflow/result.hpp"

#include <chrono>
#include <exception>
#include <memory>
#include <optional>
#include <string>

namespace paradigm::detail {

/// Where a create puts its turn, to find it again when the answer is lost.
struct CreateTarget {
  /// The thread ("" for a new one: then a lost answer cannot be looked up).
  std::string thread_id;
  /// The query to recognise the turn by among the thread's; none when the
  /// thread was made for this turn (any turn in it is this one).
  std::optional<std::string> query;
  /// False when the thread holds other turns and nothing tells this one
  /// apart (a suggested query asked by id): a lost answer is then unconfirmed.
  bool recognisable = true;
};

/// Where a follow-up in `thread_id` puts its turn.
CreateTarget follow_up_target(std::string thread_id, const TurnRequest& request);

/// The sends of one create and the lookups after a lost answer. Before every
/// send, `sending()`; after a failure, `after_failure()` says what to do:
/// a turn found on the server is the answer; none, and the create is sent
/// again, at most as often as the retry policy allows, with the same key.
/// Without a thread to look in, or a server that cannot be asked, the error
/// is UnconfirmedTurnError: the turn may exist, and where.
class LostCreate : public std::enable_shared_from_this<LostCreate> {
 public:
  /// Gives the create's `spec` its Idempotency-Key (the caller's own, from
  /// CallOptions::extra_headers, or a fresh one), the same on every send.
  /// `spec` (for the log) must outlive every lookup.
  LostCreate(CallPtr call, RequestSpec& spec, CreateTarget target);

  /// The create is about to be sent; the first send starts the window its turn began in.
  void sending();

  /// After the send failed with `error`: the error itself when the server
  /// certainly did not act (or certainly has no turn after the last send
  /// allowed); else, after a backoff, the server's turn, or nullopt: send again.
  void after_failure(std::exception_ptr error, Callback<std::optional<Turn>> done);

  /// The thread the create puts its turn in ("" for a new one).
  const std::string& thread_id() const noexcept { return target_.thread_id; }

 private:
  Clock& clock();
  void look_later();
  void look(std::optional<std::string> after);
  void on_page(Result<Page<Turn>> turns);
  void consider(Turn turn);
  std::chrono::system_clock::time_point window_start();
  std::exception_ptr unconfirmed(const std::string& why) const;
  void finish(Result<std::optional<Turn>> result);

  static constexpr int kMaxPages = 100;

  CallPtr call_;
  const RequestSpec& spec_;
  CreateTarget target_;
  std::string key_;
  std::string where_;
  RetryPolicy policy_;
  std::chrono::steady_clock::time_point first_sent_;
  std::exception_ptr lost_;
  std::optional<Turn> match_;
  Callback<std::optional<Turn>> done_;
  int sends_ = 0;
  int looks_ = 0;
  int pages_ = 0;
};

}  // namespace paradigm::detail
