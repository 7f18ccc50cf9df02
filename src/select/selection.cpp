#include "lbtrain/select.hpp"

#include "model/text_match.hpp"

#include "select/chooser.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <map>
#include <set>

namespace lbtrain {

namespace {

using select::Held;

/// An exercise a phase-in holds back that the plan wants, and the week it may come in (0: not
/// within the plan).
struct Entry {
  const Exercise* exercise = nullptr;
  std::size_t hold = 0;  ///< index into Screened::holds
  int week = 0;
};

std::vector<Held> all_held(const Screened& screened) {
  std::vector<Held> held;
  for (const auto& h : screened.holds) held.push_back({h.phase_in, h.answer, {}});
  return held;
}

/// Where an exercise stands in a phase-in's order: the first hold selector it matches.
std::size_t hold_rank(const PhaseIn& phase_in, const Exercise& e) {
  for (std::size_t i = 0; i < phase_in.hold.size(); ++i) {
    if (phase_in.hold[i].matches(e)) return i;
  }
  return phase_in.hold.size();
}

/// The held exercises the plan wants (picked once nothing is held), in the order they come back:
/// by answer, then by the phase-in's own order, then by where they sit in a session. Each comes
/// in on a week of its own, `every_weeks` after the one before it of the same answer, never in an
/// easier week, and not before any phase-in that holds it allows.
std::vector<Entry> ladder(const std::vector<std::vector<Pick>>& wanted, const Screened& screened, const Rules& rules,
                          int weeks) {
  std::vector<Entry> entries;
  for (const auto& picks : wanted) {
    for (const auto& pick : picks) {
      const Exercise* e = pick.exercise;
      if (std::any_of(entries.begin(), entries.end(), [&](const Entry& x) { return x.exercise == e; })) continue;
      for (std::size_t h = 0; h < screened.holds.size(); ++h) {
        if (hold_rank(*screened.holds[h].phase_in, *e) < screened.holds[h].phase_in->hold.size()) {
          entries.push_back({e, h, 0});
          break;
        }
      }
    }
  }
  std::stable_sort(entries.begin(), entries.end(), [&](const Entry& a, const Entry& b) {
    if (a.hold != b.hold) return a.hold < b.hold;
    return hold_rank(*screened.holds[a.hold].phase_in, *a.exercise) <
           hold_rank(*screened.holds[b.hold].phase_in, *b.exercise);
  });
  std::map<std::size_t, int> next_of_hold;
  std::vector<int> taken;
  for (auto& entry : entries) {
    const PhaseIn& own = *screened.holds[entry.hold].phase_in;
    int week = next_of_hold.count(entry.hold) ? next_of_hold[entry.hold] : own.from_week;
    for (const auto& other : screened.holds) {
      if (hold_rank(*other.phase_in, *entry.exercise) < other.phase_in->hold.size()) {
        week = std::max(week, other.phase_in->from_week);
      }
    }
    while (rules.cycle.is_deload(week) || std::find(taken.begin(), taken.end(), week) != taken.end()) ++week;
    taken.push_back(week);
    next_of_hold[entry.hold] = week + own.every_weeks;
    entry.week = week <= weeks ? week : 0;
  }
  return entries;
}

bool same_picks(const std::vector<Pick>& a, const std::vector<Pick>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Pick& x, const Pick& y) {
    return x.slot == y.slot && x.exercise == y.exercise && x.intro == y.intro;
  });
}

void add_notes(std::vector<Note>& notes, const std::vector<Note>& more) {
  for (const auto& note : more) {
    if (std::find(notes.begin(), notes.end(), note) == notes.end()) notes.push_back(note);
  }
}

/// One note per phase-in that held something: what, why, and when each comes back.
void note_ladder(Selection& selection, const std::vector<Entry>& entries, const Screened& screened,
                 const Rules& rules, int weeks) {
  for (std::size_t h = 0; h < screened.holds.size(); ++h) {
    std::vector<std::string> in_plan, later;
    for (const auto& entry : entries) {
      if (entry.hold != h) continue;
      if (entry.week > 0) {
        in_plan.push_back(fill_placeholders(rules.text("phase_in_entry"),
                                            {{"name", entry.exercise->name}, {"week", std::to_string(entry.week)}}));
      } else {
        later.push_back(entry.exercise->name);
      }
    }
    if (!later.empty()) {
      in_plan.push_back(fill_placeholders(rules.text("phase_in_later"),
                                          {{"names", join(later, ", ")}, {"weeks", std::to_string(weeks)}}));
    }
    if (in_plan.empty()) continue;
    const auto& hold = screened.holds[h];
    selection.notes.push_back(
        {"screening",
         fill_placeholders(rules.text("phase_in"), {{"label", screened.answers[static_cast<std::size_t>(hold.answer)].label},
                                                    {"reason", hold.phase_in->reason},
                                                    {"entries", join(in_plan, "; ")}}),
         hold.phase_in->source});
  }
}

}  // namespace

