#include "png.hpp"

#include <zlib.h>

#include <cmath>
#include <stdexcept>
#include <vector>

namespace paradigm::mock {

namespace {

void put_u32(std::string& out, unsigned long value) {
  out += static_cast<char>((value >> 24) & 0xFF);
  out += static_cast<char>((value >> 16) & 0xFF);
  out += static_cast<char>((value >> 8) & 0xFF);
  out += static_cast<char>(value & 0xFF);
}

// A PNG chunk: length, type, data, CRC of type and data.
void put_chunk(std::string& out, const char* type, const std::string& data) {
  put_u32(out, data.size());
  const std::string typed = std::string(type, 4) + data;
  out += typed;
  put_u32(out, crc32(0L, reinterpret_cast<const Bytef*>(typed.data()), static_cast<uInt>(typed.size())));
}

std::string compress_bytes(const std::string& raw) {
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  std::vector<Bytef> buffer(size);
  if (compress(buffer.data(), &size, reinterpret_cast<const Bytef*>(raw.data()),
               static_cast<uLong>(raw.size())) != Z_OK) {
    throw std::runtime_error("zlib compress failed");
  }
  return std::string(reinterpret_cast<const char*>(buffer.data()), size);
}

}  // namespace

std::string sine_chart_png(int width, int height) {
  // Scanlines: a filter byte (0) then RGB pixels; white background, blue curve, grey axis.
  std::string raw;
  raw.reserve(static_cast<std::size_t>(height) * (1 + 3 * width));
  for (int y = 0; y < height; ++y) {
    raw += '\0';
    for (int x = 0; x < width; ++x) {
      const double curve = (height - 1) / 2.0 * (1.0 - std::sin(2.0 * M_PI * x / width));
      const bool on_curve = std::abs(curve - y) < 1.5;
      const bool on_axis = y == height / 2;
      const char r = on_curve ? 30 : (on_axis ? char(160) : char(255));
      const char g = on_curve ? 90 : (on_axis ? char(160) : char(255));
      const char b = on_curve ? char(200) : (on_axis ? char(160) : char(255));
      raw += r;
      raw += g;
      raw += b;
    }
  }
  std::string png("\x89PNG\r\n\x1a\n", 8);
  std::string header;
  put_u32(header, static_cast<unsigned long>(width));
  put_u32(header, static_cast<unsigned long>(height));
  header += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit, RGB, deflate, no filter, no interlace
  put_chunk(png, "IHDR", header);
  put_chunk(png, "IDAT", compress_bytes(raw));
  put_chunk(png, "IEND", "");
  return png;
}

}  // namespace paradigm::mock
