#pragma once

// The real client against the mock server on 127.0.0.1, with a fake clock:
// the network is real, but every retry and poll pause is recorded instead of
// slept, and the mock's turns finish when a test says so.

#include <paradigm/paradigm.hpp>

#include <paradigm/testing/mock_server.hpp>
#include "connection/make_connection.hpp"
#include "support/fake_clock.hpp"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <string>

namespace paradigm::testing {

inline constexpr const char* kApiKey = "test-key";

/// The libcurl client of make_threads_connection, on a test's clock.
inline ThreadsClient test_client(const ClientOptions& options, std::shared_ptr<detail::Clock> clock) {
  return ThreadsClient(detail::make_curl_connection(options, std::move(clock)));
}

/// Turns on the mock never finish by themselves: the test finishes them
/// (complete_turn), so nothing depends on timing.
inline mock::MockConfig manual_turns() {
  mock::MockConfig config;
  config.turn_duration = std::chrono::hours(1);
  config.sync_timeout = std::chrono::milliseconds(0);
  return config;
}

class MockTest : public ::testing::Test {
 protected:
  explicit MockTest(mock::MockConfig config = {}) : server(std::move(config)) {}

  ClientOptions options() const {
    ClientOptions options;
    options.base_url = server.base_url();
    options.api_key = kApiKey;
    options.connect_timeout = std::chrono::seconds(5);
    options.request_timeout = std::chrono::seconds(30);
    options.stall_timeout = std::chrono::seconds(30);
    // The route production takes (https:// servers): blocking calls through
    // the event loop. Tests of the other route say so.
    options.blocking_route = BlockingRoute::event_loop;
    return options;
  }

  ThreadsClient client(const ClientOptions& with) { return test_client(with, clock); }
  ThreadsClient client() { return client(options()); }

  /// Requests the mock received for `method` and exactly `path`.
  std::size_t count(const std::string& method, const std::string& path) const {
    return server.requests(method, path).size();
  }

  mock::MockServer server;
  std::shared_ptr<FakeClock> clock = std::make_shared<FakeClock>();
};

/// A MockTest whose turns wait for complete_turn().
class ManualTurnsTest : public MockTest {
 protected:
  ManualTurnsTest() : MockTest(manual_turns()) {}
};

/// A loopback port nothing listens on: bound by the system, then closed.
inline int closed_port() {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t length = sizeof(address);
  ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address));
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);
  ::close(fd);
  return ntohs(address.sin_port);
}

inline TurnRequest ask(std::string query) {
  TurnRequest request;
  request.query = std::move(query);
  return request;
}

/// Polls every `first`, growing to `most`, until `deadline` (real time: the
/// tests that use it run turns the mock finishes on its own).
inline WaitOptions polls(std::chrono::milliseconds first, std::chrono::milliseconds most,
                         std::chrono::minutes deadline = std::chrono::minutes(5)) {
  WaitOptions wait;
  wait.policy = WaitPolicy{};
  wait.policy->initial_interval = first;
  wait.policy->max_interval = most;
  wait.policy->deadline = deadline;
  return wait;
}

/// Quick polls, so that a test of many short turns is short.
inline WaitOptions quick_polls() {
  return polls(std::chrono::milliseconds(10), std::chrono::milliseconds(50));
}

}  // namespace paradigm::testing
