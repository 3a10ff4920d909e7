// Any split of the input gives the events of the unsplit input, and long lines
// cost linear work however finely they are split.

#include "sse_test_util.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace paradigm::test {
namespace {

using detail::SseParser;

std::string replace_all(std::string text, std::string_view from, std::string_view to) {
  for (auto pos = text.find(from); pos != std::string::npos; pos = text.find(from, pos + to.size())) {
    text.replace(pos, from.size(), to);
  }
  return text;
}

/// Cuts `stream` into chunks of 1..max_chunk bytes (some empty) chosen by `seed`.
std::vector<std::string_view> random_chunks(std::string_view stream, unsigned seed, std::size_t max_chunk) {
  std::mt19937 random(seed);
  std::uniform_int_distribution<std::size_t> size(0, max_chunk);
  std::vector<std::string_view> chunks;
  while (!stream.empty()) {
    const auto n = std::min(size(random), stream.size());
    chunks.push_back(stream.substr(0, n));
    stream.remove_prefix(n);
  }
  return chunks;
}

std::vector<std::string_view> fixed_chunks(std::string_view stream, std::size_t n) {
  std::vector<std::string_view> chunks;
  for (; !stream.empty(); stream.remove_prefix(std::min(n, stream.size())))
    chunks.push_back(stream.substr(0, n));
  return chunks;
}

void expect_every_chunking_matches(const std::string& stream, const std::vector<Event>& expected) {
  EXPECT_EQ(parse_chunks(fixed_chunks(stream, 1)), expected) << "1-byte chunks";
  EXPECT_EQ(parse_chunks(fixed_chunks(stream, 2)), expected) << "2-byte chunks";
  for (unsigned seed = 0; seed < 300; ++seed) {
    const std::size_t max_chunk = seed % 3 == 0 ? 4 : seed % 3 == 1 ? 64 : 4096;
    ASSERT_EQ(parse_chunks(random_chunks(stream, seed, max_chunk)), expected)
        << "seed " << seed << ", chunks of 0.." << max_chunk;
  }
}

class RecordedStream : public ::testing::Test {
 protected:
  void SetUp() override {
    stream_ = read_fixture("turn_stream.txt");
    expected_ = parse_all(stream_);
    // The fixture holds 43 events; check a few so the reference is not vacuous.
    ASSERT_EQ(expected_.size(), 43U);
    EXPECT_EQ(std::get<0>(expected_.front()), "turn.created");
    EXPECT_EQ(std::get<2>(expected_.front()), "1");
    EXPECT_EQ(std::get<0>(expected_[9]), "tool_call.completed");
    EXPECT_NE(std::get<1>(expected_[9]).find(",\n\"tool_call_id\":\"tc-1\",\n\"result\""), std::string::npos);
    EXPECT_EQ(expected_.back(), make_event("done", "{}", "32"));
  }
  std::string stream_;
  std::vector<Event> expected_;
};

TEST_F(RecordedStream, AnyChunkingGivesTheSameEvents) {
  expect_every_chunking_matches(stream_, expected_);
}

TEST_F(RecordedStream, AnyChunkingWithCrlfGivesTheSameEvents) {
  const auto crlf = replace_all(stream_, "\n", "\r\n");
  ASSERT_EQ(parse_all(crlf), expected_);
  expect_every_chunking_matches(crlf, expected_);
}

TEST_F(RecordedStream, AnyChunkingWithCrGivesTheSameEvents) {
  expect_every_chunking_matches(replace_all(stream_, "\n", "\r"), expected_);
}

TEST_F(RecordedStream, AnyChunkingWithBomAndNoFinalBlankLineGivesTheSameEvents) {
  auto stream = "\xEF\xBB\xBF" + stream_;
  stream.resize(stream.size() - 2);  // the last event loses its blank line
  expect_every_chunking_matches(stream, expected_);
}

TEST_F(RecordedStream, RetryIsRecorded) {
  SseParser parser;
  parser.feed(stream_, [](const StreamEvent&) { return true; });
  EXPECT_EQ(parser.retry(), std::chrono::milliseconds(3000));
}

std::string long_line_stream(std::size_t data_bytes) {
  std::string data(data_bytes, 'x');
  for (std::size_t i = 0; i < data.size(); i += 97)
    data[i] = static_cast<char>('a' + i % 26);
  return "event: big\ndata: " + data + "\n\ndata: after\n\n";
}

constexpr std::size_t kMiB = 1024 * 1024;

TEST(SseLongLines, OneMebibyteLineParsesInAnyChunkSize) {
  const auto stream = long_line_stream(kMiB);
  const auto expected =
      std::vector<Event>{make_event("big", stream.substr(17, kMiB)), make_event("message", "after")};
  for (const std::size_t chunk : {std::size_t{1}, std::size_t{3}, std::size_t{64}, std::size_t{4096}}) {
    EXPECT_EQ(parse_chunks(fixed_chunks(stream, chunk)), expected) << chunk << "-byte chunks";
  }
  EXPECT_EQ(parse_chunks(random_chunks(stream, 7, 4096)), expected);
}

// Linear time without a clock: the parser looks at each input byte once,
// copies each byte of an unfinished line once, and grows its line buffer
// geometrically, however small the chunks.
TEST(SseLongLines, WorkIsLinearInTheInput) {
  for (const std::size_t size : {kMiB / 4, kMiB}) {
    const auto stream = long_line_stream(size);
    for (const std::size_t chunk : {std::size_t{1}, std::size_t{16}, std::size_t{4096}}) {
      SseParser parser;
      for (const auto piece : fixed_chunks(stream, chunk))
        parser.feed(piece, [](const StreamEvent&) { return true; });
      parser.finish([](const StreamEvent&) { return true; });
      EXPECT_EQ(parser.events_dispatched(), 2U);
      const auto& stats = parser.stats();
      EXPECT_EQ(stats.bytes_scanned, stream.size()) << size << " in " << chunk << "-byte chunks";
      EXPECT_LE(stats.bytes_buffered, stream.size()) << size << " in " << chunk << "-byte chunks";
      EXPECT_LE(stats.line_buffer_growths, 40U) << size << " in " << chunk << "-byte chunks";
    }
  }
}

TEST(SseLongLines, CompleteLinesInOneFeedAreNotBuffered) {
  SseParser parser;
  parser.feed(long_line_stream(kMiB), [](const StreamEvent&) { return true; });
  EXPECT_EQ(parser.stats().bytes_buffered, 0U);
  EXPECT_EQ(parser.events_dispatched(), 2U);
}

}  // namespace
}  // namespace paradigm::test
