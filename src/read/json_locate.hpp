#pragma once
// Where a value is in a JSON document, from its JSON pointer: for problems reported as
// FILE:LINE:COLUMN. One value is found by scanning; many are found through an index built once.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lbtrain {

/// Line and column (1-based, columns in bytes) of a byte offset in a document.
std::pair<std::size_t, std::size_t> line_column_in(std::string_view document, std::size_t offset);

/// Byte offset of the value at `pointer`, or of the deepest part of it that exists (the object
/// that lacks a key, say).
std::size_t pointer_offset(std::string_view document, std::string_view pointer);

/// "LINE:COLUMN" of the value at `pointer` (as pointer_offset finds it).
std::string locate_pointer(std::string_view document, std::string_view pointer);

/// Places many pointers in one document: the first call indexes every value once, so each
/// later one costs a lookup, however many problems a file has.
class JsonPositions {
 public:
  explicit JsonPositions(std::string_view document) : document_(document) {}
  /// "LINE:COLUMN" of the value at `pointer`, or of the deepest part of it that exists.
  std::string locate(std::string_view pointer);

 private:
  void index();
  std::string_view document_;
  bool indexed_ = false;
  std::map<std::string, std::size_t, std::less<>> offsets_;
  std::vector<std::size_t> line_starts_;
};

}  // namespace lbtrain
