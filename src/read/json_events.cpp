#include "read/json_events.hpp"

#include "lbtrain/model/error.hpp"
#include "read/json_input.hpp"
#include "read/key_set.hpp"

#include <fmt/format.h>
#include <rapidjson/reader.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <cstdint>
#include <iterator>
#include <vector>

namespace lbtrain {

using nlohmann::json;

namespace {

/// An input iterator over the source's window, as nlohmann's parser wants one.
class WindowIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  explicit WindowIterator(ByteSource* source = nullptr) : source_(source) {}
  reference operator*() const { return source_->window().data[source_->window().pos]; }
  WindowIterator& operator++() {
    auto& w = source_->window();
    if (++w.pos == w.len) source_->refill();
    return *this;
  }
  WindowIterator operator++(int) {
    WindowIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const WindowIterator& other) const { return at_end() == other.at_end(); }
  bool operator!=(const WindowIterator& other) const { return !(*this == other); }

 private:
  bool at_end() const { return source_ == nullptr || source_->window().pos >= source_->window().len; }
  ByteSource* source_;
};

/// Builds one value from SAX events.
class Builder {
 public:
  bool active() const { return !stack_.empty(); }
  void open(bool object, const std::string& key) {
    json fresh = object ? json::object() : json::array();
    if (stack_.empty()) {
      root_ = std::move(fresh);
      stack_.push_back(&root_);
      return;
    }
    json& parent = *stack_.back();
    if (parent.is_array()) {
      parent.push_back(std::move(fresh));
      stack_.push_back(&parent.back());
    } else {
      stack_.push_back(&(parent[key] = std::move(fresh)));
    }
  }
  template <typename Value>
  void add(Value&& value, const std::string& key) {
    json& parent = *stack_.back();
    if (parent.is_array()) parent.emplace_back(std::forward<Value>(value));
    else parent[key] = std::forward<Value>(value);
  }
  /// Closes the innermost container; true when the whole value is complete.
  bool close() {
    stack_.pop_back();
    return stack_.empty();
  }
  json take() { return std::move(root_); }

 private:
  json root_;
  std::vector<json*> stack_;
};

class StreamSax {
 public:
  StreamSax(ByteSource& source, JsonStreamHandler& handler) : source_(source), handler_(handler) {}

  JsonTop top() const { return top_; }

  bool null() { return scalar(nullptr); }
  bool boolean(bool value) { return scalar(value); }
  bool number_integer(json::number_integer_t value) { return scalar(value); }
  bool number_unsigned(json::number_unsigned_t value) { return scalar(value); }
  bool number_float(json::number_float_t value, const json::string_t&) { return scalar(value); }
  bool string(json::string_t& value) { return scalar(std::move(value)); }
  bool binary(json::binary_t&) { return true; }

  bool key(json::string_t& name) {
    if (!keys_.back().insert(name)) {
      auto [line, column] = source_.line_column(source_.consumed() - 1);
      data_error(fmt::format("{}:{}:{}: invalid JSON: the key \"{}\" appears twice in one object; give each key once",
                             source_.origin(), line, column, name));
    }
    key_ = std::move(name);
    return true;
  }

  bool start_object(std::size_t) {
    keys_.emplace_back();
    return open(true);
  }
  bool end_object() {
    keys_.pop_back();
    return close();
  }
  bool start_array(std::size_t) { return open(false); }
  bool end_array() { return close(); }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& e) {
    auto [line, column] = source_.line_column(position > 0 ? position - 1 : 0);
    if (position > 0 && source_.slice(position - 1, position) == std::string_view("\0", 1)) {
      data_error(fmt::format("{}:{}:{}: invalid JSON: a NUL byte; JSON text has none (is this a binary file?)",
                             source_.origin(), line, column));
    }
    data_error(fmt::format("{}:{}:{}: invalid JSON: {}", source_.origin(), line, column, json_error_explanation(e.what())));
  }

 private:
  ByteSource& source_;
  JsonStreamHandler& handler_;
  JsonTop top_ = JsonTop::scalar;
  int depth_ = 0;          // open containers
  int items_depth_ = -1;   // depth of the streamed array's elements' parent, when inside it
  std::string key_;        // the last key seen
  std::string member_key_; // the top-level member being built
  std::size_t item_index_ = 0;
  std::size_t item_begin_ = 0;
  Builder builder_;
  std::vector<KeySet> keys_;  // per open object

