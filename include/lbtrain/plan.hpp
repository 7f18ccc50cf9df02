#pragma once
/// Turning the picks into weeks of sessions: each exercise's progression and dose per week, the
/// sessions it is on, warm-ups and cool-downs that reach their minimum, the order of the main
/// block, an estimated duration per block and session, and the notes that explain it all.

#include "lbtrain/model/plan.hpp"
#include "lbtrain/screen.hpp"
#include "lbtrain/model/rules.hpp"
#include "lbtrain/select.hpp"

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace lbtrain {

/// Builds the weeks of a plan from the screened request and its selection.
Plan build_plan(const DataSet& data, const Request& request, const Screened& screened, const Selection& selection);


/// Exercises a rest day must separate (a limit's `rest_day_between`).
struct SpacedGroup {
  std::string limit;
  bool each = false;           ///< each exercise alone (the same exercise on both days)
  bool building_only = false;  ///< only exercises whose dose builds week to week
  std::set<std::string> ids;   ///< the exercises counted together (not for `each`)
};

/// A plan built from options, or screening's refusal, and the rules it was made by.
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

/// What a build is for: a plan to print (`lbtrain plan`) needs neither the slots, the equipment
/// nor the spaced groups; a program (`start`, `next`, `program`) needs them all.
enum class BuiltFor { plan, program };

/// Loads the data the options name, resolves the request and screens it, then selects and plans.
Built build_from_options(const PlanOptions& options, const OutputOptions& output, BuiltFor use = BuiltFor::program);

}  // namespace lbtrain
