#pragma once

#include <paradigm/export.hpp>

#include <chrono>
#include <functional>
#include <string>

namespace paradigm {

enum class LogLevel { debug, info, warning, error, off };

/// One log event. Never contains the API key or other credentials.
struct LogRecord {
  LogLevel level = LogLevel::debug;
  std::string message;
  /// The HTTP request, when the event is about one.
  std::string method;
  std::string path;
  /// HTTP status (0 when there was no response).
  int status = 0;
  /// 1 for the first attempt, 2 for the first retry, ...
  int attempt = 0;
  /// The wait before the next attempt or poll, when one is scheduled.
  std::chrono::milliseconds delay{0};
  std::string request_id;
};

/// Receives log records; called from the thread making the call.
using Logger = std::function<void(const LogRecord&)>;

/// A logger printing one line per record to stderr.
PARADIGM_API Logger stderr_logger();

/// "debug", "info", ... ; nullopt-like `LogLevel::off` for anything else.
PARADIGM_API LogLevel parse_log_level(const std::string& name) noexcept;

PARADIGM_API const char* to_string(LogLevel level) noexcept;

}  // namespace paradigm
