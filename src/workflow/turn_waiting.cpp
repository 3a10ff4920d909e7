// Waiting for a turn: polls on the call's runtime, with backoff, Retry-After,
// a deadline and cancellation. A poll that fails the way an outage does
// (connection failures, timeouts, 408, 429, 5xx) is repeated until the
// deadline: the turn goes on on the server, and giving up early would report
// a turn the server completes as failed.

#include "core/text.hpp"
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

// An error answer that says the server is out for a while: worth polling
// again while the turn runs, unless the server says not to (x-should-retry:
// false) or asks for a pause longer than the retry policy waits for.
bool is_outage(const ApiError& error, const std::optional<milliseconds>& asked, milliseconds longest) {
  const auto should_retry = error.headers().get("x-should-retry");
  if (should_retry && iequals(trim(*should_retry), "false")) return false;
  if (asked && *asked > longest) return false;
  if (should_retry && iequals(trim(*should_retry), "true")) return true;
  const int status = error.status();
  return status == 408 || status == 429 || status >= 500;
}

// How a failed poll is treated: a message for an outage, nothing for an answer.
struct PollFailure {
  std::optional<std::string> outage;
  std::optional<milliseconds> retry_after;
};

PollFailure classify(const std::exception_ptr& error, std::chrono::system_clock::time_point now,
                     milliseconds longest_retry_after) {
  try {
    std::rethrow_exception(error);
  } catch (const CancelledError&) {
    return {};
  } catch (const ApiError& e) {
    const auto asked = retry_after(e.headers(), now);
    if (!is_outage(e, asked, longest_retry_after)) return {};
    return {std::string(e.what()), asked};
  } catch (const ConnectionError& e) {  // TimeoutError too
    return {std::string(e.what()), std::nullopt};
  } catch (...) {
    return {};
  }
}

std::chrono::steady_clock::time_point earliest(std::chrono::steady_clock::time_point a,
                                               std::optional<std::chrono::steady_clock::time_point> b) {
  return b ? std::min(a, *b) : a;
}

WaitPolicy with_deadline(WaitPolicy policy, std::optional<milliseconds> deadline) {
  if (deadline) policy.deadline = *deadline;
  return policy;
}

class Waiter : public std::enable_shared_from_this<Waiter> {
 public:
  Waiter(CallPtr call, std::string thread_id, std::string turn_id, WaitOptions wait, ProgressPtr progress,
         Callback<Turn> done)
      : call_(std::move(call)),
        thread_id_(std::move(thread_id)),
        turn_id_(std::move(turn_id)),
        wait_(std::move(wait)),
        policy_(with_deadline(wait_.policy.value_or(call_->context().options().wait), wait_.deadline)),
        deadline_(earliest(clock().now() + policy_.deadline, call_->deadline)),
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
    if (left.count() <= 0) return give_up();
    milliseconds delay = poll_interval(pauses_++, policy_, clock().random_unit());
    if (hint_) delay = std::max(delay, std::min(*hint_, call_->context().options().retry.max_retry_after));
    delay = std::min(delay, left);
    if (failures_ > 0) {
      LogEvent event(LogLevel::warning, "polling " + describe(last_) + " failed (" +
                                            std::to_string(failures_) + " in a row, " +
                                            seconds_text(failing_for()) + "); still waiting: " + last_error_);
      event.attempt = failures_;
      event.delay = delay;
      call_->context().log(event);
      notify(delay);
    } else {
      LogEvent event(LogLevel::debug, "waiting: " + describe(last_));
      event.delay = delay;
      call_->context().log(event);
    }
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
    // The call's own limit leaves no time for a request.
    if (call_->deadline && clock().now() >= *call_->deadline) return give_up();
    trace_poll(*call_);
    auto self = shared_from_this();
    if (!call_->context().turn_route_missing.load(std::memory_order_relaxed)) {
      return fetch_turn(call_, thread_id_, turn_id_,
                        [self](Result<Turn> turn) { self->on_turn(std::move(turn)); });
    }
    fetch<Thread>(call_, get_request(paths::thread(thread_id_)), [self](Result<Thread> thread) {
      if (!thread.ok()) return self->on_failed_poll(thread.error());
      self->hint_ = self->retry_after_hint();
      const auto status = thread.value().status.value();
      if (status == TurnStatus::running || status == TurnStatus::cancelling)
        return self->on_state(self->last_);
      fetch_turn(self->call_, self->thread_id_, self->turn_id_,
                 [self](Result<Turn> turn) { self->on_turn(std::move(turn)); });
    });
  }

  void on_turn(Result<Turn> turn) {
    if (!turn.ok()) return on_failed_poll(turn.error());
    hint_ = retry_after_hint();
    on_state(std::move(turn).value());
  }

  // An outage is waited through until the deadline; any other error is the answer.
  void on_failed_poll(std::exception_ptr error) {
    PollFailure failure =
        classify(error, clock().wall_now(), call_->context().retry_policy(call_->options).max_retry_after);
    if (!failure.outage) return done_(std::move(error));
    if (failures_ == 0) failing_since_ = clock().now();
    ++failures_;
    last_error_ = std::move(*failure.outage);
    hint_ = failure.retry_after;
    pause();
  }

  milliseconds failing_for() {
    return std::chrono::duration_cast<milliseconds>(clock().now() - failing_since_);
  }

  void notify(milliseconds delay) {
    const RetryHandler& handler = call_->retry_handler();
    if (!handler) return;
    RetryNotice notice;
    notice.request = "GET " + call_->context().url_for_message(paths::turn(thread_id_, turn_id_));
    notice.error = last_error_;
    notice.attempt = failures_;
    notice.elapsed = failing_for();
    notice.delay = delay;
    notice.waiting_for_turn = true;
    try {
      handler(notice);
    } catch (...) {
      // A failing handler must not fail the wait it reports on.
    }
  }

  void give_up() {
    const auto waited = std::chrono::duration_cast<milliseconds>(clock().now() - started_);
    std::string message = "gave up waiting after " + seconds_text(waited) + ": " + describe(last_);
    if (failures_ > 0) {
      message += "; the last " + std::to_string(failures_) + " polls failed, the last with: " + last_error_;
    }
    done_(std::make_exception_ptr(WaitTimeoutError(message, last_)));
  }

  void on_state(Turn turn) {
    failures_ = 0;
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
  const std::chrono::steady_clock::time_point started_ = clock().now();
  // Polls failed in a row by an outage, since when, and the last one's error.
  int failures_ = 0;
  std::chrono::steady_clock::time_point failing_since_;
  std::string last_error_;
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
