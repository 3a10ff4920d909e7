// Threads and turns: /api/v3/threads[...]
#include "agent_sim.hpp"
#include "context.hpp"
#include "mock_util.hpp"
#include "validation.hpp"

#include <algorithm>
#include <regex>

namespace paradigm::mock {

namespace {

using std::chrono::milliseconds;

// Cursor pagination over ids listed newest first; sends 400 and returns false on a bad request.
bool cursor_page(const httplib::Request& req, httplib::Response& res,
                 const std::vector<std::string>& newest_first,
                 const std::function<json(const std::string&)>& item) {
  int limit = 10;
  if (req.has_param("limit")) {
    try {
      limit = std::stoi(req.get_param_value("limit"));
    } catch (...) {
      limit = 0;
    }
    if (limit < 1 || limit > 100) {
      send_json(res, 400, {{"limit", {"Ensure this value is between 1 and 100."}}});
      return false;
    }
  }
  std::size_t begin = 0, end = newest_first.size();
  for (const char* key : {"starting_after", "ending_before"}) {
    if (!req.has_param(key)) continue;
    const auto it = std::find(newest_first.begin(), newest_first.end(), req.get_param_value(key));
    if (it == newest_first.end()) {
      send_json(res, 400, {{key, {"Invalid cursor."}}});
      return false;
    }
    const auto index = static_cast<std::size_t>(it - newest_first.begin());
    if (std::string(key) == "starting_after")
      begin = index + 1;
    else
      end = index;
  }
  if (begin > end) begin = end;
  // ending_before pages backwards: the `limit` items just before the cursor.
  if (req.has_param("ending_before") && !req.has_param("starting_after") &&
      end - begin > static_cast<std::size_t>(limit)) {
    begin = end - static_cast<std::size_t>(limit);
  }
  end = std::min(end, begin + static_cast<std::size_t>(limit));
  json results = json::array();
  for (std::size_t i = begin; i < end; ++i)
    results.push_back(item(newest_first[i]));
  const bool more_after = end < newest_first.size();
  const bool more_before = begin > 0;
  send_json(res, 200,
            {{"count", newest_first.size()},
             {"next", more_after && end > begin ? json(newest_first[end - 1]) : json(nullptr)},
             {"previous", more_before && end > begin ? json(newest_first[begin]) : json(nullptr)},
             {"results", results}});
  return true;
}

struct Created {
  std::string thread_id;
  std::string turn_id;
  std::vector<json> tool_progress;
};

// What asked for a turn, beyond its body.
struct Origin {
  std::string idempotency_key;  // "" when none
  std::string request_id;
};

// A "[duration_ms=N]" marker in the query sets that turn's duration, so one
// run can mix short and long turns (the benchmarks spread them over 2-20 s).
milliseconds turn_duration(const json& body, const MockConfig& config) {
  static const std::regex kMarker(R"(\[duration_ms=(\d{1,9})\])");
  const auto query = body.find("query");
  std::smatch match;
  if (query == body.end() || !query->is_string()) return config.turn_duration;
  const std::string& text = query->get_ref<const std::string&>();
  if (!std::regex_search(text, match, kMarker)) return config.turn_duration;
  return milliseconds(std::stoll(match[1].str()));
}

// Stores a new turn (and its thread when `thread_id` is empty); caller holds the store lock.
Created store_turn(Context& context, const MockConfig& config, const json& body, std::string thread_id,
                   bool streamed, const Origin& origin) {
  Store& store = context.store;
  if (thread_id.empty()) thread_id = store.create_thread(body).thread["id"];
  ThreadRecord& thread = store.threads.at(thread_id);
  std::vector<std::string> earlier;
  for (const auto& id : thread.turn_ids)
    earlier.push_back(store.turns.at(id).user_message["parts"][0]["text"]);

  TurnRecord turn;
  turn.id = new_uuid();
  turn.thread_id = thread_id;
  turn.created_at = iso_now();
  turn.started = context.now();
  turn.duration = turn_duration(body, config);
  turn.user_message = user_message(body);
  Simulation sim = simulate(body, earlier, thread_id, turn.id, config.fail_marker);
  turn.assistant_message = sim.assistant_message;
  turn.running_assistant_message = streamed ? json(nullptr) : sim.running_message;
  turn.final_status = sim.final_status;
  turn.error = sim.error;
  const auto query = body.find("query");
  turn.query = query != body.end() && query->is_string() ? query->get<std::string>() : "";
  if (!origin.idempotency_key.empty()) turn.idempotency_key = origin.idempotency_key;
  turn.request_id = origin.request_id;
  turn.tool_progress = sim.tool_progress;
  for (auto& artifact : sim.artifacts)
    store.add_artifact(std::move(artifact));
  for (auto& source : sim.sources)
    store.sources.push_back(std::move(source));
  thread.turn_ids.push_back(turn.id);
  thread.thread["updated_at"] = turn.created_at;
  Created created{thread_id, turn.id, std::move(sim.tool_progress)};
  store.turn_order.push_back(turn.id);
  if (turn.idempotency_key) store.turn_by_idempotency_key.emplace(*turn.idempotency_key, turn.id);
  store.turns[turn.id] = std::move(turn);
  ++store.turns_created;
  return created;
}

// The turn an honoured Idempotency-Key created before, counted as replayed
// once more; nullopt when the key is new (caller holds the store lock).
std::optional<Created> replay(Store& store, const MockConfig& config, const Origin& origin) {
  if (!config.honour_idempotency_key || origin.idempotency_key.empty()) return std::nullopt;
  const auto it = store.turn_by_idempotency_key.find(origin.idempotency_key);
  if (it == store.turn_by_idempotency_key.end()) return std::nullopt;
  TurnRecord& turn = store.turns.at(it->second);
  ++turn.replays;
  return Created{turn.thread_id, turn.id, turn.tool_progress};
}

// A body of a release before Wise Wolf in today's names: its scope is
// `workspaces_ids`, and the current `workspace_ids` means nothing to it.
json current_scope_names(json body) {
  body.erase("workspace_ids");
  if (body.contains("workspaces_ids")) {
    body["workspace_ids"] = std::move(body["workspaces_ids"]);
    body.erase("workspaces_ids");
  }
  return body;
}

// A synchronous create: the finished turn (200), or the running one once
// sync_timeout has passed since it started (202), in the emulator's time.
void answer_sync(Context& context, const MockConfig& config, httplib::Response& res, const Created& created) {
  Store& store = context.store;
  std::unique_lock<std::mutex> lock(store.mutex);
  const TurnRecord& turn = store.turns.at(created.turn_id);
  const auto give_up = turn.started + config.sync_timeout;
  auto finished = [&] {
    const auto status = store.turn_status(turn, context.now(), config.cancel_delay);
    return status != "running" && status != "cancelling";
  };
  while (!finished() && !context.interrupted() && context.now() < give_up) {
    auto next_change = std::min(give_up, turn.started + turn.duration);
    if (turn.cancel_requested)
      next_change = std::min(next_change, *turn.cancel_requested + config.cancel_delay);
    context.wait_until(lock, next_change);
  }
  if (finished()) {
    send_json(res, 200, store.turn_json(turn, context.now(), config.cancel_delay));
  } else if (config.accepted_shape == AcceptedShape::ids) {
    const char* thread_key = config.legacy_release ? "tread" : "thread";
    send_json(res, 202, {{"turn_id", turn.id}, {thread_key, turn.thread_id}, {"status", "running"}});
  } else {
    send_json(res, 202, store.turn_json(turn, context.now(), config.cancel_delay, true));
  }
}

// POST /threads/turns and POST /threads/{id}/turns.
void create_turn(Context& context, const httplib::Request& req, httplib::Response& res,
                 const std::string& thread_id) {
  auto body = json_body(req, res);
  if (!body) return;
  const MockConfig config = context.config();
  if (config.legacy_release) body = current_scope_names(std::move(*body));
  const json errors = validate_turn_body(*body, thread_id.empty());
  if (!errors.is_null()) return send_json(res, 400, errors);
  const bool stream = body->value("stream", false) && !config.stream.answer_json_instead;
  const Origin origin{req.get_header_value("Idempotency-Key"), res.get_header_value("x-request-id")};
  Created created;
  bool replayed = false;
  {
    std::lock_guard<std::mutex> lock(context.store.mutex);
    if (auto earlier = replay(context.store, config, origin)) {
      created = std::move(*earlier);
      replayed = true;
    } else {
      if (!thread_id.empty() && !context.store.threads.count(thread_id))
        return send_detail(res, 404, "Not found.");
      created = store_turn(context, config, *body, thread_id, stream, origin);
    }
  }
  if (stream) return stream_turn(context, res, created.turn_id, created.tool_progress, config.stream);
  if (body->value("background", false)) {
    std::lock_guard<std::mutex> lock(context.store.mutex);
    // A new background turn shows only the user's message; a replayed one, how it stands now.
    return send_json(res, 200,
                     context.store.turn_json(context.store.turns.at(created.turn_id), context.now(),
                                             config.cancel_delay, !replayed));
  }
  answer_sync(context, config, res, created);
}

void get_turn(Context& context, const httplib::Request& req, httplib::Response& res) {
  const MockConfig config = context.config();
  if (config.turn_route == TurnRoute::method_not_allowed) {
    return send_detail(res, 405, "Method \"GET\" not allowed.");
  }
  if (config.turn_route == TurnRoute::not_found) {
    res.status = 404;
    return res.set_content(
        "<!doctype html><html><body><h1>Not Found</h1><p>The requested resource was not found.</p>"
        "</body></html>",
        "text/html");
  }
  std::lock_guard<std::mutex> lock(context.store.mutex);
  const auto it = context.store.turns.find(req.matches[2]);
  if (it == context.store.turns.end() || it->second.thread_id != req.matches[1])
    return send_detail(res, 404, "Not found.");
  send_json(res, 200, context.store.turn_json(it->second, context.now(), config.cancel_delay));
}

void list_turns(Context& context, const httplib::Request& req, httplib::Response& res) {
  const MockConfig config = context.config();
  std::lock_guard<std::mutex> lock(context.store.mutex);
  const auto it = context.store.threads.find(req.matches[1]);
  if (it == context.store.threads.end()) return send_detail(res, 404, "Not found.");
  std::vector<std::string> newest_first(it->second.turn_ids.rbegin(), it->second.turn_ids.rend());
  const auto now = context.now();
  cursor_page(req, res, newest_first, [&](const std::string& id) {
    return context.store.turn_json(context.store.turns.at(id), now, config.cancel_delay);
  });
}

void feedback(Context& context, const httplib::Request& req, httplib::Response& res) {
  const std::string action = req.get_param_value("action");
  if (action != "like_dislike" && action != "copied" && action != "flag") {
    return send_json(res, 400, {{"action", {"\"" + action + "\" is not a valid choice."}}});
  }
  std::lock_guard<std::mutex> lock(context.store.mutex);
  const auto it = context.store.turns.find(req.matches[2]);
  if (it == context.store.turns.end() || it->second.thread_id != req.matches[1])
    return send_detail(res, 404, "Not found.");
  if (action == "like_dislike") it->second.liked = !it->second.liked.value_or(false);
  send_detail(res, 200, "Action performed successfully");
}

void update_thread(Context& context, const httplib::Request& req, httplib::Response& res) {
  const auto body = json_body(req, res);
  if (!body) return;
  const json errors = validate_thread_body(*body);
  if (!errors.is_null()) return send_json(res, 400, errors);
  const MockConfig config = context.config();
  std::lock_guard<std::mutex> lock(context.store.mutex);
  auto it = context.store.threads.find(req.matches[1]);
  if (it == context.store.threads.end()) return send_detail(res, 404, "Not found.");
  ThreadRecord& thread = it->second;
  const auto now = context.now();
  if (req.get_param_value("cancel") == "true" && !thread.turn_ids.empty()) {
    TurnRecord& turn = context.store.turns.at(thread.turn_ids.back());
    if (context.store.turn_status(turn, now, config.cancel_delay) == "running") turn.cancel_requested = now;
  }
  for (const char* key : {"name", "is_archived", "ml_model"}) {
    if (body->contains(key)) thread.thread[key] = (*body)[key];
  }
  thread.thread["updated_at"] = iso_now();
  context.store.changed.notify_all();
  send_json(res, 200, context.store.thread_json(config.legacy_release, thread, now, config.cancel_delay));
}

}  // namespace

void add_thread_routes(Context& context, const RouteAdder& add) {
  add("POST", "/api/v3/threads", [&context](const httplib::Request& req, httplib::Response& res) {
    const auto body = json_body(req, res);
    if (!body) return;
    const json errors = validate_thread_body(*body);
    if (!errors.is_null()) return send_json(res, 400, errors);
    const MockConfig config = context.config();
    std::lock_guard<std::mutex> lock(context.store.mutex);
    send_json(res, 201,
              context.store.thread_json(config.legacy_release, context.store.create_thread(*body),
                                        context.now(), config.cancel_delay));
  });
  add("GET", "/api/v3/threads", [&context](const httplib::Request& req, httplib::Response& res) {
    const MockConfig config = context.config();
    std::lock_guard<std::mutex> lock(context.store.mutex);
    const auto& order = context.store.thread_order;
    const auto now = context.now();
    cursor_page(req, res, std::vector<std::string>(order.rbegin(), order.rend()), [&](const std::string& id) {
      return context.store.thread_json(config.legacy_release, context.store.threads.at(id), now,
                                       config.cancel_delay);
    });
  });
  add("POST", "/api/v3/threads/turns", [&context](const httplib::Request& req, httplib::Response& res) {
    create_turn(context, req, res, "");
  });
  add("GET", "/api/v3/threads/([^/]+)", [&context](const httplib::Request& req, httplib::Response& res) {
    const MockConfig config = context.config();
    std::lock_guard<std::mutex> lock(context.store.mutex);
    const auto it = context.store.threads.find(req.matches[1]);
    if (it == context.store.threads.end()) return send_detail(res, 404, "Not found.");
    send_json(
        res, 200,
        context.store.thread_json(config.legacy_release, it->second, context.now(), config.cancel_delay));
  });
  add("PATCH", "/api/v3/threads/([^/]+)",
      [&context](const httplib::Request& req, httplib::Response& res) { update_thread(context, req, res); });
  add("POST", "/api/v3/threads/([^/]+)/turns",
      [&context](const httplib::Request& req, httplib::Response& res) {
        create_turn(context, req, res, req.matches[1]);
      });
  add("GET", "/api/v3/threads/([^/]+)/turns",
      [&context](const httplib::Request& req, httplib::Response& res) { list_turns(context, req, res); });
  add("GET", "/api/v3/threads/([^/]+)/turns/([^/]+)",
      [&context](const httplib::Request& req, httplib::Response& res) { get_turn(context, req, res); });
  add("PATCH", "/api/v3/threads/([^/]+)/turns/([^/]+)",
      [&context](const httplib::Request& req, httplib::Response& res) { feedback(context, req, res); });
}

}  // namespace paradigm::mock
