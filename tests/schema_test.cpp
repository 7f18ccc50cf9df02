// Every file lbtrain reads or writes, checked against its JSON Schema in data/schema/ by
// ajv-cli (draft 2020-12), a validator nobody here wrote. CTest installs it into the build
// tree first (tests/tools/ensure-ajv).

#include "helpers.hpp"

#include "lbtrain/request.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

using namespace lbtrain;

namespace {

const std::string source_dir = LBTRAIN_SOURCE_DIR;
const std::string schemas = source_dir + "/data/schema/";
const std::string fedb = source_dir + "/tests/data/free-exercise-db/exercises.json";

/// Runs ajv on data files against one schema; returns its result.
test::RunResult ajv(const std::string& schema, const std::vector<std::string>& files) {
  std::vector<std::string> args{"validate", "--spec=draft2020", "--strict=true", "--all-errors", "--errors=text",
                                "-s", schemas + schema};
  for (const auto& f : files) {
    args.push_back("-d");
    args.push_back(f);
  }
  return test::run_program(std::string(LBTRAIN_BUILD_DIR) + "/tools/ajv/node_modules/.bin/ajv", args);
}

void valid(const std::string& schema, const std::vector<std::string>& files) {
  auto r = ajv(schema, files);
  INFO(schema << "\n" << r.out << r.err);
  CHECK(r.exit_code == 0);
}

/// Runs lbtrain and saves its standard output as `dir`/`name`.
std::string output_of(const std::string& dir, const std::string& name, const std::vector<std::string>& args,
                      int expected_exit = 0) {
  auto r = test::run_lbtrain(args);
  INFO(r.err);
  REQUIRE(r.exit_code == expected_exit);
  std::string path = dir + "/" + name;
  test::write_file(path, r.out);
  return path;
}

}  // namespace

TEST_CASE("the shipped data and the worked example satisfy their schemas", "[schema]") {
  valid("catalogue.schema.json", {source_dir + "/data/exercises.json"});
  valid("rules.schema.json", {source_dir + "/data/goals.json", source_dir + "/docs/examples/glute-goal.json"});
  valid("vocabulary.schema.json", {source_dir + "/data/vocabulary.json"});
  valid("import.schema.json", {source_dir + "/data/import/free-exercise-db.json"});
}

TEST_CASE("every plan lbtrain prints satisfies the plan schema", "[schema]") {
  std::string dir = test::temp_dir();
  std::vector<std::string> plans;
  for (const auto& goal : test::builtin().rules.goals) {
    plans.push_back(output_of(dir, goal.id + ".json", {"plan", "--goal", goal.id, "--weeks", "6", "--format", "json"}));
  }
  plans.push_back(output_of(dir, "dated.json", {"plan", "--goal", "lordosis,lockout", "--format", "json", "--start",
                                                "2026-11-23", "--on", "mon,wed,fri", "--at", "18:30", "--week", "2"}));
  plans.push_back(output_of(dir, "screened.json", {"plan", "--goal", "lockout", "--cannot-hinge", "--weakness", "lockout",
                                                   "--equipment", "none", "--level", "beginner", "--format", "json"}));
  plans.push_back(output_of(dir, "refused.json", {"plan", "--goal", "lockout", "--injury", "--format", "json"}, 5));
  plans.push_back(output_of(dir, "fedb.json", {"plan", "--goal", "general", "--catalog", fedb, "--format", "json"}));
  for (const auto& golden : {"lockout-4w.json", "kyphosis-2w.json"}) plans.push_back(source_dir + "/tests/golden/" + golden);
  valid("plan.schema.json", plans);
}

TEST_CASE("browsing output and imported catalogues satisfy their schemas", "[schema]") {
  std::string dir = test::temp_dir();
  valid("goals.schema.json", {output_of(dir, "goals.json", {"goals", "--format", "json"}),
                              output_of(dir, "goals-glute.json", {"goals", "--format", "json", "--rules",
                                                                  source_dir + "/docs/examples/glute-goal.json"})});
  valid("exercises.schema.json",
        {output_of(dir, "list.json", {"exercises", "--format", "json"}),
         output_of(dir, "show.json", {"exercises", "show", "back-extension", "--format", "json"}),
         output_of(dir, "fedb-list.json", {"exercises", "--catalog", fedb, "--format", "json", "--muscle", "hamstrings"})});
  // free-exercise-db converted whole: the result is a valid lbtrain catalogue.
  std::string imported = dir + "/imported.json";
  auto r = test::run_lbtrain({"catalog", "import", "--from", "free-exercise-db", fedb, "-o", imported});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  valid("catalogue.schema.json", {imported});
}

TEST_CASE("the config and answers files documented in README satisfy their schemas", "[schema]") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/config.json",
                   R"({"equipment": "home", "level": "beginner", "days": 3, "start_weekday": "mon", "format": "sheet", "color": "never"})");
  test::write_file(dir + "/answers.json", R"({"injury": "no", "goal": "lockout", "run": true})");
  // The config file also takes equipment as a list and days as a string, as lbtrain does.
  test::write_file(dir + "/config-list.json", R"({"equipment": ["dumbbell", "band"], "days": "2"})");
  valid("config.schema.json", {dir + "/config.json", dir + "/config-list.json"});
  valid("answers.schema.json", {dir + "/answers.json"});
}

TEST_CASE("the schemas reject what lbtrain rejects", "[schema]") {
  // The broken catalogue that 'catalog validate' reports problem by problem.
  auto r = ajv("catalogue.schema.json", {source_dir + "/tests/data/broken-catalogue.json"});
  CHECK(r.exit_code != 0);
  for (const char* where : {"/exercises/0/primary_muscles/1", "/exercises/0/equipment/0", "/exercises/1/id",
                            "/exercises/1/category", "/exercises/1/dose/sets", "/exercises/1/cues",
                            "/exercises/2/level"}) {
    INFO(where << "\n" << r.out << r.err);
    CHECK((r.out + r.err).find(where) != std::string::npos);
  }
  std::string dir = test::temp_dir();
  test::write_file(dir + "/config.json", R"({"levle": "beginner"})");
  CHECK(ajv("config.schema.json", {dir + "/config.json"}).exit_code != 0);
  test::write_file(dir + "/rules.json", R"({"format": "lbtrain-rules", "goals": [{"id": "g", "name": "G"}]})");
  CHECK(ajv("rules.schema.json", {dir + "/rules.json"}).exit_code != 0);
}

TEST_CASE("the schemas' vocabulary is the vocabulary lbtrain checks against", "[schema]") {
  // catalogue.schema.json spells out the allowed words; they must not drift from data/vocabulary.json.
  auto schema = nlohmann::json::parse(test::read_file(schemas + "catalogue.schema.json"));
  const auto& v = *test::builtin().vocabulary;
  CHECK(schema["$defs"]["muscle"]["enum"].get<std::vector<std::string>>() == v.muscles);
  CHECK(schema["$defs"]["equipment"]["enum"].get<std::vector<std::string>>() == v.equipment);
  CHECK(schema["$defs"]["category"]["enum"].get<std::vector<std::string>>() == v.categories);
  CHECK(schema["$defs"]["pattern"]["enum"].get<std::vector<std::string>>() == v.patterns);
  CHECK(schema["$defs"]["level"]["enum"].get<std::vector<std::string>>() == v.levels);
  std::vector<std::string> formats = format_names();
  auto config = nlohmann::json::parse(test::read_file(schemas + "config.schema.json"));
  CHECK(config["properties"]["format"]["enum"].get<std::vector<std::string>>() == formats);
}
