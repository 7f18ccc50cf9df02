#pragma once
/// Writing results (src/write/): a file replaced atomically, or all of a buffer to a descriptor.
/// Standard output is the command line's (src/cli/stdout.hpp).

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

}  // namespace lbtrain
