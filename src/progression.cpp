#include "lbtrain/progression.hpp"

#include "lbtrain/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace lbtrain {

namespace {

int per_kind(const std::map<DoseKind, int>& values, DoseKind kind, int fallback) {
  auto it = values.find(kind);
  return it == values.end() ? fallback : it->second;
}

std::map<std::string, std::string> placeholders(const Progression& p, const Exercise& e) {
  int start = per_kind(p.start, e.dose.kind, e.dose.value);
  int step = per_kind(p.step, e.dose.kind, 0);
  int block_end = std::min(start + step * std::max(0, p.block_weeks - 1),
                           per_kind(p.max, e.dose.kind, 1 << 20));
  return {
      {"name", e.name},
      {"sets", std::to_string(p.sets.value_or(e.dose.sets))},
      {"start", std::to_string(start)},
      {"block_end", std::to_string(block_end)},
      {"block_weeks", std::to_string(p.block_weeks)},
      {"rir", p.rir ? format_rir(*p.rir) : std::string("a few")},
  };
}

}  // namespace

std::string format_rir(const Rir& rir) {
  return rir.min == rir.max ? std::to_string(rir.min) : fmt::format("{}-{}", rir.min, rir.max);
}

WeekDose dose_for_week(const Progression& p, const Exercise& e, int plan_week, const std::string& level,
                       int first_week) {
  const int week = plan_week - first_week + 1;  // week of this exercise's own progression
  const DoseKind kind = e.dose.kind;
  const int sets = p.sets.value_or(e.dose.sets);
  const int start = per_kind(p.start, kind, e.dose.value);
  const int ceiling = per_kind(p.max, kind, 1 << 20);
  const LoadTexts& load = e.loadable ? p.weighted : p.bodyweight;
  auto values = placeholders(p, e);

  WeekDose dose;
  if (p.block_weeks == 0) {
    dose.sets = sets;
    dose.value = start;
    dose.phase = Phase::steady;
    dose.load = fill_placeholders((week == 1 ? load.first : load.repeat).for_level(level), values);
    return dose;
  }
  // A block of `block_weeks` weeks adds `step` each week at a steady load; when the scheme
  // has a deload, an easier week follows each block; each later block starts from the
  // bottom again (plus `next_block`) with more load.
  const int cycle = p.block_weeks + (p.deload_sets_change ? 1 : 0);
  const int block = (week - 1) / cycle;
  const int position = (week - 1) % cycle;
  const int block_start = block * cycle + 1;
  const int base = start + block * per_kind(p.next_block, kind, 0);
  values["block_start"] = std::to_string(block_start + first_week - 1);
  values["previous_block_start"] = std::to_string(std::max(1, block_start - cycle) + first_week - 1);
  if (position < p.block_weeks) {
    dose.sets = sets;
    dose.value = std::min(ceiling, base + position * per_kind(p.step, kind, 0));
    if (position == 0) {
      dose.phase = block == 0 ? Phase::build : Phase::new_block;
      dose.load = fill_placeholders((block == 0 ? load.first : load.increase).for_level(level), values);
    } else {
      dose.phase = Phase::build;
      dose.load = fill_placeholders(load.repeat.for_level(level), values);
    }
  } else {
    dose.sets = std::max(1, sets + *p.deload_sets_change);
    dose.value = std::min(ceiling, base);
    dose.phase = Phase::deload;
    dose.load = fill_placeholders(load.deload.for_level(level), values);
  }
  return dose;
}

std::string progression_note(const Progression& p, const Exercise& e) {
  return p.note.empty() ? std::string() : fill_placeholders(p.note, placeholders(p, e));
}

}  // namespace lbtrain
