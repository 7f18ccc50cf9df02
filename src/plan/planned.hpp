#pragma once
// The planner's working state, shared by its three parts: plan_phase.cpp (what each exercise of
// a phase follows and which sessions it is on), planner.cpp (the weeks) and plan_notes.cpp (the
// notes that explain them).

#include "lbtrain/plan.hpp"
#include "plan/progression.hpp"
#include "plan/schedule.hpp"

#include <set>
#include <string>
#include <vector>

namespace lbtrain::plan {

/// One exercise of a phase, with everything its weekly prescription is computed from.
struct PlannedItem {
  const Pick* pick = nullptr;  ///< nullptr for a drill added to reach a block's minimum
  const Exercise* exercise = nullptr;
  BlockKind block = BlockKind::main;
  const Progression* progression = nullptr;
  std::string slot_progression;  ///< the progression alternatives follow (by their own kind)
  int first_week = 1;            ///< the week it entered the plan under this progression
  DoseContext context;
  std::string caution;
  std::vector<int> days;         ///< the sessions (1-based) it is on
  int extra_sets = 0;            ///< a short warm-up's or cool-down's drills grow by this
};

/// One selection phase, planned: its items in the order they are trained.
struct PlannedPhase {
  const SelectionPhase* phase = nullptr;
  int last_week = 0;
  std::vector<PlannedItem> items;
  std::vector<Note> notes;
  std::set<int> heard;                    ///< answers whose dose change or caution applies here
  std::vector<std::pair<const ActiveDose*, const Exercise*>> dose_changes;  ///< applied here
  std::array<std::vector<std::string>, 3> added;  ///< per block, drills added to reach the minimum
  std::array<int, 3> seconds{};           ///< per block, its length in the phase's first week
};

/// The items of a phase: progressions (a screening dose change wins over the slot's), entry
/// weeks carried over from the phase before, sessions within the rules' limits, warm-up and
/// cool-down grown to their minimum.
PlannedPhase plan_phase(const DataSet& data, const Request& request, const Screened& screened,
                        const SelectionPhase& phase, int last_week, const PlannedPhase* before,
                        const std::vector<int>& offsets, const std::vector<std::string>& labels);

/// The prescription of an item in plan week `week`.
Prescription prescribe(const PlannedItem& item, int week, const DataSet& data, const Request& request);

/// Seconds an item takes, rest and change-over included (saturating: never overflows).
int item_seconds(const Prescription& item, const Timing& timing);

/// The week's note: an easier week, a new block, exercises entering or a level moving up.
std::string week_note(const Rules& rules, const PlannedPhase& phase, int week);

/// Every note of the plan, in reading order, and the short reminders a printed sheet carries.
void write_notes(Plan& plan, const DataSet& data, const Request& request, const Screened& screened,
                 const Selection& selection, const std::vector<PlannedPhase>& phases);

}  // namespace lbtrain::plan
