// The journal file: read and checked once when opened, then only appended to,
// every record made durable before append() returns (docs/reliability.md).

#include "client/journal_file.hpp"

#include "json/model_json.hpp"

#include <paradigm/journal.hpp>

#include <array>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <sstream>

#ifdef _WIN32
#include <fcntl.h>
#include <io.h>
#include <sys/stat.h>
#else
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#endif

namespace paradigm::detail {

namespace {

constexpr const char* kFormat = "paradigm.turn_set_journal";
constexpr std::string_view kPrefix = "{\"crc\":\"";
constexpr std::string_view kMiddle = "\",\"rec\":";

std::uint32_t crc32(std::string_view bytes) {
  static const auto table = [] {
    std::array<std::uint32_t, 256> entries{};
    for (std::uint32_t n = 0; n < 256; ++n) {
      std::uint32_t c = n;
      for (int k = 0; k < 8; ++k)
        c = (c & 1) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
      entries[n] = c;
    }
    return entries;
  }();
  std::uint32_t crc = 0xFFFFFFFFu;
  for (const char byte : bytes)
    crc = table[(crc ^ static_cast<unsigned char>(byte)) & 0xFFu] ^ (crc >> 8);
  return crc ^ 0xFFFFFFFFu;
}

std::string hex8(std::uint32_t value) {
  char text[9];
  std::snprintf(text, sizeof text, "%08x", static_cast<unsigned>(value));
  return text;
}

// The record of a line (without its newline), or nothing when the line does
// not check.
std::optional<nlohmann::json> checked_record(std::string_view line) {
  const std::size_t fixed = kPrefix.size() + 8 + kMiddle.size();
  if (line.size() < fixed + 1 || line.substr(0, kPrefix.size()) != kPrefix ||
      line.substr(kPrefix.size() + 8, kMiddle.size()) != kMiddle || line.back() != '}') {
    return std::nullopt;
  }
  const std::string_view record = line.substr(fixed, line.size() - fixed - 1);
  if (hex8(crc32(record)) != line.substr(kPrefix.size(), 8)) return std::nullopt;
  auto parsed = try_parse_json(record);
  if (parsed.is_discarded() || !parsed.is_object()) return std::nullopt;
  return parsed;
}

std::string system_error(const std::string& what, const std::string& path) {
  return "journal " + path + ": " + what + ": " + std::strerror(errno);
}

std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return {};
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) throw JournalError("journal " + path + ": cannot be read");
  return text.str();
}

void check_header(const nlohmann::json& header, const std::string& path) {
  const auto format = header.find("format");
  if (format == header.end() || *format != kFormat)
    throw JournalError("journal " + path + ": not a TurnSet journal (its first line names no " + kFormat +
                       ")");
  const auto version = header.find("version");
  if (version == header.end() || !version->is_number_integer() || *version != kJournalVersion) {
    throw JournalError("journal " + path + ": format version " +
                       (version == header.end() ? "?" : version->dump()) + ", this SDK reads version " +
                       std::to_string(kJournalVersion));
  }
}

// The records of `text` and the length of its good part (where a torn last
// line starts).
std::vector<nlohmann::json> parse_lines(const std::string& text, const std::string& path, std::size_t& good) {
  std::vector<nlohmann::json> records;
  good = 0;
  std::size_t start = 0;
  std::size_t number = 0;
  while (start < text.size()) {
    ++number;
    const std::size_t end = text.find('\n', start);
    const bool last = end == std::string::npos || end + 1 == text.size();
    std::optional<nlohmann::json> record;
    if (end != std::string::npos) record = checked_record(std::string_view(text).substr(start, end - start));
    if (!record) {
      if (last) break;  // cut short by a crash: ignored
      throw JournalError("journal " + path + ": line " + std::to_string(number) +
                         " is corrupt (it fails its check and is not the last line)");
    }
    records.push_back(std::move(*record));
    start = end + 1;
    good = start;
  }
  return records;
}

}  // namespace

