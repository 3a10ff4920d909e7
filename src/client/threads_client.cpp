// ThreadsClient: construction and a forward per operation to its connection.

#include <paradigm/client.hpp>
#include <paradigm/errors.hpp>

#include <cstdlib>

namespace paradigm {

namespace {

std::optional<std::string> env(const char* name) {
  const char* value = std::getenv(name);
  if (!value || !*value) return std::nullopt;
  return std::string(value);
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
    : connection_(make_threads_connection(std::move(options))) {}

ThreadsClient::ThreadsClient(std::shared_ptr<ThreadsConnection> connection)
    : connection_(std::move(connection)) {
  if (!connection_) throw InvalidRequestError("ThreadsClient: the connection is null");
}

const ClientOptions& ThreadsClient::options() const noexcept {
  return connection_->options();
}

// --- The operations: forwarded to the connection ------------------------------

namespace {

// The asynchronous form of a connection that throws instead of returning a
// failed future (a fake's) still gives the caller a future.
template <class Result, class Start>
Future<Result> started(Start&& start) {
  try {
    return start();
  } catch (...) {
    return make_failed_future<Result>(std::current_exception());
  }
}

}  // namespace

#define PARADIGM_OPERATION(Request, name, Result, kind, params, optional)                                  \
  Result ThreadsClient::name(PARADIGM_PARAMS(PARADIGM_PARAM_, params, optional)) {                         \
    return connection_->name(PARADIGM_PARAMS(PARADIGM_ARG_, params, optional));                            \
  }                                                                                                        \
  Future<Result> ThreadsClient::async_##name(PARADIGM_PARAMS(PARADIGM_PARAM_, params, optional)) {         \
    return started<Result>(                                                                                \
        [&] { return connection_->async_##name(PARADIGM_PARAMS(PARADIGM_ARG_, params, optional)); });      \
  }                                                                                                        \
  Future<Result> ThreadsClient::async_##name(PARADIGM_PARAMS(PARADIGM_NOCALL_DEFINE_, params, optional)) { \
    return async_##name(PARADIGM_PARAMS(PARADIGM_ARG_NOCALL_, params, optional));                          \
  }                                                                                                        \
  PARADIGM_IF_OPTIONAL(                                                                                    \
      optional, Future<Result> ThreadsClient::async_##name(                                                \
                    PARADIGM_PARAMS(PARADIGM_REQUIRED_DEFINE_, params, optional)) {                        \
        return async_##name(PARADIGM_PARAMS(PARADIGM_FILLED_, params, optional));                          \
      })
#include <paradigm/operation_list.inc>
#undef PARADIGM_OPERATION

// --- Conveniences ------------------------------------------------------------

Turn ThreadsClient::stream_turn_text(std::string_view thread_id, const TurnRequest& request,
                                     const TextHandler& on_text_delta, const StreamOptions& stream,
                                     const CallOptions& call) {
  if (!on_text_delta) throw InvalidRequestError("stream_turn_text: the text handler is empty");
  return connection_->stream_turn(thread_id, request, on_text(on_text_delta), stream, call);
}

Future<Turn> ThreadsClient::async_stream_turn_text(std::string_view thread_id, const TurnRequest& request,
                                                   const TextHandler& on_text_delta,
                                                   const StreamOptions& stream, const CallOptions& call) {
  if (!on_text_delta) {
    return make_failed_future<Turn>(
        std::make_exception_ptr(InvalidRequestError("async_stream_turn_text: the text handler is empty")));
  }
  return async_stream_turn(thread_id, request, on_text(on_text_delta), stream, call);
}

Future<Turn> ThreadsClient::async_stream_turn_text(std::string_view thread_id, const TurnRequest& request,
                                                   const TextHandler& on_text_delta) {
  return async_stream_turn_text(thread_id, request, on_text_delta, StreamOptions(), CallOptions());
}

Future<Thread> ThreadsClient::async_cancel_turn(std::string_view thread_id, const CallOptions& call) {
  return async_cancel_running_turn(thread_id, call);
}

Future<Thread> ThreadsClient::async_cancel_turn(std::string_view thread_id) {
  return async_cancel_running_turn(thread_id, CallOptions());
}

Future<std::string> ThreadsClient::async_download_artifact_bytes(std::string_view artifact_id) {
  return async_download_artifact_bytes(artifact_id, CallOptions());
}

std::string ThreadsClient::download_artifact_bytes(std::string_view artifact_id, const CallOptions& call) {
  return connection_->download_artifact_content(artifact_id, call).bytes;
}

Future<std::string> ThreadsClient::async_download_artifact_bytes(std::string_view artifact_id,
                                                                 const CallOptions& call) {
  return async_download_artifact_content(artifact_id, call).then([](Future<ArtifactContent> done) {
    return std::move(std::move(done).get().bytes);
  });
}

}  // namespace paradigm
