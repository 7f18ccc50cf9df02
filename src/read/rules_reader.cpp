#include "read/rules_reader.hpp"
#include "lbtrain/read.hpp"

#include "read/json_locate.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>

namespace lbtrain::read {

using nlohmann::json;

std::vector<std::string> placeholders_in(std::string_view text) {
  std::vector<std::string> names;
  std::size_t pos = 0;
  while ((pos = text.find('{', pos)) != std::string_view::npos) {
    auto end = text.find('}', pos + 1);
    if (end == std::string_view::npos) break;
    names.emplace_back(text.substr(pos + 1, end - pos - 1));
    pos = end + 1;
  }
  return names;
}

RulesReader::RulesReader(const Vocabulary& vocabulary, Diagnostics& diagnostics, const Rules* base)
    : vocabulary_(vocabulary), diagnostics_(diagnostics), base_(base) {
  if (base_) {
    for (const auto& [key, text] : base_->sources) source_keys_.insert(key);
    for (const auto& [id, progression] : base_->progressions) progression_ids_.insert(id);
  }
}

Rules RulesReader::read(const json& root, const std::string& origin) {
  Rules rules;
  rules.origin = origin;
  FieldReader top(root, "", "", diagnostics_);
  top.reject_unknown({"format", "version", "sources", "timing", "cycle", "blocks", "defaults", "limits", "loading",
                      "levels", "levels_source", "texts", "guidance", "progressions", "goals", "screening",
                      "assessment", "adaptation"});
  read_version(top);
  read_sources(top, rules);
  read_timing(top, rules);
  read_cycle(top, rules);
  read_blocks(top, rules);
  read_levels(top, rules);
  rules.levels_source = top.string("levels_source", false);
  read_texts(top, rules);
  read_guidance(top, rules);
  read_loading(top, rules);
  // Progressions before everything that names one.
  read_progressions(top, rules);
  read_defaults(top, rules);
  read_limits(top, rules);
  read_goals(top, rules);
  read_screening(top, rules);
  read_assessment(top, rules);
  read_adaptation(top, rules);
  return rules;
}

void RulesReader::read_version(FieldReader& top) {
  if (!top.has("version")) return;
  int version = top.integer("version", 1, 1000);
  if (version != 0 && version != rules_format_version) {
    top.problem("version", fmt::format("this lbtrain reads rules format version {}, not {}; version 2 moved the "
                                       "block length into \"cycle\", replaced screening \"delay\" with \"phase_in\", "
                                       "gives each opposed goal a \"reason\" and each progression its dose \"kinds\" "
                                       "(see README, \"Catalogues and rules of your own\")",
                                       rules_format_version, version));
  }
}

void RulesReader::read_sources(FieldReader& top, Rules& rules) {
  const auto& sources = top.member("sources", false);
  if (sources.is_null()) return;
  if (!sources.is_object()) {
    top.problem("sources", "expected an object of source texts");
    return;
  }
  for (const auto& [key, value] : sources.items()) {
    if (!value.is_string()) {
      diagnostics_.add("/sources/" + key, "expected a string");
      continue;
    }
    rules.sources[key] = value.get<std::string>();
    source_keys_.insert(key);
  }
}

void RulesReader::read_timing(FieldReader& top, Rules& rules) {
  const auto& timing = top.member("timing", false);
  if (timing.is_null()) return;
  FieldReader reader(timing, "/timing", "timing", diagnostics_);
  reader.reject_unknown({"seconds_per_rep", "seconds_per_breath", "seconds_between_exercises", "max_set_seconds"});
  rules.timing.seconds_per_rep = reader.integer("seconds_per_rep", 1, 30, false, 3);
  rules.timing.seconds_per_breath = reader.integer("seconds_per_breath", 1, 30, false, 6);
  rules.timing.seconds_between_exercises = reader.integer("seconds_between_exercises", 0, 600, false, 30);
  rules.timing.max_set_seconds = reader.integer("max_set_seconds", 10, 600, false, 90);
}

void RulesReader::read_cycle(FieldReader& top, Rules& rules) {
  const auto& cycle = top.member("cycle", base_ == nullptr);
  if (cycle.is_null()) return;
  FieldReader reader(cycle, "/cycle", "cycle", diagnostics_);
  reader.reject_unknown({"build_weeks", "deload_extra_rir", "why", "source"});
  rules.cycle.build_weeks = reader.integer("build_weeks", 1, 12, true, 4);
  rules.cycle.deload_extra_rir = reader.integer("deload_extra_rir", 0, 5, false, 0);
  rules.cycle.why = reader.string("why", false);
  rules.cycle.source = reader.string("source");
}

BlockKind RulesReader::read_block_kind(FieldReader& reader, std::string_view key, bool required) {
  auto name = reader.word(key, {"warmup", "main", "cooldown"}, "block kind", required, "main");
  return name == "warmup" ? BlockKind::warmup : name == "cooldown" ? BlockKind::cooldown : BlockKind::main;
}

void RulesReader::read_blocks(FieldReader& top, Rules& rules) {
  const auto& blocks = top.member("blocks", base_ == nullptr);
  std::array<bool, 3> seen{};
  if (!blocks.is_array()) {
    if (!blocks.is_null()) top.problem("blocks", "expected an array of blocks");
    return;
  }
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    std::string pointer = "/blocks/" + std::to_string(i);
    FieldReader reader(blocks[i], pointer, "block", diagnostics_);
    reader.reject_unknown({"kind", "title", "min_minutes", "max_sets", "order", "extra", "why", "source"});
    if (!reader.has("kind")) {
      reader.problem("kind", "is missing");
      continue;
    }
    BlockKind kind = read_block_kind(reader, "kind", true);
    auto index = static_cast<std::size_t>(kind);
    if (seen[index]) {
      reader.problem("kind", fmt::format("block \"{}\" is defined twice", to_string(kind)));
      continue;
    }
    seen[index] = true;
    BlockRule& rule = rules.blocks[index];
    rule.kind = kind;
    rule.title = reader.string("title");
    rule.min_minutes = reader.integer("min_minutes", 0, 120, false, 0);
    rule.max_sets = reader.integer("max_sets", 1, 10, false, 0);
    rule.order = reader.words("order", vocabulary_.categories, "category", false);
    if (reader.has("extra")) {
      FieldReader er(reader.member("extra"), reader.pointer("extra"), "block extra", diagnostics_);
      er.reject_unknown({"select", "muscles_from"});
      rule.extra = read_selector(er.member("select"), er.pointer("select"), "block extra");
      rule.extra_muscles = er.word("muscles_from", {"strengthens", "stretches"}, "goal list");
    }
    rule.why = reader.string("why", false);
    rule.source = reader.string("source", false);
  }
  for (auto kind : all_block_kinds) {
    if (!seen[static_cast<std::size_t>(kind)]) {
      diagnostics_.add("/blocks", fmt::format("block \"{}\" is missing", to_string(kind)));
    }
  }
}

