#include "cli/stdout.hpp"

#include <cstdio>
#include <memory>
#include <string>
#include <unistd.h>
#include <utility>

namespace lbtrain {

namespace {
Pager& stdout_pager() {
  static Pager pager;
  return pager;
}

/// Standard output through the pager: the whole text, at finish().
class PagedSink final : public Sink {
 public:
  PagedSink() { keep_all(); }
  void finish() override {
    std::string text = std::move(buffer_);
    buffer_.clear();
    write_stdout(text);
  }

 private:
  void drain() override {}
};
}  // namespace

void set_stdout_pager(Pager pager) { stdout_pager() = std::move(pager); }

void write_stdout(std::string_view content) {
  std::fflush(stdout);
  if (stdout_pager() && stdout_pager()(content)) return;
  write_all_or_throw(STDOUT_FILENO, content, "standard output");
}

std::unique_ptr<Sink> open_output(const std::string& path, Privacy privacy) {
  if (!path.empty() && path != "-") return std::make_unique<FileSink>(path, privacy);
  std::fflush(stdout);
  if (stdout_pager()) return std::make_unique<PagedSink>();
  return std::make_unique<FdSink>(STDOUT_FILENO, "standard output");
}

void write_output(const std::string& path, std::string_view content, Privacy privacy) {
  if (path.empty() || path == "-") write_stdout(content);
  else write_file_atomically(path, content, privacy);
}

}  // namespace lbtrain
