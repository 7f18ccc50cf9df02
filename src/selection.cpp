#include "lbtrain/selection.hpp"

#include "lbtrain/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <climits>
#include <map>
#include <set>

namespace lbtrain {

namespace {

/// An exclusion together with the goal that imposes it.
struct ActiveExclusion {
  const Goal* goal;
  const Exclusion* rule;
  bool delayed = false;  ///< a phase-in from screening: explained by its own note
};

/// Why a candidate could not be used.
enum class Blocked { no, excluded, equipment, level, used };

struct Candidate {
  const Exercise* exercise;
  Blocked blocked = Blocked::no;
  const ActiveExclusion* exclusion = nullptr;
  std::vector<std::string> missing_equipment;
};

std::string block_title(const Rules& rules, BlockKind kind) {
  return rules.block(kind).title;
}

class ExerciseChooser {
 public:
  ExerciseChooser(const DataSet& data, const Request& request, const std::vector<ActiveExclusion>& delays)
      : data_(data), request_(request) {
    user_rank_ = data.vocabulary->level_rank(request.level);
    for (const Goal* goal : request.participants) {
      for (const auto& rule : goal->exclude) exclusions_.push_back({goal, &rule});
    }
    exclusions_.insert(exclusions_.end(), delays.begin(), delays.end());
  }

  struct Result {
    std::vector<Pick> picks;
    std::vector<Note> notes;
    std::set<const Exclusion*> fired;  ///< exclusions that kept an exercise out
  };

  Result run() {
    add_goal_notes();
    // Main work is the point of a session, so it chooses first; warm-up and cool-down then
    // fill from what is left, which keeps an exercise from appearing twice in one session.
    for (BlockKind kind : {BlockKind::main, BlockKind::warmup, BlockKind::cooldown}) {
      for (const Goal* goal : request_.participants) {
        for (const auto& slot : goal->slots(kind)) choose(*goal, slot, kind);
      }
    }
    add_exclusion_drop_notes();
    fill_alternatives();
    std::vector<Pick> picks;
    for (BlockKind kind : all_block_kinds) {
      for (const Goal* goal : request_.participants) {
        for (const auto& slot : goal->slots(kind)) {
          auto it = picks_.find(&slot);
          if (it != picks_.end()) picks.push_back(it->second);
        }
      }
    }
    return {std::move(picks), std::move(notes_), std::move(fired_)};
  }

 private:
  const DataSet& data_;
  const Request& request_;
  int user_rank_ = 0;
  std::vector<ActiveExclusion> exclusions_;
  std::map<const Slot*, Pick> picks_;
  std::map<const Exercise*, const Goal*> used_;
  std::vector<Note> notes_;
  // exclusion -> exercises it kept out of a slot they would otherwise have filled
  std::map<const ActiveExclusion*, std::vector<const Exercise*>> dropped_;
  std::map<const Slot*, std::vector<Candidate>> ranked_;
  std::set<const Exclusion*> fired_;

  void note(std::string topic, std::string text, std::string source) {
    notes_.push_back({std::move(topic), std::move(text), std::move(source)});
  }

  void add_goal_notes() {
    for (const Goal* goal : request_.goals) {
      for (const auto& opposition : goal->opposes) {
        for (const Goal* other : request_.goals) {
          if (other != goal && other->id == opposition.goal) {
            note("goals", fmt::format("{} and {}: {}.", goal->name, other->name, opposition.note),
                 goal->sources.empty() ? "" : goal->sources.front());
          }
        }
      }
    }
    for (const auto& ex : exclusions_) {
      if (ex.delayed || ex.rule->by_user) continue;
      std::string scope = request_.participants.size() > 1 ? "the whole plan" : "this plan";
      note("exclusion",
           fmt::format("{} rule \"{}\" applies to {}: {}.", ex.goal->name, ex.rule->id, scope,
                       ex.rule->reason),
           ex.rule->source);
    }
  }

  std::vector<std::string> missing_equipment(const Exercise& e) const {
    std::vector<std::string> missing;
    for (const auto& item : e.equipment) {
      if (item != "none" && std::find(request_.equipment.begin(), request_.equipment.end(), item) ==
                                request_.equipment.end()) {
        missing.push_back(item);
      }
    }
    return missing;
  }

  const ActiveExclusion* exclusion_for(const Exercise& e) const {
    for (const auto& ex : exclusions_) {
      if (ex.rule->select.matches(e)) return &ex;
    }
    return nullptr;
  }

