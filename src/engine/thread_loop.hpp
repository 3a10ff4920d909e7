#pragma once

// The default way to turn a connection's event loop: one thread of the SDK's
// own, started on first use, sleeping in the transport's poll() until a
// socket, a timer or a posted task needs it. Stopped (and joined) by its owner.

#include "engine/event_loop.hpp"

#include <thread>

namespace paradigm::detail {

class ThreadLoop final : public EventLoop {
 public:
  ThreadLoop(std::unique_ptr<AsyncTransport> transport, std::shared_ptr<Clock> clock)
      : EventLoop(std::move(transport), std::move(clock)) {}
  ~ThreadLoop() override;

  /// Joins the thread (or, called from the loop's own thread, leaves it to
  /// end once the task running returns).
  void stop() override;
  /// Starts the thread on first use.
  void post(Task task) override;
  bool on_loop_thread() const noexcept override;
  bool relays_blocking_calls() const noexcept override { return true; }

 private:
  void run();

  mutable std::mutex thread_mutex_;
  std::thread thread_;
  std::thread::id thread_id_;
};

}  // namespace paradigm::detail
