#include "workflow/send.hpp"

#include "core/text.hpp"
#include "trace/hooks.hpp"
#include "workflow/error_mapping.hpp"

namespace paradigm::detail {

namespace {

bool is_success(int status) {
  return status >= 200 && status < 300;
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
    policy_ = context().retry_policy(call_->options);
    attempt();
  }

 private:
  const ConnectionContext& context() const { return call_->context(); }

  void attempt() {
    if (call_->options.cancellation.is_cancelled()) {
      return finish(std::make_exception_ptr(CancelledError(spec_.describe() + ": cancelled")));
    }
    sink_.reset();
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
    Clock& clock = call_->runtime.clock();
    const RetryDecision decision = decide_retry(
        attempt, RetryContext{policy_, spec_.safety, retries_, clock.random_unit(), clock.wall_now()});
    LogEvent event(LogLevel::info, describe_failure(outcome) + ": " + decision.reason, &spec_);
    event.status = attempt.status;
    event.attempt = retries_ + 1;
    event.request_id = request_id_of(outcome.headers);
    if (!decision.retry) {
      context().log(event);
      if (failed) return fail_transfer(outcome);
      return finish(api_error({outcome.status, std::move(outcome.headers), std::move(outcome.error_body),
                               spec_.method, spec_.path, decision.retry_after},
                              context().secret(), context().url_for_message(spec_.path)));
    }
    event.level = LogLevel::warning;
    event.message = describe_failure(outcome) + ": retrying (" + decision.reason + ")";
    event.delay = decision.delay;
    context().log(event);
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

  void fail_transfer(const Outcome& outcome) {
    finish(transfer_error(outcome.error, outcome.message, spec_.method, context().url_for_message(spec_.path),
                          context().secret()));
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
  AttemptTrace trace_;
};

}  // namespace

void send(const CallPtr& call, RequestSpec spec, BodySink& sink, Callback<Reply> done) {
  std::make_shared<Attempts>(call, std::move(spec), sink, std::move(done))->start();
}

}  // namespace paradigm::detail
