// The catalogue and rules as a public contract: catalog validate, browsing, the
// free-exercise-db import, layered catalogues and custom goals, each through the real binary.

#include "lbtrain/read.hpp"
#include "support/helpers.hpp"

#include "lbtrain/data.hpp"
#include "lbtrain/model/catalogue.hpp"
#include "read/import.hpp"
#include "lbtrain/model/vocabulary.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <random>
#include <set>

using lbtrain::test::run_lbtrain;
using nlohmann::json;

namespace {

const std::string source_dir = LBTRAIN_SOURCE_DIR;
const std::string fedb = source_dir + "/tests/data/free-exercise-db/exercises.json";
const std::string broken = source_dir + "/tests/data/broken-catalogue.json";
const std::string glute_goal = source_dir + "/docs/examples/glute-goal.json";

json json_of(const std::vector<std::string>& args) {
  auto r = run_lbtrain(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

std::set<std::string> ids_in_plan(const json& plan) {
  std::set<std::string> ids;
  for (const auto& week : plan["weeks"]) {
    for (const auto& session : week["sessions"]) {
      for (const auto& block : session["blocks"]) {
        for (const auto& item : block["items"]) ids.insert(item["exercise"]["id"].get<std::string>());
      }
    }
  }
  return ids;
}

const lbtrain::Catalogue& fedb_catalogue() {
  static const lbtrain::Catalogue catalogue = lbtrain::load_catalogue_file(fedb, lbtrain::builtin_vocabulary());
  return catalogue;
}

const lbtrain::Exercise& fedb_exercise(const std::string& id) {
  const auto* e = fedb_catalogue().find(id);
  INFO(id);
  REQUIRE(e != nullptr);
  return *e;
}

}  // namespace

TEST_CASE("catalog validate reports every problem of a broken catalogue in one run", "[contract]") {
  auto r = run_lbtrain({"catalog", "validate", broken});
  CHECK(r.exit_code == 3);
  for (const char* line : {
           ":11:44: /exercises/0/primary_muscles/1: exercise \"reverse-hyper\": unknown muscle \"hamstring\"; did you mean \"hamstrings\"?",
           ":12:21: /exercises/0/equipment/0: exercise \"reverse-hyper\": unknown equipment \"roman chiar\"; did you mean \"roman-chair\"?",
           ":21:13: /exercises/1/id: exercise \"Cable Pull Through\": field \"id\": \"Cable Pull Through\" is not kebab-case",
           ":23:19: /exercises/1/category: exercise \"Cable Pull Through\": unknown category \"compund\"; did you mean \"compound\"?",
           ":28:40: /exercises/1/dose/sets: exercise \"Cable Pull Through\": field \"sets\": expected an integer, found a string",
           ":30:15: /exercises/1/cues: exercise \"Cable Pull Through\": field \"cues\": must hold at least one cue",
           ":44:16: /exercises/2/sorce: exercise \"reverse-hyper\": field \"sorce\": is not a known field; did you mean \"source\"?",
           ":40:16: /exercises/2/level: exercise \"reverse-hyper\": unknown level \"expert\"",
           ":33:5: /exercises/2/source: exercise \"reverse-hyper\": field \"source\": is missing",
           ":34:13: /exercises/2/id: duplicate exercise id \"reverse-hyper\" (first at /exercises/0)",
           ": 10 problems",
       }) {
    INFO(line << "\n" << r.out);
    CHECK(r.out.find(broken + line) != std::string::npos);
  }
  CHECK(lbtrain::test::count(r.out, "\n") == 11);
  CHECK(r.err == "lbtrain: error: 1 of 1 file with problems\n");

  // plan runs the same validation on what it loads.
  auto plan = run_lbtrain({"plan", "--goal", "lockout", "--catalog", broken});
  CHECK(plan.exit_code == 3);
  CHECK(plan.out.empty());
  CHECK(plan.err.find(broken + ":12:21: /exercises/0/equipment/0") != std::string::npos);
}

TEST_CASE("catalog validate accepts clean files and checks rules against the catalogues given", "[contract]") {
  auto clean = run_lbtrain({"catalog", "validate", source_dir + "/data/exercises.json", source_dir + "/data/goals.json",
                            glute_goal, fedb});
  INFO(clean.out << clean.err);
  CHECK(clean.exit_code == 0);
  CHECK(clean.out.find("exercises.json: OK, catalogue of 50 exercises") != std::string::npos);
  CHECK(clean.out.find("goals.json: OK, rules with 4 goals") != std::string::npos);
  CHECK(clean.out.find("glute-goal.json: OK, rules with 1 goal") != std::string::npos);
  CHECK(clean.out.find("free-exercise-db/exercises.json: OK, catalogue of 873 exercises") != std::string::npos);

  std::string dir = lbtrain::test::temp_dir();
  std::string rules = dir + "/rules.json";
  lbtrain::test::write_file(rules, R"({
  "format": "lbtrain-rules",
  "goals": [{"id": "hips", "name": "Hips", "description": "d", "default_days": 2,
    "main": [{"id": "thrust", "why": "w", "select": {"tags": ["hip-thrust"]}, "prefer": ["barbell-hip-thrust"],
              "progression": "hinge-strength", "source": "SQ"}]}]
})");
  auto r = run_lbtrain({"catalog", "validate", rules});
  CHECK(r.exit_code == 3);
  CHECK(r.out.find(rules + ": goal \"hips\" slot \"thrust\": selects on tag \"hip-thrust\", which no exercise in builtin exercises.json has") != std::string::npos);
  CHECK(r.out.find("prefers exercise \"barbell-hip-thrust\", which builtin exercises.json does not define") != std::string::npos);

  // Given with a catalogue that defines them, the same rules are clean.
  std::string catalogue = dir + "/thrust.json";
  lbtrain::test::write_file(catalogue, R"({"format": "lbtrain-catalogue", "exercises": [{"id": "barbell-hip-thrust",
    "name": "Barbell hip thrust", "category": "isolation", "pattern": "hip-extension", "primary_muscles": ["glute-maximus"],
    "equipment": ["barbell", "bench"], "level": "intermediate", "dose": {"kind": "reps", "sets": 3, "value": 10},
    "per_side": false, "loadable": true, "cues": ["Shoulders on the bench, drive through the heels."],
    "tags": ["hip-thrust"], "source": "MY"}]})");
  auto both = run_lbtrain({"catalog", "validate", catalogue, rules});
  INFO(both.out);
  CHECK(both.exit_code == 0);

  // A rules file where a catalogue is expected, and the other way round, is named as such.
  auto swapped = run_lbtrain({"plan", "--goal", "lockout", "--catalog", source_dir + "/data/goals.json"});
  CHECK(swapped.exit_code == 3);
  auto swapped_rules = run_lbtrain({"plan", "--goal", "lockout", "--rules", source_dir + "/data/exercises.json"});
  CHECK(swapped_rules.exit_code == 3);
  CHECK(swapped_rules.err.find("this is a catalogue, not a rules file; pass it with --catalog") != std::string::npos);
}

