#include "lbtrain/rules.hpp"

#include "lbtrain/json_input.hpp"
#include "lbtrain/json_stream.hpp"
#include "lbtrain/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <set>

namespace lbtrain {

using nlohmann::json;

std::string_view to_string(BlockKind kind) {
  switch (kind) {
    case BlockKind::warmup: return "warmup";
    case BlockKind::main: return "main";
    case BlockKind::cooldown: return "cooldown";
  }
  return "main";
}

namespace {

bool contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool any_of(const std::vector<std::string>& wanted, const std::vector<std::string>& have) {
  return std::any_of(wanted.begin(), wanted.end(),
                     [&](const std::string& w) { return contains(have, w); });
}

std::string lowercase(std::string_view text) {
  std::string out(text);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

bool Selector::matches(const Exercise& e) const {
  if (!ids.empty() && !contains(ids, e.id)) return false;
  if (!category.empty() && !contains(category, e.category)) return false;
  if (!pattern.empty() && !contains(pattern, e.pattern)) return false;
  if (!muscles.empty() && !any_of(muscles, e.primary_muscles)) return false;
  if (!equipment.empty() && !any_of(equipment, e.equipment)) return false;
  if (!any_tags.empty() && !any_of(any_tags, e.tags)) return false;
  for (const auto& tag : tags) {
    if (!e.has_tag(tag)) return false;
  }
  return true;
}

int Selector::muscle_score(const Exercise& e) const {
  return static_cast<int>(std::count_if(muscles.begin(), muscles.end(),
                                        [&](const std::string& m) { return e.works(m); }));
}

const std::string& LevelText::for_level(const std::string& level) const {
  auto it = by_level.find(level);
  return it == by_level.end() ? fallback : it->second;
}

const ScreeningChoice* Screening::find_choice(std::string_view choice) const {
  for (const auto& c : choices) {
    if (c.id == choice) return &c;
  }
  return nullptr;
}

const Answer* Question::find_answer(std::string_view answer) const {
  for (const auto& a : answers) {
    if (a.id == answer) return &a;
  }
  return nullptr;
}

const Screening* Rules::find_screening(std::string_view id) const {
  for (const auto& s : screening) {
    if (s.id == id) return &s;
  }
  return nullptr;
}

const Goal* Rules::find_goal(std::string_view name) const {
  std::string wanted = lowercase(name);
  for (const auto& goal : goals) {
    if (goal.id == wanted) return &goal;
  }
  for (const auto& goal : goals) {
    for (const auto& alias : goal.aliases) {
      if (lowercase(alias) == wanted) return &goal;
    }
  }
  return nullptr;
}

namespace {

class RulesReader {
 public:
  RulesReader(const Vocabulary& vocabulary, Diagnostics& diagnostics, const Rules* base)
      : vocabulary_(vocabulary), diagnostics_(diagnostics), base_(base) {
    if (base_) {
      for (const auto& [key, text] : base_->sources) source_keys_.insert(key);
      for (const auto& [id, progression] : base_->progressions) progression_ids_.insert(id);
    }
  }

  Rules read(const json& root, const std::string& origin) {
    Rules rules;
    rules.origin = origin;
    FieldReader top(root, "", "", diagnostics_);
    top.reject_unknown({"format", "version", "sources", "timing", "blocks", "recovery", "levels", "levels_source",
                        "progressions", "goals", "screening", "assessment"});
    read_sources(top, rules);
    read_timing(top, rules);
    read_blocks(top, rules);
    read_recovery(top, rules);
    read_levels(top, rules);
    rules.levels_source = top.string("levels_source", false);
    read_progressions(top, rules);
    read_goals(top, rules);
    read_screening(top, rules);
    read_assessment(top, rules);
    return rules;
  }

 private:
  const Vocabulary& vocabulary_;
  Diagnostics& diagnostics_;
  const Rules* base_;  ///< the rules this file is layered on, if any
  std::set<std::string> source_keys_;
  std::set<std::string> progression_ids_;

  void read_sources(FieldReader& top, Rules& rules) {
    const auto& sources = top.member("sources", false);
    if (!sources.is_object()) return;
    for (const auto& [key, value] : sources.items()) {
      if (!value.is_string()) {
        diagnostics_.add("/sources/" + key, "expected a string");
        continue;
      }
      rules.sources[key] = value.get<std::string>();
      source_keys_.insert(key);
    }
  }

  void read_timing(FieldReader& top, Rules& rules) {
    const auto& timing = top.member("timing", false);
    if (timing.is_null()) return;
    FieldReader reader(timing, "/timing", "timing", diagnostics_);
    reader.reject_unknown({"seconds_per_rep", "seconds_per_breath", "seconds_between_exercises"});
    rules.timing.seconds_per_rep = reader.integer("seconds_per_rep", 1, 30, false, 3);
    rules.timing.seconds_per_breath = reader.integer("seconds_per_breath", 1, 30, false, 6);
    rules.timing.seconds_between_exercises =
        reader.integer("seconds_between_exercises", 0, 600, false, 30);
  }

  void read_blocks(FieldReader& top, Rules& rules) {
    const auto& blocks = top.member("blocks", base_ == nullptr);
    std::array<bool, 3> seen{};
    if (blocks.is_array()) {
      for (std::size_t i = 0; i < blocks.size(); ++i) {
        std::string pointer = "/blocks/" + std::to_string(i);
        FieldReader reader(blocks[i], pointer, "block", diagnostics_);
        reader.reject_unknown({"kind", "title", "min_minutes", "why", "source"});
        auto kind_name = reader.word("kind", {"warmup", "main", "cooldown"}, "block kind");
        if (kind_name.empty()) continue;
        auto kind = kind_name == "warmup" ? BlockKind::warmup
                    : kind_name == "main" ? BlockKind::main
                                          : BlockKind::cooldown;
        auto index = static_cast<std::size_t>(kind);
        if (seen[index]) {
          reader.problem("kind", "block \"" + kind_name + "\" is defined twice");
          continue;
        }
        seen[index] = true;
        BlockRule& rule = rules.blocks[index];
        rule.kind = kind;
        rule.title = reader.string("title");
        rule.min_minutes = reader.integer("min_minutes", 0, 120, false, 0);
        rule.why = reader.string("why", false);
        rule.source = reader.string("source", false);
      }
    } else if (!blocks.is_null()) {
      top.problem("blocks", "expected an array of blocks");
    }
    for (auto kind : all_block_kinds) {
      if (!seen[static_cast<std::size_t>(kind)] && blocks.is_array()) {
        diagnostics_.add("/blocks", fmt::format("block \"{}\" is missing", to_string(kind)));
      }
    }
  }

  void read_recovery(FieldReader& top, Rules& rules) {
    const auto& recovery = top.member("recovery", false);
    if (recovery.is_null()) return;
    FieldReader reader(recovery, "/recovery", "recovery", diagnostics_);
    reader.reject_unknown({"text", "source"});
    rules.recovery.text = reader.string("text");
    rules.recovery.source = reader.string("source");
  }

  void read_levels(FieldReader& top, Rules& rules) {
    const auto& levels = top.member("levels", false);
    if (levels.is_null()) return;
    FieldReader reader(levels, "/levels", "levels", diagnostics_);
    reader.reject_unknown(vocabulary_.levels);
    for (const auto& level : vocabulary_.levels) {
      if (reader.has(level)) rules.levels[level] = reader.string(level);
    }
  }

  std::map<DoseKind, int> read_per_kind(FieldReader& reader, std::string_view key, int min,
                                        int max) {
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

  LevelText read_level_text(FieldReader& reader, std::string_view key, bool required) {
    LevelText text;
    const auto& value = reader.member(key, required);
    if (value.is_null()) return text;
    if (value.is_string()) {
      text.fallback = value.get<std::string>();
      return text;
    }
    std::vector<std::string> known = vocabulary_.levels;
    known.push_back("default");
    FieldReader levels(value, reader.pointer(key), "", diagnostics_);
    levels.reject_unknown(known);
    text.fallback = levels.string("default");
    for (const auto& level : vocabulary_.levels) {
      if (levels.has(level)) text.by_level[level] = levels.string(level);
    }
    return text;
  }

  LoadTexts read_load_texts(const json& value, const std::string& pointer, bool in_blocks) {
    LoadTexts texts;
    FieldReader reader(value, pointer, "", diagnostics_);
    reader.reject_unknown({"first", "repeat", "deload", "increase"});
    texts.first = read_level_text(reader, "first", true);
    texts.repeat = read_level_text(reader, "repeat", true);
    texts.deload = read_level_text(reader, "deload", in_blocks);
    texts.increase = read_level_text(reader, "increase", in_blocks);
    return texts;
  }

  void read_progressions(FieldReader& top, Rules& rules) {
    const auto& progressions = top.member("progressions", base_ == nullptr);
    if (!progressions.is_object()) {
      if (!progressions.is_null()) top.problem("progressions", "expected an object of schemes");
      return;
    }
    for (const auto& [id, value] : progressions.items()) {
      std::string pointer = "/progressions/" + id;
      FieldReader reader(value, pointer, "progression \"" + id + "\"", diagnostics_);
      reader.reject_unknown({"description", "sets", "start", "step", "block_weeks", "deload",
                             "next_block", "max", "rir", "rest_seconds", "tempo", "load", "note",
                             "source"});
      Progression p;
      p.id = id;
      p.description = reader.string("description");
      if (reader.has("sets")) p.sets = reader.integer("sets", 1, 10);
      p.start = read_per_kind(reader, "start", 1, 600);
      p.step = read_per_kind(reader, "step", 0, 60);
      p.block_weeks = reader.integer("block_weeks", 0, 12);
      if (reader.has("deload")) {
        FieldReader deload(reader.member("deload"), reader.pointer("deload"), "", diagnostics_);
        deload.reject_unknown({"sets_change"});
        p.deload_sets_change = deload.integer("sets_change", -5, 0);
      }
      p.next_block = read_per_kind(reader, "next_block", 0, 120);
      p.max = read_per_kind(reader, "max", 1, 600);
      if (reader.has("rir")) {
        FieldReader rir(reader.member("rir"), reader.pointer("rir"), "", diagnostics_);
        rir.reject_unknown({"min", "max"});
        Rir range{rir.integer("min", 0, 10), rir.integer("max", 0, 10)};
        if (range.min > range.max) rir.problem("min", "is greater than max");
        p.rir = range;
      }
      p.rest_seconds = reader.integer("rest_seconds", 0, 600);
      p.tempo = reader.string("tempo", false);
      const auto& load = reader.member("load");
      if (load.is_object()) {
        FieldReader load_reader(load, pointer + "/load", "", diagnostics_);
        load_reader.reject_unknown({"weighted", "bodyweight"});
        bool blocks = p.block_weeks > 0;
        p.weighted = read_load_texts(load_reader.member("weighted"), pointer + "/load/weighted", blocks);
        p.bodyweight =
            read_load_texts(load_reader.member("bodyweight"), pointer + "/load/bodyweight", blocks);
      } else if (!load.is_null()) {
        reader.problem("load", "expected an object with \"weighted\" and \"bodyweight\" texts");
      }
      p.note = reader.string("note", false);
      p.source = reader.string("source");
      progression_ids_.insert(id);
      rules.progressions.emplace(id, std::move(p));
    }
  }

  Selector read_selector(const json& value, const std::string& pointer, const std::string& context) {
    Selector s;
    FieldReader reader(value, pointer, context, diagnostics_);
    reader.reject_unknown({"tags", "any_tags", "muscles", "pattern", "category", "equipment", "ids"});
    s.tags = reader.strings("tags", false);
    s.any_tags = reader.strings("any_tags", false);
    s.muscles = reader.words("muscles", vocabulary_.muscles, "muscle", false);
    s.pattern = reader.words("pattern", vocabulary_.patterns, "pattern", false);
    s.category = reader.words("category", vocabulary_.categories, "category", false);
    s.equipment = reader.words("equipment", vocabulary_.equipment, "equipment", false);
    s.ids = reader.strings("ids", false);
    bool empty = s.tags.empty() && s.any_tags.empty() && s.muscles.empty() && s.pattern.empty() &&
                 s.category.empty() && s.equipment.empty() && s.ids.empty();
    if (empty && value.is_object()) {
      diagnostics_.add(pointer, context + ": a selector needs at least one criterion");
    }
    return s;
  }

  void check_source_list(FieldReader& reader, const std::vector<std::string>& keys) {
    for (const auto& key : keys) {
      if (!source_keys_.count(key)) {
        std::vector<std::string> known(source_keys_.begin(), source_keys_.end());
        reader.problem("sources", "unknown source \"" + key + "\"" + did_you_mean(key, known));
      }
    }
  }

  Slot read_slot(const json& value, const std::string& pointer, const std::string& owner) {
    Slot slot;
    std::string context = owner + " slot";
    if (!id_of(value).empty()) context += " \"" + id_of(value) + "\"";
    FieldReader reader(value, pointer, context, diagnostics_);
    reader.reject_unknown({"id", "why", "select", "prefer", "progression", "max_days_per_week", "source"});
    slot.id = reader.string("id");
    slot.why = reader.string("why");
    slot.select = read_selector(reader.member("select"), pointer + "/select", context);
    slot.prefer = reader.strings("prefer", false);
    slot.progression = reader.string("progression");
    check_progression(reader, "progression", slot.progression);
    if (reader.has("max_days_per_week")) slot.max_days_per_week = reader.integer("max_days_per_week", 1, 7);
    slot.source = reader.string("source");
    return slot;
  }

  std::vector<Exclusion> read_exclusions(FieldReader& reader, const std::string& pointer,
                                         const std::string& context) {
    std::vector<Exclusion> out;
    const auto& exclude = reader.member("exclude", false);
    if (exclude.is_array()) {
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
    } else if (!exclude.is_null()) {
      reader.problem("exclude", "expected an array of exclusions");
    }
    return out;
  }

  void check_progression(FieldReader& reader, std::string_view key, const std::string& id) {
    if (!id.empty() && !progression_ids_.count(id)) {
      std::vector<std::string> known(progression_ids_.begin(), progression_ids_.end());
      reader.problem(key, "unknown progression \"" + id + "\"" + did_you_mean(id, known));
    }
  }

  ScreeningEffect read_effect(FieldReader& reader, const std::string& pointer, const std::string& context) {
    ScreeningEffect effect;
    if (reader.has("refuse")) {
      FieldReader rr(reader.member("refuse"), pointer + "/refuse", context, diagnostics_);
      rr.reject_unknown({"text", "source"});
      effect.refuse = SourcedText{rr.string("text"), rr.string("source")};
    }
    effect.exclude = read_exclusions(reader, pointer, context + " exclusion");
    const auto& add = reader.member("add", false);
    if (add.is_array()) {
      for (std::size_t j = 0; j < add.size(); ++j) {
        std::string ap = pointer + "/add/" + std::to_string(j);
        FieldReader ar(add[j], ap, context, diagnostics_);
        ar.reject_unknown({"block", "slot"});
        SlotAddition addition;
        auto block = ar.word("block", {"warmup", "main", "cooldown"}, "block kind", true, "main");
        addition.block = block == "warmup" ? BlockKind::warmup : block == "cooldown" ? BlockKind::cooldown : BlockKind::main;
        addition.slot = read_slot(ar.member("slot"), ap + "/slot", context);
        effect.add.push_back(std::move(addition));
      }
    }
    if (reader.has("delay")) {
      FieldReader dr(reader.member("delay"), pointer + "/delay", context + " delay", diagnostics_);
      dr.reject_unknown({"select", "until_week", "min_plan_weeks", "reason", "source"});
      Delay delay;
      delay.select = read_selector(dr.member("select"), pointer + "/delay/select", context + " delay");
      delay.until_week = dr.integer("until_week", 2, 52, true, 2);
      delay.min_plan_weeks = dr.integer("min_plan_weeks", 1, 52, false, delay.until_week);
      delay.reason = dr.string("reason");
      delay.source = dr.string("source");
      effect.delay = std::move(delay);
    }
    const auto& dose = reader.member("dose", false);
    if (dose.is_array()) {
      for (std::size_t j = 0; j < dose.size(); ++j) {
        std::string dp = pointer + "/dose/" + std::to_string(j);
        FieldReader dr(dose[j], dp, context + " dose", diagnostics_);
        dr.reject_unknown({"select", "progression", "reason", "source"});
        DoseChange change;
        change.select = read_selector(dr.member("select"), dp + "/select", context + " dose");
        change.progression = dr.string("progression");
        check_progression(dr, "progression", change.progression);
        change.reason = dr.string("reason");
        change.source = dr.string("source");
        effect.dose.push_back(std::move(change));
      }
    }
    return effect;
  }

  void read_screening(FieldReader& top, Rules& rules) {
    const auto& screening = top.member("screening", false);
    if (screening.is_null()) return;
    if (!screening.is_array()) {
      top.problem("screening", "expected an array of screening questions");
      return;
    }
    std::set<std::string> ids;
    for (std::size_t i = 0; i < screening.size(); ++i) {
      std::string pointer = "/screening/" + std::to_string(i);
      const auto& value = screening[i];
      std::string id = id_of(value);
      std::string context = "screening \"" + id + "\"";
      FieldReader reader(value, pointer, context, diagnostics_);
      reader.reject_unknown({"id", "label", "help", "position", "choices", "refuse", "exclude", "add", "delay", "dose"});
      Screening s;
      s.id = reader.string("id");
      s.label = reader.string("label");
      s.help = reader.string("help");
      s.first = reader.word("position", {"first", "last"}, "position", false, "last") == "first";
      if (!s.id.empty() && !ids.insert(s.id).second) reader.problem("id", "duplicate screening id \"" + s.id + "\"");
      if (reader.has("choices")) {
        const auto& choices = reader.member("choices");
        if (!choices.is_object() || choices.empty()) {
          reader.problem("choices", "expected an object of named answers");
        } else {
          for (const auto& [key, choice] : choices.items()) {
            std::string cp = pointer + "/choices/" + key;
            FieldReader cr(choice, cp, context + " choice \"" + key + "\"", diagnostics_);
            cr.reject_unknown({"label", "refuse", "exclude", "add", "delay", "dose"});
            ScreeningChoice c;
            c.id = key;
            c.label = cr.string("label");
            c.effect = read_effect(cr, cp, context + " choice \"" + key + "\"");
            s.choices.push_back(std::move(c));
          }
        }
      } else {
        s.effect = read_effect(reader, pointer, context);
      }
      rules.screening.push_back(std::move(s));
    }
  }

  void read_assessment(FieldReader& top, Rules& rules) {
    const auto& assessment = top.member("assessment", false);
    if (assessment.is_null()) return;
    FieldReader ar(assessment, "/assessment", "assessment", diagnostics_);
    ar.reject_unknown({"source", "questions"});
    rules.assessment_source = ar.string("source");
    const auto& questions = ar.member("questions");
    if (!questions.is_array()) return;
    for (std::size_t i = 0; i < questions.size(); ++i) {
      std::string pointer = "/assessment/questions/" + std::to_string(i);
      FieldReader qr(questions[i], pointer, "question", diagnostics_);
      qr.reject_unknown({"id", "text", "note", "when", "answers"});
      Question q;
      q.id = qr.string("id");
      q.text = qr.string("text");
      q.note = qr.string("note", false);
      const auto& when = qr.member("when", false);
      if (when.is_object()) {
        for (const auto& [earlier, values] : when.items()) {
          FieldReader wr(when, pointer + "/when", "question \"" + q.id + "\"", diagnostics_);
          const Question* before = nullptr;
          for (const auto& e : rules.assessment) {
            if (e.id == earlier) before = &e;
          }
          std::vector<std::string> allowed;
          if (before) {
            for (const auto& a : before->answers) allowed.push_back(a.id);
          } else {
            wr.problem(earlier, "names no earlier question");
          }
          q.when[earlier] = before ? wr.words(earlier, allowed, "answer") : std::vector<std::string>{};
        }
      }
      const auto& answers = qr.member("answers");
      if (answers.is_array()) {
        for (std::size_t j = 0; j < answers.size(); ++j) {
          std::string ap = pointer + "/answers/" + std::to_string(j);
          FieldReader r(answers[j], ap, "question \"" + q.id + "\" answer", diagnostics_);
          r.reject_unknown({"id", "label", "set"});
          Answer a;
          a.id = r.string("id");
          a.label = r.string("label");
          const auto& set = r.member("set", false);
          if (!set.is_null()) {
            FieldReader sr(set, ap + "/set", "answer \"" + a.id + "\"", diagnostics_);
            sr.reject_unknown({"goal", "flag", "choice", "level", "equipment"});
            a.set.goal = sr.string("goal", false);
            if (!a.set.goal.empty() && !rules.find_goal(a.set.goal)) sr.problem("goal", "unknown goal \"" + a.set.goal + "\"");
            a.set.flag = sr.string("flag", false);
            const Screening* flag = rules.find_screening(a.set.flag);
            if (!a.set.flag.empty() && (!flag || flag->is_choice())) sr.problem("flag", "unknown screening flag \"" + a.set.flag + "\"");
            const auto& choice = sr.member("choice", false);
            if (choice.is_object()) {
              for (const auto& [id, value] : choice.items()) {
                const Screening* s = rules.find_screening(id);
                if (!s || !value.is_string() || !s->find_choice(value.get<std::string>())) {
                  sr.problem("choice", "unknown screening choice \"" + id + "\"");
                  continue;
                }
                a.set.choices[id] = value.get<std::string>();
              }
            }
            a.set.level = sr.word("level", vocabulary_.levels, "level", false);
            std::vector<std::string> equipment = vocabulary_.equipment;
            for (const auto& [preset, items] : vocabulary_.equipment_presets) equipment.push_back(preset);
            a.set.equipment = sr.word("equipment", equipment, "equipment", false);
          }
          q.answers.push_back(std::move(a));
        }
      }
      if (q.answers.size() < 2) qr.problem("answers", "needs at least two answers");
      rules.assessment.push_back(std::move(q));
    }
  }

  void read_goals(FieldReader& top, Rules& rules) {
    const auto& goals = top.member("goals", base_ == nullptr);
    if (!goals.is_array()) {
      if (!goals.is_null()) top.problem("goals", "expected an array of goals");
      return;
    }
    std::set<std::string> names;
    for (std::size_t i = 0; i < goals.size(); ++i) {
      std::string pointer = "/goals/" + std::to_string(i);
      const auto& value = goals[i];
      std::string id = id_of(value);
      FieldReader reader(value, pointer, "goal \"" + id + "\"", diagnostics_);
      reader.reject_unknown({"id", "name", "aliases", "description", "strengthens", "stretches",
                             "default_days", "recommended_min_days", "days_source", "warmup",
                             "main", "cooldown", "exclude", "opposes", "sources"});
      Goal goal;
      goal.id = reader.string("id");
      goal.name = reader.string("name");
      goal.aliases = reader.strings("aliases", false);
      goal.description = reader.string("description");
      goal.strengthens = reader.words("strengthens", vocabulary_.muscles, "muscle", false);
      goal.stretches = reader.words("stretches", vocabulary_.muscles, "muscle", false);
      goal.default_days = reader.integer("default_days", 1, 7, true, 1);
      goal.recommended_min_days = reader.integer("recommended_min_days", 1, 7, false, 1);
      goal.days_source = reader.string("days_source", false);
      for (auto kind : all_block_kinds) {
        std::string key(to_string(kind));
        const auto& slots = reader.member(key, kind == BlockKind::main);
        if (slots.is_null()) continue;
        if (!slots.is_array()) {
          reader.problem(key, "expected an array of slots");
          continue;
        }
        std::set<std::string> slot_ids;
        for (std::size_t j = 0; j < slots.size(); ++j) {
          Slot slot = read_slot(slots[j], pointer + "/" + key + "/" + std::to_string(j), "goal \"" + goal.id + "\"");
          if (!slot.id.empty() && !slot_ids.insert(slot.id).second) {
            diagnostics_.add(pointer + "/" + key + "/" + std::to_string(j) + "/id",
                             "goal \"" + goal.id + "\": duplicate slot id \"" + slot.id + "\"");
          }
          goal.blocks[static_cast<std::size_t>(kind)].push_back(std::move(slot));
        }
      }
      if (goal.slots(BlockKind::main).empty() && reader.has("main")) {
        reader.problem("main", "needs at least one slot");
      }
      goal.exclude = read_exclusions(reader, pointer, "goal \"" + goal.id + "\" exclusion");
      const auto& opposes = reader.member("opposes", false);
      if (opposes.is_array()) {
        for (std::size_t j = 0; j < opposes.size(); ++j) {
          FieldReader orr(opposes[j], pointer + "/opposes/" + std::to_string(j), "", diagnostics_);
          orr.reject_unknown({"goal", "note"});
          goal.opposes.push_back({orr.string("goal"), orr.string("note")});
        }
      }
      goal.sources = reader.strings("sources", false);
      check_source_list(reader, goal.sources);
      for (const auto& name : [&] {
             auto all = goal.aliases;
             all.insert(all.begin(), goal.id);
             return all;
           }()) {
        if (name.empty()) continue;
        if (!names.insert(lowercase(name)).second) {
          diagnostics_.add(pointer, "goal \"" + goal.id + "\": the name \"" + name +
                                        "\" is already used by another goal");
        } else if (const Goal* other = base_ ? base_->find_goal(name) : nullptr; other && other->id != goal.id) {
          diagnostics_.add(pointer, "goal \"" + goal.id + "\": the name \"" + name +
                                        "\" is already used by the goal \"" + other->id + "\" of " + base_->origin);
        }
      }
      rules.goals.push_back(std::move(goal));
    }
    for (std::size_t i = 0; i < rules.goals.size(); ++i) {
      for (const auto& o : rules.goals[i].opposes) {
        if (!o.goal.empty() && !rules.find_goal(o.goal) && !(base_ && base_->find_goal(o.goal))) {
          diagnostics_.add("/goals/" + std::to_string(i) + "/opposes",
                           "goal \"" + rules.goals[i].id + "\": opposes unknown goal \"" + o.goal + "\"");
        }
      }
    }
    if (rules.goals.empty() && !base_) top.problem("goals", "must define at least one goal");
  }
};

}  // namespace

namespace {

/// Replaces the items of `base` that have an item of `layer` with the same id; adds the rest.
template <typename Item>
void layer_by_id(std::vector<Item>& base, std::vector<Item>&& layer) {
  for (auto& item : layer) {
    auto it = std::find_if(base.begin(), base.end(), [&](const Item& b) { return b.id == item.id; });
    if (it != base.end()) *it = std::move(item);
    else base.push_back(std::move(item));
  }
}

}  // namespace

Rules layer_rules(const Rules& base, Rules layer) {
  auto has = [&](const char* section) {
    return std::find(layer.sections.begin(), layer.sections.end(), section) != layer.sections.end();
  };
  Rules rules = base;
  rules.origin = base.origin + " + " + layer.origin;
  for (auto& [key, text] : layer.sources) rules.sources[key] = std::move(text);
  if (has("timing")) rules.timing = layer.timing;
  if (has("blocks")) rules.blocks = layer.blocks;
  if (has("recovery")) rules.recovery = layer.recovery;
  for (auto& [level, text] : layer.levels) rules.levels[level] = std::move(text);
  if (has("levels_source")) rules.levels_source = layer.levels_source;
  for (auto& [id, progression] : layer.progressions) rules.progressions[id] = std::move(progression);
  layer_by_id(rules.goals, std::move(layer.goals));
  layer_by_id(rules.screening, std::move(layer.screening));
  if (has("assessment")) {
    rules.assessment = std::move(layer.assessment);
    rules.assessment_source = layer.assessment_source;
  }
  rules.sections.clear();
  return rules;
}

Rules read_rules(std::string_view text, const std::string& origin, const Vocabulary& vocabulary,
                 Diagnostics& diagnostics, const Rules* base) {
  auto root = parse_json(text, origin);
  diagnostics.set_locator([text](const std::string& pointer) { return locate_pointer(text, pointer); });
  Rules rules = RulesReader(vocabulary, diagnostics, base).read(root, origin);
  diagnostics.set_locator({});
  if (root.is_object()) {
    for (const auto& item : root.items()) rules.sections.push_back(item.key());
  }
  if (root.is_object() && root.contains("format") && root["format"] != "lbtrain-rules") {
    diagnostics.add("/format", root["format"] == "lbtrain-catalogue"
                                   ? "this is a catalogue, not a rules file; pass it with --catalog"
                                   : "expected \"lbtrain-rules\"");
  }
  return rules;
}

Rules parse_rules(std::string_view text, const std::string& origin, const Vocabulary& vocabulary,
                  const Rules* base) {
  Diagnostics diagnostics(origin);
  Rules rules = read_rules(text, origin, vocabulary, diagnostics, base);
  diagnostics.throw_if_any();
  return base ? layer_rules(*base, std::move(rules)) : rules;
}

std::vector<std::string> unresolved_references(const Rules& rules, const Catalogue& catalogue) {
  std::set<std::string> tags;
  for (const auto& e : catalogue.exercises) tags.insert(e.tags.begin(), e.tags.end());
  std::vector<std::string> problems;
  auto check_selector = [&](const Selector& s, const std::string& where) {
    for (const auto& list : {s.tags, s.any_tags}) {
      for (const auto& tag : list) {
        if (!tags.count(tag)) {
          problems.push_back(fmt::format("{}: selects on tag \"{}\", which no exercise in {} has",
                                         where, tag, catalogue.origin));
        }
      }
    }
    for (const auto& id : s.ids) {
      if (!catalogue.find(id)) {
        problems.push_back(fmt::format("{}: selects exercise \"{}\", which {} does not define",
                                       where, id, catalogue.origin));
      }
    }
  };
  for (const auto& goal : rules.goals) {
    for (auto kind : all_block_kinds) {
      for (const auto& slot : goal.slots(kind)) {
        std::string where = fmt::format("{}: goal \"{}\" slot \"{}\"", rules.origin, goal.id, slot.id);
        check_selector(slot.select, where);
        for (const auto& id : slot.prefer) {
          if (!catalogue.find(id)) {
            problems.push_back(fmt::format("{}: prefers exercise \"{}\", which {} does not define",
                                           where, id, catalogue.origin));
          }
        }
      }
    }
    for (const auto& ex : goal.exclude) {
      check_selector(ex.select,
                     fmt::format("{}: goal \"{}\" exclusion \"{}\"", rules.origin, goal.id, ex.id));
    }
  }
  auto check_effect = [&](const ScreeningEffect& effect, const std::string& where) {
    for (const auto& ex : effect.exclude) check_selector(ex.select, where + " exclusion \"" + ex.id + "\"");
    for (const auto& addition : effect.add) {
      check_selector(addition.slot.select, where + " slot \"" + addition.slot.id + "\"");
      for (const auto& id : addition.slot.prefer) {
        if (!catalogue.find(id)) {
          problems.push_back(fmt::format("{} slot \"{}\": prefers exercise \"{}\", which {} does not define",
                                         where, addition.slot.id, id, catalogue.origin));
        }
      }
    }
    if (effect.delay) check_selector(effect.delay->select, where + " delay");
    for (const auto& change : effect.dose) check_selector(change.select, where + " dose");
  };
  for (const auto& s : rules.screening) {
    std::string where = fmt::format("{}: screening \"{}\"", rules.origin, s.id);
    check_effect(s.effect, where);
    for (const auto& c : s.choices) check_effect(c.effect, where + " choice \"" + c.id + "\"");
  }
  return problems;
}

}  // namespace lbtrain
