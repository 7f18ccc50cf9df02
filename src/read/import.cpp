#include "read/import.hpp"

#include "read/dose_reader.hpp"

#include "read/embedded.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace lbtrain {

using nlohmann::json;

namespace {

/// "3_4_Sit-Up" -> "3-4-sit-up": lower-case words joined by '-'.
std::string kebab_case(std::string_view text) {
  std::string out;
  for (char c : ascii_lower(text)) {
    bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (word) out += c;
    else if (!out.empty() && out.back() != '-') out += '-';
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out;
}

ImportChange read_change(const json& rule, const std::string& pointer, const Vocabulary& vocabulary,
                         Diagnostics& diagnostics) {
  ImportChange change;
  FieldReader outer(rule, pointer, "", diagnostics);
  change.add_tags = outer.strings("add_tags", false);
  change.add_primary_muscles = outer.words("add_primary_muscles", vocabulary.muscles, "muscle", false);
  change.add_safety = outer.strings("add_safety", false);
  const json& set = outer.member("set", false);
  if (set.is_null()) return change;
  FieldReader reader(set, pointer + "/set", "", diagnostics);
  reader.reject_unknown({"category", "pattern", "equipment", "dose", "per_side", "loadable", "tags"});
  if (reader.has("category")) change.category = reader.word("category", vocabulary.categories, "category");
  if (reader.has("pattern")) change.pattern = reader.word("pattern", vocabulary.patterns, "pattern");
  if (reader.has("equipment")) change.equipment = reader.words("equipment", vocabulary.equipment, "equipment");
  if (reader.has("per_side")) change.per_side = reader.boolean("per_side");
  if (reader.has("loadable")) change.loadable = reader.boolean("loadable");
  if (reader.has("tags")) change.tags = reader.strings("tags");
  if (reader.has("dose")) change.dose = read_dose(reader, vocabulary, "", diagnostics);
  return change;
}

std::string field_text(const json& record, const std::string& key) {
  auto it = record.find(key);
  if (it == record.end() || it->is_null()) return "null";
  return it->is_string() ? it->get<std::string>() : std::string();
}

bool contains_any(const std::string& haystack, const std::vector<std::string>& needles) {
  return std::any_of(needles.begin(), needles.end(),
                     [&](const std::string& n) { return haystack.find(n) != std::string::npos; });
}

bool in(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

void add_unique(std::vector<std::string>& list, const std::string& value) {
  if (!in(list, value)) list.push_back(value);
}

}  // namespace

ImportMapping parse_import_mapping(std::string_view text, const std::string& origin, const Vocabulary& vocabulary) {
  json root = parse_json(text, origin);
  Diagnostics diagnostics(origin);
  FieldReader top(root, "", "", diagnostics);
  top.reject_unknown({"format", "version", "from", "source", "muscles", "equipment", "levels", "loadable_equipment",
                      "defaults", "missing_cue", "rules"});
  ImportMapping m;
  m.from = top.string("from");
  FieldReader source(top.member("source"), "/source", "", diagnostics);
  m.source_key = source.string("key");
  m.source_text = source.string("text");
  auto read_map = [&](const char* key, const std::vector<std::string>& allowed, const char* what) {
    std::map<std::string, std::vector<std::string>> out;
    const json& object = top.member(key);
    if (!object.is_object()) return out;
    FieldReader reader(object, std::string("/") + key, "", diagnostics);
    for (const auto& item : object.items()) out[item.key()] = reader.words(item.key(), allowed, what);
    return out;
  };
  m.muscles = read_map("muscles", vocabulary.muscles, "muscle");
  m.equipment = read_map("equipment", vocabulary.equipment, "equipment");
  const json& levels = top.member("levels");
  if (levels.is_object()) {
    FieldReader reader(levels, "/levels", "", diagnostics);
    for (const auto& item : levels.items()) m.levels[item.key()] = reader.word(item.key(), vocabulary.levels, "level");
  }
  m.loadable_equipment = top.words("loadable_equipment", vocabulary.equipment, "equipment");
  FieldReader defaults(top.member("defaults"), "/defaults", "", diagnostics);
  m.default_category = defaults.word("category", vocabulary.categories, "category");
  m.default_pattern = defaults.word("pattern", vocabulary.patterns, "pattern");
  m.default_dose = read_dose(defaults, vocabulary, "", diagnostics);
  m.missing_cue = top.string("missing_cue");
  const json& rules = top.member("rules");
  if (rules.is_array()) {
    for (std::size_t i = 0; i < rules.size(); ++i) {
      std::string pointer = "/rules/" + std::to_string(i);
      FieldReader reader(rules[i], pointer, "", diagnostics);
      reader.reject_unknown({"why", "when", "set", "add_tags", "add_primary_muscles", "add_safety"});
      ImportRule rule;
      rule.why = reader.string("why");
      FieldReader when(reader.member("when"), pointer + "/when", "", diagnostics);
      const json& conditions = reader.member("when");
      if (conditions.is_object()) {
        for (const auto& item : conditions.items()) {
          const std::string& key = item.key();
          if (key == "loadable") rule.loadable = when.boolean(key);
          else if (key == "name_contains" || key == "name_lacks") {
            auto values = when.strings(key);
            for (auto& v : values) v = ascii_lower(v);
            (key == "name_contains" ? rule.name_contains : rule.name_lacks) = values;
          } else if (key == "muscles") rule.muscles = when.strings(key);
          else if (key == "primary") rule.primary = when.strings(key);
          else if (key == "category" || key == "mechanic" || key == "force" || key == "equipment" || key == "level") {
            rule.fields[key] = when.strings(key);
          } else {
            when.problem(key, "is not a known condition" +
                                  did_you_mean(key, {"name_contains", "name_lacks", "category", "mechanic", "force",
                                                     "equipment", "level", "muscles", "primary", "loadable"}));
          }
        }
      }
      rule.change = read_change(rules[i], pointer, vocabulary, diagnostics);
      m.rules.push_back(std::move(rule));
    }
  }
  diagnostics.throw_if_any();
  return m;
}

const ImportMapping& free_exercise_db_mapping(const Vocabulary& vocabulary) {
  static const ImportMapping mapping = parse_import_mapping(
      embedded::import_free_exercise_db(), "builtin import/free-exercise-db.json", vocabulary);
  return mapping;
}

FreeExerciseDbImporter::FreeExerciseDbImporter(const ImportMapping& mapping, IdTaken taken)
    : mapping_(mapping), taken_(std::move(taken)) {
  for (const auto& [name, to] : mapping.muscles) muscle_names_.push_back(name);
  for (const auto& [name, to] : mapping.equipment) equipment_names_.push_back(name);
  for (const auto& [name, to] : mapping.levels) level_names_.push_back(name);
}

namespace {

/// An exercise while the mapping and its rules are applied, in plain strings; compacted once
/// it is done.
struct Draft {
  std::string category, pattern, level;
  std::vector<std::string> primary_muscles, secondary_muscles, equipment, tags, safety;
  Dose dose;
  bool per_side = false;
  bool loadable = false;
};

/// The mapping's derivation rules, in order: a later rule overrides an earlier one.
void apply_rules(const ImportMapping& mapping, const json& record, const std::string& name,
                 const std::vector<std::string>& primary, const std::vector<std::string>& secondary, Draft& d) {
  for (const auto& rule : mapping.rules) {
    if (!rule.name_contains.empty() && !contains_any(name, rule.name_contains)) continue;
    if (contains_any(name, rule.name_lacks)) continue;
    bool fields_match = std::all_of(rule.fields.begin(), rule.fields.end(), [&](const auto& condition) {
      return in(condition.second, field_text(record, condition.first));
    });
    if (!fields_match) continue;
    auto any_in = [](const std::vector<std::string>& wanted, const std::vector<std::string>& have) {
      return wanted.empty() ||
             std::any_of(wanted.begin(), wanted.end(), [&](const std::string& w) { return in(have, w); });
    };
    if (!any_in(rule.primary, primary)) continue;
    if (!rule.muscles.empty() && !any_in(rule.muscles, primary) && !any_in(rule.muscles, secondary)) continue;
    if (rule.loadable && *rule.loadable != d.loadable) continue;
    const ImportChange& c = rule.change;
    if (c.category) d.category = *c.category;
    if (c.pattern) d.pattern = *c.pattern;
    if (c.equipment) d.equipment = *c.equipment;
    if (c.dose) d.dose = *c.dose;
    if (c.per_side) d.per_side = *c.per_side;
    if (c.loadable) d.loadable = *c.loadable;
    if (c.tags) d.tags = *c.tags;
    for (const auto& tag : c.add_tags) add_unique(d.tags, tag);
    for (const auto& cue : c.add_safety) add_unique(d.safety, cue);
    for (const auto& muscle : c.add_primary_muscles) {
      add_unique(d.primary_muscles, muscle);
      d.secondary_muscles.erase(std::remove(d.secondary_muscles.begin(), d.secondary_muscles.end(), muscle),
                                d.secondary_muscles.end());
    }
  }
}

}  // namespace

std::optional<Exercise> FreeExerciseDbImporter::convert(const json& record, const std::string& pointer,
                                                        Diagnostics& diagnostics) {
  std::string given_id = id_of(record);
  std::string context = given_id.empty() ? "record" : fmt::format("record \"{}\"", given_id);
  FieldReader reader(record, pointer, context, diagnostics);
  if (!record.is_object()) return std::nullopt;
  reader.reject_unknown({"id", "name", "force", "level", "mechanic", "equipment", "primaryMuscles",
                         "secondaryMuscles", "instructions", "category", "images"});
  std::size_t problems_before = diagnostics.count();
  Exercise e;
  e.name = reader.string("name");
  std::string source_id = reader.string("id", false);
  // The source's own words, checked against what the mapping knows.
  std::vector<std::string> primary = reader.words("primaryMuscles", muscle_names_, "free-exercise-db muscle");
  std::vector<std::string> secondary = reader.words("secondaryMuscles", muscle_names_, "free-exercise-db muscle", false);
  auto nullable_word = [&](const char* key, const std::vector<std::string>& allowed, const char* what) {
    if (!reader.has(key) || reader.member(key).is_null()) return std::string("null");
    return reader.word(key, allowed, what);
  };
  std::string equipment = nullable_word("equipment", equipment_names_, "free-exercise-db equipment");
  std::string level = reader.word("level", level_names_, "free-exercise-db level");
  reader.string("category");
  for (const char* key : {"mechanic", "force"}) {
    if (reader.has(key) && !reader.member(key).is_null() && !reader.member(key).is_string()) {
      reader.problem(key, "expected a string or null");
    }
  }
  std::vector<std::string> instructions = reader.strings("instructions", false);
  if (diagnostics.count() != problems_before || e.name.empty()) return std::nullopt;

  // Base mapping.
  Draft d;
  for (const auto& m : primary) {
    for (const auto& to : mapping_.muscles.at(m)) add_unique(d.primary_muscles, to);
  }
  for (const auto& m : secondary) {
    for (const auto& to : mapping_.muscles.at(m)) {
      if (!in(d.primary_muscles, to)) add_unique(d.secondary_muscles, to);
    }
  }
  d.equipment = mapping_.equipment.at(equipment);
  d.level = mapping_.levels.at(level);
  d.category = mapping_.default_category;
  d.pattern = mapping_.default_pattern;
  d.dose = mapping_.default_dose;
  d.loadable = std::any_of(d.equipment.begin(), d.equipment.end(),
                           [&](const std::string& item) { return in(mapping_.loadable_equipment, item); });

  apply_rules(mapping_, record, ascii_lower(e.name), primary, secondary, d);
  std::sort(d.tags.begin(), d.tags.end());
  instructions.erase(std::remove(instructions.begin(), instructions.end(), std::string()), instructions.end());
  if (instructions.empty()) instructions.push_back(mapping_.missing_cue);

  e.category = Word(d.category);
  e.pattern = Word(d.pattern);
  e.level = Word(d.level);
  e.primary_muscles = d.primary_muscles;
  e.secondary_muscles = d.secondary_muscles;
  e.equipment = d.equipment;
  e.tags = d.tags;
  e.safety = d.safety;
  e.cues = instructions;
  e.dose = d.dose;
  e.per_side = d.per_side;
  e.loadable = d.loadable;
  std::string base = kebab_case(source_id.empty() ? e.name : source_id);
  if (base.empty()) base = "exercise";
  e.id = base;
  if (taken_(e.id)) {
    int& next = next_number_.try_emplace(base, 2).first->second;
    do e.id = fmt::format("{}-{}", base, next++);
    while (taken_(e.id));
  }
  e.source = fmt::format("{}: {}", mapping_.source_key, source_id.empty() ? e.name : source_id);
  return e;
}

}  // namespace lbtrain
