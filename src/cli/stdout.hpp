#pragma once
// Standard output, which only the command line writes: the plan, listings, help and reports,
// through a pager when one is set (pager.cpp sets it on a terminal), with errors detected.

#include "lbtrain/write.hpp"

#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace lbtrain {

/// Writes `content` to standard output and flushes; throws an output Error on failure. When
/// the reader has closed the pipe (EPIPE; SIGPIPE must be ignored) the Error has an empty
/// message: the front end exits with status 4 and prints nothing.
void write_stdout(std::string_view content);

/// Shows text through a pager and returns true, or returns false (then write_stdout writes it):
/// the command line sets one on a terminal (it alone reads the environment); none by default.
using Pager = std::function<bool(std::string_view)>;
void set_stdout_pager(Pager pager);

/// Standard output for "" (no -o) or "-", else write_file_atomically.
void write_output(const std::string& path, std::string_view content, Privacy privacy = Privacy::shared);

/// A sink over the same output as write_output: standard output written a chunk at a time (all
/// of it at finish() when a pager is set: the pager needs the whole text), else a FileSink.
std::unique_ptr<Sink> open_output(const std::string& path, Privacy privacy = Privacy::shared);

}  // namespace lbtrain
