#include "record_replay/cassette_format.hpp"

#include <paradigm/record_replay.hpp>

#include "core/base64.hpp"

#include <nlohmann/json.hpp>

#include <fstream>
#include <stdexcept>

namespace paradigm::detail {

namespace {

using OrderedJson = nlohmann::ordered_json;

constexpr std::pair<TransferError, const char*> kErrorNames[] = {
    {TransferError::none, "none"},
    {TransferError::resolve, "resolve"},
    {TransferError::connect, "connect"},
    {TransferError::connect_timeout, "connect_timeout"},
    {TransferError::tls, "tls"},
    {TransferError::timeout, "timeout"},
    {TransferError::stalled, "stalled"},
    {TransferError::reset, "reset"},
    {TransferError::not_delivered, "not_delivered"},
    {TransferError::cancelled, "cancelled"},
    {TransferError::too_many_redirects, "too_many_redirects"},
    {TransferError::other, "other"},
};

// A body as JSON when it is a JSON object or array (readable, and diffs
// well), as text when it is UTF-8, else in base64.
void put_body(OrderedJson& line, const std::string& prefix, const std::string& bytes) {
  OrderedJson parsed = OrderedJson::parse(bytes, nullptr, false);
  if (!parsed.is_discarded() && (parsed.is_object() || parsed.is_array())) {
    line[prefix + "_body"] = std::move(parsed);
    return;
  }
  try {
    OrderedJson text = bytes;
    (void)text.dump();  // throws on bytes that are not UTF-8
    line[prefix + "_text"] = std::move(text);
  } catch (const OrderedJson::type_error&) {
    line[prefix + "_base64"] = base64_encode(bytes);
  }
}

std::optional<std::string> get_body(const OrderedJson& line, const std::string& prefix) {
  if (line.contains(prefix + "_body")) return line.at(prefix + "_body").dump();
  if (line.contains(prefix + "_text")) return line.at(prefix + "_text").get<std::string>();
  if (line.contains(prefix + "_base64")) return base64_decode(line.at(prefix + "_base64").get<std::string>());
  return std::nullopt;
}

}  // namespace

const char* transfer_error_name(TransferError error) noexcept {
  for (const auto& [value, name] : kErrorNames) {
    if (value == error) return name;
  }
  return "other";
}

TransferError transfer_error_from(std::string_view name) {
  for (const auto& [value, known] : kErrorNames) {
    if (name == known) return value;
  }
  throw std::invalid_argument("unknown transfer_error \"" + std::string(name) + "\"");
}

std::string to_line(const RecordedExchange& exchange) {
  OrderedJson line = OrderedJson::object();
  line["method"] = exchange.method;
  line["path"] = exchange.path;
  line["query"] = exchange.query;
  if (exchange.request_body) put_body(line, "request", *exchange.request_body);
  line["status"] = exchange.status;
  OrderedJson headers = OrderedJson::array();
  for (const auto& [name, value] : exchange.response_headers)
    headers.push_back({name, value});
  line["response_headers"] = std::move(headers);
  if (exchange.streamed) {
    OrderedJson events = OrderedJson::array();
    for (const auto& event : exchange.events) {
      OrderedJson recorded = {{"at_ms", event.at_ms}, {"event", event.event}, {"data", event.data}};
      if (event.id) recorded["id"] = *event.id;
      events.push_back(std::move(recorded));
    }
    line["events"] = std::move(events);
  } else {
    put_body(line, "response", exchange.response_body);
  }
  if (exchange.transfer_error != TransferError::none)
    line["transfer_error"] = transfer_error_name(exchange.transfer_error);
  if (exchange.truncated) line["truncated"] = true;
  return line.dump();
}

RecordedExchange from_line(std::string_view text) {
  const OrderedJson line = OrderedJson::parse(text, nullptr, false);
  if (line.is_discarded() || !line.is_object()) throw std::invalid_argument("not a JSON object");
  try {
    RecordedExchange exchange;
    exchange.method = line.at("method").get<std::string>();
    exchange.path = line.at("path").get<std::string>();
    exchange.query = line.value("query", std::string());
    exchange.request_body = get_body(line, "request");
    exchange.status = line.value("status", 0);
    for (const auto& header : line.value("response_headers", OrderedJson::array()))
      exchange.response_headers.add(header.at(0).get<std::string>(), header.at(1).get<std::string>());
    if (line.contains("events")) {
      exchange.streamed = true;
      for (const auto& event : line.at("events")) {
        RecordedEvent recorded;
        recorded.at_ms = event.value("at_ms", std::int64_t{0});
        recorded.event = event.value("event", std::string("message"));
        recorded.data = event.value("data", std::string());
        if (event.contains("id")) recorded.id = event.at("id").get<std::string>();
        exchange.events.push_back(std::move(recorded));
      }
    } else {
      exchange.response_body = get_body(line, "response").value_or("");
    }
    exchange.transfer_error = transfer_error_from(line.value("transfer_error", std::string("none")));
    exchange.truncated = line.value("truncated", false);
    return exchange;
  } catch (const OrderedJson::exception& e) {
    throw std::invalid_argument(e.what());
  } catch (const Error& e) {  // base64
    throw std::invalid_argument(e.what());
  }
}

std::vector<RecordedExchange> read_cassette(const std::string& path) {
  std::ifstream file(path, std::ios::binary);
  if (!file) throw CassetteError("cannot read the cassette " + path);
  std::vector<RecordedExchange> exchanges;
  std::string line;
  for (int number = 1; std::getline(file, line); ++number) {
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    try {
      exchanges.push_back(from_line(line));
    } catch (const std::invalid_argument& e) {
      throw CassetteError("cassette " + path + ", line " + std::to_string(number) + ": " + e.what());
    }
  }
  if (file.bad()) throw CassetteError("cannot read the cassette " + path);
  return exchanges;
}

}  // namespace paradigm::detail
