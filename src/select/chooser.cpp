#include "select/chooser.hpp"

#include "model/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <climits>

namespace lbtrain::select {

bool Held::holds(const Exercise& e) const {
  if (released.count(&e)) return false;
  return std::any_of(phase_in->hold.begin(), phase_in->hold.end(), [&](const Selector& s) { return s.matches(e); });
}

namespace {

/// Why a candidate could not be used.
enum class Blocked { no, excluded, held, equipment, level };

struct Candidate {
  const Exercise* exercise = nullptr;
  Blocked blocked = Blocked::no;
  const ActiveExclusion* exclusion = nullptr;
  const Held* held = nullptr;
  std::vector<std::string> missing_equipment;
};

std::vector<const Exercise*> rank(const Slot& slot, const DataSet& data) {
  struct Ranked {
    int tier;  ///< 0: the slot's selector, 1: its fallback
    int prefer;
    int score;
    int level;
    const Exercise* e;
  };
  std::vector<Ranked> ranked;
  auto preference = [](const std::vector<std::string>& prefer, const Exercise& e) {
    auto it = std::find(prefer.begin(), prefer.end(), e.id);
    return it == prefer.end() ? INT_MAX : static_cast<int>(it - prefer.begin());
  };
  for (const auto& e : data.catalogue.exercises) {
    int level = data.vocabulary->level_rank(e.level.str());
    if (slot.select.matches(e)) {
      ranked.push_back({0, preference(slot.prefer, e), slot.select.muscle_score(e), level, &e});
    } else if (slot.fallback && slot.fallback->matches(e)) {
      ranked.push_back({1, preference(slot.fallback_prefer, e), slot.fallback->muscle_score(e), level, &e});
    }
  }
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    if (a.tier != b.tier) return a.tier < b.tier;
    if (a.prefer != b.prefer) return a.prefer < b.prefer;
    if (a.score != b.score) return a.score > b.score;
    if (a.level != b.level) return a.level < b.level;
    return a.e->id < b.e->id;
  });
  std::vector<const Exercise*> out;
  out.reserve(ranked.size());
  for (const auto& r : ranked) out.push_back(r.e);
  return out;
}

class Chooser {
 public:
  Chooser(const DataSet& data, const Request& request, const Screened& screened, Ranking& ranking,
          const std::string& level, const std::vector<Held>& held, const std::set<int>& holding)
      : data_(data),
        rules_(data.rules),
        request_(request),
        screened_(screened),
        ranking_(ranking),
        held_(held),
        holding_(holding) {
    level_rank_ = data.vocabulary->level_rank(level);
  }

  Choice run() {
    // Main work is the point of a session, so it chooses first; warm-up and cool-down then
    // fill from what is left, which keeps an exercise from appearing twice in one session.
    for (BlockKind kind : {BlockKind::main, BlockKind::warmup, BlockKind::cooldown}) {
      for (const auto& participant : screened_.participants) {
        for (const Slot* slot : participant.block(kind)) choose(participant, *slot, kind);
      }
    }
    note_left_out();
    for (BlockKind kind : all_block_kinds) {
      for (const auto& participant : screened_.participants) {
        for (const Slot* slot : participant.block(kind)) {
          auto it = picks_.find(slot);
          if (it == picks_.end()) continue;
          fill_alternatives(it->second);
          choice_.picks.push_back(it->second);
        }
      }
    }
    for (BlockKind kind : {BlockKind::warmup, BlockKind::cooldown}) fill_reserve(kind);
    return std::move(choice_);
  }

 private:
  const DataSet& data_;
  const Rules& rules_;
  const Request& request_;
  const Screened& screened_;
  Ranking& ranking_;
  const std::vector<Held>& held_;
  const std::set<int>& holding_;
  int level_rank_ = 0;
  std::set<const Exercise*> offered_;  ///< alternatives already offered for another pick
  Choice choice_;
  std::map<const Slot*, Pick> picks_;
  std::map<const Exercise*, const Participant*> used_;
  std::map<const ActiveExclusion*, std::vector<const Exercise*>> dropped_;

  void note(std::string topic, std::string text, std::string source) {
    Note n{std::move(topic), std::move(text), std::move(source)};
    if (std::find(choice_.notes.begin(), choice_.notes.end(), n) == choice_.notes.end()) {
      choice_.notes.push_back(std::move(n));
    }
  }
  std::string say(std::string_view id, const std::map<std::string, std::string>& values) const {
    return fill_placeholders(rules_.text(id), values);
  }

  const std::vector<const Exercise*>& ranked(const Slot& slot) {
    auto it = ranking_.find(&slot);
    if (it == ranking_.end()) it = ranking_.emplace(&slot, rank(slot, data_)).first;
    return it->second;
  }

