#pragma once
/// Writing results: atomically to a file, or to standard output with errors detected.

#include <functional>
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

/// Writes `content` to standard output and flushes; throws an output Error on failure. When
/// the reader has closed the pipe (EPIPE; SIGPIPE must be ignored) the Error has an empty
/// message: the front end exits with status 4 and prints nothing.
void write_stdout(std::string_view content);

/// Shows text through a pager and returns true, or returns false (then write_stdout writes it):
/// the command line sets one on a terminal (it alone reads the environment); none by default.
using Pager = std::function<bool(std::string_view)>;
void set_stdout_pager(Pager pager);

/// Refuses (a usage Error) an `output` that is the training log at `log` or its -wal or -shm
/// file: the same device and inode, or the same path once symbolic links are followed.
void refuse_output_onto_log(const std::string& output, const std::string& log);

/// Standard output for "" (no -o) or "-", else write_file_atomically.
void write_output(const std::string& path, std::string_view content, Privacy privacy = Privacy::shared);

}  // namespace lbtrain
