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

Prescription ExerciseTrack::show(const Prescription& here, bool ahead) const {
  Prescription item = position_ < written_.size() ? written_[position_] : here;
  if (rule_ && rule_->track_load && item.loaded) {
    if (load_) {
      item.target_load = TargetLoad{load_->value, std::string(to_string(load_->unit)), load_->basis};
    } else if (note_.empty() && ahead) {
      item.adaptation = fill("first_load", {{"name", item.exercise.name}});
    }
  }
  if (!note_.empty()) item.adaptation = note_;
  return item;
}

void ExerciseTrack::advance(const Prescription& shown, bool top, std::optional<double> logged, const std::string& date) {
  const std::size_t from = position_;
  ++position_;
  if (top) {
    // Every set at the block's top: on to its easier week or the next block, whichever comes first.
    for (std::size_t i = from + 1; i < written_.size(); ++i) {
      if (written_[i].phase == "deload" || written_[i].phase == "new_block") {
        position_ = i;
        break;
      }
    }
  }
  if (!rule_ || !rule_->track_load) return;
  if (logged) {
    LoadUnit unit = load_ ? load_->unit : logged_unit_;
    load_ = TrackedLoad{*logged, unit, date, fill("basis_logged", {{"date", date}})};
  }
  if (!load_ || position_ >= written_.size()) return;
  const Prescription& next = written_[position_];
  const bool step = next.phase == "new_block" || (rule_->load_step && next.phase == "build");
  if (!step) return;
  const double increment = increments_.for_unit(load_->unit);
  const std::string previous = load_text(load_->value, load_->unit);
  load_->value += increment;
  load_->basis = fill("basis_increment", {{"date", load_->date}, {"increment", load_text(increment, load_->unit)}});
  if (next.phase == "new_block" && !top) {
    note_ = fill("new_block", {{"name", next.exercise.name},
                               {"load", load_text(load_->value, load_->unit)},
                               {"increment", load_text(increment, load_->unit)},
                               {"previous", previous}});
  }
  (void)shown;
}

void ExerciseTrack::record(const Prescription& shown, const std::vector<LoggedSet>* sets, const std::string& date,
                           bool main) {
  note_.clear();
  if (!sets || sets->empty()) {
    if (main) {
      note_ = fill("not_logged", {{"name", shown.exercise.name}, {"date", date}, {"target", target_text(shown)}});
    } else {
      ++position_;  // a drill or stretch not logged: the plan goes on as written
    }
    return;
  }
  auto logged = working_load(*sets);
  if (logged) logged_unit_ = logged->second;
  if (is_success(shown, *sets)) {
    misses_ = 0;
    // The top reached early (more than the plan asked): the rest of the block is skipped.
    bool top = rule_ && rule_->top_of_range && shown.block_top > shown.value && shown.phase != "deload" &&
               std::all_of(sets->begin(), sets->end(), [&](const LoggedSet& s) { return s.count >= shown.block_top; });
    advance(shown, top, logged ? std::optional<double>(logged->first) : std::nullopt, date);
    if (top && rule_->track_load && load_) {
      const bool at_deload = position_ < written_.size() && written_[position_].phase == "deload";
      double next_load = load_->value + (at_deload ? increments_.for_unit(load_->unit) : 0);
      int bottom = shown.value;
      for (std::size_t i = position_; i < written_.size(); ++i) {
        if (written_[i].phase == "new_block") {
          bottom = written_[i].value;
          break;
        }
      }
      note_ = fill("top", {{"name", shown.exercise.name},
                           {"date", date},
                           {"top", std::to_string(shown.block_top)},
                           {"bottom", std::to_string(bottom)},
                           {"load", load_text(next_load, load_->unit)}});
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
  const double increment = increments_.for_unit(load_->unit);
  double dropped = std::round(load_->value * (100 - rule_->drop_percent) / 100.0 / increment) * increment;
  if (dropped >= load_->value) dropped = load_->value - increment;
  if (dropped <= 0) return;  // too light to take anything off
  note_ = fill("drop", {{"name", shown.exercise.name},
                        {"misses", std::to_string(misses_)},
                        {"target", target_text(shown)},
                        {"percent", std::to_string(rule_->drop_percent)},
                        {"load", load_text(dropped, load_->unit)},
                        {"increment", load_text(increment, load_->unit)}});
  load_->value = dropped;
  load_->date = date;
  load_->basis = fill("basis_drop", {{"date", date}, {"percent", std::to_string(rule_->drop_percent)}});
  misses_ = 0;
}

void ExerciseTrack::assume_success(const Prescription& shown) {
  note_.clear();
  advance(shown, false, std::nullopt, load_ ? load_->date : std::string());
}

}  // namespace lbtrain::program
