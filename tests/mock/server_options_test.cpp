// How the emulator listens and serves: its threads and its listen backlog.
#include <paradigm/testing/mock_server.hpp>

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

// One keep-alive HTTP/1.1 connection, read by hand so that the test holds it
// open for as long as it likes.
class RawConnection {
 public:
  explicit RawConnection(int port) : fd_(::socket(AF_INET, SOCK_STREAM, 0)) {
    timeval timeout{30, 0};  // bounds a failure only: a correct server answers at once
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = ::connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
  }
  ~RawConnection() { ::close(fd_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool send_request() {
    const std::string request = "GET /_mock/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
    return connected_ && ::send(fd_, request.data(), request.size(), MSG_NOSIGNAL) ==
                              static_cast<ssize_t>(request.size());
  }

  /// Sends a request and reads its answer: its status line ("" on failure).
  std::string ask() { return send_request() ? read_answer() : ""; }

  // The status line of the answer, once the whole answer has arrived ("" on failure).
  std::string read_answer() {
    std::string received;
    char buffer[4096];
    for (;;) {
      const auto head_end = received.find("\r\n\r\n");
      if (head_end != std::string::npos) {
        const auto length_at = received.find("Content-Length: ");
        const std::size_t length = length_at == std::string::npos ? 0 : std::stoul(received.substr(length_at + 16));
        if (received.size() >= head_end + 4 + length) return received.substr(0, received.find("\r\n"));
      }
      const ssize_t size = ::recv(fd_, buffer, sizeof(buffer), 0);
      if (size <= 0) return "";
      received.append(buffer, static_cast<std::size_t>(size));
    }
  }

 private:
  int fd_;
  bool connected_ = false;
};

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

TEST(MockServerOptions, RefusesABacklogBelowOne) {
  ServerOptions options;
  options.listen_backlog = 0;
  EXPECT_THROW(MockServer({}, options), std::invalid_argument);
}

}  // namespace
}  // namespace paradigm::mock
