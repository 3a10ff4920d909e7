#pragma once

// Which recorded exchange answers a replayed request, and how to say why
// none does.

#include <paradigm/record_replay.hpp>

#include "record_replay/cassette_format.hpp"

#include <optional>
#include <string>

namespace paradigm::detail {

/// A request as the replay compares it.
struct ReplayedRequest {
  std::string method;
  std::string path;
  std::string query;
  std::optional<std::string> body;
};

/// Which parts of a request agree with a recorded exchange.
struct Agreement {
  bool method = false;
  bool path = false;
  bool query = false;
  bool body = false;

  bool all() const noexcept { return method && path && query && body; }
  /// How near the recorded exchange is: the path counts most, then the method.
  int score() const noexcept { return 8 * path + 4 * method + 2 * query + body; }
  /// "its method and body", "" when all agree.
  std::string differences() const;
};

Agreement compare(const ReplayedRequest& request, const RecordedExchange& recorded,
                  const ReplayOptions& options);

/// `POST /api/v3/threads/turns?x=1 {"query":"Hi"}` (a long body is cut).
std::string describe(const std::string& method, const std::string& path, const std::string& query,
                     const std::optional<std::string>& body);

}  // namespace paradigm::detail
