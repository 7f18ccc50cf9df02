// The listings of `lbtrain goals`, `lbtrain exercises` and `lbtrain exercises show`, as text or
// JSON.

#include "format/catalogue_json.hpp"
#include "format/escape.hpp"
#include "format/layout.hpp"
#include "lbtrain/format.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace lbtrain {

using ojson = nlohmann::ordered_json;

namespace {

std::string dump(const ojson& value, bool compact) {
  return (compact ? value.dump(-1, ' ', false, ojson::error_handler_t::replace)
                  : value.dump(2, ' ', false, ojson::error_handler_t::replace)) +
         "\n";
}

std::string list_or_dash(const std::vector<std::string>& items) { return items.empty() ? "-" : join(items, ", "); }

std::string dose_words(const Exercise& e) {
  return fmt::format("{} x {} {}{}", e.dose.sets, e.dose.value, to_string(e.dose.kind), e.per_side ? " per side" : "");
}

}  // namespace

std::string format_goals(const Rules& rules, bool json, bool compact) {
  if (json) {
    ojson goals = ojson::array();
    for (const auto& goal : rules.goals) {
      ojson avoids = ojson::array();
      for (const auto& x : goal.exclude) avoids.push_back({{"id", x.id}, {"reason", x.reason}, {"source", x.source}});
      goals.push_back({{"id", goal.id},
                       {"name", goal.name},
                       {"aliases", goal.aliases},
                       {"description", goal.description},
                       {"strengthens", goal.strengthens},
                       {"stretches", goal.stretches},
                       {"avoids", avoids},
                       {"default_days", goal.default_days},
                       {"sources", goal.sources}});
    }
    return dump(goals, compact);
  }
  std::string out;
  for (const auto& goal : rules.goals) {
    if (!out.empty()) out += "\n";
    out += fmt::format("{} - {}\n", goal.id, single_line(goal.name));
    out += fmt::format("  Also:        {}\n", list_or_dash(goal.aliases));
    out += fmt::format("  About:       {}\n", single_line(goal.description));
    out += fmt::format("  Strengthens: {}\n", list_or_dash(goal.strengthens));
    out += fmt::format("  Stretches:   {}\n", list_or_dash(goal.stretches));
    if (goal.exclude.empty()) out += "  Avoids:      -\n";
    for (std::size_t i = 0; i < goal.exclude.size(); ++i) {
      out += fmt::format("  {:<13}{}\n", i == 0 ? "Avoids:" : "", single_line(goal.exclude[i].reason));
    }
    out += fmt::format("  Sessions:    {} a week by default\n", goal.default_days);
  }
  return out;
}

std::string format_exercise_list(const std::vector<const Exercise*>& exercises, bool json, bool compact) {
  if (json) {
    ojson list = ojson::array();
    for (const auto* e : exercises) list.push_back(format::exercise_json(*e));
    return dump(list, compact);
  }
  // Names from other catalogues may be non-ASCII: columns are measured in characters.
  int id_width = 2;
  int name_width = 4;
  for (const auto* e : exercises) {
    id_width = std::max(id_width, std::min(layout::display_width(e->id), 34));
    name_width = std::max(name_width, std::min(layout::display_width(single_line(e->name)), 40));
  }
  auto row = [&](const std::string& id, const std::string& name, const std::string& category, const std::string& equipment) {
    return layout::pad(id, id_width) + "  " + layout::pad(name, name_width) + "  " + layout::pad(category, 10) + "  " +
           equipment + "\n";
  };
  std::string out = row("ID", "NAME", "CATEGORY", "EQUIPMENT");
  for (const auto* e : exercises) out += row(e->id, single_line(e->name), e->category, join(e->equipment, ","));
  out += fmt::format("{} exercise{}\n", exercises.size(), exercises.size() == 1 ? "" : "s");
  return out;
}

std::string format_exercise_details(const Rules& rules, const ExerciseDetails& details, bool json, bool compact) {
  const Exercise* e = details.exercise;
  const auto& uses = details.uses;
  const auto& alternatives = details.alternatives;
  const std::string& source_text = details.source_text;
  if (json) {
    ojson item = format::exercise_json(*e);
    ojson used = ojson::array();
    for (const auto& u : uses) {
      used.push_back({{"goal", u.goal->id}, {"block", std::string(to_string(u.block))}, {"slot", u.slot->id},
                      {"preference", u.preference == 0 ? ojson(nullptr) : ojson(u.preference)}});
    }
    ojson excluded = ojson::array();
    for (const auto& [who, why] : details.excluded_by) excluded.push_back({{"by", who}, {"reason", why}});
    ojson alts = ojson::array();
    for (const auto* a : alternatives) alts.push_back(a->id);
    item["source_text"] = source_text;
    item["used_by"] = used;
    item["excluded_by"] = excluded;
    item["alternatives"] = alts;
    return dump(item, compact);
  }
  std::string out = fmt::format("{} ({})\n", single_line(e->name), e->id);
  auto row = [&](const char* label, const std::string& value) { out += fmt::format("  {:<18}{}\n", label, single_line(value)); };
  if (!e->aliases.empty()) row("Also:", join(e->aliases, ", "));
  row("Category:", e->category.str() + ", pattern " + e->pattern.str());
  row("Primary muscles:", list_or_dash(e->primary_muscles));
  row("Other muscles:", list_or_dash(e->secondary_muscles));
  row("Equipment:", join(e->equipment, ", ") + (e->loadable ? " (load can be added)" : " (bodyweight)"));
  row("Level:", e->level);
  row("Dose:", dose_words(*e));
  row("Tags:", list_or_dash(e->tags));
  row("Source:", e->source + (source_text.empty() ? "" : " (" + source_text + ")"));
  out += "  Cues:\n";
  for (const auto& cue : e->cues) out += "    - " + single_line(cue) + "\n";
  if (!e->safety.empty()) {
    out += "  Safety:\n";
    for (const auto& cue : e->safety) out += "    - " + single_line(cue) + "\n";
  }
  out += "  Used by:\n";
  if (uses.empty()) out += "    no goal selects it\n";
  for (const auto& u : uses) {
    out += fmt::format("    {} {} slot \"{}\"{}\n", u.goal->id, rules.block(u.block).title, u.slot->id,
                       u.preference == 1   ? " (first choice)"
                       : u.preference > 1 ? fmt::format(" (choice {})", u.preference)
                                          : "");
  }
  out += "  Excluded by:\n";
  if (details.excluded_by.empty()) out += "    nothing\n";
  for (const auto& [who, why] : details.excluded_by) out += "    " + who + ": " + single_line(why) + "\n";
  std::vector<std::string> alt_ids;
  for (const auto* a : alternatives) alt_ids.push_back(a->id);
  out += "  Alternatives:     " + list_or_dash(alt_ids) + "\n";
  return out;
}

}  // namespace lbtrain
