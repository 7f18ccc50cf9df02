#include "lbtrain/json_stream.hpp"

#include "lbtrain/error.hpp"
#include "lbtrain/json_input.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iterator>
#include <vector>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lbtrain {

using nlohmann::json;

// The reading position: a window of the source (all of it for text in memory, a chunk of a
// file otherwise), and a remembered line count so positions are found in one pass.
struct ByteSource::Cursor {
  std::string origin;
  int fd = -1;
  std::string_view text;
  std::vector<char> buffer;
  const char* data = nullptr;
  std::size_t len = 0;
  std::size_t pos = 0;
  std::size_t base = 0;  // source offset of data[0]
  std::size_t size_hint = 0;
  // Line counting: `counted` bytes scanned, `line` and `line_start` at that point.
  std::size_t counted = 0;
  std::size_t line = 1;
  std::size_t line_start = 0;

  ~Cursor() {
    if (fd >= 0) ::close(fd);
  }

  [[noreturn]] void fail(const std::string& why) const {
    data_error(fmt::format("cannot read '{}': {}", origin, why));
  }

  std::size_t read_at(std::size_t offset, char* into, std::size_t size) const {
    while (true) {
      ssize_t n = ::pread(fd, into, size, static_cast<off_t>(offset));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) fail(std::strerror(errno));
      return static_cast<std::size_t>(n);
    }
  }

  /// Moves the window on; returns false at the end of the source.
  bool refill() {
    base += len;
    pos = 0;
    len = 0;
    if (fd < 0) return false;
    while (true) {
      ssize_t n = ::read(fd, buffer.data(), buffer.size());
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) fail(std::strerror(errno));
      len = static_cast<std::size_t>(n);
      break;
    }
    data = buffer.data();
    if (base + len > max_data_file_bytes) {
      fail(fmt::format("over the {} MB limit for a data file", max_data_file_bytes >> 20));
    }
    return len > 0;
  }

  std::size_t consumed() const { return base + pos; }

  /// Bytes [begin, end).
  std::string slice(std::size_t begin, std::size_t end) const {
    if (end <= begin) return {};
    if (fd < 0) return std::string(text.substr(std::min(begin, text.size()), end - begin));
    std::string out(end - begin, '\0');
    out.resize(read_at(begin, out.data(), out.size()));
    return out;
  }

  /// Line and column of a byte offset, counting on from the last position asked for.
  std::pair<std::size_t, std::size_t> line_column(std::size_t offset) {
    if (offset < counted) {
      counted = 0;
      line = 1;
      line_start = 0;
    }
    char chunk[1 << 16];
    while (counted < offset) {
      std::size_t want = std::min(sizeof chunk, offset - counted);
      std::size_t got = 0;
      const char* bytes = nullptr;
      if (fd < 0) {
        if (counted >= text.size()) break;
        got = std::min(want, text.size() - counted);
        bytes = text.data() + counted;
      } else {
        got = read_at(counted, chunk, want);
        bytes = chunk;
      }
      if (got == 0) break;
      for (std::size_t i = 0; i < got; ++i) {
        if (bytes[i] == '\n') {
          ++line;
          line_start = counted + i + 1;
        }
      }
      counted += got;
    }
    return {line, offset - line_start + 1};
  }
};

namespace {

/// An input iterator over the cursor, as nlohmann's parser wants one.
class CursorIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = char;
  using difference_type = std::ptrdiff_t;
  using pointer = const char*;
  using reference = const char&;

  explicit CursorIterator(ByteSource::Cursor* cursor = nullptr) : cursor_(cursor) {}
  reference operator*() const { return cursor_->data[cursor_->pos]; }
  CursorIterator& operator++() {
    if (++cursor_->pos == cursor_->len) cursor_->refill();
    return *this;
  }
  CursorIterator operator++(int) {
    CursorIterator before = *this;
    ++*this;
    return before;
  }
  bool operator==(const CursorIterator& other) const { return at_end() == other.at_end(); }
  bool operator!=(const CursorIterator& other) const { return !(*this == other); }

