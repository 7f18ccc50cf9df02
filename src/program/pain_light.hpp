#pragma once
// The pain traffic light of `adaptation.pain`: a session's back pain, logged during an
// exercise's sets and the morning after, graded green, amber or red; and whether the log holds
// all loaded lower-back work (pain at the hold's level, or a warning sign, not yet cleared).

#include "lbtrain/log.hpp"
#include "lbtrain/model/plan.hpp"
#include "lbtrain/model/rules.hpp"
#include "log/day_marks.hpp"

#include <optional>
#include <string>
#include <vector>

namespace lbtrain::program {

enum class Light { none, green, amber, red, unknown };

struct Graded {
  Light light = Light::none;
  std::string pain;  ///< what it rests on: "6/10 during", "1/10 during, 4/10 the morning after (1 before)"
};

/// The light of one exercise of a session on `date`: the worst pain logged with its sets
/// (`during`), and the morning after against the morning before (the last morning logged on or
/// before `date`, else the worst pain of the whole session, `session`, else 0: one baseline for
/// every exercise of the session). `comeback`: no pain logged is `unknown`, not `none`.
Graded grade(const PainRule& rule, std::optional<int> during, std::optional<int> session, const std::string& date,
             const std::vector<log::DayMark>& marks, bool comeback);

/// The worst of two lights (unknown is worse than green, better than amber).
Light worse(Light a, Light b);

/// Why loaded lower-back work is held as of the log's end ("back pain 8/10 during Back squat
/// on 2026-11-10"), or "" when nothing holds it: pain at the rule's hold level, during or the
/// morning after, or a warning sign, on or after `start` and after the last clearance.
std::string hold_reason(const PainRule& rule, const std::vector<LoggedSet>& sets,
                        const std::vector<log::DayMark>& marks, const std::string& start);

/// Whether loaded lower-back work was held at a session on `date`: a hold level of pain or a
/// warning sign logged before that day (from `start` on), and no clearance between it and the day.
class HoldDays {
 public:
  HoldDays(const PainRule& rule, const std::vector<LoggedSet>& sets, const std::vector<log::DayMark>& marks,
           const std::string& start);
  bool held_on(const std::string& date) const;

 private:
  std::vector<std::string> triggers_;  // sorted
  std::vector<std::string> clears_;    // sorted
};

class ExerciseTrack;

/// Grades an exercise's session just recorded in `track` (after track.keep() and record()) and
/// does what its light says: green says so and lets the advance stand; amber (or a comeback
/// logged without pain) repeats the dose kept; red steps back one stage. Returns the light.
Light apply_pain(const Adaptation& adaptation, ExerciseTrack& track, const Prescription& shown,
                 const std::vector<LoggedSet>& logged, std::optional<int> session_pain, const std::string& date,
                 const std::vector<log::DayMark>& marks);

}  // namespace lbtrain::program