  // Candidates for a slot, best first: the slot's preference list in order, then the rest
  // by how many of the wanted muscles they train, easier level first, then id. Nothing
  // depends on the order of the catalogue file.
  std::vector<Candidate> rank(const Slot& slot) const {
    struct Ranked {
      int prefer;
      int score;
      int level;
      const Exercise* e;
    };
    std::vector<Ranked> ranked;
    for (const auto& e : data_.catalogue.exercises) {
      if (!slot.select.matches(e)) continue;
      auto it = std::find(slot.prefer.begin(), slot.prefer.end(), e.id);
      int prefer = it == slot.prefer.end() ? INT_MAX : static_cast<int>(it - slot.prefer.begin());
      ranked.push_back({prefer, slot.select.muscle_score(e), data_.vocabulary->level_rank(e.level), &e});
    }
    std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
      if (a.prefer != b.prefer) return a.prefer < b.prefer;
      if (a.score != b.score) return a.score > b.score;
      if (a.level != b.level) return a.level < b.level;
      return a.e->id < b.e->id;
    });
    std::vector<Candidate> out;
    for (const auto& r : ranked) {
      Candidate c{r.e, Blocked::no, nullptr, {}};
      if ((c.exclusion = exclusion_for(*r.e))) {
        c.blocked = Blocked::excluded;
      } else if (!(c.missing_equipment = missing_equipment(*r.e)).empty()) {
        c.blocked = Blocked::equipment;
      } else if (r.level > user_rank_) {
        c.blocked = Blocked::level;
      }
      out.push_back(std::move(c));
    }
    return out;
  }

  std::string slot_label(const Goal& goal, const Slot& slot, BlockKind kind) const {
    return fmt::format("{} {} slot \"{}\"", goal.id, block_title(data_.rules, kind), slot.id);
  }

  void choose(const Goal& goal, const Slot& slot, BlockKind kind) {
    auto& ranked = ranked_[&slot] = rank(slot);
    const Candidate* chosen = nullptr;
    const Candidate* covered_by = nullptr;
    for (auto& c : ranked) {
      if (c.blocked != Blocked::no) continue;
      auto used = used_.find(c.exercise);
      if (used != used_.end()) {
        // The best available exercise is already in the plan for another goal: the two
        // goals' slots merge into one item rather than adding a near-duplicate.
        if (used->second != &goal) {
          covered_by = &c;
          break;
        }
        continue;
      }
      chosen = &c;
      break;
    }
    const Candidate* top = ranked.empty() ? nullptr : &ranked.front();
    // Exclusions that removed exercises ranked ahead of the one used; a slot emptied
    // entirely is explained by its own note instead.
    for (auto& c : ranked) {
      if (&c == chosen || &c == covered_by) break;
      if (c.blocked == Blocked::excluded) fired_.insert(c.exclusion->rule);
    }
    for (auto& c : ranked) {
      if (!chosen && !covered_by) break;
      if (&c == chosen || &c == covered_by) break;
      if (c.blocked == Blocked::excluded) dropped_[c.exclusion].push_back(c.exercise);
    }
    if (covered_by) {
      note("merged",
           fmt::format("{}: already covered by {} (from {}).", slot_label(goal, slot, kind),
                       covered_by->exercise->name, used_.at(covered_by->exercise)->id),
           slot.source);
      return;
    }
    if (!chosen) {
      note_unfilled(goal, slot, kind, ranked);
      return;
    }
    if (top && top != chosen && (top->blocked == Blocked::equipment || top->blocked == Blocked::level)) {
      std::string why = top->blocked == Blocked::equipment
                            ? fmt::format("needs {}, which is not in your equipment",
                                          join(top->missing_equipment, " and "))
                            : fmt::format("is an {} exercise", top->exercise->level);
      note("fallback",
           fmt::format("{}: {} {}; using {} instead.", slot_label(goal, slot, kind),
                       top->exercise->name, why, chosen->exercise->name),
           slot.source);
    }
    used_[chosen->exercise] = &goal;
    picks_[&slot] = Pick{&goal, &slot, kind, chosen->exercise, {}};
  }

  void note_unfilled(const Goal& goal, const Slot& slot, BlockKind kind,
                     const std::vector<Candidate>& ranked) {
    std::string reason;
    bool all_excluded = !ranked.empty() && std::all_of(ranked.begin(), ranked.end(), [](const Candidate& c) {
      return c.blocked == Blocked::excluded;
    });
    if (all_excluded) {
      std::vector<std::string> rules, names;
      bool by_user = std::all_of(ranked.begin(), ranked.end(),
                                 [](const Candidate& c) { return c.exclusion->rule->by_user; });
      for (const auto& c : ranked) {
        std::string rule = fmt::format("{} rule \"{}\"", c.exclusion->goal->name, c.exclusion->rule->id);
        if (std::find(rules.begin(), rules.end(), rule) == rules.end()) rules.push_back(rule);
        names.push_back(c.exercise->name);
      }
      if (by_user) {
        note("exclusion",
             fmt::format("{} is left empty: you excluded every exercise that fits it ({}).",
                         slot_label(goal, slot, kind), join(names, ", ")),
             "--exclude");
      } else {
        note("exclusion",
             fmt::format("{} is dropped (safety first): every exercise that fits it ({}) is ruled out "
                         "by {}.",
                         slot_label(goal, slot, kind), join(names, ", "), join(rules, " and ")),
             ranked.front().exclusion->rule->source);
      }
      return;
    }
    if (ranked.empty()) {
      reason = "no exercise in the catalogue matches it";
    } else {
      std::vector<std::string> parts;
      std::vector<std::string> excluded_by, equipment, level, used;
      for (const auto& c : ranked) {
        switch (c.blocked) {
          case Blocked::excluded:
            excluded_by.push_back(fmt::format("{} (ruled out by {})", c.exercise->name, c.exclusion->goal->id));
            break;
          case Blocked::equipment:
            equipment.push_back(fmt::format("{} (needs {})", c.exercise->name, join(c.missing_equipment, ", ")));
            break;
          case Blocked::level: level.push_back(c.exercise->name); break;
          default: used.push_back(c.exercise->name); break;
        }
      }
      if (!excluded_by.empty()) parts.push_back("excluded for safety: " + join(excluded_by, ", "));
      if (!equipment.empty()) parts.push_back("missing equipment: " + join(equipment, ", "));
      if (!level.empty()) parts.push_back("above your level: " + join(level, ", "));
      if (!used.empty()) parts.push_back("already in the session: " + join(used, ", "));
      reason = join(parts, "; ");
    }
    note("unfilled", fmt::format("{} is left empty: {}.", slot_label(goal, slot, kind), reason),
         slot.source);
  }

