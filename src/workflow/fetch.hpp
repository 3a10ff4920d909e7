#pragma once

// Requests whose 2xx answer is JSON held in memory: sent with the retry
// rules, then decoded into a model type.

#include <paradigm/errors.hpp>

#include "json/model_json.hpp"
#include "transport/bounded_buffer.hpp"
#include "workflow/send.hpp"

#include <string>
#include <utility>

namespace paradigm::detail {

/// The DecodeError of an answer held in memory that outgrew max_response_bytes
/// (`limit`); `advice` says what to do instead, when there is something.
std::exception_ptr response_too_large(std::size_t limit, std::string_view advice = {});

/// Holds a 2xx body in memory, refusing more than `limit` bytes.
class BufferSink final : public BodySink {
 public:
  explicit BufferSink(std::size_t limit) : buffer_(limit) {}
  void reset() override { buffer_.clear(); }
  bool on_head(int status, const Headers& headers) override;
  bool on_data(std::string_view bytes) override;
  std::exception_ptr failure() const override { return failure_; }
  std::string take() { return buffer_.take(); }

 private:
  BoundedBuffer buffer_;
  std::exception_ptr failure_;
};

/// A 2xx answer held in memory.
struct Answer {
  int status = 0;
  std::string body;
};

/// Sends `spec` and hands over the whole 2xx answer.
void fetch_answer(const CallPtr& call, RequestSpec spec, Callback<Answer> done);

/// Decodes a 2xx answer into T; a DecodeError names the request it came
/// from (`where`, e.g. "GET /api/v3/threads/abc").
template <class T>
T decode_answer(const Answer& answer, const std::string& where) {
  if (answer.body.empty())
    throw DecodeError(where + ": empty response body (HTTP " + std::to_string(answer.status) + ")");
  try {
    return decode_text<T>(answer.body);
  } catch (const DecodeError& e) {
    throw DecodeError(where + ": " + e.what(), e.path(), e.raw());
  }
}

/// Sends `spec` and decodes its answer into T.
template <class T>
void fetch(const CallPtr& call, RequestSpec spec, Callback<T> done) {
  std::string where = call->context().describe(spec);
  fetch_answer(call, std::move(spec),
               [where = std::move(where), done = std::move(done)](Result<Answer> answer) {
                 if (forward_error(answer, done)) return;
                 done(capture([&] { return decode_answer<T>(answer.value(), where); }));
               });
}

}  // namespace paradigm::detail
