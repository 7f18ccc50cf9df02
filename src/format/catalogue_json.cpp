// A catalogue as lbtrain-catalogue JSON: what `lbtrain catalog import` writes.

#include "format/catalogue_json.hpp"
#include "lbtrain/format.hpp"

namespace lbtrain {

namespace format {

nlohmann::ordered_json exercise_json(const Exercise& e) {
  using ordered = nlohmann::ordered_json;
  ordered item = ordered::object();
  item["id"] = e.id;
  item["name"] = e.name;
  if (!e.aliases.empty()) item["aliases"] = e.aliases;
  item["category"] = e.category;
  item["pattern"] = e.pattern;
  item["primary_muscles"] = e.primary_muscles;
  item["secondary_muscles"] = e.secondary_muscles;
  item["equipment"] = e.equipment;
  item["level"] = e.level;
  item["dose"] = {{"kind", std::string(to_string(e.dose.kind))}, {"sets", e.dose.sets}, {"value", e.dose.value}};
  item["per_side"] = e.per_side;
  item["loadable"] = e.loadable;
  item["cues"] = e.cues;
  if (!e.safety.empty()) item["safety"] = e.safety;
  item["tags"] = e.tags;
  item["source"] = e.source;
  return item;
}

}  // namespace format

std::string format_catalogue(const Catalogue& catalogue) {
  using ordered = nlohmann::ordered_json;
  ordered exercises = ordered::array();
  for (const auto& e : catalogue.exercises) exercises.push_back(format::exercise_json(e));
  ordered root = ordered::object();
  root["format"] = "lbtrain-catalogue";
  root["version"] = 1;
  root["sources"] = catalogue.sources;
  root["exercises"] = std::move(exercises);
  return root.dump(2, ' ', false, ordered::error_handler_t::replace) + "\n";
}

}  // namespace lbtrain
