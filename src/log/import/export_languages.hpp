#pragma once
// The words of Strong and Hevy exports made with the app in another language, from
// data/import/export-languages.json: Strong's column names (matched as the English ones) and
// Hevy's month names (in start_time).

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lbtrain::log {

/// The table, read and checked.
struct ExportLanguages {
  /// A column name as written (any case) -> the English column name it stands for.
  std::unordered_map<std::string, std::string> strong_columns;
  /// A month name as written (any case, no trailing dot) -> 1 to 12.
  std::unordered_map<std::string, int> months;
  std::vector<std::string> codes;  ///< the languages, "en", "de", ...
};

/// Parses the table; a data Error naming the file, the entry and the problem (a name that
/// stands for two columns or two months, a missing month, a column Strong does not write).
ExportLanguages parse_export_languages(std::string_view text, const std::string& origin);

/// The built-in table, parsed once.
const ExportLanguages& builtin_export_languages();

/// How the table compares names: ASCII letters in lower case, a typographic apostrophe as ',
/// one trailing '.' dropped.
std::string language_key(std::string_view name);

/// The English column name `name` stands for, or `name` itself.
std::string english_column(std::string_view name);

/// The month a name stands for ("Nis", "janv.", "4月"), or nullopt.
std::optional<int> month_number(std::string_view name);

}  // namespace lbtrain::log
