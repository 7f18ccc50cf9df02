#include "lbtrain/select.hpp"

#include "lbtrain/model/error.hpp"
#include "lbtrain/screen.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace lbtrain {

namespace {

bool in(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool excluded_by(const Goal& goal, const Exercise& e) {
  return std::any_of(goal.exclude.begin(), goal.exclude.end(), [&](const Exclusion& x) { return x.select.matches(e); });
}

std::vector<ExerciseUse> uses_of(const Rules& rules, const Exercise& e) {
  std::vector<ExerciseUse> uses;
  for (const auto& goal : rules.goals) {
    if (excluded_by(goal, e)) continue;
    for (auto kind : all_block_kinds) {
      for (const auto& slot : goal.slots(kind)) {
        if (!slot.select.matches(e)) continue;
        auto it = std::find(slot.prefer.begin(), slot.prefer.end(), e.id);
        uses.push_back({&goal, kind, &slot, it == slot.prefer.end() ? 0 : static_cast<int>(it - slot.prefer.begin()) + 1});
      }
    }
  }
  return uses;
}

/// Rules that keep an exercise out of a plan: goal exclusions and screening answers.
std::vector<std::pair<std::string, std::string>> exclusions_of(const Rules& rules, const Exercise& e) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& goal : rules.goals) {
    for (const auto& x : goal.exclude) {
      if (x.select.matches(e)) out.emplace_back("goal " + goal.id, x.reason);
    }
  }
  auto check_effect = [&](const ScreeningEffect& effect, const std::string& who) {
    for (const auto& x : effect.exclude) {
      if (x.select.matches(e)) out.emplace_back(who, x.reason);
    }
    if (effect.phase_in) {
      for (const auto& held : effect.phase_in->hold) {
        if (!held.matches(e)) continue;
        out.emplace_back(who, fmt::format("held back, then brought in one at a time from week {}: {}",
                                                effect.phase_in->from_week, effect.phase_in->reason));
        break;
      }
    }
  };
  for (const auto& s : rules.screening) {
    check_effect(s.effect, "--" + s.id);
    for (const auto& c : s.choices) check_effect(c.effect, "--" + s.id + " " + c.id);
  }
  return out;
}

std::vector<const Exercise*> alternatives_of(const DataSet& data, const Exercise& e, const std::vector<ExerciseUse>& uses) {
  std::map<std::string, int> shared;
  for (const auto& use : uses) {
    for (const auto& other : data.catalogue.exercises) {
      if (other.id != e.id && use.slot->select.matches(other) && !excluded_by(*use.goal, other)) ++shared[other.id];
    }
  }
  std::vector<std::pair<int, std::string>> ranked;
  for (const auto& [id, count] : shared) ranked.emplace_back(-count, id);
  std::sort(ranked.begin(), ranked.end());
  std::vector<const Exercise*> out;
  for (const auto& [count, id] : ranked) {
    if (out.size() == 8) break;
    out.push_back(data.catalogue.find(id));
  }
  return out;
}

}  // namespace

std::vector<const Exercise*> filter_exercises(const DataSet& data, const ExerciseFilter& filter) {
  const Vocabulary& v = *data.vocabulary;
  if (!filter.muscle.empty() && !in(v.muscles, filter.muscle)) {
    usage_error(unknown_value_message("--muscle", "muscle", filter.muscle, v.muscles, v.muscles));
  }
  if (!filter.category.empty() && !in(v.categories, filter.category)) {
    usage_error(unknown_value_message("--category", "category", filter.category, v.categories, v.categories));
  }
  std::vector<std::string> equipment;
  if (!filter.equipment.empty()) equipment = resolve_equipment(filter.equipment, v, "--equipment");
  const Goal* goal = nullptr;
  if (!filter.goal.empty()) {
    goal = data.rules.find_goal(filter.goal);
    if (!goal) {
      std::vector<std::string> names;
      for (const auto& g : data.rules.goals) names.push_back(g.id);
      usage_error(unknown_value_message("--goal", "goal", filter.goal, names, names));
    }
  }
  std::vector<const Exercise*> out;
  for (const auto& e : data.catalogue.exercises) {
    if (!filter.muscle.empty() && !in(e.primary_muscles, filter.muscle) && !in(e.secondary_muscles, filter.muscle)) continue;
    if (!filter.category.empty() && e.category != filter.category) continue;
    if (!equipment.empty() &&
        !std::all_of(e.equipment.begin(), e.equipment.end(), [&](const std::string& item) { return in(equipment, item); })) {
      continue;
    }
    if (goal) {
      if (excluded_by(*goal, e)) continue;
      bool used = false;
      for (auto kind : all_block_kinds) {
        for (const auto& slot : goal->slots(kind)) used = used || slot.select.matches(e);
      }
      if (!used) continue;
    }
    out.push_back(&e);
  }
  return out;
}

ExerciseDetails describe_exercise(const DataSet& data, const std::string& id) {
  const Exercise* e = data.catalogue.find(id);
  if (!e) {
    std::vector<std::string> ids;
    for (const auto& x : data.catalogue.exercises) ids.push_back(x.id);
    usage_error(fmt::format("unknown exercise \"{}\"{}\nRun 'lbtrain exercises' for the list.", id, did_you_mean(id, ids)));
  }
  ExerciseDetails details;
  details.exercise = e;
  details.uses = uses_of(data.rules, *e);
  details.excluded_by = exclusions_of(data.rules, *e);
  details.alternatives = alternatives_of(data, *e, details.uses);
  auto key = e->source.substr(0, e->source.find(':'));
  auto it = data.catalogue.sources.find(key);
  if (it != data.catalogue.sources.end()) details.source_text = it->second;
  return details;
}

}  // namespace lbtrain
