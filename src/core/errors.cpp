#include <paradigm/errors.hpp>
#include <paradigm/turn.hpp>

namespace paradigm {

ApiError::ApiError(const std::string& message, ApiErrorDetails details)
    : Error(message), details_(std::make_shared<const ApiErrorDetails>(std::move(details))) {}

WaitTimeoutError::WaitTimeoutError(const std::string& message, const Turn& last_seen)
    : Error(message), last_turn_(std::make_shared<const Turn>(last_seen)) {}

}  // namespace paradigm