void RulesReader::read_defaults(FieldReader& top, Rules& rules) {
  const auto& defaults = top.member("defaults", base_ == nullptr);
  if (defaults.is_null()) return;
  FieldReader reader(defaults, "/defaults", "defaults", diagnostics_);
  reader.reject_unknown({"warmup", "main", "cooldown"});
  for (auto kind : all_block_kinds) {
    std::string key(to_string(kind));
    const auto& by_kind = reader.member(key);
    if (by_kind.is_null()) continue;
    FieldReader kinds(by_kind, reader.pointer(key), "defaults " + key, diagnostics_);
    kinds.reject_unknown(vocabulary_.dose_kinds);
    for (DoseKind dose : {DoseKind::reps, DoseKind::seconds, DoseKind::breaths}) {
      std::string name(to_string(dose));
      std::string id = kinds.string(name);
      check_progression(kinds, name, id);
      rules.defaults[static_cast<std::size_t>(kind)][dose] = id;
    }
  }
}

void RulesReader::read_limits(FieldReader& top, Rules& rules) {
  const auto& limits = top.member("limits", false);
  if (limits.is_null()) return;
  if (!limits.is_array()) {
    top.problem("limits", "expected an array of limits");
    return;
  }
  std::set<std::string> ids;
  for (std::size_t i = 0; i < limits.size(); ++i) {
    std::string pointer = "/limits/" + std::to_string(i);
    std::string context = "limit \"" + id_of(limits[i]) + "\"";
    FieldReader reader(limits[i], pointer, context, diagnostics_);
    reader.reject_unknown({"id", "select", "each", "building_only", "max_per_session", "max_days_per_week",
                           "rest_day_between", "why", "note", "source"});
    Limit limit;
    limit.id = reader.string("id");
    if (!limit.id.empty() && !ids.insert(limit.id).second) reader.problem("id", "duplicate limit id \"" + limit.id + "\"");
    if (reader.has("select")) limit.select = read_selector(reader.member("select"), pointer + "/select", context);
    limit.each = reader.boolean("each", false);
    limit.building_only = reader.boolean("building_only", false);
    if (reader.has("max_per_session")) limit.max_per_session = reader.integer("max_per_session", 1, 20);
    if (reader.has("max_days_per_week")) limit.max_days_per_week = reader.integer("max_days_per_week", 1, 7);
    limit.rest_day_between = reader.boolean("rest_day_between", false);
    if (!limit.max_per_session && !limit.max_days_per_week && !limit.rest_day_between) {
      reader.problem("max_per_session", "a limit needs max_per_session, max_days_per_week or rest_day_between");
    }
    limit.why = reader.string("why");
    limit.note = reader.string("note", false);
    check_placeholders(reader, "note", limit.note, {"list"});
    limit.source = reader.string("source");
    rules.limits.push_back(std::move(limit));
  }
}

