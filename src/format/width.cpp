// How many terminal columns text takes: East Asian wide and fullwidth characters (CJK, most
// emoji) take two, combining marks and zero-width characters none, everything else one.

#include "format/layout.hpp"

#include <algorithm>
#include <cstdint>
#include <iterator>

namespace lbtrain::layout {

namespace {

struct CodeRange {
  std::uint32_t first;
  std::uint32_t last;
};

#include "format/width_table.inc"

template <std::size_t N>
bool in(const CodeRange (&table)[N], std::uint32_t cp) {
  auto it = std::upper_bound(std::begin(table), std::end(table), cp,
                             [](std::uint32_t value, const CodeRange& r) { return value < r.first; });
  return it != std::begin(table) && cp <= std::prev(it)->last;
}

}  // namespace

int code_point_width(std::uint32_t cp) {
  if (cp < 0x300) return cp < 0x20 || (cp >= 0x7F && cp < 0xA0) ? 0 : 1;
  if (in(zero_width_ranges, cp)) return 0;
  return in(wide_ranges, cp) ? 2 : 1;
}

Glyph next_glyph(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return {1, c < 0x20 || c == 0x7F ? 0 : 1};
  std::size_t n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
  if (i + n > text.size()) n = text.size() - i;
  std::uint32_t cp = n == 4 ? c & 0x07u : n == 3 ? c & 0x0Fu : c & 0x1Fu;
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return {k, 1};  // not UTF-8: a byte a column
    cp = (cp << 6) | (byte(i + k) & 0x3Fu);
  }
  return {n, n == 1 ? 1 : code_point_width(cp)};
}

int display_width(std::string_view text) {
  int width = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {  // ASCII, as next_glyph measures it: a column, none for a control character
      width += c < 0x20 || c == 0x7F ? 0 : 1;
      ++i;
      continue;
    }
    Glyph g = next_glyph(text, i);
    width += g.width;
    i += g.bytes;
  }
  return width;
}

}  // namespace lbtrain::layout
