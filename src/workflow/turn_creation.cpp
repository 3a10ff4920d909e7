// Creating a turn: the body, the two shapes of a create answer, and waiting
// through a 202.

#include "workflow/turn_steps.hpp"

#include "core/text.hpp"
#include "retry/retry_after.hpp"
#include "workflow/paths.hpp"

#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <random>

namespace paradigm::detail {

namespace {

// A 202 may carry only the ids: {"turn_id", "thread"}, or "tread" as the guide spells it.
std::optional<Turn> turn_from_ids(const nlohmann::json& json, const Answer& answer,
                                  const std::string& where) {
  if (!json.is_object() || !json.contains("turn_id") || json.contains("messages")) return std::nullopt;
  const auto& id = json["turn_id"];
  nlohmann::json thread = json.value("thread", nlohmann::json());
  if (thread.is_null()) thread = json.value("tread", nlohmann::json());
  if (!id.is_string() || !(thread.is_string() || thread.is_null())) {
    throw DecodeError(where + ": turn_id/thread of the answer are not strings", "turn_id", answer.body);
  }
  Turn turn;
  turn.id = id.get<std::string>();
  if (thread.is_string()) turn.thread = thread.get<std::string>();
  const auto status = json.value("status", std::string("running"));
  turn.status = OpenEnum<TurnStatus>::from_text(status);
  return turn;
}

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

// One turn-creating request, sent at most once unless the server certainly
// did not act on it. When its answer is lost (the connection closed after it
// left, a 500), the thread's turns say whether it was created: a turn found is
// the answer; none, and the request is sent again with the same
// Idempotency-Key. Without a thread to look in, the failure is
// UnconfirmedTurnError.
class Creation : public std::enable_shared_from_this<Creation> {
 public:
  Creation(CallPtr call, RequestSpec spec, CreateTarget target, bool background, CreateOptions create,
           Callback<Turn> done)
      : call_(std::move(call)),
        spec_(std::move(spec)),
        target_(std::move(target)),
        background_(background),
        create_(std::move(create)),
        done_(std::move(done)),
        where_(call_->context().describe(spec_)),
        policy_(call_->context().retry_policy(call_->options)) {
    key_ = new_idempotency_key();
    for (const auto& [name, value] : call_->options.extra_headers) {
      if (iequals(name, "Idempotency-Key")) key_ = value;  // the caller's own key wins
    }
    spec_.headers.emplace_back("Idempotency-Key", key_);
  }

  void start() {
    first_sent_ = clock().now();
    send();
  }

 private:
  Clock& clock() { return call_->runtime.clock(); }

  void send() {
    ++sends_;
    fetch_answer(call_, spec_,
                 [self = shared_from_this()](Result<Answer> answer) { self->on_answer(std::move(answer)); });
  }

  void on_answer(Result<Answer> answer) {
    if (!answer.ok()) {
      if (!call_->ambiguous_failure) return done_(answer.error());
      lost_ = answer.error();
      if (target_.thread_id.empty()) return done_(unconfirmed("no thread to look in"));
      return reconcile_later();
    }
    Result<Turn> turn =
        capture([&] { return parse_created_turn(answer.value(), where_, target_.thread_id); });
    if (!turn.ok()) return done_(turn.error());
    if (!turn.value().is_terminal()) {
      LogEvent event(LogLevel::info,
                     "turn " + turn.value().id + " is " + turn.value().status.text() + "; waiting for it");
      event.status = answer.value().status;
      call_->context().log(event);
    }
    found(std::move(turn).value());
  }

  void found(Turn turn) {
    call_->note_turn(turn.thread, turn.id);
    if (background_ || !create_.wait) return done_(std::move(turn));
    // The answer's turn is the first state the progress reports, finished or not.
    ProgressPtr progress = progress_for(create_.waiting);
    settle(call_, std::move(turn), std::move(create_.waiting), std::move(progress), std::move(done_));
  }

  // The server may have acted: ask it, after a backoff (a server that acted
  // while the connection died may still be finishing the request).
  void reconcile_later() {
    if (looks_ >= policy_.max_retries + 1) return done_(unconfirmed("the server could not be asked"));
    const auto delay = backoff_delay(looks_++, policy_, clock().random_unit());
    LogEvent event(LogLevel::warning,
                   where_ +
                       ": the answer was lost after the request may have arrived; asking the server "
                       "whether the turn exists",
                   &spec_);
    event.delay = delay;
    call_->context().log(event);
    call_->runtime.sleep(delay, call_->options.cancellation, [self = shared_from_this()](bool slept) {
      if (!slept) return self->done_(self->unconfirmed("cancelled before the server could be asked"));
      self->look(std::nullopt);
    });
  }

  // Walks the thread's turns (oldest pages first) for the one this request made.
  void look(std::optional<std::string> after) {
    ListOptions list;
    list.limit = 100;
    list.starting_after = std::move(after);
    RequestSpec page = get_request(paths::turns(target_.thread_id), list_query(list));
    fetch<Page<Turn>>(call_, std::move(page), [self = shared_from_this()](Result<Page<Turn>> turns) {
      self->on_page(std::move(turns));
    });
  }

