#include "plan/progression.hpp"

#include "model/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace lbtrain {

namespace {

constexpr int no_ceiling = 1 << 20;
constexpr int most_rir = 10;  // the most reps in reserve a log takes (lbtrain log's rirN)

/// A reserve within the slot's floor and what a log can hold.
int reserve_value(int value, const DoseContext& context) {
  return std::clamp(value, std::min(context.rir_floor, most_rir), most_rir);
}

int per_kind(const std::map<DoseKind, int>& values, DoseKind kind, int fallback) {
  auto it = values.find(kind);
  return it == values.end() ? fallback : it->second;
}

/// The numbers of a scheme for one exercise.
struct Numbers {
  int sets;
  int start;
  int step;
  int next_block;
  int ceiling;
};

/// Without load, a block can only start higher in reps (or seconds) than the one before.
Numbers numbers(const Progression& p, const Exercise& e, bool loaded) {
  DoseKind kind = e.dose.kind;
  int next = per_kind(p.next_block, kind, 0);
  if (!loaded) next = per_kind(p.next_block_bodyweight, kind, next);
  return {p.sets.value_or(e.dose.sets), per_kind(p.start, kind, e.dose.value), per_kind(p.step, kind, 0), next,
          per_kind(p.max, kind, no_ceiling)};
}

/// The reserve after `climbed` reps more at the same load, `extra` further from failure: for
/// loaded reps only, since without a load to choose a reserve cannot be set.
std::optional<Rir> reserve(const Progression& p, const Exercise& e, const DoseContext& context, int climbed,
                           int extra = 0) {
  if (!p.rir || !context.loaded || !e.loadable || e.dose.kind != DoseKind::reps) return std::nullopt;
  extra += context.extra_rir;
  return Rir{reserve_value(p.rir->min - climbed + extra, context), reserve_value(p.rir->max - climbed + extra, context)};
}

}  // namespace

int rep_seconds(const std::string& tempo, const Timing& timing) {
  int total = 0;
  bool any = false;
  for (char c : tempo) {
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

std::string_view phase_name(Phase phase) {
  switch (phase) {
    case Phase::enters: return "enters";
    case Phase::build: return "build";
    case Phase::deload: return "deload";
    case Phase::new_block: return "new_block";
    case Phase::steady: return "steady";
  }
  return "steady";
}

WeekDose dose_for_week(const Progression& p, const Exercise& e, int week, int first_week, const DoseContext& context,
                       bool with_load) {
  const Cycle& cycle = *context.cycle;
  const Numbers n = numbers(p, e, context.loaded);
  const LoadTexts& texts = context.loaded ? p.weighted : p.bodyweight;
  int block_start_week = first_week;
  int previous_start_week = first_week;
  // The load text is the costly part (its placeholders filled); it is made only when asked for.
  auto load = [&](const LevelText& text, const LevelText& fallback) -> std::string {
    if (!with_load) return {};
    std::map<std::string, std::string> values{{"start_load", context.start_load},
                                              {"add_load", context.add_load},
                                              {"start", std::to_string(n.start)},
                                              {"block_start", std::to_string(block_start_week)},
                                              {"previous_block_start", std::to_string(previous_start_week)}};
    if (p.rir) {
      values["rir"] = format_rir({reserve_value(p.rir->min + context.extra_rir, context),
                                  reserve_value(p.rir->max + context.extra_rir, context)});
      values["rir_max"] = std::to_string(reserve_value(p.rir->max + context.extra_rir, context));
    }
    const LevelText& chosen = text.fallback.empty() ? fallback : text;
    return fill_placeholders(chosen.for_level(context.level), values);
  };
  const bool deload = cycle.is_deload(week) && p.deload_sets_change;
  WeekDose dose;
  if (!p.builds()) {
    dose.sets = n.sets;
    dose.value = std::min(n.ceiling, n.start);
    dose.rir = reserve(p, e, context, 0, deload ? cycle.deload_extra_rir : 0);
    if (deload) {
      dose.sets = std::max(1, n.sets + *p.deload_sets_change);
      dose.phase = Phase::deload;
      dose.load = load(texts.deload, texts.repeat);
    } else {
      dose.phase = week == first_week ? Phase::enters : Phase::steady;
      dose.load = load(week == first_week ? texts.first : texts.repeat, texts.first);
    }
    return dose;
  }
  // Each block builds from its first week (the exercise's entry week in the block it entered)
  // and starts `next_block` higher than the one before, with more load.
  const int block = cycle.block_of(week) - cycle.block_of(first_week);
  const int block_start = block == 0 ? first_week : cycle.block_start(cycle.block_of(week));
  const int previous_start = block <= 1 ? first_week : cycle.block_start(cycle.block_of(week) - 1);
  block_start_week = block_start;
  previous_start_week = previous_start;
  const int base = std::min(n.ceiling, n.start + block * n.next_block);
  const int sets = n.sets + context.extra_sets;
  if (deload) {
    dose.sets = std::max(1, sets + *p.deload_sets_change);
    dose.value = base;
    dose.rir = reserve(p, e, context, 0, cycle.deload_extra_rir);
    dose.phase = Phase::deload;
    dose.load = load(texts.deload, texts.repeat);
    return dose;
  }
  const int position = week - block_start;
  dose.sets = sets;
  dose.value = std::min(n.ceiling, base + position * n.step);
  dose.rir = reserve(p, e, context, dose.value - base);
  if (week == first_week) {
    dose.phase = Phase::enters;
    dose.load = load(texts.first, texts.first);
  } else if (position == 0) {
    dose.phase = Phase::new_block;
    dose.load = load(texts.increase, texts.repeat);
  } else {
    dose.phase = Phase::build;
    dose.load = load(texts.repeat, texts.repeat);
  }
  return dose;
}

std::string progression_note(const Progression& p, const Exercise& e, const DoseContext& context, const Timing& timing) {
  const std::string& note = !context.loaded && !p.note_bodyweight.empty() ? p.note_bodyweight : p.note;
  if (note.empty()) return {};
  const Cycle& cycle = *context.cycle;
  const Numbers n = numbers(p, e, context.loaded);
  const int block_end = std::min(n.ceiling, n.start + n.step * std::max(0, cycle.build_weeks - 1));
  std::map<std::string, std::string> values{
      {"sets", std::to_string(n.sets + (p.builds() ? context.extra_sets : 0))},
      {"start", std::to_string(n.start)},
      {"block_end", std::to_string(block_end)},
      {"rir_floor", std::to_string(reserve_value(std::max(p.rir_floor, context.rir_floor) + context.extra_rir, context))},
      {"tempo", p.tempo},
      {"build_weeks", std::to_string(cycle.build_weeks)},
      {"set_seconds", std::to_string(block_end * rep_seconds(p.tempo, timing))},
  };
  auto range = [&](int climbed) {
    return format_rir({reserve_value(p.rir->min - climbed + context.extra_rir, context),
                       reserve_value(p.rir->max - climbed + context.extra_rir, context)});
  };
  if (p.rir) {
    values["rir"] = range(0);
    values["rir_end"] = range(e.dose.kind == DoseKind::reps ? block_end - n.start : 0);
  } else {
    values["rir"] = values["rir_end"] = "a few";
  }
  return fill_placeholders(note, values);
}

}  // namespace lbtrain
