#pragma once
// Reading CSV as the apps export it (RFC 4180): quoted fields with "" for a quote, line breaks
// inside quotes, CRLF or LF line ends, a UTF-8 byte-order mark, ',' or ';' between fields.
// Records are read one at a time from a ByteSource (a file read in chunks, or text in memory),
// so memory follows the longest record, not the file: a record holds at most max_fields fields
// and each field keeps at most max_field_bytes bytes (a longer one is cut and said, see
// overlong()), whatever the file's shape.

#include "read/byte_source.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lbtrain::log {

class CsvReader {
 public:
  /// Reads `text` (not copied; it must outlive the reader). `origin` names it in errors.
  CsvReader(std::string_view text, std::string origin, char delimiter);
  /// Reads `source` from where it stands (not owned; it must outlive the reader).
  CsvReader(ByteSource& source, char delimiter);
  CsvReader(const CsvReader&) = delete;  ///< it points into itself (the source of text)
  CsvReader& operator=(const CsvReader&) = delete;

  /// The delimiter of a header line: ';' when its first line has semicolons and no commas
  /// (Strong's old export), ',' otherwise.
  static char detect_delimiter(std::string_view text);

  /// The most fields a record may have: no export has more than a few dozen columns, and a
  /// line of a million commas must not become a million fields in memory.
  static constexpr std::size_t max_fields = 1000;
  /// The most bytes a field keeps. An exercise name holds up to 200 characters and a note up to
  /// 2,000, 4 bytes each at most in UTF-8: no field lbtrain can import is longer than 8,000
  /// bytes, and a field of 100 MB must not take 100 MB (or a copy per stage) of memory.
  static constexpr std::size_t max_field_bytes = 16384;

  /// The next record's fields (valid until the next call); false at the end. A quote left
  /// open, or more than max_fields fields, is a data Error naming the line where the record
  /// starts.
  bool next(std::vector<std::string_view>& fields);

  /// True when no record is left (nothing but line ends).
  bool done();

  /// The fields of the last record that were longer than max_field_bytes (cut to it): their
  /// index and their whole length in bytes.
  const std::vector<std::pair<std::size_t, std::size_t>>& overlong() const { return overlong_; }

  /// The line the last record returned by next() starts on (1-based).
  std::size_t line() const { return record_line_; }
  const std::string& origin() const { return source_->origin(); }

 private:
  std::optional<ByteSource> owned_;  ///< the source of text given in memory
  ByteSource* source_;
  char delimiter_;
  std::size_t line_ = 1;
  std::size_t record_line_ = 0;
  std::string record_;  ///< the record as read, each field unquoted (but between its quotes)
  std::vector<std::pair<std::size_t, std::size_t>> spans_;  ///< each field's bytes in record_
  std::size_t field_bytes_ = 0;      ///< the current field's whole length
  std::vector<std::pair<std::size_t, std::size_t>> overlong_;

  /// The next byte, or -1 at the end of the source.
  int peek();
  void skip() { ++source_->window().pos; }
  void skip_line_ends();
  void skip_byte_order_mark();
  /// Adds bytes to the current field, keeping at most max_field_bytes of it.
  void keep(const char* data, std::size_t size);
  void end_field(std::size_t start);
  void read_quoted();
  void read_plain();
};

}  // namespace lbtrain::log