  bool in_items() const { return items_depth_ >= 0 && depth_ == items_depth_; }

  template <typename Value>
  bool scalar(Value&& value) {
    if (builder_.active()) {
      builder_.add(std::forward<Value>(value), key_);
    } else if (depth_ == 0) {
      top_ = JsonTop::scalar;
    } else if (in_items()) {
      std::size_t end = source_.consumed();
      if (handler_.item) handler_.item(item_index_++, json(std::forward<Value>(value)), end > 0 ? end - 1 : 0, end);
    } else if (depth_ == 1 && top_ == JsonTop::object) {
      if (handler_.member) handler_.member(key_, json(std::forward<Value>(value)));
    }
    return true;
  }

  bool open(bool object) {
    if (++depth_ > max_json_depth) {
      auto [line, column] = source_.line_column(source_.consumed() > 0 ? source_.consumed() - 1 : 0);
      data_error(fmt::format("{}:{}:{}: invalid JSON: nested more than {} levels deep", source_.origin(), line, column,
                             max_json_depth));
    }
    if (builder_.active()) {
      builder_.open(object, key_);
      return true;
    }
    if (depth_ == 1) {
      top_ = object ? JsonTop::object : JsonTop::array;
      if (!object) items_depth_ = 1;
      if (handler_.opened) handler_.opened(top_);
      return true;
    }
    if (depth_ == 2 && top_ == JsonTop::object && items_depth_ < 0 && !object && key_ == handler_.items_key) {
      items_depth_ = 2;
      if (handler_.items_opened) handler_.items_opened();
      return true;
    }
    if (depth_ - 1 == items_depth_) {
      item_begin_ = source_.consumed() - 1;
    } else {
      member_key_ = key_;
    }
    builder_.open(object, key_);
    return true;
  }

  bool close() {
    --depth_;
    if (builder_.active()) {
      if (builder_.close()) {
        if (depth_ == items_depth_) {
          if (handler_.item) handler_.item(item_index_++, builder_.take(), item_begin_, source_.consumed());
        } else if (handler_.member) {
          handler_.member(member_key_, builder_.take());
        }
      }
      return true;
    }
    if (items_depth_ >= 0 && depth_ == items_depth_ - 1) items_depth_ = -1;  // the streamed array closed
    return true;
  }
};

/// RapidJSON's input stream over the source's window: Peek gives '\0' at the end, as RapidJSON
/// expects, and also at a NUL byte, which ends the document (see stop_at_nul).
class WindowStream {
 public:
  using Ch = char;
  explicit WindowStream(ByteSource& source) : source_(source), window_(source.window()) {}
  Ch Peek() {
    if (window_.pos == window_.len && !source_.refill()) return '\0';
    return window_.data[window_.pos];
  }
  Ch Take() {
    Ch c = Peek();
    if (window_.pos < window_.len) ++window_.pos;
    return c;
  }
  std::size_t Tell() const { return source_.consumed(); }
  // Output is never asked of an input stream.
  Ch* PutBegin() { return nullptr; }
  void Put(Ch) {}
  void Flush() {}
  std::size_t PutEnd(Ch*) { return 0; }

 private:
  ByteSource& source_;
  ByteSource::Window& window_;
};

