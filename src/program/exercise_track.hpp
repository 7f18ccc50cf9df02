#pragma once
// One exercise followed through a program: the plan's prescriptions for it in order, and where
// the log has got it to. It advances one prescription on a success, stays on a miss, and
// carries the load as a number once the log knows one: the same through a block, one
// increment more for a new block (or after each success where the load rises instead of the
// reps), about 10% less after two misses in a row, a few percent either way for reserve logged
// outside the target, eased over the sessions back from a layoff, as the adaptation rules say.

#include "lbtrain/log.hpp"
#include "lbtrain/model/plan.hpp"
#include "lbtrain/model/rules.hpp"

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace lbtrain::program {

/// A load the track carries, and what it rests on.
struct TrackedLoad {
  double value = 0;
  LoadUnit unit = LoadUnit::kg;
  std::string date;   ///< the session it was logged in
  std::string basis;  ///< the rules' basis text, filled
};

/// The load step per unit: the user's increment in its unit, else the rules' default.
struct Increments {
  std::map<LoadUnit, double> step;
  bool given = false;  ///< the user's own (--increment or the setting): it wins over an implement's
  double for_unit(LoadUnit unit) const;
};

class ExerciseTrack {
 public:
  /// `numbered`: the exercise's load can be a number (not a band's).
  ExerciseTrack(const AdaptationRule* rule, const Adaptation& adaptation, Increments increments, bool numbered = true);

  /// The plan's next prescription for this exercise, in the order of the sessions, and its week.
  void add_occurrence(const Prescription& written, int week) {
    written_.push_back(written);
    weeks_.push_back(week);
  }
  /// The last session logged before the program (after every add_occurrence): a load as a
  /// number for its first session, from the estimated 1RM when that session's reps were not the
  /// first week's, and the holds and bodyweight reps it showed (history_start.cpp).
  void seed(const std::vector<LoggedSet>& sets, const std::string& date);

  /// The prescription for this exercise where the plan has `here`: the one the track is at (the
  /// calendar's easier week when it is one), with the load as a number when known and the reason
  /// it differs from the plan as written. `ahead`: a session not yet done.
  Prescription show(const Prescription& here, bool ahead);
  /// A session done: `sets` are its working sets of this exercise, or null when none were logged.
  /// `main`: the exercise is in the main block, where a set not logged is worth a word (a warm-up
  /// or cool-down drill is seldom logged: lbtrain done logs the main block), and not held for pain.
  void record(const Prescription& here, const Prescription& shown, const std::vector<LoggedSet>* sets,
              const std::string& date, bool main = true);
  /// A session ahead: assumed done as prescribed.
  void assume_success(const Prescription& here);
  /// A layoff of `days` before the next session: the next sessions ease the load by the rules'
  /// ramp (90%, then 95%, ...), each graded against its eased load.
  void start_ramp(int days);

  /// Before record(): keeps the track's place and load, so that a pain light can undo an advance
  /// (pain_track.cpp).
  void keep();
  /// Amber, or no pain logged with a comeback exercise: the dose kept repeats; `why` is its note.
  void repeat_for_pain(const std::string& why);
  /// Red: one stage back from the place kept (off the sessions until a green one when it had just
  /// entered) and, with a load as a number, about `percent` lighter. Returns the new load's text,
  /// or "" when there is none.
  std::string step_back(int percent);
  /// Says `why` first in the note the next session shows (the light a green session got).
  void say_first(const std::string& why) { note_ = note_.empty() ? why : why + " " + note_; }
  /// Replaces the note the next session shows.
  void say_only(const std::string& why) {
    note_ = why;
    repeat_values_.clear();
  }
  /// Whether the exercise has been done in this program (and not stepped back out of it since).
  bool entered() const { return entered_; }

 private:
  struct Kept {
    std::size_t position = 0;
    std::optional<TrackedLoad> load;
    std::optional<double> block_load;
    std::optional<std::pair<double, LoadUnit>> rise_base;
    bool slower = false;
  };

  void skip_passed_deload(const Prescription& here);
  bool calendar_deload(const Prescription& here) const;
  void catch_up(const Prescription& here);
  void say_block_kept(const Prescription& here);
  bool advance(const Prescription& here, std::optional<std::pair<double, LoadUnit>> logged, const std::string& date);
  bool restart_block(const Prescription& shown, std::pair<double, LoadUnit> logged, const std::string& date);
  double ceiling(LoadUnit unit) const;
  void rebase() { rise_base_ = std::pair{load_->value, load_->unit}; }
  bool autoregulate(const Prescription& shown, const std::vector<LoggedSet>& sets, bool success,
                    const std::string& date);
  void hold_top(const Prescription& shown, const std::string& date);
  bool hold_drop(const Prescription& shown);
  bool drop_load(const Prescription& shown, const std::string& date);
  void refer();
  void ease(Prescription& item);
  void start_from_history(Prescription& item, bool easier);
  void estimate_first_load(const std::vector<LoggedSet>& sets, const std::string& date);
  bool tracks_load() const { return rule_ && rule_->track_load && numbered_; }
  bool ramping() const { return ramp_ < adaptation_.layoff_ramp.size(); }
  double to_step(double value, LoadUnit unit) const;
  double tolerance(double target, LoadUnit unit) const;
  std::string fill(const std::string& id, std::map<std::string, std::string> values) const;
  std::string load_text(double value, LoadUnit unit) const;
  std::string target_text(const Prescription& shown) const;

  const AdaptationRule* rule_;
  const Adaptation& adaptation_;
  Increments increments_;
  std::vector<Prescription> written_;
  std::vector<int> weeks_;
  std::size_t position_ = 0;
  int misses_ = 0;
  int drops_ = 0;  ///< load drops in a row, no success between them
  std::optional<TrackedLoad> load_;
  std::optional<double> block_load_;  ///< the load of the block's first week
  /// The load the calendar's block started at (or was dropped to): its rise is capped from here.
  std::optional<std::pair<double, LoadUnit>> rise_base_;
  std::string note_;                  ///< said at the next appearance
  /// The values of note_ when it is a plain repeat: the easier week says it otherwise, as the
  /// dose repeated is not the one it gives.
  std::map<std::string, std::string> repeat_values_;
  std::size_t ramp_ = 0;              ///< the step of the layoff ramp the next session is at
  int ramp_days_ = 0;                 ///< the layoff's length, said at the ramp's first step
  double ramp_last_ = 0;              ///< the load the ramp's last step gave
  std::optional<double> last_built_;  ///< the last target shown outside an easier week
  bool numbered_ = true;              ///< the load can be a number (not a band's)
  std::optional<int> hold_cut_;       ///< a hold shortened after misses, in seconds, until a success
  bool block_done_ = false;           ///< the last session graded reached the block's top count
  bool shown_top_ = false;            ///< the last prescription shown was at the block's top count
  bool slower_ = false;               ///< the reps reached the top: the rule's slower tempo from now on
  bool entered_ = false;              ///< done in this program (pain_track.cpp)
  Kept kept_;                         ///< the state before the last session recorded
  std::vector<LoggedSet> before_;     ///< the last session logged before the program (its counts)
};

/// Whether `sets` reach `shown`: as many sets as prescribed (the best of them when there are
/// more) at the count, load and reserve prescribed. A load within `tolerance` of the target (in
/// the target's unit) counts as it; without `reserve`, fewer reps in reserve do not fail a set.
bool is_success(const Prescription& shown, const std::vector<LoggedSet>& sets, double tolerance, bool reserve = true);

/// The lightest load of the sets, in the unit of the first loaded one; nullopt for bodyweight.
std::optional<std::pair<double, LoadUnit>> working_load(const std::vector<LoggedSet>& sets);

}  // namespace lbtrain::program
