#pragma once

// Many threads calling one client at once.

#include <paradigm/client.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

namespace paradigm::testing {

/// `threads` threads each call get_thread(thread_id) `calls_each` times on
/// the same client; returns how many calls answered that thread.
inline int concurrent_get_thread(ThreadsClient& client, const std::string& thread_id, int threads,
                                 int calls_each) {
  std::atomic<int> answered{0};
  std::vector<std::thread> callers;
  for (int i = 0; i < threads; ++i) {
    callers.emplace_back([&] {
      for (int j = 0; j < calls_each; ++j)
        answered += client.get_thread(thread_id).id == thread_id;
    });
  }
  for (auto& caller : callers)
    caller.join();
  return answered.load();
}

}  // namespace paradigm::testing
