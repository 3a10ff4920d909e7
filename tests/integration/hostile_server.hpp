#pragma once

// A loopback HTTP server that answers the way a hostile one would: a head and
// a body written byte for byte (a gzip bomb, a line that never ends, a
// Content-Length that lies), with raw sockets so that nothing between it and
// the client tidies the answer up. One connection at a time, each closed
// after its answer; a body that repeats forever ends when the client hangs up.

#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace paradigm::testing::hostile {

/// What the client asked for.
struct Request {
  std::string method;
  /// The path with its query.
  std::string target;
  /// The whole head, request line and headers.
  std::string head;
};

/// What the server sends back.
struct Answer {
  /// The status line and the headers, each line ending with "\r\n", and the
  /// blank line that ends them (head_of adds it; leave it out for a head that never ends).
  std::string head;
  /// Sent first.
  std::string body;
  /// Then sent again and again until the client hangs up (nothing when empty).
  std::string repeat;
};

/// `HTTP/1.1 <status>` with `headers` ("Name: value" lines) and Connection: close.
inline std::string head_of(int status, const std::vector<std::string>& headers) {
  std::string head = "HTTP/1.1 " + std::to_string(status) + " Hostile\r\n";
  for (const auto& line : headers)
    head += line + "\r\n";
  return head + "Connection: close\r\n\r\n";
}

enum class Encoding { gzip, deflate };

inline const char* name_of(Encoding encoding) {
  return encoding == Encoding::gzip ? "gzip" : "deflate";
}

/// A compression bomb that never ends: `start` holds the stream's header and
/// `prefix` followed by one unit, and every `unit` after it inflates to
/// `unit_size` more bytes of `fill`. Each unit ends with a full flush, which
/// resets the compressor: every later unit compresses to the same bytes.
struct Bomb {
  std::string start;
  std::string unit;
  std::size_t unit_size = 0;
};

inline Bomb make_bomb(Encoding encoding, std::string_view prefix, char fill,
                      std::size_t unit_size = std::size_t{1} << 20) {
  z_stream stream{};
  // 31: a gzip wrapper; 15: zlib's, which is what HTTP calls deflate.
  if (deflateInit2(&stream, 9, Z_DEFLATED, encoding == Encoding::gzip ? 31 : 15, 9, Z_DEFAULT_STRATEGY) !=
      Z_OK)
    throw std::runtime_error("deflateInit2 failed");
  const std::string zeros(unit_size, fill);
  std::vector<unsigned char> out(unit_size + 1024);
  const auto compress = [&](std::string_view input) {
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data()));
    stream.avail_in = static_cast<uInt>(input.size());
    stream.next_out = out.data();
    stream.avail_out = static_cast<uInt>(out.size());
    if (deflate(&stream, Z_FULL_FLUSH) != Z_OK || stream.avail_in != 0)
      throw std::runtime_error("deflate failed");
    return std::string(reinterpret_cast<char*>(out.data()), out.size() - stream.avail_out);
  };
  Bomb bomb;
  bomb.start = compress(std::string(prefix) + zeros);
  bomb.unit = compress(zeros);
  const std::string again = compress(zeros);
  deflateEnd(&stream);
  if (again != bomb.unit) throw std::runtime_error("the bomb's units differ");
  bomb.unit_size = unit_size;
  return bomb;
}

/// A 200 (or `status`) whose body is an endless bomb of `fill` after `prefix`.
inline Answer bomb_answer(int status, const std::string& content_type, Encoding encoding,
                          std::string_view prefix = {}, char fill = '0') {
  const Bomb bomb = make_bomb(encoding, prefix, fill);
  Answer answer;
  answer.head = head_of(
      status, {"Content-Type: " + content_type, std::string("Content-Encoding: ") + name_of(encoding)});
  answer.body = bomb.start;
  answer.repeat = bomb.unit;
  return answer;
}

class Server {
 public:
  /// The answer to a request (kept by the script: a large one is not copied per request).
  using Script = std::function<const Answer&(const Request&)>;

