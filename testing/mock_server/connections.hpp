#pragma once

// The connections one listener accepted, each held by a descriptor of the
// emulator's own. cpp-httplib neither hands its sockets to handlers nor says
// when it closes them. A handler's thread finds the socket it serves among
// the process's descriptors (it alone may close that one: it is serving it)
// and duplicates it. Shutting the duplicate down ends the connection from any
// thread. A descriptor number found by scanning from another thread could be
// closed by its worker and reused by another socket (a client's) in between.

#include <mutex>
#include <set>

namespace paradigm::mock {

class Connections {
 public:
  Connections() = default;
  /// Closes what is still held (its workers have all stopped).
  ~Connections();
  Connections(const Connections&) = delete;
  Connections& operator=(const Connections&) = delete;

  /// On a handler's thread: holds the connection it serves (accepted on
  /// `server_port`, from `peer_port`); once per connection.
  void adopt(int server_port, int peer_port);
  /// Ends every connection still open: no byte more either way.
  void shutdown_all();

  /// On a handler's thread: ends the connection it serves before any
  /// response byte. False when it is not held.
  static bool shutdown_current();
  /// On a worker's thread, once its connection is over: lets it go.
  static void release_current();

 private:
  std::mutex mutex_;
  std::set<int> held_;
};

}  // namespace paradigm::mock
