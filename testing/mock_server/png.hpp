#pragma once

#include <string>

namespace paradigm::mock {

/// A real PNG (RGB, zlib-compressed) of a sine wave, `width` x `height` pixels,
/// like the chart a code_execution tool would produce.
std::string sine_chart_png(int width, int height);

}  // namespace paradigm::mock
