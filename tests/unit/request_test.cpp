#include "support/helpers.hpp"
#include "support/errors.hpp"
#include "support/plans.hpp"

#include "lbtrain/model/error.hpp"
#include "lbtrain/screen.hpp"

#include <catch2/catch.hpp>

using namespace lbtrain;

namespace {

std::string usage_message(const PlanOptions& options) {
  return test::error_of([&] { resolve_request(options, resolve_output(options), test::builtin()); }, ExitCode::usage);
}

}  // namespace

TEST_CASE("defaults: 4 weeks, the goal's days, intermediate, a typical gym", "[request]") {
  Request r = resolve_request(test::plan_options({"lockout"}), resolve_output(test::plan_options({"lockout"})), test::builtin());
  CHECK(r.weeks == 4);
  CHECK(r.days == 1);
  CHECK(r.level == "intermediate");
  CHECK(r.equipment.size() == test::builtin().vocabulary->equipment.size());
}

TEST_CASE("combined goals take the most sessions and drop repeats", "[request]") {
  PlanOptions o;
  o.goals = {"lockout", "anterior-pelvic-tilt", "lordosis"};
  Request r = resolve_request(o, resolve_output(o), test::builtin());
  REQUIRE(r.goals.size() == 2);
  CHECK(r.goals[1]->id == "lordosis");
  CHECK(r.days == 3);
}

TEST_CASE("equipment lists expand presets and always include bodyweight", "[request]") {
  PlanOptions o = test::plan_options({"lockout"});
  o.equipment = "dumbbell, band";
  CHECK(resolve_request(o, resolve_output(o), test::builtin()).equipment == std::vector<std::string>{"none", "dumbbell", "band"});
  o.equipment = "none";
  CHECK(resolve_request(o, resolve_output(o), test::builtin()).equipment == std::vector<std::string>{"none"});
}

TEST_CASE("bad values name the option, the value and what is allowed", "[request]") {
  PlanOptions o = test::plan_options({"lockout"});
  o.goals = {"lockot"};
  CHECK(usage_message(o) ==
        "--goal: unknown goal \"lockot\"; did you mean \"lockout\"? allowed: lockout, lordosis, kyphosis, general");
  o.goals = {};
  CHECK(usage_message(o) == "--goal is required; choose one of: lockout, lordosis, kyphosis, general");
  o = test::plan_options({"lockout"});
  o.weeks = "0";
  CHECK(usage_message(o) == "--weeks: 0 is out of range; allowed: 1 to 52");
  o.weeks = "53";
  CHECK(usage_message(o) == "--weeks: 53 is out of range; allowed: 1 to 52");
  o.weeks = "four";
  CHECK(usage_message(o) == "--weeks: \"four\" is not a whole number; allowed: 1 to 52");
  o.weeks = "99999999999999999999";
  CHECK(usage_message(o) == "--weeks: 99999999999999999999 is out of range; allowed: 1 to 52");
  o = test::plan_options({"lockout"});
  o.days = "8";
  CHECK(usage_message(o) == "--days: 8 is out of range; allowed: 1 to 7");
  o = test::plan_options({"lockout"});
  o.level = "expert";
  CHECK_THAT(usage_message(o), Catch::StartsWith("--level: unknown level \"expert\"; allowed: beginner, intermediate, advanced"));
  o = test::plan_options({"lockout"});
  o.equipment = "barbell,roman chiar";
  CHECK_THAT(usage_message(o), Catch::StartsWith("--equipment: unknown equipment \"roman chiar\"; did you mean \"roman-chair\"?"));
  o.equipment = "barbell,,band";
  CHECK_THAT(usage_message(o), Catch::StartsWith("--equipment: empty item"));
  o = test::plan_options({"lockout"});
  o.format = "yaml";
  CHECK(usage_message(o) == "--format: unknown format \"yaml\"; did you mean \"html\"? allowed: text, json, sheet, markdown, csv, html, ics");
}
