// The rules' "adaptation" section: how `lbtrain next` follows the log for each progression
// scheme, the default load step per unit, and the sentences that say what it did.

#include "read/rules_reader.hpp"

#include "model/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace lbtrain::read {

using nlohmann::json;

void RulesReader::read_adaptation(FieldReader& top, Rules& rules) {
  const auto& section = top.member("adaptation", false);
  if (section.is_null()) return;
  FieldReader reader(section, "/adaptation", "adaptation", diagnostics_);
  reader.reject_unknown({"why", "fallback", "increments", "missed_days", "layoff_days", "layoff_ramp", "load_tolerance", "effort_percent",
                         "hold_step_seconds", "implement_steps", "unnumbered_equipment", "e1rm_categories", "e1rm_equipment", "rules",
                         "texts", "source", "pain", "history_estimate"});
  Adaptation& a = rules.adaptation;
  a.why = reader.string("why");
  a.source = reader.string("source");
  check_source_list(reader, {a.source});
  a.fallback = reader.string("fallback");
  a.missed_days = reader.integer("missed_days", 2, 60, false, 8);
  a.layoff_days = reader.integer("layoff_days", 0, 365, false, 0);
  const auto& ramp = reader.member("layoff_ramp");
  if (ramp.is_array()) {
    for (const auto& value : ramp) {
      if (!value.is_number_integer() || value.get<long long>() < 50 || value.get<long long>() > 99) {
        reader.problem("layoff_ramp", "expected whole percents from 50 to 99 (of the last load), such as [90, 95]");
        break;
      }
      a.layoff_ramp.push_back(static_cast<int>(value.get<long long>()));
    }
  } else if (!ramp.is_null()) {
    reader.problem("layoff_ramp", "expected a list of percents of the last load, such as [90, 95]");
  }
  const auto& tolerance = reader.member("load_tolerance", false);
  if (tolerance.is_object()) {
    FieldReader t(tolerance, "/adaptation/load_tolerance", "load tolerance", diagnostics_);
    t.reject_unknown({"steps", "percent"});
    for (const char* key : {"steps", "percent"}) {
      const auto& value = t.member(key);
      if (value.is_number() && value.get<double>() >= 0 && value.get<double>() <= 10) {
        (std::string(key) == "steps" ? a.load_tolerance_steps : a.load_tolerance_percent) = value.get<double>();
      } else {
        t.problem(key, "expected a number from 0 to 10");
      }
    }
  } else if (!tolerance.is_null()) {
    reader.problem("load_tolerance", "expected an object such as {\"steps\": 0.5, \"percent\": 2.5}");
  }
  a.effort_percent = reader.integer("effort_percent", 0, 10, false, 0);
  a.hold_step_seconds = reader.integer("hold_step_seconds", 1, 60, false, 5);
  a.unnumbered_equipment = reader.words("unnumbered_equipment", vocabulary_.equipment, "equipment", false);
  a.e1rm_categories = reader.words("e1rm_categories", vocabulary_.categories, "category", false);
  a.e1rm_equipment = reader.words("e1rm_equipment", vocabulary_.equipment, "equipment", false);
  read_load_steps(reader, a);
  read_history_estimate(reader, a);
  read_adaptation_rules(reader, a);
  read_pain_rule(reader, a);
  read_adaptation_texts(reader, a);
}

