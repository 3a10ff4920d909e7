// Structured answers. A guided model writes JSON that validates against the
// schema it was given, so the emulator does too: a listed value for an enum,
// numbers within their bounds, strings within their lengths, arrays with
// items, a branch of anyOf/oneOf, $ref followed. Arrays hold one item unless
// the schema asks for more, so that nested items are seen by the client.
#include "schema_answer.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <set>

namespace paradigm::mock {

namespace {

// Below this depth optional members are left out and arrays hold only
// minItems, so that a recursive schema ends; past kMaxDepth a value that its
// schema requires forever is null.
constexpr int kFullDepth = 6;
constexpr int kMaxDepth = 64;

std::size_t code_points(const std::string& text) {
  return static_cast<std::size_t>(std::count_if(
      text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// The first `count` code points of UTF-8 `text`.
std::string first_code_points(const std::string& text, std::size_t count) {
  std::size_t seen = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if ((static_cast<unsigned char>(text[at]) & 0xC0) != 0x80 && seen++ == count) return text.substr(0, at);
  }
  return text;
}

std::optional<long double> number_at(const json& schema, const char* key) {
  const auto it = schema.find(key);
  if (it == schema.end() || !it->is_number()) return std::nullopt;
  return it->get<long double>();
}

std::optional<std::size_t> count_at(const json& schema, const char* key) {
  const auto it = schema.find(key);
  if (it == schema.end() || !it->is_number_unsigned()) return std::nullopt;
  return it->get<std::size_t>();
}

// The keywords of `extra` added to `base`, as allOf (and a $ref's siblings)
// combine them: properties and required united, the stricter bound kept.
json merged(json base, const json& extra) {
  if (!extra.is_object()) return base;
  for (const auto& [key, value] : extra.items()) {
    if (!base.contains(key)) {
      base[key] = value;
    } else if (key == "properties" && value.is_object() && base[key].is_object()) {
      for (const auto& [name, property] : value.items()) {
        base[key][name] = base[key].contains(name) ? merged(base[key][name], property) : property;
      }
    } else if (key == "required" && value.is_array() && base[key].is_array()) {
      for (const auto& name : value) {
        if (std::find(base[key].begin(), base[key].end(), name) == base[key].end()) base[key].push_back(name);
      }
    } else if (value.is_number() && base[key].is_number()) {
      const bool lower = key == "minimum" || key == "exclusiveMinimum" || key == "minLength" ||
                         key == "minItems" || key == "minProperties";
      const bool upper =
          key == "maximum" || key == "exclusiveMaximum" || key == "maxLength" || key == "maxItems";
      if ((lower && base[key] < value) || (upper && value < base[key])) base[key] = value;
    }
  }
  return base;
}

// The bounds of a number schema, draft 4 (boolean exclusive*) and later (numeric).
struct Bounds {
  std::optional<long double> low, high;
  bool low_exclusive = false, high_exclusive = false;

  explicit Bounds(const json& schema) {
    low = number_at(schema, "minimum");
    high = number_at(schema, "maximum");
    low_exclusive = low && schema.value("exclusiveMinimum", json(false)) == json(true);
    high_exclusive = high && schema.value("exclusiveMaximum", json(false)) == json(true);
    if (const auto above = number_at(schema, "exclusiveMinimum"); above && (!low || *above >= *low)) {
      low = above;
      low_exclusive = true;
    }
    if (const auto below = number_at(schema, "exclusiveMaximum"); below && (!high || *below <= *high)) {
      high = below;
      high_exclusive = true;
    }
  }
};

// A number as JSON: an integer when it is one (0, not 0.0), in the widest type that holds it.
json number_json(long double value) {
  if (std::floor(value) == value) {
    if (value >= static_cast<long double>(std::numeric_limits<std::int64_t>::min()) &&
        value <= static_cast<long double>(std::numeric_limits<std::int64_t>::max()))
      return static_cast<std::int64_t>(value);
    if (value >= 0 && value <= static_cast<long double>(std::numeric_limits<std::uint64_t>::max()))
      return static_cast<std::uint64_t>(value);
  }
  return static_cast<double>(value);
}

std::string formatted(const std::string& format) {
  if (format == "date-time") return "2026-01-05T09:00:00Z";
  if (format == "date") return "2026-01-05";
  if (format == "time") return "09:00:00Z";
  if (format == "email" || format == "idn-email") return "mock@example.com";
  if (format == "uri" || format == "url" || format == "iri" || format == "uri-reference")
    return "https://example.com/mock";
  if (format == "uuid") return "00000000-0000-4000-8000-000000000000";
  if (format == "ipv4") return "192.0.2.1";
  if (format == "ipv6") return "2001:db8::1";
  if (format == "hostname" || format == "idn-hostname") return "example.com";
  if (format == "duration") return "P1D";
  return "";
}

class Filler {
 public:
  explicit Filler(const json& root) : root_(root) {}

  // `variant` > 0 asks for a value different from variant 0 (uniqueItems).
  json fill(const json& schema, const std::string& name, int depth, std::size_t variant) {
    if (depth > kMaxDepth) return nullptr;
    if (schema.is_boolean()) return schema.get<bool>() ? json("mock " + name) : json(nullptr);
    if (!schema.is_object()) return "mock " + name;
    const json flat = flatten(schema, depth);
    if (flat.contains("const")) return flat["const"];
    if (const auto it = flat.find("enum"); it != flat.end() && it->is_array() && !it->empty())
      return listed(*it, variant);
    const std::string type = type_of(flat);
    if (type == "object") return fill_object(flat, depth, variant);
    if (type == "array") return fill_array(flat, name, depth, variant);
    if (type == "integer" || type == "number") return fill_number(flat, type == "integer", variant);
    if (type == "boolean") return variant % 2 == 0;
    if (type == "null") return nullptr;
    return fill_string(flat, name, variant);
  }

 private:
  // The schema with its $ref followed and allOf, anyOf, oneOf folded in: one
  // branch of anyOf/oneOf (the first that is not only null), all of allOf.
  json flatten(const json& schema, int depth) {
    if (!schema.is_object() || depth > kMaxDepth) return json::object();
    json flat = schema;
    if (const auto ref = flat.find("$ref"); ref != flat.end() && ref->is_string()) {
      const json target = flatten(resolve(ref->get<std::string>()), depth + 1);
      flat.erase("$ref");
      flat = merged(target, flat);
    }
    if (const auto all = flat.find("allOf"); all != flat.end() && all->is_array()) {
      const json branches = *all;
      flat.erase("allOf");
      for (const auto& branch : branches)
        flat = merged(flat, flatten(branch, depth + 1));
    }
    for (const char* key : {"anyOf", "oneOf"}) {
      const auto it = flat.find(key);
      if (it == flat.end() || !it->is_array() || it->empty()) continue;
      json chosen = flatten((*it)[0], depth + 1);
      for (const auto& branch : *it) {
        json candidate = flatten(branch, depth + 1);
        if (candidate.value("type", json()) != "null") {
          chosen = std::move(candidate);
          break;
        }
      }
      flat.erase(key);
      flat = merged(flat, chosen);
    }
    return flat;
  }

  // A local reference ("#", "#/$defs/x", "#/definitions/x"); anything else is the empty schema.
  json resolve(const std::string& ref) const {
    if (ref.empty() || ref[0] != '#') return json::object();
    try {
      return root_.at(json::json_pointer(ref.substr(1)));
    } catch (const json::exception&) {
      return json::object();
    }
  }

  static json listed(const json& values, std::size_t variant) {
    std::vector<json> candidates;
    for (const auto& value : values) {
      if (!value.is_null()) candidates.push_back(value);
    }
    return candidates.empty() ? json(nullptr) : candidates[variant % candidates.size()];
  }

  // The type to answer with: the first one listed that is not null, else what the keywords imply.
  static std::string type_of(const json& schema) {
    const auto type = schema.find("type");
    if (type != schema.end() && type->is_string()) return type->get<std::string>();
    if (type != schema.end() && type->is_array()) {
      for (const auto& name : *type) {
        if (name.is_string() && name != "null") return name.get<std::string>();
      }
      return "null";
    }
    for (const char* key : {"properties", "required", "additionalProperties", "minProperties"})
      if (schema.contains(key)) return "object";
    for (const char* key : {"items", "prefixItems", "minItems", "maxItems", "uniqueItems"})
      if (schema.contains(key)) return "array";
    for (const char* key : {"minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf"})
      if (schema.contains(key)) return "number";
    return "string";
  }

  json fill_object(const json& schema, int depth, std::size_t variant) {
    json out = json::object();
    std::set<std::string> required;
    for (const auto& name : schema.value("required", json::array())) {
      if (name.is_string()) required.insert(name.get<std::string>());
    }
    const json properties = schema.value("properties", json::object());
    for (const auto& [key, property] : properties.items()) {
      if (depth >= kFullDepth && !required.count(key)) continue;
      out[key] = fill(property, key, depth + 1, variant);
    }
    const json extra = schema.value("additionalProperties", json::object());
    for (const auto& name : required) {
      if (!out.contains(name))
        out[name] = fill(extra.is_object() ? extra : json::object(), name, depth + 1, variant);
    }
    const std::size_t least = count_at(schema, "minProperties").value_or(0);
    for (std::size_t i = 1; out.size() < least && extra != json(false); ++i)
      out["extra_" + std::to_string(i)] = fill(extra, "extra", depth + 1, variant);
    return out;
  }

  json fill_array(const json& schema, const std::string& name, int depth, std::size_t variant) {
    json prefix = schema.value("prefixItems", json::array());
    json rest = schema.value("items", json::object());
    if (rest.is_array()) {  // draft 4: a list of items is a tuple
      prefix = rest;
      rest = schema.value("additionalItems", json::object());
    }
    const std::size_t least = count_at(schema, "minItems").value_or(0);
    const std::size_t most = count_at(schema, "maxItems").value_or(std::numeric_limits<std::size_t>::max());
    std::size_t count =
        std::max({least, depth >= kFullDepth ? std::size_t{0} : std::size_t{1}, prefix.size()});
    if (rest == json(false)) count = std::min(count, prefix.size());
    count = std::min(count, most);
    const bool unique = schema.value("uniqueItems", false);
    json out = json::array();
    for (std::size_t i = 0; i < count; ++i) {
      const json& item = i < prefix.size() ? prefix[i] : rest;
      out.push_back(fill(item, name, depth + 1, unique ? i : variant));
    }
    return out;
  }

  static json fill_string(const json& schema, const std::string& name, std::size_t variant) {
    std::string text = formatted(schema.value("format", std::string()));
    if (text.empty()) text = name == "capital" ? "Paris" : name == "country" ? "France" : "mock " + name;
    if (name.empty() && text == "mock ") text = "mock";
    // A variant keeps its number through maxLength, so that unique items stay unique.
    const std::string number = variant > 0 ? std::to_string(variant + 1) : "";
    const std::string suffix = number.empty() ? "" : " " + number;
    if (const auto most = count_at(schema, "maxLength")) {
      text = code_points(suffix) > *most ? number.substr(0, *most)
                                         : first_code_points(text, *most - code_points(suffix)) + suffix;
    } else {
      text += suffix;
    }
    const std::size_t least = count_at(schema, "minLength").value_or(0);
    if (code_points(text) < least) text.append(least - code_points(text), 'x');
    return text;
  }

  static json fill_number(const json& schema, bool integer, std::size_t variant) {
    const Bounds bounds(schema);
    std::optional<long double> low = bounds.low, high = bounds.high;
    long double step = 1;
    if (integer) {
      if (low) low = bounds.low_exclusive ? std::floor(*low) + 1 : std::ceil(*low);
      if (high) high = bounds.high_exclusive ? std::ceil(*high) - 1 : std::floor(*high);
    } else if (low && high) {
      step = std::min<long double>(1, (*high - *low) / 2);
      if (bounds.low_exclusive) low = *low + step;
      if (bounds.high_exclusive) high = *high - step;
    } else {
      if (low && bounds.low_exclusive) low = *low + 1;
      if (high && bounds.high_exclusive) high = *high - 1;
    }
    long double value = 0;
    if (low && value < *low) value = *low;
    if (high && value > *high) value = *high;
    if (const auto multiple = number_at(schema, "multipleOf"); multiple && *multiple > 0) {
      step = *multiple;
      value = std::ceil(value / step) * step;
      if (high && value > *high) value = std::floor(*high / step) * step;
    }
    const long double shift = step * static_cast<long double>(variant);
    if (!high || value + shift <= *high) {
      value += shift;
    } else if (!low || value - shift >= *low) {
      value -= shift;
    }
    return number_json(value);
  }

  const json& root_;
};

// The emulator's answers before it followed schemas: types only.
json placeholder(const json& schema, const std::string& name) {
  const std::string type = schema.is_object() ? schema.value("type", std::string("object")) : "string";
  if (type == "object") {
    json out = json::object();
    if (schema.contains("properties") && schema["properties"].is_object()) {
      for (const auto& [key, sub] : schema["properties"].items())
        out[key] = placeholder(sub, key);
    }
    return out;
  }
  if (type == "string") {
    if (name == "capital") return "Paris";
    if (name == "country") return "France";
    return "mock " + name;
  }
  if (type == "integer" || type == "number") return 0;
  if (type == "boolean") return true;
  if (type == "array") return json::array();
  return nullptr;
}

}  // namespace

const json& schema_of_response_format(const json& response_format) {
  const auto wrapper = response_format.find("json_schema");
  if (response_format.value("type", json()) == "json_schema" && wrapper != response_format.end() &&
      wrapper->is_object() && wrapper->contains("schema")) {
    return (*wrapper)["schema"];
  }
  return response_format;
}

json value_for_schema(const json& schema) {
  return Filler(schema).fill(schema, "", 0, 0);
}

json off_schema_value(const json& schema) {
  return placeholder(schema, "");
}

}  // namespace paradigm::mock