  void add_exclusion_drop_notes() {
    for (const auto& ex : exclusions_) {
      auto it = dropped_.find(&ex);
      if (it == dropped_.end()) continue;
      std::vector<std::string> names;
      for (const Exercise* e : it->second) {
        if (std::find(names.begin(), names.end(), e->name) == names.end()) names.push_back(e->name);
      }
      if (ex.rule->by_user) {
        note("exclusion", fmt::format("Left out at your request: {}.", join(names, ", ")), ex.rule->source);
      } else {
        note("exclusion",
             fmt::format("Left out because of {} rule \"{}\" (safety first): {}.", ex.goal->name,
                         ex.rule->id, join(names, ", ")),
             ex.rule->source);
      }
    }
  }

  void fill_alternatives() {
    for (auto& [slot, pick] : picks_) {
      for (const auto& c : ranked_[slot]) {
        if (pick.alternatives.size() == 3) break;
        if (c.blocked != Blocked::no || used_.count(c.exercise)) continue;
        pick.alternatives.push_back(c.exercise);
      }
    }
  }
};

bool same_picks(const std::vector<Pick>& a, const std::vector<Pick>& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const Pick& x, const Pick& y) {
    return x.slot == y.slot && x.exercise == y.exercise;
  });
}

}  // namespace

Selection select_exercises(const DataSet& data, const Request& request) {
  // Screening can hold exercises back until a week of the plan (a hinge phase before back
  // extensions, say). Each distinct week splits the plan into phases; in a phase, every delay
  // not yet over acts as an exclusion. A plan too short to reach a delay's end never gets
  // those exercises at all.
  struct Held {
    Goal owner;
    Exclusion rule;
    int until_week;
  };
  std::vector<Held> held;
  std::vector<Note> delay_notes;
  Selection selection;
  for (const auto& active : request.screening) {
    if (!active.effect->delay) continue;
    const Delay& delay = *active.effect->delay;
    bool too_short = request.weeks < delay.min_plan_weeks;
    Held h;
    h.owner.id = active.screening->id;
    h.owner.name = active.label;
    h.rule.id = too_short ? "not-in-a-short-plan" : fmt::format("wait-until-week-{}", delay.until_week);
    h.rule.select = delay.select;
    h.rule.reason = delay.reason;
    h.rule.source = delay.source;
    h.until_week = too_short ? request.weeks + 1 : delay.until_week;
    held.push_back(std::move(h));
    delay_notes.push_back(
        {"screening",
         too_short ? fmt::format("{}: {}; this {}-week plan ends before week {}, so they stay out of it.",
                                 active.label, delay.reason, request.weeks, delay.until_week)
                   : fmt::format("{}: {}; they enter in week {}.", active.label, delay.reason, delay.until_week),
         delay.source});
  }
  std::vector<int> starts{1};
  for (const auto& h : held) {
    if (h.until_week <= request.weeks) starts.push_back(h.until_week);
  }
  std::sort(starts.begin(), starts.end());
  starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
  std::set<const Exclusion*> fired;
  std::vector<Note> notes;
  for (int start : starts) {
    std::vector<ActiveExclusion> delays;
    for (const auto& h : held) {
      if (start < h.until_week) delays.push_back({&h.owner, &h.rule, true});
    }
    auto result = ExerciseChooser(data, request, delays).run();
    fired.insert(result.fired.begin(), result.fired.end());
    // A phase that changes nothing is not a phase.
    bool same = !selection.phases.empty() && same_picks(selection.phases.back().picks, result.picks);
    if (!same) selection.phases.push_back({start, std::move(result.picks)});
    notes.insert(notes.end(), result.notes.begin(), result.notes.end());
  }
  // A delay is explained only where it held something back.
  for (std::size_t i = 0; i < held.size(); ++i) {
    if (fired.count(&held[i].rule)) selection.notes.push_back(delay_notes[i]);
  }
  for (auto& note : notes) {
    if (std::find(selection.notes.begin(), selection.notes.end(), note) == selection.notes.end()) {
      selection.notes.push_back(std::move(note));
    }
  }
  return selection;
}

}  // namespace lbtrain
