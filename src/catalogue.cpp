#include "lbtrain/catalogue.hpp"

#include "lbtrain/json_input.hpp"
#include "lbtrain/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <map>

namespace lbtrain {

std::string_view to_string(DoseKind kind) {
  switch (kind) {
    case DoseKind::reps: return "reps";
    case DoseKind::seconds: return "seconds";
    case DoseKind::breaths: return "breaths";
  }
  return "reps";
}

bool Exercise::has_tag(std::string_view tag) const {
  return std::find(tags.begin(), tags.end(), tag) != tags.end();
}

bool Exercise::works(std::string_view muscle) const {
  return std::find(primary_muscles.begin(), primary_muscles.end(), muscle) !=
         primary_muscles.end();
}

const Exercise* Catalogue::find(std::string_view id) const {
  auto it = std::lower_bound(exercises.begin(), exercises.end(), id,
                             [](const Exercise& e, std::string_view key) { return e.id < key; });
  return it != exercises.end() && it->id == id ? &*it : nullptr;
}

namespace {

bool is_kebab_case(const std::string& id) {
  if (id.empty() || id.front() == '-' || id.back() == '-') return false;
  char previous = 0;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
    if (!ok || (c == '-' && previous == '-')) return false;
    previous = c;
  }
  return true;
}

const std::vector<std::string> exercise_fields = {
    "id",    "name",     "aliases",  "category", "pattern", "primary_muscles", "secondary_muscles",
    "equipment", "level", "dose", "per_side", "loadable", "cues", "tags", "source"};

Dose read_dose(FieldReader& reader, const Vocabulary& vocabulary, const std::string& context,
               Diagnostics& diagnostics) {
  Dose dose;
  const auto& value = reader.member("dose");
  if (value.is_null()) return dose;
  FieldReader dose_reader(value, reader.pointer("dose"), context, diagnostics);
  dose_reader.reject_unknown({"kind", "sets", "value"});
  auto kind = dose_reader.word("kind", vocabulary.dose_kinds, "dose kind", true, "reps");
  dose.kind = kind == "seconds" ? DoseKind::seconds
              : kind == "breaths" ? DoseKind::breaths
                                  : DoseKind::reps;
  dose.sets = dose_reader.integer("sets", 1, 10, true, 1);
  dose.value = dose_reader.integer("value", 1, 600, true, 1);
  return dose;
}

Exercise read_exercise(const nlohmann::json& item, const std::string& pointer,
                       const Vocabulary& vocabulary, Diagnostics& diagnostics) {
  Exercise e;
  std::string id = id_of(item);
  std::string context = id.empty() ? "exercise" : fmt::format("exercise \"{}\"", id);
  FieldReader reader(item, pointer, context, diagnostics);
  reader.reject_unknown(exercise_fields);
  e.id = reader.string("id");
  if (!e.id.empty() && !is_kebab_case(e.id)) {
    reader.problem("id", "\"" + e.id + "\" is not kebab-case (lower-case words joined by '-')");
  }
  e.name = reader.string("name");
  e.aliases = reader.strings("aliases", false);
  e.category = reader.word("category", vocabulary.categories, "category");
  e.pattern = reader.word("pattern", vocabulary.patterns, "pattern");
  e.primary_muscles = reader.words("primary_muscles", vocabulary.muscles, "muscle");
  if (reader.has("primary_muscles") && reader.member("primary_muscles").empty()) {
    reader.problem("primary_muscles", "must name at least one muscle");
  }
  e.secondary_muscles = reader.words("secondary_muscles", vocabulary.muscles, "muscle", false);
  e.equipment = reader.words("equipment", vocabulary.equipment, "equipment");
  if (reader.has("equipment") && reader.member("equipment").empty()) {
    reader.problem("equipment", "must not be empty; use [\"none\"] for bodyweight");
  }
  e.level = reader.word("level", vocabulary.levels, "level");
  e.dose = read_dose(reader, vocabulary, context, diagnostics);
  e.per_side = reader.boolean("per_side");
  e.loadable = reader.boolean("loadable", false, false);
  e.cues = reader.strings("cues");
  if (reader.has("cues") && reader.member("cues").empty()) reader.problem("cues", "must hold at least one cue");
  e.tags = reader.strings("tags", false);
  e.source = reader.string("source");
  std::sort(e.tags.begin(), e.tags.end());
  return e;
}

}  // namespace

Catalogue parse_catalogue(std::string_view text, const std::string& origin,
                          const Vocabulary& vocabulary) {
  auto root = parse_json(text, origin);
  Diagnostics diagnostics(origin);
  Catalogue catalogue;
  catalogue.origin = origin;
  FieldReader top(root, "", "", diagnostics);
  top.reject_unknown({"format", "version", "sources", "exercises"});
  const auto& sources = top.member("sources", false);
  if (sources.is_object()) {
    for (const auto& [key, value] : sources.items()) {
      if (value.is_string()) catalogue.sources[key] = value.get<std::string>();
      else diagnostics.add("/sources/" + key, "expected a string");
    }
  }
  const auto& items = top.member("exercises");
  if (!items.is_null() && !items.is_array()) {
    top.problem("exercises", "expected an array of exercises");
  }
  std::map<std::string, std::size_t> first_index;
  if (items.is_array()) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      std::string pointer = "/exercises/" + std::to_string(i);
      Exercise e = read_exercise(items[i], pointer, vocabulary, diagnostics);
      if (e.id.empty()) continue;
      auto [it, inserted] = first_index.emplace(e.id, i);
      if (!inserted) {
        diagnostics.add(pointer + "/id", fmt::format("duplicate exercise id \"{}\" (first at /exercises/{})",
                                                     e.id, it->second));
        continue;
      }
      catalogue.exercises.push_back(std::move(e));
    }
  }
  diagnostics.throw_if_any();
  std::sort(catalogue.exercises.begin(), catalogue.exercises.end(),
            [](const Exercise& a, const Exercise& b) { return a.id < b.id; });
  return catalogue;
}

}  // namespace lbtrain