/// RapidJSON's SAX events, handed on to the same StreamSax as nlohmann's, with the same types:
/// a negative integer is signed, any other unsigned, anything else a double. Numbers arrive as
/// their text and are converted as nlohmann converts them (strtoll, strtoull, strtod), so the
/// values are the same to the last bit; RapidJSON's own full-precision conversion also has
/// undefined behaviour on a zero with a large exponent (0e99: clz of 0 in diyfp.h).
class RapidSax {
 public:
  explicit RapidSax(StreamSax& sax) : sax_(sax) {}
  bool Null() { return sax_.null(); }
  bool Bool(bool value) { return sax_.boolean(value); }
  bool Int(int value) { return sax_.number_integer(value); }
  bool Uint(unsigned value) { return sax_.number_unsigned(value); }
  bool Int64(std::int64_t value) { return sax_.number_integer(value); }
  bool Uint64(std::uint64_t value) { return sax_.number_unsigned(value); }
  bool Double(double value) { return sax_.number_float(value, {}); }
  bool RawNumber(const char* text, rapidjson::SizeType length, bool) {
    number_.assign(text, length);
    char* end = nullptr;
    if (number_.find_first_of(".eE") == std::string::npos) {
      errno = 0;
      if (number_[0] == '-') {
        long long value = std::strtoll(number_.c_str(), &end, 10);
        if (errno == 0) return sax_.number_integer(value);
      } else {
        unsigned long long value = std::strtoull(number_.c_str(), &end, 10);
        if (errno == 0) return sax_.number_unsigned(value);
      }
    }
    // A fraction, an exponent, or an integer too large for 64 bits: a double, as in nlohmann.
    double value = std::strtod(number_.c_str(), &end);
    // Too large for a double: stop, and nlohmann's parser explains ("number overflow").
    if (!std::isfinite(value)) return false;
    return sax_.number_float(value, number_);
  }
  bool String(const char* text, rapidjson::SizeType length, bool) {
    text_.assign(text, length);
    return sax_.string(text_);
  }
  bool Key(const char* text, rapidjson::SizeType length, bool) {
    text_.assign(text, length);
    return sax_.key(text_);
  }
  bool StartObject() { return sax_.start_object(0); }
  bool EndObject(rapidjson::SizeType) { return sax_.end_object(); }
  bool StartArray() { return sax_.start_array(0); }
  bool EndArray(rapidjson::SizeType) { return sax_.end_array(); }

 private:
  StreamSax& sax_;
  std::string number_;
  std::string text_;
};

/// Both tokenizers take a NUL byte for the end of the input, so "{...}\0{junk" would parse as a
/// clean document: the byte `at` that ended it must not be a NUL.
void stop_at_nul(const ByteSource& source, std::size_t at) {
  if (source.slice(at, at + 1) == std::string_view("\0", 1)) {
    auto [line, column] = source.line_column(at);
    data_error(fmt::format("{}:{}:{}: invalid JSON: a NUL byte; JSON text has none, and nothing may follow the document",
                           source.origin(), line, column));
  }
}

/// nlohmann's parser over the whole source, calling nothing: it throws the same error, in the
/// same words, as lbtrain has always reported.
JsonTop parse_with_nlohmann(ByteSource& source, JsonStreamHandler& handler) {
  StreamSax sax(source, handler);
  json::sax_parse(WindowIterator(&source), WindowIterator(), &sax);
  std::size_t end = source.consumed();
  if (end > 0) stop_at_nul(source, end - 1);
  return sax.top();
}

/// RapidJSON found an error. Its messages are not lbtrain's (tests, users and scripts know
/// nlohmann's wording and positions), so the source is read again by nlohmann's parser, which
/// stops at the same place with its own message. If nlohmann reads the document (a number
/// RapidJSON alone calls too big), the caller reads it again: JsonReadAgain.
[[noreturn]] void explain_syntax_error(ByteSource& source) {
  source.restart();
  JsonStreamHandler quiet;
  parse_with_nlohmann(source, quiet);
  source.restart();
  throw JsonReadAgain{};
}

}  // namespace

JsonTop stream_json(ByteSource& source, JsonStreamHandler& handler) {
  // nlohmann skips a UTF-8 byte order mark at the start; so does lbtrain.
  auto& window = source.window();
  if (window.len - window.pos >= 3 && std::string_view(window.data + window.pos, 3) == "\xEF\xBB\xBF") window.pos += 3;
  StreamSax sax(source, handler);
  RapidSax events(sax);
  WindowStream stream(source);
  rapidjson::Reader reader;
  constexpr unsigned flags = rapidjson::kParseValidateEncodingFlag | rapidjson::kParseNumbersAsStringsFlag;
  rapidjson::ParseResult result = reader.Parse<flags>(stream, events);
  if (result.IsError()) explain_syntax_error(source);
  stop_at_nul(source, stream.Tell());
  return sax.top();
}

JsonTop stream_json_nlohmann(ByteSource& source, JsonStreamHandler& handler) {
  return parse_with_nlohmann(source, handler);
}

}  // namespace lbtrain
