#pragma once
/// Reading JSON data files: parse errors become "FILE:LINE:COLUMN: ..." messages, and a
/// Diagnostics object collects every validation problem so a file is reported in one run.

#include "read/byte_source.hpp"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace lbtrain {

/// The explanation in one of nlohmann's exception messages, without its exception id and
/// location (lbtrain prints its own FILE:LINE:COLUMN).
std::string json_error_explanation(const std::string& what);

/// Parses JSON text; on a syntax error, a key given twice, nesting deeper than max_json_depth or
/// anything after the value throws a data Error naming origin, line and column.
nlohmann::json parse_json(std::string_view text, const std::string& origin);

/// The string "id" of a JSON object, or "" when it has none (for naming it in messages).
std::string id_of(const nlohmann::json& value);

/// Collects problems found while validating one data file, then fails once with all of them.
class Diagnostics {
 public:
  explicit Diagnostics(std::string origin) : origin_(std::move(origin)) {}

  /// Finds "LINE:COLUMN" for a JSON pointer, so problems read "FILE:LINE:COLUMN: /pointer: ...".
  using Locator = std::function<std::string(const std::string& pointer)>;
  void set_locator(Locator locator) { locator_ = std::move(locator); }

  /// Records a problem at a JSON pointer ("/exercises/3/equipment/0").
  void add(const std::string& pointer, const std::string& message);
  /// Records a problem that is already a whole line (such as a syntax error).
  void add_line(const std::string& line);
  bool empty() const { return count_ == 0; }
  /// How many problems were found (more than problems() keeps, for a huge broken file).
  std::size_t count() const { return count_; }
  const std::vector<std::string>& problems() const { return problems_; }
  const std::string& origin() const { return origin_; }
  /// Throws a data Error listing the problems (the first `shown`) when there are any.
  void throw_if_any(std::size_t shown = 25) const;

  /// Problems kept in memory; further ones are only counted.
  static constexpr std::size_t kept = 100000;

 private:
  std::string origin_;
  Locator locator_;
  std::vector<std::string> problems_;
  std::size_t count_ = 0;
};

/// Typed access to the fields of one JSON object, recording type errors in Diagnostics.
class FieldReader {
 public:
  FieldReader(const nlohmann::json& object, std::string pointer, std::string context,
              Diagnostics& diagnostics);

  bool has(std::string_view key) const;
  std::string string(std::string_view key, bool required = true, std::string fallback = {});
  std::vector<std::string> strings(std::string_view key, bool required = true);
  int integer(std::string_view key, int min, int max, bool required = true, int fallback = 0);
  bool boolean(std::string_view key, bool required = true, bool fallback = false);
  /// A string that must be one of `allowed`; `what` names it in messages ("equipment").
  std::string word(std::string_view key, const std::vector<std::string>& allowed,
                   std::string_view what, bool required = true, std::string fallback = {});
  /// An array of strings that must each be one of `allowed`.
  std::vector<std::string> words(std::string_view key, const std::vector<std::string>& allowed,
                                 std::string_view what, bool required = true);
  /// The raw member (or a null json when absent and not required).
  const nlohmann::json& member(std::string_view key, bool required = true);
  /// Reports keys the format does not define (likely typos).
  void reject_unknown(const std::vector<std::string>& known);
  /// Records a problem about this object's field `key`.
  void problem(std::string_view key, const std::string& message);
  std::string pointer(std::string_view key) const;

 private:
  const nlohmann::json& object_;
  std::string pointer_;
  std::string context_;
  Diagnostics& diagnostics_;
};

}  // namespace lbtrain
