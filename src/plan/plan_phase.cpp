#include "plan/planned.hpp"

#include "model/text_match.hpp"

#include <algorithm>
#include <climits>
#include <cstdint>

namespace lbtrain::plan {

namespace {

/// How the lifter loads an exercise: its own implement, something held, or nothing.
void set_loading(DoseContext& context, const Exercise& e, const Rules& rules, const Request& request) {
  const Loading& loading = rules.loading;
  auto has = [&](const std::string& item) {
    return std::find(request.equipment.begin(), request.equipment.end(), item) != request.equipment.end();
  };
  context.loaded = false;
  if (!e.loadable) return;
  for (const auto& item : e.equipment) {
    auto it = loading.implements.find(item);
    if (it != loading.implements.end()) {
      context.loaded = true;
      context.start_load = it->second;
      context.add_load = loading.implement_step;
      return;
    }
  }
  for (const auto& [item, load] : loading.held) {
    if (has(item)) {
      context.loaded = true;
      context.start_load = loading.held_start;
      context.add_load = load;
      return;
    }
  }
}

int category_rank(const Rules& rules, const Exercise& e) {
  const auto& order = rules.block(BlockKind::main).order;
  auto it = std::find(order.begin(), order.end(), e.category);
  return static_cast<int>(it - order.begin());
}

class PhasePlanner {
 public:
  PhasePlanner(const DataSet& data, const Request& request, const Screened& screened, const SelectionPhase& phase,
               int last_week, const PlannedPhase* before)
      : data_(data), rules_(data.rules), request_(request), screened_(screened), before_(before) {
    result_.phase = &phase;
    result_.last_week = last_week;
  }

  PlannedPhase run(const std::vector<int>& offsets, const std::vector<std::string>& labels) {
    const SelectionPhase& phase = *result_.phase;
    for (const auto& pick : phase.picks) {
      PlannedItem item = resolve(pick.exercise, pick.block, pick.slot->progression, pick.intro);
      item.pick = &pick;
      item.context.rir_floor = pick.slot->rir_floor.value_or(0);
      result_.items.push_back(std::move(item));
    }
    // Heavy compound lifts first, then accessories, then core: by category, as the rules order them.
    std::stable_sort(result_.items.begin(), result_.items.end(), [&](const PlannedItem& a, const PlannedItem& b) {
      if (a.block != b.block) return a.block < b.block;
      return a.block == BlockKind::main && category_rank(rules_, *a.exercise) < category_rank(rules_, *b.exercise);
    });
    schedule(offsets, labels);
    for (BlockKind kind : {BlockKind::warmup, BlockKind::cooldown}) reach_minimum(kind, phase.reserve[static_cast<std::size_t>(kind)]);
    return std::move(result_);
  }

 private:
  const DataSet& data_;
  const Rules& rules_;
  const Request& request_;
  const Screened& screened_;
  const PlannedPhase* before_;
  PlannedPhase result_;

  int days() const { return request_.days; }

  PlannedItem resolve(const Exercise* e, BlockKind block, const std::string& slot_progression,
                      const std::string& intro = "") {
    PlannedItem item;
    item.exercise = e;
    item.block = block;
    item.slot_progression = slot_progression;
    item.progression = rules_.progression_for(slot_progression, block, e->dose.kind);
    if (block == BlockKind::main) {
      for (const auto& dose : screened_.doses) {
        const DoseChange& change = *dose.change;
        if (!change.select.matches(*e)) continue;
        if (change.while_held && !result_.phase->holding.count(dose.answer)) continue;
        auto p = rules_.progressions.find(change.progression);
        if (p == rules_.progressions.end() || !p->second.fits(e->dose.kind)) continue;
        item.progression = &p->second;
        item.slot_progression = change.progression;
        result_.heard.insert(dose.answer);
        result_.dose_changes.emplace_back(&dose, e);
        break;
      }
    }
    set_loading(item.context, *e, rules_, request_);
    // A scheme for loaded work (a hinge climbing from a generous reserve) does not fit the same
    // exercise done without load: it follows the block's default for its kind instead.
    if (item.progression && item.progression->needs_load && !item.context.loaded) {
      item.progression = rules_.progression_for("", block, e->dose.kind);
    }
    // Just let in after being held back: the phase-in's gentle introduction comes first, before
    // any dose a screening answer sets.
    if (const Progression* first = intro.empty() ? nullptr : rules_.progression_for(intro, block, e->dose.kind);
        first && first->fits(e->dose.kind)) {
      item.progression = first;
    }
    std::vector<std::string> cautions;
    for (const auto& c : screened_.cautions) {
      if (!c.caution->select.matches(*e)) continue;
      result_.heard.insert(c.answer);
      if (std::find(cautions.begin(), cautions.end(), c.caution->text) == cautions.end()) cautions.push_back(c.caution->text);
    }
    item.caution = join(cautions, "; ");
    item.first_week = result_.phase->from_week;
    if (before_) {
      for (const auto& earlier : before_->items) {
        if (earlier.exercise == e && earlier.progression == item.progression && earlier.block == block) {
          item.first_week = earlier.first_week;
        }
      }
    }
    item.context.cycle = &rules_.cycle;
    item.context.level = result_.phase->level;
    auto level = rules_.levels.find(request_.level);
    if (block == BlockKind::main && level != rules_.levels.end() && item.progression && item.progression->builds()) {
      item.context.extra_sets = level->second.extra_sets;
    }
    if (level != rules_.levels.end()) item.context.extra_rir = level->second.extra_rir;
    item.days.clear();
    for (int d = 1; d <= days(); ++d) item.days.push_back(d);
    return item;
  }

