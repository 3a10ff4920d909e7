#include "workflow/download_sinks.hpp"

#include "workflow/fetch.hpp"

#include <paradigm/errors.hpp>

#include "core/platform.hpp"
#include "core/text.hpp"
#include "transport/content_length.hpp"

#include <cerrno>
#include <charconv>
#include <cstdint>
#include <cstring>
#include <random>

namespace paradigm::detail {

namespace {

std::string percent_decode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    unsigned value = 0;
    if (text[i] == '%' && i + 2 < text.size() &&
        std::from_chars(text.data() + i + 1, text.data() + i + 3, value, 16).ptr == text.data() + i + 3) {
      out += static_cast<char>(value);
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string unquote(std::string_view value) {
  value = trim(value);
  if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
    value = value.substr(1, value.size() - 2);
  std::string out;
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (value[i] == '\\' && i + 1 < value.size()) ++i;
    out += value[i];
  }
  return out;
}

std::string base_name(std::string name) {
  const auto slash = name.find_last_of("/\\");
  return slash == std::string::npos ? name : name.substr(slash + 1);
}

std::string random_suffix() {
  thread_local std::mt19937_64 engine{std::random_device{}()};
  static constexpr char kHex[] = "0123456789abcdef";
  std::string suffix;
  for (int i = 0; i < 12; ++i)
    suffix += kHex[engine() % 16];
  return suffix;
}

}  // namespace

std::optional<std::string> filename_from_disposition(std::string_view disposition) {
  std::optional<std::string> plain, extended;
  std::size_t start = 0;
  while (start < disposition.size()) {
    auto end = disposition.find(';', start);
    if (end == std::string_view::npos) end = disposition.size();
    std::string_view param = trim(disposition.substr(start, end - start));
    start = end + 1;
    const auto eq = param.find('=');
    if (eq == std::string_view::npos) continue;
    const auto name = trim(param.substr(0, eq));
    const auto value = param.substr(eq + 1);
    if (iequals(name, "filename")) plain = unquote(value);
    if (iequals(name, "filename*")) {
      // RFC 8187: charset'language'percent-encoded
      const std::string raw = unquote(value);
      const auto quote = raw.find('\'', raw.find('\'') + 1);
      extended = percent_decode(quote == std::string::npos ? raw : raw.substr(quote + 1));
    }
  }
  auto chosen = extended ? extended : plain;
  if (!chosen) return std::nullopt;
  std::string name = base_name(*chosen);
  if (name.empty() || name == "." || name == "..") return std::nullopt;
  return name;
}

bool DownloadSink::on_head(int, const Headers& headers) {
  info_.content_type = headers.get("content-type");
  info_.content_disposition = headers.get("content-disposition");
  info_.filename =
      info_.content_disposition ? filename_from_disposition(*info_.content_disposition) : std::nullopt;
  info_.content_length = content_length(headers);
  decoded_length_ = decoded_length(headers);
  return true;
}

void MemoryDownload::reset() {
  DownloadSink::reset();
  bytes_.clear();
}

bool MemoryDownload::on_data(std::string_view chunk) {
  const bool announced_fits = bytes_.size() > 0 || bytes_.reserve_announced(decoded_length_);
  if (!announced_fits || !bytes_.append(chunk)) {
    failure_ = response_too_large(bytes_.limit(), "download the artifact to a file or a sink instead");
    return false;
  }
  info_.bytes += chunk.size();
  return true;
}

bool SinkDownload::on_data(std::string_view chunk) {
  info_.bytes += chunk.size();
  return sink_(chunk);
}

FileDownload::FileDownload(std::filesystem::path destination, ProgressCallback progress)
    : destination_(std::move(destination)), progress_(std::move(progress)) {
  if (destination_.empty() || destination_.filename().empty()) {
    throw InvalidRequestError("download destination must name a file");
  }
  const auto directory =
      destination_.has_parent_path() ? destination_.parent_path() : std::filesystem::path(".");
  // Same directory as the destination, so that the final rename is atomic.
  temporary_ = directory / ("." + destination_.filename().string() + "." + random_suffix() + ".part");
  file_ = platform::create_new_file(temporary_);
  if (!file_) throw Error("cannot create " + temporary_.string() + ": " + std::strerror(errno));
  // Fixed-size writes, whatever the size of the received chunks.
  write_buffer_.resize(kWriteBufferBytes);
  std::setvbuf(file_, write_buffer_.data(), _IOFBF, write_buffer_.size());
}

FileDownload::~FileDownload() {
  if (file_) {
    std::fclose(file_);
    std::error_code ignored;
    std::filesystem::remove(temporary_, ignored);
  }
}

void FileDownload::fail(const std::string& what) {
  failure_ = std::make_exception_ptr(Error(what + " " + temporary_.string() + ": " + std::strerror(errno)));
}

void FileDownload::reset() {
  DownloadSink::reset();
  // A retry starts over: drop what a broken attempt wrote. Only then: on ext4
  // a truncation makes close() write the whole file back synchronously
  // (auto_da_alloc), which cost a 1 GiB download half a second.
  if (std::fflush(file_) != 0) fail("cannot flush");
  if (std::ftell(file_) == 0) return;
  if (!platform::truncate_to_empty(file_)) fail("cannot truncate");
  std::rewind(file_);
}

bool FileDownload::on_data(std::string_view chunk) {
  if (std::fwrite(chunk.data(), 1, chunk.size(), file_) != chunk.size()) {
    fail("cannot write");
    return false;
  }
  info_.bytes += chunk.size();
  if (progress_) progress_(info_.bytes, info_.content_length);
  return true;
}

void FileDownload::commit() {
  // No fsync, like curl and other SDKs: the rename makes the file appear
  // whole to every reader; durability across a power loss costs a disk
  // round trip per download (it doubled a 1 GiB download, docs/benchmarks.md).
  if (std::fflush(file_) != 0) fail("cannot flush");
  if (std::fclose(file_) != 0 && !failure_) fail("cannot close");
  file_ = nullptr;
  std::error_code error;
  if (!failure_) std::filesystem::rename(temporary_, destination_, error);
  if (failure_ || error) {
    std::error_code ignored;
    std::filesystem::remove(temporary_, ignored);
    if (failure_) std::rethrow_exception(failure_);
    throw Error("cannot move the download to " + destination_.string() + ": " + error.message());
  }
}

}  // namespace paradigm::detail
