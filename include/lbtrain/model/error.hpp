#pragma once
/// The project's error type and process exit codes. The core throws; only the front end prints.

#include <stdexcept>
#include <string>

namespace lbtrain {

/// Exit statuses of the lbtrain program (documented in README, --help and the man page).
enum class ExitCode : int {
  ok = 0,        ///< success
  internal = 1,  ///< a bug: an unexpected failure inside lbtrain
  usage = 2,     ///< bad command line: unknown option, value out of range, unknown goal
  data = 3,      ///< a catalogue, rules or vocabulary file is unreadable or invalid
  output = 4,    ///< the plan could not be written (stdout or -o FILE)
  refused = 5,   ///< screening refused to write a plan (e.g. --injury)
  cancelled = 6, ///< the user left `lbtrain assess` (Ctrl-C or end of input)
};

/// An error the user can act on; what() is the message without the "lbtrain: error: " prefix.
class Error : public std::runtime_error {
 public:
  Error(ExitCode code, const std::string& message) : std::runtime_error(message), code_(code) {}
  ExitCode code() const { return code_; }

 private:
  ExitCode code_;
};

/// Throws an Error with ExitCode::usage.
[[noreturn]] void usage_error(const std::string& message);
/// Throws an Error with ExitCode::data.
[[noreturn]] void data_error(const std::string& message);
/// Throws an Error with ExitCode::output.
[[noreturn]] void output_error(const std::string& message);

}  // namespace lbtrain
