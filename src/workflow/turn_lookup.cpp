// Finding a turn: by its own route, or through the thread's turn list on
// servers without that route (it is not in the public docs).

#include "workflow/error_mapping.hpp"
#include "workflow/paths.hpp"
#include "workflow/turn_steps.hpp"

namespace paradigm::detail {

namespace {

// Far more pages than any thread has; stops a server that keeps saying "next".
constexpr int kMaxPages = 10000;

// The thread's turn list was read to its end without the turn.
std::exception_ptr turn_not_found(const CallPtr& call, std::string_view thread_id, std::string_view turn_id) {
  std::string path = paths::turns(thread_id);
  std::string url = call->context().url_for_message(path);
  return concluded_not_found("GET", std::move(path), std::move(url),
                             "turn " + std::string(turn_id) + " is not in thread " + std::string(thread_id));
}

// The HTTP status of an ApiError, 0 for any other error.
int api_status(const std::exception_ptr& error) {
  try {
    std::rethrow_exception(error);
  } catch (const ApiError& e) {
    return e.status();
  } catch (...) {
    return 0;
  }
}

// Pages through the thread's turns (100 at a time) until one has the id.
class TurnSearch : public std::enable_shared_from_this<TurnSearch> {
 public:
  TurnSearch(CallPtr call, std::string thread_id, std::string turn_id, Callback<std::optional<Turn>> done)
      : call_(std::move(call)),
        thread_id_(std::move(thread_id)),
        turn_id_(std::move(turn_id)),
        done_(std::move(done)) {
    list_.limit = 100;
  }

  void next_page() {
    fetch<Page<Turn>>(
        call_, get_request(paths::turns(thread_id_), list_query(list_)),
        [self = shared_from_this()](Result<Page<Turn>> page) { self->on_page(std::move(page)); });
  }

 private:
  void on_page(Result<Page<Turn>> result) {
    if (forward_error(result, done_)) return;
    Page<Turn>& page = result.value();
    for (auto& turn : page.results) {
      if (turn.id == turn_id_) return done_(std::optional<Turn>(std::move(turn)));
    }
    const bool more =
        page.has_more() && !page.results.empty() && list_.starting_after != page.results.back().id;
    if (!more || ++pages_ >= kMaxPages) return done_(std::optional<Turn>());
    list_.starting_after = page.results.back().id;
    next_page();
  }

  CallPtr call_;
  std::string thread_id_;
  std::string turn_id_;
  Callback<std::optional<Turn>> done_;
  ListOptions list_;
  int pages_ = 0;
};

void find_turn_in_list(const CallPtr& call, std::string thread_id, std::string turn_id,
                       Callback<std::optional<Turn>> done) {
  std::make_shared<TurnSearch>(call, std::move(thread_id), std::move(turn_id), std::move(done))->next_page();
}

// The list fallback after the per-turn route failed with `route_status` (0: not tried).
void find_instead(const CallPtr& call, std::string thread_id, std::string turn_id, int route_status,
                  Callback<Turn> done) {
  auto on_found = [call, thread_id, turn_id, route_status, done](Result<std::optional<Turn>> found) {
    if (forward_error(found, done)) return;
    if (!found.value()) return done(turn_not_found(call, thread_id, turn_id));
    if (route_status == 404) {
      // The turn exists, so the 404 was for the route: stop trying it.
      call->context().turn_route_missing = true;
      call->context().log(
          {LogLevel::info, "GET .../turns/{turn_id} is not available; using the thread's turn list"});
    }
    done(std::move(*found.value()));
  };
  find_turn_in_list(call, std::move(thread_id), std::move(turn_id), std::move(on_found));
}

}  // namespace

QueryParams list_query(const ListOptions& list) {
  if (list.limit && (*list.limit < 1 || *list.limit > 100)) {
    throw InvalidRequestError("limit must be between 1 and 100, got " + std::to_string(*list.limit));
  }
  QueryParams query;
  add_param(query, "limit", list.limit);
  add_param(query, "starting_after", list.starting_after);
  add_param(query, "ending_before", list.ending_before);
  query.insert(query.end(), list.extra_query.begin(), list.extra_query.end());
  return query;
}

void fetch_turn(const CallPtr& call, std::string thread_id, std::string turn_id, Callback<Turn> done) {
  RequestSpec spec = get_request(paths::turn(thread_id, turn_id));
  if (call->context().turn_route_missing.load(std::memory_order_relaxed)) {
    return find_instead(call, std::move(thread_id), std::move(turn_id), 0, std::move(done));
  }
  auto on_turn = [call, thread_id, turn_id, done](Result<Turn> turn) mutable {
    const int status = turn.ok() ? 0 : api_status(turn.error());
    if (status != 404 && status != 405) return done(std::move(turn));
    // 405: the path exists (for feedback PATCHes) but not for GET.
    if (status == 405) call->context().turn_route_missing = true;
    find_instead(call, std::move(thread_id), std::move(turn_id), status, std::move(done));
  };
  fetch<Turn>(call, std::move(spec), std::move(on_turn));
}

void latest_turn(const CallPtr& call, std::string thread_id, Callback<std::optional<Turn>> done) {
  ListOptions list;
  list.limit = 1;
  fetch<Page<Turn>>(call, get_request(paths::turns(thread_id), list_query(list)),
                    [done = std::move(done)](Result<Page<Turn>> page) {
                      if (forward_error(page, done)) return;
                      auto& results = page.value().results;
                      if (results.empty()) return done(std::optional<Turn>());
                      done(std::optional<Turn>(std::move(results.front())));
                    });
}

}  // namespace paradigm::detail
