#pragma once

// Durable turns: the journal of a TurnSet (TurnSetOptions::journal) and the
// resume token of one turn. docs/reliability.md states what they guarantee.

#include <paradigm/client.hpp>
#include <paradigm/errors.hpp>
#include <paradigm/export.hpp>
#include <paradigm/future.hpp>

#include <optional>
#include <string>
#include <string_view>

namespace paradigm {

/// A TurnSet journal that cannot be used: unreadable or unwritable, in use by
/// another set (a lock held while a set has it open), of another format
/// version, or with a corrupt line before its last (a torn last line, as a
/// crash leaves it, is ignored instead).
class PARADIGM_API JournalError : public Error {
 public:
  using Error::Error;
};

/// Where one turn stands, as a printable string: "pt1." then the base64url of
/// a compact JSON object. Give it to wait_for_token (or `paradigm wait
/// --token`) in another process to wait for the turn.
///
///     std::string token = paradigm::ResumeToken{turn.thread, turn.id}.to_string();
///     paradigm::Turn done = paradigm::wait_for_token(client, token);
struct PARADIGM_API ResumeToken {
  std::string thread_id;
  std::string turn_id;
  /// The id of the last server-sent event received, when the turn was streamed.
  std::optional<std::string> last_event_id;

  /// The printable form ("pt1.…", no padding, only [A-Za-z0-9._-]).
  std::string to_string() const;
  /// Reads a token; throws InvalidRequestError for text that is not one (or
  /// of a version this SDK does not read).
  static ResumeToken parse(std::string_view text);
};

/// Waits for the turn a resume token names (ThreadsClient::wait_for_turn).
PARADIGM_API Turn wait_for_token(ThreadsClient& client, std::string_view token, const WaitOptions& wait = {},
                                 const CallOptions& call = {});
/// The asynchronous form of wait_for_token.
PARADIGM_API Future<Turn> async_wait_for_token(ThreadsClient& client, std::string_view token,
                                               const WaitOptions& wait = {}, const CallOptions& call = {});

}  // namespace paradigm
