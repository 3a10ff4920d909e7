// The SSE parser on arbitrary bytes and arbitrary chunkings. The first byte
// is a seed for the chunk sizes, the rest is the stream. Invariants: feeding
// the stream in chunks gives exactly the events of feeding it at once; a
// handler that stops after k events sees the first k; work stays linear in
// the input; text_delta never throws on any event.

#include "fuzz_check.hpp"

#include "sse/sse_parser.hpp"

#include <paradigm/stream.hpp>

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
  std::vector<StreamEvent> events;
  SseParser parser;
};

// Feeds `stream` in chunks whose sizes come from a small generator seeded by
// `seed` (0 = all at once), stopping after `limit` events.
Parsed parse(std::string_view stream, std::uint8_t seed, std::size_t limit) {
  Parsed result;
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
    if (!result.parser.feed(chunk, collect)) {
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

  for (const auto& event : whole.events) {
    (void)paradigm::text_delta(event);
    (void)event.try_json();
  }
  return 0;
}
