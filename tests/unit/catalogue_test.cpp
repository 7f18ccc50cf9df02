#include "lbtrain/read.hpp"
#include "support/helpers.hpp"
#include "support/errors.hpp"

#include "lbtrain/data.hpp"
#include "lbtrain/model/catalogue.hpp"
#include "lbtrain/model/error.hpp"

#include <catch2/catch.hpp>

#include <set>

using namespace lbtrain;

namespace {

std::string catalogue_with(const std::string& exercises) {
  return R"({"format": "lbtrain-catalogue", "version": 1, "exercises": [)" + exercises + "]}";
}

const char* const good_exercise = R"({
  "id": "glute-bridge", "name": "Glute bridge", "category": "activation",
  "pattern": "hip-extension", "primary_muscles": ["glute-maximus"], "equipment": ["none"],
  "level": "beginner", "dose": {"kind": "reps", "sets": 2, "value": 12}, "per_side": false,
  "cues": ["Squeeze the glutes."], "source": "SQ"})";

std::string catalogue_error(const std::string& text) {
  return test::error_of([&] { parse_catalogue(text, "cat.json", builtin_vocabulary()); });
}

}  // namespace

TEST_CASE("the built-in catalogue holds every exercise the rules need", "[catalogue]") {
  const Catalogue& catalogue = test::builtin().catalogue;
  CHECK(catalogue.exercises.size() >= 45);
  // Named in the articles or required by the plan rules.
  for (const char* id :
       {"back-extension", "stability-ball-back-extension", "hyperextension", "superman", "bird-dog",
        "deadlift", "romanian-deadlift", "good-morning", "plank", "side-plank", "pallof-press",
        "side-wall-pelvis-push", "side-lying-hip-abduction", "pelvic-drop",
        "single-leg-romanian-deadlift", "single-leg-box-squat", "single-leg-glute-bridge",
        "hamstring-curl", "childs-pose", "head-to-knee-stretch", "deep-squat-hold",
        "spiderman-stretch", "table-stretch", "seated-leg-lift", "knee-march",
        "lying-hamstring-stretch", "step-forward-hamstring-stretch", "seated-glute-stretch",
        "lying-glute-stretch", "cobra-stretch", "lying-abdominal-twist", "dowel-hip-hinge",
        "wall-hip-hinge", "air-squat", "leg-press", "front-squat", "goblet-squat", "dead-bug",
        "sit-up"}) {
    INFO(id);
    CHECK(catalogue.find(id) != nullptr);
  }
}

TEST_CASE("every built-in exercise is complete and sourced", "[catalogue]") {
  for (const auto& e : test::builtin().catalogue.exercises) {
    INFO(e.id);
    CHECK_FALSE(e.name.empty());
    CHECK_FALSE(e.cues.empty());
    CHECK_FALSE(e.primary_muscles.empty());
    CHECK_FALSE(e.equipment.empty());
    // Every source names one of the three articles.
    bool sourced = e.source.rfind("LB", 0) == 0 || e.source.rfind("BE", 0) == 0 ||
                   e.source.rfind("SQ", 0) == 0;
    CHECK(sourced);
    if (e.category == "stretch") CHECK(e.dose.kind == DoseKind::breaths);
  }
}

TEST_CASE("catalogue exercises are sorted by id whatever the file order", "[catalogue]") {
  std::string second = R"({"id": "air-squat", "name": "Air squat", "category": "compound",
    "pattern": "squat", "primary_muscles": ["quadriceps"], "equipment": ["none"],
    "level": "beginner", "dose": {"kind": "reps", "sets": 3, "value": 15}, "per_side": false,
    "cues": ["Stay tall."], "source": "SQ"})";
  auto a = parse_catalogue(catalogue_with(std::string(good_exercise) + "," + second), "a", builtin_vocabulary());
  auto b = parse_catalogue(catalogue_with(second + "," + good_exercise), "b", builtin_vocabulary());
  REQUIRE(a.exercises.size() == 2);
  CHECK(a.exercises[0].id == "air-squat");
  CHECK(b.exercises[0].id == "air-squat");
  CHECK(a.find("glute-bridge") != nullptr);
  CHECK(a.find("missing") == nullptr);
}

