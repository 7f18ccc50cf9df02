#include "read/json_locate.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstring>

namespace lbtrain {

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

std::size_t skip_scalar(std::string_view doc, std::size_t p) {
  while (p < doc.size() && std::strchr(",]} \t\r\n", doc[p]) == nullptr) ++p;
  return p;
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
  return skip_scalar(doc, p);
}

/// The text of a JSON string token (escapes resolved); "" when it is not a valid string.
std::string string_value(std::string_view token) {
  if (token.find('\\') == std::string_view::npos && token.size() >= 2) {
    return std::string(token.substr(1, token.size() - 2));
  }
  try {
    return nlohmann::json::parse(token).get<std::string>();
  } catch (const nlohmann::json::exception&) {
    return {};
  }
}

/// A pointer token as JSON Pointer writes it: "~" as "~0", "/" as "~1".
std::string escape_token(std::string_view token) {
  std::string out;
  for (char c : token) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
  return out;
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

}  // namespace

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
        std::string key = string_value(doc.substr(p, key_end - p));
        p = skip_space(doc, key_end);
        if (p < doc.size() && doc[p] == ':') p = skip_space(doc, p + 1);
        if (key == token) {
          found = true;
          break;
        }
        p = skip_space(doc, skip_value(doc, p));
        if (p < doc.size() && doc[p] == ',') p = skip_space(doc, p + 1);
      }
    } else if (doc[p] == '[' && !token.empty() && token.find_first_not_of("0123456789") == std::string::npos &&
               token.size() < 10) {
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

// One pass over the document, without recursion (a document nested a million deep is fine):
// every value's pointer and offset.
void JsonPositions::index() {
  indexed_ = true;
  const std::string_view doc = document_;
  line_starts_.push_back(0);
  for (std::size_t i = 0; i < doc.size(); ++i) {
    if (doc[i] == '\n') line_starts_.push_back(i + 1);
  }
  struct Open {
    bool object;
    std::size_t pointer_size;  ///< length of the container's own pointer
    std::size_t next_index;
  };
  std::vector<Open> stack;
  std::string pointer;
  std::size_t p = skip_space(doc, 0);
  while (p < doc.size()) {
    char c = doc[p];
    if (c == '}' || c == ']') {
      if (stack.empty()) break;
      stack.pop_back();
      p = skip_space(doc, p + 1);
      continue;
    }
    if (c == ',') {
      p = skip_space(doc, p + 1);
      continue;
    }
    // A value, after its key in an object.
    if (!stack.empty()) {
      pointer.resize(stack.back().pointer_size);
      if (stack.back().object) {
        if (c != '"') break;  // not a key: the document is malformed here
        std::size_t key_end = skip_string(doc, p);
        std::string key = string_value(doc.substr(p, key_end - p));
        p = skip_space(doc, key_end);
        if (p >= doc.size() || doc[p] != ':') break;
        p = skip_space(doc, p + 1);
        pointer += "/" + escape_token(key);
      } else {
        pointer += "/" + std::to_string(stack.back().next_index++);
      }
    }
    offsets_.emplace(pointer, p);
    if (p >= doc.size()) break;
    if (doc[p] == '{' || doc[p] == '[') {
      stack.push_back({doc[p] == '{', pointer.size(), 0});
      p = skip_space(doc, p + 1);
    } else {
      p = skip_space(doc, doc[p] == '"' ? skip_string(doc, p) : skip_scalar(doc, p));
    }
  }
}

std::string JsonPositions::locate(std::string_view pointer) {
  if (!indexed_) index();
  // The deepest part of the pointer that exists.
  std::string_view part = pointer;
  auto it = offsets_.find(part);
  while (it == offsets_.end() && !part.empty()) {
    auto slash = part.rfind('/');
    part = part.substr(0, slash == std::string_view::npos ? 0 : slash);
    it = offsets_.find(part);
  }
  std::size_t offset = it == offsets_.end() ? 0 : it->second;
  auto line = std::upper_bound(line_starts_.begin(), line_starts_.end(), offset) - line_starts_.begin();
  std::size_t start = line_starts_[static_cast<std::size_t>(line - 1)];
  return fmt::format("{}:{}", line, offset - start + 1);
}

}  // namespace lbtrain
