#pragma once
// What the program stage asks of the log (programs.cpp): the saved program's row, saving a new
// one, and the working sets a program is adapted to. The SQL stays here, in the log.

#include "lbtrain/log.hpp"
#include "log/logged_set.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace lbtrain::log {

/// A saved program as the log holds it: its request is the plan's options as JSON.
struct ProgramRow {
  std::int64_t id = 0;
  std::string created_at;  ///< ISO 8601, UTC
  std::string start;       ///< YYYY-MM-DD
  std::string request;
};

/// The current program, or nullopt when none is saved. SQLite's errors are the caller's to name.
std::optional<ProgramRow> current_program_row(Store& store);

/// Saves a program as the current one (the one before it is kept, no longer current).
void save_program_row(Store& store, const std::string& start, const std::string& request);

/// Every working set of the log (warm-up sets left out), oldest first.
std::vector<LoggedSet> working_sets(Store& store);

}  // namespace lbtrain::log
