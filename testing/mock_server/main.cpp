// paradigm-mock: the Paradigm v3 emulator as a process, for the examples,
// the demo, and for testing your own code against it (docs/mock-server.md).
#include <paradigm/testing/mock_server.hpp>

#include "admin_json.hpp"

#include <signal.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

namespace {

const char* kUsage = R"(usage: paradigm-mock [options]

  --port N               port to listen on (default 0: a free port)
  --host ADDRESS         address to listen on (default 127.0.0.1)
  --api-key KEY          accepted API key (repeatable; default "test-key")
  --turn-duration-ms N   how long a turn runs (default 0)
  --sync-timeout-ms N    a synchronous create answers 202 after this (default 5000)
  --stream-pause-ms N    pause between streamed events (default 0)
  --stream-drop-after-events N
                         close every stream's connection after N events
  --honour-idempotency-key
                         a create repeating an Idempotency-Key answers with the
                         turn that key created (default: only recorded)
  --no-compress          never compress JSON answers (default: when the client accepts it)
  --config JSON          any MockConfig setting, as admin POST /_mock/config takes it
  --fault JSON           a fault, as admin POST /_mock/faults takes it (repeatable)
  --clock-speed X        run the emulator's clock X times as fast (default 1; 0 = frozen,
                         moved only by POST /_mock/clock {"advance_ms": N})
  --threads N            connections served at once, a thread each (default 512)
  --listen-backlog N     connections queued before they are accepted (default 1024)
  -h, --help             this help

Prints "paradigm-mock listening on http://HOST:PORT" once ready; stops on SIGINT,
SIGTERM or POST /_mock/shutdown. SIGHUP restarts it: every connection is dropped and
it listens again on the same port with the same store. Admin routes (faults, outages,
refusals, restarts, the created turns): docs/mock-server.md.
)";

[[noreturn]] void usage_error(const std::string& message) {
  std::cerr << "paradigm-mock: " << message << "\n\n" << kUsage;
  std::exit(2);
}

long long number(const std::string& option, const char* value) {
  char* end = nullptr;
  const long long parsed = std::strtoll(value, &end, 10);
  if (*value == '\0' || *end != '\0' || parsed < 0) usage_error(option + " needs a non-negative number");
  return parsed;
}

double decimal(const std::string& option, const char* value) {
  char* end = nullptr;
  const double parsed = std::strtod(value, &end);
  if (*value == '\0' || *end != '\0' || !(parsed >= 0)) usage_error(option + " needs a number >= 0");
  return parsed;
}

long long positive(const std::string& option, const char* value) {
  const long long parsed = number(option, value);
  if (parsed == 0) usage_error(option + " needs a positive number");
  return parsed;
}

}  // namespace

int main(int argc, char** argv) {
  paradigm::mock::MockConfig config;
  paradigm::mock::ServerOptions server_options;
  std::vector<paradigm::mock::Fault> faults;
  bool custom_keys = false;
  for (int i = 1; i < argc; ++i) {
    const std::string option = argv[i];
    if (option == "-h" || option == "--help") {
      std::cout << kUsage;
      return 0;
    }
    if (option == "--no-compress") {
      config.compress_json = false;
      continue;
    }
    if (option == "--honour-idempotency-key") {
      config.honour_idempotency_key = true;
      continue;
    }
    if (i + 1 >= argc) usage_error("unknown option or missing value: " + option);
    const char* value = argv[++i];
    if (option == "--port") {
      server_options.port = static_cast<int>(number(option, value));
    } else if (option == "--host") {
      server_options.host = value;
    } else if (option == "--clock-speed") {
      server_options.clock_speed = decimal(option, value);
    } else if (option == "--threads") {
      server_options.threads = static_cast<std::size_t>(positive(option, value));
    } else if (option == "--listen-backlog") {
      server_options.listen_backlog = static_cast<int>(positive(option, value));
    } else if (option == "--api-key") {
      if (!custom_keys) config.api_keys.clear();
      custom_keys = true;
      config.api_keys.emplace_back(value);
    } else if (option == "--turn-duration-ms") {
      config.turn_duration = std::chrono::milliseconds(number(option, value));
    } else if (option == "--sync-timeout-ms") {
      config.sync_timeout = std::chrono::milliseconds(number(option, value));
    } else if (option == "--stream-pause-ms") {
      config.stream.pause = std::chrono::milliseconds(number(option, value));
    } else if (option == "--stream-drop-after-events") {
      config.stream.drop_after_events = static_cast<int>(number(option, value));
    } else if (option == "--fault") {
      try {
        faults.push_back(paradigm::mock::fault_from_json(nlohmann::json::parse(value)));
      } catch (const std::exception& e) {
        usage_error(std::string("bad --fault: ") + e.what());
      }
    } else if (option == "--config") {
      try {
        paradigm::mock::apply_config_json(nlohmann::json::parse(value), config);
      } catch (const std::exception& e) {
        usage_error(std::string("bad --config: ") + e.what());
      }
    } else {
      usage_error("unknown option: " + option);
    }
  }

  // Signals are taken synchronously by this thread; the server's threads,
  // created after, inherit the blocked mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  // POST /_mock/shutdown ends the process like SIGTERM: the test that started it can stop it.
  server_options.on_shutdown_request = [] { ::kill(::getpid(), SIGTERM); };
  try {
    paradigm::mock::MockServer server(config, server_options);
    for (auto& fault : faults)
      server.add_fault(std::move(fault));
    std::cout << "paradigm-mock listening on " << server.base_url() << std::endl;
    int received = 0;
    while (sigwait(&signals, &received) == 0 && received == SIGHUP)
      server.restart();
    server.stop();
  } catch (const std::exception& e) {
    std::cerr << "paradigm-mock: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
