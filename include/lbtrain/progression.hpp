#pragma once
/// The week-by-week dose of one exercise under a progression scheme.

#include "lbtrain/rules.hpp"

#include <optional>
#include <string>

namespace lbtrain {

/// Where a week falls in a progression.
enum class Phase { steady, build, deload, new_block };

/// The dose of one exercise in one week.
struct WeekDose {
  int sets = 1;
  int value = 1;
  Phase phase = Phase::steady;
  std::string load;  ///< the load instruction, placeholders filled in
};

/// Computes week `week` (1-based, of the plan) of `progression` for `exercise` at `level`,
/// for an exercise that entered the plan in `first_week`.
WeekDose dose_for_week(const Progression& progression, const Exercise& exercise, int week,
                       const std::string& level, int first_week = 1);

/// The progression's note with its placeholders filled for this exercise, or "" if none.
std::string progression_note(const Progression& progression, const Exercise& exercise);

/// "3-5" for a reps-in-reserve range.
std::string format_rir(const Rir& rir);

}  // namespace lbtrain
