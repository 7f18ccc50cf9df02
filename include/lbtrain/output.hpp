#pragma once
/// Writing results: atomically to a file, or to standard output with errors detected.

#include <string>
#include <string_view>

namespace lbtrain {

/// Writes `content` to `path` through a temporary file and rename: on any failure nothing is
/// written and an existing file is untouched. Throws an output Error.
void write_file_atomically(const std::string& path, std::string_view content);

/// Writes `content` to standard output and flushes; throws an output Error on failure. When
/// the reader has closed the pipe (EPIPE; SIGPIPE must be ignored) the Error has an empty
/// message: the front end exits with status 4 and prints nothing.
void write_stdout(std::string_view content);

}  // namespace lbtrain
