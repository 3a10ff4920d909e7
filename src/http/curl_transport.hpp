#pragma once

// The libcurl implementation of Transport: each exchange leases an easy
// handle (with its own connection cache) from the pool, and drives it on the
// calling thread until it ends, is cancelled, or stalls.

#include "http/curl_pool.hpp"
#include "transport/transport.hpp"

#include <functional>
#include <string>
#include <string_view>

namespace paradigm::detail {

struct TlsSettings {
  bool verify = true;
  std::string ca_bundle;
  std::string ca_path;
};

/// Receives libcurl's verbose text (already stripped of credentials).
using VerboseSink = std::function<void(std::string_view line)>;

/// What is the same for every exchange of one connection.
struct CurlSettings {
  std::string user_agent;
  std::string proxy;
  TlsSettings tls;
  /// Redirects followed (Authorization is never sent to another host).
  long max_redirects = 5;
  /// When set, libcurl's verbose output goes here with credentials redacted.
  VerboseSink verbose;
  /// The secret to scrub from verbose output and error messages.
  std::string secret;
  /// Idle handles (and their connections) kept for reuse.
  std::size_t max_idle_connections = 16;
};

class CurlTransport final : public Transport {
 public:
  explicit CurlTransport(CurlSettings settings);
  Outcome perform(const Exchange& exchange, BodySink& sink) override;

  /// Idle handles in the pool right now (for tests).
  std::size_t idle_connections() const { return pool_.idle_count(); }

 private:
  CurlSettings settings_;
  CurlPool pool_;
};

}  // namespace paradigm::detail