Selection select_exercises(const DataSet& data, const Request& request, const Screened& screened) {
  const Rules& rules = data.rules;
  select::Ranking ranking;

  // A beginner moves up a level after a block: from then on the next level's exercises are
  // chosen where they fit.
  std::string level = request.level;
  std::string higher;
  int move_up_week = 0;
  if (auto it = rules.levels.find(level); it != rules.levels.end() && it->second.move_up_after_blocks > 0) {
    int week = rules.cycle.block_start(it->second.move_up_after_blocks);
    if (week <= request.weeks) {
      move_up_week = week;
      higher = it->second.move_up_to;
    }
  }

  // What the phase-ins hold back that the plan wants: the picks with nothing held, at each level.
  std::vector<Entry> entries;
  if (!screened.holds.empty()) {
    std::vector<std::vector<Pick>> wanted;
    std::set<int> all_holding;
    for (const auto& hold : screened.holds) all_holding.insert(hold.answer);
    for (const auto& at : {level, higher}) {
      if (!at.empty()) wanted.push_back(select::choose_phase(data, request, screened, ranking, at, {}, all_holding).picks);
    }
    entries = ladder(wanted, screened, rules, request.weeks);
  }

  std::vector<int> starts{1};
  if (move_up_week > 0) starts.push_back(move_up_week);
  // A phase-in holds on until its last exercise has had a week in the plan: doses that change
  // while something is held back change back only then, not in the week the last one enters.
  std::map<std::size_t, int> released_by;  // hold -> the week it holds nothing any more
  for (const auto& entry : entries) {
    if (entry.week > 0) starts.push_back(entry.week);
    int& until = released_by[entry.hold];
    until = entry.week == 0 || until == INT_MAX ? INT_MAX : std::max(until, entry.week + 1);
  }
  for (auto& [hold, week] : released_by) {
    while (week != INT_MAX && rules.cycle.is_deload(week)) ++week;
    if (week <= request.weeks) starts.push_back(week);
  }
  // An exercise that enters follows its phase-in's introduction until its next block begins.
  auto intro_end = [&](const Entry& entry) { return rules.cycle.block_start(rules.cycle.block_of(entry.week) + 1); };
  for (const auto& entry : entries) {
    if (entry.week > 0 && !screened.holds[entry.hold].phase_in->intro.empty() && intro_end(entry) <= request.weeks) {
      starts.push_back(intro_end(entry));
    }
  }
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());

  Selection selection;
  std::vector<Note> notes;
  for (int start : starts) {
    std::vector<Held> held = all_held(screened);
    for (const auto& entry : entries) {
      if (entry.week > 0 && entry.week <= start) held[entry.hold].released.insert(entry.exercise);
    }
    std::string phase_level = move_up_week > 0 && start >= move_up_week ? higher : level;
    std::set<int> holding;
    for (const auto& [hold, week] : released_by) {
      if (start < week) holding.insert(screened.holds[hold].answer);
    }
    auto choice = select::choose_phase(data, request, screened, ranking, phase_level, held, holding);
    selection.heard.insert(choice.heard.begin(), choice.heard.end());
    add_notes(notes, choice.notes);
    SelectionPhase phase{start, phase_level, std::move(choice.picks), std::move(choice.reserve), holding, {}};
    for (auto& pick : phase.picks) {
      for (const auto& entry : entries) {
        if (entry.exercise != pick.exercise || entry.week == 0) continue;
        const PhaseIn& phase_in = *screened.holds[entry.hold].phase_in;
        if (entry.week == start) pick.gate = phase_in.gate;
        if (entry.week <= start && start < intro_end(entry)) pick.intro = phase_in.intro;
      }
    }
    if (start == move_up_week && !selection.phases.empty()) {
      for (const auto& pick : phase.picks) {
        const auto& before = selection.phases.back().picks;
        bool is_new = std::none_of(before.begin(), before.end(), [&](const Pick& p) { return p.exercise == pick.exercise; });
        if (is_new && pick.gate.empty()) phase.moved_up.push_back(pick.exercise);
      }
    }
    // A phase that changes nothing is not a phase.
    if (!selection.phases.empty() && same_picks(selection.phases.back().picks, phase.picks) &&
        selection.phases.back().holding == phase.holding && selection.phases.back().level == phase.level) {
      continue;
    }
    selection.phases.push_back(std::move(phase));
  }
  note_ladder(selection, entries, screened, rules, request.weeks);
  add_notes(selection.notes, notes);
  return selection;
}

}  // namespace lbtrain