TEST_CASE("lbtrain goals lists each goal, its aliases, what it strengthens, stretches and avoids", "[contract]") {
  auto r = run_lbtrain({"goals"});
  CHECK(r.exit_code == 0);
  for (const char* text : {"lockout - Deadlift lockout", "Also:        anterior-pelvic-tilt, apt",
                           "Stretches:   erector-spinae, hip-flexors", "sit-ups and other hip-flexor work"}) {
    INFO(text);
    CHECK(r.out.find(text) != std::string::npos);
  }
  auto goals = json_of({"goals", "--format", "json"});
  REQUIRE(goals.size() == 4);
  CHECK(goals[1]["id"] == "lordosis");
  CHECK(goals[1]["avoids"].size() == 3);
  auto with_glutes = json_of({"goals", "--format", "json", "--rules", glute_goal});
  CHECK(with_glutes.size() == 5);
  CHECK(with_glutes[4]["id"] == "glutes");
}

TEST_CASE("lbtrain exercises filters by muscle, equipment, category and goal", "[contract]") {
  auto stretches = json_of({"exercises", "--muscle", "hamstrings", "--category", "stretch", "--format", "json"});
  REQUIRE_FALSE(stretches.empty());
  for (const auto& e : stretches) {
    CHECK(e["category"] == "stretch");
    auto muscles = e["primary_muscles"].get<std::vector<std::string>>();
    auto others = e["secondary_muscles"].get<std::vector<std::string>>();
    muscles.insert(muscles.end(), others.begin(), others.end());
    CHECK(std::find(muscles.begin(), muscles.end(), "hamstrings") != muscles.end());
  }
  auto bodyweight = json_of({"exercises", "--equipment", "none", "--format", "json"});
  for (const auto& e : bodyweight) CHECK(e["equipment"] == json::array({"none"}));
  auto lordosis = json_of({"exercises", "--goal", "apt", "--format", "json"});
  std::set<std::string> ids;
  for (const auto& e : lordosis) ids.insert(e["id"].get<std::string>());
  CHECK(ids.count("glute-bridge") == 1);
  CHECK(ids.count("back-extension") == 0);  // lordosis excludes lumbar-extension work
  CHECK(ids.count("sit-up") == 0);          // and hip-flexor work

  auto table = run_lbtrain({"exercises", "--category", "core"});
  CHECK(table.exit_code == 0);
  CHECK(table.out.rfind("ID ", 0) == 0);
  CHECK(table.out.find("dead-bug") != std::string::npos);

  auto typo = run_lbtrain({"exercises", "--muscle", "hamstring"});
  CHECK(typo.exit_code == 2);
  CHECK(typo.err.find("unknown muscle \"hamstring\"; did you mean \"hamstrings\"?") != std::string::npos);
  auto bad_goal = run_lbtrain({"exercises", "--goal", "lordossis"});
  CHECK(bad_goal.exit_code == 2);
  CHECK(bad_goal.err.find("did you mean \"lordosis\"?") != std::string::npos);
}

