#pragma once

// The default connection over any transport and clock: libcurl and the real
// clock in make_threads_connection, a scripted transport and a fake clock in
// the tests.

#include <paradigm/connection.hpp>

#include "retry/clock.hpp"
#include "transport/async_transport.hpp"
#include "transport/transport.hpp"

#include <functional>
#include <memory>

namespace paradigm::detail {

/// Throws InvalidRequestError for an empty api_key or a malformed base_url.
/// Asynchronous calls go to the transport `make_async` makes (on first use);
/// without one they are performed by `transport` on the event loop's thread.
std::shared_ptr<ThreadsConnection> make_connection(
    ClientOptions options, std::shared_ptr<Transport> transport, std::shared_ptr<Clock> clock,
    std::function<std::unique_ptr<AsyncTransport>()> make_async = nullptr);

/// The libcurl connection of make_threads_connection, on `clock`.
std::shared_ptr<ThreadsConnection> make_curl_connection(ClientOptions options, std::shared_ptr<Clock> clock);

class CurlTransport;

/// The libcurl transports of make_curl_connection, for decorators (the
/// recording connection): the blocking one, and the event loop's over it
/// (sharing its settings, DNS cache and TLS sessions).
std::shared_ptr<CurlTransport> make_curl_transport(const ClientOptions& options);
std::unique_ptr<AsyncTransport> make_curl_async_transport(std::shared_ptr<CurlTransport> blocking);

}  // namespace paradigm::detail
