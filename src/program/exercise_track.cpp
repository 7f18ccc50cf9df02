#include "program/exercise_track.hpp"

#include "format/layout.hpp"
#include "log/logged_set.hpp"
#include "text_match.hpp"

#include <algorithm>
#include <cmath>

namespace lbtrain::program {

double Increments::for_unit(LoadUnit unit) const {
  auto it = step.find(unit);
  return it == step.end() ? (unit == LoadUnit::kg ? 2.5 : 5.0) : it->second;
}

std::optional<std::pair<double, LoadUnit>> working_load(const std::vector<LoggedSet>& sets) {
  std::optional<std::pair<double, LoadUnit>> lightest;
  for (const auto& s : sets) {
    if (!s.load) continue;
    if (!lightest) {
      lightest = std::pair{*s.load, s.unit};
    } else {
      lightest->first = std::min(lightest->first, logbook::convert(*s.load, s.unit, lightest->second));
    }
  }
  return lightest;
}

bool is_success(const Prescription& shown, const std::vector<LoggedSet>& sets) {
  if (static_cast<int>(sets.size()) < shown.sets) return false;
  for (const auto& s : sets) {
    if (s.count < shown.value) return false;
    if (shown.target_load) {
      LoadUnit unit = shown.target_load->unit == "lb" ? LoadUnit::lb : LoadUnit::kg;
      if (!s.load || logbook::convert(*s.load, s.unit, unit) < shown.target_load->value - 1e-6) return false;
    }
    if (shown.rir && s.rir && *s.rir < shown.rir->min) return false;
  }
  return true;
}

ExerciseTrack::ExerciseTrack(const AdaptationRule* rule, const Adaptation& adaptation, Increments increments)
    : rule_(rule), adaptation_(adaptation), increments_(std::move(increments)) {}

std::string ExerciseTrack::fill(const std::string& id, std::map<std::string, std::string> values) const {
  return fill_placeholders(adaptation_.text(id), values);
}

std::string ExerciseTrack::load_text(double value, LoadUnit unit) const {
  return logbook::number_text(std::round(value * 100) / 100) + " " + std::string(to_string(unit));
}

std::string ExerciseTrack::target_text(const Prescription& shown) const {
  std::string text = layout::dose_text(shown);
  if (shown.target_load) text += " @ " + logbook::number_text(shown.target_load->value) + " " + shown.target_load->unit;
  return text;
}

void ExerciseTrack::seed(const std::vector<LoggedSet>& sets, const std::string& date) {
  if (!rule_ || !rule_->track_load) return;
  if (auto load = working_load(sets)) {
    load_ = TrackedLoad{load->first, load->second, date, fill("basis_logged", {{"date", date}})};
  }
}

void ExerciseTrack::skip_passed_deload(const Prescription& here) {
  // The calendar's easier week is every exercise's at once: one that lags behind takes it with
  // the others, and then skips its own when it reaches it.
  if (here.phase == "deload") return;
  while (position_ < written_.size() && written_[position_].phase == "deload") ++position_;
}

bool ExerciseTrack::calendar_deload(const Prescription& here) const {
  return here.phase == "deload" && (position_ >= written_.size() || written_[position_].phase != "deload");
}

Prescription ExerciseTrack::show(const Prescription& here, bool ahead) {
  skip_passed_deload(here);
  const bool easier = calendar_deload(here);
  Prescription item = easier || position_ >= written_.size() ? here : written_[position_];
  if (rule_ && rule_->track_load && item.loaded) {
    if (load_) {
      double value = easier && rule_->load_step && block_load_ ? *block_load_ : load_->value;
      item.target_load = TargetLoad{value, std::string(to_string(load_->unit)), load_->basis};
      if (item.phase != "enters") item.load.clear();  // the target says it, with what it rests on
    } else if (note_.empty() && ahead) {
      item.adaptation = fill("first_load", {{"name", item.exercise.name}});
    }
  }
  if (!note_.empty()) item.adaptation = note_;
  return item;
}

void ExerciseTrack::advance(const Prescription& here, std::optional<std::pair<double, LoadUnit>> logged,
                            const std::string& date) {
  if (calendar_deload(here)) return;  // the easier week taken with the others: the track stays
  const std::size_t from = position_;
  ++position_;
  if (!rule_ || !rule_->track_load) return;
  if (logged) load_ = TrackedLoad{logged->first, logged->second, date, fill("basis_logged", {{"date", date}})};
  if (!load_) return;
  if (!block_load_) block_load_ = load_->value;
  if (position_ >= written_.size()) return;
  const Prescription& next = written_[position_];
  if (rule_->load_step && next.phase == "deload") {
    load_->value = *block_load_;  // the easier week goes back to the block's first load
    return;
  }
  const bool new_week = weeks_[position_] != weeks_[from];
  if (!new_week || !(next.phase == "new_block" || (rule_->load_step && next.phase == "build"))) return;
  const double increment = increments_.for_unit(load_->unit);
  const std::string previous = load_text(next.phase == "new_block" ? *block_load_ : load_->value, load_->unit);
  load_->value += increment;
  load_->basis = fill("basis_increment", {{"date", load_->date}, {"increment", load_text(increment, load_->unit)}});
  if (next.phase == "new_block") block_load_ = load_->value;
  if (!next.loaded) return;
  note_ = fill(next.phase == "new_block" ? "new_block" : "load_step",
               {{"name", next.exercise.name},
                {"load", load_text(load_->value, load_->unit)},
                {"increment", load_text(increment, load_->unit)},
                {"previous", previous}});
}

void ExerciseTrack::restart_block(const Prescription& shown, std::pair<double, LoadUnit> logged,
                                  const std::string& date) {
  // Every set at the block's top before the plan got there: the load was light, so the block
  // starts again from its bottom, one increment heavier (double progression).
  std::size_t start = std::min(position_, written_.size() - 1);
  while (start > 0 && written_[start].phase != "enters" && written_[start].phase != "new_block") --start;
  while (start > 0 && weeks_[start - 1] == weeks_[start]) --start;
  position_ = start;
  const double increment = increments_.for_unit(logged.second);
  load_ = TrackedLoad{logged.first + increment, logged.second, date,
                      fill("basis_increment", {{"date", date}, {"increment", load_text(increment, logged.second)}})};
  block_load_ = load_->value;
  note_ = fill("top", {{"name", shown.exercise.name},
                       {"date", date},
                       {"top", std::to_string(shown.block_top)},
                       {"bottom", std::to_string(written_[start].value)},
                       {"load", load_text(load_->value, load_->unit)},
                       {"increment", load_text(increment, load_->unit)}});
}

void ExerciseTrack::record(const Prescription& here, const Prescription& shown, const std::vector<LoggedSet>* sets,
                           const std::string& date) {
  note_.clear();
  if (!sets || sets->empty()) {
    // Perhaps done and not logged: the plan goes on as written, and says so.
    if (shown.loaded || here.phase == "deload") {
      note_ = fill("not_logged", {{"name", shown.exercise.name}, {"date", date}, {"target", target_text(shown)}});
    }
    advance(here, std::nullopt, date);
    return;
  }
  auto logged = working_load(*sets);
  if (is_success(shown, *sets)) {
    misses_ = 0;
    const bool top = rule_ && rule_->top_of_range && rule_->track_load && logged && shown.block_top > shown.value &&
                     !calendar_deload(here) && shown.phase != "deload" &&
                     std::all_of(sets->begin(), sets->end(), [&](const LoggedSet& s) { return s.count >= shown.block_top; });
    if (top) {
      restart_block(shown, *logged, date);
    } else {
      advance(here, logged, date);
    }
    return;
  }
  ++misses_;
  note_ = fill("repeat", {{"name", shown.exercise.name},
                          {"date", date},
                          {"done", logbook::sets_text(*sets)},
                          {"target", target_text(shown)}});
  if (rule_ && rule_->track_load && !load_ && logged) {
    load_ = TrackedLoad{logged->first, logged->second, date, fill("basis_logged", {{"date", date}})};
  }
  if (!rule_ || rule_->drop_after_misses == 0 || misses_ < rule_->drop_after_misses || !load_) return;
  misses_ = 0;
  const double increment = increments_.for_unit(load_->unit);
  double dropped = std::round(load_->value * (100 - rule_->drop_percent) / 100.0 / increment) * increment;
  if (dropped >= load_->value) dropped = load_->value - increment;
  // At a light load one increment is much more than the percentage: keep the load then.
  if (dropped <= 0 || load_->value - dropped > load_->value * rule_->drop_percent / 100.0 * 1.5) return;
  note_ = fill("drop", {{"name", shown.exercise.name},
                        {"misses", std::to_string(rule_->drop_after_misses)},
                        {"target", target_text(shown)},
                        {"percent", std::to_string(rule_->drop_percent)},
                        {"load", load_text(dropped, load_->unit)},
                        {"increment", load_text(increment, load_->unit)}});
  load_->value = dropped;
  block_load_ = dropped;
  load_->date = date;
  load_->basis = fill("basis_drop", {{"date", date}, {"percent", std::to_string(rule_->drop_percent)}});
}

void ExerciseTrack::assume_success(const Prescription& here) {
  note_.clear();
  advance(here, std::nullopt, load_ ? load_->date : std::string());
}

}  // namespace lbtrain::program
