// Each exercise's track through a program: the plan's prescriptions for it, seeded with the log
// from before the program, and the log's sets as they are looked up while adapting.

#include "program/program_tracks.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace lbtrain::program {

std::string track_key(const SessionBlock& block, const Prescription& item) {
  return fmt::format("{}/{}", static_cast<int>(block.kind), item.exercise.id);
}

/// Each exercise's working sets, oldest first.
std::map<std::string, std::vector<const LoggedSet*>> by_exercise(const std::vector<LoggedSet>& sets) {
  std::map<std::string, std::vector<const LoggedSet*>> out;
  for (const auto& s : sets) out[s.exercise_id].push_back(&s);
  return out;
}

/// The sets of the last date before `date` on which the exercise was logged.
std::vector<LoggedSet> last_before(const std::vector<const LoggedSet*>* sets, const std::string& date) {
  std::vector<LoggedSet> out;
  if (!sets) return out;
  auto end = std::lower_bound(sets->begin(), sets->end(), date,
                              [](const LoggedSet* s, const std::string& d) { return s->date < d; });
  if (end == sets->begin()) return out;
  const std::string& last = (*(end - 1))->date;
  for (auto it = end; it != sets->begin() && (*(it - 1))->date == last; --it) out.insert(out.begin(), **(it - 1));
  return out;
}

DoneItem done_item(const std::vector<LoggedSet>& sets) {
  DoneItem item;
  if (!sets.empty()) item.date = sets.front().date;
  for (const auto& s : sets) {
    DoneSet d;
    d.count = s.count;
    d.load = s.load;
    if (s.load) d.unit = std::string(to_string(s.unit));
    d.rir = s.rir;
    d.pain = s.pain;
    item.sets.push_back(d);
  }
  return item;
}

namespace {

/// The load steps of an exercise: its implement's (the next dumbbell, kettlebell) unless the
/// user gave an increment; and whether its load can be a number at all (not a band's).
std::pair<Increments, bool> load_steps(const std::string& id, const Adaptation& adaptation, const AdaptInput& in) {
  Increments steps = in.increments;
  auto found = in.equipment.find(id);
  if (found == in.equipment.end()) return {steps, true};
  for (const auto& equipment : found->second) {
    const auto& none = adaptation.unnumbered_equipment;
    if (std::find(none.begin(), none.end(), equipment) != none.end()) return {steps, false};
  }
  if (steps.given) return {steps, true};
  for (const auto& equipment : found->second) {
    auto implement = adaptation.implement_steps.find(equipment);
    if (implement == adaptation.implement_steps.end()) continue;
    for (const auto& [unit, step] : implement->second) steps.step[*parse_load_unit(unit)] = step;
    break;
  }
  return {steps, true};
}

}  // namespace

/// A track for each exercise of each block, holding the plan's prescriptions for it in order and
/// seeded with the last session logged before the program (history_start.cpp).
Tracks make_tracks(Plan& plan, const std::vector<SessionRef>& order, const Adaptation& adaptation,
                   const AdaptInput& in, const std::map<std::string, std::vector<const LoggedSet*>>& history) {
  Tracks tracks;
  std::vector<std::pair<ExerciseTrack*, std::string>> seeds;  // once each knows its prescriptions
  for (const auto& ref : order) {
    for (const auto& block : plan.weeks_list[ref.week].sessions[ref.session].blocks) {
      for (const auto& item : block.items) {
        std::string key = track_key(block, item);
        auto it = tracks.find(key);
        if (it == tracks.end()) {
          auto [steps, numbered] = load_steps(item.exercise.id, adaptation, in);
          it = tracks.emplace(key, ExerciseTrack(adaptation.rule_for(item.progression), adaptation, steps, numbered)).first;
          seeds.emplace_back(&it->second, item.exercise.id);
        }
        it->second.add_occurrence(item, plan.weeks_list[ref.week].number);
      }
    }
  }
  for (const auto& [track, id] : seeds) {
    auto found = history.find(id);
    auto before = last_before(found == history.end() ? nullptr : &found->second, in.start);
    if (!before.empty()) track->seed(before, before.front().date);
  }
  return tracks;
}

/// Before a program's first session (on `first`): an exercise last logged (before the program's
/// `start`) `layoff_days` or more earlier comes back over the layoff ramp, as after a layoff
/// inside the program; imported history from months ago is not today's load.
void ramp_from_history(Tracks& tracks, const std::map<std::string, std::vector<const LoggedSet*>>& history, Date first,
                       int layoff_days, const std::string& start) {
  if (layoff_days <= 0) return;
  for (auto& [key, track] : tracks) {
    auto h = history.find(key.substr(key.find('/') + 1));
    if (h == history.end()) continue;
    std::optional<Date> last;
    for (const LoggedSet* set : h->second) {
      if (set->date < start) last = parse_iso_date(set->date);
    }
    if (!last) continue;
    const int gap = static_cast<int>((first - *last).count());
    if (gap >= layoff_days) track.start_ramp(gap);
  }
}

}  // namespace lbtrain::program
