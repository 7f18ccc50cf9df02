#include "lbtrain/output.hpp"

#include "lbtrain/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace lbtrain {

namespace fs = std::filesystem;

namespace {

bool write_all(int fd, std::string_view content) {
  const char* data = content.data();
  std::size_t left = content.size();
  while (left > 0) {
    ssize_t n = ::write(fd, data, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    data += n;
    left -= static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace

void write_file_atomically(const std::string& path, std::string_view content) {
  fs::path target(path);
  fs::path dir = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    output_error(fmt::format("cannot write '{}': directory '{}' does not exist", path, dir.string()));
  }
  if (fs::is_directory(target, ec)) {
    output_error(fmt::format("cannot write '{}': it is a directory", path));
  }
  std::string temp = (dir / ("." + target.filename().string() + ".lbtrain-XXXXXX")).string();
  int fd = ::mkstemp(temp.data());
  if (fd < 0) output_error(fmt::format("cannot write '{}': {}", path, std::strerror(errno)));
  // mkstemp creates 0600; give the file the usual permissions under the user's umask.
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  bool ok = write_all(fd, content) && ::fsync(fd) == 0;
  int saved = errno;
  ok = (::close(fd) == 0) && ok;
  if (ok && std::rename(temp.c_str(), path.c_str()) == 0) return;
  if (!saved) saved = errno;
  ::unlink(temp.c_str());
  output_error(fmt::format("cannot write '{}': {}", path, std::strerror(saved)));
}

void write_stdout(std::string_view content) {
  std::fflush(stdout);
  if (!write_all(STDOUT_FILENO, content)) {
    // The reader went away (| head): nothing to report, but the plan was not all written.
    if (errno == EPIPE) throw Error(ExitCode::output, "");
    output_error(fmt::format("cannot write to standard output: {}", std::strerror(errno)));
  }
}

}  // namespace lbtrain
