#pragma once
/// How a program follows the training log (part of rules.hpp): the adaptation rule of each
/// progression scheme, the pain traffic light, the first load from history, and the sentences
/// that say what was done.

#include "lbtrain/model/goal_rules.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lbtrain {
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

}  // namespace lbtrain
