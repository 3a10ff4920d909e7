// Reading a structured answer: the text to JSON, the JSON against the type's
// schema; every failure a DecodeError that names where and keeps the text.

#include <paradigm/schema.hpp>
#include <paradigm/structured.hpp>

#include "core/text.hpp"

namespace paradigm {

StructuredOutputError::StructuredOutputError(const std::string& message, std::string path, std::string raw,
                                             const Turn& turn)
    : DecodeError(message, std::move(path), std::move(raw)), turn_(std::make_shared<const Turn>(turn)) {}

namespace {

// The JSON inside a Markdown code fence (```json ... ```), else the text itself.
std::string_view unfenced(std::string_view text) {
  const std::string_view body = detail::trim(text);
  constexpr std::string_view kFence = "```";
  if (body.size() < 2 * kFence.size() || body.substr(0, kFence.size()) != kFence ||
      body.substr(body.size() - kFence.size()) != kFence) {
    return text;
  }
  const std::size_t first_line_end = body.find('\n');
  if (first_line_end == std::string_view::npos) return text;
  return body.substr(first_line_end + 1, body.size() - kFence.size() - first_line_end - 1);
}

std::string mismatch_message(const std::vector<SchemaMismatch>& mismatches) {
  const SchemaMismatch& first = mismatches.front();
  std::string message = "structured output: the answer does not match the schema";
  message += first.path.empty() ? ": " : " at " + first.path + ": ";
  message += first.message;
  if (mismatches.size() > 1) message += " (and " + std::to_string(mismatches.size() - 1) + " more)";
  return message;
}

}  // namespace

JsonValue parse_checked(std::string_view text, const JsonValue& schema) {
  JsonValue value;
  try {
    value = JsonValue::parse(unfenced(text));
  } catch (const DecodeError& e) {
    throw DecodeError(std::string("structured output: the answer is not JSON: ") + e.what(), "",
                      std::string(text));
  }
  SchemaCheckOptions options;
  options.null_as_absent = true;
  const auto mismatches = check_schema(value, schema, options);
  if (!mismatches.empty())
    throw DecodeError(mismatch_message(mismatches), mismatches.front().path, std::string(text));
  return value;
}

JsonValue parse_checked(const Turn& turn, const JsonValue& schema) {
  if (turn.status != TurnStatus::completed) {
    const std::string status = turn.status.empty() ? std::string("of unknown status") : turn.status.text();
    throw StructuredOutputError(
        "structured output: turn " + turn.id + " is " + status + ": it has no answer to read", "", "", turn);
  }
  try {
    return parse_checked(turn.final_answer(), schema);
  } catch (const DecodeError& e) {
    throw StructuredOutputError(std::string(e.what()) + " (turn " + turn.id + ")", e.path(), e.raw(), turn);
  }
}

}  // namespace paradigm
