#include "format/escape.hpp"

#include <fmt/format.h>

namespace lbtrain {

namespace {

}  // namespace

std::size_t utf8_sequence_length(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  unsigned char c = byte(i);
  if (c < 0x80) return 1;
  std::size_t n = c >= 0xF0 && c <= 0xF4 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 && c <= 0xDF ? 2 : 0;
  if (n == 0 || (c >= 0xF0 && n != 4) || i + n > text.size()) return 0;
  for (std::size_t k = 1; k < n; ++k) {
    if ((byte(i + k) & 0xC0) != 0x80) return 0;
  }
  unsigned char d = byte(i + 1);
  if (c == 0xE0 && d < 0xA0) return 0;  // overlong
  if (c == 0xED && d > 0x9F) return 0;  // surrogate
  if (c == 0xF0 && d < 0x90) return 0;  // overlong
  if (c == 0xF4 && d > 0x8F) return 0;  // beyond U+10FFFF
  return n;
}

namespace {

std::size_t utf8_length(std::string_view text, std::size_t i) { return utf8_sequence_length(text, i); }

bool is_c1_control(std::string_view text, std::size_t i) {
  return static_cast<unsigned char>(text[i]) == 0xC2 && i + 1 < text.size() &&
         static_cast<unsigned char>(text[i + 1]) >= 0x80 && static_cast<unsigned char>(text[i + 1]) <= 0x9F;
}

/// Bytes of the code point at `i` of valid UTF-8 when it reorders or breaks what a terminal
/// shows: the bidirectional embeddings, overrides and isolates (U+202A-202E, U+2066-2069),
/// the Arabic letter mark (U+061C) and the line and paragraph separators (U+2028-2029); else 0.
std::size_t reordering_mark(std::string_view text, std::size_t i) {
  auto byte = [&](std::size_t k) { return k < text.size() ? static_cast<unsigned char>(text[k]) : 0u; };
  if (byte(i) == 0xD8 && byte(i + 1) == 0x9C) return 2;  // U+061C
  if (byte(i) != 0xE2) return 0;
  unsigned b1 = byte(i + 1), b2 = byte(i + 2);
  if (b1 == 0x80 && b2 >= 0xA8 && b2 <= 0xAE) return 3;  // U+2028-202E
  if (b1 == 0x81 && b2 >= 0xA6 && b2 <= 0xA9) return 3;  // U+2066-2069
  return 0;
}

/// The one sanitiser: valid UTF-8 in which every control character (C0, DEL, C1) and every
/// reordering mark goes through `replace` (given the character's bytes); a newline is kept when
/// `keep_newlines`.
/// Whether every byte is printable ASCII (or a newline, when kept): nothing to sanitise.
bool plain_ascii(std::string_view text, bool keep_newlines) {
  for (char ch : text) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (c >= 0x20 && c < 0x7F) continue;
    if (!(keep_newlines && c == '\n')) return false;
  }
  return true;
}

template <typename Replace>
std::string sanitise(std::string_view text, bool keep_newlines, Replace replace) {
  if (plain_ascii(text, keep_newlines)) return std::string(text);
  std::string valid = valid_utf8(text);
  std::string out;
  out.reserve(valid.size());
  for (std::size_t i = 0; i < valid.size();) {
    unsigned char c = static_cast<unsigned char>(valid[i]);
    std::size_t n = 0;
    if ((c < 0x20 && !(keep_newlines && c == '\n')) || c == 0x7F) n = 1;
    else if (is_c1_control(valid, i)) n = 2;
    else n = reordering_mark(valid, i);
    if (n > 0) {
      replace(out, std::string_view(valid).substr(i, n));
      i += n;
    } else {
      out += valid[i++];
    }
  }
  return out;
}

}  // namespace

bool is_valid_utf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t n = utf8_length(text, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string valid_utf8(std::string_view text) {
  if (is_valid_utf8(text)) return std::string(text);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    std::size_t n = utf8_length(text, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string single_line(std::string_view text) {
  return sanitise(text, false, [](std::string& out, std::string_view) { out += ' '; });
}

std::string printable(std::string_view text) {
  return sanitise(text, true, [](std::string& out, std::string_view bytes) {
    if (bytes.size() == 1) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned char>(bytes[0]));
      return;
    }
    // Decode the two- or three-byte sequence to name its code point.
    unsigned cp = bytes.size() == 2 ? (bytes[0] & 0x1Fu) : (bytes[0] & 0x0Fu);
    for (std::size_t k = 1; k < bytes.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(bytes[k]) & 0x3Fu);
    out += fmt::format("\\u{:04X}", cp);
  });
}

std::string html_escape(std::string_view text) {
  std::string line = single_line(text);
  if (line.find_first_of("&<>\"'") == std::string::npos) return line;
  std::string out;
  out.reserve(line.size() + 16);
  for (char c : line) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string markdown_cell(std::string_view text) {
  std::string line = single_line(text);
  // Leading spaces would make an indented code block.
  line.erase(0, line.find_first_not_of(' '));
  std::string out;
  for (char c : line) {
    switch (c) {
      case '|': case '\\': case '`': case '*': case '_': case '[': case ']':
      case '<': case '>': case '~': case '&':
        out += '\\';
        out += c;
        break;
      default: out += c;
    }
  }
  // What would start a block at the start of a line: a heading (#), a list item (-, +, 1. or
  // 1)), a setext underline (=), a thematic break.
  if (!out.empty() && (out[0] == '#' || out[0] == '-' || out[0] == '+' || out[0] == '=')) {
    out.insert(0, 1, '\\');
  } else {
    std::size_t digits = out.find_first_not_of("0123456789");
    if (digits > 0 && digits != std::string::npos && digits <= 9 && (out[digits] == '.' || out[digits] == ')')) {
      out.insert(digits, 1, '\\');
    }
  }
  return out;
}

std::string csv_quoted(std::string_view cell) {
  if (cell.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(cell);
  std::string out = "\"";
  for (char c : cell) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_field(std::string_view text) {
  std::string cell = single_line(text);
  if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@')) {
    cell.insert(0, 1, '\'');
  }
  return csv_quoted(cell);
}

std::string ics_text(std::string_view text) {
  // Line ends first (CRLF and a lone CR are newlines), then the sanitiser of every other format
  // (controls and the marks that reorder text become spaces), then RFC 5545's escapes.
  std::string lines;
  lines.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\r') lines += text[i];
    else if (i + 1 >= text.size() || text[i + 1] != '\n') lines += '\n';
  }
  std::string safe = sanitise(lines, true, [](std::string& out, std::string_view) { out += ' '; });
  std::string out;
  out.reserve(safe.size());
  for (char c : safe) {
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out += c;
    }
  }
  return out;
}

std::string ics_line(std::string_view line) {
  std::string out;
  std::size_t used = 0;  // octets on the current physical line
  for (std::size_t i = 0; i < line.size();) {
    std::size_t n = 1;
    while (i + n < line.size() && (static_cast<unsigned char>(line[i + n]) & 0xC0) == 0x80) ++n;
    if (used + n > 75) {
      out += "\r\n ";
      used = 1;
    }
    out.append(line.substr(i, n));
    used += n;
    i += n;
  }
  return out + "\r\n";
}

}  // namespace lbtrain
