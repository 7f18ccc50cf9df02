// What a pain light does to one exercise's track: amber repeats the dose it had, red steps back
// one stage (and, with a load as a number, about 20% lighter), as `adaptation.pain` says.

#include "program/exercise_track.hpp"
#include "program/pain_light.hpp"

#include "model/text_match.hpp"

#include <algorithm>
#include <map>

namespace lbtrain::program {

void ExerciseTrack::keep() { kept_ = Kept{position_, load_, block_load_, rise_base_, slower_}; }

void ExerciseTrack::repeat_for_pain(const std::string& why) {
  const auto logged = load_;  // the first load logged, when the track had none before
  position_ = kept_.position;
  load_ = kept_.load ? kept_.load : logged;
  block_load_ = kept_.block_load;
  rise_base_ = kept_.rise_base;
  slower_ = kept_.slower;
  say_only(why);
}

std::string ExerciseTrack::step_back(int percent) {
  repeat_for_pain("");
  if (position_ == 0) {
    entered_ = false;  // it had just entered: it leaves until a green session lets it in again
  } else {
    --position_;
  }
  if (!tracks_load() || !load_ || load_->value <= 0) return "";
  const double lighter = to_step(load_->value * (100.0 - percent) / 100.0, load_->unit);
  load_->value = std::max(0.0, std::min(lighter, load_->value - increments_.for_unit(load_->unit)));
  load_->basis = fill("basis_drop", {{"date", load_->date}, {"percent", std::to_string(percent)}});
  block_load_ = load_->value;
  rebase();
  return load_->value > 0 ? load_text(load_->value, load_->unit) : adaptation_.text("bodyweight");
}

}  // namespace lbtrain::program

namespace lbtrain::program {

Light apply_pain(const Adaptation& adaptation, ExerciseTrack& track, const Prescription& shown,
                 const std::vector<LoggedSet>& logged, std::optional<int> session_pain, const std::string& date,
                 const std::vector<log::DayMark>& marks) {
  const PainRule& rule = *adaptation.pain;
  std::optional<int> during;
  for (const auto& s : logged) {
    if (s.pain) during = std::max(during.value_or(0), *s.pain);
  }
  const bool comeback =
      std::find(rule.comebacks.begin(), rule.comebacks.end(), shown.progression) != rule.comebacks.end();
  const Graded graded = grade(rule, during, session_pain, date, marks, comeback);
  std::map<std::string, std::string> values{{"name", shown.exercise.name}, {"date", date}, {"pain", graded.pain}};
  switch (graded.light) {
    case Light::none: break;
    case Light::green: track.say_first(fill_placeholders(adaptation.text("pain_green"), values)); break;
    case Light::amber: track.repeat_for_pain(fill_placeholders(adaptation.text("pain_amber"), values)); break;
    case Light::unknown: track.repeat_for_pain(fill_placeholders(adaptation.text("pain_unknown"), values)); break;
    case Light::red: {
      std::string load = track.step_back(rule.step_back_percent);
      values["percent"] = std::to_string(rule.step_back_percent);
      values["load"] = load;
      track.say_only(fill_placeholders(adaptation.text(load.empty() ? "pain_red" : "pain_red_load"), values));
      break;
    }
  }
  return graded.light;
}

}  // namespace lbtrain::program
