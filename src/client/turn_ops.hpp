#pragma once

// Turn operations shared by ThreadsClient's methods (creation, lookup,
// waiting, streaming).

#include <paradigm/options.hpp>
#include <paradigm/page.hpp>
#include <paradigm/requests.hpp>
#include <paradigm/thread.hpp>
#include <paradigm/turn.hpp>

#include "client/client_core.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace paradigm::detail {

/// The body of a turn-creating POST (validated; `stream` set as asked).
std::string turn_body(const TurnRequest& request, bool stream);

/// POSTs a turn to `path` and, unless the request is background or the call
/// does not wait, waits for a turn that is not finished yet.
Turn create_turn_at(ClientCore& core, const std::string& path, std::string_view known_thread,
                    const TurnRequest& request, const CallOptions& call);

/// The turn in a create answer: a turn object, or `{"turn_id", "thread"}` in a 202.
Turn parse_created_turn(const Response& response, const RequestSpec& spec, std::string_view known_thread);

/// GET /threads/{id}/turns/{turn_id}, or the thread's turn list on servers
/// without that route. `headers` receives the per-turn answer's headers.
Turn fetch_turn(ClientCore& core, std::string_view thread_id, std::string_view turn_id,
                const CallOptions& call, Headers* headers = nullptr);

/// The query of a cursor listing. Throws InvalidRequestError for a limit outside 1..100.
QueryParams list_query(const ListOptions& list);

/// One page of GET /threads/{id}/turns. Throws InvalidRequestError for a limit outside 1..100.
Page<Turn> fetch_turn_page(ClientCore& core, std::string_view thread_id, const ListOptions& list,
                           const CallOptions& call);

/// Pages through the thread's turns to find one by id.
std::optional<Turn> find_turn_in_list(ClientCore& core, std::string_view thread_id, std::string_view turn_id,
                                      const CallOptions& call);

/// The latest turn of a thread (the guide's `limit=1`), if any.
std::optional<Turn> latest_turn(ClientCore& core, std::string_view thread_id, const CallOptions& call);

Thread fetch_thread(ClientCore& core, std::string_view thread_id, const CallOptions& call);

/// Polls until the turn is completed, failed or cancelled. `known` is the
/// state already seen (then the first poll waits one interval).
Turn wait_for_turn(ClientCore& core, std::string_view thread_id, std::string_view turn_id,
                   const WaitOptions& wait, const CallOptions& call, const Turn* known = nullptr);

}  // namespace paradigm::detail