void RulesReader::read_loading(FieldReader& top, Rules& rules) {
  const auto& loading = top.member("loading", base_ == nullptr);
  if (loading.is_null()) return;
  FieldReader reader(loading, "/loading", "loading", diagnostics_);
  reader.reject_unknown({"why", "implements", "implement_step", "held", "held_start"});
  rules.loading.why = reader.string("why", false);
  rules.loading.implement_step = reader.string("implement_step");
  rules.loading.held_start = reader.string("held_start");
  const auto& implements = reader.member("implements");
  if (implements.is_object()) {
    FieldReader items(implements, "/loading/implements", "loading", diagnostics_);
    items.reject_unknown(vocabulary_.equipment);
    for (const auto& item : vocabulary_.equipment) {
      if (items.has(item)) rules.loading.implements[item] = items.string(item);
    }
  }
  const auto& held = reader.member("held");
  if (held.is_array()) {
    for (std::size_t i = 0; i < held.size(); ++i) {
      FieldReader item(held[i], "/loading/held/" + std::to_string(i), "loading", diagnostics_);
      item.reject_unknown({"equipment", "load"});
      std::string equipment = item.word("equipment", vocabulary_.equipment, "equipment");
      std::string load = item.string("load");
      if (!equipment.empty()) rules.loading.held.emplace_back(equipment, load);
    }
  } else if (!held.is_null()) {
    reader.problem("held", "expected an array of {equipment, load}");
  }
}

void RulesReader::read_levels(FieldReader& top, Rules& rules) {
  const auto& levels = top.member("levels", false);
  if (levels.is_null()) return;
  FieldReader reader(levels, "/levels", "levels", diagnostics_);
  reader.reject_unknown(vocabulary_.levels);
  for (const auto& level : vocabulary_.levels) {
    if (!reader.has(level)) continue;
    FieldReader lr(reader.member(level), reader.pointer(level), "level \"" + level + "\"", diagnostics_);
    lr.reject_unknown({"text", "extra_sets", "extra_rir", "move_up"});
    LevelRule rule;
    rule.text = lr.string("text");
    rule.extra_sets = lr.integer("extra_sets", 0, 3, false, 0);
    rule.extra_rir = lr.integer("extra_rir", 0, 5, false, 0);
    if (lr.has("move_up")) {
      FieldReader mr(lr.member("move_up"), lr.pointer("move_up"), "level \"" + level + "\" move_up", diagnostics_);
      mr.reject_unknown({"after_blocks", "to"});
      rule.move_up_after_blocks = mr.integer("after_blocks", 1, 12);
      rule.move_up_to = mr.word("to", vocabulary_.levels, "level");
      if (!rule.move_up_to.empty() &&
          vocabulary_.level_rank(rule.move_up_to) <= vocabulary_.level_rank(level)) {
        mr.problem("to", "must be a harder level than \"" + level + "\"");
      }
    }
    rules.levels[level] = std::move(rule);
  }
}

