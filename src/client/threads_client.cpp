// ThreadsClient: construction, turns and threads. Each method builds its
// request and hands it to ClientCore; the shared logic lives in turn_*.cpp.

#include <paradigm/client.hpp>

#include "client/decode_response.hpp"
#include "client/paths.hpp"
#include "client/test_access.hpp"
#include "client/turn_ops.hpp"

#include <cstdlib>

namespace paradigm {

using detail::fetch;
using detail::get_request;
using detail::RequestSafety;
using detail::RequestSpec;
namespace paths = detail::paths;

namespace {

std::optional<std::string> env(const char* name) {
  const char* value = std::getenv(name);
  if (!value || !*value) return std::nullopt;
  return std::string(value);
}

RequestSpec patch_request(std::string path, std::optional<std::string> body, RequestSafety safety) {
  RequestSpec spec;
  spec.method = "PATCH";
  spec.path = std::move(path);
  spec.body = std::move(body);
  spec.safety = safety;
  return spec;
}

const char* to_wire(FeedbackAction action) {
  switch (action) {
    case FeedbackAction::like_dislike:
      return "like_dislike";
    case FeedbackAction::copied:
      return "copied";
    case FeedbackAction::flag:
      return "flag";
  }
  throw InvalidRequestError("unknown feedback action");
}

}  // namespace

ClientOptions ClientOptions::from_env() {
  ClientOptions options;
  if (auto key = env("PARADIGM_API_KEY")) options.api_key = *key;
  if (auto url = env("PARADIGM_BASE_URL")) options.base_url = *url;
  if (auto level = env("PARADIGM_LOG")) {
    options.log_level = parse_log_level(*level);
    if (options.log_level != LogLevel::off) options.logger = stderr_logger();
  }
  return options;
}

ThreadsClient::ThreadsClient() : ThreadsClient(ClientOptions::from_env()) {}

ThreadsClient::ThreadsClient(ClientOptions options)
    : core_(std::make_shared<detail::ClientCore>(std::move(options), detail::system_clock())) {}

const ClientOptions& ThreadsClient::options() const noexcept {
  return core_->options();
}

// --- Turns -------------------------------------------------------------------

Turn ThreadsClient::create_thread_with_turn(const TurnRequest& request, const CallOptions& call) {
  return detail::create_turn_at(*core_, paths::kThreadsWithTurn, {}, request, call);
}

Turn ThreadsClient::create_turn(std::string_view thread_id, const TurnRequest& request,
                                const CallOptions& call) {
  return detail::create_turn_at(*core_, paths::turns(thread_id), thread_id, request, call);
}

Turn ThreadsClient::get_turn(std::string_view thread_id, std::string_view turn_id, const CallOptions& call) {
  return detail::fetch_turn(*core_, thread_id, turn_id, call);
}

Page<Turn> ThreadsClient::list_turns(std::string_view thread_id, const ListOptions& list,
                                     const CallOptions& call) {
  return detail::fetch_turn_page(*core_, thread_id, list, call);
}

Turn ThreadsClient::wait_for_turn(std::string_view thread_id, std::string_view turn_id,
                                  const WaitOptions& wait, const CallOptions& call) {
  // Validate the ids before the first sleep, not after it.
  paths::turn(thread_id, turn_id);
  return detail::wait_for_turn(*core_, thread_id, turn_id, wait, call);
}

// --- Threads -----------------------------------------------------------------

Thread ThreadsClient::create_thread(const ThreadRequest& request, const CallOptions& call) {
  request.validate();
  RequestSpec spec;
  spec.method = "POST";
  spec.path = paths::kThreads;
  spec.body = detail::dump_request(detail::encode(request));
  spec.safety = RequestSafety::unsafe;
  return fetch<Thread>(*core_, spec, call);
}

Thread ThreadsClient::get_thread(std::string_view thread_id, const CallOptions& call) {
  return detail::fetch_thread(*core_, thread_id, call);
}

Page<Thread> ThreadsClient::list_threads(const ThreadListOptions& list, const CallOptions& call) {
  QueryParams query = detail::list_query(list);
  detail::add_param(query, "creation_source", list.creation_source);
  return fetch<Page<Thread>>(*core_, get_request(paths::kThreads, std::move(query)), call);
}

Thread ThreadsClient::update_thread(std::string_view thread_id, const ThreadUpdate& update,
                                    const CallOptions& call) {
  update.validate();
  return fetch<Thread>(*core_,
                       patch_request(paths::thread(thread_id), detail::dump_request(detail::encode(update)),
                                     RequestSafety::idempotent),
                       call);
}

Thread ThreadsClient::cancel_turn(std::string_view thread_id, const CallOptions& call) {
  RequestSpec spec = patch_request(paths::thread(thread_id), std::nullopt, RequestSafety::idempotent);
  spec.query = {{"cancel", "true"}};
  return fetch<Thread>(*core_, spec, call);
}

void ThreadsClient::send_feedback(std::string_view thread_id, std::string_view turn_id, FeedbackAction action,
                                  const CallOptions& call) {
  // like_dislike toggles on the server: a repeat would undo it.
  RequestSpec spec = patch_request(paths::turn(thread_id, turn_id), std::nullopt, RequestSafety::unsafe);
  spec.query = {{"action", to_wire(action)}};
  core_->send(spec, call);
}

// --- Test access ---------------------------------------------------------------

ThreadsClient ClientTestAccess::make(ClientOptions options, std::shared_ptr<detail::Clock> clock) {
  return ThreadsClient(std::make_shared<detail::ClientCore>(std::move(options), std::move(clock)));
}

detail::ClientCore& ClientTestAccess::core(ThreadsClient& client) {
  return *client.core_;
}

}  // namespace paradigm
