#pragma once

// The value of a step of a workflow, or the exception that replaced it.
// Workflows are written as steps that hand their Result to a callback, so
// that one implementation runs on the caller's thread (blocking calls) or on
// an event loop.

#include <exception>
#include <functional>
#include <optional>
#include <type_traits>
#include <utility>

namespace paradigm::detail {

/// What a step without a value returns.
struct Done {};

template <class T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(std::exception_ptr error) noexcept
      : error_(std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const noexcept { return !error_; }
  const std::exception_ptr& error() const noexcept { return error_; }
  /// The value; rethrows the error.
  T& value() & {
    if (error_) std::rethrow_exception(error_);
    return *value_;
  }
  T&& value() && {
    if (error_) std::rethrow_exception(error_);
    return std::move(*value_);
  }

 private:
  std::optional<T> value_;
  std::exception_ptr error_;
};

template <class T>
using Callback = std::function<void(Result<T>)>;

/// Runs `f` and keeps what it returns or throws.
template <class F>
auto capture(F&& f) -> Result<std::invoke_result_t<F>> {
  try {
    return Result<std::invoke_result_t<F>>(f());
  } catch (...) {
    return std::current_exception();
  }
}

/// The error of `result`, passed on to `done`, when it has one: true then.
template <class T, class U>
bool forward_error(const Result<T>& result, const Callback<U>& done) {
  if (result.ok()) return false;
  done(result.error());
  return true;
}

}  // namespace paradigm::detail
