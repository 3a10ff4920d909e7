#pragma once

// Where the SDK runs your code: an Executor is any function that runs the
// work it is given, now or later, on a thread of its choice (a queue your
// loop drains, an Asio executor, a GUI's event loop). See docs/async.md,
// "Where continuations run".

#include <functional>
#include <memory>
#include <type_traits>
#include <utility>

namespace paradigm {

/// A piece of work an Executor runs once: a move-only `void()` callable.
class Work {
 public:
  Work() = default;
  template <class F, class = std::enable_if_t<!std::is_same_v<std::decay_t<F>, Work>>>
  Work(F&& f) : run_(std::make_unique<Holder<std::decay_t<F>>>(std::forward<F>(f))) {}  // NOLINT
  explicit operator bool() const noexcept { return static_cast<bool>(run_); }
  void operator()() { run_->run(); }

 private:
  struct Base {
    virtual ~Base() = default;
    virtual void run() = 0;
  };
  template <class F>
  struct Holder final : Base {
    explicit Holder(F&& callable) : fn(std::move(callable)) {}
    explicit Holder(const F& callable) : fn(callable) {}
    void run() override { fn(); }
    F fn;
  };
  std::unique_ptr<Base> run_;
};

/// Runs each piece of work it is given exactly once, on a thread of its
/// choice, never before it returns unless it runs it at once; it must not
/// throw. Set per client (ClientOptions::executor) or per call
/// (CallOptions::executor): the continuations of the call's Future (`then`,
/// a coroutine awaiting it) are then handed to it instead of running on the
/// connection's event-loop thread.
///
///     paradigm::ClientOptions options = paradigm::ClientOptions::from_env();
///     options.executor = [&queue](paradigm::Work work) { queue.push(std::move(work)); };
///
/// Work is move-only; an API that wants a copyable callable can take
/// `[shared = std::make_shared<paradigm::Work>(std::move(work))] { (*shared)(); }`.
using Executor = std::function<void(Work)>;

/// An executor that runs the work at once, on the thread that hands it over
/// (the event loop's, for a call that completes there): what a call does
/// without an executor, also when its client has one.
inline Executor inline_executor() {
  return [](Work work) { work(); };
}

}  // namespace paradigm
