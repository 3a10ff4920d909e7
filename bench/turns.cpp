// Many background turns in flight (issue 13): a TurnSet on the event loop,
// a TurnSet on an Asio io_context run by the main thread (issue 24: the SDK
// has no thread of its own), or the blocking client with a thread per turn.
//
//   bench_turns turnset --base-url URL --count 1000 [--min-ms 2000 --max-ms 20000 --max-connections 32]
//   bench_turns asio --base-url URL --count 1000 [...]
//   bench_turns threads --base-url URL --count 1000 [...]
//
// Turn i runs for a duration spread over [min, max] (the emulator reads it
// from a "[duration_ms=N]" marker in the query). Prints wall time, the
// lateness of each turn after it was due (from the server's created_at),
// CPU seconds, peak RSS, peak threads, errors.
#include "bench_common.hpp"

#if __has_include(<asio.hpp>)
#include <paradigm/asio.hpp>
#define PARADIGM_BENCH_ASIO 1
#endif

#include <atomic>
#include <fstream>
#include <mutex>
#include <thread>
#include <vector>

namespace {

using Wall = std::chrono::system_clock;

std::int64_t duration_ms(long long i, long long count, long long min_ms, long long max_ms) {
  if (count <= 1) return min_ms;
  // Spread evenly but not in order: turn i's place in [min, max] is a permutation of i.
  const long long place = (i * 7919) % count;
  return min_ms + (max_ms - min_ms) * place / (count - 1);
}

paradigm::TurnRequest request_for(long long i, std::int64_t ms) {
  paradigm::TurnRequest request;
  request.query = "Batch question " + std::to_string(i) + " [duration_ms=" + std::to_string(ms) + "]";
  request.background = true;
  return request;
}

int threads_now() {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind("Threads:", 0) == 0) return std::stoi(line.substr(8));
  }
  return 0;
}

// Samples the thread count while the run lasts (the sampler itself not counted).
class ThreadSampler {
 public:
  ThreadSampler()
      : sampler_([this] {
          while (!done_) {
            peak_ = std::max(peak_.load(), threads_now() - 1);
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
          }
        }) {}
  int stop() {
    done_ = true;
    sampler_.join();
    return peak_;
  }

 private:
  std::atomic<bool> done_{false};
  std::atomic<int> peak_{0};
  std::thread sampler_;
};

struct Observed {
  std::mutex mutex;
  std::vector<double> lateness_s;  // observed end - (server's created_at + duration)
  Wall::time_point last_due{};     // when the last turn was due to finish
  int errors = 0;
  int completed = 0;

  void add(const paradigm::Turn& turn, std::int64_t ms) {
    const auto now = Wall::now();
    std::lock_guard<std::mutex> lock(mutex);
    if (turn.status != paradigm::TurnStatus::completed || !turn.created_at) {
      ++errors;
      return;
    }
    ++completed;
    const auto due = turn.created_at->time_point() + std::chrono::milliseconds(ms);
    last_due = std::max(last_due, due);
    lateness_s.push_back(std::chrono::duration<double>(now - due).count());
  }
  void failed() {
    std::lock_guard<std::mutex> lock(mutex);
    ++errors;
  }
};

// The turns of a TurnSet, taken as they finish, on the thread that completes
// them (the io_context's): the next is asked for once one is taken.
void take_all(paradigm::TurnSet& set, const std::vector<std::int64_t>& durations, Observed& observed) {
  set.async_next_completed().then([&](paradigm::Future<std::optional<paradigm::TurnSet::Finished>> next) {
    std::optional<paradigm::TurnSet::Finished> finished = std::move(next).get();
    if (!finished) return;
    if (finished->turn) {
      observed.add(*finished->turn, durations.at(finished->key));
    } else {
      observed.failed();
    }
    take_all(set, durations, observed);
  });
}

void run(const bench::Args& args) {
  const long long count = args.number("count", 1000);
  const long long min_ms = args.number("min-ms", 2000), max_ms = args.number("max-ms", 20000);
  paradigm::ClientOptions options;
  options.base_url = args.get("base-url");
  options.api_key = args.get("key", "test-key");
  options.max_connections = static_cast<std::size_t>(args.number("max-connections", 32));
  options.telemetry = bench::telemetry_for(args);
#ifdef PARADIGM_BENCH_ASIO
  asio::io_context io;
  if (args.mode() == "asio") options.external_loop = paradigm::asio_loop(io.get_executor());
#endif
  paradigm::ThreadsClient client(options);
  Observed observed;
  ThreadSampler sampler;
  const double cpu_before = bench::cpu_seconds();
  const std::int64_t start = bench::steady_ns();
  if (args.mode() == "turnset") {
    paradigm::TurnSet set(client);
    std::vector<std::int64_t> durations;
    for (long long i = 0; i < count; ++i) {
      durations.push_back(duration_ms(i, count, min_ms, max_ms));
      set.add(request_for(i, durations.back()));
    }
    while (auto finished = set.next_completed()) {
      if (finished->turn) {
        observed.add(*finished->turn, durations.at(finished->key));
      } else {
        observed.failed();
      }
    }
#ifdef PARADIGM_BENCH_ASIO
  } else if (args.mode() == "asio") {
    paradigm::TurnSet set(client);
    std::vector<std::int64_t> durations;
    for (long long i = 0; i < count; ++i) {
      durations.push_back(duration_ms(i, count, min_ms, max_ms));
      set.add(request_for(i, durations.back()));
    }
    take_all(set, durations, observed);
    io.run();  // this thread runs the SDK: returns once every turn was taken
#endif
  } else if (args.mode() == "threads") {
    std::vector<std::thread> workers;
    for (long long i = 0; i < count; ++i) {
      workers.emplace_back([&, i] {
        const std::int64_t ms = duration_ms(i, count, min_ms, max_ms);
        try {
          const paradigm::Turn started = client.create_thread_with_turn(request_for(i, ms));
          paradigm::WaitOptions wait;
          wait.pause_first = true;  // as the TurnSet and the Python script: it was just seen running
          observed.add(client.wait_for_turn(started.thread, started.id, wait), ms);
        } catch (const std::exception&) {
          observed.failed();
        }
      });
    }
    for (auto& worker : workers)
      worker.join();
  } else {
    throw std::invalid_argument("unknown mode: " + args.mode());
  }
  const double seconds = bench::seconds_since(start);
  const double after_last_due = std::chrono::duration<double>(Wall::now() - observed.last_due).count();
  const int peak_threads = sampler.stop();
  std::vector<double>& late = observed.lateness_s;
  std::sort(late.begin(), late.end());
  const auto at = [&](double q) {
    return late.empty() ? 0.0 : late[static_cast<std::size_t>(q * (late.size() - 1))];
  };
  bench::emit({{"mode", args.mode()},
               {"count", count},
               {"seconds", seconds},
               {"completed", observed.completed},
               {"errors", observed.errors},
               {"seconds_after_last_due", after_last_due},
               {"lateness_p50_s", at(0.5)},
               {"lateness_p99_s", at(0.99)},
               {"lateness_max_s", at(1.0)},
               {"cpu_seconds", bench::cpu_seconds() - cpu_before},
               {"peak_rss_bytes", bench::peak_rss_bytes()},
               {"peak_threads", peak_threads},
               {"telemetry", args.get("telemetry", "none")},
               {"exporter", bench::telemetry_report(client)}});
}

}  // namespace

int main(int argc, char** argv) {
  const bench::Args args(argc, argv);
  return bench::guarded_main([&] { run(args); });
}
