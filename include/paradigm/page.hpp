#pragma once

#include <paradigm/json_value.hpp>
#include <paradigm/value_operators.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace paradigm {

/// One page of a listing: `{count, next, previous, results}`.
///
/// Threads and turns page with cursors: pass the last result's id as
/// `ListOptions::starting_after` for the next page. Agents and files page by
/// number. `next` and `previous` are kept as the server sent them.
template <class T>
struct Page {
  std::vector<T> results;
  /// Total number of items, when the server counts them.
  std::optional<std::int64_t> count;
  std::optional<std::string> next;
  std::optional<std::string> previous;
  JsonValue extra;

  /// True when the server says there is a next page.
  bool has_more() const noexcept { return next.has_value() && !next->empty(); }
};

struct Turn;
struct Thread;
struct Agent;
struct AgentFile;

// ==, != and << (as JSON) of the pages the client returns, for tests:
// <paradigm/value_operators.hpp>.
PARADIGM_VALUE_OPERATORS(Page<Turn>);
PARADIGM_VALUE_OPERATORS(Page<Thread>);
PARADIGM_VALUE_OPERATORS(Page<Agent>);
PARADIGM_VALUE_OPERATORS(Page<AgentFile>);

}  // namespace paradigm
