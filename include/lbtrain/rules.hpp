#pragma once
/// Goal rules: which exercises a goal calls for (slots with selectors), what it must never
/// include (exclusions), how each slot progresses week to week, and how a session is built.

#include "lbtrain/catalogue.hpp"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace lbtrain {

/// The three blocks of every session, in the order they are trained.
enum class BlockKind { warmup, main, cooldown };
inline constexpr std::array<BlockKind, 3> all_block_kinds{BlockKind::warmup, BlockKind::main,
                                                          BlockKind::cooldown};
/// "warmup", "main" or "cooldown".
std::string_view to_string(BlockKind kind);

/// A filter over catalogue attributes. Every non-empty criterion must hold; within one
/// criterion any listed value matches, except `tags`, where the exercise needs them all.
struct Selector {
  std::vector<std::string> tags;
  std::vector<std::string> any_tags;
  std::vector<std::string> muscles;  ///< primary muscles, any of
  std::vector<std::string> pattern;
  std::vector<std::string> category;
  std::vector<std::string> equipment;  ///< needs any of these
  std::vector<std::string> ids;

  bool matches(const Exercise& exercise) const;
  /// How many of the selector's muscles the exercise trains as primary (for ranking).
  int muscle_score(const Exercise& exercise) const;
};

/// A text that may differ by training level ("default" plus per-level overrides).
struct LevelText {
  std::string fallback;
  std::map<std::string, std::string> by_level;
  const std::string& for_level(const std::string& level) const;
};

/// Load instructions for each phase of a block.
struct LoadTexts {
  LevelText first;     ///< week 1 of the plan
  LevelText repeat;    ///< later weeks of a block
  LevelText deload;    ///< the easier week after a block
  LevelText increase;  ///< first week of a later block
};

/// Reps-in-reserve range.
struct Rir {
  int min = 0;
  int max = 0;
};

/// How a slot's dose changes from week to week. Per-kind numbers are keyed by DoseKind.
struct Progression {
  std::string id;
  std::string description;
  std::optional<int> sets;                 ///< else the exercise's default sets
  std::map<DoseKind, int> start;           ///< else the exercise's default value
  std::map<DoseKind, int> step;            ///< added each week within a block
  int block_weeks = 0;                     ///< 0: the same dose every week
  std::optional<int> deload_sets_change;   ///< an easier week after each block, if set
  std::map<DoseKind, int> next_block;      ///< added to the start of each new block
  std::map<DoseKind, int> max;             ///< a ceiling per kind
  std::optional<Rir> rir;                  ///< for reps only
  int rest_seconds = 60;
  std::string tempo;
  LoadTexts weighted;
  LoadTexts bodyweight;
  std::string note;  ///< explained in the plan's notes; may use {name}, {sets}, {start}, ...
  std::string source;
};

/// One place in a session that the goal wants filled by a fitting exercise.
struct Slot {
  std::string id;
  std::string why;
  Selector select;
  std::vector<std::string> prefer;  ///< exercise ids, best first; others follow by fit
  std::string progression;
  std::optional<int> max_days_per_week;
  std::string source;
};

/// Something a goal must never include, with the reason a coach would give.
struct Exclusion {
  std::string id;
  Selector select;
  std::string reason;
  std::string source;
  bool by_user = false;  ///< the user's own --exclude, not a safety rule
};

/// A goal that works against this one; the note is shown when both are requested.
struct Opposition {
  std::string goal;
  std::string note;
};

/// One training goal.
struct Goal {
  std::string id;
  std::string name;
  std::vector<std::string> aliases;
  std::string description;
  std::vector<std::string> strengthens;
  std::vector<std::string> stretches;
  int default_days = 1;
  int recommended_min_days = 1;
  std::string days_source;
  std::array<std::vector<Slot>, 3> blocks;  ///< indexed by BlockKind
  std::vector<Exclusion> exclude;
  std::vector<Opposition> opposes;
  std::vector<std::string> sources;

  const std::vector<Slot>& slots(BlockKind kind) const {
    return blocks[static_cast<std::size_t>(kind)];
  }
};

/// How a session block is titled and how long it must at least be.
struct BlockRule {
  BlockKind kind = BlockKind::main;
  std::string title;
  int min_minutes = 0;
  std::string why;
  std::string source;
};

