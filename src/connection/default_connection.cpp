// The default connection's operations: each packs its arguments into its
// request type and runs the operation's workflow, here (blocking) or on the
// event loop (asynchronous).

#include "connection/default_connection.hpp"

#include "connection/blocking_call.hpp"

namespace paradigm::detail {

DefaultConnection::DefaultConnection(std::shared_ptr<const ConnectionContext> context,
                                     AsyncEngine::MakeTransport make_async)
    : context_(std::move(context)),
      engine_(std::make_shared<AsyncEngine>(context_, std::move(make_async))),
      relay_(
          context_->transport(),
          [engine = std::weak_ptr<AsyncEngine>(engine_)]() -> std::shared_ptr<EventLoop> {
            auto alive = engine.lock();
            return alive ? alive->loop() : nullptr;
          },
          context_->options().max_response_bytes) {}

#define PARADIGM_OPERATION(Request, name, Result, kind, params, optional)                          \
  Result DefaultConnection::name(PARADIGM_PARAMS(PARADIGM_PARAM_, params, optional)) {                 \
    ops::Request op;                                                                                  \
    PARADIGM_PARAMS(PARADIGM_STORE_, params, optional)                                                 \
    return run_blocking(context_, relay_, call, op);                                                  \
  }                                                                                                   \
  Future<Result> DefaultConnection::async_##name(PARADIGM_PARAMS(PARADIGM_PARAM_, params, optional)) { \
    ops::Request op;                                                                                  \
    PARADIGM_PARAMS(PARADIGM_STORE_, params, optional)                                                 \
    return engine_->start(call, std::move(op));                                                       \
  }
#include <paradigm/operation_list.inc>
#undef PARADIGM_OPERATION

}  // namespace paradigm::detail
