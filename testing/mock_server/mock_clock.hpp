#pragma once

// The emulator's own time: what turn durations, cancel delays and the
// synchronous create's timeout are measured in. It runs with the steady
// clock, `speed` times faster (0: frozen), and jumps forward when a test
// advances it, so that no test has to sleep for a turn to finish. Network
// faults (delays, stalls, drips) and stream pauses stay in real time: they
// are there to exercise the client's own timeouts.

#include <chrono>
#include <mutex>
#include <optional>

namespace paradigm::mock {

class MockClock {
 public:
  using time_point = std::chrono::steady_clock::time_point;
  using duration = std::chrono::steady_clock::duration;

  /// Starts at the steady clock's now. Throws std::invalid_argument for a bad speed.
  explicit MockClock(double speed = 1.0);

  time_point now() const;
  /// Time since the clock started, advances included.
  duration elapsed() const;
  double speed() const;

  /// Moves the clock forward. Throws std::invalid_argument when `by` is negative.
  void advance(duration by);
  /// From now on the clock runs `speed` times faster than real time (0:
  /// frozen). Throws std::invalid_argument for a negative or non-finite speed.
  void set_speed(double speed);

  /// Real time until the clock reads `deadline`, at the current speed (zero
  /// when it is past); nullopt when the clock is frozen.
  std::optional<duration> real_time_until(time_point deadline) const;

 private:
  time_point now_locked(std::chrono::steady_clock::time_point real_now) const;

  mutable std::mutex mutex_;
  time_point start_;
  // The clock read anchor_ when the steady clock read real_anchor_.
  std::chrono::steady_clock::time_point real_anchor_;
  time_point anchor_;
  double speed_;
};

}  // namespace paradigm::mock
