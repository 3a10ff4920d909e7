#pragma once

// Runs one operation to its end on the calling thread: the blocking form of
// every ThreadsConnection operation.

#include <paradigm/errors.hpp>

#include "workflow/context.hpp"
#include "workflow/result.hpp"
#include "workflow/runtime.hpp"

#include <memory>
#include <optional>
#include <utility>

namespace paradigm::detail {

/// Starts `op(call, args..., done)` and runs its steps until it is done;
/// returns its value or throws its error. On success, the answer that
/// produced the value goes to `options.response_info`.
template <class T, class Op, class... Args>
T run_blocking(const std::shared_ptr<const ConnectionContext>& connection, const CallOptions& options,
               Op&& op, Args&&... args) {
  BlockingRuntime runtime(connection->transport(), connection->clock());
  auto call = std::make_shared<Call>(connection, runtime, options);
  std::optional<Result<T>> result;
  op(call, std::forward<Args>(args)...,
     Callback<T>([&result](Result<T> value) { result = std::move(value); }));
  runtime.run();
  if (!result) throw Error("internal error: the call ended without a result");
  if (result->ok() && options.response_info) *options.response_info = call->last_response;
  return std::move(*result).value();
}

}  // namespace paradigm::detail
