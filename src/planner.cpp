#include "lbtrain/planner.hpp"

#include "lbtrain/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace lbtrain {

namespace {

ExerciseRef ref(const Exercise& e) { return {e.id, e.name}; }

int seconds_per_rep(const Prescription& item, const Timing& timing) {
  // A tempo such as "3-1-1-0" gives the seconds of each phase of one rep.
  int total = 0;
  bool any = false;
  for (char c : item.tempo) {
    if (std::isdigit(static_cast<unsigned char>(c))) {
      total += c - '0';
      any = true;
    } else if (c == 'X' || c == 'x') {
      total += 1;
      any = true;
    }
  }
  return any ? std::max(1, total) : timing.seconds_per_rep;
}

int item_seconds(const Prescription& item, const Timing& timing) {
  int work = 0;
  switch (item.kind) {
    case DoseKind::reps: work = item.value * seconds_per_rep(item, timing); break;
    case DoseKind::seconds: work = item.value; break;
    case DoseKind::breaths: work = item.value * timing.seconds_per_breath; break;
  }
  if (item.per_side) work *= 2;
  return item.sets * work + (item.sets - 1) * item.rest_seconds + timing.seconds_between_exercises;
}

int block_seconds(const SessionBlock& block, const Timing& timing) {
  int total = 0;
  for (const auto& item : block.items) total += item_seconds(item, timing);
  return total;
}

// Warm-up and cool-down have a minimum length (at least five minutes each in the rules):
// when the chosen drills are shorter, add a set to each in turn, up to three sets.
void pad_to_minimum(SessionBlock& block, int min_minutes, const Timing& timing) {
  const int wanted = min_minutes * 60;
  bool grew = true;
  while (block_seconds(block, timing) < wanted && grew) {
    grew = false;
    for (auto& item : block.items) {
      if (block_seconds(block, timing) >= wanted) break;
      if (item.sets < 3) {
        ++item.sets;
        grew = true;
      }
    }
  }
}

std::string fill_recovery(const std::string& text, const std::string& name, int count, int days,
                          const std::vector<int>& on) {
  std::vector<std::string> list;
  for (int d : on) list.push_back(std::to_string(d));
  return fill_placeholders(text, {{"name", name},
                                  {"count", std::to_string(count)},
                                  {"days", std::to_string(days)},
                                  {"list", join(list, ", ")}});
}

std::string week_note(const std::vector<Phase>& phases) {
  bool deload = std::find(phases.begin(), phases.end(), Phase::deload) != phases.end();
  bool new_block = std::find(phases.begin(), phases.end(), Phase::new_block) != phases.end();
  if (deload) return "Easier week: one set fewer at the same loads, to recover before the next block.";
  if (new_block) return "New block: loads go up and reps start again from the bottom of the range.";
  return "";
}

}  // namespace

std::vector<int> spread_days(int days, int count) {
  std::vector<int> on;
  if (count >= days) {
    for (int d = 1; d <= days; ++d) on.push_back(d);
    return on;
  }
  // Evenly spaced, rounding to the nearest day: 2 of 3 -> 1, 3; 2 of 7 -> 1, 5.
  for (int j = 0; j < count; ++j) on.push_back((2 * j * days + count) / (2 * count) + 1);
  return on;
}

