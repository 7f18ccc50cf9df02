#pragma once
// The bytes of a data file: read in chunks as the parser asks for them, from a file, a pipe or
// text already in memory, within a size limit. Bytes already read can be read again, to place a
// problem on its line and column: a regular file is read again where it is, and what came from
// a pipe, a FIFO or a device is kept in an unnamed temporary file as it is read.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace lbtrain {

/// Data files larger than this are refused: by size before reading when the size is known, else
/// as soon as reading passes it.
inline constexpr std::uintmax_t max_data_file_bytes = std::uintmax_t{512} << 20;

/// Files read whole (rules, settings, answers) have no business being larger than this.
inline constexpr std::uintmax_t max_small_file_bytes = std::uintmax_t{16} << 20;

/// Reads a whole file, at most `limit` bytes; throws a data Error naming the file when it cannot
/// be read or is too large.
std::string read_data_file(const std::string& path, std::uintmax_t limit = max_small_file_bytes);

/// The bytes of a data file.
class ByteSource {
 public:
  /// Text in memory (not copied; it must outlive the source).
  static ByteSource from_text(std::string_view text, std::string origin);
  /// A file (or a pipe, FIFO or device), opened now; throws a data Error naming it when it
  /// cannot be read or is larger than `limit`.
  static ByteSource from_file(const std::string& path, std::uintmax_t limit = max_data_file_bytes);

  ByteSource(ByteSource&&) noexcept;
  ByteSource& operator=(ByteSource&&) noexcept;
  ~ByteSource();

  const std::string& origin() const { return origin_; }
  /// The size in bytes when known in advance (a regular file, or text), else 0.
  std::size_t size_hint() const;
  /// Bytes [begin, end) of what has been read so far.
  std::string slice(std::size_t begin, std::size_t end) const;
  /// "LINE:COLUMN" of the value at `pointer` inside bytes [begin, end), which hold one value.
  /// Calls should move forward through the source: lines are counted once.
  std::string locate(std::size_t begin, std::size_t end, std::string_view pointer) const;

  /// The reading window, for the event parser.
  struct Window {
    const char* data = nullptr;
    std::size_t len = 0;
    std::size_t pos = 0;
  };
  Window& window() { return window_; }
  /// Moves the window on; false at the end of the source.
  bool refill();
  /// Starts reading again from the first byte (what was read already is read again from the
  /// file or the spill copy, then reading carries on where it stopped).
  void restart();
  /// Bytes consumed so far (the offset of the window's position).
  std::size_t consumed() const;
  /// Line and column (1-based, columns in bytes) of a byte offset already read.
  std::pair<std::size_t, std::size_t> line_column(std::size_t offset) const;

 private:
  struct State;
  ByteSource();
  std::string origin_;
  Window window_;
  std::unique_ptr<State> state_;
};

}  // namespace lbtrain
