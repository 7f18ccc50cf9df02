#pragma once
// A saved program in the training log's database: the options of the plan it is (kept as
// JSON, before they are resolved against the data, so the same plan comes back) and the day it
// started.

#include "lbtrain/screen.hpp"
#include "lbtrain/log.hpp"

#include <optional>
#include <string>

namespace lbtrain::program {

/// The current program, as `lbtrain start` saved it.
struct StoredProgram {
  std::int64_t id = 0;
  std::string created_at;  ///< YYYY-MM-DDTHH:MM:SSZ
  std::string start;       ///< YYYY-MM-DD
  PlanOptions options;     ///< with `start` set
  std::vector<std::string> changed_files;  ///< its --catalog and --rules files changed since saved
};

/// Makes the --catalog and --rules paths absolute, so that the saved program finds them from
/// any directory (kept with a hash of each file's content, to tell when one changed).
void make_paths_absolute(PlanOptions& options);

/// The options that make the plan, as JSON (format, output, colour and week are left out).
std::string options_json(const PlanOptions& options);

/// Options back from options_json(); throws a data Error naming the log for anything else.
PlanOptions options_from_json(const std::string& text, const std::string& db);

/// The current program, or nullopt when `lbtrain start` was never run on this log.
std::optional<StoredProgram> current_program(log::Store& store);

/// Saves `options` (their `start` set) as the current program, the previous one kept but no
/// longer current; in the caller's transaction.
void save_program(log::Store& store, const PlanOptions& options);

}  // namespace lbtrain::program
