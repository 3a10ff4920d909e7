// Resume tokens: "pt1." + base64url(compact JSON {"th", "tu", "ev"?}).

#include <paradigm/journal.hpp>

#include <nlohmann/json.hpp>

#include "core/base64.hpp"
#include "json/model_json.hpp"

#include <algorithm>

namespace paradigm {

namespace {

constexpr std::string_view kPrefix = "pt1.";
constexpr std::size_t kMaxTokenLength = 4096;

std::string to_base64url(std::string_view bytes) {
  std::string text = detail::base64_encode(bytes);
  std::replace(text.begin(), text.end(), '+', '-');
  std::replace(text.begin(), text.end(), '/', '_');
  text.erase(std::find(text.begin(), text.end(), '='), text.end());
  return text;
}

[[noreturn]] void refuse(const std::string& why) {
  throw InvalidRequestError("not a resume token: " + why);
}

std::string text_member(const nlohmann::json& object, const char* name) {
  const auto found = object.find(name);
  if (found == object.end() || !found->is_string() || found->get_ref<const std::string&>().empty())
    refuse(std::string("no ") + name);
  return found->get<std::string>();
}

}  // namespace

std::string ResumeToken::to_string() const {
  if (thread_id.empty() || turn_id.empty()) throw InvalidRequestError("ResumeToken: an id is empty");
  nlohmann::json json{{"th", thread_id}, {"tu", turn_id}};
  if (last_event_id) json["ev"] = *last_event_id;
  return std::string(kPrefix) + to_base64url(json.dump());
}

ResumeToken ResumeToken::parse(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r' || text.back() == ' '))
    text.remove_suffix(1);
  if (text.size() > kMaxTokenLength) refuse("longer than " + std::to_string(kMaxTokenLength) + " characters");
  if (text.substr(0, 2) == "pt" && text.substr(0, kPrefix.size()) != kPrefix)
    refuse("a version this SDK does not read (it reads pt1.)");
  if (text.substr(0, kPrefix.size()) != kPrefix) refuse("it does not start with pt1.");
  const std::string_view body = text.substr(kPrefix.size());
  if (!std::all_of(body.begin(), body.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
               c == '_';
      })) {
    refuse("a character outside base64url");
  }
  std::string bytes;
  try {
    bytes = detail::base64_decode(body);
  } catch (const DecodeError&) {
    refuse("bad base64url");
  }
  const auto json = detail::try_parse_json(bytes);
  if (json.is_discarded() || !json.is_object()) refuse("its content is not a JSON object");
  ResumeToken token;
  token.thread_id = text_member(json, "th");
  token.turn_id = text_member(json, "tu");
  if (json.contains("ev")) token.last_event_id = text_member(json, "ev");
  return token;
}

Turn wait_for_token(ThreadsClient& client, std::string_view token, const WaitOptions& wait,
                    const CallOptions& call) {
  const ResumeToken place = ResumeToken::parse(token);
  return client.wait_for_turn(place.thread_id, place.turn_id, wait, call);
}

Future<Turn> async_wait_for_token(ThreadsClient& client, std::string_view token, const WaitOptions& wait,
                                  const CallOptions& call) {
  const ResumeToken place = ResumeToken::parse(token);
  return client.async_wait_for_turn(place.thread_id, place.turn_id, wait, call);
}

}  // namespace paradigm
