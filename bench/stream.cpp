// Streaming (issue #7, item 6; issue 13): events through stream_turn, and the
// delay between the mock writing an event (its "sent_at_ns", steady clock,
// same machine) and the handler seeing it.
//
//   bench_stream --base-url URL --thread T                   one blocking stream
//   bench_stream --base-url URL --streams 200 async          streams at once on the event loop
//                                                            (each in a thread of its own)
#include "bench_common.hpp"

#include <algorithm>
#include <cstdlib>
#include <vector>

namespace {

// The stamp without parsing the event: the handler's own cost stays small.
std::int64_t sent_at(const std::string& data) {
  static const std::string key = "\"sent_at_ns\":";
  const auto at = data.find(key);
  if (at == std::string::npos) return 0;
  return std::strtoll(data.c_str() + at + key.size(), nullptr, 10);
}

double percentile_ms(std::vector<std::int64_t>& values, double p) {
  if (values.empty()) return 0;
  const auto index = static_cast<std::size_t>(p * static_cast<double>(values.size() - 1));
  std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(index), values.end());
  return static_cast<double>(values[index]) / 1e6;
}

}  // namespace

// `streams` concurrent streams on one client's event loop, each in a new thread.
void concurrent_streams(const bench::Args& args) {
  paradigm::ClientOptions options;
  options.base_url = args.get("base-url");
  options.api_key = args.get("key", "test-key");
  const auto streams = static_cast<std::size_t>(args.number("streams", 200));
  options.max_connections = streams;  // one HTTP/1.1 connection per stream
  paradigm::ThreadsClient client(options);
  paradigm::TurnRequest request;
  request.query = "Tell me a long story.";
  std::vector<std::int64_t> delays;  // written on the loop thread only
  std::uint64_t events = 0;
  std::vector<paradigm::Future<paradigm::Turn>> pending;
  const std::int64_t start = bench::steady_ns();
  for (std::size_t i = 0; i < streams; ++i) {
    const std::string thread = client.create_thread().id;
    pending.push_back(client.async_stream_turn(thread, request, [&](const paradigm::StreamEvent& event) {
      const std::int64_t now = bench::steady_ns();
      ++events;
      if (const std::int64_t sent = sent_at(event.data)) delays.push_back(now - sent);
      return true;
    }));
  }
  std::size_t completed = 0;
  for (auto& each : pending)
    completed += each.get().status == paradigm::TurnStatus::completed;
  bench::emit({{"mode", "async"},
               {"streams", streams},
               {"seconds", bench::seconds_since(start)},
               {"completed", completed},
               {"events", events},
               {"delay_median_ms", percentile_ms(delays, 0.5)},
               {"delay_p99_ms", percentile_ms(delays, 0.99)},
               {"delay_max_ms", percentile_ms(delays, 1.0)},
               {"peak_rss_bytes", bench::peak_rss_bytes()}});
}

int main(int argc, char** argv) {
  const bench::Args args(argc, argv);
  if (args.mode() == "async") return bench::guarded_main([&] { concurrent_streams(args); });
  return bench::guarded_main([&] {
    auto client = bench::client_for(args);
    std::vector<std::int64_t> delays;
    delays.reserve(static_cast<std::size_t>(args.number("expect", 100000)) + 16);
    std::uint64_t events = 0;
    paradigm::TurnRequest request;
    request.query = "Tell me a long story.";
    const std::int64_t start = bench::steady_ns();
    const paradigm::Turn turn =
        client.stream_turn(args.get("thread"), request, [&](const paradigm::StreamEvent& event) {
          const std::int64_t now = bench::steady_ns();
          ++events;
          if (const std::int64_t sent = sent_at(event.data)) delays.push_back(now - sent);
          return true;
        });
    const double seconds = bench::seconds_since(start);
    const std::size_t stamped = delays.size();
    bench::emit({{"seconds", seconds},
                 {"events", events},
                 {"stamped", stamped},
                 {"status", turn.status.text()},
                 {"delay_median_ms", percentile_ms(delays, 0.5)},
                 {"delay_p99_ms", percentile_ms(delays, 0.99)},
                 {"delay_max_ms", percentile_ms(delays, 1.0)}});
  });
}
