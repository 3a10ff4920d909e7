// Admin routes that make the emulator unreachable for a while: an outage
// (connections accepted, requests held unanswered), a refusal window or a
// restart (nothing listens), and the process's shutdown. Those that drop
// connections answer first: the caller learns that it worked.
#include "context.hpp"

#include <stdexcept>
#include <string>

namespace paradigm::mock {

namespace {

using std::chrono::milliseconds;

// Answers `body` with `status`, then runs `after` once the answer is written:
// cpp-httplib calls a response's releaser when it is done with it. The body
// is a plain one, not a content provider, because cpp-httplib stops writing
// a provider's content once its listener is closed, and these routes close it
// before they answer.
void answer_then(httplib::Response& res, int status, const json& body, std::function<void()> after) {
  send_json(res, status, body);
  res.content_provider_resource_releaser_ = [after = std::move(after)](bool) { after(); };
}

milliseconds duration_of(const json& body, const char* key) {
  const long long value = body.at(key).get<long long>();
  if (value < 0) throw std::invalid_argument(std::string(key) + " must not be negative");
  return milliseconds(value);
}

OutageEnd outage_end_of(const json& body) {
  const std::string then = body.value("then", std::string("close"));
  if (then == "close") return OutageEnd::close;
  if (then == "answer") return OutageEnd::answer;
  throw std::invalid_argument("then must be \"close\" or \"answer\", not \"" + then + "\"");
}

}  // namespace

void add_lifecycle_routes(Context& context, httplib::Server& server, const ServerControl& control) {
  // {"duration_ms": N, "then": "close"|"answer"}: hold the API's requests for N ms.
  server.Post(
      "/_mock/outage", guarded([&context](const httplib::Request& req, httplib::Response& res) {
        const json body = json::parse(req.body);
        const milliseconds duration = duration_of(body, "duration_ms");
        const OutageEnd then = outage_end_of(body);
        context.start_outage(duration, then);
        send_json(res, 200,
                  {{"outage_ms", duration.count()}, {"then", then == OutageEnd::close ? "close" : "answer"}});
      }));
  server.Delete("/_mock/outage", [&context](const httplib::Request&, httplib::Response& res) {
    context.end_outage();
    send_json(res, 200, {{"resumed", true}});
  });
  // {"duration_ms": N}: refuse connections for N ms. The listener closes before
  // the answer is sent, so that the caller's next connection is refused.
  server.Post("/_mock/refuse", guarded([control](const httplib::Request& req, httplib::Response& res) {
                const milliseconds duration = duration_of(json::parse(req.body), "duration_ms");
                control.close_listener();
                answer_then(res, 202, {{"refusing_ms", duration.count()}},
                            [go_down = control.go_down_later, duration] { go_down(duration); });
              }));
  server.Post("/_mock/restart", [control](const httplib::Request&, httplib::Response& res) {
    control.close_listener();
    answer_then(res, 202, {{"restarting", true}},
                [go_down = control.go_down_later] { go_down(milliseconds(0)); });
  });
  if (control.on_shutdown_request) {
    // Stopping closes every connection, this one too: the hook runs once the answer is out.
    server.Post("/_mock/shutdown",
                [hook = control.on_shutdown_request](const httplib::Request&, httplib::Response& res) {
                  answer_then(res, 202, {{"stopping", true}}, hook);
                });
  }
}

}  // namespace paradigm::mock
