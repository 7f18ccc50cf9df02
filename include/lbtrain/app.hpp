#pragma once
/// The commands as recipes: parse options -> load data -> resolve -> select -> plan -> format
/// -> write. The command-line layer fills the options and calls these.

#include "lbtrain/request.hpp"

#include <string>

namespace lbtrain {

/// Where and how output goes, decided by the front end.
struct Terminal {
  bool stdout_is_tty = false;
  bool no_color = false;  ///< NO_COLOR is set
};

/// Builds the plan the options ask for and returns its bytes in the chosen format.
std::string render_plan(const PlanOptions& options, const Terminal& terminal);

/// `lbtrain plan`: render, then write to stdout or atomically to --output.
void run_plan(const PlanOptions& options, const Terminal& terminal);

}  // namespace lbtrain
