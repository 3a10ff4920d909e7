#include "record_replay/cassette_writer.hpp"

#include <paradigm/record_replay.hpp>

namespace paradigm::detail {

void CassetteWriter::open(const std::string& path, bool append) {
  std::lock_guard<std::mutex> lock(mutex_);
  path_ = path;
  file_.open(path, std::ios::binary | (append ? std::ios::app : std::ios::trunc));
  if (!file_) throw CassetteError("cannot create the cassette " + path);
}

void CassetteWriter::write(const RecordedExchange& exchange) {
  const std::string line = to_line(exchange) + '\n';
  std::lock_guard<std::mutex> lock(mutex_);
  file_.write(line.data(), static_cast<std::streamsize>(line.size()));
  file_.flush();
  if (!file_) throw CassetteError("cannot write to the cassette " + path_);
}

}  // namespace paradigm::detail
