#pragma once

// A Transport decorator that writes every exchange it performs to a
// cassette: what was asked, what came back (a stream as its events, with
// their time), and how it ended, secrets removed. The caller's sink sees
// exactly what it would without the recording.

#include "testing/cassette_writer.hpp"
#include "testing/redactor.hpp"
#include "transport/transport.hpp"

#include <cstddef>
#include <memory>
#include <string>

namespace paradigm::detail {

class RecordingTransport final : public Transport {
 public:
  /// `base_url`: the normalized instance root, cut from each URL to give the path.
  RecordingTransport(std::shared_ptr<Transport> inner, std::string base_url, std::shared_ptr<CassetteWriter> writer,
                     Redactor redactor, std::size_t max_body_bytes);

  /// The inner transport's outcome, once written (a failure to write
  /// becomes the outcome's error: the recording was asked for).
  Outcome perform(const Exchange& exchange, BodySink& sink) override;

 private:
  std::shared_ptr<Transport> inner_;
  std::string base_url_;
  std::shared_ptr<CassetteWriter> writer_;
  Redactor redactor_;
  std::size_t max_body_bytes_;
};

}  // namespace paradigm::detail
