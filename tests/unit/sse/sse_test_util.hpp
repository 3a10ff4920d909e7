#pragma once

// Helpers shared by the SSE tests: run bytes through a parser and collect
// the events in a comparable, printable form.

#include "sse/sse_parser.hpp"

#include <fstream>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <vector>

namespace paradigm::test {

/// An event as (event, data, id), which gtest compares and prints.
using Event = std::tuple<std::string, std::string, std::optional<std::string>>;

inline Event make_event(std::string name, std::string data, std::optional<std::string> id = std::nullopt) {
  return Event{std::move(name), std::move(data), std::move(id)};
}

inline detail::SseParser::Handler collect_into(std::vector<Event>& events) {
  return [&events](const StreamEvent& event) {
    events.emplace_back(event.event, event.data, event.id);
    return true;
  };
}

/// Feeds each chunk in turn, then finishes the stream.
inline std::vector<Event> parse_chunks(const std::vector<std::string_view>& chunks) {
  detail::SseParser parser;
  std::vector<Event> events;
  const auto handler = collect_into(events);
  for (const auto chunk : chunks)
    parser.feed(chunk, handler);
  parser.finish(handler);
  return events;
}

/// The bytes of tests/data/sse/<name>.
inline std::string read_fixture(const std::string& name) {
  std::ifstream file(std::string(PARADIGM_TEST_DATA_DIR) + "/sse/" + name, std::ios::binary | std::ios::ate);
  std::string bytes(static_cast<std::size_t>(file ? static_cast<std::streamoff>(file.tellg()) : 0), '\0');
  file.seekg(0);
  file.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return bytes;
}

inline std::vector<Event> parse_all(std::string_view stream) {
  return parse_chunks({stream});
}

}  // namespace paradigm::test
