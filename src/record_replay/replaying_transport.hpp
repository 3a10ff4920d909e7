#pragma once

// A Transport that answers from a cassette: each request gets the first
// unused recorded exchange that matches it (ReplayOptions), delivered
// through the same Delivery the libcurl transport uses, so the workflows
// above cannot tell a replay from the network. A request with no recorded
// answer ends with CassetteMismatchError as the outcome's error.

#include <paradigm/record_replay.hpp>

#include "record_replay/cassette_format.hpp"
#include "record_replay/redactor.hpp"
#include "record_replay/request_match.hpp"
#include "transport/transport.hpp"

#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace paradigm::detail {

class ReplayingTransport final : public Transport {
 public:
  /// `cassette` names the file in messages; `base_url` is the normalized
  /// instance root cut from each URL; `redactor` does to each request what
  /// the recording did to the recorded ones, so that they compare.
  ReplayingTransport(std::vector<RecordedExchange> exchanges, std::string cassette, std::string base_url,
                     ReplayOptions options, Redactor redactor);

  Outcome perform(const Exchange& exchange, BodySink& sink) override;

 private:
  ReplayedRequest request_of(const Exchange& exchange) const;
  /// The exchange that answers `request`, marked served; nullopt when none does.
  std::optional<std::size_t> take(const ReplayedRequest& request);
  Outcome mismatch(const ReplayedRequest& request);
  Outcome serve(const RecordedExchange& recorded, const Exchange& exchange, BodySink& sink) const;

  const std::vector<RecordedExchange> exchanges_;
  const std::string cassette_;
  const std::string base_url_;
  const ReplayOptions options_;
  const Redactor redactor_;
  std::mutex mutex_;
  std::vector<bool> served_;
};

}  // namespace paradigm::detail
