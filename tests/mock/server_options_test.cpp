// How the emulator listens and serves: its threads and its listen backlog.
#include <paradigm/testing/mock_server.hpp>

#include "raw_connection.hpp"
#include "support/listen_backlog.hpp"

#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

namespace paradigm::mock {
namespace {

using test_support::RawConnection;

constexpr const char* kOk = "HTTP/1.1 200 OK";

TEST(MockServerOptions, ServesHundredsOfOpenConnectionsAtOnce) {
  MockServer server;
  std::vector<std::unique_ptr<RawConnection>> connections;
  for (int i = 0; i < 300; ++i) {
    connections.push_back(std::make_unique<RawConnection>(server.port()));
    ASSERT_TRUE(connections.back()->send_request()) << "connection " << i;
  }
  // Every connection is answered while all of them stay open: each holds a thread.
  for (std::size_t i = 0; i < connections.size(); ++i)
    ASSERT_EQ(connections[i]->read_answer(), kOk) << "connection " << i;
  EXPECT_GE(server.worker_threads(), 300u);
}

TEST(MockServerOptions, StartsThreadsOnlyAsConnectionsNeedThem) {
  MockServer server;
  EXPECT_EQ(server.worker_threads(), 0u);
  RawConnection connection(server.port());
  EXPECT_EQ(connection.ask(), kOk);
  EXPECT_EQ(connection.ask(), kOk);  // the same connection, the same thread
  EXPECT_EQ(server.worker_threads(), 1u);
}

TEST(MockServerOptions, NeverRunsMoreThreadsThanAsked) {
  ServerOptions options;
  options.threads = 2;
  MockServer server({}, options);
  auto first = std::make_unique<RawConnection>(server.port());
  RawConnection second(server.port());
  EXPECT_EQ(first->ask(), kOk);
  EXPECT_EQ(second.ask(), kOk);
  // A third connection waits for a thread: closing the first frees one.
  RawConnection third(server.port());
  ASSERT_TRUE(third.send_request());
  first.reset();
  EXPECT_EQ(third.read_answer(), kOk);
  EXPECT_EQ(server.worker_threads(), 2u);
}

TEST(MockServerOptions, ListensWithTheBacklogAsked) {
  ServerOptions options;
  options.listen_backlog = 77;
  MockServer custom({}, options);
  MockServer defaults;
  const auto custom_backlog = testing::listen_backlog(custom.port());
  if (!custom_backlog) GTEST_SKIP() << "the kernel does not report socket backlogs here (sock_diag)";
  EXPECT_EQ(*custom_backlog, 77u);
  EXPECT_EQ(testing::listen_backlog(defaults.port()), std::min(1024u, testing::max_listen_backlog()));
}

TEST(MockServerOptions, StopsPromptlyWithIdleKeepAliveConnectionsOpen) {
  MockServer server;
  RawConnection idle(server.port());
  ASSERT_EQ(idle.ask(), kOk);
  // Its thread waits for the next request, up to the 5 s keep-alive timeout,
  // unless stop() closes the connection.
  const auto start = std::chrono::steady_clock::now();
  server.stop();
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(4));
  EXPECT_EQ(idle.read_answer(), "");  // closed
}

TEST(MockServerOptions, ThrowsWhenItsPortIsTaken) {
  // A socket that does not share its port (no SO_REUSEPORT) holds it.
  const int taken = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ASSERT_EQ(::bind(taken, reinterpret_cast<sockaddr*>(&address), sizeof(address)), 0);
  ASSERT_EQ(::listen(taken, 1), 0);
  socklen_t length = sizeof(address);
  ::getsockname(taken, reinterpret_cast<sockaddr*>(&address), &length);
  ServerOptions options;
  options.port = ntohs(address.sin_port);
  EXPECT_THROW(MockServer({}, options), std::runtime_error);
  ::close(taken);
}

TEST(MockServerOptions, RefusesABacklogBelowOne) {
  ServerOptions options;
  options.listen_backlog = 0;
  EXPECT_THROW(MockServer({}, options), std::invalid_argument);
}

}  // namespace
}  // namespace paradigm::mock
