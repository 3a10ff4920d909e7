// Waiting for a turn: polls on the call's runtime, with backoff, Retry-After,
// a deadline and cancellation.

#include "retry/retry_after.hpp"
#include "trace/hooks.hpp"
#include "workflow/paths.hpp"
#include "workflow/turn_steps.hpp"

#include <algorithm>

namespace paradigm::detail {

namespace {

using std::chrono::milliseconds;

std::string describe(const Turn& turn) {
  return "turn " + turn.id + " of thread " + turn.thread + " (" +
         (turn.status.empty() ? std::string("status unknown") : turn.status.text()) + ")";
}

class Waiter : public std::enable_shared_from_this<Waiter> {
 public:
  Waiter(CallPtr call, std::string thread_id, std::string turn_id, WaitOptions wait, ProgressPtr progress,
         Callback<Turn> done)
      : call_(std::move(call)),
        thread_id_(std::move(thread_id)),
        turn_id_(std::move(turn_id)),
        wait_(std::move(wait)),
        policy_(wait_.policy.value_or(call_->context().options().wait)),
        deadline_(clock().now() + policy_.deadline),
        progress_(std::move(progress)),
        done_(std::move(done)) {}

  void start(std::optional<Turn> known) {
    call_->note_turn(thread_id_, turn_id_);
    if (known) {
      last_ = std::move(*known);
      return pause();
    }
    last_.id = turn_id_;
    last_.thread = thread_id_;
    last_.status = TurnStatus::running;
    wait_.pause_first ? pause() : poll();
  }

 private:
  Clock& clock() { return call_->runtime.clock(); }

  void pause() {
    const auto left = std::chrono::duration_cast<milliseconds>(deadline_ - clock().now());
    if (left.count() <= 0) {
      return done_(std::make_exception_ptr(WaitTimeoutError(
          "gave up waiting after " + std::to_string(policy_.deadline.count()) + " ms: " + describe(last_),
          last_)));
    }
    milliseconds delay = poll_interval(pauses_++, policy_, clock().random_unit());
    if (hint_) delay = std::max(delay, std::min(*hint_, call_->context().options().retry.max_retry_after));
    delay = std::min(delay, left);
    LogEvent event(LogLevel::debug, "waiting: " + describe(last_));
    event.delay = delay;
    call_->context().log(event);
    call_->runtime.sleep(delay, call_->options.cancellation,
                         [self = shared_from_this(), wait = trace_poll_wait(*call_, delay)](bool slept) {
                           end_step(wait, *self->call_, slept);
                           if (slept) return self->poll();
                           self->done_(std::make_exception_ptr(
                               CancelledError("cancelled while waiting for " + describe(self->last_))));
                         });
  }

  // On a server without the per-turn route, the guide's background recipe:
  // the thread's status first, the turn list once it settled.
  void poll() {
    trace_poll(*call_);
    auto self = shared_from_this();
    if (!call_->context().turn_route_missing.load(std::memory_order_relaxed)) {
      return fetch_turn(call_, thread_id_, turn_id_,
                        [self](Result<Turn> turn) { self->on_turn(std::move(turn)); });
    }
    fetch<Thread>(call_, get_request(paths::thread(thread_id_)), [self](Result<Thread> thread) {
      if (forward_error(thread, self->done_)) return;
      self->hint_ = self->retry_after_hint();
      const auto status = thread.value().status.value();
      if (status == TurnStatus::running || status == TurnStatus::cancelling)
        return self->on_state(self->last_);
      fetch_turn(self->call_, self->thread_id_, self->turn_id_,
                 [self](Result<Turn> turn) { self->on_turn(std::move(turn)); });
    });
  }

  void on_turn(Result<Turn> turn) {
    if (forward_error(turn, done_)) return;
    hint_ = retry_after_hint();
    on_state(std::move(turn).value());
  }

  void on_state(Turn turn) {
    last_ = std::move(turn);
    trace_poll_saw(*call_, last_.status.text());
    if (wait_.on_update) {
      Result<Done> updated = capture([&] {
        wait_.on_update(last_);
        return Done{};
      });
      if (forward_error(updated, done_)) return;
    }
    if (forward_error(observe(progress_, last_), done_)) return;
    if (last_.is_terminal()) return done_(last_);
    pause();
  }

  // The Retry-After of the answer just received.
  std::optional<milliseconds> retry_after_hint() {
    return retry_after(call_->last_response.headers, clock().wall_now());
  }

  CallPtr call_;
  std::string thread_id_;
  std::string turn_id_;
  WaitOptions wait_;
  WaitPolicy policy_;
  std::chrono::steady_clock::time_point deadline_;
  ProgressPtr progress_;
  Callback<Turn> done_;
  Turn last_;
  std::optional<milliseconds> hint_;
  int pauses_ = 0;
};

}  // namespace

void wait_for_turn(const CallPtr& call, std::string thread_id, std::string turn_id, WaitOptions wait,
                   std::optional<Turn> known, ProgressPtr progress, Callback<Turn> done) {
  if (call->trace) {
    done = [call, done = std::move(done)](Result<Turn> turn) {
      trace_wait_over(*call);
      done(std::move(turn));
    };
  }
  auto waiter = std::make_shared<Waiter>(call, std::move(thread_id), std::move(turn_id), std::move(wait),
                                         std::move(progress), std::move(done));
  waiter->start(std::move(known));
}

void settle(const CallPtr& call, Turn turn, WaitOptions wait, ProgressPtr progress, Callback<Turn> done) {
  if (forward_error(observe(progress, turn), done)) return;
  if (turn.is_terminal()) return done(std::move(turn));
  std::string thread_id = turn.thread;
  std::string turn_id = turn.id;
  wait_for_turn(call, std::move(thread_id), std::move(turn_id), std::move(wait), std::move(turn),
                std::move(progress), std::move(done));
}

}  // namespace paradigm::detail
