#pragma once

// An Asio io_context running on a thread of its own for as long as the test:
// the application's loop of the tests that run the SDK on Asio
// (paradigm::asio_loop) while the test's thread waits on futures.

#include <paradigm/asio.hpp>

#include <thread>

namespace paradigm::testing {

class AsioThread {
 public:
  AsioThread() : work_(::asio::make_work_guard(io_)), thread_([this] { io_.run(); }) {}
  ~AsioThread() {
    work_.reset();
    io_.stop();
    thread_.join();
  }
  AsioThread(const AsioThread&) = delete;
  AsioThread& operator=(const AsioThread&) = delete;

  /// ClientOptions::external_loop on this io_context.
  ExternalLoop loop() { return asio_loop(io_.get_executor()); }
  ::asio::io_context& context() noexcept { return io_; }
  std::thread::id id() const noexcept { return thread_.get_id(); }

 private:
  ::asio::io_context io_;
  ::asio::executor_work_guard<::asio::io_context::executor_type> work_;
  std::thread thread_;
};

}  // namespace paradigm::testing
