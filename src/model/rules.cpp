#include "lbtrain/model/rules.hpp"
#include "model/text_match.hpp"


#include <algorithm>
#include <cctype>

namespace lbtrain {

std::string_view to_string(BlockKind kind) {
  switch (kind) {
    case BlockKind::warmup: return "warmup";
    case BlockKind::main: return "main";
    case BlockKind::cooldown: return "cooldown";
  }
  return "main";
}

namespace {

/// Whether `list` (strings, or an exercise's words) holds `value`.
template <typename List>
bool contains(const List& list, std::string_view value) {
  return std::any_of(list.begin(), list.end(), [value](const auto& item) { return item == value; });
}

template <typename List>
bool any_of(const std::vector<std::string>& wanted, const List& have) {
  return std::any_of(wanted.begin(), wanted.end(), [&have](const std::string& w) { return contains(have, w); });
}

}  // namespace

bool Selector::matches(const Exercise& e) const {
  if (!ids.empty() && !contains(ids, e.id)) return false;
  if (!category.empty() && !contains(category, e.category.str())) return false;
  if (!pattern.empty() && !contains(pattern, e.pattern.str())) return false;
  if (!muscles.empty() && !any_of(muscles, e.primary_muscles)) return false;
  if (!equipment.empty() && !any_of(equipment, e.equipment)) return false;
  if (!any_tags.empty() && !any_of(any_tags, e.tags)) return false;
  if (loadable && *loadable != e.loadable) return false;
  for (const auto& tag : tags) {
    if (!e.has_tag(tag)) return false;
  }
  return true;
}

int Selector::muscle_score(const Exercise& e) const {
  return static_cast<int>(
      std::count_if(muscles.begin(), muscles.end(), [&](const std::string& m) { return e.works(m); }));
}

const std::string& LevelText::for_level(const std::string& level) const {
  auto it = by_level.find(level);
  return it == by_level.end() ? fallback : it->second;
}

bool Progression::fits(DoseKind kind) const { return std::find(kinds.begin(), kinds.end(), kind) != kinds.end(); }

bool Progression::builds() const {
  auto positive = [](const std::map<DoseKind, int>& m) {
    return std::any_of(m.begin(), m.end(), [](const auto& entry) { return entry.second > 0; });
  };
  return load_steps || positive(step) || positive(next_block) || positive(next_block_bodyweight);
}

std::string format_rir(const Rir& rir) {
  return rir.min == rir.max ? std::to_string(rir.min) : std::to_string(rir.min) + "-" + std::to_string(rir.max);
}

const std::vector<std::string>& guidance_when_names() {
  static const std::vector<std::string> names{"always", "loaded-work", "rising-reps", "tempo", "deload"};
  return names;
}

const std::vector<TextTemplate>& text_templates() {
  static const std::vector<TextTemplate> templates{
      {"week_deload", {"sets_change"}},
      {"week_new_block", {}},
      {"week_entering", {"gate", "names"}},
      {"week_level_up", {"level", "names"}},
      {"days_below_minimum", {"goal", "min", "days"}},
      {"days_default", {"days", "goal"}},
      {"block_short", {"block", "minutes", "min"}},
      {"block_extended", {"block", "names", "min"}},
      {"level", {"level", "text"}},
      {"dose_change", {"exercise", "label", "reason"}},
      {"exclusion_applies", {"owner", "rule", "reason"}},
      {"merged", {"slot", "exercise", "owner"}},
      {"fallback_equipment", {"slot", "exercise", "missing", "chosen"}},
      {"fallback_level", {"slot", "exercise", "level", "chosen"}},
      {"slot_excluded_by_user", {"slot", "names"}},
      {"slot_excluded_for_safety", {"slot", "names", "rules"}},
      {"slot_unfilled", {"slot", "reasons"}},
      {"unfilled_excluded", {"names"}},
      {"unfilled_equipment", {"names"}},
      {"unfilled_level", {"names"}},
      {"unfilled_used", {"names"}},
      {"unfilled_none", {}},
      {"left_out_by_user", {"names"}},
      {"left_out_for_safety", {"owner", "rule", "names"}},
      {"user_exclusion", {}},
      {"user_exclusion_reason", {}},
      {"phase_in", {"label", "reason", "entries"}},
      {"phase_in_entry", {"name", "week"}},
      {"phase_in_later", {"names", "weeks"}},
      {"unused_answer", {"label", "why"}},
      {"unused_default", {}},
      {"limited_days", {"name", "count", "days", "list", "why"}},
      {"limit_dropped", {"name", "why"}},
      {"recovery", {"name", "count", "days", "list"}},
      {"empty_sessions", {"list"}},
      {"opposed_goals", {"goal", "other", "reason"}},
  };
  return templates;
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
  std::string wanted = ascii_lower(name);
  for (const auto& goal : goals) {
    if (goal.id == wanted) return &goal;
  }
  for (const auto& goal : goals) {
    for (const auto& alias : goal.aliases) {
      if (ascii_lower(alias) == wanted) return &goal;
    }
  }
  return nullptr;
}

const std::string& Rules::text(std::string_view id) const {
  static const std::string none;
  auto it = texts.find(std::string(id));
  return it == texts.end() ? none : it->second;
}

const Progression* Rules::progression_for(const std::string& id, BlockKind block, DoseKind kind) const {
  auto it = progressions.find(id);
  if (it != progressions.end() && it->second.fits(kind)) return &it->second;
  const auto& by_kind = defaults[static_cast<std::size_t>(block)];
  auto fallback = by_kind.find(kind);
  if (fallback == by_kind.end()) return nullptr;
  auto p = progressions.find(fallback->second);
  return p == progressions.end() ? nullptr : &p->second;
}

}  // namespace lbtrain

