#pragma once
/// Turning picks into weeks of sessions: doses per week, which days each item is on, block
/// minimums, and an estimated duration per session.

#include "lbtrain/calendar.hpp"
#include "lbtrain/progression.hpp"
#include "lbtrain/selection.hpp"

#include <optional>
#include <string>
#include <vector>

namespace lbtrain {

/// An exercise named in a plan.
struct ExerciseRef {
  std::string id;
  std::string name;
};

/// One prescribed exercise in a session.
struct Prescription {
  ExerciseRef exercise;
  int sets = 1;
  DoseKind kind = DoseKind::reps;
  int value = 1;
  bool per_side = false;
  std::optional<Rir> rir;
  std::string tempo;
  int rest_seconds = 0;
  std::string load;
  std::vector<std::string> cues;
  std::string why;
  std::string source;
  std::vector<ExerciseRef> alternatives;
};

/// A warm-up, main or cool-down block.
struct SessionBlock {
  BlockKind kind = BlockKind::main;
  std::string title;
  std::vector<Prescription> items;
};

/// One training day.
struct Session {
  int day = 1;
  std::optional<int> weekday;  ///< 0 = Monday; known with --start or --on
  std::optional<Date> date;    ///< known with --start
  int estimated_minutes = 0;
  std::vector<SessionBlock> blocks;
};

/// One week of sessions.
struct Week {
  int number = 1;
  std::string note;  ///< e.g. an easier week; empty for an ordinary week
  std::vector<Session> sessions;
};

/// A goal as named in a plan.
struct PlanGoal {
  std::string id;
  std::string name;
  std::string description;
  std::vector<std::string> sources;
};

/// A complete plan: self-contained, so formatters need nothing else.
struct Plan {
  std::vector<PlanGoal> goals;
  int weeks = 0;
  int days = 0;
  std::string level;
  std::string equipment_spec;
  std::vector<std::string> equipment;
  std::string catalogue_origin;
  std::string rules_origin;
  std::map<std::string, std::string> sources;
  std::vector<Note> notes;
  std::optional<Date> start;       ///< --start
  std::vector<int> on;             ///< --on, as weekday indexes
  std::optional<int> at_minutes;   ///< --at
  int only_week = 0;               ///< --week; weeks_list then holds that week alone
  std::vector<Week> weeks_list;
};

/// Builds the weeks of a plan from the selection.
Plan build_plan(const DataSet& data, const Request& request, const Selection& selection);

/// Days (1-based) on which an item limited to `count` of `days` sessions is trained, spread out.
std::vector<int> spread_days(int days, int count);

}  // namespace lbtrain