  explicit Server(Script script) : script_(std::move(script)) {
    listener_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof(address);
    if (listener_ < 0 || ::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 ||
        ::listen(listener_, 16) != 0 ||
        ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
      throw std::runtime_error("the hostile server cannot listen on loopback");
    }
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { serve(); });
  }
  ~Server() {
    stopping_ = true;
    ::shutdown(listener_, SHUT_RDWR);  // wakes accept()
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (connection_ >= 0) ::shutdown(connection_, SHUT_RDWR);  // wakes a blocked send()
    }
    thread_.join();
    ::close(listener_);
  }
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  std::string base_url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  /// Requests answered so far.
  std::size_t requests() const { return requests_; }
  /// The heads of the requests received so far, as sent.
  std::vector<std::string> heads() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return heads_;
  }
  /// Bytes of answer written so far (all connections).
  std::uint64_t bytes_sent() const { return bytes_sent_; }

 private:
  void serve() {
    while (!stopping_) {
      const int fd = ::accept(listener_, nullptr, nullptr);
      if (fd < 0) {
        if (stopping_) return;
        continue;
      }
      {
        std::lock_guard<std::mutex> lock(mutex_);
        connection_ = fd;
      }
      answer(fd);
      {
        std::lock_guard<std::mutex> lock(mutex_);
        connection_ = -1;
      }
      ::close(fd);
    }
  }

  void answer(int fd) {
    Request request;
    if (!read_request(fd, request)) return;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      heads_.push_back(request.head);
    }
    ++requests_;
    const Answer& answer = script_(request);
    if (!send_all(fd, answer.head) || !send_all(fd, answer.body)) return;
    while (!answer.repeat.empty() && !stopping_) {
      if (!send_all(fd, answer.repeat)) return;
    }
    // Let the client read the whole answer before the connection goes away.
    ::shutdown(fd, SHUT_WR);
    char sink[4096];
    pollfd ready{fd, POLLIN, 0};
    while (!stopping_ && ::poll(&ready, 1, 10000) > 0 && ::recv(fd, sink, sizeof sink, 0) > 0) {
    }
  }

  // The head, then as many body bytes as its Content-Length says (so that
  // closing never resets a connection with unread bytes).
  static bool read_request(int fd, Request& request) {
    std::string bytes;
    char buffer[4096];
    std::size_t head_end = std::string::npos;
    while ((head_end = bytes.find("\r\n\r\n")) == std::string::npos) {
      const ssize_t got = ::recv(fd, buffer, sizeof buffer, 0);
      if (got <= 0) return false;
      bytes.append(buffer, static_cast<std::size_t>(got));
    }
    request.head = bytes.substr(0, head_end);
    const auto first_space = request.head.find(' ');
    const auto second_space = request.head.find(' ', first_space + 1);
    request.method = request.head.substr(0, first_space);
    request.target = request.head.substr(first_space + 1, second_space - first_space - 1);
    std::size_t body_length = 0;
    std::string lower = request.head;
    for (auto& c : lower)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (const auto at = lower.find("\r\ncontent-length:"); at != std::string::npos)
      body_length = std::stoul(lower.substr(at + 17));
    std::size_t have = bytes.size() - head_end - 4;
    while (have < body_length) {
      const ssize_t got = ::recv(fd, buffer, sizeof buffer, 0);
      if (got <= 0) return false;
      have += static_cast<std::size_t>(got);
    }
    return true;
  }

  bool send_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
      const ssize_t sent = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
      if (sent <= 0) return false;
      bytes_sent_ += static_cast<std::uint64_t>(sent);
      bytes.remove_prefix(static_cast<std::size_t>(sent));
    }
    return true;
  }

  Script script_;
  int listener_ = -1;
  int port_ = 0;
  std::thread thread_;
  std::atomic<bool> stopping_{false};
  std::atomic<std::size_t> requests_{0};
  std::atomic<std::uint64_t> bytes_sent_{0};
  mutable std::mutex mutex_;
  int connection_ = -1;
  std::vector<std::string> heads_;
};

}  // namespace paradigm::testing::hostile
