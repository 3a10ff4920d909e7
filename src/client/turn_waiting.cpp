#include "client/decode_response.hpp"
#include "client/paths.hpp"
#include "client/turn_ops.hpp"
#include "retry/retry_after.hpp"

#include <algorithm>

namespace paradigm::detail {

namespace {

using std::chrono::milliseconds;

std::string describe(const Turn& turn) {
  return "turn " + turn.id + " of thread " + turn.thread + " (" +
         (turn.status.empty() ? std::string("status unknown") : turn.status.text()) + ")";
}

// Polls the turn; on a server without the per-turn route, follows the guide's
// background recipe: the thread's status first, the turn list once it settled.
// Returns the turn and the server's Retry-After hint, if any.
std::pair<Turn, std::optional<milliseconds>> poll_once(ClientCore& core, std::string_view thread_id,
                                                       std::string_view turn_id, const CallOptions& call,
                                                       const Turn& last) {
  if (!core.turn_route_missing.load(std::memory_order_relaxed)) {
    Headers headers;
    Turn turn = fetch_turn(core, thread_id, turn_id, call, &headers);
    return {std::move(turn), retry_after(headers, core.clock().wall_now())};
  }
  const RequestSpec spec = get_request(paths::thread(thread_id));
  const Response response = core.send(spec, call);
  const auto hint = retry_after(response.headers, core.clock().wall_now());
  const Thread thread = decode_response<Thread>(response, spec);
  if (thread.status == TurnStatus::running || thread.status == TurnStatus::cancelling) return {last, hint};
  return {fetch_turn(core, thread_id, turn_id, call), hint};
}

}  // namespace

Turn wait_for_turn(ClientCore& core, std::string_view thread_id, std::string_view turn_id,
                   const WaitOptions& wait, const CallOptions& call, const Turn* known) {
  const WaitPolicy policy = wait.policy.value_or(call.waiting.policy.value_or(core.options().wait));
  const auto& on_update = wait.on_update ? wait.on_update : call.waiting.on_update;
  Clock& clock = core.clock();
  const auto deadline = clock.now() + policy.deadline;

  Turn last;
  if (known) {
    last = *known;
  } else {
    last.id = std::string(turn_id);
    last.thread = std::string(thread_id);
    last.status = TurnStatus::running;
  }
  std::optional<milliseconds> hint;
  for (int polls = 0;; ++polls) {
    if (polls > 0 || known) {
      const auto left = std::chrono::duration_cast<milliseconds>(deadline - clock.now());
      if (left.count() <= 0) {
        throw WaitTimeoutError(
            "gave up waiting after " + std::to_string(policy.deadline.count()) + " ms: " + describe(last),
            last);
      }
      milliseconds delay = poll_interval(known ? polls : polls - 1, policy, clock.random_unit());
      if (hint) delay = std::max(delay, std::min(*hint, core.options().retry.max_retry_after));
      delay = std::min(delay, left);
      core.log(LogLevel::debug, "waiting: " + describe(last), nullptr, 0, 0, delay);
      if (!clock.sleep_for(delay, call.cancellation)) {
        throw CancelledError("cancelled while waiting for " + describe(last));
      }
    }
    auto [turn, next_hint] = poll_once(core, thread_id, turn_id, call, last);
    last = std::move(turn);
    hint = next_hint;
    if (on_update) on_update(last);
    if (last.is_terminal()) return last;
  }
}

}  // namespace paradigm::detail
