#include "read/rules_reader.hpp"

#include <fmt/format.h>

namespace lbtrain::read {

using nlohmann::json;

ScreeningEffect RulesReader::read_effect(FieldReader& reader, const std::string& pointer, const std::string& context) {
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
      addition.block = read_block_kind(ar, "block", true);
      addition.slot = read_slot(ar.member("slot"), ap + "/slot", context);
      if (addition.slot.while_held && !reader.has("phase_in")) {
        ar.problem("slot", "a slot \"while_held\" needs a \"phase_in\" in the same answer");
      }
      effect.add.push_back(std::move(addition));
    }
  } else if (!add.is_null()) {
    reader.problem("add", "expected an array of {block, slot}");
  }
  if (reader.has("phase_in")) {
    std::string pp = pointer + "/phase_in";
    FieldReader pr(reader.member("phase_in"), pp, context + " phase_in", diagnostics_);
    pr.reject_unknown({"hold", "from_week", "every_weeks", "gate", "intro", "reason", "source"});
    PhaseIn phase;
    const auto& hold = pr.member("hold");
    if (hold.is_array() && !hold.empty()) {
      for (std::size_t j = 0; j < hold.size(); ++j) {
        FieldReader hr(hold[j], pp + "/hold/" + std::to_string(j), context + " phase_in", diagnostics_);
        hr.reject_unknown({"select"});
        phase.hold.push_back(read_selector(hr.member("select"), hr.pointer("select"), context + " phase_in"));
      }
    } else if (!hold.is_null()) {
      pr.problem("hold", "expected a non-empty array of {select}, in the order they come back");
    }
    phase.from_week = pr.integer("from_week", 2, 52, true, 2);
    phase.every_weeks = pr.integer("every_weeks", 1, 12, false, 1);
    phase.gate = pr.string("gate");
    phase.intro = pr.string("intro", false);
    check_progression(pr, "intro", phase.intro);
    phase.reason = pr.string("reason");
    phase.source = pr.string("source");
    effect.phase_in = std::move(phase);
  }
  const auto& dose = reader.member("dose", false);
  if (dose.is_array()) {
    for (std::size_t j = 0; j < dose.size(); ++j) {
      std::string dp = pointer + "/dose/" + std::to_string(j);
      FieldReader dr(dose[j], dp, context + " dose", diagnostics_);
      dr.reject_unknown({"select", "progression", "reason", "source", "while_held"});
      DoseChange change;
      change.select = read_selector(dr.member("select"), dp + "/select", context + " dose");
      change.progression = dr.string("progression");
      check_progression(dr, "progression", change.progression);
      change.reason = dr.string("reason");
      change.source = dr.string("source");
      change.while_held = dr.boolean("while_held", false);
      if (change.while_held && !reader.has("phase_in")) {
        dr.problem("while_held", "needs a \"phase_in\" in the same answer");
      }
      effect.dose.push_back(std::move(change));
    }
  } else if (!dose.is_null()) {
    reader.problem("dose", "expected an array of dose changes");
  }
  const auto& caution = reader.member("caution", false);
  if (caution.is_array()) {
    for (std::size_t j = 0; j < caution.size(); ++j) {
      std::string cp = pointer + "/caution/" + std::to_string(j);
      FieldReader cr(caution[j], cp, context + " caution", diagnostics_);
      cr.reject_unknown({"select", "text"});
      effect.caution.push_back({read_selector(cr.member("select"), cp + "/select", context + " caution"),
                                cr.string("text")});
    }
  } else if (!caution.is_null()) {
    reader.problem("caution", "expected an array of {select, text}");
  }
  effect.unused = reader.string("unused", false);
  return effect;
}

void RulesReader::read_screening(FieldReader& top, Rules& rules) {
  const auto& screening = top.member("screening", false);
  if (screening.is_null()) return;
  if (!screening.is_array()) {
    top.problem("screening", "expected an array of screening questions");
    return;
  }
  const std::vector<std::string> effect_keys{"refuse", "exclude", "add", "phase_in", "dose", "caution", "unused"};
  std::set<std::string> ids;
  for (std::size_t i = 0; i < screening.size(); ++i) {
    std::string pointer = "/screening/" + std::to_string(i);
    const auto& value = screening[i];
    std::string context = "screening \"" + id_of(value) + "\"";
    FieldReader reader(value, pointer, context, diagnostics_);
    std::vector<std::string> known{"id", "label", "help", "position", "choices"};
    known.insert(known.end(), effect_keys.begin(), effect_keys.end());
    reader.reject_unknown(known);
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
          std::string cc = context + " choice \"" + key + "\"";
          FieldReader cr(choice, cp, cc, diagnostics_);
          std::vector<std::string> choice_keys{"label"};
          choice_keys.insert(choice_keys.end(), effect_keys.begin(), effect_keys.end());
          cr.reject_unknown(choice_keys);
          ScreeningChoice c;
          c.id = key;
          c.label = cr.string("label");
          c.effect = read_effect(cr, cp, cc);
          s.choices.push_back(std::move(c));
        }
      }
    } else {
      s.effect = read_effect(reader, pointer, context);
    }
    rules.screening.push_back(std::move(s));
  }
}

}  // namespace lbtrain::read
