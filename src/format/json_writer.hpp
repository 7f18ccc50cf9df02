#pragma once
/// A streaming JSON writer for large outputs: writes straight into a sink in the layout of
/// nlohmann::json::dump (2-space indentation, or one line), without building a tree first.

#include "format/escape.hpp"
#include "lbtrain/model/plan.hpp"
#include "lbtrain/write.hpp"

#include <fmt/format.h>

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace lbtrain::format {

class JsonWriter {
 public:
  JsonWriter(Sink& sink, bool compact) : sink_(sink), out_(sink.buffer()), compact_(compact) {}
  /// A writer that keeps its output, for take().
  explicit JsonWriter(bool compact)
      : own_(std::make_unique<StringSink>()), sink_(*own_), out_(sink_.buffer()), compact_(compact) {}

  /// Starts as if inside `depth` open containers, just after a key: what it writes can be
  /// repeated with raw() by a writer at that depth (an item written once, used on every day).
  void nest(std::size_t depth) {
    first_.assign(depth, false);
    after_key_ = true;
  }
  /// The next value, already written by a nested writer at this depth.
  void raw(std::string_view bytes) {
    element();
    out_.append(bytes);
  }
  std::size_t depth() const { return first_.size(); }

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }

  /// The next member's key; its value follows.
  void key(std::string_view name) {
    element();
    string(name);
    out_ += compact_ ? ":" : ": ";
    after_key_ = true;
  }
  void value(std::string_view text) {
    element();
    string(text);
  }
  void value(const char* text) { value(std::string_view(text)); }
  void value(int number) {
    element();
    fmt::format_to(std::back_inserter(out_), "{}", number);
  }
  /// A number as short as it can be written exactly (22.5, 20, 61.23492); it must be finite.
  void value(double number) {
    element();
    fmt::format_to(std::back_inserter(out_), "{}", number);
  }
  void value(bool flag) {
    element();
    out_ += flag ? "true" : "false";
  }
  void value(const std::vector<std::string>& items) {
    begin_array();
    for (const auto& item : items) value(item);
    end_array();
  }
  template <typename Value>
  void value(const Shared<Value>& shared) {
    value(shared.get());
  }
  template <typename Value>
  void member(std::string_view name, const Value& v) {
    key(name);
    value(v);
  }

  /// Ends the document with its newline.
  void end() {
    out_ += '\n';
    sink_.written();
  }
  /// The document with its newline (a writer that keeps its output).
  std::string take() {
    out_ += '\n';
    return own_->take();
  }

 private:
  std::unique_ptr<StringSink> own_;  ///< the output, when the writer keeps it
  Sink& sink_;
  std::string& out_;  ///< the sink's buffer, written out (emptied) as it fills
  bool compact_;
  bool after_key_ = false;
  std::vector<bool> first_;  ///< per open container: no element written yet

  void element() {
    sink_.written();
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (first_.empty()) return;
    if (!first_.back()) out_ += ',';
    first_.back() = false;
    if (!compact_) newline(first_.size());
  }
  void open(char bracket) {
    element();
    out_ += bracket;
    first_.push_back(true);
  }
  void close(char bracket) {
    bool empty = first_.back();
    first_.pop_back();
    if (!empty && !compact_) newline(first_.size());
    out_ += bracket;
  }
  void newline(std::size_t depth) {
    out_ += '\n';
    out_.append(depth * 2, ' ');
  }
  /// Whether any of 8 bytes needs a look: a control character, a quote, a backslash or a byte
  /// of a multi-byte UTF-8 sequence (bit tricks on a 64-bit word).
  static bool any_special(std::uint64_t x) {
    constexpr std::uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    auto has_zero = [](std::uint64_t v) { return ((v - ones) & ~v & highs) != 0; };
    return (x & highs) != 0 || ((x - ones * 0x20) & ~x & highs) != 0 || has_zero(x ^ (ones * '"')) ||
           has_zero(x ^ (ones * '\\'));
  }
  void string(std::string_view text) {
    out_ += '"';
    // Runs of characters that need nothing are appended whole; invalid UTF-8 from a custom
    // catalogue becomes U+FFFD byte by byte (as valid_utf8 does) rather than aborting the plan.
    const char* p = text.data();
    const std::size_t n = text.size();
    std::size_t run = 0;
    for (std::size_t i = 0; i < n;) {
      if (n - i >= 8) {
        std::uint64_t word;
        std::memcpy(&word, p + i, 8);
        if (!any_special(word)) {
          i += 8;
          continue;
        }
      }
      const char c = p[i];
      const auto u = static_cast<unsigned char>(c);
      if (u >= 0x20 && u < 0x80 && c != '"' && c != '\\') {
        ++i;
        continue;
      }
      if (u >= 0x80) {
        if (std::size_t length = utf8_sequence_length(text, i)) {
          i += length;
          continue;
        }
      }
      out_.append(p + run, i - run);
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default:
          if (u >= 0x80) out_ += "\xEF\xBF\xBD";
          else fmt::format_to(std::back_inserter(out_), "\\u{:04x}", static_cast<unsigned>(u));
      }
      run = ++i;
    }
    out_.append(p + run, n - run);
    out_ += '"';
  }
};

}  // namespace lbtrain::format
