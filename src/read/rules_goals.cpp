#include "read/rules_reader.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace lbtrain::read {

using nlohmann::json;

void RulesReader::read_goals(FieldReader& top, Rules& rules) {
  const auto& goals = top.member("goals", base_ == nullptr);
  if (goals.is_null()) return;
  if (!goals.is_array()) {
    top.problem("goals", "expected an array of goals");
    return;
  }
  std::set<std::string> names;
  for (std::size_t i = 0; i < goals.size(); ++i) {
    std::string pointer = "/goals/" + std::to_string(i);
    const auto& value = goals[i];
    FieldReader reader(value, pointer, "goal \"" + id_of(value) + "\"", diagnostics_);
    reader.reject_unknown({"id", "name", "aliases", "description", "strengthens", "stretches", "default_days",
                           "recommended_min_days", "days_source", "warmup", "main", "cooldown", "exclude",
                           "opposes", "reminders", "sources"});
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
        std::string sp = pointer + "/" + key + "/" + std::to_string(j);
        Slot slot = read_slot(slots[j], sp, "goal \"" + goal.id + "\"");
        if (!slot.id.empty() && !slot_ids.insert(slot.id).second) {
          diagnostics_.add(sp + "/id", "goal \"" + goal.id + "\": duplicate slot id \"" + slot.id + "\"");
        }
        goal.blocks[static_cast<std::size_t>(kind)].push_back(std::move(slot));
      }
    }
    if (goal.slots(BlockKind::main).empty() && reader.has("main")) reader.problem("main", "needs at least one slot");
    goal.exclude = read_exclusions(reader, pointer, "goal \"" + goal.id + "\" exclusion");
    const auto& opposes = reader.member("opposes", false);
    if (opposes.is_array()) {
      for (std::size_t j = 0; j < opposes.size(); ++j) {
        FieldReader orr(opposes[j], pointer + "/opposes/" + std::to_string(j), "goal \"" + goal.id + "\"", diagnostics_);
        orr.reject_unknown({"goal", "reason"});
        goal.opposes.push_back({orr.string("goal"), orr.string("reason")});
      }
    } else if (!opposes.is_null()) {
      reader.problem("opposes", "expected an array of {goal, reason}");
    }
    const auto& reminders = reader.member("reminders", false);
    if (reminders.is_array()) {
      for (std::size_t j = 0; j < reminders.size(); ++j) {
        FieldReader rr(reminders[j], pointer + "/reminders/" + std::to_string(j), "goal \"" + goal.id + "\"",
                       diagnostics_);
        rr.reject_unknown({"text", "source"});
        goal.reminders.push_back({rr.string("text"), rr.string("source")});
      }
    } else if (!reminders.is_null()) {
      reader.problem("reminders", "expected an array of {text, source}");
    }
    goal.sources = reader.strings("sources", false);
    check_source_list(reader, goal.sources);
    std::vector<std::string> all_names = goal.aliases;
    all_names.insert(all_names.begin(), goal.id);
    for (const auto& name : all_names) {
      if (name.empty()) continue;
      if (!names.insert(ascii_lower(name)).second) {
        diagnostics_.add(pointer, "goal \"" + goal.id + "\": the name \"" + name + "\" is already used by another goal");
      } else if (const Goal* other = base_ ? base_->find_goal(name) : nullptr; other && other->id != goal.id) {
        diagnostics_.add(pointer, "goal \"" + goal.id + "\": the name \"" + name + "\" is already used by the goal \"" +
                                      other->id + "\" of " + base_->origin);
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

}  // namespace lbtrain::read
