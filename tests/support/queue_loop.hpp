#pragma once

// A plain single-threaded work queue, the smallest "application loop": an
// Executor (work runs when the queue is run), and an ExternalLoop without
// sockets (the engine's timer; for transports that need no socket, such as
// the scripted one). Run it on the test's thread (run_until) or on a thread
// of its own (start).

#include <paradigm/executor.hpp>
#include <paradigm/external_loop.hpp>

#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

namespace paradigm::testing {

class QueueLoop {
 public:
  using Clock = std::chrono::steady_clock;

  QueueLoop() = default;
  ~QueueLoop() { stop(); }
  QueueLoop(const QueueLoop&) = delete;
  QueueLoop& operator=(const QueueLoop&) = delete;

  /// Hands work to the queue (never runs it at once).
  Executor executor() const {
    return [impl = impl_](Work work) { impl->push(std::move(work)); };
  }

  /// ClientOptions::external_loop on this queue.
  ExternalLoop external_loop() const {
    return [impl = impl_](std::weak_ptr<LoopDriver> driver) -> std::unique_ptr<LoopHooks> {
      return std::make_unique<Hooks>(impl, std::move(driver));
    };
  }

  /// Runs work and due timers on this thread until `done()` (true) or `limit` (false).
  template <class Done>
  bool run_until(Done done, std::chrono::seconds limit = std::chrono::seconds(30)) {
    const auto give_up = Clock::now() + limit;
    while (!done()) {
      if (Clock::now() > give_up) return false;
      impl_->run_one(std::min(give_up, Clock::now() + std::chrono::milliseconds(20)));
    }
    return true;
  }
  /// Runs what is ready now; how many pieces of work ran.
  std::size_t run_ready() {
    std::size_t ran = 0;
    while (impl_->run_one(Clock::now()))
      ++ran;
    return ran;
  }

  /// Runs the queue on a thread of its own until stop().
  void start() {
    runner_ = std::thread([impl = impl_] {
      while (!impl->stopping())
        impl->run_one(Clock::now() + std::chrono::milliseconds(50));
    });
  }
  void stop() {
    if (!runner_.joinable()) return;
    impl_->stop();
    runner_.join();
  }
  std::thread::id runner() const { return runner_.get_id(); }

  /// Work posted so far; timers set (not cancelled) now; sockets watched ever.
  std::size_t posted() const { return impl_->posted.load(); }
  std::size_t timers_set() const { return impl_->timers_set(); }

 private:
  struct Timer {
    std::optional<Clock::time_point> due;
    std::weak_ptr<LoopDriver> driver;
  };

  struct Impl {
    void push(Work work) {
      {
        std::lock_guard<std::mutex> lock(mutex);
        work_.push_back(std::move(work));
      }
      ++posted;
      changed.notify_all();
    }
    // Runs one piece of work or one due timer, waiting until `until` at most.
    bool run_one(Clock::time_point until) {
      std::unique_lock<std::mutex> lock(mutex);
      for (;;) {
        if (!work_.empty()) {
          Work work = std::move(work_.front());
          work_.pop_front();
          lock.unlock();
          work();
          return true;
        }
        if (auto timer = due_timer()) {
          auto driver = timer->driver.lock();
          lock.unlock();
          if (driver) driver->timer_expired();
          return true;
        }
        if (stopping_ || Clock::now() >= until) return false;
        changed.wait_until(lock, std::min(until, next_due()));
      }
    }
    std::shared_ptr<Timer> due_timer() {
      for (const auto& weak : timers) {
        auto timer = weak.lock();
        if (timer && timer->due && *timer->due <= Clock::now()) {
          timer->due.reset();
          return timer;
        }
      }
      return nullptr;
    }
    Clock::time_point next_due() const {
      Clock::time_point first = Clock::time_point::max();
      for (const auto& weak : timers) {
        if (auto timer = weak.lock(); timer && timer->due) first = std::min(first, *timer->due);
      }
      return first;
    }
    std::size_t timers_set() const {
      std::lock_guard<std::mutex> lock(mutex);
      return static_cast<std::size_t>(std::count_if(timers.begin(), timers.end(), [](const auto& weak) {
        auto timer = weak.lock();
        return timer && timer->due;
      }));
    }
    void stop() {
      {
        std::lock_guard<std::mutex> lock(mutex);
        stopping_ = true;
      }
      changed.notify_all();
    }
    bool stopping() const {
      std::lock_guard<std::mutex> lock(mutex);
      return stopping_;
    }

    mutable std::mutex mutex;
    std::condition_variable changed;
    std::deque<Work> work_;
    std::vector<std::weak_ptr<Timer>> timers;
    bool stopping_ = false;
    std::atomic<std::size_t> posted{0};
  };

  class Hooks final : public LoopHooks {
   public:
    Hooks(std::shared_ptr<Impl> impl, std::weak_ptr<LoopDriver> driver)
        : impl_(std::move(impl)), timer_(std::make_shared<Timer>()) {
      timer_->driver = std::move(driver);
      std::lock_guard<std::mutex> lock(impl_->mutex);
      impl_->timers.push_back(timer_);
    }
    void watch(NativeSocket, SocketEvents events) override {
      if (events != SocketEvents::none) ADD_FAILURE() << "QueueLoop watches no socket";
    }
    void set_timer(std::optional<std::chrono::milliseconds> delay) override {
      {
        std::lock_guard<std::mutex> lock(impl_->mutex);
        timer_->due = delay ? std::optional<Clock::time_point>(Clock::now() + *delay) : std::nullopt;
      }
      impl_->changed.notify_all();
    }
    void post(Work work) override { impl_->push(std::move(work)); }

   private:
    std::shared_ptr<Impl> impl_;
    std::shared_ptr<Timer> timer_;
  };

  std::shared_ptr<Impl> impl_ = std::make_shared<Impl>();
  std::thread runner_;
};

}  // namespace paradigm::testing
