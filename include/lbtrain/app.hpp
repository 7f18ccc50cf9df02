#pragma once
/// The commands as recipes: parse options -> load data -> resolve -> select -> plan -> format
/// -> write. The command-line layer fills the options and calls these.

#include "lbtrain/error.hpp"
#include "lbtrain/format.hpp"
#include "lbtrain/plan.hpp"
#include "lbtrain/planner.hpp"
#include "lbtrain/request.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace lbtrain {

/// Where and how output goes, decided by the front end.
struct Terminal {
  bool stdout_is_tty = false;
  bool stderr_is_tty = false;   ///< -o then says on standard error what it wrote
  bool no_color = false;        ///< NO_COLOR is set (and not empty)
  bool clicolor_force = false;  ///< CLICOLOR_FORCE is set to something other than 0
  int columns = 0;              ///< the terminal's width, when standard output is one
};

/// How text output looks for these options on this terminal: colour with --color always, or
/// with auto on a terminal (or CLICOLOR_FORCE) unless NO_COLOR is set; the terminal's width
/// (60 to 160 columns) on a terminal, 80 columns otherwise.
TextStyle text_style(const OutputOptions& output, const Terminal& terminal);

/// What `lbtrain plan` produced: the plan's bytes, or a refusal's.
struct Rendered {
  std::string bytes;
  bool refused = false;
  /// Safety rules the --rules layers weakened (Rules::warnings), for standard error.
  std::vector<std::string> warnings;
  /// What the plan holds, as -o reports it: "4 weeks, 12 sessions" ("" for a refusal).
  std::string summary;
};

/// Builds the plan the options ask for and returns its bytes in the chosen format; when
/// screening refuses a plan, the refusal in that format instead.
Rendered render_plan(const PlanOptions& options, const Terminal& terminal);

}  // namespace lbtrain
