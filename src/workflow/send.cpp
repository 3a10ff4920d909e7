#include "workflow/send.hpp"

#include "core/text.hpp"
#include "trace/hooks.hpp"
#include "workflow/error_mapping.hpp"

#include <algorithm>
#include <chrono>
#include <optional>

namespace paradigm::detail {

namespace {

using std::chrono::milliseconds;

bool is_success(int status) {
  return status >= 200 && status < 300;
}

// A per-attempt limit (0: none) clamped to what is left of the total.
milliseconds clamp_to(milliseconds limit, milliseconds left) {
  return limit.count() > 0 ? std::min(limit, left) : left;
}

// The attempts of one request, each a step run by the call's runtime.
class Attempts : public std::enable_shared_from_this<Attempts> {
 public:
  Attempts(CallPtr call, RequestSpec spec, BodySink& sink, Callback<Reply> done)
      : call_(std::move(call)), spec_(std::move(spec)), sink_(sink), done_(std::move(done)) {}

  void start() {
    Result<Exchange> exchange = capture([&] { return context().make_exchange(spec_, call_->options); });
    if (!exchange.ok()) return finish(exchange.error());
    exchange_ = std::move(exchange).value();
    per_attempt_total_ = exchange_.total_timeout;
    per_attempt_connect_ = exchange_.connect_timeout;
    policy_ = context().retry_policy(call_->options);
    call_->ambiguous_failure = false;
    started_ = clock().now();
    deadline_ = call_->deadline;
    const milliseconds total = context().options().total_timeout;
    if (!deadline_ && total.count() > 0) deadline_ = started_ + total;
    attempt();
  }

 private:
  const ConnectionContext& context() const { return call_->context(); }
  Clock& clock() const { return call_->runtime.clock(); }

  // What is left of the total limit (a large value without one).
  milliseconds time_left() const {
    if (!deadline_) return milliseconds::max();
    return std::chrono::duration_cast<milliseconds>(*deadline_ - clock().now());
  }

  // "3 attempts, 31.2 s", for messages.
  std::string attempts_note() const {
    const auto elapsed = std::chrono::duration_cast<milliseconds>(clock().now() - started_);
    return std::to_string(attempts_) + (attempts_ == 1 ? " attempt, " : " attempts, ") +
           seconds_text(elapsed);
  }

  void attempt() {
    if (call_->options.cancellation.is_cancelled()) {
      return finish(std::make_exception_ptr(CancelledError(spec_.describe() + ": cancelled")));
    }
    const milliseconds left = time_left();
    if (left.count() <= 0) return out_of_time();
    if (deadline_) {
      // A stream or a download lasts as long as it delivers: only a limit the
      // call sets itself cuts its transfer (the client-wide one bounds its retries).
      if (!spec_.streamed || call_->deadline) {
        exchange_.total_timeout = clamp_to(per_attempt_total_, left);
        total_cut_ = per_attempt_total_.count() <= 0 || left < per_attempt_total_;
      }
      exchange_.connect_timeout = clamp_to(per_attempt_connect_, left);
      connect_cut_ = left < per_attempt_connect_;
    }
    sink_.reset();
    ++attempts_;
    trace_.begin(*call_, spec_, exchange_, retries_);
    call_->runtime.perform(exchange_, sink_, [self = shared_from_this()](Outcome outcome) {
      self->trace_.end(*self->call_, outcome);
      self->on_outcome(std::move(outcome));
    });
  }

  void on_outcome(Outcome outcome) {
    switch (outcome.kind) {
      case OutcomeKind::completed:
        if (is_success(outcome.status)) return succeed(std::move(outcome));
        break;
      case OutcomeKind::stopped:
        if (outcome.receiver_error) return finish(outcome.receiver_error);
        return succeed(std::move(outcome));  // the receiver chose to stop
      case OutcomeKind::failed_after_commit:
        if (outcome.error == TransferError::cancelled) return fail_transfer(outcome);
        return succeed(std::move(outcome));  // bytes were delivered: never repeated
      case OutcomeKind::failed:
        if (outcome.error == TransferError::cancelled) return fail_transfer(outcome);
        break;
    }
    decide(std::move(outcome));
  }

