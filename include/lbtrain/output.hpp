#pragma once
/// Writing results: atomically to a file, or to standard output with errors detected.

#include <string>
#include <string_view>

namespace lbtrain {

/// Writes `content` to `path`. A regular file (or a new one) is replaced through a temporary
/// file beside it and a rename: on any failure, or a SIGINT, SIGTERM or SIGHUP meanwhile,
/// nothing is written, no temporary file is left and an existing file is untouched; it keeps
/// its permission bits. A symbolic link is followed (the link stays, its target is replaced).
/// Anything else (a device, a FIFO, /dev/stdout) is written directly. Throws an output Error.
void write_file_atomically(const std::string& path, std::string_view content);

/// Writes `content` to standard output and flushes; throws an output Error on failure. When
/// the reader has closed the pipe (EPIPE; SIGPIPE must be ignored) the Error has an empty
/// message: the front end exits with status 4 and prints nothing.
void write_stdout(std::string_view content);

/// Standard output for "" (no -o) or "-", else write_file_atomically.
void write_output(const std::string& path, std::string_view content);

}  // namespace lbtrain
