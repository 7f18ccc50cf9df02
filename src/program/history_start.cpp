// Where a program's tracks start from the log before it: the last session of each exercise
// logged before the program's first day (typed or imported) gives its load as a number, and its
// holds and bodyweight reps lift the first block's to where the lifter is, never past the
// block's top and never more work than that session holds.

#include "program/exercise_track.hpp"

#include "format/layout.hpp"
#include "log/logged_set.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <numeric>

namespace lbtrain::program {

void ExerciseTrack::seed(const std::vector<LoggedSet>& sets, const std::string& date) {
  before_ = sets;
  if (!tracks_load()) return;
  if (auto load = working_load(sets)) {
    load_ = TrackedLoad{load->first, load->second, date, fill("basis_logged", {{"date", date}})};
    estimate_first_load(sets, date);
    rebase();
  }
}

void ExerciseTrack::estimate_first_load(const std::vector<LoggedSet>& sets, const std::string& date) {
  // The last load done at another rep count than the first week's: its estimated 1RM at the
  // week's reps plus its target reserve, rounded down to a step (adaptation.history_estimate).
  const auto& rule = adaptation_.history_estimate;
  if (!rule || written_.empty() || !written_.front().loaded || written_.front().kind != DoseKind::reps) return;
  const Prescription& first = written_.front();
  std::vector<LoggedSet> working;  // the sets at the working load (a back-off set is not one)
  for (const auto& s : sets) {
    if (s.kind == DoseKind::reps && s.load && log::convert(*s.load, s.unit, load_->unit) <= load_->value + 1e-6) {
      working.push_back(s);
    }
  }
  if (working.empty() ||
      std::all_of(working.begin(), working.end(), [&](const LoggedSet& s) { return s.count == first.value; })) {
    return;
  }
  std::optional<double> e1rm;  // the weakest set's: never more than the log shows
  for (const auto& s : working) {
    auto e = log::estimated_1rm(s, load_->unit);
    if (e && (!e1rm || *e < *e1rm)) e1rm = e;
  }
  if (!e1rm) return;
  const int reserve = first.rir ? (rule->reserve_high ? first.rir->max : first.rir->min) : 0;
  const double step = increments_.for_unit(load_->unit);
  const double value = std::floor(log::load_for_reps(*e1rm, first.value + reserve) / step + 1e-9) * step;
  if (value <= 0) return;
  load_->value = value;
  load_->basis = fill("basis_estimate", {{"done", log::sets_text(working)},
                                         {"date", date},
                                         {"e1rm", load_text(*e1rm, load_->unit)},
                                         {"reps", std::to_string(first.value)},
                                         {"reserve", std::to_string(reserve)}});
}

void ExerciseTrack::start_from_history(Prescription& item, bool easier) {
  // Bodyweight holds and reps of a building scheme, in the program's first block, outside the
  // easier week: a load as a number follows the log already.
  if (before_.empty() || easier || item.phase == "deload" || item.loaded || item.block_top <= 0) return;
  for (std::size_t i = 1; i <= position_ && i < written_.size(); ++i) {
    if (written_[i].phase == "new_block") return;
  }
  std::vector<int> counts;
  for (const auto& s : before_) {
    if (s.kind == item.kind) counts.push_back(s.count);
  }
  if (counts.empty() || item.sets <= 0) return;
  std::sort(counts.begin(), counts.end(), std::greater<>());
  // What the lifter showed: each set no longer than the weakest of the sets counted, and no more
  // in all than those sets held (2 x 120 s allow 3 x 80 s; 1 x 60 s only 3 x 20 s).
  const std::size_t k = std::min<std::size_t>(static_cast<std::size_t>(item.sets), counts.size());
  const long long total = std::accumulate(counts.begin(), counts.begin() + static_cast<std::ptrdiff_t>(k), 0LL);
  int able = static_cast<int>(std::min<long long>(counts[k - 1], total / item.sets));
  if (item.kind == DoseKind::seconds && adaptation_.hold_step_seconds > 0) able -= able % adaptation_.hold_step_seconds;
  if (able <= item.value) return;
  const std::string written = layout::dose_text(item);
  item.value = std::min(able, item.block_top);
  if (!item.adaptation.empty()) return;  // a repeat or a miss says why; the dose is still the lifter's
  item.adaptation = fill(able > item.block_top ? "history_top" : "history_start",
                         {{"name", item.exercise.name},
                          {"done", log::sets_text(before_)},
                          {"date", before_.front().date},
                          {"dose", layout::dose_text(item)},
                          {"written", written}});
}

}  // namespace lbtrain::program
