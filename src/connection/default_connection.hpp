#pragma once

// The default ThreadsConnection: every operation's workflow, run on the
// calling thread (blocking calls: each exchange where its route says) or on
// the connection's event loop (asynchronous calls).

#include <paradigm/connection.hpp>

#include "connection/async_engine.hpp"
#include "connection/loop_relay.hpp"
#include "workflow/context.hpp"

#include <memory>

namespace paradigm::detail {

class DefaultConnection final : public ThreadsConnection {
 public:
  DefaultConnection(std::shared_ptr<const ConnectionContext> context, AsyncEngine::MakeTransport make_async);

  const ClientOptions& options() const override { return context_->options(); }

#define PARADIGM_OPERATION(Request, name, Result, kind, params, optional) \
  Result name(PARADIGM_PARAMS(PARADIGM_PARAM_, params, optional)) override;   \
  Future<Result> async_##name(PARADIGM_PARAMS(PARADIGM_PARAM_, params, optional)) override;
#include <paradigm/operation_list.inc>
#undef PARADIGM_OPERATION

  /// The shared settings and transport (for tests of internals).
  const std::shared_ptr<const ConnectionContext>& context() const noexcept {
    return context_;
  }

 private:
  std::shared_ptr<const ConnectionContext> context_;
  std::shared_ptr<AsyncEngine> engine_;
  // The route `event_loop` of blocking calls.
  LoopRelay relay_;
};

}  // namespace paradigm::detail
