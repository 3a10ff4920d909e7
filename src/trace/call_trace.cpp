#include "trace/call_trace.hpp"

#include <paradigm/errors.hpp>

#include <nlohmann/json.hpp>

namespace paradigm::detail {

namespace {

double seconds_between(std::chrono::steady_clock::time_point from, std::chrono::steady_clock::time_point to) {
  return std::chrono::duration<double>(to - from).count();
}

}  // namespace

std::string messages_json(std::string_view role, std::string_view text) {
  nlohmann::json part = {{"type", "text"}, {"content", std::string(text)}};
  nlohmann::json message = {{"role", std::string(role)}, {"parts", nlohmann::json::array({part})}};
  // A cut may split a UTF-8 sequence: replaced, never thrown.
  return nlohmann::json::array({message}).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string error_type_of(const std::exception_ptr& error) {
  if (!error) return {};
  try {
    std::rethrow_exception(error);
  } catch (const RateLimitError&) {
    return "RateLimitError";
  } catch (const ServerError&) {
    return "ServerError";
  } catch (const AuthenticationError&) {
    return "AuthenticationError";
  } catch (const PermissionDeniedError&) {
    return "PermissionDeniedError";
  } catch (const NotFoundError&) {
    return "NotFoundError";
  } catch (const ConflictError&) {
    return "ConflictError";
  } catch (const UnprocessableEntityError&) {
    return "UnprocessableEntityError";
  } catch (const BadRequestError&) {
    return "BadRequestError";
  } catch (const ApiError&) {
    return "ApiError";
  } catch (const TimeoutError&) {
    return "TimeoutError";
  } catch (const ConnectionError&) {
    return "ConnectionError";
  } catch (const StreamError&) {
    return "StreamError";
  } catch (const WaitTimeoutError&) {
    return "WaitTimeoutError";
  } catch (const CancelledError&) {
    return "CancelledError";
  } catch (const DecodeError&) {
    return "DecodeError";
  } catch (const InvalidRequestError&) {
    return "InvalidRequestError";
  } catch (const Error&) {
    return "Error";
  } catch (...) {
    return "_OTHER";
  }
}

CallTrace::CallTrace(const Telemetry& telemetry, Clock& clock, std::optional<SpanContext> parent)
    : telemetry_(telemetry), clock_(clock), parent_(std::move(parent)) {
  if (!parent_ && telemetry_.tracer) parent_ = telemetry_.tracer->current_context();
}

CallTrace::~CallTrace() {
  // A call dropped unfinished (its connection destroyed) still ends its spans.
  while (!scopes_.empty())
    close_scope();
  if (operation_) operation_->end(now());
  if (started_turn_ && telemetry_.metrics) telemetry_.metrics->add_turns_in_flight(-1);
}

void CallTrace::start_operation(OperationInfo info) {
  info_ = std::move(info);
  started_ = clock_.now();
  metric_attributes_ = {{"paradigm.operation", info_.name}};
  for (const Attribute& attribute : info_.attributes) {
    if (attribute.key == "gen_ai.operation.name" || attribute.key == "gen_ai.provider.name") {
      metric_attributes_[attribute.key] = std::get<std::string>(attribute.value);
    }
  }
  if (info_.is_turn && telemetry_.metrics) {
    telemetry_.metrics->add_turns_in_flight(1);
    started_turn_ = true;
  }
  if (!telemetry_.tracer) return;
  SpanStart start;
  start.name = info_.name;
  start.kind = info_.kind;
  start.parent = parent_ ? &*parent_ : nullptr;
  start.start = now();
  start.attributes = std::move(info_.attributes);
  if (!info_.captured_query.empty()) {
    start.attributes.push_back({"gen_ai.input.messages", messages_json("user", info_.captured_query)});
  }
  operation_ = telemetry_.tracer->start_span(start);
}

void CallTrace::end_operation(const std::exception_ptr& error, const Attributes& result) {
  std::string type = error_type_of(error);
  for (const Attribute& attribute : result) {
    if (attribute.key == "error.type") type = std::get<std::string>(attribute.value);
  }
  while (!scopes_.empty())
    close_scope();
  if (telemetry_.metrics) {
    auto attributes = metric_attributes_;
    if (!type.empty()) {
      attributes["error.type"] = type;
      telemetry_.metrics->add_failure(attributes);
    }
    telemetry_.metrics->record_operation(seconds_between(started_, clock_.now()), attributes);
    if (started_turn_) telemetry_.metrics->add_turns_in_flight(-1);
    started_turn_ = false;
  }
  if (!operation_) return;
  for (const Attribute& attribute : result)
    operation_->set_attribute(attribute.key, attribute.value);
  if (!type.empty()) {
    operation_->set_attribute("error.type", type);
    std::string description;
    if (error) {
      try {
        std::rethrow_exception(error);
      } catch (const std::exception& e) {
        description = e.what();  // the SDK's messages never hold the key
      } catch (...) {
      }
    }
    operation_->set_status(SpanStatus::error, description.empty() ? type : description);
  }
  operation_->end(now());
  operation_.reset();
}

std::shared_ptr<Span> CallTrace::start_child(std::string_view name, SpanKind kind, Attributes attributes,
                                             TraceTime start_time) {
  if (!telemetry_.tracer) return nullptr;
  std::optional<SpanContext> parent = innermost_context();
  SpanStart start;
  start.name = name;
  start.kind = kind;
  start.parent = parent ? &*parent : nullptr;
  start.start = start_time;
  start.attributes = std::move(attributes);
  return telemetry_.tracer->start_span(start);
}

void CallTrace::open_scope(std::shared_ptr<Span> span) {
  if (span) scopes_.push_back(std::move(span));
}

void CallTrace::close_scope() {
  if (scopes_.empty()) return;
  scopes_.back()->end(now());
  scopes_.pop_back();
}

std::optional<SpanContext> CallTrace::innermost_context() const {
  if (!scopes_.empty()) return scopes_.back()->context();
  if (operation_) return operation_->context();
  return parent_;
}

void CallTrace::operation_event(std::string_view name, Attributes attributes) {
  if (operation_) operation_->add_event(name, now(), std::move(attributes));
}

std::string CallTrace::captured(std::string_view text) const {
  return std::string(text.substr(0, telemetry_.max_captured_bytes));
}

}  // namespace paradigm::detail