void RulesReader::read_load_steps(FieldReader& reader, Adaptation& a) {
  const auto& implements = reader.member("implement_steps", false);
  if (implements.is_object()) {
    for (auto entry = implements.begin(); entry != implements.end(); ++entry) {
      const std::string& equipment = entry.key();
      const auto& steps = entry.value();
      if (std::find(vocabulary_.equipment.begin(), vocabulary_.equipment.end(), equipment) ==
          vocabulary_.equipment.end()) {
        reader.problem("implement_steps", "unknown equipment \"" + equipment + "\"" +
                                              did_you_mean(equipment, vocabulary_.equipment));
        continue;
      }
      const std::string pointer = "/adaptation/implement_steps/" + equipment;
      if (!steps.is_object()) {
        reader.problem("implement_steps", "\"" + equipment + "\": expected an object such as {\"kg\": 2, \"lb\": 5}");
        continue;
      }
      FieldReader step_reader(steps, pointer, "implement step", diagnostics_);
      step_reader.reject_unknown({"kg", "lb"});
      for (const char* unit : {"kg", "lb"}) {
        const auto& value = step_reader.member(unit);
        if (value.is_number() && value.get<double>() > 0 && value.get<double>() <= 50) {
          a.implement_steps[equipment][unit] = value.get<double>();
        } else {
          step_reader.problem(unit, "expected a number over 0 and up to 50");
        }
      }
    }
  } else if (!implements.is_null()) {
    reader.problem("implement_steps", "expected an object of equipment, each {\"kg\": STEP, \"lb\": STEP}");
  }
  const auto& increments = reader.member("increments");
  if (increments.is_object()) {
    FieldReader steps(increments, "/adaptation/increments", "increments", diagnostics_);
    steps.reject_unknown({"kg", "lb"});
    for (const char* unit : {"kg", "lb"}) {
      const auto& value = steps.member(unit);
      if (value.is_number() && value.get<double>() > 0 && value.get<double>() <= 50) {
        a.increments[unit] = value.get<double>();
      } else if (!value.is_null()) {
        steps.problem(unit, "expected a number over 0 and up to 50");
      }
    }
  } else if (!increments.is_null()) {
    reader.problem("increments", "expected an object such as {\"kg\": 2.5, \"lb\": 5}");
  }
}

void RulesReader::read_history_estimate(FieldReader& reader, Adaptation& a) {
  const auto& estimate = reader.member("history_estimate", false);
  if (estimate.is_object()) {
    FieldReader e(estimate, "/adaptation/history_estimate", "history estimate", diagnostics_);
    e.reject_unknown({"formula", "reserve", "why", "source"});
    HistoryEstimate h;
    h.formula = e.word("formula", {"epley"}, "1RM formula");
    h.reserve_high = e.word("reserve", {"high", "low"}, "end of the target reserve") == "high";
    h.why = e.string("why");
    h.source = e.string("source");
    check_source_list(e, {h.source});
    a.history_estimate = h;
  } else if (!estimate.is_null()) {
    reader.problem("history_estimate", "expected an object such as {\"formula\": \"epley\", \"reserve\": \"high\", ...}");
  }
}

void RulesReader::read_adaptation_texts(FieldReader& reader, Adaptation& a) {
  const auto& texts = reader.member("texts");
  if (texts.is_object()) {
    FieldReader text_reader(texts, "/adaptation/texts", "adaptation texts", diagnostics_);
    std::vector<std::string> ids;
    for (const auto& t : adaptation_templates()) ids.emplace_back(t.id);
    text_reader.reject_unknown(ids);
    for (const auto& t : adaptation_templates()) {
      std::string id(t.id);
      a.texts[id] = text_reader.string(id);
      check_placeholders(text_reader, id, a.texts[id], t.placeholders);
    }
  } else if (!texts.is_null()) {
    reader.problem("texts", "expected an object of texts");
  }
}

