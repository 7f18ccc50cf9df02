#include "read/byte_source.hpp"

#include "lbtrain/model/error.hpp"
#include "read/json_locate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace lbtrain {

namespace {

[[noreturn]] void cannot_read(const std::string& path, const std::string& why) {
  data_error(fmt::format("cannot read '{}': {}", path, why));
}

std::string over_limit(std::uintmax_t limit) {
  return fmt::format("over the {} MB limit for this kind of file", limit >> 20);
}

/// Reads up to `size` bytes, retrying when interrupted; -1 on an error.
ssize_t read_some(int fd, char* into, std::size_t size) {
  while (true) {
    ssize_t n = ::read(fd, into, size);
    if (n < 0 && errno == EINTR) continue;
    return n;
  }
}

bool write_all(int fd, const char* data, std::size_t size) {
  while (size > 0) {
    ssize_t n = ::write(fd, data, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    data += n;
    size -= static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

std::string read_data_file(const std::string& path, std::uintmax_t limit) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) cannot_read(path, std::strerror(errno));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat info {};
  if (::fstat(fd, &info) != 0) cannot_read(path, std::strerror(errno));
  if (S_ISDIR(info.st_mode)) cannot_read(path, "it is a directory");
  if (S_ISREG(info.st_mode) && static_cast<std::uintmax_t>(info.st_size) > limit) {
    cannot_read(path, fmt::format("it is {} MB, {}", static_cast<std::uintmax_t>(info.st_size) >> 20, over_limit(limit)));
  }
  std::string content;
  if (S_ISREG(info.st_mode)) content.reserve(static_cast<std::size_t>(info.st_size));
  char buffer[1 << 16];
  while (true) {
    ssize_t n = read_some(fd, buffer, sizeof buffer);
    if (n < 0) cannot_read(path, std::strerror(errno));
    if (n == 0) break;
    content.append(buffer, static_cast<std::size_t>(n));
    if (content.size() > limit) cannot_read(path, over_limit(limit));
  }
  return content;
}

// Where the bytes come from, and how to read them again.
struct ByteSource::State {
  std::string origin;
  std::uintmax_t limit = max_data_file_bytes;
  int fd = -1;      ///< the open file, or -1 for text in memory
  int again = -1;   ///< where bytes read can be read again: the file, or the spill file of a pipe
  std::FILE* spill = nullptr;
  std::string_view text;
  std::vector<char> buffer;
  std::size_t base = 0;  ///< source offset of the window's first byte
  std::size_t replay_end = 0;  ///< after restart(): bytes [base, replay_end) are read again
  std::size_t size_hint = 0;
  // Line counting moves forward: `counted` bytes scanned, `line` and `line_start` there.
  mutable std::size_t counted = 0;
  mutable std::size_t line = 1;
  mutable std::size_t line_start = 0;

  ~State() {
    if (spill) std::fclose(spill);
    if (fd >= 0) ::close(fd);
  }

  [[noreturn]] void fail(const std::string& why) const { cannot_read(origin, why); }

  std::size_t read_at(std::size_t offset, char* into, std::size_t size) const {
    while (true) {
      ssize_t n = ::pread(again, into, size, static_cast<off_t>(offset));
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) fail(std::strerror(errno));
      return static_cast<std::size_t>(n);
    }
  }
};

ByteSource::ByteSource() : state_(std::make_unique<State>()) {}
ByteSource::ByteSource(ByteSource&&) noexcept = default;
ByteSource& ByteSource::operator=(ByteSource&&) noexcept = default;
ByteSource::~ByteSource() = default;

ByteSource ByteSource::from_text(std::string_view text, std::string origin) {
  ByteSource source;
  source.origin_ = std::move(origin);
  State& s = *source.state_;
  s.origin = source.origin_;
  s.text = text;
  s.size_hint = text.size();
  source.window_ = {text.data(), text.size(), 0};
  return source;
}

ByteSource ByteSource::from_file(const std::string& path, std::uintmax_t limit) {
  ByteSource source;
  source.origin_ = path;
  State& s = *source.state_;
  s.origin = path;
  s.limit = limit;
  s.fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (s.fd < 0) s.fail(std::strerror(errno));
  struct stat info {};
  if (::fstat(s.fd, &info) != 0) s.fail(std::strerror(errno));
  if (S_ISDIR(info.st_mode)) s.fail("it is a directory");
  if (S_ISREG(info.st_mode)) {
    if (static_cast<std::uintmax_t>(info.st_size) > limit) {
      s.fail(fmt::format("it is {} MB, {}", static_cast<std::uintmax_t>(info.st_size) >> 20, over_limit(limit)));
    }
    s.size_hint = static_cast<std::size_t>(info.st_size);
    s.again = s.fd;
  } else {
    // A pipe, FIFO or device cannot be read twice: what is read is kept to place problems.
    s.spill = std::tmpfile();
    if (!s.spill) s.fail(fmt::format("no room for a temporary copy: {}", std::strerror(errno)));
    s.again = ::fileno(s.spill);
  }
  s.buffer.resize(1 << 16);
  source.refill();
  return source;
}

std::size_t ByteSource::size_hint() const { return state_->size_hint; }

std::size_t ByteSource::consumed() const { return state_->base + window_.pos; }

bool ByteSource::refill() {
  State& s = *state_;
  s.base += window_.len;
  window_.pos = 0;
  window_.len = 0;
  if (s.fd < 0) return false;
  if (s.base < s.replay_end) {
    window_.data = s.buffer.data();
    window_.len = s.read_at(s.base, s.buffer.data(), std::min(s.buffer.size(), s.replay_end - s.base));
    return window_.len > 0;
  }
  ssize_t n = read_some(s.fd, s.buffer.data(), s.buffer.size());
  if (n < 0) s.fail(std::strerror(errno));
  window_.data = s.buffer.data();
  window_.len = static_cast<std::size_t>(n);
  if (s.base + window_.len > s.limit) s.fail(over_limit(s.limit));
  if (s.spill && n > 0 && !write_all(s.again, s.buffer.data(), window_.len)) {
    s.fail(fmt::format("no room for a temporary copy: {}", std::strerror(errno)));
  }
  return window_.len > 0;
}

void ByteSource::restart() {
  State& s = *state_;
  if (s.fd < 0) {
    s.base = 0;
    window_ = {s.text.data(), s.text.size(), 0};
    return;
  }
  s.replay_end = std::max(s.replay_end, s.base + window_.len);
  s.base = 0;
  window_.pos = 0;
  window_.len = 0;
  refill();
}

std::string ByteSource::slice(std::size_t begin, std::size_t end) const {
  const State& s = *state_;
  if (end <= begin) return {};
  if (s.fd < 0) return std::string(s.text.substr(std::min(begin, s.text.size()), end - begin));
  std::string out(end - begin, '\0');
  out.resize(s.read_at(begin, out.data(), out.size()));
  return out;
}

std::pair<std::size_t, std::size_t> ByteSource::line_column(std::size_t offset) const {
  const State& s = *state_;
  if (offset < s.counted) {
    s.counted = 0;
    s.line = 1;
    s.line_start = 0;
  }
  char chunk[1 << 16];
  while (s.counted < offset) {
    std::size_t want = std::min(sizeof chunk, offset - s.counted);
    std::size_t got = 0;
    const char* bytes = nullptr;
    if (s.fd < 0) {
      if (s.counted >= s.text.size()) break;
      got = std::min(want, s.text.size() - s.counted);
      bytes = s.text.data() + s.counted;
    } else {
      got = s.read_at(s.counted, chunk, want);
      bytes = chunk;
    }
    if (got == 0) break;
    for (std::size_t i = 0; i < got; ++i) {
      if (bytes[i] == '\n') {
        ++s.line;
        s.line_start = s.counted + i + 1;
      }
    }
    s.counted += got;
  }
  return {s.line, offset - s.line_start + 1};
}

std::string ByteSource::locate(std::size_t begin, std::size_t end, std::string_view pointer) const {
  std::string value = slice(begin, end);
  std::size_t offset = pointer_offset(value, pointer);
  auto [line, column] = line_column(begin);
  auto [inner_line, inner_column] = line_column_in(value, offset);
  if (inner_line == 1) return fmt::format("{}:{}", line, column + inner_column - 1);
  return fmt::format("{}:{}", line + inner_line - 1, inner_column);
}

}  // namespace lbtrain
