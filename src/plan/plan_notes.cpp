#include "plan/planned.hpp"

#include "model/text_match.hpp"

#include <algorithm>
#include <map>

namespace lbtrain::plan {

namespace {

/// "one set fewer", "two sets fewer", "fewer sets" (for a mix).
std::string sets_change_text(const std::set<int>& changes) {
  static const std::vector<std::string> words{"no", "one", "two", "three", "four", "five"};
  if (changes.size() != 1) return "fewer sets";
  int fewer = -*changes.begin();
  std::string count = fewer >= 0 && fewer < static_cast<int>(words.size()) ? words[static_cast<std::size_t>(fewer)]
                                                                             : std::to_string(fewer);
  return count + (fewer == 1 ? " set fewer" : " sets fewer");
}

class NoteList {
 public:
  void add(Note note) {
    if (note.text.empty()) return;
    if (std::find(notes_.begin(), notes_.end(), note) == notes_.end()) notes_.push_back(std::move(note));
  }
  void add(const std::vector<Note>& notes) {
    for (const auto& note : notes) add(note);
  }
  std::vector<Note> take() { return std::move(notes_); }

 private:
  std::vector<Note> notes_;
};

void days_notes(NoteList& notes, const Rules& rules, const Request& request) {
  for (const Goal* goal : request.goals) {
    std::map<std::string, std::string> values{{"goal", goal->name},
                                              {"min", std::to_string(goal->recommended_min_days)},
                                              {"days", std::to_string(request.days)}};
    if (request.days < goal->recommended_min_days) {
      notes.add({"schedule", fill_placeholders(rules.text("days_below_minimum"), values), goal->days_source});
    } else if (request.days_from_goal && goal->default_days == request.days) {
      values["days"] = std::to_string(request.days) + (request.days == 1 ? " session" : " sessions");
      notes.add({"schedule", fill_placeholders(rules.text("days_default"), values), goal->days_source});
    }
  }
}

/// One note per progression rule, naming every main exercise that follows it.
void progression_notes(NoteList& notes, const Rules& rules, const std::vector<PlannedPhase>& phases) {
  std::vector<std::pair<Note, std::vector<std::string>>> grouped;
  for (const auto& phase : phases) {
    for (const auto& item : phase.items) {
      if (item.block != BlockKind::main || item.days.empty()) continue;
      Note note{"progression", progression_note(*item.progression, *item.exercise, item.context, rules.timing),
                item.progression->source};
      if (note.text.empty()) continue;
      auto it = std::find_if(grouped.begin(), grouped.end(), [&](const auto& entry) { return entry.first == note; });
      if (it == grouped.end()) {
        grouped.push_back({note, {item.exercise->name}});
      } else if (std::find(it->second.begin(), it->second.end(), item.exercise->name) == it->second.end()) {
        it->second.push_back(item.exercise->name);
      }
    }
  }
  for (auto& [note, names] : grouped) {
    std::string list = join(names, ", ");
    note.text = note.text.find("{name}") == std::string::npos ? list + ": " + note.text
                                                               : fill_placeholders(note.text, {{"name", list}});
    notes.add(note);
  }
}

/// One note per screening dose change, naming every exercise it changed.
void dose_notes(NoteList& notes, const Rules& rules, const Screened& screened, const std::vector<PlannedPhase>& phases) {
  std::vector<std::pair<const ActiveDose*, std::vector<std::string>>> grouped;
  for (const auto& phase : phases) {
    for (const auto& [dose, exercise] : phase.dose_changes) {
      const ActiveDose* changed = dose;  // a structured binding cannot be captured before C++20 in clang 14
      auto it = std::find_if(grouped.begin(), grouped.end(), [&](const auto& entry) { return entry.first == changed; });
      if (it == grouped.end()) it = grouped.insert(grouped.end(), {dose, {}});
      if (std::find(it->second.begin(), it->second.end(), exercise->name) == it->second.end()) {
        it->second.push_back(exercise->name);
      }
    }
  }
  for (const auto& [dose, names] : grouped) {
    notes.add({"screening",
               fill_placeholders(rules.text("dose_change"),
                                 {{"exercise", join(names, ", ")},
                                  {"label", screened.answers[static_cast<std::size_t>(dose->answer)].label},
                                  {"reason", dose->change->reason}}),
               dose->change->source});
  }
}

/// Whether a guidance condition holds for this plan.
bool applies(GuidanceWhen when, const Rules& rules, const Request& request, const std::vector<PlannedPhase>& phases) {
  auto any_main = [&](auto&& predicate) {
    return std::any_of(phases.begin(), phases.end(), [&](const PlannedPhase& phase) {
      return std::any_of(phase.items.begin(), phase.items.end(), [&](const PlannedItem& item) {
        return item.block == BlockKind::main && !item.days.empty() && predicate(item);
      });
    });
  };
  auto rir_work = [](const PlannedItem& item) {
    return item.context.loaded && item.progression->rir && item.exercise->dose.kind == DoseKind::reps;
  };
  switch (when) {
    case GuidanceWhen::always: return true;
    case GuidanceWhen::loaded_work: return any_main(rir_work);
    case GuidanceWhen::rising_reps:
      return any_main([&](const PlannedItem& item) {
        auto step = item.progression->step.find(DoseKind::reps);
        return rir_work(item) && step != item.progression->step.end() && step->second > 0;
      });
    case GuidanceWhen::tempo:
      return any_main([](const PlannedItem& item) { return !item.progression->tempo.empty(); });
    case GuidanceWhen::deload: return request.weeks > rules.cycle.build_weeks;
  }
  return false;
}

std::vector<std::string> plan_reminders(const Rules& rules, const Request& request, const std::vector<PlannedPhase>& phases) {
  std::vector<std::string> out;
  for (const auto& g : rules.guidance) {
    if (!g.short_text.empty() && applies(g.when, rules, request, phases)) out.push_back(g.short_text);
  }
  return out;
}

void guidance_notes(NoteList& notes, const Rules& rules, const Request& request, const std::vector<PlannedPhase>& phases,
                    bool safety) {
  for (const auto& g : rules.guidance) {
    if ((g.topic == "safety") != safety || !applies(g.when, rules, request, phases)) continue;
    notes.add({g.topic, fill_placeholders(g.text, {{"build_weeks", std::to_string(rules.cycle.build_weeks)}}), g.source});
  }
}

}  // namespace

std::string week_note(const Rules& rules, const PlannedPhase& phase, int week) {
  std::set<int> deload_changes;
  bool new_block = false;
  std::map<std::string, std::vector<std::string>> entering;  // gate -> names
  for (const auto& item : phase.items) {
    if (item.block != BlockKind::main || item.days.empty()) continue;
    WeekDose dose = dose_for_week(*item.progression, *item.exercise, week, item.first_week, item.context, false);
    if (dose.phase == Phase::deload) deload_changes.insert(*item.progression->deload_sets_change);
    if (dose.phase == Phase::new_block) new_block = true;
    if (item.pick && !item.pick->gate.empty() && week == item.first_week) entering[item.pick->gate].push_back(item.exercise->name);
  }
  std::vector<std::string> parts;
  if (!deload_changes.empty()) {
    parts.push_back(fill_placeholders(rules.text("week_deload"), {{"sets_change", sets_change_text(deload_changes)}}));
  } else if (new_block) {
    parts.push_back(rules.text("week_new_block"));
  }
  for (const auto& [gate, names] : entering) {
    parts.push_back(fill_placeholders(rules.text("week_entering"), {{"gate", gate}, {"names", join(names, ", ")}}));
  }
  if (week == phase.phase->from_week && !phase.phase->moved_up.empty()) {
    std::vector<std::string> names;
    for (const Exercise* e : phase.phase->moved_up) names.push_back(e->name);
    parts.push_back(fill_placeholders(rules.text("week_level_up"), {{"level", phase.phase->level}, {"names", join(names, ", ")}}));
  }
  return join(parts, " ");
}

void write_notes(Plan& plan, const DataSet& data, const Request& request, const Screened& screened,
                 const Selection& selection, const std::vector<PlannedPhase>& phases) {
  const Rules& rules = data.rules;
  NoteList notes;
  // First what keeps the lifter safe: when to stop, and checking the posture a goal assumes.
  guidance_notes(notes, rules, request, phases, true);
  for (const Goal* goal : request.goals) {
    for (const auto& reminder : goal->reminders) notes.add({"posture", reminder.text, reminder.source});
  }
  days_notes(notes, rules, request);
  notes.add(screened.notes);
  notes.add(selection.notes);
  dose_notes(notes, rules, screened, phases);
  std::set<int> heard = selection.heard;
  for (const auto& phase : phases) {
    notes.add(phase.notes);
    heard.insert(phase.heard.begin(), phase.heard.end());
  }
  // Every answer is heard: one that changes nothing here says so.
  for (std::size_t i = 0; i < screened.answers.size(); ++i) {
    if (heard.count(static_cast<int>(i))) continue;
    const auto& answer = screened.answers[i];
    notes.add({"screening",
               fill_placeholders(rules.text("unused_answer"),
                                 {{"label", answer.label}, {"why", answer.unused.empty() ? rules.text("unused_default") : answer.unused}}),
               answer.screening->effect.refuse ? answer.screening->effect.refuse->source : ""});
  }
  if (!phases.empty()) {
    const PlannedPhase& first = phases.front();
    for (BlockKind kind : {BlockKind::warmup, BlockKind::cooldown}) {
      const BlockRule& rule = rules.block(kind);
      const auto& added = first.added[static_cast<std::size_t>(kind)];
      std::map<std::string, std::string> values{{"block", rule.title},
                                                {"names", join(added, ", ")},
                                                {"min", std::to_string(rule.min_minutes)},
                                                {"minutes", std::to_string((first.seconds[static_cast<std::size_t>(kind)] + 59) / 60)}};
      if (first.seconds[static_cast<std::size_t>(kind)] < rule.min_minutes * 60) {
        notes.add({"unfilled", fill_placeholders(rules.text("block_short"), values), rule.source});
      } else if (!added.empty()) {
        notes.add({"schedule", fill_placeholders(rules.text("block_extended"), values), rule.source});
      }
    }
  }
  progression_notes(notes, rules, phases);
  guidance_notes(notes, rules, request, phases, false);
  if (auto level = rules.levels.find(request.level); level != rules.levels.end()) {
    notes.add({"level", fill_placeholders(rules.text("level"), {{"level", request.level}, {"text", level->second.text}}),
               rules.levels_source});
  }
  plan.notes = notes.take();
  plan.reminders = plan_reminders(rules, request, phases);
}

}  // namespace lbtrain::plan
