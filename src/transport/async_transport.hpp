#pragma once

// The asynchronous side of the transport seam: exchanges started on an event
// loop's thread and finished by its poll(), many at once. libcurl's multi
// interface is one implementation (src/http), a scripted one serves the tests.

#include <paradigm/external_loop.hpp>

#include "transport/transport.hpp"

#include <chrono>
#include <functional>
#include <optional>

namespace paradigm::detail {

class AsyncTransport {
 public:
  virtual ~AsyncTransport() = default;

  /// Starts an exchange. `done` runs later, from poll(), with its outcome;
  /// `exchange` and `sink` must stay valid until then. Loop thread only.
  virtual void start(const Exchange& exchange, BodySink& sink, std::function<void(Outcome)> done) = 0;
  /// Waits at most `timeout` for network activity or wake(), moves the
  /// exchanges on, and runs the `done` of those that ended. Loop thread only.
  virtual void poll(std::chrono::milliseconds timeout) = 0;
  /// Makes a poll() in progress return at once. Any thread.
  virtual void wake() = 0;
  /// Ends every exchange in progress as cancelled, without running its
  /// `done` (the loop is going away). Loop thread only.
  virtual void abandon_all() = 0;
  /// Exchanges started and not finished.
  virtual std::size_t in_flight() const = 0;

  // Driven by an application's loop (ClientOptions::external_loop) instead
  // of poll(): the transport names the sockets to watch, the loop reports
  // them ready, and deadline() says when on_deadline() is due.

  /// Switches to being driven: `watch` is told which sockets to watch for
  /// what (none: no more), and wake() calls `wake` (any thread). Empty
  /// functions detach the loop (nothing is reported any more). False when
  /// the transport cannot be driven so: it is then polled with poll(0).
  /// Before start(), or after abandon_all().
  virtual bool drive(std::function<void(NativeSocket, SocketEvents)> watch, std::function<void()> wake) {
    (void)watch;
    (void)wake;
    return false;
  }
  /// A watched socket is ready: moves the exchanges on and runs the `done`
  /// of those that ended. Driven only.
  virtual void on_socket(NativeSocket socket, SocketEvents ready) {
    (void)socket;
    (void)ready;
  }
  /// Its deadline came, or wake() was called: the same for libcurl's timers,
  /// stalled transfers, cancelled tokens and exchanges waiting for a connection.
  virtual void on_deadline() {}
  /// When on_deadline() is due next at the latest (nullopt: no deadline).
  virtual std::optional<std::chrono::steady_clock::time_point> deadline() const { return std::nullopt; }
};

}  // namespace paradigm::detail
