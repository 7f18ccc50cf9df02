#pragma once
/// The commands as recipes: parse options -> load data -> resolve -> select -> plan -> format
/// -> write. The command-line layer fills the options and calls these.

#include "lbtrain/error.hpp"
#include "lbtrain/format.hpp"
#include "lbtrain/plan.hpp"
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

/// A plan built from options, or screening's refusal, and the rules it was made by.
/// Exercises a rest day must separate (a limit's `rest_day_between`).
struct SpacedGroup {
  std::string limit;
  bool each = false;           ///< each exercise alone (the same exercise on both days)
  bool building_only = false;  ///< only exercises whose dose builds week to week
  std::set<std::string> ids;   ///< the exercises counted together (not for `each`)
};

struct Built {
  std::optional<Plan> plan;
  std::optional<Refusal> refusal;
  Rules rules;  ///< the rules, layered (a program adapts by their "adaptation")
  /// For each limit that keeps a rest day between sessions: the ids of the exercises it counts
  /// together (empty for a limit on each exercise alone), so a program keeps it when sessions slip.
  std::vector<SpacedGroup> spaced;
  /// Each exercise of the plan (and its alternatives) -> its equipment, for a program's load steps.
  std::map<std::string, std::vector<std::string>> equipment;
  /// Each exercise of the catalogue -> its slot: its category, movement pattern, dose kind, sides
  /// and whether it takes a load ("isolation/hip-extension/reps/both/loadable"); a program counts
  /// one logged in place of a plan's exercise of the same slot.
  std::map<std::string, std::string> slots;
};

/// Loads the data the options name, resolves the request and screens it, then selects and plans.
Built build_from_options(const PlanOptions& options, const OutputOptions& output);

/// A plan in the chosen output format.
std::string format_plan(const Plan& plan, const OutputOptions& output, const TextStyle& style);

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
