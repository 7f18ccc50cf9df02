#pragma once
/// The exercise catalogue: what each exercise is, what it trains and needs, how it is dosed.

#include "lbtrain/model/vocabulary.hpp"
#include "lbtrain/model/words.hpp"

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace lbtrain {

/// How an exercise is counted.
enum class DoseKind { reps, seconds, breaths };

/// "reps", "seconds" or "breaths".
std::string_view to_string(DoseKind kind);

/// A default prescription: sets of reps, seconds held, or breaths.
struct Dose {
  DoseKind kind = DoseKind::reps;
  int sets = 1;
  int value = 1;
};

/// One exercise of the catalogue. Its vocabulary words are interned and its sentences held in
/// one allocation each (lbtrain/words.hpp): a catalogue takes about the memory of its file.
struct Exercise {
  std::string id;
  std::string name;
  Dose dose;
  bool per_side = false;
  bool loadable = false;  ///< whether external load is added (else bodyweight only)
  Word category;
  Word pattern;
  Word level;
  WordList primary_muscles;
  WordList secondary_muscles;
  WordList equipment;  ///< everything it needs; "none" needs nothing
  WordList tags;       ///< sorted
  TextList aliases;
  TextList cues;
  TextList safety;  ///< cues that keep the lower back safe, shown in every format
  std::string source;

  bool has_tag(std::string_view tag) const;
  bool works(std::string_view muscle) const;  ///< primary muscle
};

/// A validated catalogue, exercises sorted by id so nothing depends on file order.
struct Catalogue {
  std::string origin;
  std::map<std::string, std::string> sources;
  std::vector<Exercise> exercises;

  /// The exercise with this id, or nullptr.
  const Exercise* find(std::string_view id) const;
};

/// How a catalogue file is written.
enum class CatalogueFormat {
  automatic,         ///< told apart by content: an object is lbtrain's, an array free-exercise-db's
  lbtrain,           ///< {"format": "lbtrain-catalogue", "exercises": [...]}
  free_exercise_db,  ///< the array of records of free-exercise-db
};

/// "auto", "lbtrain", "free-exercise-db": the --catalog-format names.
const std::vector<std::string>& catalogue_format_names();
/// Parses a --catalog-format name; throws a usage Error naming `where`.
CatalogueFormat parse_catalogue_format(const std::string& name, const std::string& where = "--catalog-format");

/// Layers catalogues: a later one adds exercises and replaces earlier ones with the same id.
Catalogue merge_catalogues(std::vector<Catalogue> layers);

}  // namespace lbtrain
