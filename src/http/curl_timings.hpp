#pragma once

// libcurl's timings of a finished transfer, for the traces of traced calls.

#include "transport/transport.hpp"

#include <curl/curl.h>

namespace paradigm::detail {

/// Connect, TLS handshake, first byte and total, each from the transfer's start.
TransferTimings read_timings(CURL* easy);

}  // namespace paradigm::detail
