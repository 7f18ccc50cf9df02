#include "lbtrain/read.hpp"
#include "support/helpers.hpp"
#include "support/errors.hpp"

#include "read/embedded.hpp"
#include "lbtrain/data.hpp"
#include "lbtrain/model/error.hpp"
#include "lbtrain/model/rules.hpp"

#include <catch2/catch.hpp>

using namespace lbtrain;

namespace {

std::string rules_error(const std::string& text) {
  return test::error_of([&] { parse_rules(text, "rules.json", builtin_vocabulary()); });
}

}  // namespace

TEST_CASE("the built-in rules define the four goals with their aliases", "[rules]") {
  const Rules& rules = test::builtin().rules;
  REQUIRE(rules.goals.size() == 4);
  CHECK(rules.find_goal("lockout")->id == "lockout");
  CHECK(rules.find_goal("deadlift-lockout")->id == "lockout");
  CHECK(rules.find_goal("anterior-pelvic-tilt")->id == "lordosis");
  CHECK(rules.find_goal("posterior-pelvic-tilt")->id == "kyphosis");
  CHECK(rules.find_goal("lower-back-health")->id == "general");
  CHECK(rules.find_goal("LOCKOUT")->id == "lockout");
  CHECK(rules.find_goal("lockot") == nullptr);
}

TEST_CASE("the built-in rules follow the articles' session counts", "[rules]") {
  const Rules& rules = test::builtin().rules;
  CHECK(rules.find_goal("lockout")->default_days == 1);
  CHECK(rules.find_goal("lordosis")->default_days >= 3);
  CHECK(rules.find_goal("kyphosis")->default_days >= 3);
  CHECK(rules.block(BlockKind::warmup).min_minutes >= 5);
  CHECK(rules.block(BlockKind::cooldown).min_minutes >= 5);
}

TEST_CASE("the built-in rules refer only to exercises and tags the catalogue has", "[rules]") {
  CHECK(unresolved_references(test::builtin().rules, test::builtin().catalogue).empty());
}

TEST_CASE("a lordosis plan bans lumbar extension and hip-flexor work in data", "[rules]") {
  const Goal* lordosis = test::builtin().rules.find_goal("lordosis");
  const Catalogue& catalogue = test::builtin().catalogue;
  auto banned = [&](const char* id) {
    for (const auto& rule : lordosis->exclude) {
      if (rule.select.matches(*catalogue.find(id))) return true;
    }
    return false;
  };
  for (const char* id : {"back-extension", "stability-ball-back-extension", "hyperextension", "superman", "sit-up",
                         "seated-leg-lift", "knee-march"}) {
    INFO(id);
    CHECK(banned(id));
  }
  for (const char* id : {"plank", "dead-bug", "single-leg-glute-bridge", "hamstring-curl"}) {
    INFO(id);
    CHECK_FALSE(banned(id));
  }
}

TEST_CASE("invalid rules report every problem with its place", "[rules]") {
  std::string text = R"({
    "blocks": [{"kind": "main", "title": "Main"}, {"kind": "warmup", "title": "W"}],
    "progressions": {"p": {"description": "d", "kinds": ["reps"], "rest_seconds": 10,
      "load": {"weighted": {"first": "a", "repeat": "b"}, "bodyweight": {"first": "a", "repeat": "b"}},
      "source": "X"}},
    "goals": [{"id": "g", "name": "G", "description": "d", "default_days": 9,
      "main": [{"id": "s", "why": "w", "select": {}, "progression": "q", "source": "X"}],
      "exclude": [{"id": "e", "select": {"muscles": ["hip-flexor"]}, "reason": "r", "source": "X"}]}]
  })";
  std::string message = rules_error(text);
  for (const char* expected : {
           "rules.json:2:15: /blocks: block \"cooldown\" is missing",
           "rules.json:6:76: /goals/0/default_days: goal \"g\": field \"default_days\": 9 is out of range; allowed: 1 to 7",
           "/goals/0/main/0/select: goal \"g\" slot \"s\": a selector needs at least one criterion",
           "/goals/0/main/0/progression: goal \"g\" slot \"s\": field \"progression\": unknown progression \"q\"; did you mean \"p\"?",
           "rules.json:8:54: /goals/0/exclude/0/select/muscles/0: goal \"g\" exclusion: unknown muscle \"hip-flexor\"; did you mean \"hip-flexors\"?",
       }) {
    INFO(expected);
    CHECK_THAT(message, Catch::Contains(expected));
  }
}
