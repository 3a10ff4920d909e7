#include <paradigm/artifact.hpp>
#include <paradigm/errors.hpp>

#include "core/base64.hpp"

namespace paradigm {

namespace {

// "data:image/webp;base64,AAAA" -> "AAAA"; plain base64 is returned as is.
std::string_view strip_data_url(std::string_view text) {
  if (text.substr(0, 5) != "data:") return text;
  const auto comma = text.find(',');
  if (comma == std::string_view::npos || text.substr(0, comma).find(";base64") == std::string_view::npos) {
    throw DecodeError("thumbnail_base64: a data URL without ';base64,'");
  }
  return text.substr(comma + 1);
}

}  // namespace

std::string Artifact::thumbnail() const {
  if (!thumbnail_base64 || thumbnail_base64->empty()) return {};
  try {
    return detail::base64_decode(strip_data_url(*thumbnail_base64));
  } catch (const DecodeError& e) {
    throw DecodeError(std::string("artifact ") + id + " thumbnail: " + e.what(), "thumbnail_base64");
  }
}

}  // namespace paradigm
