#pragma once
/// Reading catalogues written for other tools. Each foreign format has a mapping file in
/// data/import/ that turns its muscles, equipment, levels and categories into lbtrain's
/// vocabulary and derives what it lacks (pattern, tags, dose) from names and attributes.

#include "lbtrain/model/catalogue.hpp"
#include "read/json_input.hpp"

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace lbtrain {

/// What a derivation rule changes.
struct ImportChange {
  std::optional<std::string> category;
  std::optional<std::string> pattern;
  std::optional<std::vector<std::string>> equipment;
  std::optional<Dose> dose;
  std::optional<bool> per_side;
  std::optional<bool> loadable;
  std::optional<std::vector<std::string>> tags;  ///< replaces the tags so far
  std::vector<std::string> add_tags;
  std::vector<std::string> add_primary_muscles;
  std::vector<std::string> add_safety;  ///< safety cues to add
};

/// A derivation rule: when every condition holds, the change applies. Rules apply in order,
/// so a later rule overrides an earlier one.
struct ImportRule {
  std::string why;
  std::vector<std::string> name_contains;  ///< any of, case-insensitive
  std::vector<std::string> name_lacks;     ///< none of, case-insensitive
  std::map<std::string, std::vector<std::string>> fields;  ///< source field -> any of its values ("null" for null)
  std::vector<std::string> muscles;  ///< source muscles, primary or secondary, any of
  std::vector<std::string> primary;  ///< source primary muscles, any of
  std::optional<bool> loadable;
  ImportChange change;
};

/// A mapping from a foreign catalogue format onto lbtrain's vocabulary.
struct ImportMapping {
  std::string from;
  std::string source_key;
  std::string source_text;
  std::map<std::string, std::vector<std::string>> muscles;
  std::map<std::string, std::vector<std::string>> equipment;
  std::map<std::string, std::string> levels;
  std::vector<std::string> loadable_equipment;
  std::string default_category;
  std::string default_pattern;
  Dose default_dose;
  std::string missing_cue;
  std::vector<ImportRule> rules;
};

/// Parses and checks a mapping file.
ImportMapping parse_import_mapping(std::string_view text, const std::string& origin, const Vocabulary& vocabulary);

/// The built-in mapping for free-exercise-db (data/import/free-exercise-db.json).
const ImportMapping& free_exercise_db_mapping(const Vocabulary& vocabulary);

/// Converts free-exercise-db records one at a time, keeping ids unique.
class FreeExerciseDbImporter {
 public:
  /// Whether an exercise already has this id (the catalogue being read knows).
  using IdTaken = std::function<bool(std::string_view id)>;
  FreeExerciseDbImporter(const ImportMapping& mapping, IdTaken taken);
  /// The exercise for one record, or nothing when the record is unusable (problems recorded).
  std::optional<Exercise> convert(const nlohmann::json& record, const std::string& pointer, Diagnostics& diagnostics);

 private:
  const ImportMapping& mapping_;
  IdTaken taken_;
  std::vector<std::string> muscle_names_, equipment_names_, level_names_;  ///< the mapping's keys
  /// The next number to try after each base id: one name repeated 10,000 times is numbered in
  /// one pass, not by trying 2, 3, ... again for each record.
  std::unordered_map<std::string, int> next_number_;
};

}  // namespace lbtrain
