#include "read/rules_reader.hpp"

#include "model/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace lbtrain::read {

using nlohmann::json;

namespace {

// Placeholders a load instruction and a progression's note may use (see progression.cpp).
const std::vector<std::string_view> load_placeholders{"rir", "rir_max", "block_start", "previous_block_start",
                                                      "start_load", "add_load", "start"};
const std::vector<std::string_view> note_placeholders{"name", "sets", "start", "block_end", "rir", "rir_end",
                                                      "rir_floor", "tempo", "build_weeks", "set_seconds"};

/// Seconds one rep takes at a tempo "3-1-2-1" (each part a digit, or X for explosive); nullopt
/// when the tempo is malformed.
std::optional<int> tempo_seconds(const std::string& tempo) {
  int total = 0;
  int parts = 0;
  bool digit_expected = true;
  for (char c : tempo) {
    if (digit_expected && (std::isdigit(static_cast<unsigned char>(c)) || c == 'X' || c == 'x')) {
      total += std::isdigit(static_cast<unsigned char>(c)) ? c - '0' : 1;
      ++parts;
      digit_expected = false;
    } else if (!digit_expected && c == '-') {
      digit_expected = true;
    } else {
      return std::nullopt;
    }
  }
  if (digit_expected || parts != 4) return std::nullopt;
  return std::max(1, total);
}

int per_kind(const std::map<DoseKind, int>& values, DoseKind kind, int fallback) {
  auto it = values.find(kind);
  return it == values.end() ? fallback : it->second;
}

}  // namespace

std::map<DoseKind, int> RulesReader::read_per_kind(FieldReader& reader, std::string_view key, int min, int max) {
  std::map<DoseKind, int> out;
  const auto& value = reader.member(key, false);
  if (value.is_null()) return out;
  FieldReader kinds(value, reader.pointer(key), "", diagnostics_);
  kinds.reject_unknown(vocabulary_.dose_kinds);
  for (DoseKind kind : {DoseKind::reps, DoseKind::seconds, DoseKind::breaths}) {
    std::string name(to_string(kind));
    if (kinds.has(name)) out[kind] = kinds.integer(name, min, max);
  }
  return out;
}

LevelText RulesReader::read_level_text(FieldReader& reader, std::string_view key, bool required) {
  LevelText text;
  const auto& value = reader.member(key, required);
  if (value.is_null()) return text;
  if (value.is_string()) {
    text.fallback = value.get<std::string>();
    check_placeholders(reader, key, text.fallback, load_placeholders);
    return text;
  }
  std::vector<std::string> known = vocabulary_.levels;
  known.push_back("default");
  FieldReader levels(value, reader.pointer(key), "", diagnostics_);
  levels.reject_unknown(known);
  text.fallback = levels.string("default");
  check_placeholders(levels, "default", text.fallback, load_placeholders);
  for (const auto& level : vocabulary_.levels) {
    if (!levels.has(level)) continue;
    text.by_level[level] = levels.string(level);
    check_placeholders(levels, level, text.by_level[level], load_placeholders);
  }
  return text;
}

LoadTexts RulesReader::read_load_texts(const json& value, const std::string& pointer, bool builds) {
  LoadTexts texts;
  FieldReader reader(value, pointer, "", diagnostics_);
  reader.reject_unknown({"first", "repeat", "deload", "increase"});
  texts.first = read_level_text(reader, "first", true);
  texts.repeat = read_level_text(reader, "repeat", true);
  texts.deload = read_level_text(reader, "deload", false);
  texts.increase = read_level_text(reader, "increase", builds);
  return texts;
}

namespace {

/// What a scheme asks must be possible: a tempo that is one, a ceiling for what grows, enough
/// reserve left at the end of a block, and no set longer than a set may last.
void check_progression_limits(FieldReader& reader, const Progression& p, int build_weeks, const Timing& timing) {
  std::optional<int> rep_seconds = timing.seconds_per_rep;
  if (!p.tempo.empty()) {
    rep_seconds = tempo_seconds(p.tempo);
    if (!rep_seconds) {
      reader.problem("tempo", fmt::format("\"{}\" is not a tempo; give four parts, each a digit or X, such as 3-1-2-1",
                                          p.tempo.substr(0, 40)));
    }
  }
  for (DoseKind kind : p.kinds) {
    bool grows = per_kind(p.step, kind, 0) > 0 || per_kind(p.next_block, kind, 0) > 0 ||
                 per_kind(p.next_block_bodyweight, kind, 0) > 0;
    if (grows && !p.max.count(kind)) {
      reader.problem("max", fmt::format("a scheme whose {} grow needs a ceiling for them", to_string(kind)));
    }
  }
  // At one load every added rep uses up a rep in reserve: the block must not ask for less
  // reserve than the scheme allows (an effort the lifter cannot reach).
  int climb = per_kind(p.step, DoseKind::reps, 0) * (build_weeks - 1);
  if (p.rir && p.start.count(DoseKind::reps) && p.max.count(DoseKind::reps)) {
    climb = std::min(climb, std::max(0, p.max.at(DoseKind::reps) - p.start.at(DoseKind::reps)));
  }
  if (p.rir && p.rir->min - climb < p.rir_floor) {
    reader.problem("rir", fmt::format("at one load the reserve falls by {} over a {}-week block, from {} to {}, "
                                      "below rir_floor {}; start with more in reserve or climb less",
                                      climb, build_weeks, p.rir->min, p.rir->min - climb, p.rir_floor));
  }
  if (rep_seconds && p.max.count(DoseKind::reps) && p.max.at(DoseKind::reps) * *rep_seconds > timing.max_set_seconds) {
    reader.problem("max", fmt::format("a set of {} reps at {} s a rep lasts {} s, over the {} s a set may last "
                                      "(timing.max_set_seconds); lower the ceiling or the tempo",
                                      p.max.at(DoseKind::reps), *rep_seconds,
                                      p.max.at(DoseKind::reps) * *rep_seconds, timing.max_set_seconds));
  }
  if (p.max.count(DoseKind::seconds) && p.max.at(DoseKind::seconds) > timing.max_set_seconds) {
    reader.problem("max", fmt::format("a hold of {} s is over the {} s a set may last (timing.max_set_seconds)",
                                      p.max.at(DoseKind::seconds), timing.max_set_seconds));
  }
}

}  // namespace

