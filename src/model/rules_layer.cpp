#include "lbtrain/model/rules.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

namespace lbtrain {

namespace {

/// Replaces the items of `base` that have an item of `layer` with the same id; adds the rest
/// in the layer's order. Linear in both sizes.
template <typename Item>
void layer_by_id(std::vector<Item>& base, std::vector<Item>&& layer) {
  std::unordered_map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < base.size(); ++i) index.emplace(base[i].id, i);
  for (auto& item : layer) {
    auto it = index.find(item.id);
    if (it != index.end()) {
      base[it->second] = std::move(item);
    } else {
      index.emplace(item.id, base.size());
      base.push_back(std::move(item));
    }
  }
}

/// Warnings for screening answers that refuse a plan in `base` and no longer do in `layer`.
void warn_weakened_refusals(const Rules& base, const Rules& layer, std::vector<std::string>& warnings) {
  for (const auto& replacement : layer.screening) {
    const Screening* before = base.find_screening(replacement.id);
    if (!before) continue;
    auto weakened = [&](const ScreeningEffect& old_effect, const ScreeningEffect* new_effect, const std::string& what) {
      if (old_effect.refuse && !(new_effect && new_effect->refuse)) {
        warnings.push_back(fmt::format("{}: {} no longer refuses a plan, as {} does; a safety rule is weakened",
                                       layer.origin, what, base.origin));
      }
    };
    std::string name = fmt::format("screening \"{}\"", replacement.id);
    if (!before->is_choice()) {
      weakened(before->effect, replacement.is_choice() ? nullptr : &replacement.effect, name);
      continue;
    }
    for (const auto& choice : before->choices) {
      const ScreeningChoice* now = replacement.find_choice(choice.id);
      weakened(choice.effect, now ? &now->effect : nullptr, fmt::format("{} answer \"{}\"", name, choice.id));
    }
  }
}

}  // namespace

Rules layer_rules(const Rules& base, Rules layer) {
  auto has = [&](const char* section) {
    return std::find(layer.sections.begin(), layer.sections.end(), section) != layer.sections.end();
  };
  Rules rules = base;
  warn_weakened_refusals(base, layer, rules.warnings);
  rules.origin = base.origin + " + " + layer.origin;
  for (auto& [key, text] : layer.sources) rules.sources[key] = std::move(text);
  if (has("timing")) rules.timing = layer.timing;
  if (has("cycle")) rules.cycle = layer.cycle;
  if (has("blocks")) rules.blocks = layer.blocks;
  if (has("defaults")) rules.defaults = layer.defaults;
  if (has("limits")) rules.limits = std::move(layer.limits);
  if (has("loading")) rules.loading = std::move(layer.loading);
  for (auto& [level, rule] : layer.levels) rules.levels[level] = std::move(rule);
  if (has("levels_source")) rules.levels_source = layer.levels_source;
  for (auto& [id, text] : layer.texts) rules.texts[id] = std::move(text);
  if (has("guidance")) rules.guidance = std::move(layer.guidance);
  for (auto& [id, progression] : layer.progressions) rules.progressions[id] = std::move(progression);
  layer_by_id(rules.goals, std::move(layer.goals));
  layer_by_id(rules.screening, std::move(layer.screening));
  if (has("assessment")) {
    rules.assessment = std::move(layer.assessment);
    rules.assessment_source = layer.assessment_source;
  }
  if (has("adaptation")) rules.adaptation = std::move(layer.adaptation);
  rules.sections.clear();
  return rules;
}

}  // namespace lbtrain