void RulesReader::read_texts(FieldReader& top, Rules& rules) {
  const auto& texts = top.member("texts", base_ == nullptr);
  if (texts.is_null()) return;
  FieldReader reader(texts, "/texts", "texts", diagnostics_);
  std::vector<std::string> known;
  for (const auto& t : text_templates()) known.emplace_back(t.id);
  reader.reject_unknown(known);
  for (const auto& t : text_templates()) {
    std::string id(t.id);
    if (!reader.has(id)) {
      if (!base_) reader.problem(id, "is missing");
      continue;
    }
    std::string text = reader.string(id);
    check_placeholders(reader, id, text, t.placeholders);
    rules.texts[id] = std::move(text);
  }
}

void RulesReader::read_guidance(FieldReader& top, Rules& rules) {
  const auto& guidance = top.member("guidance", false);
  if (guidance.is_null()) return;
  if (!guidance.is_array()) {
    top.problem("guidance", "expected an array");
    return;
  }
  for (std::size_t i = 0; i < guidance.size(); ++i) {
    std::string pointer = "/guidance/" + std::to_string(i);
    FieldReader reader(guidance[i], pointer, "guidance \"" + id_of(guidance[i]) + "\"", diagnostics_);
    reader.reject_unknown({"id", "topic", "when", "text", "short", "source"});
    Guidance g;
    g.id = reader.string("id");
    g.topic = reader.word("topic", {"safety", "effort", "progression", "schedule"}, "topic");
    const auto& names = guidance_when_names();
    std::string when = reader.word("when", names, "condition", true, "always");
    auto it = std::find(names.begin(), names.end(), when);
    g.when = static_cast<GuidanceWhen>(it == names.end() ? 0 : it - names.begin());
    g.text = reader.string("text");
    check_placeholders(reader, "text", g.text, {"build_weeks"});
    g.short_text = reader.string("short", false);
    g.source = reader.string("source");
    rules.guidance.push_back(std::move(g));
  }
}

Selector RulesReader::read_selector(const json& value, const std::string& pointer, const std::string& context) {
  Selector s;
  FieldReader reader(value, pointer, context, diagnostics_);
  reader.reject_unknown({"tags", "any_tags", "muscles", "pattern", "category", "equipment", "ids", "loadable"});
  s.tags = reader.strings("tags", false);
  s.any_tags = reader.strings("any_tags", false);
  s.muscles = reader.words("muscles", vocabulary_.muscles, "muscle", false);
  s.pattern = reader.words("pattern", vocabulary_.patterns, "pattern", false);
  s.category = reader.words("category", vocabulary_.categories, "category", false);
  s.equipment = reader.words("equipment", vocabulary_.equipment, "equipment", false);
  s.ids = reader.strings("ids", false);
  if (reader.has("loadable")) s.loadable = reader.boolean("loadable");
  bool empty = s.tags.empty() && s.any_tags.empty() && s.muscles.empty() && s.pattern.empty() &&
               s.category.empty() && s.equipment.empty() && s.ids.empty() && !s.loadable;
  if (empty && value.is_object()) diagnostics_.add(pointer, context + ": a selector needs at least one criterion");
  return s;
}

void RulesReader::check_source_list(FieldReader& reader, const std::vector<std::string>& keys) {
  for (const auto& key : keys) {
    if (!source_keys_.count(key)) {
      std::vector<std::string> known(source_keys_.begin(), source_keys_.end());
      reader.problem("sources", "unknown source \"" + key + "\"" + did_you_mean(key, known));
    }
  }
}

void RulesReader::check_progression(FieldReader& reader, std::string_view key, const std::string& id) {
  if (!id.empty() && !progression_ids_.count(id)) {
    std::vector<std::string> known(progression_ids_.begin(), progression_ids_.end());
    reader.problem(key, "unknown progression \"" + id + "\"" + did_you_mean(id, known));
  }
}

void RulesReader::check_placeholders(FieldReader& reader, std::string_view key, const std::string& text,
                                     const std::vector<std::string_view>& allowed) {
  for (const auto& name : placeholders_in(text)) {
    if (std::find(allowed.begin(), allowed.end(), name) != allowed.end()) continue;
    std::vector<std::string> names(allowed.begin(), allowed.end());
    reader.problem(key, fmt::format("unknown placeholder \"{{{}}}\"{}", name,
                                    names.empty() ? "; this text takes none"
                                                  : did_you_mean(name, names) + "; allowed: " + join(names, ", ")));
  }
}

