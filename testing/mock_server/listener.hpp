#pragma once

// One listening cpp-httplib server. The emulator makes a new one each time it
// starts listening (at first, and after every restart), on the same port, with
// the same routes over the same store: a cpp-httplib server does not listen
// twice.

#include <paradigm/testing/mock_server.hpp>

#include <httplib.h>
#include <sys/socket.h>

#include <atomic>
#include <cstddef>
#include <memory>
#include <thread>

namespace paradigm::mock {

/// The address a listener is bound to.
struct BoundAddress {
  int port = 0;
  sockaddr_storage address{};
  socklen_t length = 0;
};

class Listener {
 public:
  /// Makes the server, not listening yet. `workers_started` counts the
  /// threads its connections get. Throws when the TLS files cannot be loaded.
  Listener(const ServerOptions& options, std::shared_ptr<std::atomic<std::size_t>> workers_started);
  /// drop()
  ~Listener();
  Listener(const Listener&) = delete;
  Listener& operator=(const Listener&) = delete;

  /// The server, to add routes to before start().
  httplib::Server& server() { return *server_; }

  /// Binds `port` (0: a free one) and listens with the backlog asked for:
  /// connections queue up. Throws std::runtime_error when it cannot listen.
  BoundAddress bind(int port);
  /// Accepts connections on a thread of its own; returns once it does.
  void run();

  /// Closes the listening socket: new connections are refused, open ones end
  /// after their current request. Idempotent; safe on a handler's thread.
  void close();

  /// close(), then closes every connection it accepted: a handler still
  /// working can no longer answer. Safe on a handler's thread.
  void close_connections();
  /// Waits for its threads: handlers must have been told to stop waiting
  /// (Context::begin_drain or request_stop). Not on a handler's thread.
  void join();
  /// close_connections(), then join().
  void drop();

 private:
  void set_backlog(int backlog);

  std::string host_;
  int listen_backlog_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  std::atomic<bool> thread_done_{false};
  std::atomic<bool> closed_{false};
  socket_t listen_socket_ = INVALID_SOCKET;
  bool ran_ = false;    // run() was called: the socket is cpp-httplib's to close
  bool bound_ = false;  // listen_socket_ is the bound one (a failed bind closes its socket)
  int port_ = 0;
};

/// Holds the emulator's port while nothing listens on it (a refusal window,
/// a restart): a socket bound to the listener's address but not listening,
/// so that connections are refused and no other socket (a client's ephemeral
/// port, another server) takes the port before the emulator listens again.
/// It shares the port with the listeners through SO_REUSEPORT.
class PortReservation {
 public:
  /// Throws std::runtime_error when the address cannot be bound.
  explicit PortReservation(const BoundAddress& bound);
  ~PortReservation();
  PortReservation(const PortReservation&) = delete;
  PortReservation& operator=(const PortReservation&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace paradigm::mock