void RulesReader::read_progressions(FieldReader& top, Rules& rules) {
  const auto& progressions = top.member("progressions", base_ == nullptr);
  if (progressions.is_null()) return;
  if (!progressions.is_object()) {
    top.problem("progressions", "expected an object of schemes");
    return;
  }
  const int build_weeks = top.has("cycle") || !base_ ? rules.cycle.build_weeks : base_->cycle.build_weeks;
  const Timing& timing = top.has("timing") || !base_ ? rules.timing : base_->timing;
  for (const auto& [id, value] : progressions.items()) {
    std::string pointer = "/progressions/" + id;
    FieldReader reader(value, pointer, "progression \"" + id + "\"", diagnostics_);
    reader.reject_unknown({"description", "kinds", "needs_load", "load_steps", "sets", "start", "step", "deload", "next_block",
                           "next_block_bodyweight", "max", "rir",
                           "rir_floor", "rest_seconds", "tempo", "load", "note", "note_bodyweight", "source"});
    Progression p;
    p.id = id;
    p.description = reader.string("description");
    for (const auto& kind : reader.words("kinds", vocabulary_.dose_kinds, "dose kind")) {
      p.kinds.push_back(kind == "seconds" ? DoseKind::seconds : kind == "breaths" ? DoseKind::breaths : DoseKind::reps);
    }
    if (reader.has("kinds") && p.kinds.empty()) reader.problem("kinds", "needs at least one dose kind");
    if (reader.has("sets")) p.sets = reader.integer("sets", 1, 10);
    p.start = read_per_kind(reader, "start", 1, 600);
    p.step = read_per_kind(reader, "step", 0, 60);
    p.next_block = read_per_kind(reader, "next_block", 0, 120);
    p.next_block_bodyweight = read_per_kind(reader, "next_block_bodyweight", 0, 120);
    p.needs_load = reader.boolean("needs_load", false);
    p.load_steps = reader.boolean("load_steps", false);
    p.max = read_per_kind(reader, "max", 1, 600);
    if (reader.has("deload")) {
      FieldReader deload(reader.member("deload"), reader.pointer("deload"), "", diagnostics_);
      deload.reject_unknown({"sets_change"});
      p.deload_sets_change = deload.integer("sets_change", -5, -1, true, -1);
    }
    if (reader.has("rir")) {
      FieldReader rir(reader.member("rir"), reader.pointer("rir"), "", diagnostics_);
      rir.reject_unknown({"min", "max"});
      Rir range{rir.integer("min", 0, 10), rir.integer("max", 0, 10)};
      if (range.min > range.max) rir.problem("min", "is greater than max");
      p.rir = range;
    }
    p.rir_floor = reader.integer("rir_floor", 0, 10, false, 0);
    p.rest_seconds = reader.integer("rest_seconds", 0, 600);
    p.tempo = reader.string("tempo", false);
    check_progression_limits(reader, p, build_weeks, timing);
    const auto& load = reader.member("load");
    if (load.is_object()) {
      FieldReader load_reader(load, pointer + "/load", "", diagnostics_);
      load_reader.reject_unknown({"weighted", "bodyweight"});
      p.weighted = read_load_texts(load_reader.member("weighted"), pointer + "/load/weighted", p.builds());
      p.bodyweight = read_load_texts(load_reader.member("bodyweight"), pointer + "/load/bodyweight", p.builds());
      for (const auto* texts : {&p.weighted, &p.bodyweight}) {
        if (p.deload_sets_change && texts->deload.fallback.empty()) {
          load_reader.problem(texts == &p.weighted ? "weighted" : "bodyweight",
                              "a scheme with an easier week needs a \"deload\" load text");
        }
      }
    } else if (!load.is_null()) {
      reader.problem("load", "expected an object with \"weighted\" and \"bodyweight\" texts");
    }
    p.note = reader.string("note", false);
    check_placeholders(reader, "note", p.note, note_placeholders);
    p.note_bodyweight = reader.string("note_bodyweight", false);
    check_placeholders(reader, "note_bodyweight", p.note_bodyweight, note_placeholders);
    p.source = reader.string("source");
    progression_ids_.insert(id);
    rules.progressions.emplace(id, std::move(p));
  }
}

}  // namespace lbtrain::read