  void on_page(Result<Page<Turn>> turns) {
    if (!turns.ok()) return reconcile_later();
    Page<Turn>& page = turns.value();
    const bool more = page.has_more() && !page.results.empty() && ++pages_ < kMaxPages;
    std::string last = more ? page.results.back().id : std::string();
    for (Turn& turn : page.results) consider(std::move(turn));
    if (more) return look(std::move(last));
    if (match_) {
      LogEvent event(LogLevel::info,
                     where_ + ": the server has the turn (" + match_->id + "); not sent again");
      call_->context().log(event);
      Turn turn = std::move(*match_);
      match_.reset();
      return found(std::move(turn));
    }
    if (sends_ > policy_.max_retries) return done_(lost_);  // the server certainly has none
    LogEvent event(LogLevel::warning, where_ + ": the server has no such turn; sending it again", &spec_);
    call_->context().log(event);
    pages_ = 0;
    send();
  }

  // A turn of the thread is this request's when the thread was made for it,
  // or when it asks the same query and began since the request was first sent
  // (by the server's clock; its Date header counts whole seconds).
  void consider(Turn turn) {
    if (target_.query) {
      if (query_of(turn) != *target_.query) return;
      if (turn.created_at && turn.created_at->time_point() < window_start()) return;
    }
    if (match_ && match_->created_at && turn.created_at &&
        turn.created_at->time_point() < match_->created_at->time_point())
      return;  // the newest match is taken
    match_ = std::move(turn);
  }

  std::chrono::system_clock::time_point window_start() {
    const auto since_sent =
        std::chrono::duration_cast<std::chrono::system_clock::duration>(clock().now() - first_sent_);
    std::chrono::system_clock::time_point server_now = clock().wall_now();
    if (auto date = call_->last_response.headers.get("date")) {
      if (auto parsed = parse_http_date(*date)) server_now = *parsed;
    }
    return server_now - since_sent - std::chrono::seconds(1);
  }

  std::exception_ptr unconfirmed(const std::string& why) {
    std::string message;
    try {
      std::rethrow_exception(lost_);
    } catch (const std::exception& e) {
      message = e.what();
    }
    return std::make_exception_ptr(UnconfirmedTurnError(
        message + "; the turn may have been created (" + why + ")", target_.thread_id, key_));
  }

  static constexpr int kMaxPages = 100;

  CallPtr call_;
  RequestSpec spec_;
  CreateTarget target_;
  bool background_;
  CreateOptions create_;
  Callback<Turn> done_;
  std::string where_;
  RetryPolicy policy_;
  std::string key_;
  std::chrono::steady_clock::time_point first_sent_;
  std::exception_ptr lost_;
  std::optional<Turn> match_;
  int sends_ = 0;
  int looks_ = 0;
  int pages_ = 0;
};

}  // namespace

// What servers that honour Idempotency-Key expect.
std::string new_idempotency_key() {
  thread_local std::mt19937_64 random{
      std::random_device{}() ^
      static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count())};
  std::uint64_t high = random();
  std::uint64_t low = random();
  high = (high & ~std::uint64_t{0xF000}) | 0x4000;                         // version 4
  low = (low & ~(std::uint64_t{0xC} << 60)) | (std::uint64_t{0x8} << 60);  // variant 10
  char text[37];
  std::snprintf(text, sizeof text, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(high >> 32),
                static_cast<unsigned>((high >> 16) & 0xFFFF), static_cast<unsigned>(high & 0xFFFF),
                static_cast<unsigned>(low >> 48), static_cast<unsigned long long>(low & 0xFFFFFFFFFFFFULL));
  return text;
}

std::pair<ThreadRequest, TurnRequest> split_new_thread(const TurnRequest& request) {
  request.validate();
  ThreadRequest thread;
  thread.name = request.name;
  thread.agent_id = request.agent_id;
  thread.chat_setting_id = request.chat_setting_id;
  thread.is_ephemeral = request.is_ephemeral;
  thread.ml_model = request.ml_model;
  TurnRequest turn = request;
  turn.name.reset();
  turn.agent_id.reset();
  turn.chat_setting_id.reset();
  turn.is_ephemeral.reset();
  return {std::move(thread), std::move(turn)};
}

std::string turn_body(const ConnectionContext& context, const TurnRequest& request, bool stream) {
  request.validate();
  if (request.extra_body.contains("stream")) {
    throw InvalidRequestError("extra_body sets \"stream\": stream a turn with stream_turn instead");
  }
  TurnBodyOptions options;
  options.stream = stream;
  options.legacy_scope_names = is_legacy(context.options().server_release);
  return dump_request(encode(request, options));
}

Turn parse_created_turn(const Answer& answer, const std::string& where, std::string_view known_thread) {
  nlohmann::json json;
  try {
    json = parse_json(answer.body, answer.parse_budget);
  } catch (const DecodeError& e) {
    throw DecodeError(where + ": " + e.what(), e.path(), e.raw());
  }
  std::optional<Turn> from_ids = turn_from_ids(json, answer, where);
  Turn turn = from_ids ? std::move(*from_ids) : decode_answer<Turn>(answer, where);
  if (turn.thread.empty()) turn.thread = std::string(known_thread);
  if (turn.id.empty() || turn.thread.empty()) {
    throw DecodeError(where + ": the answer names no turn id or thread id", "", answer.body);
  }
  if (turn.status.empty()) turn.status = TurnStatus::running;
  return turn;
}

void create_turn_at(const CallPtr& call, RequestSpec spec, CreateTarget target, bool background,
                    CreateOptions create, Callback<Turn> done) {
  auto creation = std::make_shared<Creation>(call, std::move(spec), std::move(target), background,
                                             std::move(create), std::move(done));
  creation->start();
}

}  // namespace paradigm::detail
