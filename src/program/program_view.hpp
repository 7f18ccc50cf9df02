#pragma once
// A saved program rebuilt and adapted to the log, as of a date: the stage between the store
// (program_store, the log's sets) and the formatters.

#include "lbtrain/format.hpp"
#include "lbtrain/log.hpp"
#include "lbtrain/plan.hpp"
#include "lbtrain/program.hpp"
#include "lbtrain/model/rules.hpp"
#include "log/day_marks.hpp"
#include "program/exercise_track.hpp"

#include <set>
#include <string>
#include <vector>

namespace lbtrain::program {

/// What adapting needs besides the plan: the log's working sets (oldest first), the program's
/// start and identity, the date, and the load steps.
struct AdaptInput {
  std::vector<LoggedSet> sets;
  std::string start;       ///< YYYY-MM-DD
  std::string started;     ///< the first day
  std::int64_t id = 0;
  Date date;
  Increments increments;
  std::vector<SpacedGroup> spaced;  ///< the plan's rest-day rules, kept as the sessions are lived
  std::map<std::string, std::vector<std::string>> equipment;  ///< exercise id -> its equipment
  std::map<std::string, std::string> slots;  ///< exercise id -> its slot (category/pattern/...)
  std::vector<log::DayMark> marks;       ///< mornings after, warning signs, clearances (to the date)
  std::set<std::string> hold_ids;            ///< loaded lower-back work, held by the pain rule
  Timing timing;                             ///< to time a session again when the pain rule takes work out
};

/// Adapts `plan` (the saved program's plan, every week) to the log by `adaptation`.
ProgramView adapt_program(Plan plan, const Adaptation& adaptation, const AdaptInput& input);

/// The view's next session as a plan of one week with one session (the plan's JSON schema);
/// nullopt when every session is done.
std::optional<Plan> next_session_plan(const ProgramView& view);

}  // namespace lbtrain::program