TEST_CASE("unknown vocabulary gets the nearest valid value", "[catalogue]") {
  std::string bad = good_exercise;
  bad.replace(bad.find(R"(["none"])"), 8, R"(["roman chiar"])");
  CHECK(catalogue_error(catalogue_with(bad)) ==
        "cat.json has 1 problem:\n"
        "  cat.json:3:83: /exercises/0/equipment/0: exercise \"glute-bridge\": unknown equipment "
        "\"roman chiar\"; did you mean \"roman-chair\"?");
}

TEST_CASE("a broken catalogue reports every problem in one run", "[catalogue]") {
  std::string broken = catalogue_with(R"(
    {"id": "Bad Id", "name": "", "category": "strech", "pattern": "hinge",
     "primary_muscles": ["hamstring"], "equipment": ["none"], "level": "expert",
     "dose": {"kind": "reps", "sets": "3", "value": 10}, "per_side": "no",
     "cues": ["x"], "source": "SQ", "colour": "red"},
    {"id": "dup", "name": "A", "category": "core", "pattern": "anti-extension",
     "primary_muscles": ["abdominals"], "equipment": ["none"], "level": "beginner",
     "dose": {"kind": "reps", "sets": 3, "value": 10}, "per_side": false, "cues": ["x"],
     "source": "SQ"},
    {"id": "dup", "name": "B", "category": "core", "pattern": "anti-extension",
     "primary_muscles": ["abdominals"], "equipment": ["none"], "level": "beginner",
     "dose": {"kind": "reps", "sets": 3, "value": 10}, "per_side": false, "cues": ["x"],
     "source": "SQ"},
    {"name": "no id"})");
  std::string message = catalogue_error(broken);
  CHECK_THAT(message, Catch::StartsWith("cat.json has 19 problems:"));
  for (const char* expected : {
           "/exercises/0/colour: exercise \"Bad Id\": field \"colour\": is not a known field",
           "/exercises/0/id: exercise \"Bad Id\": field \"id\": \"Bad Id\" is not kebab-case",
           "/exercises/0/name: exercise \"Bad Id\": field \"name\": must not be empty",
           "/exercises/0/category: exercise \"Bad Id\": unknown category \"strech\"; did you mean \"stretch\"?",
           "/exercises/0/primary_muscles/0: exercise \"Bad Id\": unknown muscle \"hamstring\"; did you mean \"hamstrings\"?",
           "/exercises/0/level: exercise \"Bad Id\": unknown level \"expert\"",
           "/exercises/0/dose/sets: exercise \"Bad Id\": field \"sets\": expected an integer, found a string",
           "/exercises/0/per_side: exercise \"Bad Id\": field \"per_side\": expected true or false, found a string",
           "/exercises/2/id: duplicate exercise id \"dup\" (first at /exercises/1)",
           "/exercises/3/id: exercise: field \"id\": is missing",
           "/exercises/3/category: exercise: field \"category\": is missing",
       }) {
    INFO(expected);
    CHECK_THAT(message, Catch::Contains(expected));
  }
}

TEST_CASE("malformed JSON names the file, line and column", "[catalogue]") {
  std::string text = "{\n  \"exercises\": [\n    {\"id\": \"x\",,}\n  ]\n}\n";
  std::string message = catalogue_error(text);
  CHECK_THAT(message, Catch::StartsWith("cat.json:3:16: invalid JSON: syntax error"));
}

TEST_CASE("a number RapidJSON calls too big but is in range reads as its value", "[catalogue]") {
  // 0e400 is 0: RapidJSON refuses its exponent, nlohmann reads it; the catalogue is read again
  // from the start, so the exercise before it is neither lost nor counted twice.
  std::string text = R"({"format": "lbtrain-catalogue", "exercises": [)" + std::string(good_exercise) +
                     R"(], "version": 0e400})";
  std::string message = catalogue_error(text);
  CHECK_THAT(message, Catch::Contains("/version: expected 1"));
  CHECK_THAT(message, !Catch::Contains("invalid JSON"));
  CHECK_THAT(message, !Catch::Contains("duplicate"));
  std::string fine = R"({"format": "lbtrain-catalogue", "exercises": [)" + std::string(good_exercise) +
                     R"(], "version": 0.0000000000000000000000000000000000000001e40})";
  CHECK(parse_catalogue(fine, "cat.json", builtin_vocabulary()).exercises.size() == 1);
  CHECK_THAT(catalogue_error(R"({"version": 1e400})"), Catch::Contains("cat.json:1:17: invalid JSON: number overflow"));
}
