// The documented limits of request bodies, checked before anything is sent
// (the server would answer 400 after a round trip, or worse, after a retry).

#include <paradigm/errors.hpp>
#include <paradigm/requests.hpp>

#include "core/text.hpp"

#include <nlohmann/json.hpp>

#include <string>

namespace paradigm {

namespace {

constexpr std::size_t kMaxNameLength = 255;
constexpr std::size_t kMaxSystemPromptSuffixLength = 5000;
constexpr int kMinSteps = 1;
constexpr int kMaxSteps = 20;

[[noreturn]] void reject(const char* request, const std::string& problem) {
  throw InvalidRequestError(std::string(request) + ": " + problem);
}

// Lengths count Unicode code points, as the server's maxLength does.
void check_length(const char* request, const char* field, const std::optional<std::string>& value,
                  std::size_t limit) {
  if (!value) return;
  const std::size_t length = detail::utf8_length(*value);
  if (length > limit) {
    reject(request, std::string(field) + " is " + std::to_string(length) + " characters long; the limit is " +
                        std::to_string(limit));
  }
}

void check_extra_body(const char* request, const JsonValue& extra_body) {
  if (!extra_body.is_null() && !extra_body.is_object()) {
    reject(request,
           std::string("extra_body must be a JSON object, not ") + extra_body.nlohmann().type_name());
  }
}

bool has_ids(const std::optional<std::vector<std::int64_t>>& ids) {
  return ids && !ids->empty();
}

}  // namespace

void TurnRequest::validate() const {
  constexpr const char* kRequest = "TurnRequest";
  if ((!query || query->empty()) && !suggested_query_id) {
    reject(kRequest, "set query (non-empty) or suggested_query_id");
  }
  if (max_steps && (*max_steps < kMinSteps || *max_steps > kMaxSteps)) {
    reject(kRequest, "max_steps must be between 1 and 20, got " + std::to_string(*max_steps));
  }
  check_length(kRequest, "system_prompt_suffix", system_prompt_suffix, kMaxSystemPromptSuffixLength);
  check_length(kRequest, "name", name, kMaxNameLength);
  if (has_ids(file_ids) && (has_ids(workspace_ids) || has_ids(tag_ids))) {
    reject(kRequest, "file_ids cannot be combined with workspace_ids or tag_ids");
  }
  check_extra_body(kRequest, extra_body);
}

void ThreadRequest::validate() const {
  check_length("ThreadRequest", "name", name, kMaxNameLength);
  check_extra_body("ThreadRequest", extra_body);
}

void ThreadUpdate::validate() const {
  check_length("ThreadUpdate", "name", name, kMaxNameLength);
  check_extra_body("ThreadUpdate", extra_body);
}

}  // namespace paradigm
