// A sink over an open descriptor: each chunk written out as it fills.
#include "lbtrain/write.hpp"

#include "lbtrain/model/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

namespace lbtrain {

void FdSink::drain() {
  if (!write_all(fd_, buffer_)) {
    // The reader went away (| head): nothing to report, but the output was not all written.
    if (errno == EPIPE) throw Error(ExitCode::output, "");
    output_error(fmt::format("cannot write to {}: {}", name_, std::strerror(errno)));
  }
  buffer_.clear();
}

}  // namespace lbtrain
