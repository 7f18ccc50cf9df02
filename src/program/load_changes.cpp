// How an exercise's load (or hold) changes between sessions beside the plan as written: the
// block's cap on rises, reserve logged outside the target (autoregulation), two misses in a row,
// holds beaten or short, and the ramp back from a layoff. Part of ExerciseTrack.

#include "program/exercise_track.hpp"

#include "log/logged_set.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace lbtrain::program {

double ExerciseTrack::ceiling(LoadUnit unit) const {
  // At most one step of load a block (or the rule's percent when that is more): the block's
  // step, an early top and reserve logged above the target share it, so they never stack.
  if (!rule_ || rule_->block_rise_percent == 0 || !rise_base_) return std::numeric_limits<double>::infinity();
  const double base = log::convert(rise_base_->first, rise_base_->second, unit);
  const double step = increments_.for_unit(unit);
  const double by_percent = std::floor(base * (100 + rule_->block_rise_percent) / 100.0 / step + 1e-9) * step;
  return std::max({to_step(base + step, unit), by_percent, base});
}

void ExerciseTrack::ease(Prescription& item) {
  // Back from a layoff: this step of the ramp, rounded down to the step (and never to nothing).
  // The first session back is at least one step lighter; at light loads, where two steps of the
  // ramp round to the same load, the repeat is skipped, so each session back is heavier.
  if (!ramping() || !item.target_load) return;
  LoadUnit unit = item.target_load->unit == "lb" ? LoadUnit::lb : LoadUnit::kg;
  const double step = increments_.for_unit(unit);
  auto eased_at = [&](std::size_t k) {
    return std::floor(item.target_load->value * adaptation_.layoff_ramp[k] / 100.0 / step + 1e-9) * step;
  };
  while (ramp_ > 0 && ramping() && eased_at(ramp_) <= ramp_last_ + 1e-6) ++ramp_;
  if (!ramping()) return;
  const int percent = adaptation_.layoff_ramp[ramp_];
  const double eased = eased_at(ramp_);
  if (eased <= 0 || eased >= item.target_load->value) return;
  ramp_last_ = eased;
  const std::string off = std::to_string(100 - percent);
  item.target_load->value = eased;
  item.target_load->basis += fill_placeholders(adaptation_.text("basis_layoff"), {{"percent", off}});
  if (ramp_ == 0) {
    item.adaptation = fill("layoff", {{"name", item.exercise.name},
                                      {"days", std::to_string(ramp_days_)},
                                      {"percent", off},
                                      {"load", load_text(eased, unit)}});
  } else {
    item.adaptation = fill("ramp", {{"name", item.exercise.name}, {"percent", off}, {"load", load_text(eased, unit)}});
  }
}

bool ExerciseTrack::autoregulate(const Prescription& shown, const std::vector<LoggedSet>& sets, bool success,
                                 const std::string& date) {
  // Reserve is information: when the whole session was outside the target range (every set
  // above it, or every set below it), each rep of reserve nearest the range moves the next load
  // by the rules' percentage, rounded to the step (RPE-style autoregulation). A rise stays
  // within the block's (ceiling).
  if (!tracks_load() || !load_ || load_->value <= 0 || !shown.rir || adaptation_.effort_percent == 0) return false;
  std::optional<int> hardest;
  std::optional<int> easiest;
  for (const auto& logged : sets) {
    if (!logged.rir) continue;
    const int rir = static_cast<int>(std::lround(*logged.rir));
    hardest = std::min(hardest.value_or(rir), rir);
    easiest = std::max(easiest.value_or(rir), rir);
  }
  if (!hardest) return false;
  const int rir = success ? *hardest : *easiest;
  const int reps = success ? std::max(0, rir - shown.rir->max) : std::max(0, shown.rir->min - rir);
  if (reps == 0) return false;
  const int percent = reps * adaptation_.effort_percent;
  const double step = increments_.for_unit(load_->unit);
  const double before = load_->value;
  double next = to_step(before * (100 + (success ? percent : -percent)) / 100.0, load_->unit);
  if (success) next = std::min(next, ceiling(load_->unit));
  // Less than a step either way: the load stays (and a miss counts as one).
  if (success ? next <= before + 1e-6 : next >= before - 1e-6) return false;
  if (next < step - 1e-6) return false;  // nothing left to take: the misses' rule decides
  const std::string target_rir = shown.rir->min == shown.rir->max
                                     ? std::to_string(shown.rir->min)
                                     : fmt::format("{}-{}", shown.rir->min, shown.rir->max);
  // The change said as it is after rounding and the block's cap, not as the rule's percent.
  const int moved = static_cast<int>(std::lround(std::abs(next - before) / before * 100));
  note_ = fill(success ? "effort_up" : "effort_down", {{"name", shown.exercise.name},
                                                       {"date", date},
                                                       {"rir", std::to_string(rir)},
                                                       {"target_rir", target_rir},
                                                       {"percent", std::to_string(moved)},
                                                       {"load", load_text(next, load_->unit)}});
  load_->value = next;
  load_->date = date;
  load_->basis = success ? fill("basis_increment", {{"date", date}, {"increment", load_text(next - before, load_->unit)}})
                         : fill("basis_drop", {{"date", date}, {"percent", std::to_string(moved)}});
  if (!success) {
    block_load_ = next;
    rebase();
    ++drops_;  // down for reserve is down all the same
    refer();
  }
  return true;
}