void RulesReader::read_pain_rule(FieldReader& reader, Adaptation& a) {
  const auto& section = reader.member("pain", false);
  if (section.is_null()) return;
  if (!section.is_object()) return reader.problem("pain", "expected an object: the pain traffic light");
  FieldReader p(section, "/adaptation/pain", "pain rule", diagnostics_);
  p.reject_unknown({"why", "source", "green_max", "amber_max", "hold_from", "morning_amber", "morning_red",
                    "step_back_percent", "hold_limit", "comebacks", "signs"});
  PainRule rule;
  rule.why = p.string("why");
  rule.source = p.string("source");
  check_source_list(p, {rule.source});
  rule.green_max = p.integer("green_max", 0, 10, true, 2);
  rule.amber_max = p.integer("amber_max", rule.green_max, 10, true, 4);
  rule.hold_from = p.integer("hold_from", rule.amber_max + 1, 10, true, 7);
  rule.morning_amber = p.integer("morning_amber", 1, 10, true, 1);
  rule.morning_red = p.integer("morning_red", rule.morning_amber, 10, true, 3);
  rule.step_back_percent = p.integer("step_back_percent", 1, 50, true, 20);
  rule.hold_limit = p.string("hold_limit");
  const auto& comebacks = p.member("comebacks");
  if (comebacks.is_array()) {
    for (const auto& c : comebacks) {
      if (c.is_string()) rule.comebacks.push_back(c.get<std::string>());
      else p.problem("comebacks", "expected progression names");
    }
  }
  const auto& signs = p.member("signs");
  if (signs.is_object()) {
    for (auto entry = signs.begin(); entry != signs.end(); ++entry) {
      if (entry.value().is_string()) rule.signs[entry.key()] = entry.value().get<std::string>();
      else p.problem("signs", "\"" + entry.key() + "\": expected the words that name the sign");
    }
  } else {
    p.problem("signs", "expected an object of warning signs: id -> words");
  }
  a.pain = std::move(rule);
}

void RulesReader::read_adaptation_rules(FieldReader& reader, Adaptation& a) {
  const auto& list = reader.member("rules");
  if (!list.is_array()) {
    if (!list.is_null()) reader.problem("rules", "expected an array of adaptation rules");
    return;
  }
  std::set<std::string> ids;
  std::set<std::string> schemes;
  for (std::size_t i = 0; i < list.size(); ++i) {
    std::string pointer = "/adaptation/rules/" + std::to_string(i);
    FieldReader r(list[i], pointer, "adaptation rule", diagnostics_);
    r.reject_unknown({"id", "description", "progressions", "track_load", "top_of_range", "load_step", "drop_after_misses",
                      "drop_percent", "block_rise_percent", "refer_after_drops", "tempo_at_top", "source"});
    AdaptationRule rule;
    rule.id = r.string("id");
    if (!ids.insert(rule.id).second) r.problem("id", "\"" + rule.id + "\" is defined twice");
    rule.description = r.string("description");
    rule.progressions = r.strings("progressions", false);
    for (const auto& id : rule.progressions) {
      check_progression(r, "progressions", id);
      if (!schemes.insert(id).second) {
        r.problem("progressions", "progression \"" + id + "\" is named by two adaptation rules");
      }
    }
    rule.track_load = r.boolean("track_load", false, false);
    rule.top_of_range = r.boolean("top_of_range", false, false);
    rule.load_step = r.boolean("load_step", false, false);
    rule.drop_after_misses = r.integer("drop_after_misses", 0, 10, false, 0);
    rule.drop_percent = r.integer("drop_percent", 0, 50, false, 0);
    if (rule.drop_after_misses > 0 && rule.drop_percent == 0) {
      r.problem("drop_percent", "is needed with drop_after_misses (how much the load drops)");
    }
    rule.block_rise_percent = r.integer("block_rise_percent", 0, 50, false, 0);
    rule.refer_after_drops = r.integer("refer_after_drops", 0, 10, false, 0);
    rule.tempo_at_top = r.string("tempo_at_top", false);
    if (rule.track_load && !rule.tempo_at_top.empty()) {
      r.problem("tempo_at_top", "is for a rule without track_load (it slows the tempo instead of adding load)");
    }
    rule.source = r.string("source");
    check_source_list(r, {rule.source});
    a.rules.push_back(std::move(rule));
  }
  if (!a.fallback.empty() && !ids.count(a.fallback)) {
    std::vector<std::string> known(ids.begin(), ids.end());
    reader.problem("fallback", "unknown adaptation rule \"" + a.fallback + "\"" + did_you_mean(a.fallback, known));
  }
}

}  // namespace lbtrain::read