Slot RulesReader::read_slot(const json& value, const std::string& pointer, const std::string& owner) {
  Slot slot;
  std::string context = owner + " slot";
  if (!id_of(value).empty()) context += " \"" + id_of(value) + "\"";
  FieldReader reader(value, pointer, context, diagnostics_);
  reader.reject_unknown({"id", "why", "select", "prefer", "fallback", "progression", "max_days_per_week", "rir_floor",
                         "while_held",
                         "source"});
  slot.id = reader.string("id");
  slot.why = reader.string("why");
  slot.select = read_selector(reader.member("select"), pointer + "/select", context);
  slot.prefer = reader.strings("prefer", false);
  if (reader.has("fallback")) {
    FieldReader fr(reader.member("fallback"), reader.pointer("fallback"), context + " fallback", diagnostics_);
    fr.reject_unknown({"select", "prefer"});
    slot.fallback = read_selector(fr.member("select"), fr.pointer("select"), context + " fallback");
    slot.fallback_prefer = fr.strings("prefer", false);
  }
  slot.while_held = reader.boolean("while_held", false);
  slot.progression = reader.string("progression");
  check_progression(reader, "progression", slot.progression);
  if (reader.has("max_days_per_week")) slot.max_days_per_week = reader.integer("max_days_per_week", 1, 7);
  if (reader.has("rir_floor")) slot.rir_floor = reader.integer("rir_floor", 0, 5);
  slot.source = reader.string("source");
  return slot;
}

std::vector<Exclusion> RulesReader::read_exclusions(FieldReader& reader, const std::string& pointer,
                                                    const std::string& context) {
  std::vector<Exclusion> out;
  const auto& exclude = reader.member("exclude", false);
  if (exclude.is_null()) return out;
  if (!exclude.is_array()) {
    reader.problem("exclude", "expected an array of exclusions");
    return out;
  }
  for (std::size_t j = 0; j < exclude.size(); ++j) {
    std::string ep = pointer + "/exclude/" + std::to_string(j);
    FieldReader er(exclude[j], ep, context, diagnostics_);
    er.reject_unknown({"id", "select", "reason", "source"});
    Exclusion ex;
    ex.id = er.string("id");
    ex.select = read_selector(er.member("select"), ep + "/select", context);
    ex.reason = er.string("reason");
    ex.source = er.string("source");
    out.push_back(std::move(ex));
  }
  return out;
}

}  // namespace lbtrain::read

namespace lbtrain {

Rules read_rules(std::string_view text, const std::string& origin, const Vocabulary& vocabulary,
                 Diagnostics& diagnostics, const Rules* base) {
  auto root = parse_json(text, origin);
  // One index for every problem: a file with thousands of problems is not scanned once each.
  auto positions = std::make_shared<JsonPositions>(text);
  diagnostics.set_locator([positions](const std::string& pointer) { return positions->locate(pointer); });
  Rules rules = read::RulesReader(vocabulary, diagnostics, base).read(root, origin);
  if (root.is_object()) {
    for (const auto& item : root.items()) rules.sections.push_back(item.key());
  }
  if (root.is_object() && root.contains("format") && root["format"] != "lbtrain-rules") {
    diagnostics.add("/format", root["format"] == "lbtrain-catalogue"
                                   ? "this is a catalogue, not a rules file; pass it with --catalog"
                                   : "expected \"lbtrain-rules\"");
  }
  diagnostics.set_locator({});
  return rules;
}

Rules parse_rules(std::string_view text, const std::string& origin, const Vocabulary& vocabulary, const Rules* base) {
  Diagnostics diagnostics(origin);
  Rules rules = read_rules(text, origin, vocabulary, diagnostics, base);
  diagnostics.throw_if_any();
  if (base) rules = layer_rules(*base, std::move(rules));
  for (const auto& problem : check_complete_rules(rules)) diagnostics.add_line(origin + ": " + problem);
  diagnostics.throw_if_any();
  return rules;
}

}  // namespace lbtrain
