// safe_file_name: a name from a server reduced to a name for a new file in a
// directory the user chose (artifact.hpp lists the rules).

#include <paradigm/artifact.hpp>

#include <algorithm>
#include <cctype>

namespace paradigm {

namespace {

constexpr std::size_t kMaxNameBytes = 200;
constexpr std::size_t kMaxExtensionBytes = 20;

// The length of the valid UTF-8 sequence at `text[i]`, or 0.
std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  std::size_t length = 0;
  if (lead >= 0xc2 && lead <= 0xdf) length = 2;
  if (lead >= 0xe0 && lead <= 0xef) length = 3;
  if (lead >= 0xf0 && lead <= 0xf4) length = 4;
  if (length == 0 || i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte(i + k) & 0xc0) != 0x80) return 0;
  }
  // Overlong forms, surrogates and code points above U+10FFFF.
  if ((lead == 0xe0 && byte(i + 1) < 0xa0) || (lead == 0xed && byte(i + 1) > 0x9f) ||
      (lead == 0xf0 && byte(i + 1) < 0x90) || (lead == 0xf4 && byte(i + 1) > 0x8f)) {
    return 0;
  }
  return length;
}

// Control characters, what Windows forbids, and invalid UTF-8 become '_'.
std::string replace_unsafe(std::string_view name) {
  std::string out;
  for (std::size_t i = 0; i < name.size();) {
    const auto c = static_cast<unsigned char>(name[i]);
    if (c >= 0x80) {
      const std::size_t length = utf8_sequence_length(name, i);
      out.append(length ? name.substr(i, length) : std::string_view("_"));
      i += length ? length : 1;
      continue;
    }
    const bool unsafe =
        c < 0x20 || c == 0x7f || std::string_view("<>:\"|?*").find(name[i]) != std::string_view::npos;
    out += unsafe ? '_' : name[i];
    ++i;
  }
  return out;
}

// CON, PRN, AUX, NUL, COM1-9, LPT1-9, with any extension, name devices on Windows.
bool is_windows_device(std::string_view name) {
  std::string stem(name.substr(0, name.find('.')));
  std::transform(stem.begin(), stem.end(), stem.begin(), [](unsigned char c) { return std::toupper(c); });
  for (const char* device : {"CON", "PRN", "AUX", "NUL"}) {
    if (stem == device) return true;
  }
  return stem.size() == 4 && (stem.rfind("COM", 0) == 0 || stem.rfind("LPT", 0) == 0) && stem[3] >= '1' &&
         stem[3] <= '9';
}

// The longest prefix of `text` of at most `bytes` bytes that ends between characters.
std::string_view utf8_prefix(std::string_view text, std::size_t bytes) {
  if (text.size() <= bytes) return text;
  while (bytes > 0 && (static_cast<unsigned char>(text[bytes]) & 0xc0) == 0x80)
    --bytes;
  return text.substr(0, bytes);
}

std::string shorten(const std::string& name) {
  if (name.size() <= kMaxNameBytes) return name;
  const auto dot = name.rfind('.');
  const bool has_extension = dot != std::string::npos && dot > 0 && name.size() - dot <= kMaxExtensionBytes;
  const std::string_view extension = has_extension ? std::string_view(name).substr(dot) : std::string_view();
  const std::string_view stem = std::string_view(name).substr(0, has_extension ? dot : name.size());
  return std::string(utf8_prefix(stem, kMaxNameBytes - extension.size())) + std::string(extension);
}

}  // namespace

std::string safe_file_name(std::string_view untrusted, std::string_view fallback) {
  const auto separator = untrusted.find_last_of("/\\");
  std::string name =
      replace_unsafe(separator == std::string_view::npos ? untrusted : untrusted.substr(separator + 1));
  // No hidden file, no "." or "..": leading dots go; Windows drops trailing dots and spaces.
  const auto first = name.find_first_not_of(". ");
  if (first == std::string::npos) return std::string(fallback);
  name.erase(0, first);
  name.erase(name.find_last_not_of(". ") + 1);
  if (name.find_first_not_of('_') == std::string::npos) return std::string(fallback);
  if (is_windows_device(name)) name.insert(0, "_");
  return shorten(name);
}

}  // namespace paradigm
