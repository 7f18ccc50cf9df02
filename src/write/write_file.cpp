#include "lbtrain/write.hpp"

#include "lbtrain/model/error.hpp"

#include <fmt/format.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace lbtrain {

namespace fs = std::filesystem;

bool write_all(int fd, std::string_view content) {
  const char* data = content.data();
  std::size_t remaining = content.size();
  while (remaining > 0) {
    ssize_t n = ::write(fd, data, remaining);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += n;
    remaining -= static_cast<std::size_t>(n);
  }
  return true;
}

namespace {

[[noreturn]] void cannot_write(const std::string& path, int error) {
  output_error(fmt::format("cannot write '{}': {}", path, std::strerror(error)));
}

// --- The temporary file, removed if a signal ends the program while it exists -------------

// A fixed buffer, so the handler touches nothing but async-signal-safe calls.
char pending_temp[PATH_MAX + 1];
std::atomic<bool> temp_pending{false};

extern "C" void remove_temp_and_reraise(int signal) {
  if (temp_pending.load()) ::unlink(pending_temp);
  std::signal(signal, SIG_DFL);
  std::raise(signal);
}

constexpr int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};

// --- Where the bytes go ---------------------------------------------------------------------

/// Paths whose meaning is an already open file (/dev/stdout, /dev/fd/3, /proc/self/fd/1):
/// following their links leads to a pipe or a terminal, not a file to replace.
bool names_open_file(const fs::path& path) {
  const std::string text = path.lexically_normal().string();
  return text.rfind("/dev/", 0) == 0 || text.rfind("/proc/", 0) == 0;
}

/// `path` with every symbolic link followed, also when the last target does not exist yet
/// (a dangling link names the file to create). Throws on a link loop.
fs::path follow_links(const std::string& path) {
  fs::path current(path);
  for (int hops = 0; hops < 40; ++hops) {
    std::error_code ec;
    if (!fs::is_symlink(current, ec)) return current;
    fs::path target = fs::read_symlink(current, ec);
    if (ec) cannot_write(path, ec.value());
    current = target.is_absolute() ? target : current.parent_path() / target;
  }
  cannot_write(path, ELOOP);
}

/// The temporary file's name: hidden, beside the target, and within the file-name limit
/// (a 250-character target name is cut, not made longer).
fs::path temp_name_for(const fs::path& target, const fs::path& dir) {
  long limit = ::pathconf(dir.c_str(), _PC_NAME_MAX);
  if (limit <= 0) limit = NAME_MAX;
  const std::string suffix = ".lbtrain-XXXXXX";
  std::string name = target.filename().string();
  std::size_t room = static_cast<std::size_t>(limit) - suffix.size() - 1;
  if (name.size() > room) {
    name.resize(room);
    // Not in the middle of a UTF-8 character.
    while (!name.empty() && (static_cast<unsigned char>(name.back()) & 0xC0) == 0x80) name.pop_back();
    if (!name.empty() && static_cast<unsigned char>(name.back()) >= 0xC0) name.pop_back();
  }
  return dir / ("." + name + suffix);
}

}  // namespace

/// The temporary file a regular file is written through, removed unless renamed into place.
/// While it exists, SIGINT, SIGTERM and SIGHUP remove it before ending the program.
struct FileSink::Temp {
  std::string path;
  fs::path target;
  struct sigaction previous[std::size(cleanup_signals)] {};

  Temp(std::string temp, fs::path to) : path(std::move(temp)), target(std::move(to)) {
    if (path.size() < sizeof pending_temp) {
      std::memcpy(pending_temp, path.c_str(), path.size() + 1);
      temp_pending.store(true);
    }
    for (std::size_t i = 0; i < std::size(cleanup_signals); ++i) {
      struct sigaction action {};
      action.sa_handler = remove_temp_and_reraise;
      sigemptyset(&action.sa_mask);
      ::sigaction(cleanup_signals[i], &action, &previous[i]);
    }
  }
  ~Temp() {
    temp_pending.store(false);
    for (std::size_t i = 0; i < std::size(cleanup_signals); ++i) ::sigaction(cleanup_signals[i], &previous[i], nullptr);
  }
  Temp(const Temp&) = delete;
  Temp& operator=(const Temp&) = delete;
};

