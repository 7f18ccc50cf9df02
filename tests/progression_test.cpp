#include "helpers.hpp"

#include "lbtrain/progression.hpp"

#include <catch2/catch.hpp>

using namespace lbtrain;

namespace {
const Progression& scheme(const char* id) { return test::builtin().rules.progressions.at(id); }
const Exercise& exercise(const char* id) { return *test::builtin().catalogue.find(id); }
}  // namespace

TEST_CASE("the back-extension block is the article's 3x12 to 3x15 at one load", "[progression]") {
  const auto& p = scheme("back-extension-block");
  const auto& e = exercise("back-extension");
  std::vector<int> reps;
  for (int w = 1; w <= 4; ++w) {
    auto dose = dose_for_week(p, e, w, "intermediate");
    CHECK(dose.sets == 3);
    reps.push_back(dose.value);
  }
  CHECK(reps == std::vector<int>{12, 13, 14, 15});
  CHECK(dose_for_week(p, e, 1, "intermediate").load == "choose a load that leaves 3-5 reps in reserve");
  for (int w = 2; w <= 4; ++w) CHECK(dose_for_week(p, e, w, "intermediate").load == "same load as week 1");
  REQUIRE(p.rir);
  CHECK(p.rir->min == 3);
  CHECK(p.rir->max == 5);
}

TEST_CASE("past week 4: an easier week, then more load from 12 reps again", "[progression]") {
  const auto& p = scheme("back-extension-block");
  const auto& e = exercise("back-extension");
  auto deload = dose_for_week(p, e, 5, "intermediate");
  CHECK(deload.phase == Phase::deload);
  CHECK(deload.sets == 2);
  CHECK(deload.value == 12);
  CHECK(deload.load == "same load as week 1, one set fewer: an easier week");
  auto next = dose_for_week(p, e, 6, "intermediate");
  CHECK(next.phase == Phase::new_block);
  CHECK(next.sets == 3);
  CHECK(next.value == 12);
  CHECK(next.load == "add about 5% to the load of week 1; 3-5 reps in reserve");
  CHECK(dose_for_week(p, e, 9, "intermediate").value == 15);
  CHECK(dose_for_week(p, e, 9, "intermediate").load == "same load as week 6");
  CHECK(dose_for_week(p, e, 11, "intermediate").load == "add about 5% to the load of week 6; 3-5 reps in reserve");
}

TEST_CASE("beginners start with bodyweight", "[progression]") {
  auto dose = dose_for_week(scheme("back-extension-block"), exercise("back-extension"), 1, "beginner");
  CHECK_THAT(dose.load, Catch::StartsWith("bodyweight"));
}

TEST_CASE("holds grow by seconds and stop at the ceiling", "[progression]") {
  const auto& p = scheme("hold-block");
  const auto& plank = exercise("plank");
  std::vector<int> seconds;
  for (int w = 1; w <= 25; ++w) seconds.push_back(dose_for_week(p, plank, w, "intermediate").value);
  CHECK(std::vector<int>(seconds.begin(), seconds.begin() + 10) ==
        std::vector<int>{20, 25, 30, 35, 20, 30, 35, 40, 45, 30});
  CHECK(*std::max_element(seconds.begin(), seconds.end()) == 60);
}

TEST_CASE("stretches stay at about ten breaths every week", "[progression]") {
  for (int w = 1; w <= 8; ++w) {
    auto dose = dose_for_week(scheme("stretch"), exercise("childs-pose"), w, "intermediate");
    CHECK(dose.value == 10);
    CHECK(dose.phase == Phase::steady);
  }
}
