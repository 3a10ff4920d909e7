// The SSE parser on arbitrary bytes and arbitrary chunkings. The first byte
// is a seed for the chunk sizes, the rest is the stream. Invariants: feeding
// the stream in chunks gives exactly the events of feeding it at once; a
// handler that stops after k events sees the first k; work stays linear in
// the input; text_delta never throws on any event. With a bound, chunking
// changes neither the events nor the bound that stops the parser, and the
// parser never holds more than its bounds allow.

#include "fuzz_check.hpp"

#include "sse/sse_parser.hpp"

#include <paradigm/stream.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace {

using paradigm::StreamEvent;
using paradigm::detail::SseParser;

bool same_event(const StreamEvent& a, const StreamEvent& b) {
  return a.event == b.event && a.data == b.data && a.id == b.id;
}

struct Parsed {
  explicit Parsed(std::size_t max_event_bytes) : parser(max_event_bytes) {}
  std::vector<StreamEvent> events;
  SseParser parser;
  std::size_t most_held = 0;
};

// Feeds `stream` in chunks whose sizes come from a small generator seeded by
// `seed` (0 = all at once), stopping after `limit` events.
Parsed parse(std::string_view stream, std::uint8_t seed, std::size_t limit,
             std::size_t max_event_bytes = SIZE_MAX) {
  Parsed result(max_event_bytes);
  const auto collect = [&](const StreamEvent& event) {
    result.events.push_back(event);
    return result.events.size() < limit;
  };
  std::uint32_t state = seed;
  while (!stream.empty()) {
    state = state * 1103515245u + 12345u;
    const std::size_t size = seed == 0 ? stream.size() : 1 + (state >> 16) % 17;
    const auto chunk = stream.substr(0, size);
    stream.remove_prefix(chunk.size());
    const bool go_on = result.parser.feed(chunk, collect);
    result.most_held = std::max(result.most_held, result.parser.pending_bytes());
    if (!go_on) {
      return result;
    }
  }
  result.parser.finish(collect);
  return result;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) {
    return 0;
  }
  const std::uint8_t seed = data[0];
  const std::string_view stream(reinterpret_cast<const char*>(data + 1), size - 1);

  const Parsed whole = parse(stream, 0, SIZE_MAX);
  const Parsed chunked = parse(stream, seed == 0 ? 1 : seed, SIZE_MAX);
  FUZZ_CHECK(whole.events.size() == chunked.events.size());
  for (std::size_t i = 0; i < whole.events.size(); ++i) {
    FUZZ_CHECK(same_event(whole.events[i], chunked.events[i]));
  }
  FUZZ_CHECK(whole.parser.retry() == chunked.parser.retry());
  FUZZ_CHECK(chunked.parser.events_dispatched() == chunked.events.size());
  FUZZ_CHECK(chunked.parser.stats().bytes_scanned <= stream.size());
  FUZZ_CHECK(chunked.parser.stats().bytes_buffered <= stream.size());

  const std::size_t limit = seed % 4;
  if (limit > 0) {
    const Parsed stopped = parse(stream, seed, limit);
    FUZZ_CHECK(stopped.events.size() == std::min(limit, whole.events.size()));
    for (std::size_t i = 0; i < stopped.events.size(); ++i) {
      FUZZ_CHECK(same_event(stopped.events[i], whole.events[i]));
    }
  }

  // Small bounds, so that short inputs pass them.
  const std::size_t bound = 1 + seed % 48;
  const Parsed bounded_whole = parse(stream, 0, SIZE_MAX, bound);
  const Parsed bounded_chunked = parse(stream, seed == 0 ? 1 : seed, SIZE_MAX, bound);
  FUZZ_CHECK(bounded_whole.events.size() == bounded_chunked.events.size());
  for (std::size_t i = 0; i < bounded_whole.events.size(); ++i) {
    FUZZ_CHECK(same_event(bounded_whole.events[i], bounded_chunked.events[i]));
    FUZZ_CHECK(bounded_whole.events[i].data.size() < bound);
  }
  FUZZ_CHECK(bounded_whole.parser.overflow() == bounded_chunked.parser.overflow());
  FUZZ_CHECK(bounded_chunked.most_held <= 3 * bound + 8);  // data, event, id, a field name

  for (const auto& event : whole.events) {
    (void)paradigm::text_delta(event);
    (void)event.try_json();
  }
  return 0;
}
