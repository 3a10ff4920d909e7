#pragma once

// Runs one operation to its end on the calling thread: the blocking form of
// every operation of the default connection.

#include <paradigm/errors.hpp>

#include "trace/traced_operation.hpp"
#include "workflow/context.hpp"
#include "workflow/operations.hpp"
#include "workflow/runtime.hpp"

#include <memory>
#include <optional>
#include <utility>

namespace paradigm::detail {

/// Starts `request`'s operation and runs its steps until it is done (each
/// exchange where its route says: here, or on the loop through `loop_relay`); returns
/// its value or throws its error. On success, the answer that produced the
/// value goes to `options.response_info`.
template <class Request>
typename Request::Result run_blocking(const std::shared_ptr<const ConnectionContext>& connection,
                                      Transport& loop_relay, const CallOptions& options,
                                      const Request& request) {
  using Value = Produced<typename Request::Result>;
  BlockingRuntime runtime(connection->transport(), loop_relay, connection->clock());
  auto call = std::make_shared<Call>(connection, runtime, options);
  std::optional<Result<Value>> result;
  start_traced(call, request, Callback<Value>([&result](Result<Value> value) { result = std::move(value); }));
  runtime.run();
  if (!result) throw Error("internal error: the call ended without a result");
  if (result->ok() && options.response_info) *options.response_info = call->last_response;
  if constexpr (std::is_void_v<typename Request::Result>) {
    std::move(*result).value();
  } else {
    return std::move(*result).value();
  }
}

}  // namespace paradigm::detail