TEST_CASE("lbtrain exercises show ID tells everything about one exercise", "[contract]") {
  auto r = run_lbtrain({"exercises", "show", "back-extension"});
  CHECK(r.exit_code == 0);
  for (const char* text : {"Back extension (45-degree) (back-extension)", "Primary muscles:  erector-spinae, glute-maximus, hamstrings",
                           "Equipment:        roman-chair (load can be added)", "Dose:             3 x 12 reps",
                           "lockout Main slot \"back-extension\" (first choice)", "goal lordosis:", "--hips-rise-early:",
                           "--cannot-hinge: held back, then brought in one at a time from week 3", "Alternatives:     hyperextension, stability-ball-back-extension",
                           "Source:           BE: what back extensions train"}) {
    INFO(text << "\n" << r.out);
    CHECK(r.out.find(text) != std::string::npos);
  }
  auto details = json_of({"exercises", "show", "superman", "--format", "json"});
  CHECK(details["id"] == "superman");
  CHECK_FALSE(details["used_by"].empty());
  auto unknown = run_lbtrain({"exercises", "show", "back-extenson"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.out.empty());
  CHECK(unknown.err.find("unknown exercise \"back-extenson\"; did you mean \"back-extension\"?") != std::string::npos);
}

TEST_CASE("free-exercise-db is read in full and its vocabulary mapped through data", "[contract][free-exercise-db]") {
  const auto& catalogue = fedb_catalogue();
  CHECK(catalogue.exercises.size() == 873);
  CHECK(catalogue.sources.count("FEDB") == 1);
  // Derivations from data/import/free-exercise-db.json.
  const auto& back_extension = fedb_exercise("hyperextensions-back-extensions");
  CHECK(back_extension.equipment == std::vector<std::string>{"roman-chair"});
  CHECK(back_extension.has_tag("back-extension"));
  CHECK(back_extension.pattern == "hip-extension");
  CHECK(back_extension.source == "FEDB: Hyperextensions_Back_Extensions");
  CHECK(fedb_exercise("hyperextensions-with-no-hyperextension-bench").equipment == std::vector<std::string>{"none"});
  CHECK(fedb_exercise("superman").has_tag("lumbar-extension"));
  CHECK(fedb_exercise("romanian-deadlift").pattern == "hinge");
  CHECK(fedb_exercise("romanian-deadlift").has_tag("loads-lower-back"));
  CHECK(fedb_exercise("kneeling-hip-flexor").works("hip-flexors"));
  CHECK(fedb_exercise("hamstring-stretch").category == "stretch");
  CHECK(fedb_exercise("hamstring-stretch").dose.kind == lbtrain::DoseKind::breaths);
  CHECK(fedb_exercise("plank").pattern == "anti-extension");
  CHECK(fedb_exercise("3-4-sit-up").has_tag("hip-flexor-strength"));
  CHECK(fedb_exercise("3-4-sit-up").level == "beginner");
  // Safety: every loaded exercise that works the lower back is tagged so screening finds it.
  for (const auto& e : catalogue.exercises) {
    bool lower_back = e.works("erector-spinae") ||
                      std::find(e.secondary_muscles.begin(), e.secondary_muscles.end(), "erector-spinae") != e.secondary_muscles.end();
    if (lower_back && e.loadable && e.category != "stretch") {
      INFO(e.id);
      CHECK(e.has_tag("loads-lower-back"));
    }
    CHECK_FALSE(e.cues.empty());
  }
}

TEST_CASE("a plan for every goal from free-exercise-db alone fills what it can and names the rest", "[contract][free-exercise-db]") {
  for (const char* goal : {"lockout", "lordosis", "kyphosis", "general"}) {
    INFO(goal);
    auto plan = json_of({"plan", "--goal", goal, "--catalog", fedb, "--format", "json"});
    CHECK_FALSE(ids_in_plan(plan).empty());
    CHECK(plan["request"]["catalog"] == fedb);
  }
  // Lordosis: no glute-medius activation drill (no clamshell) and no single-leg hinge for the glutes.
  auto lordosis = json_of({"plan", "--goal", "lordosis", "--catalog", fedb, "--format", "json"});
  std::string notes = lordosis["notes"].dump();
  CHECK(notes.find("(warm-up: glute-medius-activation) is left empty") != std::string::npos);
  // ... and never lumbar-extension or hip-flexor work.
  for (const auto& id : ids_in_plan(lordosis)) {
    INFO(id);
    CHECK_FALSE(fedb_exercise(id).has_tag("lumbar-extension"));
    CHECK_FALSE(fedb_exercise(id).has_tag("hip-flexor-strength"));
  }
  // Lockout is built on the back extension, which free-exercise-db has.
  auto lockout = json_of({"plan", "--goal", "lockout", "--catalog", fedb, "--format", "json"});
  CHECK(ids_in_plan(lockout).count("hyperextensions-back-extensions") == 1);
}

TEST_CASE("catalog import writes the converted catalogue, which plans exactly as the original", "[contract][free-exercise-db]") {
  std::string dir = lbtrain::test::temp_dir();
  std::string out = dir + "/fedb-lbtrain.json";
  auto r = run_lbtrain({"catalog", "import", "--from", "free-exercise-db", fedb, "-o", out});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.empty());
  auto imported = json::parse(lbtrain::test::read_file(out));
  CHECK(imported["format"] == "lbtrain-catalogue");
  CHECK(imported["exercises"].size() == 873);
  auto direct = run_lbtrain({"plan", "--goal", "kyphosis", "--catalog", fedb, "--format", "csv"});
  auto converted = run_lbtrain({"plan", "--goal", "kyphosis", "--catalog", out, "--format", "csv"});
  CHECK(direct.exit_code == 0);
  CHECK(direct.out == converted.out);

  auto wrong = run_lbtrain({"catalog", "import", "--from", "free-exercise", fedb});
  CHECK(wrong.exit_code == 2);
  CHECK(wrong.err.find("did you mean \"free-exercise-db\"?") != std::string::npos);
  auto forced = run_lbtrain({"plan", "--goal", "lockout", "--catalog", source_dir + "/data/exercises.json",
                             "--catalog-format", "free-exercise-db"});
  CHECK(forced.exit_code == 3);
  CHECK(forced.err.find("a JSON object, but a free-exercise-db catalogue is an array of records") != std::string::npos);
}

