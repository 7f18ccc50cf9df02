#pragma once
/// Browsing the knowledge base: which exercises pass a filter (`lbtrain exercises`), and
/// everything about one exercise (`lbtrain exercises show`): who uses it, what rules it out,
/// what could take its place. The listings are printed by the formatters (format.hpp).

#include "lbtrain/catalogue.hpp"
#include "lbtrain/data_set.hpp"

#include <string>
#include <utility>
#include <vector>

namespace lbtrain {

/// Filters of `lbtrain exercises`; an empty filter matches everything.
struct ExerciseFilter {
  std::string muscle;     ///< works this muscle (primary or secondary)
  std::string equipment;  ///< can be done with this equipment list or preset
  std::string category;
  std::string goal;       ///< selected by one of the goal's slots and not excluded by it
};

/// The exercises that pass the filter, by id; throws a usage Error for an unknown value.
std::vector<const Exercise*> filter_exercises(const DataSet& data, const ExerciseFilter& filter);

/// Where a goal's slot selects an exercise.
struct ExerciseUse {
  const Goal* goal = nullptr;
  BlockKind block = BlockKind::main;
  const Slot* slot = nullptr;
  int preference = 0;  ///< 1-based position in the slot's preferences, 0 when not listed
};

/// Everything about one exercise.
struct ExerciseDetails {
  const Exercise* exercise = nullptr;
  std::string source_text;  ///< the catalogue's text for the exercise's source key
  std::vector<ExerciseUse> uses;
  std::vector<std::pair<std::string, std::string>> excluded_by;  ///< who, why: goals and screening answers
  std::vector<const Exercise*> alternatives;  ///< up to 8, sharing most slots
};

/// Describes the exercise `id`; throws a usage Error with a suggestion for an unknown id.
ExerciseDetails describe_exercise(const DataSet& data, const std::string& id);

}  // namespace lbtrain
