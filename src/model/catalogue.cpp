#include "lbtrain/model/catalogue.hpp"

#include "lbtrain/model/error.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>
#include <optional>

namespace lbtrain {

std::string_view to_string(DoseKind kind) {
  switch (kind) {
    case DoseKind::reps: return "reps";
    case DoseKind::seconds: return "seconds";
    case DoseKind::breaths: return "breaths";
  }
  return "reps";
}

bool Exercise::has_tag(std::string_view tag) const { return tags.contains(tag); }

bool Exercise::works(std::string_view muscle) const { return primary_muscles.contains(muscle); }

const Exercise* Catalogue::find(std::string_view id) const {
  auto it = std::lower_bound(exercises.begin(), exercises.end(), id,
                             [](const Exercise& e, std::string_view key) { return e.id < key; });
  return it != exercises.end() && it->id == id ? &*it : nullptr;
}

const std::vector<std::string>& catalogue_format_names() {
  static const std::vector<std::string> names{"auto", "lbtrain", "free-exercise-db"};
  return names;
}

CatalogueFormat parse_catalogue_format(const std::string& name, const std::string& where) {
  const auto& names = catalogue_format_names();
  if (name == "auto") return CatalogueFormat::automatic;
  if (name == "lbtrain") return CatalogueFormat::lbtrain;
  if (name == "free-exercise-db") return CatalogueFormat::free_exercise_db;
  usage_error(unknown_value_message(where, "catalogue format", name, names, names));
}

Catalogue merge_catalogues(std::vector<Catalogue> layers) {
  if (layers.size() == 1) return std::move(layers.front());
  Catalogue merged;
  std::map<std::string, Exercise> by_id;
  std::vector<std::string> origins;
  for (auto& layer : layers) {
    origins.push_back(layer.origin);
    for (auto& [key, text] : layer.sources) merged.sources[key] = text;
    for (auto& e : layer.exercises) by_id.insert_or_assign(e.id, std::move(e));
  }
  merged.origin = join(origins, " + ");
  merged.exercises.reserve(by_id.size());
  for (auto& [id, e] : by_id) merged.exercises.push_back(std::move(e));
  return merged;
}

}  // namespace lbtrain