TEST_CASE("several catalogues layer by id, and plans ignore the order inside a file", "[contract]") {
  std::string dir = lbtrain::test::temp_dir();
  auto builtin = json::parse(lbtrain::test::read_file(source_dir + "/data/exercises.json"));
  // A gym's own catalogue: renames the back extension and adds a hip thrust.
  json mine = {{"format", "lbtrain-catalogue"}, {"exercises", json::array()}};
  json renamed = builtin["exercises"][0];
  REQUIRE(renamed["id"] == "back-extension");
  renamed["name"] = "Back extension on the blue bench";
  mine["exercises"].push_back(renamed);
  lbtrain::test::write_file(dir + "/mine.json", mine.dump());
  auto layered = run_lbtrain({"plan", "--goal", "lockout", "--catalog", "builtin", "--catalog", dir + "/mine.json"});
  INFO(layered.err);
  CHECK(layered.exit_code == 0);
  CHECK(layered.out.find("Back extension on the blue bench") != std::string::npos);
  // The other order: the built-in one wins.
  auto reversed = run_lbtrain({"plan", "--goal", "lockout", "--catalog", dir + "/mine.json", "--catalog", "builtin"});
  CHECK(reversed.out.find("Back extension on the blue bench") == std::string::npos);
  CHECK(reversed.out == run_lbtrain({"plan", "--goal", "lockout"}).out);

  // An empty name is a missing file, not a silent fall-back to the built-in catalogue.
  auto empty_name = run_lbtrain({"plan", "--goal", "lockout", "--catalog", ""});
  CHECK(empty_name.exit_code == 3);
  CHECK(empty_name.err == "lbtrain: error: cannot read '': No such file or directory\n");

  // The built-in catalogue shuffled plans byte for byte as the original.
  std::mt19937 random(7);
  std::shuffle(builtin["exercises"].begin(), builtin["exercises"].end(), random);
  lbtrain::test::write_file(dir + "/shuffled.json", builtin.dump());
  for (const char* goal : {"lockout", "lordosis", "kyphosis", "general"}) {
    INFO(goal);
    auto original = run_lbtrain({"plan", "--goal", goal, "--format", "json", "--catalog", source_dir + "/data/exercises.json"});
    auto shuffled = run_lbtrain({"plan", "--goal", goal, "--format", "json", "--catalog", dir + "/shuffled.json"});
    auto original_json = json::parse(original.out);
    auto shuffled_json = json::parse(shuffled.out);
    original_json["request"].erase("catalog");
    shuffled_json["request"].erase("catalog");
    CHECK(original_json == shuffled_json);
  }
}

