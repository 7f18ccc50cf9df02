#include "lbtrain/browse.hpp"

#include "format/layout.hpp"
#include "lbtrain/error.hpp"
#include "lbtrain/escape.hpp"
#include "lbtrain/import.hpp"
#include "lbtrain/json_input.hpp"
#include "lbtrain/json_stream.hpp"
#include "lbtrain/request.hpp"
#include "lbtrain/text_match.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <map>
#include <set>

namespace lbtrain {

using ojson = nlohmann::ordered_json;

namespace {

std::string dump(const ojson& value, bool compact) {
  return (compact ? value.dump(-1, ' ', false, ojson::error_handler_t::replace)
                  : value.dump(2, ' ', false, ojson::error_handler_t::replace)) +
         "\n";
}

bool in(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

std::string list_or_dash(const std::vector<std::string>& items) { return items.empty() ? "-" : join(items, ", "); }

bool excluded_by(const Goal& goal, const Exercise& e) {
  return std::any_of(goal.exclude.begin(), goal.exclude.end(),
                     [&](const Exclusion& x) { return x.select.matches(e); });
}

/// Where a goal uses an exercise: "Main slot back-extension (first choice)".
struct Use {
  const Goal* goal;
  BlockKind block;
  const Slot* slot;
  int preference;  ///< 1-based position in the slot's preferences, 0 when not listed
};

std::vector<Use> uses_of(const Rules& rules, const Exercise& e) {
  std::vector<Use> uses;
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
struct Exclusions {
  std::vector<std::pair<std::string, std::string>> items;  ///< who, why
};

Exclusions exclusions_of(const Rules& rules, const Exercise& e) {
  Exclusions out;
  for (const auto& goal : rules.goals) {
    for (const auto& x : goal.exclude) {
      if (x.select.matches(e)) out.items.emplace_back("goal " + goal.id, x.reason);
    }
  }
  auto check_effect = [&](const ScreeningEffect& effect, const std::string& who) {
    for (const auto& x : effect.exclude) {
      if (x.select.matches(e)) out.items.emplace_back(who, x.reason);
    }
    if (effect.phase_in) {
      for (const auto& held : effect.phase_in->hold) {
        if (!held.matches(e)) continue;
        out.items.emplace_back(who, fmt::format("held back, then brought in one at a time from week {}: {}",
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

std::vector<const Exercise*> alternatives_of(const DataSet& data, const Exercise& e, const std::vector<Use>& uses) {
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

std::string dose_words(const Exercise& e) {
  return fmt::format("{} x {} {}{}", e.dose.sets, e.dose.value, to_string(e.dose.kind), e.per_side ? " per side" : "");
}

}  // namespace

std::string format_goals(const DataSet& data, bool json, bool compact) {
  if (json) {
    ojson goals = ojson::array();
    for (const auto& goal : data.rules.goals) {
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
  for (const auto& goal : data.rules.goals) {
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

std::string format_exercise_list(const std::vector<const Exercise*>& exercises, bool json, bool compact) {
  if (json) {
    ojson list = ojson::array();
    for (const auto* e : exercises) list.push_back(exercise_json(*e));
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

std::string format_exercise_details(const DataSet& data, const std::string& id, bool json, bool compact) {
  const Exercise* e = data.catalogue.find(id);
  if (!e) {
    std::vector<std::string> ids;
    for (const auto& x : data.catalogue.exercises) ids.push_back(x.id);
    std::string hint = did_you_mean(id, ids);
    usage_error(fmt::format("unknown exercise \"{}\"{}\nRun 'lbtrain exercises' for the list.", id, hint));
  }
  auto uses = uses_of(data.rules, *e);
  auto exclusions = exclusions_of(data.rules, *e);
  auto alternatives = alternatives_of(data, *e, uses);
  auto source_text = [&]() -> std::string {
    auto key = e->source.substr(0, e->source.find(':'));
    auto it = data.catalogue.sources.find(key);
    return it == data.catalogue.sources.end() ? "" : it->second;
  }();
  if (json) {
    ojson item = exercise_json(*e);
    ojson used = ojson::array();
    for (const auto& u : uses) {
      used.push_back({{"goal", u.goal->id}, {"block", std::string(to_string(u.block))}, {"slot", u.slot->id},
                      {"preference", u.preference == 0 ? ojson(nullptr) : ojson(u.preference)}});
    }
    ojson excluded = ojson::array();
    for (const auto& [who, why] : exclusions.items) excluded.push_back({{"by", who}, {"reason", why}});
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
  row("Category:", e->category + ", pattern " + e->pattern);
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
    out += fmt::format("    {} {} slot \"{}\"{}\n", u.goal->id, data.rules.block(u.block).title, u.slot->id,
                       u.preference == 1   ? " (first choice)"
                       : u.preference > 1 ? fmt::format(" (choice {})", u.preference)
                                          : "");
  }
  out += "  Excluded by:\n";
  if (exclusions.items.empty()) out += "    nothing\n";
  for (const auto& [who, why] : exclusions.items) out += "    " + who + ": " + single_line(why) + "\n";
  std::vector<std::string> alt_ids;
  for (const auto* a : alternatives) alt_ids.push_back(a->id);
  out += "  Alternatives:     " + list_or_dash(alt_ids) + "\n";
  return out;
}

namespace {

enum class FileKind { catalogue, rules };

/// Tells a rules file from a catalogue by its first bytes: rules say so in "format" or have
/// "goals"; anything else is read as a catalogue.
FileKind kind_of(const ByteSource& source) {
  std::string head = source.slice(0, 1 << 16);
  auto first = head.find_first_not_of(" \t\r\n");
  if (first == std::string::npos || head[first] != '{') return FileKind::catalogue;
  if (head.find("\"lbtrain-rules\"") != std::string::npos) return FileKind::rules;
  if (head.find("\"lbtrain-catalogue\"") != std::string::npos) return FileKind::catalogue;
  return head.find("\"goals\"") != std::string::npos ? FileKind::rules : FileKind::catalogue;
}

}  // namespace

ValidationReport validate_files(const std::vector<std::string>& paths, CatalogueFormat format) {
  ValidationReport report;
  const Vocabulary& vocabulary = builtin_vocabulary();
  std::vector<Catalogue> catalogues;
  struct RulesFile {
    std::string path;
    Rules rules;
  };
  std::vector<RulesFile> rules_files;
  auto finish = [&](const std::string& path, const Diagnostics& d, const std::string& ok) {
    for (const auto& line : d.problems()) report.lines.push_back(line);
    if (d.count() > d.problems().size()) {
      report.lines.push_back(fmt::format("{}: ... and {} more problems not kept", path, d.count() - d.problems().size()));
    }
    if (d.empty()) {
      report.lines.push_back(fmt::format("{}: OK, {}", path, ok));
    } else {
      ++report.files_with_problems;
      report.lines.push_back(fmt::format("{}: {} problem{}", path, d.count(), d.count() == 1 ? "" : "s"));
    }
  };
  for (const auto& path : paths) {
    Diagnostics diagnostics(path);
    try {
      ByteSource source = ByteSource::from_file(path);
      if (kind_of(source) == FileKind::rules) {
        std::string text = read_data_file(path);
        Rules rules = read_rules(text, path, vocabulary, diagnostics, &builtin_rules());
        std::size_t goals = rules.goals.size();
        if (diagnostics.empty()) rules_files.push_back({path, std::move(rules)});
        finish(path, diagnostics, fmt::format("rules with {} goal{}", goals, goals == 1 ? "" : "s"));
      } else {
        Catalogue catalogue = read_catalogue(source, format, vocabulary, diagnostics);
        std::size_t count = catalogue.exercises.size();
        if (diagnostics.empty()) catalogues.push_back(std::move(catalogue));
        finish(path, diagnostics, fmt::format("catalogue of {} exercise{}", count, count == 1 ? "" : "s"));
      }
    } catch (const Error& e) {
      diagnostics.add_line(e.what());
      finish(path, diagnostics, "");
    }
  }
  // Rules must only select on tags and exercises that the catalogues define.
  if (!rules_files.empty()) {
    const Catalogue* catalogue_given = nullptr;
    Catalogue merged;
    if (!catalogues.empty()) {
      merged = merge_catalogues(std::move(catalogues));
      catalogue_given = &merged;
    }
    const Catalogue& catalogue = catalogue_given ? *catalogue_given : builtin_catalogue();
    for (const auto& file : rules_files) {
      auto problems = unresolved_references(file.rules, catalogue);
      if (problems.empty()) continue;
      ++report.files_with_problems;
      for (auto& p : problems) report.lines.push_back(std::move(p));
      report.lines.push_back(fmt::format("{}: {} reference{} to what {} does not define", file.path, problems.size(),
                                         problems.size() == 1 ? "" : "s", catalogue.origin));
    }
  }
  return report;
}

}  // namespace lbtrain
