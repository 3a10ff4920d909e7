// make_recording_connection and make_replaying_connection: the default
// connection over a recording or a replaying transport.

#include <paradigm/testing/cassette.hpp>

#include "connection/make_connection.hpp"
#include "core/text.hpp"
#include "testing/cassette_format.hpp"
#include "testing/cassette_writer.hpp"
#include "testing/instant_clock.hpp"
#include "testing/recording_transport.hpp"
#include "testing/replaying_transport.hpp"
#include "workflow/routes.hpp"

namespace paradigm::testing {

namespace {

std::vector<std::string> secrets_of(const ClientOptions& options, std::vector<std::string> more) {
  more.emplace_back(detail::trim(options.api_key.reveal()));
  return more;
}

}  // namespace

CassetteMismatchError::CassetteMismatchError(const std::string& message, std::string request, std::string nearest)
    : CassetteError(message), request_(std::move(request)), nearest_(std::move(nearest)) {}

std::shared_ptr<ThreadsConnection> make_recording_connection(ClientOptions options, std::string cassette_path,
                                                             RecordOptions record) {
  const std::string base_url = detail::normalize_base_url(options.base_url);
  auto writer = std::make_shared<detail::CassetteWriter>();
  auto transport = std::make_shared<detail::RecordingTransport>(
      detail::make_curl_transport(options), base_url, writer,
      detail::Redactor(secrets_of(options, std::move(record.also_redact))), record.max_body_bytes);
  auto connection = detail::make_connection(std::move(options), std::move(transport), detail::system_clock());
  // Only once the options are known to be good: a bad call leaves an existing cassette alone.
  writer->open(cassette_path, record.append);
  return connection;
}

std::shared_ptr<ThreadsConnection> make_replaying_connection(std::string cassette_path, ReplayOptions replay) {
  auto exchanges = detail::read_cassette(cassette_path);
  ClientOptions options = replay.client;
  // Nothing is sent: a key is needed only to redact requests as the recording did.
  std::vector<std::string> secrets;
  if (detail::trim(options.api_key.reveal()).empty()) {
    options.api_key = "replay-without-a-key";
  } else {
    secrets = secrets_of(options, {});
  }
  const std::string base_url = detail::normalize_base_url(options.base_url);
  auto transport = std::make_shared<detail::ReplayingTransport>(std::move(exchanges), cassette_path, base_url,
                                                                std::move(replay), detail::Redactor(std::move(secrets)));
  return detail::make_connection(std::move(options), std::move(transport), std::make_shared<detail::InstantClock>());
}

}  // namespace paradigm::testing
