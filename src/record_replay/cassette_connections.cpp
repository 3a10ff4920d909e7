// make_recording_connection and make_replaying_connection: the default
// connection over a recording or a replaying transport.

#include <paradigm/record_replay.hpp>

#include "connection/make_connection.hpp"
#include "core/text.hpp"
#include "http/curl_transport.hpp"
#include "record_replay/cassette_format.hpp"
#include "record_replay/cassette_writer.hpp"
#include "record_replay/recording_transport.hpp"
#include "record_replay/replaying_transport.hpp"
#include "retry/virtual_clock.hpp"
#include "workflow/routes.hpp"

namespace paradigm {

namespace {

std::vector<std::string> secrets_of(const ClientOptions& options, std::vector<std::string> more) {
  more.emplace_back(detail::trim(options.api_key.reveal()));
  return more;
}

}  // namespace

CassetteMismatchError::CassetteMismatchError(const std::string& message, std::string request,
                                             std::string nearest)
    : CassetteError(message), request_(std::move(request)), nearest_(std::move(nearest)) {}

std::shared_ptr<ThreadsConnection> make_recording_connection(ClientOptions options, std::string cassette_path,
                                                             RecordOptions record) {
  const std::string base_url = detail::normalize_base_url(options.base_url);
  auto writer = std::make_shared<detail::CassetteWriter>();
  auto recorder = std::make_shared<const detail::Recorder>(
      base_url, writer, detail::Redactor(secrets_of(options, std::move(record.also_redact))),
      record.max_body_bytes);
  auto curl = detail::make_curl_transport(options);
  auto transport = std::make_shared<detail::RecordingTransport>(curl, recorder);
  // Asynchronous calls keep the event loop's concurrency: the recording wraps its transport.
  auto make_async = [curl, recorder] {
    return std::make_unique<detail::RecordingAsyncTransport>(detail::make_curl_async_transport(curl),
                                                             recorder);
  };
  // A replay tells exchanges apart by their bodies, and every new thread's
  // POST /api/v3/threads has the same one: a recording sends a new thread's
  // turn as one request, which its replay then does too.
  options.create_thread_first = false;
  auto connection = detail::make_connection(std::move(options), std::move(transport), detail::system_clock(),
                                            std::move(make_async));
  // Only once the options are known to be good: a bad call leaves an existing cassette alone.
  writer->open(cassette_path, record.append);
  return connection;
}

std::shared_ptr<ThreadsConnection> make_replaying_connection(std::string cassette_path,
                                                             ReplayOptions replay) {
  auto exchanges = detail::read_cassette(cassette_path);
  ClientOptions options = replay.client;
  // A cassette recorded with new threads' turns as one request (0.2, or
  // create_thread_first = false) replays the same way.
  for (const auto& exchange : exchanges) {
    if (exchange.method == "POST" && exchange.path == "/api/v3/threads/turns") options.create_thread_first = false;
  }
  // Nothing is sent: a key is needed only to redact requests as the recording did.
  std::vector<std::string> secrets;
  if (detail::trim(options.api_key.reveal()).empty()) {
    options.api_key = "replay-without-a-key";
  } else {
    secrets = secrets_of(options, {});
  }
  const std::string base_url = detail::normalize_base_url(options.base_url);
  auto transport = std::make_shared<detail::ReplayingTransport>(
      std::move(exchanges), cassette_path, base_url, std::move(replay), detail::Redactor(std::move(secrets)));
  return detail::make_connection(
      std::move(options), std::move(transport),
      std::make_shared<detail::VirtualClock>(0.5, std::chrono::system_clock::now()));
}

}  // namespace paradigm
