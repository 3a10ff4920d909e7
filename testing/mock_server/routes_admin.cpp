// Admin routes (/_mock/...): steer the emulator from outside the process.
// Not recorded, no key needed.
#include "admin_json.hpp"
#include "context.hpp"
#include "faults.hpp"

#include <cstddef>
#include <memory>
#include <string>

namespace paradigm::mock {

Handler guarded(Handler route) {
  return [route = std::move(route)](const httplib::Request& req, httplib::Response& res) {
    try {
      route(req, res);
    } catch (const std::exception& e) {
      send_detail(res, 400, e.what());
    }
  };
}

void add_admin_routes(Context& context, FaultBook& faults, RequestLog& log, httplib::Server& server,
                      const ServerControl& control) {
  server.Post("/_mock/faults", guarded([&faults](const httplib::Request& req, httplib::Response& res) {
                faults.add(fault_from_json(json::parse(req.body)));
                send_json(res, 201, {{"added", true}});
              }));
  server.Delete("/_mock/faults", [&faults](const httplib::Request&, httplib::Response& res) {
    faults.clear();
    send_json(res, 200, {{"cleared", true}});
  });
  server.Post("/_mock/config", guarded([&context](const httplib::Request& req, httplib::Response& res) {
                MockConfig config = context.config();
                apply_config_json(json::parse(req.body), config);
                context.set_config(config);
                send_json(res, 200, {{"configured", true}});
              }));
  server.Get("/_mock/requests", [&log](const httplib::Request&, httplib::Response& res) {
    json all = json::array();
    for (const auto& request : log.all())
      all.push_back(request_to_json(request));
    send_json(res, 200, all);
  });
  // The created turns, oldest first: ?query=...&idempotency_key=... keep those that match.
  server.Get("/_mock/turns", [&context](const httplib::Request& req, httplib::Response& res) {
    const auto cancel_delay = context.config().cancel_delay;
    std::vector<CreatedTurn> created;
    {
      std::lock_guard<std::mutex> lock(context.store.mutex);
      created = context.store.created_turns(context.now(), cancel_delay);
    }
    json turns = json::array();
    for (const auto& turn : created) {
      if (req.has_param("query") && turn.query != req.get_param_value("query")) continue;
      if (req.has_param("idempotency_key") && turn.idempotency_key != req.get_param_value("idempotency_key"))
        continue;
      turns.push_back(created_turn_to_json(turn));
    }
    send_json(res, 200, {{"count", turns.size()}, {"turns", std::move(turns)}});
  });
  server.Get("/_mock/stats", [&context, &log](const httplib::Request&, httplib::Response& res) {
    std::lock_guard<std::mutex> lock(context.store.mutex);
    send_json(res, 200,
              {{"turns_created", context.store.turns_created}, {"connections_seen", log.connections()}});
  });
  // A generated artifact ({"size", "content_type", "filename"}), served in constant
  // memory: lets an out-of-process benchmark download a 1 GiB file.
  server.Post("/_mock/artifacts", guarded([&context](const httplib::Request& req, httplib::Response& res) {
                const json body = json::parse(req.body);
                ArtifactRecord artifact;
                artifact.generated = true;
                artifact.generated_size = body.at("size").get<std::uint64_t>();
                artifact.content_type = body.value("content_type", std::string("application/octet-stream"));
                artifact.filename = body.value("filename", std::string("data.bin"));
                std::lock_guard<std::mutex> lock(context.store.mutex);
                send_json(res, 201, {{"id", context.store.add_artifact(std::move(artifact))}});
              }));
  // The emulator's clock: {"advance_ms": N, "speed": X}, either or both; both answer {"elapsed_ms", "speed"}.
  const auto clock_state = [&context] {
    return json{
        {"elapsed_ms",
         std::chrono::duration_cast<std::chrono::milliseconds>(context.emulator_clock.elapsed()).count()},
        {"speed", context.emulator_clock.speed()}};
  };
  server.Get("/_mock/clock", [clock_state](const httplib::Request&, httplib::Response& res) {
    send_json(res, 200, clock_state());
  });
  server.Post("/_mock/clock",
              guarded([&context, clock_state](const httplib::Request& req, httplib::Response& res) {
                const json body = json::parse(req.body);
                if (body.contains("speed")) context.set_clock_speed(body["speed"].get<double>());
                if (body.contains("advance_ms"))
                  context.advance_clock(std::chrono::milliseconds(body["advance_ms"].get<long long>()));
                send_json(res, 200, clock_state());
              }));
  server.Post("/_mock/turns/([^/]+)/([^/]+)/complete",
              [&context](const httplib::Request& req, httplib::Response& res) {
                std::lock_guard<std::mutex> lock(context.store.mutex);
                if (!context.store.complete(req.matches[1], req.matches[2]))
                  return send_detail(res, 404, "Not found.");
                send_json(res, 200, {{"completed", true}});
              });
  add_lifecycle_routes(context, server, control);
}

}  // namespace paradigm::mock
