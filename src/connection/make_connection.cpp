// make_threads_connection: the default connection over libcurl.

#include <paradigm/connection.hpp>
#include <paradigm/version.hpp>

#include "connection/default_connection.hpp"
#include "connection/make_connection.hpp"
#include "core/text.hpp"
#include "http/curl_global.hpp"
#include "http/curl_multi_transport.hpp"
#include "http/curl_transport.hpp"
#include "transport/inline_async_transport.hpp"

namespace paradigm {

namespace detail {

namespace {

CurlSettings curl_settings(const ClientOptions& options) {
  CurlSettings settings;
  settings.user_agent = std::string("paradigm-cpp/") + PARADIGM_VERSION_STRING + " " + curl_version_tag();
  if (!options.user_agent_suffix.empty()) settings.user_agent += " " + options.user_agent_suffix;
  settings.proxy = options.proxy;
  settings.tls = TlsSettings{options.verify_tls, options.ca_bundle, options.ca_path};
  settings.secret = std::string(trim(options.api_key.reveal()));
  settings.max_idle_connections = options.max_idle_connections;
  settings.max_connections = options.max_connections;
  const bool verbose = options.curl_verbose && options.logger && options.log_level <= LogLevel::debug &&
                       options.log_level != LogLevel::off;
  if (verbose) {
    settings.verbose = [logger = options.logger](std::string_view line) {
      LogRecord record;
      record.level = LogLevel::debug;
      record.message = std::string(line);  // already without credentials
      try {
        logger(record);
      } catch (...) {
        // A failing logger must not fail the call it reports on.
      }
    };
  }
  return settings;
}

}  // namespace

std::shared_ptr<ThreadsConnection> make_connection(
    ClientOptions options, std::shared_ptr<Transport> transport, std::shared_ptr<Clock> clock,
    std::function<std::unique_ptr<AsyncTransport>()> make_async) {
  if (!make_async) {
    make_async = [transport] { return std::make_unique<InlineAsyncTransport>(transport); };
  }
  auto context =
      std::make_shared<const ConnectionContext>(std::move(options), std::move(transport), std::move(clock));
  return std::make_shared<DefaultConnection>(std::move(context), std::move(make_async));
}

std::shared_ptr<CurlTransport> make_curl_transport(const ClientOptions& options) {
  return std::make_shared<CurlTransport>(curl_settings(options));
}

std::unique_ptr<AsyncTransport> make_curl_async_transport(std::shared_ptr<CurlTransport> blocking) {
  return std::make_unique<CurlMultiTransport>(std::move(blocking));
}

std::shared_ptr<ThreadsConnection> make_curl_connection(ClientOptions options, std::shared_ptr<Clock> clock) {
  auto curl = make_curl_transport(options);
  auto make_async = [curl] { return make_curl_async_transport(curl); };
  return make_connection(std::move(options), curl, std::move(clock), std::move(make_async));
}

}  // namespace detail

std::shared_ptr<ThreadsConnection> make_threads_connection(ClientOptions options) {
  return detail::make_curl_connection(std::move(options), detail::system_clock());
}

}  // namespace paradigm
