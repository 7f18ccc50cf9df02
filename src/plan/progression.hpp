#pragma once
/// The week-by-week dose of one exercise under a progression scheme, on the plan's cycle.

#include "lbtrain/model/rules.hpp"

#include <optional>
#include <string>

namespace lbtrain {

/// Where a week falls for one exercise.
enum class Phase { enters, build, deload, new_block, steady };

/// "enters", "build", "deload", "new_block" or "steady".
std::string_view phase_name(Phase phase);

/// The dose of one exercise in one week.
struct WeekDose {
  int sets = 1;
  int value = 1;
  std::optional<Rir> rir;
  Phase phase = Phase::steady;
  std::string load;  ///< the load instruction, placeholders filled in
};

/// What the dose depends on besides the scheme and the exercise.
struct DoseContext {
  const Cycle* cycle = nullptr;
  std::string level;
  int extra_sets = 0;       ///< the level's extra sets, for schemes that build
  int extra_rir = 0;        ///< the level's extra reps in reserve
  int rir_floor = 0;        ///< the slot's least reserve, whatever the scheme climbs to
  bool loaded = false;      ///< the lifter can load the exercise (else the bodyweight texts)
  std::string start_load;   ///< {start_load}
  std::string add_load;     ///< {add_load}
};

/// The dose in plan week `week` (1-based) of an exercise that entered the plan in `first_week`.
/// At one load every added rep uses up a rep in reserve, so the reserve shown falls as the reps
/// rise within a block; an easier week comes for every exercise at the same time, the cycle's.
/// Without `with_load`, the load text is left empty (for callers that need only the numbers).
WeekDose dose_for_week(const Progression& progression, const Exercise& exercise, int week, int first_week,
                       const DoseContext& context, bool with_load = true);

/// The scheme's note for this exercise (its bodyweight note when it is done without load) with
/// every placeholder but {name} filled ("" if none), so notes that differ only in the name can
/// be said once for several exercises.
std::string progression_note(const Progression& progression, const Exercise& exercise, const DoseContext& context,
                             const Timing& timing);

/// Seconds one rep takes: the tempo's parts added up, else the timing's default.
int rep_seconds(const std::string& tempo, const Timing& timing);

}  // namespace lbtrain
