#include "read/json_input.hpp"

#include "lbtrain/model/error.hpp"
#include "read/json_events.hpp"
#include "read/json_locate.hpp"
#include "read/key_set.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

namespace lbtrain {

using nlohmann::json;

namespace {

std::string type_name(const json& value) {
  if (value.is_string()) return "a string";
  if (value.is_boolean()) return "a boolean";
  if (value.is_number_integer() || value.is_number_unsigned()) return "an integer";
  if (value.is_number()) return "a number";
  if (value.is_array()) return "an array";
  if (value.is_object()) return "an object";
  return "null";
}

const json& null_json() {
  static const json null;
  return null;
}

}  // namespace

std::string json_error_explanation(const std::string& what) {
  // "[json.exception.out_of_range.406] number overflow parsing '1e999'"
  if (what.rfind("[json.exception.out_of_range", 0) == 0) {
    auto end = what.find("] ");
    return end == std::string::npos ? what : what.substr(end + 2);
  }
  // "[json.exception.parse_error.101] parse error at line 3, column 5: syntax error ..."
  auto colon = what.find(": ");
  return colon == std::string::npos ? what : what.substr(colon + 2);
}

json parse_json(std::string_view text, const std::string& origin) {
  // nlohmann's lexer takes a NUL byte for the end of the input: a NUL anywhere is refused here,
  // so nothing can hide behind one.
  if (auto nul = text.find('\0'); nul != std::string_view::npos) {
    auto [line, column] = line_column_in(text, nul);
    data_error(fmt::format("{}:{}:{}: invalid JSON: a NUL byte; JSON text has none, and nothing may follow the document",
                           origin, line, column));
  }
  // A key given twice in one object is an error: JSON parsers disagree on which value wins,
  // so a file that relies on either is ambiguous.
  std::vector<KeySet> keys;  // per open object
  std::string duplicate;
  std::string where;
  bool too_deep = false;
  auto callback = [&](int depth, json::parse_event_t event, json& parsed) {
    // Refused before a value too deep is built: walking it (printing, destroying) could overflow
    // the stack.
    if (depth >= max_json_depth) {
      too_deep = true;
      throw json::other_error::create(999, "nested too deeply", nullptr);
    }
    switch (event) {
      case json::parse_event_t::object_start: keys.emplace_back(); break;
      case json::parse_event_t::object_end: keys.pop_back(); break;
      case json::parse_event_t::key: {
        const auto& key = parsed.get_ref<const std::string&>();
        if (!keys.back().insert(key) && duplicate.empty()) {
          duplicate = key;
          where = fmt::format("an object at depth {}", depth);
        }
        break;
      }
      default: break;
    }
    return true;
  };
  json value;
  try {
    value = json::parse(text.begin(), text.end(), callback);
  } catch (const json::parse_error& e) {
    // e.byte is one past the offending character.
    auto [line, column] = line_column_in(text, e.byte > 0 ? e.byte - 1 : 0);
    data_error(fmt::format("{}:{}:{}: invalid JSON: {}", origin, line, column,
                           json_error_explanation(e.what())));
  } catch (const json::out_of_range& e) {
    data_error(fmt::format("{}: invalid JSON: {}", origin, json_error_explanation(e.what())));
  } catch (const json::other_error&) {
    if (!too_deep) throw;
    data_error(fmt::format("{}: invalid JSON: nested more than {} levels deep", origin, max_json_depth));
  }
  if (!duplicate.empty()) {
    data_error(fmt::format("{}: invalid JSON: the key \"{}\" appears twice in {}; give each key once",
                           origin, duplicate, where));
  }
  return value;
}

std::string id_of(const json& value) {
  if (!value.is_object()) return {};
  auto it = value.find("id");
  return it != value.end() && it->is_string() ? it->get<std::string>() : std::string();
}

void Diagnostics::add(const std::string& pointer, const std::string& message) {
  if (++count_ > kept) return;
  std::string where = locator_ ? origin_ + ":" + locator_(pointer) : origin_;
  problems_.push_back(fmt::format("{}: {}: {}", where, pointer.empty() ? "/" : pointer, message));
}

void Diagnostics::add_line(const std::string& line) {
  if (++count_ > kept) return;
  problems_.push_back(line);
}

void Diagnostics::throw_if_any(std::size_t shown) const {
  if (count_ == 0) return;
  std::string message = fmt::format("{} has {} problem{}:", origin_, count_, count_ == 1 ? "" : "s");
  for (std::size_t i = 0; i < problems_.size() && i < shown; ++i) message += "\n  " + problems_[i];
  if (count_ > shown) {
    message += fmt::format("\n  ... and {} more; 'lbtrain catalog validate {}' lists them all", count_ - shown, origin_);
  }
  data_error(message);
}

FieldReader::FieldReader(const json& object, std::string pointer, std::string context,
                         Diagnostics& diagnostics)
    : object_(object.is_object() ? object : null_json()),
      pointer_(std::move(pointer)),
      context_(std::move(context)),
      diagnostics_(diagnostics) {
  if (!object.is_object()) {
    diagnostics_.add(pointer_, fmt::format("{}expected an object, found {}",
                                           context_.empty() ? "" : context_ + ": ",
                                           type_name(object)));
  }
}

std::string FieldReader::pointer(std::string_view key) const {
  return pointer_ + "/" + std::string(key);
}

void FieldReader::problem(std::string_view key, const std::string& message) {
  diagnostics_.add(pointer(key), (context_.empty() ? "" : context_ + ": ") + "field \"" +
                                     std::string(key) + "\": " + message);
}

bool FieldReader::has(std::string_view key) const {
  return object_.is_object() && object_.contains(key);
}

const json& FieldReader::member(std::string_view key, bool required) {
  if (!has(key)) {
    if (required && object_.is_object()) problem(key, "is missing");
    return null_json();
  }
  return object_.at(std::string(key));
}

std::string FieldReader::string(std::string_view key, bool required, std::string fallback) {
  const json& value = member(key, required);
  if (value.is_null()) return fallback;
  if (!value.is_string()) {
    problem(key, "expected a string, found " + type_name(value));
    return fallback;
  }
  auto text = value.get<std::string>();
  if (required && text.empty()) problem(key, "must not be empty");
  return text;
}

std::vector<std::string> FieldReader::strings(std::string_view key, bool required) {
  const json& value = member(key, required);
  std::vector<std::string> out;
  if (value.is_null()) return out;
  if (!value.is_array()) {
    problem(key, "expected an array of strings, found " + type_name(value));
    return out;
  }
  for (std::size_t i = 0; i < value.size(); ++i) {
    if (!value[i].is_string()) {
      diagnostics_.add(pointer(key) + "/" + std::to_string(i),
                       (context_.empty() ? "" : context_ + ": ") + "field \"" + std::string(key) +
                           "\": expected a string, found " + type_name(value[i]));
      continue;
    }
    out.push_back(value[i].get<std::string>());
  }
  return out;
}

int FieldReader::integer(std::string_view key, int min, int max, bool required, int fallback) {
  const json& value = member(key, required);
  if (value.is_null()) return fallback;
  if (!value.is_number_integer()) {
    problem(key, "expected an integer, found " + type_name(value));
    return fallback;
  }
  auto number = value.get<long long>();
  if (number < min || number > max) {
    problem(key, fmt::format("{} is out of range; allowed: {} to {}", number, min, max));
    return fallback;
  }
  return static_cast<int>(number);
}

bool FieldReader::boolean(std::string_view key, bool required, bool fallback) {
  const json& value = member(key, required);
  if (value.is_null()) return fallback;
  if (!value.is_boolean()) {
    problem(key, "expected true or false, found " + type_name(value));
    return fallback;
  }
  return value.get<bool>();
}

namespace {
std::string unknown_word(std::string_view what, const std::string& value,
                         const std::vector<std::string>& allowed) {
  std::string hint = did_you_mean(value, allowed);
  if (hint.empty()) hint = "; allowed: " + join(allowed, ", ");
  return fmt::format("unknown {} \"{}\"{}", what, value, hint);
}
}  // namespace

std::string FieldReader::word(std::string_view key, const std::vector<std::string>& allowed,
                              std::string_view what, bool required, std::string fallback) {
  bool present = has(key);
  std::string value = string(key, required, fallback);
  if (present && !value.empty() &&
      std::find(allowed.begin(), allowed.end(), value) == allowed.end()) {
    diagnostics_.add(pointer(key), (context_.empty() ? "" : context_ + ": ") +
                                       unknown_word(what, value, allowed));
    return fallback;
  }
  return value;
}

std::vector<std::string> FieldReader::words(std::string_view key,
                                            const std::vector<std::string>& allowed,
                                            std::string_view what, bool required) {
  std::vector<std::string> values = strings(key, required);
  std::vector<std::string> out;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (std::find(allowed.begin(), allowed.end(), values[i]) == allowed.end()) {
      diagnostics_.add(pointer(key) + "/" + std::to_string(i),
                       (context_.empty() ? "" : context_ + ": ") +
                           unknown_word(what, values[i], allowed));
      continue;
    }
    out.push_back(values[i]);
  }
  return out;
}

void FieldReader::reject_unknown(const std::vector<std::string>& known) {
  if (!object_.is_object()) return;
  for (const auto& [key, value] : object_.items()) {
    if (std::find(known.begin(), known.end(), key) != known.end()) continue;
    problem(key, "is not a known field" + did_you_mean(key, known));
  }
}

}  // namespace lbtrain
