#include "client/decode_response.hpp"
#include "client/paths.hpp"
#include "client/turn_ops.hpp"

namespace paradigm::detail {

namespace {

// Far more pages than any thread has; stops a server that keeps saying "next".
constexpr int kMaxPages = 10000;

[[noreturn]] void throw_turn_not_found(std::string_view thread_id, std::string_view turn_id) {
  ApiErrorDetails details;
  details.status = 404;
  details.detail = "turn " + std::string(turn_id) + " is not in thread " + std::string(thread_id);
  details.method = "GET";
  details.path = paths::turns(thread_id);
  throw NotFoundError(details.method + " " + details.path + ": " + details.detail, details);
}

void validate_list_options(const ListOptions& list) {
  if (list.limit && (*list.limit < 1 || *list.limit > 100)) {
    throw InvalidRequestError("limit must be between 1 and 100, got " + std::to_string(*list.limit));
  }
}

}  // namespace

QueryParams list_query(const ListOptions& list) {
  validate_list_options(list);
  QueryParams query;
  add_param(query, "limit", list.limit);
  add_param(query, "starting_after", list.starting_after);
  add_param(query, "ending_before", list.ending_before);
  query.insert(query.end(), list.extra_query.begin(), list.extra_query.end());
  return query;
}

Page<Turn> fetch_turn_page(ClientCore& core, std::string_view thread_id, const ListOptions& list,
                           const CallOptions& call) {
  return fetch<Page<Turn>>(core, get_request(paths::turns(thread_id), list_query(list)), call);
}

std::optional<Turn> find_turn_in_list(ClientCore& core, std::string_view thread_id, std::string_view turn_id,
                                      const CallOptions& call) {
  ListOptions list;
  list.limit = 100;
  for (int page = 0; page < kMaxPages; ++page) {
    Page<Turn> turns = fetch_turn_page(core, thread_id, list, call);
    for (auto& turn : turns.results) {
      if (turn.id == turn_id) return std::move(turn);
    }
    if (!turns.has_more() || turns.results.empty() || list.starting_after == turns.results.back().id) break;
    list.starting_after = turns.results.back().id;
  }
  return std::nullopt;
}

std::optional<Turn> latest_turn(ClientCore& core, std::string_view thread_id, const CallOptions& call) {
  ListOptions list;
  list.limit = 1;
  Page<Turn> turns = fetch_turn_page(core, thread_id, list, call);
  if (turns.results.empty()) return std::nullopt;
  return std::move(turns.results.front());
}

Turn fetch_turn(ClientCore& core, std::string_view thread_id, std::string_view turn_id,
                const CallOptions& call, Headers* headers) {
  const RequestSpec spec = get_request(paths::turn(thread_id, turn_id));
  bool maybe_missing_route = false;
  if (!core.turn_route_missing.load(std::memory_order_relaxed)) {
    try {
      Response response = core.send(spec, call);
      if (headers) *headers = std::move(response.headers);
      return decode_response<Turn>(response, spec);
    } catch (const ApiError& e) {
      if (e.status() != 404 && e.status() != 405) throw;
      // 405: the path exists (for feedback PATCHes) but not for GET.
      if (e.status() == 405) core.turn_route_missing = true;
      maybe_missing_route = e.status() == 404;
    }
  }
  auto turn = find_turn_in_list(core, thread_id, turn_id, call);
  if (!turn) throw_turn_not_found(thread_id, turn_id);
  if (maybe_missing_route) {
    // The turn exists, so the 404 was for the route: stop trying it.
    core.turn_route_missing = true;
    core.log(LogLevel::info, "GET .../turns/{turn_id} is not available; using the thread's turn list", &spec);
  }
  return std::move(*turn);
}

Thread fetch_thread(ClientCore& core, std::string_view thread_id, const CallOptions& call) {
  return fetch<Thread>(core, get_request(paths::thread(thread_id)), call);
}

}  // namespace paradigm::detail
