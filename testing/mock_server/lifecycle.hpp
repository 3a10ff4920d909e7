#pragma once

// When the emulator listens. It can go down for a while (its connections
// dropped, new ones refused) and come back up on the same port with the same
// store, as an instance or a load balancer restarting does. A thread of its
// own, started by the first such request, makes the transitions and times
// the windows in real time, so that an admin route can ask for one and still
// answer.

#include "context.hpp"
#include "listener.hpp"

#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

namespace paradigm::mock {

class Lifecycle {
 public:
  /// Makes a listener with its routes, listening on `port` (0: a free one);
  /// the lifecycle runs it (Listener::run) once it is known.
  using Start = std::function<std::unique_ptr<Listener>(int port, BoundAddress& bound)>;

  Lifecycle(Context& context, Start start);
  /// stop()
  ~Lifecycle();
  Lifecycle(const Lifecycle&) = delete;
  Lifecycle& operator=(const Lifecycle&) = delete;

  /// Starts the first listener and holds its port. Returns the port. Throws
  /// when it cannot listen.
  int listen(int port);

  /// Drops the listener and every connection; listens again after `down`.
  /// Returns once the listener is dropped. Not on a handler's thread.
  void go_down_for(std::chrono::milliseconds down);
  /// The same, asked from a handler of the listener (its answer sent):
  /// returns at once, the transition runs on the lifecycle's thread.
  void go_down_later(std::chrono::milliseconds down);

  bool listening() const;
  /// Waits until it listens (true) or `bound` passes (false).
  bool wait_until_listening(std::chrono::milliseconds bound) const;

  /// Drops the listener for good, and tells every handler to stop waiting
  /// (Context::request_stop). Idempotent.
  void stop();

 private:
  // Asks for a transition; caller holds mutex_. Returns its ticket.
  unsigned long long request_down(std::chrono::milliseconds down);
  void supervise();

  Context& context_;
  Start start_;
  int port_ = 0;
  std::unique_ptr<PortReservation> reservation_;

  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  std::unique_ptr<Listener> listener_;  // null while down
  std::optional<std::chrono::milliseconds> pending_down_;
  std::optional<std::chrono::steady_clock::time_point> up_at_;
  unsigned long long requests_made_ = 0;
  unsigned long long requests_done_ = 0;
  bool stopping_ = false;
  std::thread supervisor_;
};

}  // namespace paradigm::mock
