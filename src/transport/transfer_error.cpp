#include "transport/transport.hpp"

namespace paradigm::detail {

bool nothing_was_sent(TransferError error) noexcept {
  return error == TransferError::resolve || error == TransferError::connect ||
         error == TransferError::connect_timeout || error == TransferError::tls ||
         error == TransferError::not_delivered;
}

const char* to_string(TransferError error) noexcept {
  switch (error) {
    case TransferError::none:
      return "ok";
    case TransferError::resolve:
      return "could not resolve host";
    case TransferError::connect:
      return "could not connect";
    case TransferError::connect_timeout:
      return "connect timeout";
    case TransferError::tls:
      return "TLS failure";
    case TransferError::timeout:
      return "request timeout";
    case TransferError::stalled:
      return "stalled (no data received)";
    case TransferError::reset:
      return "connection reset";
    case TransferError::not_delivered:
      return "connection lost before the request was sent";
    case TransferError::cancelled:
      return "cancelled";
    case TransferError::too_many_redirects:
      return "too many redirects";
    case TransferError::other:
      return "transfer failed";
  }
  return "transfer failed";
}

}  // namespace paradigm::detail
