#include "program/exercise_track.hpp"

#include "format/layout.hpp"
#include "log/logged_set.hpp"
#include "model/text_match.hpp"

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
      lightest->first = std::min(lightest->first, log::convert(*s.load, s.unit, lightest->second));
    }
  }
  return lightest;
}

bool is_success(const Prescription& shown, const std::vector<LoggedSet>& sets, double tolerance, bool reserve) {
  // Extra sets are never a miss: it is enough that the prescribed number of them reach the target.
  const LoadUnit unit = shown.target_load && shown.target_load->unit == "lb" ? LoadUnit::lb : LoadUnit::kg;
  int reached = 0;
  for (const auto& s : sets) {
    bool ok = s.count >= shown.value;
    if (shown.target_load) {
      ok = ok && s.load && log::convert(*s.load, s.unit, unit) >= shown.target_load->value - tolerance - 1e-6;
    }
    if (reserve && shown.rir && s.rir && *s.rir < shown.rir->min) ok = false;
    reached += ok;
  }
  return reached >= shown.sets;
}

ExerciseTrack::ExerciseTrack(const AdaptationRule* rule, const Adaptation& adaptation, Increments increments,
                             bool numbered)
    : rule_(rule),
      adaptation_(adaptation),
      increments_(std::move(increments)),
      ramp_(adaptation.layoff_ramp.size()),
      numbered_(numbered) {}

double ExerciseTrack::to_step(double value, LoadUnit unit) const {
  const double step = increments_.for_unit(unit);
  return std::round(value / step) * step;
}

double ExerciseTrack::tolerance(double target, LoadUnit unit) const {
  return std::max(increments_.for_unit(unit) * adaptation_.load_tolerance_steps,
                  target * adaptation_.load_tolerance_percent / 100.0);
}

void ExerciseTrack::start_ramp(int days) {
  ramp_ = 0;
  ramp_days_ = days;
  ramp_last_ = 0;
}

std::string ExerciseTrack::fill(const std::string& id, std::map<std::string, std::string> values) const {
  return fill_placeholders(adaptation_.text(id), values);
}

std::string ExerciseTrack::load_text(double value, LoadUnit unit) const {
  return log::number_text(std::round(value * 100) / 100) + " " + std::string(to_string(unit));
}