TEST_CASE("rules files add and override goals, and the worked example runs", "[contract]") {
  auto glutes = run_lbtrain({"plan", "--goal", "glutes", "--weeks", "2", "--rules", glute_goal});
  INFO(glutes.err);
  REQUIRE(glutes.exit_code == 0);
  CHECK(glutes.out.find("lbtrain plan: Glute strength") != std::string::npos);
  CHECK(glutes.out.find("Single-leg Romanian deadlift") != std::string::npos);
  CHECK(glutes.out.find("2 sessions a week") != std::string::npos);
  // The goal's exclusion keeps lower-back loading out.
  auto plan = json_of({"plan", "--goal", "glutes", "--rules", glute_goal, "--format", "json"});
  for (const auto& id : ids_in_plan(plan)) {
    INFO(id);
    CHECK_FALSE(lbtrain::test::builtin().catalogue.find(id)->has_tag("loads-lower-back"));
  }
  // Built-in goals are still there, and combine with the new one.
  auto combined = run_lbtrain({"plan", "--goal", "glutes,lockout", "--rules", glute_goal});
  CHECK(combined.exit_code == 0);

  // Overriding a built-in goal by id.
  std::string dir = lbtrain::test::temp_dir();
  auto rules = json::parse(lbtrain::test::read_file(source_dir + "/data/goals.json"));
  json lockout = rules["goals"][0];
  REQUIRE(lockout["id"] == "lockout");
  lockout["default_days"] = 2;
  lockout["name"] = "Lockout, twice a week";
  lbtrain::test::write_file(dir + "/lockout.json", json{{"format", "lbtrain-rules"}, {"goals", {lockout}}}.dump());
  auto overridden = run_lbtrain({"plan", "--goal", "lockout", "--rules", dir + "/lockout.json"});
  CHECK(overridden.out.find("lbtrain plan: Lockout, twice a week") != std::string::npos);
  CHECK(overridden.out.find("2 sessions a week") != std::string::npos);

  // A new goal may not take a name another goal answers to.
  json clash = json::parse(lbtrain::test::read_file(glute_goal));
  clash["goals"][0]["aliases"] = {"apt"};
  lbtrain::test::write_file(dir + "/clash.json", clash.dump());
  auto r = run_lbtrain({"plan", "--goal", "glutes", "--rules", dir + "/clash.json"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("the name \"apt\" is already used by the goal \"lordosis\"") != std::string::npos);
}
