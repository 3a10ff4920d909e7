#include "transport/delivery.hpp"

namespace paradigm::detail {

template <class Step>
bool Delivery::guarded(Step&& step) {
  try {
    if (step()) return true;
  } catch (...) {
    thrown_ = std::current_exception();
  }
  stopped_ = true;
  return false;
}

bool Delivery::head(int status) {
  if (head_delivered_) return !stopped_;
  head_delivered_ = true;
  status_ = status;
  is_error_answer_ = status < 200 || status >= 300;
  if (is_error_answer_) return true;
  return guarded([&] { return sink_.on_head(status, headers_); });
}

bool Delivery::count_head_bytes(std::size_t bytes) {
  head_bytes_ += bytes;
  head_too_large_ = head_too_large_ || head_bytes_ > kMaxHeadBytes;
  return !head_too_large_;
}

bool Delivery::data(std::string_view bytes) {
  if (stopped_ || error_body_read_) return false;
  if (is_error_answer_) {
    // The rest of the body would only be dropped: inflating a gigabyte of it
    // (a compressed bomb) to keep nothing more is not worth reading it.
    error_body_read_ = !error_body_.append_truncated(bytes);
    return !error_body_read_;
  }
  if (!guarded([&] { return sink_.on_data(bytes); })) return false;
  body_bytes_ += bytes.size();
  return true;
}

Outcome Delivery::finish(int status, TransferError error, std::string message) {
  // Stopping an error body once what is kept is read is not a broken
  // connection: the answer is as complete as it will be kept.
  if (error_body_read_) error = TransferError::none;
  if (head_too_large_) {
    error = TransferError::other;
    message = "the answer's head exceeds " + std::to_string(kMaxHeadBytes) + " bytes";
  }
  // An answer without a body still shows its head to the sink.
  if (error == TransferError::none && !stopped_) head(status);
  Outcome outcome;
  outcome.status = head_delivered_ ? status_ : status;
  outcome.headers = std::move(headers_);
  outcome.body_bytes = body_bytes_;
  if (stopped_) {
    outcome.kind = OutcomeKind::stopped;
    outcome.receiver_error = thrown_ ? thrown_ : sink_.failure();
    return outcome;
  }
  if (error == TransferError::none) {
    outcome.kind = OutcomeKind::completed;
    if (is_error_answer_) outcome.error_body = error_body_.take();
    return outcome;
  }
  outcome.kind = sink_.committed() ? OutcomeKind::failed_after_commit : OutcomeKind::failed;
  outcome.error = error;
  outcome.message = std::move(message);
  return outcome;
}

}  // namespace paradigm::detail
