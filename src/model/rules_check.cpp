#include "lbtrain/model/rules.hpp"

#include <fmt/format.h>

#include <set>

namespace lbtrain {

std::vector<std::string> check_complete_rules(const Rules& rules) {
  std::vector<std::string> problems;
  for (const auto& t : text_templates()) {
    if (rules.text(t.id).empty()) problems.push_back(fmt::format("/texts: the text \"{}\" is missing", t.id));
  }
  // Every main exercise has its easier week with the others, so every progression a main
  // exercise can follow needs one.
  auto check_main = [&](const std::string& id, const std::string& where) {
    auto it = rules.progressions.find(id);
    if (it == rules.progressions.end()) {
      problems.push_back(fmt::format("{}: unknown progression \"{}\"", where, id));
    } else if (!it->second.deload_sets_change) {
      problems.push_back(fmt::format("{}: progression \"{}\" is used in the main block but has no \"deload\": every "
                                     "main exercise has an easier week with the others",
                                     where, id));
    }
  };
  for (auto kind : all_block_kinds) {
    const auto& defaults = rules.defaults[static_cast<std::size_t>(kind)];
    for (DoseKind dose : {DoseKind::reps, DoseKind::seconds, DoseKind::breaths}) {
      auto it = defaults.find(dose);
      std::string where = fmt::format("/defaults/{}/{}", to_string(kind), to_string(dose));
      if (it == defaults.end()) {
        problems.push_back(where + ": a default progression is missing");
      } else if (kind == BlockKind::main) {
        check_main(it->second, where);
      } else if (!rules.progressions.count(it->second)) {
        problems.push_back(fmt::format("{}: unknown progression \"{}\"", where, it->second));
      }
    }
  }
  for (const auto& goal : rules.goals) {
    for (const auto& slot : goal.slots(BlockKind::main)) {
      check_main(slot.progression, fmt::format("goal \"{}\" slot \"{}\"", goal.id, slot.id));
    }
  }
  auto check_effect = [&](const ScreeningEffect& effect, const std::string& where) {
    for (const auto& addition : effect.add) {
      if (addition.block == BlockKind::main) check_main(addition.slot.progression, where + " slot \"" + addition.slot.id + "\"");
    }
    for (const auto& change : effect.dose) check_main(change.progression, where + " dose");
    if (effect.phase_in && !effect.phase_in->intro.empty()) check_main(effect.phase_in->intro, where + " phase_in intro");
  };
  for (const auto& s : rules.screening) {
    std::string where = fmt::format("screening \"{}\"", s.id);
    check_effect(s.effect, where);
    for (const auto& c : s.choices) check_effect(c.effect, where + " choice \"" + c.id + "\"");
  }
  return problems;
}

std::vector<std::string> unresolved_references(const Rules& rules, const Catalogue& catalogue) {
  std::set<std::string> tags;
  for (const auto& e : catalogue.exercises) tags.insert(e.tags.begin(), e.tags.end());
  std::vector<std::string> problems;
  auto check_selector = [&](const Selector& s, const std::string& where) {
    for (const auto& list : {s.tags, s.any_tags}) {
      for (const auto& tag : list) {
        if (!tags.count(tag)) {
          problems.push_back(
              fmt::format("{}: selects on tag \"{}\", which no exercise in {} has", where, tag, catalogue.origin));
        }
      }
    }
    for (const auto& id : s.ids) {
      if (!catalogue.find(id)) {
        problems.push_back(fmt::format("{}: selects exercise \"{}\", which {} does not define", where, id, catalogue.origin));
      }
    }
  };
  auto check_slot = [&](const Slot& slot, const std::string& where) {
    check_selector(slot.select, where);
    if (slot.fallback) check_selector(*slot.fallback, where + " fallback");
    for (const auto& id : slot.prefer) {
      if (!catalogue.find(id)) {
        problems.push_back(fmt::format("{}: prefers exercise \"{}\", which {} does not define", where, id, catalogue.origin));
      }
    }
  };
  for (const auto& goal : rules.goals) {
    for (auto kind : all_block_kinds) {
      for (const auto& slot : goal.slots(kind)) {
        check_slot(slot, fmt::format("{}: goal \"{}\" slot \"{}\"", rules.origin, goal.id, slot.id));
      }
    }
    for (const auto& ex : goal.exclude) {
      check_selector(ex.select, fmt::format("{}: goal \"{}\" exclusion \"{}\"", rules.origin, goal.id, ex.id));
    }
  }
  for (const auto& limit : rules.limits) {
    if (limit.select) check_selector(*limit.select, fmt::format("{}: limit \"{}\"", rules.origin, limit.id));
  }
  auto check_effect = [&](const ScreeningEffect& effect, const std::string& where) {
    for (const auto& ex : effect.exclude) check_selector(ex.select, where + " exclusion \"" + ex.id + "\"");
    for (const auto& addition : effect.add) check_slot(addition.slot, where + " slot \"" + addition.slot.id + "\"");
    if (effect.phase_in) {
      for (const auto& hold : effect.phase_in->hold) check_selector(hold, where + " phase_in");
    }
    for (const auto& change : effect.dose) check_selector(change.select, where + " dose");
    for (const auto& caution : effect.caution) check_selector(caution.select, where + " caution");
  };
  for (const auto& s : rules.screening) {
    std::string where = fmt::format("{}: screening \"{}\"", rules.origin, s.id);
    check_effect(s.effect, where);
    for (const auto& c : s.choices) check_effect(c.effect, where + " choice \"" + c.id + "\"");
  }
  return problems;
}

}  // namespace lbtrain
