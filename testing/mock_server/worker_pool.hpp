#pragma once

// The threads that serve the emulator's connections. cpp-httplib gives each
// accepted connection a task that holds its thread for as long as the
// connection stays open (keep-alive), so a fixed pool of N threads serves at
// most N clients at once and makes the next one wait for a keep-alive
// timeout. This pool starts threads as connections need them, up to a
// maximum: a server made for one test costs a thread or two, one under load
// carries hundreds of connections.

#include <httplib.h>

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace paradigm::mock {

class WorkerPool final : public httplib::TaskQueue {
 public:
  /// `started` counts the threads this pool starts (shared, so that the
  /// server can report it after cpp-httplib has deleted the pool).
  WorkerPool(std::size_t max_threads, std::shared_ptr<std::atomic<std::size_t>> started);
  ~WorkerPool() override;
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  /// Runs `job` on an idle thread, on a new one while fewer than the maximum
  /// run, or else once a thread is free.
  void enqueue(std::function<void()> job) override;
  /// Runs the jobs still queued, then joins every thread.
  void shutdown() override;

 private:
  void work();

  const std::size_t max_threads_;
  std::shared_ptr<std::atomic<std::size_t>> started_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<std::function<void()>> jobs_;
  std::vector<std::thread> threads_;
  std::size_t idle_ = 0;
  bool stopping_ = false;
};

}  // namespace paradigm::mock