 private:
  bool at_end() const { return cursor_ == nullptr || cursor_->pos >= cursor_->len; }
  ByteSource::Cursor* cursor_;
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
    auto& seen = keys_.back();
    if (std::find(seen.begin(), seen.end(), name) != seen.end()) {
      auto [line, column] = source_.cursor().line_column(source_.cursor().consumed() - 1);
      data_error(fmt::format("{}:{}:{}: invalid JSON: the key \"{}\" appears twice in one object; give each key once",
                             source_.origin(), line, column, name));
    }
    seen.push_back(name);
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
    auto [line, column] = source_.cursor().line_column(position > 0 ? position - 1 : 0);
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
  std::vector<std::vector<std::string>> keys_;

  bool in_items() const { return items_depth_ >= 0 && depth_ == items_depth_; }

  template <typename Value>
  bool scalar(Value&& value) {
    if (builder_.active()) {
      builder_.add(std::forward<Value>(value), key_);
    } else if (depth_ == 0) {
      top_ = JsonTop::scalar;
    } else if (in_items()) {
      std::size_t end = source_.cursor().consumed();
      if (handler_.item) handler_.item(item_index_++, json(std::forward<Value>(value)), end > 0 ? end - 1 : 0, end);
    } else if (depth_ == 1 && top_ == JsonTop::object) {
      if (handler_.member) handler_.member(key_, json(std::forward<Value>(value)));
    }
    return true;
  }

