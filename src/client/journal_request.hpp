#pragma once

// A TurnRequest as a journal keeps it: its named fields, and `extra_body`
// apart, so that it reads back exactly as it was added.

#include <paradigm/requests.hpp>

#include <nlohmann/json.hpp>

namespace paradigm::detail {

nlohmann::json encode_journal_request(const TurnRequest& request);
/// Throws DecodeError for an object that is not one.
TurnRequest decode_journal_request(nlohmann::json json);

}  // namespace paradigm::detail
