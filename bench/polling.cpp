// Polling cost (issue #7, item 8): background turns that finish after known
// durations on an in-process mock, waited for with the default WaitPolicy.
// Reports the GETs wait_for_turn made and how late it saw the completion.
// All turns are waited for at once (the durations overlap), so the longest
// sets the run time.
//
//   bench_polling [--durations-ms 2000,10000,60000] [--repeats 3]
#include "bench_common.hpp"

#include <paradigm/testing/mock_server.hpp>

#include <sstream>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
  const bench::Args args(argc, argv);
  return bench::guarded_main([&] {
    std::vector<long long> durations;
    std::stringstream list(args.get("durations-ms", "2000,10000,60000"));
    for (std::string item; std::getline(list, item, ',');)
      durations.push_back(std::stoll(item));
    const int repeats = static_cast<int>(args.number("repeats", 3));

    paradigm::mock::MockServer server;
    paradigm::ClientOptions options;  // default WaitPolicy
    options.base_url = server.base_url();
    options.api_key = "test-key";
    paradigm::ThreadsClient client(options);

    struct Wait {
      long long duration_ms = 0;
      paradigm::Turn created;
      std::int64_t due_ns = 0;
      double late_ms = 0;
      std::size_t gets = 0;
      std::string status;
    };
    std::vector<Wait> waits;
    for (int r = 0; r < repeats; ++r) {
      for (const long long duration : durations) {
        // Turns keep the duration configured when they were created.
        auto config = server.config();
        config.turn_duration = std::chrono::milliseconds(duration);
        server.configure(config);
        paradigm::TurnRequest request;
        request.query = "Summarise the quarterly reports.";
        request.background = true;
        const std::int64_t before = bench::steady_ns();
        Wait wait;
        wait.duration_ms = duration;
        wait.created = client.create_thread_with_turn(request);
        wait.due_ns = before + duration * 1000000;
        waits.push_back(std::move(wait));
      }
    }
    std::vector<std::thread> threads;
    for (auto& wait : waits) {
      threads.emplace_back([&client, &wait] {
        const paradigm::Turn turn = client.wait_for_turn(wait.created.thread, wait.created.id);
        wait.late_ms = static_cast<double>(bench::steady_ns() - wait.due_ns) / 1e6;
        wait.status = turn.status.text();
      });
    }
    for (auto& thread : threads)
      thread.join();
    nlohmann::json results = nlohmann::json::array();
    for (auto& wait : waits) {
      wait.gets =
          server.requests("GET", "/api/v3/threads/" + wait.created.thread + "/turns/" + wait.created.id)
              .size();
      results.push_back({{"duration_ms", wait.duration_ms},
                         {"gets", wait.gets},
                         {"late_ms", wait.late_ms},
                         {"status", wait.status}});
    }
    bench::emit({{"waits", results}});
  });
}
