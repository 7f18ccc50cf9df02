#pragma once
// Reading CSV as the apps export it (RFC 4180): quoted fields with "" for a quote, line breaks
// inside quotes, CRLF or LF line ends, a UTF-8 byte-order mark, ',' or ';' between fields.
// Fields are views into the text, unquoted in place only when they need it.

#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

namespace lbtrain::logbook {

class CsvReader {
 public:
  /// Reads `text` (not copied; it must outlive the reader). `origin` names it in errors.
  CsvReader(std::string_view text, std::string origin, char delimiter);

  /// The delimiter of a header line: ';' when its first line has semicolons and no commas
  /// (Strong's old export), ',' otherwise.
  static char detect_delimiter(std::string_view text);

  /// The most fields a record may have: no export has more than a few dozen columns, and a
  /// line of a million commas must not become a million fields in memory.
  static constexpr std::size_t max_fields = 1000;

  /// The next record's fields; false at the end. A quote left open, or more than max_fields
  /// fields, is a data Error naming the line where the record starts.
  bool next(std::vector<std::string_view>& fields);

  /// True when no record is left (nothing but line ends).
  bool done() const { return text_.find_first_not_of("\r\n", pos_) == std::string_view::npos; }

  /// The line the last record returned by next() starts on (1-based).
  std::size_t line() const { return record_line_; }
  const std::string& origin() const { return origin_; }

 private:
  std::string_view text_;
  std::string origin_;
  char delimiter_;
  std::size_t pos_ = 0;
  std::size_t line_ = 1;
  std::size_t record_line_ = 0;
  std::deque<std::string> unquoted_;  ///< fields with "" inside, unquoted (views point here)
};

}  // namespace lbtrain::logbook
