#pragma once

// How <paradigm/asio.hpp> completes an Asio handler from a paradigm::Future:
// once, on the handler's associated executor (never inside the initiating
// function), keeping that executor's work count up meanwhile; the handler's
// cancellation slot, when connected, cancels the call; when the handler's
// execution context shuts down first, the handler is destroyed unrun and the
// call cancelled.

#include <paradigm/detail/asio_config.hpp>
#include <paradigm/errors.hpp>
#include <paradigm/future.hpp>

#include <atomic>
#include <cstdint>
#include <exception>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>
#include <utility>

namespace paradigm::detail {

/// The completion signature of a call returning T: the error first (null on
/// success, else the exception the blocking call would throw), then the value.
template <class T>
struct AsioSignature {
  using type = void(std::exception_ptr, T);
};
template <>
struct AsioSignature<void> {
  using type = void(std::exception_ptr);
};

/// A call whose handler waits in an execution context.
class AsioPending {
 public:
  /// The context shuts down: the handler is destroyed unrun, the call cancelled.
  virtual void abandon() noexcept = 0;

 protected:
  ~AsioPending() = default;
};

/// The calls whose handlers belong to one execution context. When it shuts
/// down (an io_context destroyed, or whose run() ended, with calls in
/// flight), their handlers are destroyed without running, as Asio's own
/// operations are (with them a coroutine frame awaiting the call), and the
/// calls are cancelled.
class AsioPendingCalls final : public asio::execution_context::service {
 public:
  struct Registry {
    std::mutex mutex;
    bool open = true;
    std::uint64_t next_id = 0;
    std::map<std::uint64_t, std::weak_ptr<AsioPending>> pending;
  };

  static inline asio::execution_context::id id;

  explicit AsioPendingCalls(asio::execution_context& context)
      : asio::execution_context::service(context), registry_(std::make_shared<Registry>()) {}

  const std::shared_ptr<Registry>& registry() const noexcept { return registry_; }

 private:
  void shutdown() override {
    std::map<std::uint64_t, std::weak_ptr<AsioPending>> pending;
    {
      std::lock_guard<std::mutex> lock(registry_->mutex);
      registry_->open = false;
      pending.swap(registry_->pending);
    }
    for (auto& [number, weak] : pending) {
      if (auto call = weak.lock()) call->abandon();
    }
  }

