#pragma once

// Request validation as the OpenAPI schema states it, with DRF-style errors
// ({"field": ["message"]}).

#include "store.hpp"

namespace paradigm::mock {

/// Errors of a turn body (null when valid). `creates_thread`: POST /threads/turns.
json validate_turn_body(const json& body, bool creates_thread);

/// Errors of a thread body (POST /threads, PATCH /threads/{id}), or null.
json validate_thread_body(const json& body);

/// Length in Unicode code points (what DRF's max_length counts).
std::size_t code_points(const std::string& text);

}  // namespace paradigm::mock