std::string ExerciseTrack::target_text(const Prescription& shown) const {
  std::string text = layout::dose_text(shown);
  if (shown.target_load) text += " @ " + log::number_text(shown.target_load->value) + " " + shown.target_load->unit;
  return text;
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

void ExerciseTrack::catch_up(const Prescription& here) {
  // The calendar starts a new block while this exercise is still behind in the last one: it
  // starts the new block with the others, at its bottom; the block's load step only when the
  // last block ended at its top.
  if (here.phase != "new_block" || position_ >= written_.size() || written_[position_].phase == "new_block") return;
  std::size_t start = position_;
  while (start < written_.size() && written_[start].phase != "new_block") ++start;
  if (start >= written_.size()) return;
  position_ = start;
  if (!tracks_load() || !load_ || load_->value <= 0) return;
  const double base = block_load_.value_or(load_->value);
  const std::string previous = load_text(base, load_->unit);
  const double increment = increments_.for_unit(load_->unit);
  const double stepped = std::min(to_step(std::max(base, load_->value) + increment, load_->unit), ceiling(load_->unit));
  if (block_done_ && stepped > load_->value + 1e-6) {
    load_->value = stepped;
    load_->basis = fill("basis_increment", {{"date", load_->date}, {"increment", load_text(increment, load_->unit)}});
    note_ = fill("new_block", {{"name", here.exercise.name},
                               {"load", load_text(load_->value, load_->unit)},
                               {"increment", load_text(increment, load_->unit)},
                               {"previous", previous}});
  } else {
    say_block_kept(here);
  }
  block_load_ = load_->value;
  rebase();
}

void ExerciseTrack::say_block_kept(const Prescription& here) {
  // A new block at the load of the last session: said as what happened in the last block.
  const double base = rise_base_ ? log::convert(rise_base_->first, rise_base_->second, load_->unit) : load_->value;
  if (load_->value > base + 1e-6) {
    note_ = fill("new_block_risen", {{"name", here.exercise.name},
                                     {"load", load_text(load_->value, load_->unit)},
                                     {"previous", load_text(base, load_->unit)}});
  } else {
    note_ = fill("new_block_same", {{"name", here.exercise.name}, {"load", load_text(load_->value, load_->unit)}});
  }
}

Prescription ExerciseTrack::show(const Prescription& here, bool ahead) {
  skip_passed_deload(here);
  catch_up(here);
  const bool easier = calendar_deload(here);
  Prescription item = easier || position_ >= written_.size() ? here : written_[position_];
  bool said = !note_.empty();  // a note on the load the easier week does not give is not said there
  if (tracks_load() && item.loaded) {
    if (load_ && load_->value <= 0) {
      item.load = adaptation_.text("bodyweight");  // dropped below the lightest step
    } else if (load_) {
      double value = easier && rule_->load_step && block_load_ ? *block_load_ : load_->value;
      // The easier week never asks for more than the last week that built.
      if ((easier || item.phase == "deload") && last_built_) value = std::min(value, *last_built_);
      said = said && value >= load_->value - 1e-6;
      item.target_load = TargetLoad{value, std::string(to_string(load_->unit)), load_->basis};
      if (item.phase != "enters") item.load.clear();  // the target says it, with what it rests on
    } else if (note_.empty() && ahead) {
      item.adaptation = fill("first_load", {{"name", item.exercise.name}});
    }
  }
  if (rule_ && slower_ && !rule_->tempo_at_top.empty()) item.tempo = rule_->tempo_at_top;
  start_from_history(item, easier);
  if (hold_cut_ && item.kind == DoseKind::seconds) item.value = std::min(item.value, *hold_cut_);
  if (said) item.adaptation = easier && !repeat_values_.empty() ? fill("repeat_easier", repeat_values_) : note_;
  ease(item);
  if (item.target_load && !easier && item.phase != "deload") last_built_ = item.target_load->value;
  shown_top_ = !easier && item.phase != "deload" && item.block_top > 0 && item.value >= item.block_top;
  return item;
}

bool ExerciseTrack::advance(const Prescription& here, std::optional<std::pair<double, LoadUnit>> logged,
                            const std::string& date) {
  if (calendar_deload(here)) return false;  // the easier week taken with the others: the track stays
  const std::size_t from = position_;
  ++position_;
  if (!tracks_load()) return false;
  if (logged) load_ = TrackedLoad{logged->first, logged->second, date, fill("basis_logged", {{"date", date}})};
  if (!load_) return false;
  if (!block_load_) block_load_ = load_->value;
  if (!rise_base_) rebase();
  if (position_ >= written_.size()) return false;
  const Prescription& next = written_[position_];
  if (rule_->load_step && next.phase == "deload") {
    load_->value = *block_load_;  // the easier week goes back to the block's first load
    return false;
  }
  const bool new_week = weeks_[position_] != weeks_[from];
  if (!new_week || !(next.phase == "new_block" || (rule_->load_step && next.phase == "build"))) return false;
  const double increment = increments_.for_unit(load_->unit);
  const std::string previous = load_text(next.phase == "new_block" ? *block_load_ : load_->value, load_->unit);
  const double stepped = std::min(to_step(load_->value + increment, load_->unit), ceiling(load_->unit));
  if (next.phase == "new_block" && stepped <= load_->value + 1e-6) {
    // The load already rose as far as a block may: the new block keeps it.
    if (next.loaded) say_block_kept(next);
    block_load_ = load_->value;
    rebase();
    return false;
  }
  load_->value = stepped;
  load_->basis = fill("basis_increment", {{"date", load_->date}, {"increment", load_text(increment, load_->unit)}});
  if (next.phase == "new_block") {
    block_load_ = load_->value;
    rebase();
  }
  if (!next.loaded) return true;
  note_ = fill(next.phase == "new_block" ? "new_block" : "load_step",
               {{"name", next.exercise.name},
                {"load", load_text(load_->value, load_->unit)},
                {"increment", load_text(increment, load_->unit)},
                {"previous", previous}});
  return true;
}

bool ExerciseTrack::restart_block(const Prescription& shown, std::pair<double, LoadUnit> logged,
                                  const std::string& date) {
  // Every set at the block's top before the plan got there: the load was light, so the block
  // starts again from its bottom, one increment heavier (double progression), unless the load
  // already rose as far as a block may: then the plan goes on as written.
  const double increment = increments_.for_unit(logged.second);
  if (!rise_base_) rise_base_ = logged;
  const double heavier = std::min(to_step(logged.first + increment, logged.second), ceiling(logged.second));
  if (heavier <= logged.first + 1e-6) return false;
  std::size_t start = std::min(position_, written_.size() - 1);
  while (start > 0 && written_[start].phase != "enters" && written_[start].phase != "new_block") --start;
  while (start > 0 && weeks_[start - 1] == weeks_[start]) --start;
  position_ = start;
  load_ = TrackedLoad{heavier, logged.second, date,
                      fill("basis_increment", {{"date", date}, {"increment", load_text(increment, logged.second)}})};
  block_load_ = load_->value;
  note_ = fill("top", {{"name", shown.exercise.name},
                       {"date", date},
                       {"top", std::to_string(shown.block_top)},
                       {"bottom", std::to_string(written_[start].value)},
                       {"load", load_text(load_->value, load_->unit)},
                       {"increment", load_text(increment, load_->unit)}});
  return true;
}

void ExerciseTrack::record(const Prescription& here, const Prescription& shown, const std::vector<LoggedSet>* sets,
                           const std::string& date, bool main) {
  note_.clear();
  repeat_values_.clear();
  if (sets && !sets->empty()) entered_ = true;
  if (!sets || sets->empty()) {
    // Perhaps done and not logged: the plan goes on as written, and says so.
    if (main && (shown.loaded || here.phase == "deload")) {
      note_ = fill("not_logged", {{"name", shown.exercise.name}, {"date", date}, {"target", target_text(shown)}});
    }
    advance(here, std::nullopt, date);
    return;
  }
  auto logged = working_load(*sets);
  const bool easier = calendar_deload(here) || shown.phase == "deload";
  const double slack =
      shown.target_load ? tolerance(shown.target_load->value, shown.target_load->unit == "lb" ? LoadUnit::lb : LoadUnit::kg)
                        : 0.0;
  // The easier week done harder than written (more reps, less in reserve) is not a miss.
  const bool success = is_success(shown, *sets, slack, !easier);
  if (!easier) block_done_ = success && shown.block_top > 0 && shown.value >= shown.block_top;
  auto all_at = [&](int count) {
    return std::all_of(sets->begin(), sets->end(), [&](const LoggedSet& s) { return s.count >= count; });
  };
  if (easier && load_ && logged &&
      log::convert(logged->first, logged->second, load_->unit) < load_->value - tolerance(load_->value, load_->unit)) {
    logged.reset();  // the easier week's lighter load is not the load the next block builds on
  }
  if (success) {
    misses_ = 0;
    drops_ = 0;
    hold_cut_.reset();
    if (ramping()) {
      // A step of the ramp done: the next is nearer the full load, which a lighter load logged
      // here does not replace; done at the full load already, the ramp is over.
      ++ramp_;
      if (load_ && logged &&
          log::convert(logged->first, logged->second, load_->unit) < load_->value - tolerance(load_->value, load_->unit)) {
        logged.reset();
      } else {
        ramp_ = adaptation_.layoff_ramp.size();
      }
    }
    const bool early_top = !easier && shown.block_top > shown.value && all_at(shown.block_top);
    if (early_top && tracks_load() && rule_->top_of_range && logged && restart_block(shown, *logged, date)) {
      return;
    }
    if (early_top && rule_ && rule_->top_of_range && !tracks_load() && shown.kind == DoseKind::seconds) {
      hold_top(shown, date);
    } else if (rule_ && !rule_->tempo_at_top.empty() && !slower_ && !easier && shown.block_top > 0 &&
               all_at(shown.block_top)) {
      // High reps at the top of the range: a slower lowering from now on, never a load.
      slower_ = true;
      advance(here, logged, date);
      note_ = fill("tempo", {{"name", shown.exercise.name},
                             {"date", date},
                             {"top", std::to_string(shown.block_top)},
                             {"tempo", rule_->tempo_at_top}});
    } else {
      // Reserve moves the load only when nothing else did this session (never on the block's step).
      const bool stepped = advance(here, logged, date);
      if (note_.empty() && !stepped && !easier && !ramping()) autoregulate(shown, *sets, true, date);
    }
    return;
  }
  ++misses_;
  repeat_values_ = {{"name", shown.exercise.name},
                    {"date", date},
                    {"done", log::sets_text(*sets)},
                    {"target", target_text(shown)}};
  note_ = fill("repeat", repeat_values_);
  if (tracks_load() && !load_ && logged) {
    load_ = TrackedLoad{logged->first, logged->second, date, fill("basis_logged", {{"date", date}})};
    rebase();
  }
  // Every rep and the load there, only the reserve short: the load comes down by the reserve.
  if (is_success(shown, *sets, slack, false) && autoregulate(shown, *sets, false, date)) {
    misses_ = 0;
    repeat_values_.clear();
    return;
  }
  if (hold_drop(shown) || drop_load(shown, date)) repeat_values_.clear();
}

void ExerciseTrack::assume_success(const Prescription& here) {
  note_.clear();
  repeat_values_.clear();
  if (ramping()) ++ramp_;
  if (!calendar_deload(here) && here.phase != "deload") block_done_ = shown_top_;
  advance(here, std::nullopt, load_ ? load_->date : std::string());
}

}  // namespace lbtrain::program
