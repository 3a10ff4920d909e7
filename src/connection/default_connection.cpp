// The default connection's operations: each packs its arguments into its
// request type and runs the operation's workflow, here (blocking) or on the
// event loop (asynchronous).

#include "connection/default_connection.hpp"

#include "connection/blocking_call.hpp"

namespace paradigm::detail {

#define PARADIGM_OPERATION(Request, name, Result, streams, params, optional)                 \
  Result DefaultConnection::name(PARADIGM_PARAMS(PARADIGM_PARAM, params, optional)) {                 \
    ops::Request op;                                                                                  \
    PARADIGM_PARAMS(PARADIGM_STORE, params, optional)                                                 \
    return run_blocking(context_, call, op);                                                          \
  }                                                                                                   \
  Future<Result> DefaultConnection::async_##name(PARADIGM_PARAMS(PARADIGM_PARAM, params, optional)) { \
    ops::Request op;                                                                                  \
    PARADIGM_PARAMS(PARADIGM_STORE, params, optional)                                                 \
    return engine_->start(call, std::move(op));                                                       \
  }
#include <paradigm/operation_list.inc>
#undef PARADIGM_OPERATION

}  // namespace paradigm::detail
