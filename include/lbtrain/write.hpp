#pragma once
/// Writing results (src/write/): a sink that formatters write into piece by piece, over a
/// string, a descriptor or a file replaced atomically; or all of a buffer at once. Standard
/// output is the command line's (src/cli/stdout.hpp): it gives a sink its descriptor.

#include <cstddef>
#include <limits>
#include <memory>
#include <string>
#include <string_view>

namespace lbtrain {

/// Writes `content` to `path`. A regular file (or a new one) is replaced through a temporary
/// file beside it and a rename: on any failure, or a SIGINT, SIGTERM or SIGHUP meanwhile,
/// nothing is written, no temporary file is left and an existing file is untouched; it keeps
/// its permission bits. A symbolic link is followed (the link stays, its target is replaced).
/// Anything else (a device, a FIFO, /dev/stdout) is written directly. Throws an output Error.
/// A new file is 0666 under the umask, or 0600 for private data (made from the training log).
enum class Privacy { shared, private_data };
void write_file_atomically(const std::string& path, std::string_view content, Privacy privacy = Privacy::shared);

/// Refuses (a usage Error) an `output` that is the training log at `log` or its -wal or -shm
/// file: the same device and inode, or the same path once symbolic links are followed.
void refuse_output_onto_log(const std::string& output, const std::string& log);

/// Writes all of `content` to the descriptor `fd`, again after EINTR and short writes; false
/// (errno set) on failure.
bool write_all(int fd, std::string_view content);

/// write_all, or an output Error naming `name` ("cannot write to standard output: ..."); when
/// the reader has closed the pipe (EPIPE; SIGPIPE must be ignored) the Error has an empty
/// message: the front end exits with status 4 and prints nothing.
void write_all_or_throw(int fd, std::string_view content, const std::string& name);

/// A buffered writer over an output: a formatter appends its bytes and the sink writes them out
/// a chunk (64 KB) at a time, so a large output is never held whole. Writing out may throw an
/// output Error (from write, put or finish). finish() writes out the rest and ends the output;
/// a sink destroyed without finish() (an exception meanwhile) leaves no partial file behind.
class Sink {
 public:
  Sink() = default;
  Sink(const Sink&) = delete;
  Sink& operator=(const Sink&) = delete;
  virtual ~Sink() = default;

  void write(std::string_view bytes) {
    buffer_.append(bytes);
    if (buffer_.size() >= limit_) drain();
  }
  void put(char c) {
    buffer_.push_back(c);
    if (buffer_.size() >= limit_) drain();
  }
  /// `count` copies of `c` (indentation).
  void fill(std::size_t count, char c) {
    buffer_.append(count, c);
    if (buffer_.size() >= limit_) drain();
  }
  /// The buffer, to format into in place (fmt::format_to(std::back_inserter(sink.buffer()), ...));
  /// call written() after.
  std::string& buffer() { return buffer_; }
  void written() {
    if (buffer_.size() >= limit_) drain();
  }
  /// Writes out what is buffered and ends the output (a file takes its place). Throws an output
  /// Error on failure.
  virtual void finish() { drain(); }

 protected:
  /// A sink that keeps everything until finish() (a string, a pager's text).
  void keep_all() { limit_ = std::numeric_limits<std::size_t>::max(); }
  /// A sink written out a chunk at a time: its buffer is made once, a chunk and a little more.
  void reserve_chunk() { buffer_.reserve(limit_ + limit_ / 16); }
  /// Writes out the buffer and empties it.
  virtual void drain() = 0;
  std::string buffer_;

 private:
  std::size_t limit_ = std::size_t{64} * 1024;
};

/// A sink that keeps the bytes: a formatter's output as one string (tests, small outputs).
class StringSink final : public Sink {
 public:
  StringSink() { keep_all(); }
  void finish() override {}
  std::string take() { return std::move(buffer_); }

 private:
  void drain() override {}
};

/// A sink over an open descriptor it does not own (standard output, a pipe). A reader gone
/// (EPIPE; SIGPIPE must be ignored) is an output Error with an empty message; another failure
/// says "cannot write to <name>: <reason>".
class FdSink final : public Sink {
 public:
  FdSink(int fd, std::string name) : fd_(fd), name_(std::move(name)) { reserve_chunk(); }

 private:
  void drain() override;
  int fd_;
  std::string name_;
};

/// A sink over the file at `path`, written as write_file_atomically writes it: a regular file (or
/// a new one) through a temporary file beside it, put in place by finish(); destroyed without
/// finish(), or on any failure, it removes the temporary file and leaves an existing file
/// untouched. Anything else (a device, a FIFO, /dev/stdout) is written directly. The checks
/// (a directory, a missing folder) are made when it is made.
class FileSink final : public Sink {
 public:
  explicit FileSink(const std::string& path, Privacy privacy = Privacy::shared);
  ~FileSink() override;
  void finish() override;

 private:
  struct Temp;
  void drain() override;
  void fail(int error);
  std::string shown_;  ///< the path as given, for messages
  std::string target_;
  int fd_ = -1;
  std::unique_ptr<Temp> temp_;  ///< none when written directly
};

}  // namespace lbtrain
