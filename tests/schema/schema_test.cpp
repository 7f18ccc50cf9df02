// Every file lbtrain reads or writes, checked against its JSON Schema in data/schema/ by
// ajv-cli (draft 2020-12), a validator nobody here wrote. CTest installs it into the build
// tree first (tests/tools/ensure-ajv).

#include "support/helpers.hpp"

#include "lbtrain/screen.hpp"
#include "lbtrain/app.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <functional>
#include <set>

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

/// Runs ajv on files that must each fail: every one is reported invalid.
void invalid(const std::string& schema, const std::vector<std::string>& files) {
  auto r = ajv(schema, files);
  CHECK(r.exit_code != 0);
  for (const auto& f : files) {
    INFO(schema << ": " << f << "\n" << r.out << r.err);
    CHECK((r.out + r.err).find(f + " invalid") != std::string::npos);
    CHECK((r.out + r.err).find(f + " valid") == std::string::npos);
  }
}

/// A training log with every kind of set: reps, seconds, breaths, per side, warm-ups,
/// bodyweight, kg and lb loads up to the limits, RIR and RPE, a note, sets against a plan's week,
/// an exercise with warm-up sets alone, and an import of Hevy's export with a name the catalogue
/// does not know (a custom id).
struct SampleLog {
  std::string dir = test::temp_dir();
  std::string db = dir + "/lbtrain.db";

  SampleLog() {
    const std::vector<std::vector<std::string>> entries{
        {"back-extension", "3x12@20kg", "rir4", "--date", "2025-01-06"},
        {"rdl", "8,8,7@60kg", "rir", "3,2,1", "--date", "2025-01-06"},
        {"side-plank", "3x30s", "--date", "2025-01-07"},
        {"childs-pose", "2x10b", "--date", "2025-01-07"},
        {"half-kneeling-hip-flexor-stretch", "2x10", "--date", "2025-01-07"},
        {"romanian", "deadlift", "warmup", "2x5@40kg", "3x8@70kg", "--note", "felt easy", "--date", "2025-01-08"},
        {"back-extension", "3x13@45", "--unit", "lb", "--week", "2", "--day", "1", "--date", "2025-01-09"},
        {"back-extension", "3x12@bw", "--date", "2025-01-10"},
        {"back-extension", "3x15", "rpe7.5", "pain", "2", "--date", "2025-01-11"},
        {"deadlift", "1x1@2204.62lb", "--date", "2025-01-12"},
        {"deadlift", "1x1@1000kg", "rir0", "1x100@0.5kg", "rir10", "--date", "2025-01-12"},
        {"plank", "1x3600s", "--date", "2025-01-12"},
        {"glute-bridge", "warmup", "2x10", "--date", "2025-01-12"},
        {"bird-dog", "2x8", "--date", "2025-01-12"},
    };
    for (auto args : entries) {
      args.insert(args.begin(), "log");
      run(args);
    }
    auto imported = run({"log", "import", source_dir + "/tests/data/log/hevy.csv"});
    CHECK(imported.out.find("custom:cable-crunch") != std::string::npos);
  }

