#pragma once

// One HTTP/1.1 connection to the emulator, written and read by hand: the test
// decides when it opens, what goes on it, and sees exactly what comes back
// (no client library retrying or hiding a closed connection).

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdint>
#include <string>
#include <thread>

namespace paradigm::mock::test_support {

/// A request's bytes: `method path`, the test key, and a JSON body when given.
inline std::string http_request(const std::string& method, const std::string& path,
                                const std::string& body = "", const std::string& extra_headers = "") {
  std::string request = method + " " + path +
                        " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer test-key\r\n" + extra_headers;
  if (!body.empty() || method == "POST")
    request += "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) + "\r\n";
  return request + "\r\n" + body;
}

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
    connect_error_ = connected_ ? 0 : errno;
  }
  ~RawConnection() { ::close(fd_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return connected_; }
  /// The errno of a failed connect (ECONNREFUSED when nothing listens).
  int connect_error() const { return connect_error_; }

  bool send(const std::string& bytes) {
    return connected_ &&
           ::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size());
  }
  bool send_request() { return send("GET /_mock/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"); }

  /// Sends a request and reads its answer: its status line ("" on failure).
  std::string ask() { return send_request() ? read_answer() : ""; }

  /// The status line of the next answer (with a Content-Length), once all of it
  /// has arrived; "" when the connection ends first. The whole answer is in last_answer().
  std::string read_answer() {
    for (;;) {
      const auto head_end = buffer_.find("\r\n\r\n");
      if (head_end != std::string::npos) {
        const auto length_at = buffer_.find("Content-Length: ");
        const std::size_t length = length_at == std::string::npos || length_at > head_end
                                       ? 0
                                       : std::stoul(buffer_.substr(length_at + 16));
        if (buffer_.size() >= head_end + 4 + length) {
          last_answer_ = buffer_.substr(0, head_end + 4 + length);
          buffer_.erase(0, head_end + 4 + length);
          return last_answer_.substr(0, last_answer_.find("\r\n"));
        }
      }
      if (!receive()) return "";
    }
  }
  const std::string& last_answer() const { return last_answer_; }

  /// Every byte until the server closes the connection (or 30 s pass).
  std::string read_until_closed() {
    while (receive()) {
    }
    std::string all;
    all.swap(buffer_);
    return all;
  }

 private:
  bool receive() {
    char chunk[4096];
    const ssize_t size = ::recv(fd_, chunk, sizeof(chunk), 0);
    if (size <= 0) return false;
    buffer_.append(chunk, static_cast<std::size_t>(size));
    return true;
  }

  int fd_;
  bool connected_ = false;
  int connect_error_ = 0;
  std::string buffer_;
  std::string last_answer_;
};

/// Waits until `happened()` (an event) is true, or `bound` passes (false):
/// the bound only ends a failure.
template <class Predicate>
bool eventually(Predicate happened, std::chrono::milliseconds bound = std::chrono::seconds(30)) {
  const auto give_up = std::chrono::steady_clock::now() + bound;
  while (!happened()) {
    if (std::chrono::steady_clock::now() > give_up) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  return true;
}

/// Waits until a connection to `port` is accepted (true) or `bound` passes
/// (false): for a server that refuses connections for a while.
inline bool wait_until_accepted(int port, std::chrono::milliseconds bound = std::chrono::seconds(30)) {
  const auto give_up = std::chrono::steady_clock::now() + bound;
  for (;;) {
    RawConnection probe(port);
    if (probe.connected() && probe.ask() == "HTTP/1.1 200 OK") return true;
    if (std::chrono::steady_clock::now() > give_up) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(5));  // the pace of polling, not a wait for luck
  }
}

}  // namespace paradigm::mock::test_support
