#include "support/helpers.hpp"

#include "plan/progression.hpp"

#include <catch2/catch.hpp>

using namespace lbtrain;

namespace {
const Progression& scheme(const char* id) { return test::builtin().rules.progressions.at(id); }
const Exercise& exercise(const char* id) { return *test::builtin().catalogue.find(id); }

DoseContext loaded(const std::string& level = "intermediate") {
  DoseContext context;
  context.cycle = &test::builtin().rules.cycle;
  context.level = level;
  context.loaded = true;
  context.start_load = "bodyweight";
  context.add_load = "a light dumbbell";
  return context;
}

WeekDose dose(const char* progression, const char* id, int week, const DoseContext& context = loaded(),
              int first_week = 1) {
  return dose_for_week(scheme(progression), exercise(id), week, first_week, context);
}

std::string rir(const WeekDose& d) { return d.rir ? format_rir(*d.rir) : "none"; }
}  // namespace

TEST_CASE("the back-extension block is the article's 3x12 to 3x15 at one load", "[progression]") {
  std::vector<int> reps;
  for (int w = 1; w <= 4; ++w) {
    auto d = dose("back-extension-block", "back-extension", w);
    CHECK(d.sets == 3);
    reps.push_back(d.value);
  }
  CHECK(reps == std::vector<int>{12, 13, 14, 15});
  CHECK(dose("back-extension-block", "back-extension", 1).load ==
        "choose the load that leaves 3-5 reps in reserve on every set");
  for (int w = 2; w <= 4; ++w) CHECK(dose("back-extension-block", "back-extension", w).load == "same load as week 1");
}

TEST_CASE("at one load each added rep uses up a rep in reserve: RIR 3-5, 2-4, 1-3, 0-2", "[progression]") {
  std::vector<std::string> reserve;
  for (int w = 1; w <= 4; ++w) reserve.push_back(rir(dose("back-extension-block", "back-extension", w)));
  CHECK(reserve == std::vector<std::string>{"3-5", "2-4", "1-3", "0-2"});
  // A barbell hinge climbs less and keeps at least a rep in reserve.
  std::vector<std::string> hinge;
  std::vector<int> reps;
  for (int w = 1; w <= 4; ++w) {
    auto d = dose("hinge-strength", "romanian-deadlift", w);
    hinge.push_back(rir(d));
    reps.push_back(d.value);
  }
  CHECK(reps == std::vector<int>{6, 7, 8, 9});
  CHECK(hinge == std::vector<std::string>{"4-5", "3-4", "2-3", "1-2"});
  // Harder sets for a weak lockout: the reps stay, the load rises, the reserve stays 1-2.
  for (int w = 1; w <= 4; ++w) {
    auto d = dose("back-extension-lockout", "back-extension", w);
    CHECK(d.value == 15);
    CHECK(rir(d) == "1-2");
  }
  CHECK(dose("back-extension-lockout", "back-extension", 2).load ==
        "add the smallest load step over last week if every set reached 15 reps with 1-2 in reserve; otherwise "
        "repeat last week's load");
}

TEST_CASE("bodyweight exercises carry no reps in reserve", "[progression]") {
  auto d = dose("back-extension-block", "superman", 1, loaded());
  CHECK_FALSE(d.rir);
}

TEST_CASE("past week 4: an easier week, then more load from 12 reps again", "[progression]") {
  auto deload = dose("back-extension-block", "back-extension", 5);
  CHECK(deload.phase == Phase::deload);
  CHECK(deload.sets == 2);
  CHECK(deload.value == 12);
  CHECK(rir(deload) == "5-7");  // two reps further from failure than the block's first week
  CHECK(deload.load == "same load as week 1");
  auto next = dose("back-extension-block", "back-extension", 6);
  CHECK(next.phase == Phase::new_block);
  CHECK(next.sets == 3);
  CHECK(next.value == 12);
  CHECK(next.load == "about 5% more than week 1");
  CHECK(dose("back-extension-block", "back-extension", 9).value == 15);
  CHECK(dose("back-extension-block", "back-extension", 9).load == "same load as week 6");
  CHECK(dose("back-extension-block", "back-extension", 11).load == "about 5% more than week 6");
}

TEST_CASE("an exercise that enters mid-block keeps the plan's easier weeks", "[progression]") {
  // Entering in week 3: it builds for weeks 3-4, eases off in week 5 with everything else, and
  // starts the next block in week 6.
  std::vector<int> reps, sets;
  for (int w = 3; w <= 7; ++w) {
    auto d = dose("back-extension-block", "back-extension", w, loaded(), 3);
    reps.push_back(d.value);
    sets.push_back(d.sets);
  }
  CHECK(reps == std::vector<int>{12, 13, 12, 12, 13});
  CHECK(sets == std::vector<int>{3, 3, 2, 3, 3});
  CHECK(dose("back-extension-block", "back-extension", 4, loaded(), 3).load == "same load as week 3");
  CHECK(dose("back-extension-block", "back-extension", 6, loaded(), 3).load == "about 5% more than week 3");
}

TEST_CASE("beginners start light and add load the right way round", "[progression]") {
  auto d = dose("back-extension-block", "back-extension", 1, loaded("beginner"));
  CHECK(d.load == "start with bodyweight; add a light dumbbell only once every set leaves more than 5 reps in reserve");
  DoseContext machine = loaded("beginner");
  machine.start_load = "the lightest setting of the stack";
  machine.add_load = "a small step of load";
  CHECK(dose("accessory-block", "hamstring-curl", 1, machine).load ==
        "start with the lightest setting of the stack; add a small step of load only once every set leaves more "
        "than 5 reps in reserve");
  DoseContext bodyweight = loaded("beginner");
  bodyweight.loaded = false;
  CHECK(dose("back-extension-block", "back-extension", 1, bodyweight).load == "bodyweight, slow and controlled");
}

TEST_CASE("holds grow by seconds and stop at the ceiling", "[progression]") {
  std::vector<int> seconds;
  for (int w = 1; w <= 25; ++w) seconds.push_back(dose("hold-block", "plank", w).value);
  CHECK(std::vector<int>(seconds.begin(), seconds.begin() + 10) ==
        std::vector<int>{20, 25, 30, 35, 20, 30, 35, 40, 45, 30});
  CHECK(*std::max_element(seconds.begin(), seconds.end()) == 60);
}

TEST_CASE("stretches stay at about ten breaths every week", "[progression]") {
  for (int w = 1; w <= 8; ++w) {
    auto d = dose("stretch", "childs-pose", w);
    CHECK(d.value == 10);
    CHECK(d.sets == 1);
  }
}

TEST_CASE("no set of the built-in schemes lasts over 90 seconds", "[progression]") {
  const auto& rules = test::builtin().rules;
  for (const auto& [id, p] : rules.progressions) {
    INFO(id);
    auto ceiling = p.max.find(DoseKind::reps);
    if (ceiling != p.max.end()) CHECK(ceiling->second * rep_seconds(p.tempo, rules.timing) <= 90);
    auto hold = p.max.find(DoseKind::seconds);
    if (hold != p.max.end()) CHECK(hold->second <= 90);
  }
}
