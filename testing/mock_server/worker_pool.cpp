#include "worker_pool.hpp"

#include <algorithm>

namespace paradigm::mock {

WorkerPool::WorkerPool(std::size_t max_threads, std::shared_ptr<std::atomic<std::size_t>> started)
    : max_threads_(std::max<std::size_t>(1, max_threads)), started_(std::move(started)) {}

WorkerPool::~WorkerPool() {
  shutdown();
}

void WorkerPool::enqueue(std::function<void()> job) {
  std::lock_guard<std::mutex> lock(mutex_);
  jobs_.push_back(std::move(job));
  // Every queued job needs a thread of its own: its connection may hold it.
  if (idle_ < jobs_.size() && threads_.size() < max_threads_) {
    threads_.emplace_back([this] { work(); });
    started_->fetch_add(1);
  }
  ready_.notify_one();
}

void WorkerPool::shutdown() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  ready_.notify_all();
  // No job is enqueued once cpp-httplib shuts the pool down: threads_ is stable.
  for (auto& thread : threads_)
    thread.join();
}

void WorkerPool::work() {
  for (;;) {
    std::function<void()> job;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      ++idle_;
      ready_.wait(lock, [&] { return !jobs_.empty() || stopping_; });
      --idle_;
      if (jobs_.empty()) return;  // stopping, nothing left to run
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    job();
  }
}

}  // namespace paradigm::mock
