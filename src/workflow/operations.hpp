#pragma once

// One function per operation of <paradigm/operations.hpp>, each written once
// as steps on the call's runtime: the default connection runs them on the
// calling thread (blocking calls) or on its event loop (asynchronous ones).
// Each validates its request and builds its HTTP requests first (throwing
// InvalidRequestError before anything is sent), then hands its result to
// `done`. Declared here from the operations table; defined in ops_*.cpp and
// streaming.cpp.

#include <paradigm/operations.hpp>

#include "workflow/context.hpp"
#include "workflow/result.hpp"

#include <type_traits>

namespace paradigm::detail {

/// What an operation's steps produce for a Result: the value, or Done for void.
template <class T>
using Produced = std::conditional_t<std::is_void_v<T>, Done, T>;

#define PARADIGM_OPERATION(Request, name, Result, kind, params, optional) \
  void start_operation(const CallPtr& call, const ::paradigm::ops::Request& op,      \
                       Callback<Produced<Result>> done);
#include <paradigm/operation_list.inc>
#undef PARADIGM_OPERATION

}  // namespace paradigm::detail
