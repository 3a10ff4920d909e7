#include <paradigm/logging.hpp>

#include "core/text.hpp"

#include <cstdio>
#include <string>

namespace paradigm {

const char* to_string(LogLevel level) noexcept {
  switch (level) {
    case LogLevel::debug:
      return "debug";
    case LogLevel::info:
      return "info";
    case LogLevel::warning:
      return "warning";
    case LogLevel::error:
      return "error";
    case LogLevel::off:
      return "off";
  }
  return "off";
}

LogLevel parse_log_level(const std::string& name) noexcept {
  for (LogLevel level : {LogLevel::debug, LogLevel::info, LogLevel::warning, LogLevel::error}) {
    if (detail::iequals(name, to_string(level))) return level;
  }
  if (detail::iequals(name, "warn")) return LogLevel::warning;
  return LogLevel::off;
}

Logger stderr_logger() {
  return [](const LogRecord& record) {
    std::string line = "paradigm ";
    line += to_string(record.level);
    line += ": ";
    if (!record.method.empty()) line += record.method + " " + record.path + " ";
    if (record.status != 0) line += "-> " + std::to_string(record.status) + " ";
    if (record.attempt > 1) line += "(attempt " + std::to_string(record.attempt) + ") ";
    line += record.message;
    if (record.delay.count() > 0) line += " [next in " + std::to_string(record.delay.count()) + " ms]";
    if (!record.request_id.empty()) line += " [request " + record.request_id + "]";
    line += '\n';
    std::fputs(line.c_str(), stderr);
  };
}

}  // namespace paradigm
