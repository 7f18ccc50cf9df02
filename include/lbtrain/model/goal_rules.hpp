#pragma once
/// The rules' vocabulary for goals and plans (part of rules.hpp): blocks, selectors over the
/// catalogue, progressions and their load texts, slots, exclusions, goals, and how a session is
/// timed, cycled, limited, loaded, levelled and explained (guidance).

#include "lbtrain/model/catalogue.hpp"

#include <array>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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
  std::optional<bool> loadable;

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

/// Load instructions for each kind of week.
struct LoadTexts {
  LevelText first;     ///< the week the exercise enters the plan
  LevelText repeat;    ///< later building weeks of a block
  LevelText deload;    ///< the easier week after a block
  LevelText increase;  ///< first week of a later block
};

/// Reps-in-reserve range.
struct Rir {
  int min = 0;
  int max = 0;
  bool operator==(const Rir&) const = default;
};

/// "3-5", or "3" when min and max are equal.
std::string format_rir(const Rir& rir);

/// How a slot's dose changes from week to week. Per-kind numbers are keyed by DoseKind. Every
/// scheme follows the plan's cycle (Rules::cycle): it builds for the cycle's weeks, and every
/// main exercise has its easier week at the same time.
struct Progression {
  std::string id;
  std::string description;
  std::vector<DoseKind> kinds;             ///< the dose kinds the scheme is written for
  std::optional<int> sets;                 ///< else the exercise's default sets
  std::map<DoseKind, int> start;           ///< else the exercise's default value
  std::map<DoseKind, int> step;            ///< added each building week (at the same load)
  std::map<DoseKind, int> next_block;      ///< added to the start of each new block
  std::map<DoseKind, int> next_block_bodyweight;  ///< instead, when no load can be added
  bool needs_load = false;                 ///< for loaded work only; without load the block default applies
  bool load_steps = false;                 ///< the load rises each week instead of the reps
  std::map<DoseKind, int> max;             ///< a ceiling per kind
  std::optional<Rir> rir;                  ///< reserve in the first week of a block (reps only)
  int rir_floor = 0;                       ///< the reserve a block may fall to, at least
  int rest_seconds = 60;
  std::string tempo;                       ///< "3-1-2-1": seconds lowering, pause, lifting, pause
  std::optional<int> deload_sets_change;   ///< sets in the easier week, relative
  LoadTexts weighted;
  LoadTexts bodyweight;
  std::string note;  ///< explained in the plan's notes; may use {name}, {sets}, {start}, ...
  std::string note_bodyweight;  ///< the note for an exercise done without load, when it differs
  std::string source;

  bool fits(DoseKind kind) const;
  /// Whether the dose changes from week to week.
  bool builds() const;
};

/// One place in a session that the goal wants filled by a fitting exercise.
struct Slot {
  std::string id;
  std::string why;
  Selector select;
  std::vector<std::string> prefer;  ///< exercise ids, best first; others follow by fit
  /// Tried after every exercise `select` matches, when none of those can be used.
  std::optional<Selector> fallback;
  std::vector<std::string> fallback_prefer;
  bool while_held = false;  ///< a screening slot used only while its answer holds something back
  std::string progression;
  std::optional<int> max_days_per_week;
  /// The reps in reserve this slot's sets never fall below, whatever the scheme climbs to.
  std::optional<int> rir_floor;
  std::string source;
};

/// Something a goal must never include, with the reason a coach would give.
struct Exclusion {
  std::string id;
  Selector select;
  std::string reason;
  std::string source;
};

/// A goal that cannot be combined with this one, and why.
struct Opposition {
  std::string goal;
  std::string reason;
};

/// A sourced sentence.
struct SourcedText {
  std::string text;
  std::string source;
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
  std::vector<SourcedText> reminders;  ///< said in every plan with this goal
  std::vector<std::string> sources;

  const std::vector<Slot>& slots(BlockKind kind) const {
    return blocks[static_cast<std::size_t>(kind)];
  }
};

/// How a session block is titled, how long it must at least be, and how it is ordered.
struct BlockRule {
  BlockKind kind = BlockKind::main;
  std::string title;
  int min_minutes = 0;
  int max_sets = 0;                 ///< a short block's drills may grow to this many sets
  std::vector<std::string> order;   ///< categories, in the order they are trained
  /// More drills for a block short of its minimum, once the goals' own slots have none left:
  /// exercises the selector matches that work a muscle of the goals' `extra_muscles` list.
  std::optional<Selector> extra;
  std::string extra_muscles;        ///< "strengthens" or "stretches"
  std::string why;
  std::string source;
};

/// Assumptions for estimating how long a session takes, and the longest set a plan may ask.
struct Timing {
  int seconds_per_rep = 3;
  int seconds_per_breath = 6;
  int seconds_between_exercises = 30;
  int max_set_seconds = 90;
};

/// The plan's calendar: `build_weeks` of building, then one easier week, for every main
/// exercise at once.
struct Cycle {
  int build_weeks = 4;
  int deload_extra_rir = 0;  ///< the easier week's sets end this much further from failure
  std::string why;
  std::string source;

  /// Whether plan week `week` (1-based) is the easier week after a block.
  bool is_deload(int week) const { return week % (build_weeks + 1) == 0; }
  /// The block (0-based) plan week `week` belongs to.
  int block_of(int week) const { return (week - 1) / (build_weeks + 1); }
  /// The first week of block `block`.
  int block_start(int block) const { return block * (build_weeks + 1) + 1; }
};

/// A limit across everything a plan prescribes in its main block: how many exercises a selector
/// matches in one session, on how many days a week, and whether never on consecutive days.
struct Limit {
  std::string id;
  std::optional<Selector> select;  ///< none: every exercise
  bool each = false;               ///< each exercise on its own, not all it matches together
  bool building_only = false;      ///< only exercises whose dose builds week to week
  std::optional<int> max_per_session;
  std::optional<int> max_days_per_week;
  bool rest_day_between = false;
  std::string why;   ///< finishes a sentence: "... is on 2 of 4 sessions a week (...): WHY."
  std::string note;  ///< said when the limit shapes the week; may use {list}
  std::string source;
};

/// Where load comes from and how a light start is worded: {start_load} and {add_load} in a load
/// text. An exercise whose own equipment carries load starts with that implement's light start
/// and adds `implement_step`; a loadable exercise without one starts with `held_start` and adds
/// the first held implement the lifter has; with none it is a bodyweight exercise.
struct Loading {
  std::map<std::string, std::string> implements;            ///< equipment that carries load -> light start
  std::string implement_step;
  std::vector<std::pair<std::string, std::string>> held;   ///< equipment held for load -> what to add, best first
  std::string held_start;
  std::string why;
};

/// How a training level changes a plan.
struct LevelRule {
  std::string text;
  int extra_sets = 0;                 ///< on every main exercise that builds
  int extra_rir = 0;                  ///< more reps in reserve on every set that has a reserve
  int move_up_after_blocks = 0;       ///< 0: never; else a new selection at that level
  std::string move_up_to;
};

/// When a piece of guidance applies to a plan.
enum class GuidanceWhen { always, loaded_work, rising_reps, tempo, deload };
/// "always", "loaded-work", "rising-reps", "tempo", "deload".
const std::vector<std::string>& guidance_when_names();

/// A sentence of coaching guidance, said in plans where its condition holds.
struct Guidance {
  std::string id;
  std::string topic;
  GuidanceWhen when = GuidanceWhen::always;
  std::string text;
  std::string short_text;  ///< for a printed sheet with no room for notes; "" when not needed there
  std::string source;
};

}  // namespace lbtrain