FileSink::FileSink(const std::string& path, Privacy privacy) : shown_(path) {
  reserve_chunk();
  if (path.empty()) output_error("cannot write '': an empty file name; give a file name, or - for standard output");
  const bool open_file = names_open_file(path);
  fs::path target = open_file ? fs::path(path) : follow_links(path);
  struct stat info {};
  bool exists = false;
  if (!open_file) {
    exists = ::stat(target.c_str(), &info) == 0;
    if (!exists && errno != ENOENT) cannot_write(path, errno);
  }
  if (exists && S_ISDIR(info.st_mode)) output_error(fmt::format("cannot write '{}': it is a directory", path));
  if (open_file || (exists && !S_ISREG(info.st_mode))) {
    // A device, a FIFO, a terminal: written straight into.
    target_ = target.string();
    fd_ = ::open(target_.c_str(), O_WRONLY | O_NOCTTY | O_TRUNC | O_CLOEXEC);
    if (fd_ < 0) cannot_write(target_, errno);
    return;
  }
  // A regular file (or a new one): replaced through a temporary file and a rename. An existing
  // file keeps its permission bits (and owner, where allowed).
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    output_error(fmt::format("cannot write '{}': directory '{}' does not exist", path, dir.string()));
  }
  std::string temp = temp_name_for(target, dir).string();
  fd_ = ::mkstemp(temp.data());
  if (fd_ < 0) cannot_write(path, errno);
  temp_ = std::make_unique<Temp>(std::move(temp), target);
  if (exists) {
    if (::fchown(fd_, info.st_uid, info.st_gid) != 0) {
      // Only root may give a file away; the file then belongs to whoever wrote it.
    }
    ::fchmod(fd_, info.st_mode & 07777);
  } else if (privacy == Privacy::shared) {
    // mkstemp creates 0600; a new file gets the usual permissions under the user's umask (a
    // file of health data made from the log keeps mkstemp's 0600).
    mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd_, 0666 & ~mask);
  }
}

FileSink::~FileSink() {
  if (fd_ >= 0) ::close(fd_);
  if (temp_) ::unlink(temp_->path.c_str());
}

void FileSink::fail(int error) {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (temp_) {
    ::unlink(temp_->path.c_str());
    temp_.reset();
    cannot_write(shown_, error);
  }
  if (error == EPIPE) throw Error(ExitCode::output, "");
  cannot_write(target_, error);
}

void FileSink::drain() {
  if (fd_ < 0) output_error(fmt::format("cannot write '{}': the output was already ended", shown_));
  if (!write_all(fd_, buffer_)) fail(errno);
  buffer_.clear();
}

void FileSink::finish() {
  drain();
  if (temp_ && ::fsync(fd_) != 0) fail(errno);
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail(errno);
  if (!temp_) return;
  if (std::rename(temp_->path.c_str(), temp_->target.c_str()) != 0) fail(errno);
  temp_.reset();
}

void write_file_atomically(const std::string& path, std::string_view content, Privacy privacy) {
  FileSink sink(path, privacy);
  sink.write(content);
  sink.finish();
}

void refuse_output_onto_log(const std::string& output, const std::string& log) {
  if (output.empty() || output == "-" || log.empty()) return;
  std::error_code ec;
  // Absolute first: weakly_canonical leaves a relative path alone when none of it exists yet.
  const fs::path out = fs::weakly_canonical(fs::absolute(output, ec), ec);
  const fs::path db = fs::weakly_canonical(fs::absolute(log, ec), ec);
  struct stat out_info {};
  const bool out_exists = ::stat(output.c_str(), &out_info) == 0;
  for (const char* suffix : {"", "-wal", "-shm"}) {
    // The same file by device and inode (a hard link, /dev/fd/N, a symbolic link), or by name
    // once links are followed (a -wal that does not exist yet would be taken for one).
    const std::string file = db.string() + suffix;
    struct stat info {};
    const bool same_file = out_exists && ::stat(file.c_str(), &info) == 0 && info.st_dev == out_info.st_dev &&
                           info.st_ino == out_info.st_ino;
    if (same_file || (!db.empty() && out == fs::path(file))) {
      usage_error(fmt::format("-o: '{}' is the training log{}; writing there would destroy it: give another file name",
                              output, *suffix ? std::string(" (its ") + suffix + " file)" : std::string()));
    }
  }
}

}  // namespace lbtrain