  test::RunResult run(std::vector<std::string> args) const {
    args.push_back("--db");
    args.push_back(db);
    auto r = test::run_lbtrain(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return r;
  }

  /// Runs lbtrain on this log and saves its output as `name` in the log's directory.
  std::string output(const std::string& name, std::vector<std::string> args) const {
    args.push_back("--db");
    args.push_back(db);
    return output_of(dir, name, args);
  }
};

nlohmann::json read_json(const std::string& path) { return nlohmann::json::parse(test::read_file(path)); }

/// Writes `doc` changed by `change` as `name` in `dir`; returns its path.
std::string mutated(const std::string& dir, const std::string& name, nlohmann::json doc,
                    const std::function<void(nlohmann::json&)>& change) {
  change(doc);
  std::string path = dir + "/" + name;
  test::write_file(path, doc.dump(2));
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

TEST_CASE("a program's sessions, done and next, satisfy the plan schema", "[schema][program]") {
  std::string dir = test::temp_dir();
  std::string db = dir + "/lbtrain.db";
  auto with_db = [&](std::vector<std::string> args) {
    args.insert(args.end(), {"--db", db});
    return args;
  };
  REQUIRE(test::run_lbtrain(with_db({"start", "--goal", "lockout,lordosis", "--start", "2026-09-07", "--on", "mon,thu"}))
              .exit_code == 0);
  for (const auto& [date, sets] : {std::pair{"2026-09-07", "3x12@20kg"}, std::pair{"2026-09-10", "12,12,10@20kg"}}) {
    REQUIRE(test::run_lbtrain(with_db({"log", "back-extension", sets, "rir", "4", "pain", "3", "--date", date})).exit_code == 0);
    REQUIRE(test::run_lbtrain(with_db({"log", "side-plank", "3x20s", "--date", date})).exit_code == 0);
  }
  // Pain 3 (amber) and a warning sign: the Why and the hold's note are in the schema's fields.
  REQUIRE(test::run_lbtrain(with_db({"log", "flag", "numbness", "--date", "2026-09-11"})).exit_code == 0);
  valid("plan.schema.json",
        {output_of(dir, "next.json", with_db({"next", "--date", "2026-09-21", "--format", "json"})),
         output_of(dir, "program.json", with_db({"program", "--date", "2026-09-21", "--format", "json"}))});
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
                   R"({"equipment": "home", "level": "beginner", "days": 3, "start_weekday": "mon", "format": "sheet", "color": "never", "unit": "lb", "db": "/srv/logs/lbtrain.db"})");
  test::write_file(dir + "/answers.json", R"({"injury": "no", "goal": "lockout", "run": true})");
  // The config file also takes equipment as a list and days as a string, as lbtrain does.
  test::write_file(dir + "/config-list.json", R"({"equipment": ["dumbbell", "band"], "days": "2"})");
  // ... and a unit in any case, with or without the s.
  test::write_file(dir + "/config-unit.json", R"({"unit": "KGS"})");
  valid("config.schema.json", {dir + "/config.json", dir + "/config-list.json", dir + "/config-unit.json"});
  // lbtrain itself takes every one of them.
  std::filesystem::create_directories(dir + "/xdg/lbtrain");
  for (const char* file : {"/config.json", "/config-list.json", "/config-unit.json"}) {
    test::write_file(dir + "/xdg/lbtrain/config.json", test::read_file(dir + file));
    auto r = test::run_lbtrain({"config", "show"}, {"XDG_CONFIG_HOME=" + dir + "/xdg"});
    INFO(file << "\n" << r.err);
    CHECK(r.exit_code == 0);
  }
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
  // The log's settings: lbtrain refuses these too.
  std::filesystem::create_directories(dir + "/xdg/lbtrain");
  std::vector<std::string> configs;
  for (const char* text : {R"({"unit": "stone"})", R"({"unit": "kilograms"})", R"({"db": ""})", R"({"db": "  "})",
                           R"({"db": 3})"}) {
    configs.push_back(dir + "/config-" + std::to_string(configs.size()) + ".json");
    test::write_file(configs.back(), text);
    test::write_file(dir + "/xdg/lbtrain/config.json", text);
    auto run = test::run_lbtrain({"config", "show"}, {"XDG_CONFIG_HOME=" + dir + "/xdg"});
    INFO(text << "\n" << run.err);
    CHECK(run.exit_code == 2);
  }
  invalid("config.schema.json", configs);
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

TEST_CASE("the training log's history and export satisfy their schemas", "[schema][log]") {
  SampleLog log;
  std::vector<std::string> histories{
      log.output("history.json", {"history", "--format", "json"}),
      log.output("history-all-lb.json", {"history", "--format", "json", "--limit", "0", "--unit", "lb"}),
      log.output("history-compact.json", {"history", "--format", "json", "--compact"}),
      log.output("history-back-extension.json", {"history", "back-extension", "--format", "json"}),
      log.output("history-custom.json", {"history", "cable", "crunch", "--format", "json"}),
      log.output("history-warmups.json", {"history", "glute-bridge", "--format", "json"}),
      // An exercise of the catalogue that the log does not hold, and a log that does not exist.
      log.output("history-none.json", {"history", "dead-bug", "--format", "json"}),
      output_of(log.dir, "history-empty.json", {"history", "--format", "json", "--db", log.dir + "/missing.db"}),
  };
  valid("history.schema.json", histories);
  std::string exported = log.output("export.json", {"log", "export", "--format", "json"});
  valid("log-export.schema.json",
        {exported, log.output("export-compact.json", {"log", "export", "--format", "json", "--compact"}),
         output_of(log.dir, "export-empty.json", {"log", "export", "--format", "json", "--db", log.dir + "/missing.db"})});

  // The documents hold what the schemas constrain, so the checks above are not vacuous.
  auto sets = read_json(exported)["sets"];
  auto any = [&](const std::function<bool(const nlohmann::json&)>& test) {
    return std::any_of(sets.begin(), sets.end(), test);
  };
  CHECK(sets.size() == 47);
  for (const char* count : {"reps", "seconds", "breaths"}) {
    CHECK(any([&](const auto& s) { return s.contains(count); }));
  }
  CHECK(any([](const auto& s) { return !s.contains("load"); }));
  CHECK(any([](const auto& s) { return s.value("unit", "") == "lb" && s["load"] == 2204.62; }));
  CHECK(any([](const auto& s) { return s.value("unit", "") == "kg" && s["load"] == 1000; }));
  CHECK(any([](const auto& s) { return s.contains("rir") && s["rir"] == 2.5; }));
  CHECK(any([](const auto& s) { return s["per_side"] == true && s.contains("breaths"); }));
  CHECK(any([](const auto& s) { return s["warmup"] == true; }));
  CHECK(any([](const auto& s) { return s["note"] == "felt easy"; }));
  CHECK(any([](const auto& s) { return s["exercise_id"] == "custom:cable-crunch"; }));
  for (const char* kind : {"typed", "import", "program"}) {
    CHECK(any([&](const auto& s) { return s["source"]["kind"] == kind; }));
  }
  auto all = read_json(histories[0]);
  CHECK_FALSE(all.contains("exercise_id"));
  std::set<std::string> measures;
  for (const auto& e : all["exercises"]) measures.insert(e["measure"].get<std::string>());
  CHECK(measures == std::set<std::string>{"e1rm", "reps", "seconds", "breaths"});
  // With an exercise: that exercise alone.
  auto one = read_json(histories[3]);
  CHECK(one["exercise_id"] == "back-extension");
  CHECK(one["total_sessions"] == 5);
  for (const auto& session : one["sessions"]) {
    for (const auto& work : session["exercises"]) CHECK(work["exercise_id"] == "back-extension");
  }
  REQUIRE(one["exercises"].size() == 1);
  CHECK(one["exercises"][0]["measure"] == "reps");  // a back extension has no estimated 1RM
  CHECK_FALSE(one["exercises"][0].contains("e1rm"));
  // Warm-up sets alone: no best set, no trend.
  auto warmups = read_json(histories[5]);
  REQUIRE(warmups["exercises"].size() == 1);
  CHECK_FALSE(warmups["exercises"][0].contains("best_set"));
  CHECK(warmups["exercises"][0]["trend"].empty());
}

TEST_CASE("the log schemas reject what lbtrain never writes", "[schema][log]") {
  std::string dir = test::temp_dir();
  std::string db = dir + "/lbtrain.db";
  for (std::vector<std::string> args : {std::vector<std::string>{"romanian-deadlift", "2x12@20kg", "rir2"},
                                        std::vector<std::string>{"side-plank", "1x30s", "--week", "1", "--day", "2"}}) {
    args.insert(args.begin(), "log");
    args.insert(args.end(), {"--date", "2025-03-03", "--db", db});
    auto r = test::run_lbtrain(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
  }
  auto doc = read_json(output_of(dir, "export.json", {"log", "export", "--format", "json", "--db", db}));
  REQUIRE(doc["sets"].size() == 3);
  REQUIRE(doc["sets"][0].contains("reps"));
  REQUIRE(doc["sets"][2]["source"]["kind"] == "program");
  using Change = std::function<void(nlohmann::json&)>;
  const std::vector<Change> set_changes{
      [](auto& s) { s["seconds"] = 30; },  // two counts
      [](auto& s) { s.erase("reps"); },    // none
      [](auto& s) { s["reps"] = 0; },
      [](auto& s) { s["reps"] = 1001; },
      [](auto& s) { s["reps"] = 12.5; },
      [](auto& s) { s.erase("reps"); s["seconds"] = 10801; },
      [](auto& s) { s.erase("reps"); s["breaths"] = 1001; },
      [](auto& s) { s.erase("unit"); },  // a load without a unit
      [](auto& s) { s.erase("load"); },  // a unit without a load
      [](auto& s) { s["unit"] = "kgs"; },
      [](auto& s) { s["load"] = 0; },
      [](auto& s) { s["load"] = -5; },
      [](auto& s) { s["load"] = 1000.5; },
      [](auto& s) { s["load"] = 2205.5; s["unit"] = "lb"; },
      [](auto& s) { s["rir"] = 10.5; },
      [](auto& s) { s["rir"] = -1; },
      [](auto& s) { s["rpe"] = 8; },  // a key lbtrain never writes
      [](auto& s) { s.erase("note"); },
      [](auto& s) { s["per_side"] = "no"; },
      [](auto& s) { s["set"] = 0; },
      [](auto& s) { s["date"] = "5 Mar 2024"; },
      [](auto& s) { s["exercise_id"] = "Back Extension"; },
      [](auto& s) { s["exercise"] = ""; },
      [](auto& s) { s["source"] = {{"kind", "import"}}; },
      [](auto& s) { s["source"] = {{"kind", "typed"}, {"file", "x.csv"}}; },
      [](auto& s) { s["source"] = {{"kind", "program"}, {"week", 53}, {"day", 1}}; },
      [](auto& s) { s["source"] = {{"kind", "program"}, {"week", 1}, {"day", 8}}; },
      [](auto& s) { s["source"] = {{"kind", "app"}}; },
  };
  std::vector<std::string> exports;
  for (std::size_t i = 0; i < set_changes.size(); ++i) {
    exports.push_back(mutated(dir, "export-" + std::to_string(i) + ".json", doc,
                              [&](auto& d) { set_changes[i](d["sets"][0]); }));
  }
  exports.push_back(mutated(dir, "export-format.json", doc, [](auto& d) { d["format"] = "lbtrain-history"; }));
  exports.push_back(mutated(dir, "export-version.json", doc, [](auto& d) { d["version"] = 2; }));
  exports.push_back(mutated(dir, "export-extra.json", doc, [](auto& d) { d["unit"] = "kg"; }));
  invalid("log-export.schema.json", exports);
  // The limits themselves are allowed.
  valid("log-export.schema.json",
        {mutated(dir, "export-limits.json", doc, [](auto& d) {
          d["sets"][0]["load"] = 1000;
          d["sets"][0]["rir"] = 10;
          d["sets"][0]["reps"] = 1000;
          d["sets"][1]["load"] = 2205;
          d["sets"][1]["unit"] = "lb";
          d["sets"][1]["rir"] = 0;
          d["sets"][2]["seconds"] = 10800;
        })});

  auto history = read_json(output_of(dir, "history.json", {"history", "--format", "json", "--db", db}));
  REQUIRE(history["exercises"].size() == 2);
  std::size_t loaded = history["exercises"][0]["measure"] == "e1rm" ? 0 : 1;
  REQUIRE(history["exercises"][loaded]["measure"] == "e1rm");
  REQUIRE(history["exercises"][1 - loaded]["measure"] == "seconds");
  const std::vector<Change> history_changes{
      [&](auto& h) { h["exercises"][loaded].erase("e1rm"); },
      [&](auto& h) { h["exercises"][loaded].erase("best_set"); },
      [&](auto& h) { h["exercises"][1 - loaded]["e1rm"] = 50; },  // an e1rm for a hold
      [&](auto& h) { h["exercises"][loaded]["measure"] = "load"; },
      [&](auto& h) { h["exercises"][loaded]["best_set"]["reps"] = 0; },
      [&](auto& h) {
        auto& trend = h["exercises"][loaded]["trend"];
        while (trend.size() < 9) trend.push_back(trend[0]);
      },
      [&](auto& h) { h["exercises"][loaded]["trend"][0]["value"] = -1; },
      [&](auto& h) { h["exercises"][loaded]["sessions"] = 0; },
      [](auto& h) { h["unit"] = "stone"; },
      [](auto& h) { h["limit"] = -1; },
      [](auto& h) { h["total_sets"] = "3"; },
      [](auto& h) { h.erase("e1rm_formula"); },
      [](auto& h) { h["exercise"] = "Back extension"; },  // a key lbtrain never writes
      [](auto& h) { h["sessions"][0]["exercises"] = nlohmann::json::array(); },
      [](auto& h) { h["sessions"][0]["exercises"][0]["sets"] = nlohmann::json::array(); },
      [](auto& h) { h["sessions"][0]["exercises"][0]["sets"][0]["rir"] = 11; },
      [](auto& h) { h["format"] = "lbtrain-log"; },
  };
  std::vector<std::string> histories;
  for (std::size_t i = 0; i < history_changes.size(); ++i) {
    histories.push_back(mutated(dir, "history-" + std::to_string(i) + ".json", history, history_changes[i]));
  }
  invalid("history.schema.json", histories);
}

TEST_CASE("the history and export schemas describe a set the same way", "[schema][log]") {
  // history.schema.json and log-export.schema.json each define the set lbtrain writes in both
  // (log/set_json.cpp); they must not drift apart.
  auto history = nlohmann::json::parse(test::read_file(schemas + "history.schema.json"));
  auto exported = nlohmann::json::parse(test::read_file(schemas + "log-export.schema.json"));
  for (const char* def : {"set", "source", "date", "session", "exercise_id", "unit"}) {
    INFO(def);
    CHECK(history["$defs"][def] == exported["$defs"][def]);
  }
  // And the config schema knows every setting lbtrain reads.
  auto config = nlohmann::json::parse(test::read_file(schemas + "config.schema.json"));
  std::vector<std::string> keys;
  for (const auto& [key, value] : config["properties"].items()) keys.push_back(key);
  std::vector<std::string> settings = setting_keys();
  std::sort(keys.begin(), keys.end());
  std::sort(settings.begin(), settings.end());
  CHECK(keys == settings);
}