  std::shared_ptr<Registry> registry_;
};

template <class T, class Handler, class IoExecutor>
class AsioCompletion final : public AsioPending,
                             public std::enable_shared_from_this<AsioCompletion<T, Handler, IoExecutor>> {
 public:
  using HandlerExecutor = asio::associated_executor_t<Handler, IoExecutor>;

  AsioCompletion(Handler handler, const IoExecutor& io_executor, Future<T> future)
      : work_(asio::make_work_guard(asio::get_associated_executor(handler, io_executor))),
        handler_(std::move(handler)),
        future_(std::move(future)),
        state_(FutureAccess::state(future_)),
        registry_(registry_of(work_->get_executor(), io_executor)) {}

  /// The calls of the handler executor's context (of the I/O executor's,
  /// for an executor that has none, such as asio::use_future's).
  static std::shared_ptr<AsioPendingCalls::Registry> registry_of(const HandlerExecutor& executor,
                                                                 const IoExecutor& io_executor) {
    if constexpr (asio::can_query<HandlerExecutor, asio::execution::context_t>::value) {
      return asio::use_service<AsioPendingCalls>(asio::query(executor, asio::execution::context)).registry();
    } else {
      (void)executor;
      return asio::use_service<AsioPendingCalls>(asio::query(io_executor, asio::execution::context))
          .registry();
    }
  }

  /// Registers with the handler's execution context and connects the
  /// handler's cancellation slot to the call; false if the context shut down.
  bool start() {
    {
      std::lock_guard<std::mutex> lock(registry_->mutex);
      if (!registry_->open) return false;
      id_ = registry_->next_id++;
      registry_->pending.emplace(id_, this->weak_from_this());
    }
#if PARADIGM_ASIO_HAS_CANCELLATION
    slot_ = asio::get_associated_cancellation_slot(*handler_);
    if (slot_.is_connected()) {
      slot_.assign([state = state_](asio::cancellation_type type) {
        if (type != asio::cancellation_type::none) state->cancel();
      });
    }
#endif
    return true;
  }

  /// Posts the handler to its executor with the call's outcome (or with
  /// `dropped`, when the connection went away first). Once; not after the
  /// handler's context shut down.
  void finish(std::exception_ptr dropped) {
    if (finished_.exchange(true)) return;
    std::lock_guard<std::mutex> lock(registry_->mutex);  // the context stays up while posting
    if (!registry_->open) return;                        // it shut down: abandon() had the handler
    registry_->pending.erase(id_);
    asio::post(work_->get_executor(),
               [self = this->shared_from_this(), dropped]() mutable { self->deliver(std::move(dropped)); });
  }

  void abandon() noexcept override {
#if PARADIGM_ASIO_HAS_CANCELLATION
    if (slot_.is_connected()) slot_.clear();
#endif
    handler_.reset();
    work_.reset();
    state_->cancel();
  }

 private:
  // On the handler's executor.
  void deliver(std::exception_ptr dropped) {
#if PARADIGM_ASIO_HAS_CANCELLATION
    if (slot_.is_connected()) slot_.clear();
#endif
    std::exception_ptr error = dropped ? dropped : future_.error();
    auto work = std::move(work_);  // released once the handler returns
    Handler handler = std::move(*handler_);
    handler_.reset();
    if constexpr (std::is_void_v<T>) {
      std::move(handler)(error);
    } else {
      T value{};
      if (!error) value = std::move(future_).get();  // moved out unless another Future shares it
      std::move(handler)(error, std::move(value));
    }
  }

  std::optional<asio::executor_work_guard<HandlerExecutor>> work_;
  std::optional<Handler> handler_;
  Future<T> future_;  // the one handle kept here
  std::shared_ptr<SharedState<T>> state_;
  std::shared_ptr<AsioPendingCalls::Registry> registry_;
  std::uint64_t id_ = 0;
  std::atomic<bool> finished_{false};
#if PARADIGM_ASIO_HAS_CANCELLATION
  asio::associated_cancellation_slot_t<Handler> slot_;
#endif
};

/// Completes `handler` with `future`'s outcome on the handler's executor
/// (`io_executor` when it has none).
template <class T, class Handler, class IoExecutor>
void complete_when_done(Future<T> future, Handler&& handler, const IoExecutor& io_executor) {
  std::shared_ptr<SharedState<T>> state = FutureAccess::state(future);
  using Completion = AsioCompletion<T, std::decay_t<Handler>, IoExecutor>;
  auto completion =
      std::make_shared<Completion>(std::forward<Handler>(handler), io_executor, std::move(future));
  if (!completion->start()) return completion->abandon();
  state->add({[completion] { completion->finish(nullptr); },
              [completion](std::exception_ptr error) { completion->finish(std::move(error)); }});
}

/// The initiation of every call: `start()` makes the call's Future, whose
/// outcome completes the handler.
template <class IoExecutor>
struct AsioInitiation {
  using executor_type = IoExecutor;
  IoExecutor executor;

  executor_type get_executor() const noexcept { return executor; }

  template <class Handler, class Start>
  void operator()(Handler&& handler, Start&& start) const {
    using Value = typename std::invoke_result_t<Start&>::value_type;
    Future<Value> future;
    try {
      future = start();
      if (!future.valid()) StateBase::throw_usage("the connection returned an empty Future");
    } catch (...) {
      future = make_failed_future<Value>(std::current_exception());
    }
    complete_when_done(std::move(future), std::forward<Handler>(handler), executor);
  }
};

}  // namespace paradigm::detail