  Candidate judge(const Exercise* e) const {
    Candidate c;
    c.exercise = e;
    for (const auto& ex : screened_.exclusions) {
      if (ex.select.matches(*e)) {
        c.blocked = Blocked::excluded;
        c.exclusion = &ex;
        return c;
      }
    }
    for (const auto& h : held_) {
      if (h.holds(*e)) {
        c.blocked = Blocked::held;
        c.held = &h;
        return c;
      }
    }
    for (const auto& item : e->equipment) {
      if (item != "none" && std::find(request_.equipment.begin(), request_.equipment.end(), item) ==
                                request_.equipment.end()) {
        c.missing_equipment.push_back(item);
      }
    }
    if (!c.missing_equipment.empty()) {
      c.blocked = Blocked::equipment;
    } else if (data_.vocabulary->level_rank(e->level.str()) > level_rank_) {
      c.blocked = Blocked::level;
    }
    return c;
  }

  /// "Deadlift lockout (main: back-extension)".
  std::string slot_label(const Participant& owner, const Slot& slot, BlockKind kind) const {
    std::string block = rules_.block(kind).title;
    for (auto& c : block) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return fmt::format("{} ({}: {})", owner.name, block, slot.id);
  }

  void choose(const Participant& owner, const Slot& slot, BlockKind kind) {
    // A slot that lasts only while its answer holds something back (the substitute for a squat
    // that has come back) is not chosen once nothing is held.
    if (slot.while_held && !holding_.count(owner.answer)) return;
    std::vector<Candidate> seen;  // judged candidates ahead of the one used, and it
    const Candidate* chosen = nullptr;
    const Candidate* covered_by = nullptr;
    for (const Exercise* e : ranked(slot)) {
      seen.push_back(judge(e));
      const Candidate& c = seen.back();
      if (c.blocked != Blocked::no) continue;
      auto used = used_.find(e);
      if (used == used_.end()) {
        chosen = &c;
        break;
      }
      // The best available exercise is already in the plan for someone else: the two slots
      // merge into one item rather than adding a near-duplicate.
      if (used->second != &owner) {
        covered_by = &c;
        break;
      }
    }
    const Candidate* used = chosen ? chosen : covered_by;
    for (const auto& c : seen) {
      if (&c == used) break;
      if (c.blocked == Blocked::excluded) {
        if (c.exclusion->answer >= 0) choice_.heard.insert(c.exclusion->answer);
        if (used) dropped_[c.exclusion].push_back(c.exercise);
      } else if (c.blocked == Blocked::held) {
        choice_.heard.insert(c.held->answer);
        choice_.held_back.insert(c.exercise);
      }
    }
    if (used && owner.answer >= 0) choice_.heard.insert(owner.answer);
    if (covered_by) {
      note("merged",
           say("merged", {{"slot", slot_label(owner, slot, kind)},
                          {"exercise", covered_by->exercise->name},
                          {"owner", used_.at(covered_by->exercise)->name}}),
           slot.source);
      return;
    }
    if (!chosen) {
      note_unfilled(owner, slot, kind, seen);
      return;
    }
    const Candidate& top = seen.front();
    if (&top != chosen && (top.blocked == Blocked::equipment || top.blocked == Blocked::level)) {
      std::map<std::string, std::string> values{{"slot", slot_label(owner, slot, kind)},
                                                {"exercise", top.exercise->name},
                                                {"chosen", chosen->exercise->name},
                                                {"missing", join(top.missing_equipment, " and ")},
                                                {"level", top.exercise->level}};
      note("fallback", say(top.blocked == Blocked::equipment ? "fallback_equipment" : "fallback_level", values),
           slot.source);
    }
    used_[chosen->exercise] = &owner;
    picks_[&slot] = Pick{&owner, &slot, kind, chosen->exercise, {}, {}, {}};
  }

