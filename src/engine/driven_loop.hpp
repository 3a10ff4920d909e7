#pragma once

// A connection's event loop turned by the application's own loop
// (ClientOptions::external_loop): no thread of the SDK's. The application's
// loop watches the sockets the transport names and one timer, and calls in
// (LoopDriver) when something is ready; each call moves the exchanges on,
// then runs what is due (posted tasks, timers, the transport's deadlines)
// and sets the next timer. Calls are serialized by a mutex, so a loop run by
// several threads is safe too; on the loop, on_loop_thread() is true.

#include "engine/event_loop.hpp"

#include <atomic>
#include <map>
#include <vector>

namespace paradigm::detail {

class DrivenLoop final : public EventLoop, public LoopDriver {
 public:
  /// Makes the loop and its hooks (`external(driver)`); the transport is
  /// driven through its sockets when it can be, else polled after each step.
  /// Throws InvalidRequestError when `external` returns no hooks.
  static std::shared_ptr<EventLoop> make(std::unique_ptr<AsyncTransport> transport,
                                         std::shared_ptr<Clock> clock, const ExternalLoop& external);

  DrivenLoop(std::unique_ptr<AsyncTransport> transport, std::shared_ptr<Clock> clock)
      : EventLoop(std::move(transport), std::move(clock)) {}
  ~DrivenLoop() override;

  /// From another thread, waits for a call in progress to return, then
  /// drops what is pending; from within a call, once it returns.
  void stop() override;
  void post(Task task) override;
  bool on_loop_thread() const noexcept override;
  bool relays_blocking_calls() const noexcept override { return false; }

  // LoopDriver: what the application's loop calls.
  void socket_ready(NativeSocket socket, SocketEvents ready) override;
  void timer_expired() override;

 private:
  using Action = std::function<void()>;

  // Runs `action` then what is due, once no other call is in progress;
  // within a call (re-entered), after the action running.
  void enter(Action action);
  void service();
  bool service_round();
  void set_next_timer();
  void schedule_drain();
  void wake();
  void watch(NativeSocket socket, SocketEvents events);
  void tear_down();

  std::unique_ptr<LoopHooks> hooks_;
  bool driven_ = false;  // the transport reports its sockets (else it is polled)
  std::mutex busy_;      // held by the call in progress
  // Under busy_.
  std::vector<Action> deferred_;
  std::map<NativeSocket, SocketEvents> watched_;
  std::optional<SteadyClock::time_point> timer_due_;
  bool stop_pending_ = false;
  bool torn_down_ = false;
  // Any thread.
  std::atomic<bool> drain_scheduled_{false};
  std::atomic<bool> woken_{false};
};

}  // namespace paradigm::detail
