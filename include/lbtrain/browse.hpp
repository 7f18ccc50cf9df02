#pragma once
/// Browsing the knowledge base (`lbtrain goals`, `lbtrain exercises`, `exercises show`) and
/// checking data files (`lbtrain catalog validate`).

#include "lbtrain/catalogue.hpp"
#include "lbtrain/data_set.hpp"

#include <string>
#include <vector>

namespace lbtrain {

/// `lbtrain goals`: each goal, its aliases, what it strengthens, stretches and avoids.
std::string format_goals(const DataSet& data, bool json, bool compact = false);

/// Filters of `lbtrain exercises`; an empty filter matches everything.
struct ExerciseFilter {
  std::string muscle;     ///< works this muscle (primary or secondary)
  std::string equipment;  ///< can be done with this equipment list or preset
  std::string category;
  std::string goal;       ///< selected by one of the goal's slots and not excluded by it
};

/// The exercises that pass the filter, by id; throws a usage Error for an unknown value.
std::vector<const Exercise*> filter_exercises(const DataSet& data, const ExerciseFilter& filter);

/// `lbtrain exercises`: a table (text) or an array of exercises (JSON).
std::string format_exercise_list(const std::vector<const Exercise*>& exercises, bool json, bool compact = false);

/// `lbtrain exercises show ID`: everything about one exercise, which goals use it, which
/// screening rules exclude it, and its alternatives. Throws a usage Error for an unknown id.
std::string format_exercise_details(const DataSet& data, const std::string& id, bool json, bool compact = false);

/// The result of checking data files.
struct ValidationReport {
  std::vector<std::string> lines;  ///< one per problem, "FILE:LINE:COLUMN: /pointer: message", then a summary per file
  std::size_t files_with_problems = 0;
};

/// `lbtrain catalog validate FILE...`: every problem of every file in one run. A file is a
/// catalogue (either format) or a rules file, told apart by its content; rules are also
/// checked against the catalogues given with them (or the built-in one) for tags and
/// exercises nothing defines.
ValidationReport validate_files(const std::vector<std::string>& paths, CatalogueFormat format);

}  // namespace lbtrain
