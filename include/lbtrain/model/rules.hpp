#pragma once
/// Goal rules: which exercises a goal calls for (slots with selectors), what it must never
/// include (exclusions), how each slot progresses week to week, how a session is built and
/// limited, what screening answers change, and the sentences the plan explains itself with.
/// The parts: goal_rules.hpp (goals, progressions, sessions), screening_rules.hpp (screening
/// and the assessment), adaptation_rules.hpp (following the log); here the whole and its readers.

#include "lbtrain/model/adaptation_rules.hpp"
#include "lbtrain/model/catalogue.hpp"
#include "lbtrain/model/goal_rules.hpp"
#include "lbtrain/model/screening_rules.hpp"

#include <array>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace lbtrain {

/// A message template of the rules' "texts", and the placeholders it may use.
struct TextTemplate {
  std::string_view id;
  std::vector<std::string_view> placeholders;
};

/// Every message a plan may say that is not a coaching rule of its own: week notes, what
/// selection and scheduling did. They live in the rules ("texts") so they can be read and
/// changed without the code.
const std::vector<TextTemplate>& text_templates();

/// The texts of "adaptation" and the placeholders each may use.
const std::vector<TextTemplate>& adaptation_templates();

/// The version of the rules format this lbtrain reads.
inline constexpr int rules_format_version = 2;

/// A validated rules file.
struct Rules {
  std::string origin;
  std::map<std::string, std::string> sources;
  Timing timing;
  Cycle cycle;
  std::array<BlockRule, 3> blocks;  ///< indexed by BlockKind
  /// The progression of an exercise whose dose kind its slot's progression does not fit.
  std::array<std::map<DoseKind, std::string>, 3> defaults;
  std::vector<Limit> limits;
  Loading loading;
  std::map<std::string, LevelRule> levels;
  std::string levels_source;
  std::map<std::string, std::string> texts;
  std::vector<Guidance> guidance;
  std::map<std::string, Progression> progressions;
  std::vector<Goal> goals;
  std::vector<Screening> screening;
  std::vector<Question> assessment;
  std::string assessment_source;
  Adaptation adaptation;
  std::vector<std::string> sections;  ///< the top-level keys the file had (for layering)
  /// Safety rules a layer weakened ("a.json: screening \"injury\" no longer refuses a plan"):
  /// allowed, but every command that uses these rules says so.
  std::vector<std::string> warnings;

  /// The screening question with this id, or nullptr.
  const Screening* find_screening(std::string_view id) const;
  /// The goal with this id or alias (case-insensitive), or nullptr.
  const Goal* find_goal(std::string_view name) const;
  const BlockRule& block(BlockKind kind) const { return blocks[static_cast<std::size_t>(kind)]; }
  /// The message template `id` (see text_templates()); "" when the rules lack it.
  const std::string& text(std::string_view id) const;
  /// The progression for an exercise of `kind` in a slot of `block` that names `progression`:
  /// that one when it fits the kind, else the block's default for the kind; nullptr if none.
  const Progression* progression_for(const std::string& progression, BlockKind block, DoseKind kind) const;
};

/// `layer` (read with `base`) layered over `base`.
Rules layer_rules(const Rules& base, Rules layer);

/// Problems of rules that are complete (layered): every progression a slot, default or dose
/// change names exists and fits, every main progression has an easier week, every text is
/// there. Empty when the rules can plan.
std::vector<std::string> check_complete_rules(const Rules& rules);

/// Lists references in the rules to exercises and tags the catalogue does not define. For a
/// plan these are not fatal (a preference is skipped, an unfillable slot is noted), but the
/// shipped rules and catalogue must agree completely.
std::vector<std::string> unresolved_references(const Rules& rules, const Catalogue& catalogue);

}  // namespace lbtrain