Plan build_plan(const DataSet& data, const Request& request, const Selection& selection) {
  const Rules& rules = data.rules;
  Plan plan;
  for (const Goal* goal : request.goals) {
    plan.goals.push_back({goal->id, goal->name, goal->description, goal->sources});
  }
  plan.weeks = request.weeks;
  plan.days = request.days;
  plan.level = request.level;
  plan.equipment_spec = request.equipment_spec;
  plan.equipment = request.equipment;
  plan.catalogue_origin = data.catalogue.origin;
  plan.rules_origin = rules.origin;
  plan.sources = data.catalogue.sources;
  for (const auto& [key, text] : rules.sources) plan.sources[key] = text;
  plan.notes = selection.notes;
  plan.start = request.start;
  plan.on = request.on;
  plan.at_minutes = request.at_minutes;
  plan.only_week = request.only_week;
  // The week starts on the start date's weekday, or on Monday when only weekdays are named.
  int first_weekday = request.start ? weekday_index(*request.start) : 0;
  std::vector<int> offsets = session_offsets(request.days, first_weekday, request.on);

  auto add_note = [&](Note note) {
    if (std::find(plan.notes.begin(), plan.notes.end(), note) == plan.notes.end()) {
      plan.notes.push_back(std::move(note));
    }
  };

  for (const Goal* goal : request.goals) {
    if (request.days < goal->recommended_min_days) {
      add_note({"schedule",
                fmt::format("{} calls for at least {} sessions a week; this plan has {}, so expect "
                            "slower change.",
                            goal->name, goal->recommended_min_days, request.days),
                goal->days_source});
    } else if (request.days_from_goal && goal->default_days == request.days) {
      add_note({"schedule",
                fmt::format("{} session{} a week, the default for {}.", request.days,
                            request.days == 1 ? "" : "s", goal->name),
                goal->days_source});
    }
  }

  // The progression each pick follows: the slot's, unless a screening answer doses matching
  // exercises differently (a weak lockout gets harder back-extension sets, say).
  auto progression_for = [&](const Pick& pick) -> const Progression& {
    for (const auto& active : request.screening) {
      for (const auto& change : active.effect->dose) {
        if (change.select.matches(*pick.exercise)) {
          add_note({"screening",
                    fmt::format("{} ({}): {}.", pick.exercise->name, active.label, change.reason),
                    change.source});
          return rules.progressions.at(change.progression);
        }
      }
    }
    return rules.progressions.at(pick.slot->progression);
  };

  // Per phase and pick: its progression, the days it is trained, and the week it entered
  // the plan (an exercise that carries on from the previous phase keeps its progression).
  struct Scheduled {
    const Pick* pick;
    const Progression* progression;
    std::vector<int> days;
    int first_week;
  };
  std::vector<std::vector<Scheduled>> phases;
  for (std::size_t k = 0; k < selection.phases.size(); ++k) {
    const auto& phase = selection.phases[k];
    std::vector<Scheduled> scheduled;
    for (const auto& pick : phase.picks) {
      int first_week = phase.from_week;
      if (k > 0) {
        for (const auto& earlier : phases[k - 1]) {
          if (earlier.pick->slot == pick.slot && earlier.pick->exercise == pick.exercise) {
            first_week = earlier.first_week;
          }
        }
      }
      int count = std::min(pick.slot->max_days_per_week.value_or(request.days), request.days);
      scheduled.push_back({&pick, &progression_for(pick), spread_days(request.days, count), first_week});
      if (count < request.days && !rules.recovery.text.empty()) {
        add_note({"schedule",
                  fill_recovery(rules.recovery.text, pick.exercise->name, count, request.days, scheduled.back().days),
                  rules.recovery.source});
      }
    }
    phases.push_back(std::move(scheduled));
  }

  // One note per progression rule, naming every main exercise that follows it.
  std::vector<std::pair<Note, std::vector<std::string>>> progression_notes;
  for (const auto& phase : phases) {
    for (const auto& item : phase) {
      if (item.pick->block != BlockKind::main) continue;
      Exercise unnamed = *item.pick->exercise;
      unnamed.name = "\x01";
      Note note{"progression", progression_note(*item.progression, unnamed), item.progression->source};
      if (note.text.empty()) continue;
      auto it = std::find_if(progression_notes.begin(), progression_notes.end(),
                             [&](const auto& entry) { return entry.first == note; });
      if (it == progression_notes.end()) {
        progression_notes.push_back({note, {item.pick->exercise->name}});
      } else if (std::find(it->second.begin(), it->second.end(), item.pick->exercise->name) == it->second.end()) {
        it->second.push_back(item.pick->exercise->name);
      }
    }
  }
  for (auto& [note, names] : progression_notes) {
    note.text.replace(note.text.find('\x01'), 1, join(names, ", "));
    add_note(note);
  }
  auto level = rules.levels.find(request.level);
  if (level != rules.levels.end()) {
    add_note({"level", fmt::format("Level {}: {}", request.level, level->second), rules.levels_source});
  }

  for (int w = 1; w <= request.weeks; ++w) {
    std::size_t k = 0;
    while (k + 1 < selection.phases.size() && selection.phases[k + 1].from_week <= w) ++k;
    Week week;
    week.number = w;
    std::vector<Phase> main_phases;
    for (int d = 1; d <= request.days; ++d) {
      Session session;
      session.day = d;
      int offset = offsets[static_cast<std::size_t>(d - 1)];
      if (request.start) {
        session.date = *request.start + std::chrono::days{7 * (w - 1) + offset};
        session.weekday = weekday_index(*session.date);
      } else if (!request.on.empty()) {
        session.weekday = (first_weekday + offset) % 7;
      }
      for (BlockKind kind : all_block_kinds) {
        SessionBlock block{kind, rules.block(kind).title, {}};
        for (const auto& scheduled : phases[k]) {
          const Pick& pick = *scheduled.pick;
          if (pick.block != kind) continue;
          if (std::find(scheduled.days.begin(), scheduled.days.end(), d) == scheduled.days.end()) continue;
          const Progression& p = *scheduled.progression;
          const Exercise& e = *pick.exercise;
          WeekDose dose = dose_for_week(p, e, w, request.level, scheduled.first_week);
          if (kind == BlockKind::main) main_phases.push_back(dose.phase);
          Prescription item;
          item.exercise = ref(e);
          item.sets = dose.sets;
          item.kind = e.dose.kind;
          item.value = dose.value;
          item.per_side = e.per_side;
          if (e.dose.kind == DoseKind::reps) item.rir = p.rir;
          item.tempo = p.tempo;
          item.rest_seconds = p.rest_seconds;
          item.load = dose.load;
          item.cues = e.cues;
          item.why = pick.slot->why;
          item.source = pick.slot->source;
          for (const Exercise* alt : pick.alternatives) item.alternatives.push_back(ref(*alt));
          block.items.push_back(std::move(item));
        }
        if (kind != BlockKind::main) pad_to_minimum(block, rules.block(kind).min_minutes, rules.timing);
        session.blocks.push_back(std::move(block));
      }
      int seconds = 0;
      for (const auto& block : session.blocks) seconds += block_seconds(block, rules.timing);
      session.estimated_minutes = (seconds + 59) / 60;
      week.sessions.push_back(std::move(session));
    }
    week.note = week_note(main_phases);
    if (k > 0 && selection.phases[k].from_week == w) {
      std::string entering = "New phase: exercises held back by screening now enter the plan.";
      week.note = week.note.empty() ? entering : entering + " " + week.note;
    }
    plan.weeks_list.push_back(std::move(week));
  }

  if (request.only_week > 0) {
    Week only = std::move(plan.weeks_list[static_cast<std::size_t>(request.only_week - 1)]);
    plan.weeks_list.assign(1, std::move(only));
  }
  for (auto kind : {BlockKind::warmup, BlockKind::cooldown}) {
    const auto& rule = rules.block(kind);
    if (rule.min_minutes == 0 || plan.weeks_list.empty()) continue;
    const auto& session = plan.weeks_list.front().sessions.front();
    int seconds = block_seconds(session.blocks[static_cast<std::size_t>(kind)], rules.timing);
    if (seconds < rule.min_minutes * 60) {
      add_note({"unfilled",
                fmt::format("The {} is about {} min, short of the {} min it should be: the catalogue "
                            "has too few exercises that fit it with your equipment.",
                            rule.title, (seconds + 59) / 60, rule.min_minutes),
                rule.source});
    }
  }
  return plan;
}

}  // namespace lbtrain
