#include "program/program_view.hpp"

#include "program/pain_light.hpp"
#include "program/pain_session.hpp"
#include "program/session_match.hpp"
#include "text_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <set>

namespace lbtrain::program {

namespace {

using Tracks = std::map<std::string, ExerciseTrack>;

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

/// The weekdays the plan trains on (every day when it has none).
std::set<int> training_days(const Plan& plan) {
  std::set<int> days;
  for (const auto& week : plan.weeks_list) {
    for (const auto& session : week.sessions) {
      if (session.weekday) days.insert(*session.weekday);
    }
  }
  if (days.empty()) days = {0, 1, 2, 3, 4, 5, 6};
  return days;
}

Date next_training_day(Date from, const std::set<int>& days) {
  while (!days.count(weekday_index(from))) from += std::chrono::days{1};
  return from;
}

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

/// The exercises of a session, with whether each builds week to week.
std::map<std::string, bool> exercises_of(const Session& session) {
  std::map<std::string, bool> ids;
  for (const auto& block : session.blocks) {
    for (const auto& item : block.items) ids[item.exercise.id] = ids[item.exercise.id] || item.block_top > 0;
  }
  return ids;
}

/// The rest-day rule two sessions on consecutive days would break, or nullptr.
const SpacedGroup* spacing_rule(const Session& a, const Session& b, const std::vector<SpacedGroup>& groups) {
  const auto first = exercises_of(a);
  const auto second = exercises_of(b);
  for (const auto& group : groups) {
    for (const auto& [id, building] : first) {
      if (group.building_only && !building) continue;
      auto other = second.find(id);
      if (group.each && other != second.end() && (!group.building_only || other->second)) return &group;
      if (group.each || !group.ids.count(id)) continue;
      for (const auto& [id2, building2] : second) {
        if (group.ids.count(id2) && (!group.building_only || building2)) return &group;
      }
    }
  }
  return nullptr;
}

/// The note on the next session when the last one done was long ago.
void say_gap(Session& next, const Session& final_session, std::optional<Date> last_done, const Adaptation& adaptation,
             int days_behind) {
  if (!last_done) return;
  int gap = static_cast<int>((*next.date - *last_done).count());
  if (gap < adaptation.missed_days) return;
  next.notes.push_back({"program", fill_placeholders(adaptation.text("missed_days"),
                                                     {{"days", std::to_string(gap)},
                                                      {"since", iso_date(*last_done)},
                                                      {"behind", std::to_string(days_behind)},
                                                      {"end", iso_date(*final_session.date)}}),
                        adaptation.source});
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

}  // namespace

ProgramView adapt_program(Plan plan, const Adaptation& adaptation, const AdaptInput& in) {
  ProgramView view;
  view.date = in.date;
  view.started = in.started;
  const std::vector<SessionRef> order = session_order(plan);
  std::vector<LoggedSet> program_sets;
  for (const auto& s : in.sets) {
    if (s.date >= in.start) program_sets.push_back(s);
  }
  const auto done = match_sessions(plan, order, program_sets, in.slots);
  const auto history = by_exercise(in.sets);
  auto session_at = [&](std::size_t k) -> Session& { return plan.weeks_list[order[k].week].sessions[order[k].session]; };

  Tracks tracks = make_tracks(plan, order, adaptation, in, history);

  const std::set<int> days = training_days(plan);
  // The pain rule: what the first session holds is never "new"; the gate opens on a green session.
  const PainRule* pain = adaptation.pain ? &*adaptation.pain : nullptr;
  std::set<std::string> first_keys;
  if (!order.empty()) {
    for (const auto& block : session_at(0).blocks) {
      for (const auto& item : block.items) first_keys.insert(track_key(block, item));
    }
  }
  const std::string hold = pain ? hold_reason(*pain, in.sets, in.marks, in.start) : "";
  const std::optional<HoldDays> held = pain ? std::optional<HoldDays>(HoldDays(*pain, in.sets, in.marks, in.start))
                                            : std::nullopt;
  bool gate_closed = false;
  std::string last_graded;
  auto entering = [&](const SessionBlock& block, const Prescription& item) {
    const std::string key = track_key(block, item);
    const bool comeback = std::find(pain->comebacks.begin(), pain->comebacks.end(), item.progression) != pain->comebacks.end();
    return !first_keys.count(key) && !tracks.at(key).entered() && (item.loaded || comeback);
  };
  std::optional<std::size_t> next;
  std::optional<Date> last_done;
  Date previous = in.date - std::chrono::days{1};
  std::optional<Date> layoff_since;  // the session before this one, done or ahead
  const Session* before = nullptr;   // that session
  std::chrono::days lag{0};          // how late the last session done was, against its plan
  for (std::size_t k = 0; k < order.size(); ++k) {
    Session& session = session_at(k);
    auto found = done.find(k);
    const Date planned = session.date.value_or(in.date);
    if (found != done.end()) {
      session.status = "done";
      session.date = *parse_iso_date(found->second.date);
      last_done = session.date;
      lag = *session.date - planned;
    } else {
      session.status = next ? "ahead" : "next";
      Date from = next ? previous + std::chrono::days{1}
                       : std::max(in.date, last_done ? *last_done + std::chrono::days{1} : in.date);
      session.date = std::max(planned, next_training_day(from, days));
      if (before && *session.date - *before->date < std::chrono::days{2} && spacing_rule(*before, session, in.spaced)) {
        // The session before was done late (or this one moved up): a rest day first.
        session.date = *before->date + std::chrono::days{2};
        if (!next) {
          session.notes.push_back({"program", fill_placeholders(adaptation.text("spacing"),
                                                                {{"last", iso_date(*before->date)},
                                                                 {"date", iso_date(*session.date)}}),
                                   adaptation.source});
        }
      }
      if (!next) {
        next = k;
        view.adherence.days_behind = static_cast<int>((*session.date - planned).count());
        if (planned + lag < in.date) {  // due even on the calendar the last session moved to
          const Week& week = plan.weeks_list[order[k].week];
          session.notes.push_back({"program", fill_placeholders(adaptation.text("repeat_session"),
                                                                {{"week", std::to_string(week.number)},
                                                                 {"day", std::to_string(session.day)},
                                                                 {"due", iso_date(planned)}}),
                                   adaptation.source});
        }
      }
      previous = *session.date;
    }
    session.weekday = weekday_index(*session.date);
    if (planned < in.date) ++view.adherence.sessions_due;
    const int gap = layoff_since ? static_cast<int>((*session.date - *layoff_since).count()) : 0;
    if (adaptation.layoff_days > 0 && gap >= adaptation.layoff_days) {
      // A layoff before this session: every exercise comes back over the ramp's sessions.
      for (auto& entry : tracks) entry.second.start_ramp(gap);
    }
    if (k == 0) ramp_from_history(tracks, history, *session.date, adaptation.layoff_days, in.start);
    layoff_since = session.date;
    before = &session;
    if (pain && found == done.end()) {
      std::vector<const Session*> earlier;  // the same day of the weeks before, latest first
      for (std::size_t w = order[k].week; w-- > 0;) {
        if (plan.weeks_list[w].sessions.size() > order[k].session) earlier.push_back(&plan.weeks_list[w].sessions[order[k].session]);
      }
      hold_for_pain(session, earlier, adaptation, in, hold, gate_closed && session.status == "next", last_graded,
                    entering);
      gate_closed = false;  // the sessions ahead are assumed done as written, and green
    }
    Light session_light = Light::none;
    const std::optional<int> session_pain = found == done.end() ? std::nullopt : worst_pain(found->second);
    // A session done while loaded back work was held: what it left out is not "not logged".
    const bool held_then = held && found != done.end() && held->held_on(found->second.date);
    for (auto& block : session.blocks) {
      for (auto& item : block.items) {
        ExerciseTrack& track = tracks.at(track_key(block, item));
        const std::string date = iso_date(*session.date);
        auto h = history.find(item.exercise.id);
        Prescription shown = track.show(item, found == done.end());
        // The check before an exercise enters ("only if you passed the dowel test") is said
        // until it is logged, not again once it is in.
        if (track.entered()) shown.gate.clear();
        auto last = last_before(h == history.end() ? nullptr : &h->second, date);
        if (!last.empty()) shown.last = done_item(last);
        if (found != done.end()) {
          auto sets = found->second.sets.find(item.exercise.id);
          const std::vector<LoggedSet>* logged = sets == found->second.sets.end() ? nullptr : &sets->second;
          if (logged) shown.logged = done_item(*logged);
          // A new exercise that waited for a green session, or work held, was left out, not "not logged".
          const bool waited = pain && gate_closed && entering(block, item);
          track.keep();
          track.record(item, shown, logged, date, block.kind == BlockKind::main && !held_then && !waited);
          if (pain && logged) session_light = worse(session_light, apply_pain(adaptation, track, shown, *logged, session_pain, date, in.marks));
        } else {
          track.assume_success(item);
        }
        item = std::move(shown);
      }
    }
    if (found != done.end()) {
      gate_closed = session_light != Light::none && session_light != Light::green;
      last_graded = iso_date(*session.date);
    }
  }
  view.adherence.sessions_planned = static_cast<int>(order.size());
  view.adherence.sessions_logged = static_cast<int>(done.size());
  view.complete = !next;
  if (next) {
    say_gap(session_at(*next), session_at(order.size() - 1), last_done, adaptation, view.adherence.days_behind);
  } else {
    plan.notes.push_back({"program", fill_placeholders(adaptation.text("complete"),
                                                       {{"sessions", std::to_string(order.size())}}),
                          adaptation.source});
  }
  plan.calendar_key = fmt::format("program-{}-{}", in.id, in.start);
  plan.calendar_sequence = view.adherence.sessions_logged;
  view.plan = std::move(plan);
  return view;
}

std::optional<Plan> next_session_plan(const ProgramView& view) {
  for (const auto& week : view.plan.weeks_list) {
    for (const auto& session : week.sessions) {
      if (session.status != "next") continue;
      Plan plan = view.plan;
      Week only = week;
      only.sessions = {session};
      plan.weeks_list = {only};
      plan.only_week = week.number;
      return plan;
    }
  }
  return std::nullopt;
}

}  // namespace lbtrain::program