  void note_unfilled(const Participant& owner, const Slot& slot, BlockKind kind, const std::vector<Candidate>& seen) {
    // Held back for now: the phase-in explains it, and a later phase fills the slot.
    if (std::any_of(seen.begin(), seen.end(), [](const Candidate& c) { return c.blocked == Blocked::held; })) return;
    std::string label = slot_label(owner, slot, kind);
    bool all_excluded = !seen.empty() && std::all_of(seen.begin(), seen.end(), [](const Candidate& c) {
      return c.blocked == Blocked::excluded;
    });
    if (all_excluded) {
      std::vector<std::string> rules, names;
      bool by_user = std::all_of(seen.begin(), seen.end(), [](const Candidate& c) { return c.exclusion->by_user; });
      for (const auto& c : seen) {
        std::string rule = fmt::format("{} rule \"{}\"", c.exclusion->owner, c.exclusion->rule);
        if (std::find(rules.begin(), rules.end(), rule) == rules.end()) rules.push_back(rule);
        names.push_back(c.exercise->name);
      }
      if (by_user) {
        note("exclusion", say("slot_excluded_by_user", {{"slot", label}, {"names", join(names, ", ")}}), "--exclude");
      } else {
        note("exclusion",
             say("slot_excluded_for_safety", {{"slot", label}, {"names", join(names, ", ")}, {"rules", join(rules, " and ")}}),
             seen.front().exclusion->source);
      }
      return;
    }
    std::string reasons;
    if (seen.empty()) {
      reasons = rules_.text("unfilled_none");
    } else {
      std::vector<std::string> excluded, equipment, level, used;
      for (const auto& c : seen) {
        switch (c.blocked) {
          case Blocked::excluded:
            excluded.push_back(fmt::format("{} (ruled out by {})", c.exercise->name, c.exclusion->owner));
            break;
          case Blocked::equipment:
            equipment.push_back(fmt::format("{} (needs {})", c.exercise->name, join(c.missing_equipment, ", ")));
            break;
          case Blocked::level: level.push_back(c.exercise->name); break;
          default: used.push_back(c.exercise->name); break;
        }
      }
      std::vector<std::string> parts;
      if (!excluded.empty()) parts.push_back(say("unfilled_excluded", {{"names", join(excluded, ", ")}}));
      if (!equipment.empty()) parts.push_back(say("unfilled_equipment", {{"names", join(equipment, ", ")}}));
      if (!level.empty()) parts.push_back(say("unfilled_level", {{"names", join(level, ", ")}}));
      if (!used.empty()) parts.push_back(say("unfilled_used", {{"names", join(used, ", ")}}));
      reasons = join(parts, "; ");
    }
    note("unfilled", say("slot_unfilled", {{"slot", label}, {"reasons", reasons}}), slot.source);
  }

  void note_left_out() {
    for (const auto& ex : screened_.exclusions) {
      auto it = dropped_.find(&ex);
      if (it == dropped_.end()) continue;
      std::vector<std::string> names;
      for (const Exercise* e : it->second) {
        if (std::find(names.begin(), names.end(), e->name) == names.end()) names.push_back(e->name);
      }
      if (ex.by_user) {
        note("exclusion", say("left_out_by_user", {{"names", join(names, ", ")}}), ex.source);
      } else {
        note("exclusion", say("left_out_for_safety", {{"owner", ex.owner}, {"rule", ex.rule}, {"names", join(names, ", ")}}),
             ex.source);
      }
    }
  }

  // Each alternative is offered once in a phase, so two items never suggest the same swap.
  void fill_alternatives(Pick& pick) {
    for (const Exercise* e : ranked(*pick.slot)) {
      if (pick.alternatives.size() == 3) break;
      if (e == pick.exercise || used_.count(e) || offered_.count(e) || judge(e).blocked != Blocked::no) continue;
      pick.alternatives.push_back(e);
      offered_.insert(e);
    }
  }

  // A few are plenty: a block needs at most a drill or two more to reach its minimum.
  static constexpr std::size_t reserve_size = 8;

  void fill_reserve(BlockKind kind) {
    auto& reserve = choice_.reserve[static_cast<std::size_t>(kind)];
    auto offer = [&](const Exercise* e) {
      if (used_.count(e) || std::find(reserve.begin(), reserve.end(), e) != reserve.end()) return;
      if (judge(e).blocked == Blocked::no) reserve.push_back(e);
    };
    for (const auto& participant : screened_.participants) {
      for (const Slot* slot : participant.block(kind)) {
        for (const Exercise* e : ranked(*slot)) {
          if (reserve.size() == reserve_size) return;
          offer(e);
        }
      }
    }
    // Then what the block's rule adds for the goals' muscles, by id.
    const BlockRule& rule = rules_.block(kind);
    if (!rule.extra) return;
    std::vector<std::string> muscles;
    for (const auto& participant : screened_.participants) {
      if (!participant.goal) continue;
      const auto& list = rule.extra_muscles == "stretches" ? participant.goal->stretches : participant.goal->strengthens;
      muscles.insert(muscles.end(), list.begin(), list.end());
    }
    for (const auto& e : data_.catalogue.exercises) {
      if (reserve.size() == reserve_size) return;
      if (!rule.extra->matches(e)) continue;
      bool fits = std::any_of(e.primary_muscles.begin(), e.primary_muscles.end(), [&](const std::string& m) {
        return std::find(muscles.begin(), muscles.end(), m) != muscles.end();
      });
      if (fits) offer(&e);
    }
  }
};

}  // namespace

Choice choose_phase(const DataSet& data, const Request& request, const Screened& screened, Ranking& ranking,
                    const std::string& level, const std::vector<Held>& held, const std::set<int>& holding) {
  return Chooser(data, request, screened, ranking, level, held, holding).run();
}

}  // namespace lbtrain::select
