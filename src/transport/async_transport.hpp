#pragma once

// The asynchronous side of the transport seam: exchanges started on an event
// loop's thread and finished by its poll(), many at once. libcurl's multi
// interface is one implementation (src/http), a scripted one serves the tests.

#include "transport/transport.hpp"

#include <chrono>
#include <functional>

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
};

}  // namespace paradigm::detail
