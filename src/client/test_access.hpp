#pragma once

// Lets tests build a client on an injected clock and reach its core.

#include <paradigm/client.hpp>

#include "client/client_core.hpp"
#include "retry/clock.hpp"

#include <memory>

namespace paradigm {

struct ClientTestAccess {
  static ThreadsClient make(ClientOptions options, std::shared_ptr<detail::Clock> clock);
  static detail::ClientCore& core(ThreadsClient& client);
};

}  // namespace paradigm
