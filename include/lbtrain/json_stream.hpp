#pragma once
/// Reading a large JSON document as a stream: the elements of its one big array (a
/// catalogue's exercises) arrive one at a time as small values, so a 90 MB file never
/// becomes a 90 MB tree. Syntax errors and duplicate keys fail with FILE:LINE:COLUMN, and a
/// problem found later in an element can still be placed on its line and column.

#include <nlohmann/json.hpp>

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

namespace lbtrain {

/// The bytes of a data file: a file read in chunks, or text already in memory.
class ByteSource {
 public:
  /// Text in memory (not copied; it must outlive the source).
  static ByteSource from_text(std::string_view text, std::string origin);
  /// A file, opened now; throws a data Error naming it when it cannot be read or is too big.
  static ByteSource from_file(const std::string& path);

  ByteSource(ByteSource&&) noexcept;
  ByteSource& operator=(ByteSource&&) noexcept;
  ~ByteSource();

  const std::string& origin() const { return origin_; }
  /// The size in bytes when known in advance (a regular file, or text), else 0.
  std::size_t size_hint() const;
  /// Bytes [begin, end) of the source (re-read from the file when needed).
  std::string slice(std::size_t begin, std::size_t end) const;
  /// "LINE:COLUMN" of the value at `pointer` inside bytes [begin, end), which hold one value.
  std::string locate(std::size_t begin, std::size_t end, std::string_view pointer) const;

  // The reading cursor, used by the parser.
  struct Cursor;
  Cursor& cursor() { return *cursor_; }

 private:
  ByteSource() = default;
  std::string origin_;
  std::unique_ptr<Cursor> cursor_;
};

/// Line and column (1-based, columns in bytes) of a byte offset in a document.
std::pair<std::size_t, std::size_t> line_column_in(std::string_view document, std::size_t offset);

/// Where a located problem is: "LINE:COLUMN", found from a JSON pointer into a whole document.
/// Returns the deepest part of the pointer that exists (the object that lacks a key, say).
std::string locate_pointer(std::string_view document, std::string_view pointer);

/// Callbacks of stream_json. `items_key` names the top-level member whose array elements are
/// streamed ("exercises"); when the document itself is an array its elements are streamed.
/// What the top of the document is.
enum class JsonTop { object, array, scalar };


struct JsonStreamHandler {
  std::string items_key;
  /// The document's top-level value opened (an object or an array).
  std::function<void(JsonTop top)> opened;
  /// The array under `items_key` opened.
  std::function<void()> items_opened;
  /// A top-level member other than the streamed array, whole.
  std::function<void(const std::string& key, nlohmann::json&& value)> member;
  /// One element of the streamed array, with its index and byte range in the source.
  std::function<void(std::size_t index, nlohmann::json&& item, std::size_t begin, std::size_t end)> item;
};


/// Parses a document from `source`, calling the handler as values complete; on a syntax
/// error or a duplicate key throws a data Error "ORIGIN:LINE:COLUMN: invalid JSON: ...".
JsonTop stream_json(ByteSource& source, JsonStreamHandler& handler);

}  // namespace lbtrain
