// Writing to an open descriptor, and the sink over one: each chunk written out as it fills.
#include "lbtrain/write.hpp"

#include "lbtrain/model/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <string>
#include <string_view>

namespace lbtrain {

void write_all_or_throw(int fd, std::string_view content, const std::string& name) {
  if (!write_all(fd, content)) {
    // The reader went away (| head): nothing to report, but the output was not all written.
    if (errno == EPIPE) throw Error(ExitCode::output, "");
    output_error(fmt::format("cannot write to {}: {}", name, std::strerror(errno)));
  }
}

void FdSink::drain() {
  write_all_or_throw(fd_, buffer_, name_);
  buffer_.clear();
}

}  // namespace lbtrain