  bool open(bool object) {
    ++depth_;
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
      item_begin_ = source_.cursor().consumed() - 1;
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
          if (handler_.item) handler_.item(item_index_++, builder_.take(), item_begin_, source_.cursor().consumed());
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

}  // namespace

ByteSource ByteSource::from_text(std::string_view text, std::string origin) {
  ByteSource source;
  source.origin_ = std::move(origin);
  source.cursor_ = std::make_unique<Cursor>();
  auto& c = *source.cursor_;
  c.origin = source.origin_;
  c.text = text;
  c.data = text.data();
  c.len = text.size();
  c.size_hint = text.size();
  return source;
}

ByteSource ByteSource::from_file(const std::string& path) {
  ByteSource source;
  source.origin_ = path;
  source.cursor_ = std::make_unique<Cursor>();
  auto& c = *source.cursor_;
  c.origin = path;
  c.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (c.fd < 0) c.fail(std::strerror(errno));
  struct stat info {};
  if (::fstat(c.fd, &info) != 0) c.fail(std::strerror(errno));
  if (S_ISDIR(info.st_mode)) c.fail("it is a directory");
  if (S_ISREG(info.st_mode) && static_cast<std::uintmax_t>(info.st_size) > max_data_file_bytes) {
    c.fail(fmt::format("it is {} MB, over the {} MB limit for a data file",
                       static_cast<std::uintmax_t>(info.st_size) >> 20, max_data_file_bytes >> 20));
  }
  if (S_ISREG(info.st_mode)) c.size_hint = static_cast<std::size_t>(info.st_size);
  c.buffer.resize(1 << 16);
  c.refill();
  return source;
}

ByteSource::ByteSource(ByteSource&&) noexcept = default;
ByteSource& ByteSource::operator=(ByteSource&&) noexcept = default;
ByteSource::~ByteSource() = default;

std::size_t ByteSource::size_hint() const { return cursor_->size_hint; }

std::string ByteSource::slice(std::size_t begin, std::size_t end) const { return cursor_->slice(begin, end); }

namespace {

std::size_t skip_space(std::string_view doc, std::size_t p) {
  while (p < doc.size() && (doc[p] == ' ' || doc[p] == '\t' || doc[p] == '\n' || doc[p] == '\r')) ++p;
  return p;
}

std::size_t skip_string(std::string_view doc, std::size_t p) {
  ++p;  // opening quote
  while (p < doc.size() && doc[p] != '"') p += doc[p] == '\\' ? 2 : 1;
  return std::min(p + 1, doc.size());
}

std::size_t skip_value(std::string_view doc, std::size_t p) {
  if (p >= doc.size()) return p;
  if (doc[p] == '"') return skip_string(doc, p);
  if (doc[p] == '{' || doc[p] == '[') {
    int depth = 0;
    while (p < doc.size()) {
      char c = doc[p];
      if (c == '"') {
        p = skip_string(doc, p);
        continue;
      }
      if (c == '{' || c == '[') ++depth;
      if (c == '}' || c == ']') {
        if (--depth == 0) return p + 1;
      }
      ++p;
    }
    return p;
  }
  while (p < doc.size() && std::strchr(",]} \t\r\n", doc[p]) == nullptr) ++p;
  return p;
}

std::string unescape_token(std::string_view token) {
  std::string out;
  for (std::size_t i = 0; i < token.size(); ++i) {
    if (token[i] == '~' && i + 1 < token.size() && (token[i + 1] == '0' || token[i + 1] == '1')) {
      out += token[i + 1] == '0' ? '~' : '/';
      ++i;
    } else {
      out += token[i];
    }
  }
  return out;
}

/// Byte offset of the value at `pointer` (or of the deepest existing part of it).
std::size_t pointer_offset(std::string_view doc, std::string_view pointer) {
  std::size_t p = skip_space(doc, 0);
  std::size_t at = 0;
  while (!pointer.empty() && pointer.front() == '/') {
    pointer.remove_prefix(1);
    auto slash = pointer.find('/');
    std::string token = unescape_token(pointer.substr(0, slash));
    pointer.remove_prefix(slash == std::string_view::npos ? pointer.size() : slash);
    if (p >= doc.size()) return p;
    std::size_t container = p;
    bool found = false;
    if (doc[p] == '{') {
      p = skip_space(doc, p + 1);
      while (p < doc.size() && doc[p] == '"') {
        std::size_t key_end = skip_string(doc, p);
        std::string key;
        try {
          key = json::parse(doc.substr(p, key_end - p)).get<std::string>();
        } catch (const json::exception&) {
        }
        p = skip_space(doc, key_end);
        if (p < doc.size() && doc[p] == ':') p = skip_space(doc, p + 1);
        if (key == token) {
          found = true;
          break;
        }
        p = skip_space(doc, skip_value(doc, p));
        if (p < doc.size() && doc[p] == ',') p = skip_space(doc, p + 1);
      }
    } else if (doc[p] == '[' && !token.empty() &&
               token.find_first_not_of("0123456789") == std::string::npos && token.size() < 10) {
      std::size_t wanted = std::stoul(token);
      p = skip_space(doc, p + 1);
      for (std::size_t i = 0; p < doc.size() && doc[p] != ']'; ++i) {
        if (i == wanted) {
          found = true;
          break;
        }
        p = skip_space(doc, skip_value(doc, p));
        if (p < doc.size() && doc[p] == ',') p = skip_space(doc, p + 1);
      }
    }
    if (!found) return container;
    at = p;
  }
  return pointer.empty() ? p : at;
}

}  // namespace

std::pair<std::size_t, std::size_t> line_column_in(std::string_view doc, std::size_t offset) {
  std::size_t line = 1;
  std::size_t start = 0;
  for (std::size_t i = 0; i < offset && i < doc.size(); ++i) {
    if (doc[i] == '\n') {
      ++line;
      start = i + 1;
    }
  }
  return {line, offset - start + 1};
}

std::string locate_pointer(std::string_view document, std::string_view pointer) {
  auto [line, column] = line_column_in(document, pointer_offset(document, pointer));
  return fmt::format("{}:{}", line, column);
}

std::string ByteSource::locate(std::size_t begin, std::size_t end, std::string_view pointer) const {
  std::string value = slice(begin, end);
  std::size_t offset = pointer_offset(value, pointer);
  auto [line, column] = cursor_->line_column(begin);
  auto [inner_line, inner_column] = line_column_in(value, offset);
  if (inner_line == 1) return fmt::format("{}:{}", line, column + inner_column - 1);
  return fmt::format("{}:{}", line + inner_line - 1, inner_column);
}

JsonTop stream_json(ByteSource& source, JsonStreamHandler& handler) {
  StreamSax sax(source, handler);
  auto& cursor = source.cursor();
  if (cursor.len == 0 && cursor.fd >= 0) cursor.refill();
  json::sax_parse(CursorIterator(&cursor), CursorIterator(), &sax);
  return sax.top();
}

}  // namespace lbtrain
