// ThreadsConnection's defaults: each form of an operation falls back on the
// other; an operation implemented in neither throws, naming itself.

#include <paradigm/connection.hpp>
#include <paradigm/errors.hpp>

#include <cstring>

namespace paradigm {

namespace {

[[noreturn]] void not_implemented(const char* operation) {
  throw Error(std::string("ThreadsConnection::") + operation + " is not implemented by this connection");
}

// The operation whose asynchronous default runs on this thread now: its
// blocking default then knows that neither form is implemented.
thread_local const char* running_async_default = nullptr;

// The asynchronous default: the blocking form, now, on the calling thread.
template <class R, class Blocking>
Future<R> run_now(const char* operation, Blocking&& blocking) {
  const char* outer = running_async_default;
  running_async_default = operation;
  Future<R> result;
  try {
    if constexpr (std::is_void_v<R>) {
      blocking();
      result = make_ready_future();
    } else {
      result = make_ready_future<R>(blocking());
    }
  } catch (...) {
    result = make_failed_future<R>(std::current_exception());
  }
  running_async_default = outer;
  return result;
}

// The blocking default: the asynchronous form, waited for.
template <class R, class Async>
R wait_for(const char* operation, Async&& async) {
  if (running_async_default && std::strcmp(running_async_default, operation) == 0) not_implemented(operation);
  return async().get();
}

}  // namespace

ThreadsConnection::~ThreadsConnection() = default;

const ClientOptions& ThreadsConnection::options() const {
  static const ClientOptions defaults;
  return defaults;
}

#define PARADIGM_OPERATION(Request, name, Result, kind, params, optional)                                    \
  Result ThreadsConnection::name(PARADIGM_PARAMS(PARADIGM_PARAM_, params, optional)) {                       \
    return wait_for<Result>(#name,                                                                           \
                            [&] { return async_##name(PARADIGM_PARAMS(PARADIGM_ARG_, params, optional)); }); \
  }                                                                                                          \
  Future<Result> ThreadsConnection::async_##name(PARADIGM_PARAMS(PARADIGM_PARAM_, params, optional)) {       \
    return run_now<Result>(#name, [&] { return name(PARADIGM_PARAMS(PARADIGM_ARG_, params, optional)); });   \
  }
#include <paradigm/operation_list.inc>
#undef PARADIGM_OPERATION

}  // namespace paradigm