namespace lbtrain {

const std::vector<TextTemplate>& adaptation_templates() {
  static const std::vector<TextTemplate> templates{
      {"success", {"name", "date", "done"}},
      {"repeat", {"name", "date", "done", "target"}},
      {"repeat_easier", {"name", "date", "done", "target"}},
      {"refer", {"drops"}},
      {"not_logged", {"name", "date", "target"}},
      {"drop", {"name", "misses", "target", "percent", "load", "increment"}},
      {"top", {"name", "date", "top", "load", "increment", "bottom"}},
      {"new_block", {"name", "load", "increment", "previous"}},
      {"new_block_same", {"name", "load"}},
      {"new_block_risen", {"name", "load", "previous"}},
      {"load_step", {"name", "load", "increment", "previous"}},
      {"layoff", {"name", "days", "percent", "load"}},
      {"ramp", {"name", "percent", "load"}},
      {"drop_bodyweight", {"name", "misses", "target"}},
      {"bodyweight", {}},
      {"tempo", {"name", "date", "top", "tempo"}},
      {"effort_up", {"name", "date", "rir", "target_rir", "percent", "load"}},
      {"effort_down", {"name", "date", "rir", "target_rir", "percent", "load"}},
      {"hold_top", {"name", "date", "top"}},
      {"hold_drop", {"name", "misses", "target", "seconds"}},
      {"first_load", {"name"}},
      {"history_start", {"name", "done", "date", "dose", "written"}},
      {"history_top", {"name", "done", "date", "dose", "written"}},
      {"repeat_session", {"week", "day", "due"}},
      {"spacing", {"last", "date"}},
      {"missed_days", {"days", "since", "behind", "end"}},
      {"complete", {"sessions"}},
      {"basis_logged", {"date"}},
      {"basis_estimate", {"done", "date", "e1rm", "reps", "reserve"}},
      {"basis_increment", {"date", "increment"}},
      {"basis_drop", {"date", "percent"}},
      {"basis_layoff", {"percent"}},
      {"pain_green", {"name", "date", "pain"}},
      {"pain_amber", {"name", "date", "pain"}},
      {"pain_red", {"name", "date", "pain"}},
      {"pain_red_load", {"name", "date", "pain", "percent", "load"}},
      {"pain_unknown", {"name", "date"}},
      {"pain_waits", {"name", "date"}},
      {"pain_keeps", {"name", "kept"}},
      {"pain_hold", {"why"}},
  };
  return templates;
}

const AdaptationRule* Adaptation::rule_for(const std::string& progression) const {
  for (const auto& rule : rules) {
    if (std::find(rule.progressions.begin(), rule.progressions.end(), progression) != rule.progressions.end()) {
      return &rule;
    }
  }
  for (const auto& rule : rules) {
    if (rule.id == fallback) return &rule;
  }
  return nullptr;
}

const std::string& Adaptation::text(const std::string& id) const {
  static const std::string none;
  auto it = texts.find(id);
  return it == texts.end() ? none : it->second;
}

}  // namespace lbtrain
