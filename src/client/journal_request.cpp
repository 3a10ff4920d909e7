// Compiled alone (src/CMakeLists.txt): see journal_request.hpp.

#include "client/journal_request.hpp"

#include "json/json_path.hpp"

#include <nlohmann/json.hpp>

namespace paradigm::detail {
// `max_steps` is the only int of a request (the model has none): declared
// before the reader's templates, which look it up where they are defined.
void read(nlohmann::json& value, const JsonPath& at, int& out);
}  // namespace paradigm::detail

#include "json/reader.hpp"
#include "json/request_fields.hpp"
#include "json/writer.hpp"

#include <cstdint>

namespace paradigm::detail {

void read(nlohmann::json& value, const JsonPath& at, int& out) {
  std::int64_t wide = 0;
  read(value, at, wide);
  if (wide < INT32_MIN || wide > INT32_MAX) throw_decode_error(at, "an integer out of range");
  out = static_cast<int>(wide);
}

nlohmann::json encode_journal_request(const TurnRequest& request) {
  Json fields = Json::object();
  write_fields(fields, request);
  Json out{{"fields", std::move(fields)}};
  if (!request.extra_body.is_null()) out["extra_body"] = request.extra_body.nlohmann();
  return out;
}

TurnRequest decode_journal_request(nlohmann::json json) {
  TurnRequest request;
  const JsonPath at;
  JsonValue unknown;
  read_members(
      json["fields"], at, unknown, [&request](std::string_view key, Json& member, const JsonPath& member_at) {
        return fields(MemberReader<Strictness::strict>(key, member, member_at), request, Of<TurnRequest>{});
      });
  if (!unknown.is_null()) throw_decode_error(at, "a journaled request has unknown fields");
  if (json.contains("extra_body")) request.extra_body = JsonValue(json["extra_body"]);
  return request;
}

}  // namespace paradigm::detail
