#pragma once
/// A streaming JSON writer for large outputs: writes straight into a string in the layout of
/// nlohmann::json::dump (2-space indentation, or one line), without building a tree first.

#include "format/escape.hpp"

#include <fmt/format.h>

#include <string>
#include <string_view>
#include <vector>

namespace lbtrain::format {

class JsonWriter {
 public:
  explicit JsonWriter(bool compact) : compact_(compact) {}

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
  void member(std::string_view name, const Value& v) {
    key(name);
    value(v);
  }

  std::string take() {
    out_ += '\n';
    return std::move(out_);
  }

 private:
  bool compact_;
  bool after_key_ = false;
  std::vector<bool> first_;  ///< per open container: no element written yet
  std::string out_;

  void element() {
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
  void string(std::string_view raw) {
    // Invalid UTF-8 from a custom catalogue is replaced rather than aborting the whole plan.
    std::string repaired;
    std::string_view text = raw;
    if (!is_valid_utf8(raw)) {
      repaired = valid_utf8(raw);
      text = repaired;
    }
    out_ += '"';
    // Runs of characters that need no escape are appended whole.
    std::size_t run = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
      char c = text[i];
      if (static_cast<unsigned char>(c) >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(text.data() + run, i - run);
      run = i + 1;
      switch (c) {
        case '"': out_ += "\\\""; break;
        case '\\': out_ += "\\\\"; break;
        case '\b': out_ += "\\b"; break;
        case '\f': out_ += "\\f"; break;
        case '\n': out_ += "\\n"; break;
        case '\r': out_ += "\\r"; break;
        case '\t': out_ += "\\t"; break;
        default: fmt::format_to(std::back_inserter(out_), "\\u{:04x}", static_cast<unsigned>(c));
      }
    }
    out_.append(text.data() + run, text.size() - run);
    out_ += '"';
  }
};

}  // namespace lbtrain::format
