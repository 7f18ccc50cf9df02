#pragma once
// The built-in catalogue as the training log needs it (id, name, aliases, dose kind, per side),
// compiled in from data/exercises.json at build time (cmake/exercise_index.cmake): `lbtrain log`
// finds an exercise without parsing the whole catalogue at every start.

#include "lbtrain/model/catalogue.hpp"

#include <vector>

namespace lbtrain::log {

struct IndexedExercise {
  const char* id;
  const char* name;
  std::vector<const char*> aliases;
  DoseKind kind;
  bool per_side;
};

/// Generated: every exercise of data/exercises.json, in file order.
const std::vector<IndexedExercise>& builtin_exercise_index();

/// The index as a catalogue holding only those fields (sorted by id, as catalogues are).
Catalogue builtin_log_catalogue();

}  // namespace lbtrain::log
