#include "workflow/error_mapping.hpp"

#include "core/text.hpp"
#include "json/model_json.hpp"

#include <nlohmann/json.hpp>

namespace paradigm::detail {

namespace {

constexpr std::size_t kMaxDetailBytes = 500;

std::string text_of(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array() || value.is_object()) return value.dump();
  return value.is_null() ? std::string() : value.dump();
}

// DRF field errors: {"field": ["msg", ...]} or the LightOn envelope {"fields": {"field": [{"detail": ...}]}}.
void collect_field_errors(const nlohmann::json& object, ErrorBody& out) {
  const nlohmann::json& fields =
      object.contains("fields") && object["fields"].is_object() ? object["fields"] : object;
  for (const auto& [name, messages] : fields.items()) {
    if (name == "detail" || name == "error" || name == "code" || name == "id" || name == "doc_url") continue;
    auto& list = out.field_errors[name];
    if (messages.is_array()) {
      for (const auto& message : messages) {
        list.push_back(message.is_object() && message.contains("detail") ? text_of(message["detail"])
                                                                         : text_of(message));
      }
    } else {
      list.push_back(text_of(messages));
    }
  }
}

std::string summarise_fields(const ErrorBody& body) {
  std::string summary;
  for (const auto& [name, messages] : body.field_errors) {
    if (!summary.empty()) summary += "; ";
    summary += name + ": ";
    for (std::size_t i = 0; i < messages.size(); ++i)
      summary += (i ? ", " : "") + messages[i];
  }
  return summary;
}

std::string plain_text_excerpt(std::string_view body, std::string_view content_type) {
  if (content_type.find("html") != std::string_view::npos || trim(body).rfind("<", 0) == 0) {
    // An HTML error page (proxy, WAF): its <title> or <h1> says it best.
    for (std::string_view tag : {"<title>", "<h1>"}) {
      const auto start = body.find(tag);
      if (start == std::string_view::npos) continue;
      const auto end = body.find('<', start + tag.size());
      auto inner = trim(body.substr(start + tag.size(), end - start - tag.size()));
      if (!inner.empty()) return truncate_for_message(inner, kMaxDetailBytes);
    }
    return "HTML error page";
  }
  return truncate_for_message(trim(body), kMaxDetailBytes);
}

}  // namespace

ErrorBody parse_error_body(std::string_view body, std::string_view content_type) noexcept {
  ErrorBody out;
  try {
    const nlohmann::json parsed = try_parse_json(body);
    if (parsed.is_object()) {
      if (parsed.contains("detail")) out.detail = text_of(parsed["detail"]);
      if (parsed.contains("error")) out.code = text_of(parsed["error"]);
      if (out.code.empty() && parsed.contains("code") && parsed["code"].is_string())
        out.code = text_of(parsed["code"]);
      if (out.detail.empty() && parsed.contains("message")) out.detail = text_of(parsed["message"]);
      collect_field_errors(parsed, out);
      if (out.detail.empty()) out.detail = summarise_fields(out);
    } else if (!parsed.is_discarded()) {
      out.detail = truncate_for_message(text_of(parsed), kMaxDetailBytes);
    } else {
      out.detail = plain_text_excerpt(body, content_type);
    }
    out.detail = truncate_for_message(out.detail, kMaxDetailBytes);
  } catch (...) {
    out.detail = "unreadable error body";
  }
  return out;
}

std::string request_id_of(const Headers& headers) {
  for (const char* name : {"x-request-id", "request-id", "x-correlation-id", "x-amzn-requestid", "cf-ray"}) {
    if (auto value = headers.get(name)) return *value;
  }
  return {};
}

namespace {

template <class E, class... Args>
std::exception_ptr make(Args&&... args) {
  return std::make_exception_ptr(E(std::forward<Args>(args)...));
}

ApiErrorDetails redacted_details(ErrorAnswer& answer, std::string_view secret, std::string_view url) {
  const ErrorBody parsed = parse_error_body(answer.body, answer.headers.get("content-type").value_or(""));
  ApiErrorDetails details;
  details.status = answer.status;
  // A server may echo any part of the request, the key included.
  details.detail = redact(parsed.detail, secret);
  details.code = redact(parsed.code, secret);
  for (const auto& [field, messages] : parsed.field_errors) {
    auto& redacted = details.field_errors[redact(field, secret)];
    for (const auto& message : messages)
      redacted.push_back(redact(message, secret));
  }
  details.body = redact(std::move(answer.body), secret);
  for (const auto& [name, value] : answer.headers)
    details.headers.add(redact(name, secret), redact(value, secret));
  details.request_id = request_id_of(details.headers);
  details.method = std::move(answer.method);
  details.path = std::move(answer.path);
  details.url = redact(url.empty() ? details.path : std::string(url), secret);
  return details;
}

// "GET https://host/base/api/v3/threads/abc: HTTP 404: Not found. (request id r1)",
// built before `details` is moved into the exception.
std::string api_error_message(const ApiErrorDetails& details) {
  std::string message = details.method + " " + details.url + ": HTTP " + std::to_string(details.status);
  if (!details.detail.empty()) message += ": " + details.detail;
  if (!details.request_id.empty()) message += " (request id " + details.request_id + ")";
  return message;
}

}  // namespace

std::exception_ptr concluded_not_found(std::string method, std::string path, std::string url,
                                       std::string detail) {
  ApiErrorDetails details;
  details.status = 404;
  details.detail = std::move(detail);
  details.method = std::move(method);
  details.path = std::move(path);
  details.url = std::move(url);
  std::string message = api_error_message(details);
  return make<NotFoundError>(std::move(message), std::move(details));
}

std::exception_ptr api_error(ErrorAnswer answer, std::string_view secret, std::string_view url,
                             std::string_view note) {
  ApiErrorDetails details = redacted_details(answer, secret, url);
  std::string message = api_error_message(details);
  if (!note.empty()) message += " (" + std::string(note) + ")";
  // Even an id that happens to be the key.
  message = redact(std::move(message), secret);

  switch (details.status) {
    case 400:
      return make<BadRequestError>(message, std::move(details));
    case 401:
      return make<AuthenticationError>(message, std::move(details));
    case 403:
      return make<PermissionDeniedError>(message, std::move(details));
    case 404:
      return make<NotFoundError>(message, std::move(details));
    case 409:
      return make<ConflictError>(message, std::move(details));
    case 422:
      return make<UnprocessableEntityError>(message, std::move(details));
    case 429:
      return make<RateLimitError>(message, std::move(details), answer.retry_after);
    default:
      if (details.status >= 500) return make<ServerError>(message, std::move(details));
      return make<ApiError>(message, std::move(details));
  }
}

std::exception_ptr transfer_error(TransferError error, std::string_view detail, std::string_view method,
                                  std::string_view url, std::string_view secret) {
  std::string message = std::string(method) + " " + std::string(url) + ": " + to_string(error);
  if (!detail.empty()) message += " (" + std::string(detail) + ")";
  message = redact(std::move(message), secret);
  switch (error) {
    case TransferError::cancelled:
      return make<CancelledError>(message);
    case TransferError::timeout:
    case TransferError::connect_timeout:
    case TransferError::stalled:
      return make<TimeoutError>(message);
    default:
      return make<ConnectionError>(message);
  }
}

}  // namespace paradigm::detail
