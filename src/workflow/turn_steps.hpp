#pragma once

// The steps on turns that several operations share: creating (and waiting
// through a 202), finding a turn (with the route fallback), and waiting.

#include <paradigm/options.hpp>
#include <paradigm/page.hpp>
#include <paradigm/requests.hpp>
#include <paradigm/turn.hpp>

#include "workflow/context.hpp"
#include "workflow/fetch.hpp"
#include "workflow/lost_create.hpp"
#include "workflow/result.hpp"
#include "workflow/turn_progress.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace paradigm::detail {

/// The body of a turn-creating POST: validated, with `stream` as asked and
/// the scope spelled for the server's release.
std::string turn_body(const ConnectionContext& context, const TurnRequest& request, bool stream);

/// The turn in a create answer: a turn object, or the ids of a 202
/// (`{"turn_id", "thread"}`, or `"tread"` as the guide spells it).
Turn parse_created_turn(const Answer& answer, const std::string& where, std::string_view known_thread);

/// A fresh Idempotency-Key: 128 random bits as a UUID (version 4).
std::string new_idempotency_key();

/// A new thread's turn as two requests: the thread (with the request's
/// thread-level fields) and the turn in it (without them).
std::pair<ThreadRequest, TurnRequest> split_new_thread(const TurnRequest& request);

/// POST /api/v3/threads for a new thread's first turn (`thread` from
/// split_new_thread), retried like a read; `done` gets the thread's id.
void create_thread_for_turn(const CallPtr& call, const ThreadRequest& thread, Callback<std::string> done);

/// Sends a turn-creating `spec` with an Idempotency-Key and, unless the turn
/// is finished, the request is `background` or `create.wait` is false, waits
/// for the turn. A lost answer is reconciled with `target`'s turns.
void create_turn_at(const CallPtr& call, RequestSpec spec, CreateTarget target, bool background,
                    CreateOptions create, Callback<Turn> done);

/// GET /threads/{id}/turns/{turn_id}, or the thread's turn list on servers
/// without that route (NotFoundError when the turn is in neither).
void fetch_turn(const CallPtr& call, std::string thread_id, std::string turn_id, Callback<Turn> done);

/// The latest turn of a thread (the guide's `limit=1`), if it has one.
void latest_turn(const CallPtr& call, std::string thread_id, Callback<std::optional<Turn>> done);

/// The query of a cursor listing. Throws InvalidRequestError for a limit outside 1..100.
QueryParams list_query(const ListOptions& list);

/// Polls until the turn is completed, failed or cancelled. `known` is the
/// state already seen (the first poll then waits one interval); `progress`
/// observes every state polled.
void wait_for_turn(const CallPtr& call, std::string thread_id, std::string turn_id, WaitOptions wait,
                   std::optional<Turn> known, ProgressPtr progress, Callback<Turn> done);

/// `turn` itself when finished, else waited for; `progress` observes it first.
void settle(const CallPtr& call, Turn turn, WaitOptions wait, ProgressPtr progress, Callback<Turn> done);

}  // namespace paradigm::detail
