#include "log/exercise_index.hpp"

#include <algorithm>

namespace lbtrain::log {

Catalogue builtin_log_catalogue() {
  Catalogue catalogue;
  catalogue.origin = "builtin exercises.json";
  for (const auto& indexed : builtin_exercise_index()) {
    Exercise e;
    e.id = indexed.id;
    e.name = indexed.name;
    e.aliases = std::vector<std::string>(indexed.aliases.begin(), indexed.aliases.end());
    e.dose.kind = indexed.kind;
    e.per_side = indexed.per_side;
    catalogue.exercises.push_back(std::move(e));
  }
  std::sort(catalogue.exercises.begin(), catalogue.exercises.end(),
            [](const Exercise& a, const Exercise& b) { return a.id < b.id; });
  return catalogue;
}

}  // namespace lbtrain::log
