#pragma once

// Fault injection: which requests a fault applies to, and what it does.

#include "context.hpp"

#include <mutex>
#include <optional>
#include <regex>
#include <set>
#include <vector>

namespace paradigm::mock {

class FaultBook {
 public:
  void add(Fault fault);
  void clear();
  /// The first fault matching the request, counting one use of it (faults
  /// that are used up are removed).
  std::optional<Fault> take(const std::string& method, const std::string& path);

 private:
  struct Entry {
    Fault fault;
    std::regex path;
    int matched = 0;
    int applied = 0;
  };
  std::mutex mutex_;
  std::vector<Entry> entries_;
};

/// Answers a request under `fault`; `normal` produces the regular answer.
void answer_with_fault(Context& context, const Fault& fault, const httplib::Request& req,
                       httplib::Response& res, const Handler& normal);

/// Closes the connection a request arrived on, before any response byte.
bool shutdown_connection(const httplib::Request& req, int server_port);
/// Closes every connection the server accepted on `server_port` (when it
/// stops: a thread waiting on an idle keep-alive connection returns at once).
void shutdown_connections(int server_port);

/// Every request received, and the distinct connections they came on.
class RequestLog {
 public:
  void record(const httplib::Request& req, const std::string& request_id);
  std::vector<RecordedRequest> all() const;
  void clear();
  int connections() const;

 private:
  mutable std::mutex mutex_;
  std::vector<RecordedRequest> requests_;
  std::set<std::pair<std::string, int>> connections_;
};

}  // namespace paradigm::mock
