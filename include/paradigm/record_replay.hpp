#pragma once

// Record and replay: the HTTP exchanges of a session kept in a cassette
// file, so that tests run against real answers with no server at all, and
// a session (`paradigm batch --record`) can be kept and shown again.
//
// Record once, against a real instance or the emulator:
//
//     auto recording = paradigm::make_recording_connection(options, "tests/cassettes/capital.jsonl");
//     paradigm::ThreadsClient client(recording);
//     client.create_thread_with_turn(ask);       // written to the cassette as it ends
//
// Replay in the tests:
//
//     paradigm::ThreadsClient client(paradigm::make_replaying_connection("tests/cassettes/capital.jsonl"));
//     client.create_thread_with_turn(ask);       // the recorded answer; nothing is sent
//
// Both sit under the default connection, so retries, waiting through a 202,
// streaming and downloads work over a cassette exactly as over the network.
//
// A cassette is JSON Lines, one exchange a line: method, path, query, the
// request body, the status, the response headers and body, and for a
// stream its events with their time since the request. The API key is never
// written: it, and any value of `RecordOptions::also_redact`, reads
// [REDACTED] wherever it appears in paths, bodies and events; a response
// header holding it is left out (editing it would change its meaning), as
// are the Authorization, Cookie and Set-Cookie headers and every request
// header. Ids and timestamps are kept as recorded, so a
// replay gives the same results every time. Part of the paradigm library
// (paradigm::paradigm) and of the `paradigm` CLI (--record, --replay); see
// docs/testing.md.

#include <paradigm/connection.hpp>
#include <paradigm/errors.hpp>
#include <paradigm/export.hpp>
#include <paradigm/options.hpp>

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace paradigm {

/// How a session is recorded.
struct RecordOptions {
  /// Add to an existing cassette instead of starting it over.
  bool append = false;
  /// Bodies (and streams) longer than this are recorded cut, marked so:
  /// their replay ends in a connection error. Keeps a large download out of a cassette.
  std::size_t max_body_bytes = std::size_t{64} << 20;
  /// More secrets to remove, besides the API key (a password in a query, a token...).
  std::vector<std::string> also_redact;
};

/// How a replayed request's body must compare with the recorded one.
enum class BodyMatch {
  /// JSON bodies equal as values (member order and spacing do not matter);
  /// other bodies byte for byte.
  json,
  /// Byte for byte.
  exact,
  /// Not compared.
  ignore,
};

/// How a cassette is replayed.
struct ReplayOptions {
  /// The client's settings: retries, waiting, server_release... Nothing is
  /// sent, so base_url need not exist and the API key may stay empty. Waits
  /// between retries and polls take no time in a replay.
  ClientOptions client;
  /// A request is served the first unused recorded exchange with the same
  /// method, path, query (when `match_query`) and body (as `body` says).
  BodyMatch body = BodyMatch::json;
  bool match_query = true;
  /// Once every matching exchange was served, serve the last one again
  /// (e.g. for code that polls more often than the recorded session did).
  bool allow_repeats = false;
  /// Deliver a stream's events with the pauses recorded between them
  /// (default: all at once).
  bool replay_timing = false;
};

/// A cassette cannot be read or written (the message says which file, and
/// which line is malformed).
class PARADIGM_API CassetteError : public Error {
 public:
  using Error::Error;
};

/// A replayed request has no recorded exchange. The message shows the
/// request and the nearest recorded one, and how they differ.
class PARADIGM_API CassetteMismatchError : public CassetteError {
 public:
  CassetteMismatchError(const std::string& message, std::string request, std::string nearest);

  /// The request, e.g. `POST /api/v3/threads/turns {"query":"Hi"}`.
  const std::string& request() const noexcept { return request_; }
  /// The nearest recorded request, in the same form ("" for an empty cassette).
  const std::string& nearest() const noexcept { return nearest_; }

 private:
  std::string request_;
  std::string nearest_;
};

/// The default connection (libcurl, as make_threads_connection makes it)
/// writing every exchange to the cassette at `cassette_path`. Throws
/// InvalidRequestError for bad options and CassetteError when the file
/// cannot be created. A call fails with CassetteError if its exchange
/// cannot be written.
/// (A new thread's turn is recorded as one request, POST /api/v3/threads/turns:
/// a replay tells exchanges apart by their bodies, and every thread-first
/// POST /api/v3/threads has the same one. The replay then sends it so too.)
PARADIGM_API std::shared_ptr<ThreadsConnection> make_recording_connection(ClientOptions options,
                                                                          std::string cassette_path,
                                                                          RecordOptions record = {});

/// The default connection answered from the cassette at `cassette_path`,
/// read at once. Throws CassetteError when it cannot be read; a request
/// with no recorded answer throws CassetteMismatchError from the call.
PARADIGM_API std::shared_ptr<ThreadsConnection> make_replaying_connection(std::string cassette_path,
                                                                          ReplayOptions replay = {});

}  // namespace paradigm