/// Assumptions for estimating how long a session takes.
struct Timing {
  int seconds_per_rep = 3;
  int seconds_per_breath = 6;
  int seconds_between_exercises = 30;
};

/// A sourced sentence template.
struct SourcedText {
  std::string text;
  std::string source;
};

/// A slot a screening answer adds to one block of every session.
struct SlotAddition {
  BlockKind block = BlockKind::main;
  Slot slot;
};

/// Exercises held back until a week of the plan (or left out of a plan too short to reach it).
struct Delay {
  Selector select;
  int until_week = 1;
  int min_plan_weeks = 1;
  std::string reason;
  std::string source;
};

/// A different progression for the exercises a selector matches.
struct DoseChange {
  Selector select;
  std::string progression;
  std::string reason;
  std::string source;
};

/// What one screening answer does to a plan. Every part is optional.
struct ScreeningEffect {
  std::optional<SourcedText> refuse;  ///< no plan at all
  std::vector<Exclusion> exclude;
  std::vector<SlotAddition> add;
  std::optional<Delay> delay;
  std::vector<DoseChange> dose;
};

/// One named answer of a screening question with choices.
struct ScreeningChoice {
  std::string id;
  std::string label;
  ScreeningEffect effect;
};

/// A screening question: a yes/no flag (--cannot-hinge) or a choice (--weakness lockout).
struct Screening {
  std::string id;
  std::string label;
  std::string help;
  bool first = false;  ///< added slots go before the goals' own slots
  ScreeningEffect effect;                ///< for a flag
  std::vector<ScreeningChoice> choices;  ///< for a choice; empty for a flag

  bool is_choice() const { return !choices.empty(); }
  const ScreeningChoice* find_choice(std::string_view id) const;
};

/// What choosing one answer of the assessment sets in the plan command.
struct AnswerEffect {
  std::string goal;
  std::string flag;
  std::map<std::string, std::string> choices;
  std::string level;
  std::string equipment;
};

/// One answer of an assessment question.
struct Answer {
  std::string id;
  std::string label;
  AnswerEffect set;
};

/// One assessment question, asked only when the earlier answers in `when` match.
struct Question {
  std::string id;
  std::string text;
  std::string note;
  std::map<std::string, std::vector<std::string>> when;
  std::vector<Answer> answers;

  const Answer* find_answer(std::string_view id) const;
};

/// A validated rules file.
struct Rules {
  std::string origin;
  std::map<std::string, std::string> sources;
  Timing timing;
  std::array<BlockRule, 3> blocks;  ///< indexed by BlockKind
  SourcedText recovery;
  std::map<std::string, std::string> levels;  ///< how each level is treated
  std::string levels_source;
  std::map<std::string, Progression> progressions;
  std::vector<Goal> goals;
  std::vector<Screening> screening;
  std::vector<Question> assessment;
  std::string assessment_source;
  std::vector<std::string> sections;  ///< the top-level keys the file had (for layering)

  /// The screening question with this id, or nullptr.
  const Screening* find_screening(std::string_view id) const;
  /// The goal with this id or alias (case-insensitive), or nullptr.
  const Goal* find_goal(std::string_view name) const;
  const BlockRule& block(BlockKind kind) const { return blocks[static_cast<std::size_t>(kind)]; }
};

class Diagnostics;

/// Parses and validates a rules file, reporting every problem at once. With `base`, the file
/// is a layer over those rules: its goals, screening questions and progressions add to or
/// replace the base's ones with the same id, and any other section it has replaces the base's.
Rules parse_rules(std::string_view text, const std::string& origin, const Vocabulary& vocabulary,
                  const Rules* base = nullptr);

/// As parse_rules, but records validation problems in `diagnostics` instead of throwing (a
/// syntax error still throws), and returns the file's own rules: checked against `base`, not
/// yet layered over it.
Rules read_rules(std::string_view text, const std::string& origin, const Vocabulary& vocabulary,
                 Diagnostics& diagnostics, const Rules* base = nullptr);

/// `layer` (read with `base`) layered over `base`.
Rules layer_rules(const Rules& base, Rules layer);

/// Lists references in the rules to exercises and tags the catalogue does not define. For a
/// plan these are not fatal (a preference is skipped, an unfillable slot is noted), but the
/// shipped rules and catalogue must agree completely.
std::vector<std::string> unresolved_references(const Rules& rules, const Catalogue& catalogue);

}  // namespace lbtrain
