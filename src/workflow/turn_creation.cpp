// Creating a turn: the body, the two shapes of a create answer, and waiting
// through a 202.

#include "workflow/turn_steps.hpp"

#include "workflow/lost_create.hpp"

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

// One turn-creating request, sent at most once unless the server certainly
// did not act on it; a lost answer is settled by LostCreate.
class Creation : public std::enable_shared_from_this<Creation> {
 public:
  Creation(CallPtr call, RequestSpec spec, CreateTarget target, bool background, CreateOptions create,
           Callback<Turn> done)
      : call_(std::move(call)),
        spec_(std::move(spec)),
        background_(background),
        create_(std::move(create)),
        done_(std::move(done)),
        where_(call_->context().describe(spec_)) {
    lost_ = std::make_shared<LostCreate>(call_, spec_, std::move(target));
  }

  void start() { send(); }

 private:
  void send() {
    lost_->sending();
    fetch_answer(call_, spec_,
                 [self = shared_from_this()](Result<Answer> answer) { self->on_answer(std::move(answer)); });
  }

  void on_answer(Result<Answer> answer) {
    if (!answer.ok()) {
      return lost_->after_failure(answer.error(),
                                  [self = shared_from_this()](Result<std::optional<Turn>> turn) {
                                    if (forward_error(turn, self->done_)) return;
                                    if (!turn.value()) return self->send();
                                    self->found(std::move(*turn.value()));
                                  });
    }
    Result<Turn> turn =
        capture([&] { return parse_created_turn(answer.value(), where_, lost_->thread_id()); });
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

  CallPtr call_;
  RequestSpec spec_;
  bool background_;
  CreateOptions create_;
  Callback<Turn> done_;
  std::string where_;
  std::shared_ptr<LostCreate> lost_;
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
