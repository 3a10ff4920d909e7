#pragma once

// The blocking libcurl transport: each exchange leases an easy handle (with
// its own connection cache) from the pool, and drives it on the calling
// thread until it ends, is cancelled, or stalls. The pool holds at most
// `max_connections` handles: callers beyond that wait for one.

#include "http/curl_exchange.hpp"
#include "http/curl_pool.hpp"
#include "transport/transport.hpp"

namespace paradigm::detail {

class CurlTransport final : public Transport {
 public:
  explicit CurlTransport(CurlSettings settings);
  Outcome perform(const Exchange& exchange, BodySink& sink) override;

  const CurlSettings& settings() const noexcept { return settings_; }
  /// The DNS cache and TLS sessions, shared with the event loop's handles.
  CurlPool& pool() noexcept { return pool_; }

 private:
  CurlSettings settings_;
  CurlPool pool_;
};

}  // namespace paradigm::detail
