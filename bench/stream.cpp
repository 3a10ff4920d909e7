// Streaming (issue #7, item 6): events through stream_turn, and the delay
// between the mock writing an event (its "sent_at_ns", steady clock, same
// machine) and the handler seeing it.
//
//   bench_stream --base-url URL --thread T
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

int main(int argc, char** argv) {
  const bench::Args args(argc, argv);
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
