#pragma once

// How every transport hands an answer to a BodySink: the head once before the
// first body byte, a non-2xx body kept for the error instead, an exception of
// the sink held (it must never unwind through a C library), and the outcome's
// kind decided from what the sink did. Written once for the libcurl transport
// and the scripted transport of the tests.

#include "transport/bounded_buffer.hpp"
#include "transport/transport.hpp"

#include <exception>
#include <string>
#include <string_view>

namespace paradigm::detail {

class Delivery {
 public:
  explicit Delivery(BodySink& sink) noexcept : sink_(sink), error_body_(kMaxErrorBody) {}

  /// A new answer head begins (after a redirect or a 100 Continue): forget the earlier one.
  void begin_head() { headers_ = Headers(); }
  void add_header(std::string name, std::string value) { headers_.add(std::move(name), std::move(value)); }

  /// The answer's status is known and its body begins. False: stop the exchange.
  bool head(int status);
  /// The next body bytes. False: stop the exchange.
  bool data(std::string_view bytes);
  /// True once the sink stopped the exchange (returned false or threw).
  bool stopped() const noexcept { return stopped_; }

  /// The outcome, given how the exchange itself ended (`none`: the whole
  /// answer arrived). Consumes the headers and the error body.
  Outcome finish(int status, TransferError error, std::string message);

 private:
  template <class Step>
  bool guarded(Step&& step);

  BodySink& sink_;
  Headers headers_;
  BoundedBuffer error_body_;
  int status_ = 0;
  bool head_delivered_ = false;
  bool is_error_answer_ = false;
  bool stopped_ = false;
  std::uint64_t body_bytes_ = 0;
  std::exception_ptr thrown_;
};

}  // namespace paradigm::detail
