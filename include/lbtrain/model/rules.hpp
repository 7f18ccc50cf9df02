#pragma once
/// Goal rules: which exercises a goal calls for (slots with selectors), what it must never
/// include (exclusions), how each slot progresses week to week, how a session is built and
/// limited, what screening answers change, and the sentences the plan explains itself with.

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

/// A slot a screening answer adds to one block of every session.
struct SlotAddition {
  BlockKind block = BlockKind::main;
  Slot slot;
};

/// Exercises a screening answer holds back and brings in one at a time: the first from
/// `from_week`, each next `every_weeks` later (never in an easier week), each only once the
/// lifter passes the gate.
struct PhaseIn {
  std::vector<Selector> hold;  ///< what is held, in the order it comes back
  int from_week = 3;
  int every_weeks = 1;
  std::string gate;    ///< the self-check before each entry: "you passed the dowel test ..."
  std::string intro;   ///< the progression an entering exercise follows until its next block
  std::string reason;
  std::string source;
};

/// A different progression for the exercises a selector matches.
struct DoseChange {
  Selector select;
  std::string progression;
  std::string reason;
  std::string source;
  bool while_held = false;  ///< only while the answer's phase-in still holds something back
};

/// An instruction added to every exercise a selector matches ("stop the set if ...").
struct Caution {
  Selector select;
  std::string text;
};

/// What one screening answer does to a plan. Every part is optional.
struct ScreeningEffect {
  std::optional<SourcedText> refuse;  ///< no plan at all
  std::vector<Exclusion> exclude;
  std::vector<SlotAddition> add;
  std::optional<PhaseIn> phase_in;
  std::vector<DoseChange> dose;
  std::vector<Caution> caution;
  std::string unused;  ///< why the answer may change nothing in a plan
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

/// How a program follows the log for the exercises of some progression schemes (`lbtrain next`).
/// A session is a success for an exercise when every working set reached the target count, at
/// the target load or more, and (when logged) at the target reps in reserve or more; then the
/// plan advances as written. Otherwise it is a miss, and the prescription is repeated.
struct AdaptationRule {
  std::string id;
  std::string description;
  std::vector<std::string> progressions;  ///< the schemes it applies to
  bool track_load = false;    ///< the load becomes a number from the log (else none is given)
  bool top_of_range = false;  ///< every set at the block's top count: the next block, one increment more
  bool load_step = false;     ///< each success adds one increment (the load rises instead of the reps)
  int drop_after_misses = 0;  ///< misses in a row before the load drops; 0: it never does
  int drop_percent = 0;       ///< how much it drops, before rounding to the increment
  /// The most the load may rise over one block of the calendar (its step, an early top and
  /// reserve together), in percent of the block's load, and always one step; 0: no cap.
  int block_rise_percent = 0;
  /// Load drops in a row (no session done as written between them) after which the drop's
  /// message also says to stop loading a back that hurts and see a professional; 0: never.
  int refer_after_drops = 0;
  /// Every set at the block's top: the tempo from then on, instead of more load ("" none).
  std::string tempo_at_top;
  std::string source;
};

/// The adaptation rules and the sentences that explain what they did.
/// The pain traffic light (`adaptation.pain`): back pain logged 0 to 10 during an exercise's sets,
/// and the morning after against the morning before, sorts a session into green (advance), amber
/// (repeat, nothing new enters), red (step back one stage, nothing new until a green session) or a
/// hold (no loaded lower-back work until a doctor or physical therapist has seen the back).
struct PainRule {
  int green_max = 2;      ///< during: 0 to this is green
  int amber_max = 4;      ///< during: up to this is amber; above it red
  int hold_from = 7;      ///< during or the morning after: this or more holds loaded back work
  int morning_amber = 1;  ///< the morning after this much worse than before: amber
  int morning_red = 3;    ///< this much worse: red
  int step_back_percent = 20;  ///< a red session's loaded exercise comes back this much lighter
  std::string hold_limit;      ///< the limit whose exercises are loaded lower-back work
  std::vector<std::string> comebacks;  ///< progressions of the screening comebacks: pain must be logged
  std::map<std::string, std::string> signs;  ///< warning sign id -> words ("leg-pain" -> "pain down a leg")
  std::string why;
  std::string source;
};

/// A program's first load when the last load logged before it was done at another rep count
/// (`adaptation.history_estimate`): the estimated 1RM by `formula` (history's), brought to the
/// week's reps plus its target reserve (the range's high end, or low), rounded down to a step.
struct HistoryEstimate {
  std::string formula;      ///< "epley", the only one lbtrain computes
  bool reserve_high = true; ///< the target reserve's high end (the lighter load)
  std::string why;
  std::string source;
};

struct Adaptation {
  std::optional<PainRule> pain;
  std::optional<HistoryEstimate> history_estimate;
  std::vector<AdaptationRule> rules;
  std::string fallback;                   ///< the rule of a scheme no rule names
  std::map<std::string, double> increments;  ///< the default load step per unit: "kg" -> 2.5
  int missed_days = 8;                    ///< a gap this long between sessions is said
  int layoff_days = 0;                    ///< a gap this long eases the loads of the sessions back
  /// The sessions back after a layoff, each at this percent of the last load (90, 95: then 100%).
  std::vector<int> layoff_ramp;
  /// A load logged counts as the target's when this close to it: the larger of these.
  double load_tolerance_steps = 0.5;    ///< in load steps
  double load_tolerance_percent = 2.5;  ///< of the target
  /// Each rep of reserve logged outside the target range moves the next load this much (%).
  int effort_percent = 0;
  int hold_step_seconds = 5;  ///< a hold that drops after misses loses this much, at least
  /// The load step of an exercise by its equipment: "dumbbell" -> {"kg": 2, "lb": 5}; the first
  /// of an exercise's equipment listed here applies, else the user's increment.
  std::map<std::string, std::map<std::string, double>> implement_steps;
  /// Equipment whose load is never a number (a band: its colour, the reps or the tempo instead).
  std::vector<std::string> unnumbered_equipment;
  /// The estimated 1RM is reported only for exercises of one of these categories that use one of
  /// this equipment (barbell and dumbbell compound lifts); both empty: every loaded exercise.
  std::vector<std::string> e1rm_categories;
  std::vector<std::string> e1rm_equipment;
  std::map<std::string, std::string> texts;
  std::string why;
  std::string source;

  /// The rule for a progression scheme; nullptr when there are no rules.
  const AdaptationRule* rule_for(const std::string& progression) const;
  /// The text `id` ("" when missing).
  const std::string& text(const std::string& id) const;
};

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

class Diagnostics;

/// Parses and validates a rules file, reporting every problem at once. With `base`, the file
/// is a layer over those rules: its goals, screening questions and progressions add to or
/// replace the base's ones with the same id, texts replace the base's by key, and any other
/// section it has replaces the base's.
Rules parse_rules(std::string_view text, const std::string& origin, const Vocabulary& vocabulary,
                  const Rules* base = nullptr);

/// As parse_rules, but records validation problems in `diagnostics` instead of throwing (a
/// syntax error still throws), and returns the file's own rules: checked against `base`, not
/// yet layered over it.
Rules read_rules(std::string_view text, const std::string& origin, const Vocabulary& vocabulary,
                 Diagnostics& diagnostics, const Rules* base = nullptr);

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
