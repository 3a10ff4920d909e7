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

/// The most an exchange's heads may take, all together (libcurl has its own
/// limits; this one holds whatever the libcurl in use does).
inline constexpr std::size_t kMaxHeadBytes = std::size_t{1} << 20;

class Delivery {
 public:
  explicit Delivery(BodySink& sink) noexcept : sink_(sink), error_body_(kMaxErrorBody) {}

  /// A new answer head begins (after a redirect or a 100 Continue): forget the earlier one.
  void begin_head() { headers_ = Headers(); }
  void add_header(std::string name, std::string value) { headers_.add(std::move(name), std::move(value)); }
  /// Counts `bytes` more of the exchange's heads (every line of every head,
  /// informational ones and redirects included). False once they pass
  /// kMaxHeadBytes: stop the exchange, it fails with a message that says why.
  bool count_head_bytes(std::size_t bytes);

  /// The answer's status is known and its body begins. False: stop the exchange.
  bool head(int status);
  /// The next body bytes. False: stop the exchange. The body of an error
  /// answer is read only as far as it is kept (kMaxErrorBody): past that the
  /// exchange stops, and the answer counts as complete, not as a failure.
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
  bool error_body_read_ = false;  // as far as it is kept: the rest was not read
  bool head_too_large_ = false;
  std::size_t head_bytes_ = 0;
  std::uint64_t body_bytes_ = 0;
  std::exception_ptr thrown_;
};

}  // namespace paradigm::detail
