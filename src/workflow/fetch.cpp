#include "workflow/fetch.hpp"

#include "transport/content_length.hpp"

namespace paradigm::detail {

std::exception_ptr response_too_large(std::size_t limit, std::string_view advice) {
  std::string message = "response body exceeds max_response_bytes (" + std::to_string(limit) + " bytes)";
  if (!advice.empty()) message += "; " + std::string(advice);
  return std::make_exception_ptr(DecodeError(message));
}

// One allocation for the whole answer instead of one per doubling: a 20 KB
// turn otherwise grows through five reallocations and copies. A compressed
// answer announces only its compressed length: it grows as it comes.
bool BufferSink::on_head(int, const Headers& headers) {
  buffer_.reserve_announced(decoded_length(headers));
  return true;  // an answer over the limit is refused by on_data, as when unannounced
}

bool BufferSink::on_data(std::string_view bytes) {
  if (buffer_.append(bytes)) return true;
  failure_ = response_too_large(buffer_.limit());
  return false;
}

void fetch_answer(const CallPtr& call, RequestSpec spec, Callback<Answer> done) {
  const std::size_t limit = call->context().options().max_response_bytes;
  auto sink = std::make_shared<BufferSink>(limit);
  send(call, std::move(spec), *sink, [sink, limit, done = std::move(done)](Result<Reply> reply) {
    if (forward_error(reply, done)) return;
    done(Answer{reply.value().status, sink->take(), limit});
  });
}

}  // namespace paradigm::detail
