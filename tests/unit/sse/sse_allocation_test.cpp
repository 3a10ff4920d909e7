// The parser sits on the streaming hot path: once warmed up, a steady stream
// of events must not allocate per event. Counted with a replaced operator new.

#include "sse_test_util.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <new>
#include <string>

namespace {
std::atomic<bool> g_counting{false};
std::atomic<std::size_t> g_allocations{0};
}  // namespace

void* operator new(std::size_t size) {
  if (g_counting.load(std::memory_order_relaxed)) g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* memory = std::malloc(size == 0 ? 1 : size)) return memory;
  throw std::bad_alloc();
}
// GCC flags free() on memory that, from the caller's side, came from operator
// new; here operator new itself is malloc, so the pair matches.
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#endif
void operator delete(void* memory) noexcept {
  std::free(memory);
}
void operator delete(void* memory, std::size_t) noexcept {
  std::free(memory);
}

namespace paradigm::test {
namespace {

using detail::SseParser;

std::string delta_events(int count) {
  std::string stream;
  for (int i = 0; i < count; ++i) {
    stream += ": ping\r\nevent: part.delta\r\nid: evt-" + std::to_string(100000 + i) +
              "\r\ndata: {\"type\":\"text\",\"delta\":\"word " + std::to_string(i % 10) + " \"}\r\n\r\n";
  }
  return stream;
}

void feed_in_chunks(SseParser& parser, std::string_view stream, const SseParser::Handler& handler) {
  for (std::size_t at = 0; at < stream.size(); at += 61)
    parser.feed(stream.substr(at, 61), handler);
}

TEST(SseAllocations, SteadyStreamAllocatesNothingPerEvent) {
  SseParser parser;
  std::size_t total_bytes = 0;
  const SseParser::Handler handler = [&total_bytes](const StreamEvent& event) {
    total_bytes += event.data.size() + event.event.size();
    return true;
  };
  const auto warm_up = delta_events(10);
  const auto stream = delta_events(1000);
  feed_in_chunks(parser, warm_up, handler);

  g_allocations = 0;
  g_counting = true;
  feed_in_chunks(parser, stream, handler);
  g_counting = false;

  EXPECT_EQ(parser.events_dispatched(), 1010U);
  EXPECT_GT(total_bytes, 0U);
  EXPECT_EQ(g_allocations.load(), 0U);
}

}  // namespace
}  // namespace paradigm::test