std::string journal_line(const nlohmann::json& record) {
  const std::string text = record.dump();
  std::string line;
  line.reserve(text.size() + 32);
  line.append(kPrefix).append(hex8(crc32(text))).append(kMiddle).append(text).append("}\n");
  return line;
}

#ifdef _WIN32
namespace {
int open_for_append(const std::string& path) {
  return ::_open(path.c_str(), _O_WRONLY | _O_APPEND | _O_CREAT | _O_BINARY, _S_IREAD | _S_IWRITE);
}
bool write_all(int fd, const std::string& bytes) {
  return ::_write(fd, bytes.data(), static_cast<unsigned>(bytes.size())) == static_cast<int>(bytes.size());
}
bool make_durable(int fd) {
  return ::_commit(fd) == 0;
}
bool truncate_to(int fd, std::size_t size) {
  return ::_chsize_s(fd, static_cast<long long>(size)) == 0;
}
void close_file(int fd) {
  ::_close(fd);
}
void sync_directory_of(const std::string&) {}
bool lock_exclusively(int) {
  return true;
}
}  // namespace
#else
namespace {
int open_for_append(const std::string& path) {
  return ::open(path.c_str(), O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
}
bool write_all(int fd, const std::string& bytes) {
  std::size_t done = 0;
  while (done < bytes.size()) {
    const ssize_t wrote = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote <= 0) return false;
    done += static_cast<std::size_t>(wrote);
  }
  return true;
}
bool make_durable(int fd) {
#if defined(__APPLE__)
  return ::fsync(fd) == 0;
#else
  return ::fdatasync(fd) == 0;
#endif
}
bool truncate_to(int fd, std::size_t size) {
  return ::ftruncate(fd, static_cast<off_t>(size)) == 0;
}
// One set per journal: a second writer would interleave its steps with ours.
// The lock goes with the process (also on kill -9).
bool lock_exclusively(int fd) {
  return ::flock(fd, LOCK_EX | LOCK_NB) == 0;
}
void close_file(int fd) {
  ::close(fd);
}
// A new file's name is durable once its directory is.
void sync_directory_of(const std::string& path) {
  const auto slash = path.find_last_of('/');
  const std::string directory = slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
  const int fd = ::open(directory.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return;
  ::fsync(fd);
  ::close(fd);
}
}  // namespace
#endif

JournalFile::JournalFile(const std::string& path, std::vector<nlohmann::json>& records) : path_(path) {
  if (path.empty()) throw JournalError("journal: the path is empty");
  fd_ = open_for_append(path);
  if (fd_ < 0) throw JournalError(system_error("cannot be opened for writing", path));
  try {
    if (!lock_exclusively(fd_))
      throw JournalError("journal " + path + ": in use by another TurnSet (or process)");
    read_records(records);
  } catch (...) {
    close_file(fd_);
    fd_ = -1;
    throw;
  }
}

void JournalFile::read_records(std::vector<nlohmann::json>& records) {
  const std::string text = read_all(path_);
  std::size_t good = 0;
  records = parse_lines(text, path_, good);
  if (good < text.size() && (!truncate_to(fd_, good) || !make_durable(fd_)))
    throw JournalError(system_error("cannot cut off its torn last line", path_));
  if (records.empty()) {
    append(nlohmann::json{{"format", kFormat}, {"version", kJournalVersion}});
    sync_directory_of(path_);
    return;
  }
  check_header(records.front(), path_);
  records.erase(records.begin());
}

JournalFile::~JournalFile() {
  close();
}

void JournalFile::close() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (fd_ >= 0) close_file(fd_);
  fd_ = -1;
}

void JournalFile::append(const nlohmann::json& record) {
  const std::string line = journal_line(record);
  std::lock_guard<std::mutex> lock(mutex_);
  if (fd_ < 0) throw JournalError("journal " + path_ + ": closed (its TurnSet was destroyed)");
  if (!write_all(fd_, line)) throw JournalError(system_error("cannot be written", path_));
  if (!make_durable(fd_)) throw JournalError(system_error("cannot be made durable (fdatasync)", path_));
}

}  // namespace paradigm::detail