  // A failure before the receiver committed, or an HTTP error status.
  void decide(Outcome outcome) {
    const bool failed = outcome.kind == OutcomeKind::failed;
    const AttemptOutcome attempt{failed ? outcome.error : TransferError::none, failed ? 0 : outcome.status,
                                 outcome.headers};
    RetryDecision decision = decide_retry(
        attempt, RetryContext{policy_, spec_.safety, retries_, clock().random_unit(), clock().wall_now()});
    // A pause that would end past the total limit leaves no time to try again.
    if (decision.retry && decision.delay >= time_left()) {
      decision.retry = false;
      decision.reason = "no time left for another attempt within total_timeout";
    }
    LogEvent event(LogLevel::info, describe_failure(outcome) + ": " + decision.reason, &spec_);
    event.status = attempt.status;
    event.attempt = retries_ + 1;
    event.request_id = request_id_of(outcome.headers);
    if (!decision.retry) {
      context().log(event);
      call_->ambiguous_failure = spec_.safety == RequestSafety::unsafe && server_may_have_acted(attempt);
      if (failed) return fail_transfer(outcome);
      return finish(api_error({outcome.status, std::move(outcome.headers), std::move(outcome.error_body),
                               spec_.method, spec_.path, decision.retry_after},
                              context().secret(), context().url_for_message(spec_.path),
                              retries_ > 0 ? attempts_note() : std::string()));
    }
    event.level = LogLevel::warning;
    event.message = describe_failure(outcome) + ": retrying (" + decision.reason + ")";
    event.delay = decision.delay;
    context().log(event);
    notify_retry(describe_failure(outcome) + (outcome.message.empty() ? "" : " (" + outcome.message + ")"),
                 decision.delay);
    ++retries_;
    call_->runtime.sleep(decision.delay, call_->options.cancellation,
                         [self = shared_from_this(),
                          wait = AttemptTrace::backoff(*call_, decision.delay, decision.reason)](bool slept) {
                           end_step(wait, *self->call_, slept);
                           if (slept) return self->attempt();
                           self->finish(std::make_exception_ptr(CancelledError(
                               self->spec_.describe() + ": cancelled while waiting to retry")));
                         });
  }

  static std::string describe_failure(const Outcome& outcome) {
    if (outcome.kind == OutcomeKind::failed) return to_string(outcome.error);
    return "HTTP " + std::to_string(outcome.status);
  }

  void succeed(Outcome outcome) {
    LogEvent event(LogLevel::debug, "ok", &spec_);
    event.status = outcome.status;
    event.attempt = retries_ + 1;
    event.request_id = request_id_of(outcome.headers);
    context().log(event);
    record(outcome);
    finish(Reply{outcome.kind, outcome.error, std::move(outcome.message), outcome.status,
                 std::move(outcome.headers)});
  }

  // What CallOptions::response_info will show, should this answer produce the result.
  void record(const Outcome& outcome) {
    ResponseInfo& info = call_->last_response;
    info.method = spec_.method;
    info.path = spec_.path;
    info.status = outcome.status;
    info.headers = Headers();
    for (const auto& [name, value] : outcome.headers)
      info.headers.add(redact(name, context().secret()), redact(value, context().secret()));
    info.request_id = request_id_of(info.headers);
    info.attempts = retries_ + 1;
  }

  void notify_retry(std::string error, milliseconds delay) {
    const RetryHandler& handler = call_->retry_handler();
    if (!handler) return;
    RetryNotice notice;
    notice.request = context().describe(spec_);
    notice.error = redact(std::move(error), context().secret());
    notice.attempt = attempts_;
    notice.elapsed = std::chrono::duration_cast<milliseconds>(clock().now() - call_->started);
    notice.delay = delay;
    try {
      handler(notice);
    } catch (...) {
      // A failing handler must not fail the call it reports on.
    }
  }

  void fail_transfer(const Outcome& outcome) {
    std::string detail = outcome.message;
    if (outcome.error != TransferError::cancelled) {
      detail += (detail.empty() ? "" : "; ") + attempts_note();
      if (reached_total(outcome.error)) detail += ", total_timeout reached";
    }
    finish(transfer_error(outcome.error, detail, spec_.method, context().url_for_message(spec_.path),
                          context().secret()));
  }

  // Whether the attempt ended because of the total limit (libcurl's timers may
  // fire a little before the deadline as this clock reads it).
  bool reached_total(TransferError error) const {
    if (!deadline_) return false;
    return time_left().count() <= 0 || (error == TransferError::timeout && total_cut_) ||
           (error == TransferError::connect_timeout && connect_cut_);
  }

  // The total limit passed between attempts (a backoff cut short by it never starts).
  void out_of_time() {
    finish(std::make_exception_ptr(TimeoutError(
        redact(spec_.describe() + ": total_timeout reached (" + attempts_note() + ")", context().secret()))));
  }

  void finish(Result<Reply> result) {
    auto done = std::move(done_);
    done(std::move(result));
  }

  CallPtr call_;
  RequestSpec spec_;
  BodySink& sink_;
  Callback<Reply> done_;
  Exchange exchange_;
  RetryPolicy policy_;
  int retries_ = 0;
  int attempts_ = 0;
  // Whether the last attempt's limits were cut to what was left of the total.
  bool total_cut_ = false;
  bool connect_cut_ = false;
  milliseconds per_attempt_total_{0};
  milliseconds per_attempt_connect_{0};
  std::chrono::steady_clock::time_point started_;
  std::optional<std::chrono::steady_clock::time_point> deadline_;
  AttemptTrace trace_;
};

}  // namespace

void send(const CallPtr& call, RequestSpec spec, BodySink& sink, Callback<Reply> done) {
  std::make_shared<Attempts>(call, std::move(spec), sink, std::move(done))->start();
}

}  // namespace paradigm::detail
