#include "workflow/lost_create.hpp"

#include "core/text.hpp"
#include "retry/retry_after.hpp"
#include "workflow/fetch.hpp"
#include "workflow/paths.hpp"
#include "workflow/turn_steps.hpp"

namespace paradigm::detail {

namespace {

// The user's query in a turn: the text of its user message.
std::string query_of(const Turn& turn) {
  std::string query;
  for (const Message& message : turn.messages) {
    if (message.role != Role::user) continue;
    for (const Part& part : message.parts) {
      if (part.type == PartType::text && part.text) query += *part.text;
    }
    break;
  }
  return query;
}

}  // namespace

CreateTarget follow_up_target(std::string thread_id, const TurnRequest& request) {
  if (request.query && !request.query->empty()) return {std::move(thread_id), *request.query};
  return {std::move(thread_id), std::nullopt, false};
}

LostCreate::LostCreate(CallPtr call, RequestSpec& spec, CreateTarget target)
    : call_(std::move(call)),
      spec_(spec),
      target_(std::move(target)),
      key_(new_idempotency_key()),
      where_(call_->context().describe(spec_)),
      policy_(call_->context().retry_policy(call_->options)) {
  for (const auto& [name, value] : call_->options.extra_headers) {
    if (iequals(name, "Idempotency-Key")) key_ = value;  // the caller's own key wins
  }
  spec.headers.emplace_back("Idempotency-Key", key_);
}

Clock& LostCreate::clock() {
  return call_->runtime.clock();
}

void LostCreate::sending() {
  if (sends_++ == 0) first_sent_ = clock().now();
}

void LostCreate::after_failure(std::exception_ptr error, Callback<std::optional<Turn>> done) {
  if (!call_->ambiguous_failure) return done(std::move(error));
  lost_ = std::move(error);
  done_ = std::move(done);
  if (target_.thread_id.empty()) return finish(unconfirmed("no thread to look in"));
  if (!target_.recognisable) {
    return finish(unconfirmed("without a query, it cannot be told apart from the thread's other turns"));
  }
  pages_ = 0;
  look_later();
}

// The server may have acted: ask it, after a backoff (a server that acted
// while the connection died may still be finishing the request).
void LostCreate::look_later() {
  if (looks_ >= policy_.max_retries + 1) return finish(unconfirmed("the server could not be asked"));
  const auto delay = backoff_delay(looks_++, policy_, clock().random_unit());
  if (call_->deadline && clock().now() + delay >= *call_->deadline) {
    return finish(unconfirmed("no time was left within total_timeout to ask the server"));
  }
  LogEvent event(LogLevel::warning,
                 where_ +
                     ": the answer was lost after the request may have arrived; asking the server "
                     "whether the turn exists",
                 &spec_);
  event.delay = delay;
  call_->context().log(event);
  call_->runtime.sleep(delay, call_->options.cancellation, [self = shared_from_this()](bool slept) {
    if (!slept) return self->finish(self->unconfirmed("cancelled before the server could be asked"));
    self->look(std::nullopt);
  });
}

// Walks the thread's turns (oldest pages first) for the one the create made.
void LostCreate::look(std::optional<std::string> after) {
  ListOptions list;
  list.limit = 100;
  list.starting_after = std::move(after);
  RequestSpec page = get_request(paths::turns(target_.thread_id), list_query(list));
  fetch<Page<Turn>>(call_, std::move(page), [self = shared_from_this()](Result<Page<Turn>> turns) {
    self->on_page(std::move(turns));
  });
}

void LostCreate::on_page(Result<Page<Turn>> turns) {
  if (!turns.ok()) return look_later();
  Page<Turn>& page = turns.value();
  const bool more = page.has_more() && !page.results.empty() && ++pages_ < kMaxPages;
  std::string last = more ? page.results.back().id : std::string();
  for (Turn& turn : page.results)
    consider(std::move(turn));
  if (more) return look(std::move(last));
  if (match_) {
    call_->context().log(
        {LogLevel::info, where_ + ": the server has the turn (" + match_->id + "); not sent again"});
    std::optional<Turn> found = std::move(match_);
    match_.reset();
    return finish(std::move(found));
  }
  if (sends_ > policy_.max_retries) return finish(lost_);  // the server certainly has none
  call_->context().log(
      {LogLevel::warning, where_ + ": the server has no such turn; sending it again", &spec_});
  finish(std::optional<Turn>());
}

// A turn of the thread is the create's when the thread was made for it, or
// when it asks the same query and began since the create was first sent (by
// the server's clock; its Date header counts whole seconds).
void LostCreate::consider(Turn turn) {
  if (target_.query) {
    if (query_of(turn) != *target_.query) return;
    if (turn.created_at && turn.created_at->time_point() < window_start()) return;
  }
  if (match_ && match_->created_at && turn.created_at &&
      turn.created_at->time_point() < match_->created_at->time_point())
    return;  // the newest match is taken
  match_ = std::move(turn);
}

std::chrono::system_clock::time_point LostCreate::window_start() {
  const auto since_sent =
      std::chrono::duration_cast<std::chrono::system_clock::duration>(clock().now() - first_sent_);
  std::chrono::system_clock::time_point server_now = clock().wall_now();
  if (auto date = call_->last_response.headers.get("date")) {
    if (auto parsed = parse_http_date(*date)) server_now = *parsed;
  }
  return server_now - since_sent - std::chrono::seconds(1);
}

std::exception_ptr LostCreate::unconfirmed(const std::string& why) const {
  std::string message;
  try {
    std::rethrow_exception(lost_);
  } catch (const std::exception& e) {
    message = e.what();
  }
  message += "; the turn may have been created" +
             (target_.thread_id.empty() ? std::string() : " in thread " + target_.thread_id) + " (" + why +
             "; Idempotency-Key " + key_ + ")";
  return std::make_exception_ptr(
      UnconfirmedTurnError(redact(message, call_->context().secret()), target_.thread_id, key_));
}

void LostCreate::finish(Result<std::optional<Turn>> result) {
  auto done = std::move(done_);
  done_ = nullptr;
  done(std::move(result));
}

}  // namespace paradigm::detail