  void schedule(const std::vector<int>& offsets, const std::vector<std::string>& labels) {
    std::vector<ScheduleItem> wanted;
    std::vector<PlannedItem*> main;
    for (auto& item : result_.items) {
      if (item.block != BlockKind::main) continue;
      const Slot& slot = *item.pick->slot;
      int limit = std::min(slot.max_days_per_week.value_or(days()), days());
      wanted.push_back({item.exercise, limit, slot.max_days_per_week.has_value(), item.progression->builds(), slot.source});
      main.push_back(&item);
    }
    WeekSchedule week = schedule_week(wanted, offsets, labels, rules_);
    for (std::size_t i = 0; i < main.size(); ++i) main[i]->days = week.days[i];
    result_.notes.insert(result_.notes.end(), week.notes.begin(), week.notes.end());
  }

  int block_seconds(BlockKind kind) const {
    std::int64_t total = 0;
    for (const auto& item : result_.items) {
      if (item.block != kind) continue;
      total += item_seconds(prescribe(item, result_.phase->from_week, data_, request_), rules_.timing);
    }
    return static_cast<int>(std::min<std::int64_t>(total, INT_MAX));
  }

  // A warm-up or cool-down shorter than its minimum takes more drills from the participants'
  // lists, then more sets of each (up to the block's cap), in turn.
  void reach_minimum(BlockKind kind, const std::vector<const Exercise*>& reserve) {
    const BlockRule& rule = rules_.block(kind);
    const int wanted = rule.min_minutes * 60;
    auto& added = result_.added[static_cast<std::size_t>(kind)];
    for (const Exercise* e : reserve) {
      if (block_seconds(kind) >= wanted) break;
      PlannedItem item = resolve(e, kind, "");
      if (!item.progression) continue;
      auto last = std::find_if(result_.items.rbegin(), result_.items.rend(),
                               [&](const PlannedItem& i) { return i.block == kind; });
      result_.items.insert(last.base(), std::move(item));
      added.push_back(e->name);
    }
    bool grew = true;
    while (block_seconds(kind) < wanted && grew && rule.max_sets > 0) {
      grew = false;
      for (auto& item : result_.items) {
        if (item.block != kind || block_seconds(kind) >= wanted) continue;
        if (prescribe(item, result_.phase->from_week, data_, request_).sets < rule.max_sets) {
          ++item.extra_sets;
          grew = true;
        }
      }
    }
    result_.seconds[static_cast<std::size_t>(kind)] = block_seconds(kind);
  }
};

}  // namespace

int item_seconds(const Prescription& item, const Timing& timing) {
  std::int64_t work = 0;
  switch (item.kind) {
    case DoseKind::reps: work = std::int64_t{item.value} * rep_seconds(item.tempo, timing); break;
    case DoseKind::seconds: work = item.value; break;
    case DoseKind::breaths: work = std::int64_t{item.value} * timing.seconds_per_breath; break;
  }
  if (item.per_side) work *= 2;
  std::int64_t total = std::int64_t{item.sets} * work + std::int64_t{std::max(0, item.sets - 1)} * item.rest_seconds +
                       timing.seconds_between_exercises;
  return static_cast<int>(std::min<std::int64_t>(total, INT_MAX / 64));
}

Prescription prescribe(const PlannedItem& item, int week, const DataSet& data, const Request& request) {
  const Exercise& e = *item.exercise;
  const Progression& p = *item.progression;
  WeekDose dose = dose_for_week(p, e, week, item.first_week, item.context);
  Prescription out;
  out.exercise = {e.id, e.name};
  out.sets = dose.sets + item.extra_sets;
  out.kind = e.dose.kind;
  out.value = dose.value;
  out.per_side = e.per_side;
  out.rir = dose.rir;
  out.tempo = p.tempo;
  out.rest_seconds = p.rest_seconds;
  out.load = dose.load;
  out.progression = p.id;
  out.phase = phase_name(dose.phase);
  out.loaded = item.context.loaded;
  if (p.builds()) {
    // The block's highest count: the dose of its last building week (a later entry keeps it).
    const Cycle& cycle = *item.context.cycle;
    int last_build = cycle.block_start(cycle.block_of(week)) + cycle.build_weeks - 1;
    out.block_top = dose_for_week(p, e, std::max(last_build, week), item.first_week, item.context, false).value;
  }
  out.cues = e.cues.strings();
  out.safety = e.safety.strings();
  out.caution = item.caution;
  if (item.pick) {
    out.why = item.pick->slot->why;
    out.source = item.pick->slot->source;
    if (week == item.first_week) out.gate = item.pick->gate;
    std::vector<Alternative> alternatives;
    for (const Exercise* alt : item.pick->alternatives) {
      const Progression* ap = data.rules.progression_for(item.slot_progression, item.block, alt->dose.kind);
      if (!ap) continue;
      DoseContext context = item.context;
      set_loading(context, *alt, data.rules, request);
      WeekDose alt_dose = dose_for_week(*ap, *alt, week, item.first_week, context, false);
      alternatives.push_back({{alt->id, alt->name}, alt_dose.sets, alt->dose.kind, alt_dose.value, alt->per_side});
    }
    out.alternatives = std::move(alternatives);
  } else {
    out.why = data.rules.block(item.block).why;
    out.source = data.rules.block(item.block).source;
  }
  return out;
}

PlannedPhase plan_phase(const DataSet& data, const Request& request, const Screened& screened,
                        const SelectionPhase& phase, int last_week, const PlannedPhase* before,
                        const std::vector<int>& offsets, const std::vector<std::string>& labels) {
  return PhasePlanner(data, request, screened, phase, last_week, before).run(offsets, labels);
}

}  // namespace lbtrain::plan