void ExerciseTrack::hold_top(const Prescription& shown, const std::string& date) {
  // Every hold at the top of the block's range early: the next block's longer holds start now.
  std::size_t next = position_ + 1;
  while (next < written_.size() && written_[next].phase != "new_block") ++next;
  if (next >= written_.size()) {
    ++position_;
    return;
  }
  position_ = next;
  note_ = fill("hold_top", {{"name", shown.exercise.name}, {"date", date}, {"top", std::to_string(shown.block_top)}});
}

bool ExerciseTrack::hold_drop(const Prescription& shown) {
  // Holds short again and again: a shorter hold, at least one step less, to rebuild from.
  if (shown.kind != DoseKind::seconds || tracks_load() || !rule_ || rule_->drop_after_misses == 0 ||
      misses_ < rule_->drop_after_misses) {
    return false;
  }
  const int step = adaptation_.hold_step_seconds;
  int cut = shown.value * (100 - rule_->drop_percent) / 100 / step * step;
  cut = std::max(step, std::min(cut, shown.value - step));
  if (cut >= shown.value) return false;
  misses_ = 0;
  hold_cut_ = cut;
  note_ = fill("hold_drop", {{"name", shown.exercise.name},
                             {"misses", std::to_string(rule_->drop_after_misses)},
                             {"target", target_text(shown)},
                             {"seconds", std::to_string(cut)}});
  return true;
}

void ExerciseTrack::refer() {
  // Down again and again with no session done as written: no longer a question of load.
  if (!rule_ || rule_->refer_after_drops == 0 || drops_ < rule_->refer_after_drops) return;
  note_ += " " + fill("refer", {{"drops", std::to_string(drops_)}});
}

bool ExerciseTrack::drop_load(const Prescription& shown, const std::string& date) {
  if (!rule_ || rule_->drop_after_misses == 0 || misses_ < rule_->drop_after_misses || !load_ || load_->value <= 0) {
    return false;
  }
  misses_ = 0;
  ++drops_;
  ramp_ = adaptation_.layoff_ramp.size();
  const double increment = increments_.for_unit(load_->unit);
  double dropped = std::round(load_->value * (100 - rule_->drop_percent) / 100.0 / increment) * increment;
  // A drop is at least one step; below the lightest step there is no load left to take.
  if (dropped > load_->value - increment) dropped = load_->value - increment;
  if (dropped < increment - 1e-6) {
    note_ = fill("drop_bodyweight", {{"name", shown.exercise.name},
                                     {"misses", std::to_string(rule_->drop_after_misses)},
                                     {"target", target_text(shown)}});
    load_->value = 0;
    block_load_ = 0;
    rebase();
    load_->date = date;
    load_->basis.clear();
    refer();
    return true;
  }
  note_ = fill("drop", {{"name", shown.exercise.name},
                        {"misses", std::to_string(rule_->drop_after_misses)},
                        {"target", target_text(shown)},
                        {"percent", std::to_string(rule_->drop_percent)},
                        {"load", load_text(dropped, load_->unit)},
                        {"increment", load_text(increment, load_->unit)}});
  load_->value = dropped;
  block_load_ = dropped;
  rebase();
  load_->date = date;
  load_->basis = fill("basis_drop", {{"date", date}, {"percent", std::to_string(rule_->drop_percent)}});
  refer();
  return true;
}

}  // namespace lbtrain::program
