// `lbtrain log`, `log undo`, `log export` and `history` end to end: the real binary on a real
// database, what it prints, its exit statuses, and that a refused entry writes nothing.

#include "support/helpers.hpp"
#include "support/log_fixture.hpp"

#include "lbtrain/model/calendar.hpp"
#include "model/text_match.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <sstream>

using lbtrain::test::run_lbtrain;
using lbtrain::test::RunResult;

using lbtrain::test::Log;

namespace {

std::string today() {
  return lbtrain::iso_date(lbtrain::today_local());
}

std::size_t widest_line(const std::string& text) {
  std::size_t widest = 0;
  std::istringstream lines(text);
  for (std::string line; std::getline(lines, line);) {
    std::size_t chars = 0;
    for (unsigned char c : line) chars += (c & 0xC0) != 0x80;
    widest = std::max(widest, chars);
  }
  return widest;
}

}  // namespace

TEST_CASE("lbtrain log records an entry and says so in one line", "[log][cli]") {
  Log log;
  auto r = log.clean({"log", "back-extension", "3x12@20kg", "rir4"});
  CHECK(r.out == "Logged " + today() + " Back extension (45-degree): 3 x 12 @ 20 kg, RIR 4 (sets 1-3)\n");
  r = log.clean({"log", "rdl", "8,8,7@60kg", "rir", "3,2,1", "--date", "2026-11-20"});
  CHECK(r.out == "Logged 2026-11-20 Romanian deadlift (barbell): 8, 8, 7 @ 60 kg, RIR 3, 2, 1 (sets 1-3)\n");
  r = log.clean({"log", "side-plank", "3x30s"});
  CHECK(r.out.find("Side plank: 3 x 30 s per side (sets 1-3)") != std::string::npos);
  r = log.clean({"log", "plank", "2x45"});  // a plank counts seconds
  CHECK(r.out.find("Front plank: 2 x 45 s") != std::string::npos);
  r = log.clean({"log", "back-extension", "2x12"});  // more sets the same day carry on the numbers
  CHECK(r.out.find("2 x 12 bodyweight (sets 4-5)") != std::string::npos);
  r = log.clean({"log", "romanian", "deadlift", "warmup", "2x5@40kg", "3x8@70kg", "--note", "felt easy", "--date", "yesterday"});
  CHECK(r.out.find("warm-up 2 x 5 @ 40 kg; 3 x 8 @ 70 kg") != std::string::npos);
  CHECK(log.count("warmup = 1") == 2);
  CHECK(log.count("note = 'felt easy'") == 5);
  r = log.clean({"log", "back-extension", "3x13@45", "--unit", "lb", "--week", "2", "--day", "1"});
  CHECK(r.out.find("3 x 13 @ 45 lb") != std::string::npos);
  CHECK(r.out.find("program week 2 day 1") != std::string::npos);
  CHECK(log.count("source = 'program' AND program_week = 2 AND program_day = 1 AND unit = 'lb'") == 3);
  CHECK(log.count() == 21);
}

TEST_CASE("a bad entry is a usage error naming the token, and writes nothing", "[log][cli]") {
  Log log;
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  std::vector<Case> cases{
      {{"log", "back-extenson", "3x12"}, "unknown exercise \"back-extenson\"; did you mean \"back-extension\"?"},
      {{"log", "back-extension", "3xx12"}, "\"3xx12\": \"x12\" is not a count; allowed: NxR (3x12)"},
      {{"log", "back-extension", "-3x12"}, "\"-3x12\": no negative numbers"},
      {{"log", "back-extension", "3x1001"}, "\"3x1001\": 1001 reps is more than 1000"},
      {{"log", "plank", "3x10801"}, "\"3x10801\": 10801 seconds is more than 10800"},
      {{"log", "deadlift", "1x1@1001kg"}, "\"1x1@1001kg\": 1001 kg is more than 1000 kg"},
      {{"log", "deadlift", "1x1@2300lb"}, "\"1x1@2300lb\": 2300 lb is more than 2205 lb"},
      {{"log", "back-extension", "3x12", "rir11"}, "\"rir11\": reps in reserve are 0 to 10"},
      {{"log", "back-extension", "3x12", "--date", "2999-01-01"}, "--date: 2999-01-01 is in the future"},
      {{"log", "back-extension", "3x12", "--date", "2026-02-30"}, "--date: \"2026-02-30\" is not a date; give YYYY-MM-DD"},
      {{"log", "back-extension", "3x12", "--date", "last tuesday"}, "--date: \"last tuesday\" is not a date"},
      {{"log", "back-extension", "3x12", "--unit", "stone"}, "--unit: unknown unit \"stone\"; allowed: kg, lb"},
      {{"log", "back-extension", "3x12", "--week", "2"}, "--week and --day go together"},
      {{"log", "back-extension"}, "no sets given"},
      {{"log"}, "name the exercise, then what you did"},
  };
  for (const auto& c : cases) {
    auto r = log.run(c.args);
    INFO(lbtrain::join(c.args, " ") << "\n" << r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::StartsWith("lbtrain: error: " + c.message));
  }
  CHECK_FALSE(std::filesystem::exists(log.path));  // refused before the log was even opened
  log.clean({"log", "back-extension", "3x12"});
  auto r = log.run({"log", "back-extension", "3x12@1001kg"});
  CHECK(r.exit_code == 2);
  CHECK(log.count() == 3);
}

TEST_CASE("log undo takes back the last entry, typed or imported, and says what it removed", "[log][cli]") {
  Log log;
  log.clean({"log", "back-extension", "3x12@20kg", "rir4"});
  log.clean({"log", "rdl", "3x8@60kg", "--date", "2026-11-20"});
  auto r = log.clean({"log", "undo"});
  CHECK(r.out == "Removed the last entry: 2026-11-20 Romanian deadlift (barbell): 3 x 8 @ 60 kg (3 sets).\n");
  CHECK(log.count() == 3);
  log.clean({"log", "import", std::string(LBTRAIN_SOURCE_DIR) + "/tests/data/log/hevy.csv"});
  r = log.clean({"log", "undo"});
  CHECK(r.out == "Removed the last entry: import of hevy.csv (Hevy) (12 sets).\n");
  log.clean({"log", "undo"});
  r = log.clean({"log", "undo"});
  CHECK_THAT(r.out, Catch::StartsWith("Nothing to undo"));
  CHECK(log.count() == 0);
}

TEST_CASE("where the log is: --db, LBTRAIN_DB, the config file, XDG_DATA_HOME", "[log][cli]") {
  std::string dir = lbtrain::test::temp_dir();
  auto r = run_lbtrain({"log", "back-extension", "3x12"}, {"XDG_DATA_HOME=" + dir + "/data"});
  REQUIRE(r.exit_code == 0);
  CHECK(std::filesystem::exists(dir + "/data/lbtrain/lbtrain.db"));
  r = run_lbtrain({"log", "back-extension", "3x12"}, {"LBTRAIN_DB=" + dir + "/env.db"});
  REQUIRE(r.exit_code == 0);
  CHECK(std::filesystem::exists(dir + "/env.db"));
  lbtrain::test::run_program("mkdir", {"-p", dir + "/config/lbtrain"});
  lbtrain::test::write_file(dir + "/config/lbtrain/config.json",
                            "{\"db\": \"" + dir + "/config.db\", \"unit\": \"lb\"}");
  std::string config = "XDG_CONFIG_HOME=" + dir + "/config";
  r = run_lbtrain({"log", "back-extension", "3x12@45"}, {config});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("@ 45 lb") != std::string::npos);  // the config file's unit
  CHECK(std::filesystem::exists(dir + "/config.db"));
  r = run_lbtrain({"log", "back-extension", "3x12@20", "--db", dir + "/flag.db"}, {config, "LBTRAIN_UNIT=kg"});
  CHECK(r.out.find("@ 20 kg") != std::string::npos);  // LBTRAIN_UNIT wins over the config file
  CHECK(std::filesystem::exists(dir + "/flag.db"));   // --db wins over both
  auto show = run_lbtrain({"config", "show"}, {config});
  CHECK(show.out.find("unit           lb") != std::string::npos);
  CHECK(show.out.find("db             " + dir + "/config.db") != std::string::npos);
  // "~/" in LBTRAIN_DB (no shell expands it there) is the home directory, not a directory "~".
  r = run_lbtrain({"log", "back-extension", "3x12"}, {"LBTRAIN_DB=~/tilde/log.db", "HOME=" + dir + "/home"});
  REQUIRE(r.exit_code == 0);
  CHECK(std::filesystem::exists(dir + "/home/tilde/log.db"));
  auto bad = run_lbtrain({"log", "back-extension", "3x12"}, {"LBTRAIN_UNIT=kgs "});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("LBTRAIN_UNIT: unknown value \"kgs \"") != std::string::npos);
}

TEST_CASE("history: sessions newest first, best sets, estimated 1RM and trend, in 80 columns", "[log][cli][history]") {
  Log log;
  CHECK_THAT(log.clean({"history"}).out, Catch::StartsWith("Nothing logged yet"));
  CHECK_FALSE(std::filesystem::exists(log.path));  // reading creates nothing
  log.clean({"log", "rdl", "3x8@60kg", "rir2", "--date", "2026-11-01"});
  log.clean({"log", "rdl", "3x8@65kg", "rir2", "--date", "2026-11-08"});
  log.clean({"log", "rdl", "3x8@70kg", "rir1", "--date", "2026-11-15"});
  log.clean({"log", "side-plank", "3x30s", "--date", "2026-11-15"});
  auto r = log.clean({"history"});
  CHECK(widest_line(r.out) <= 80);
  CHECK(r.out.find("3 sessions, 12 sets.") != std::string::npos);
  CHECK(r.out.find("2026-11-15\n  Romanian deadlift (barbell)   3 x 8 @ 70 kg, RIR 1\n") != std::string::npos);
  CHECK(r.out.find("2026-11-15") < r.out.find("2026-11-01"));  // newest first
  // 70 x (1 + 9/30) = 91 kg; 60 x (1 + 10/30) = 80: up 14% in 3 sessions.
  // A name longer than its column wraps inside it, the row's other columns on its first line.
  CHECK(r.out.find("  Romanian deadlift         8 @ 70 kg, RIR 1            91  up 14% in 3 sessions\n  (barbell)\n") != std::string::npos);
  r = log.clean({"history", "rdl", "--limit", "2"});
  CHECK(widest_line(r.out) <= 80);
  CHECK(r.out.find("Best set: 8 @ 70 kg, RIR 1 on 2026-11-15: estimated 1RM 91 kg.") != std::string::npos);
  CHECK(r.out.find("the last 2 of 3, newest first (--limit 0 shows all)") != std::string::npos);
  CHECK(r.out.find("2026-11-01") != std::string::npos);    // in the trend
  CHECK(lbtrain::test::count(r.out, "  set 1 ") == 2);     // but only two sessions of sets
  auto json = nlohmann::json::parse(log.clean({"history", "romanian deadlift", "--format", "json", "--unit", "lb"}).out);
  CHECK(json["exercise_id"] == "romanian-deadlift");
  CHECK(json["unit"] == "lb");
  CHECK(json["exercises"][0]["e1rm"].get<double>() == Approx(91 / 0.45359237).epsilon(0.001));
  CHECK(json["exercises"][0]["trend"].size() == 3);
  CHECK(json["sessions"].size() == 3);
  CHECK(json["sessions"][0]["exercises"][0]["sets"][0]["load"] == 70);
  auto csv = log.clean({"history", "--format", "csv", "--limit", "0"}).out;
  CHECK_THAT(csv, Catch::StartsWith("date,session,exercise_id,exercise,working_sets,warmup_sets,sets,best_e1rm,unit\r\n"));
  CHECK(csv.find("2026-11-15,,romanian-deadlift,Romanian deadlift (barbell),3,0,\"3 x 8 @ 70 kg, RIR 1\",91,kg\r\n") !=
        std::string::npos);
  // A long trend wraps under its own column; the columns before it keep their places.
  Log heavy;
  heavy.clean({"log", "deadlift", "1x1@1000kg", "rir0", "--date", "2026-11-01"});
  heavy.clean({"log", "deadlift", "3x5@100kg", "rir2", "--date", "2026-11-08"});
  heavy.clean({"log", "deadlift", "3x5@110kg", "rir2", "--date", "2026-11-15"});
  auto table = heavy.clean({"history"}).out;
  CHECK(widest_line(table) <= 80);
  auto header = table.find("  exercise ");
  auto row = table.rfind("  Deadlift (barbell) ");  // the summary's row, after the sessions
  REQUIRE(header != std::string::npos);
  REQUIRE(row != std::string::npos);
  CHECK(table.find("e1RM", header) - header == table.find("1000  down", row) - row);  // right-aligned under e1RM
  CHECK(table.find("down", row) - row == table.find("trend", header) - header);
  auto unknown = log.run({"history", "rdll"});
  CHECK(unknown.exit_code == 2);
  CHECK(unknown.err.find("unknown exercise \"rdll\"; did you mean \"rdl\"?") != std::string::npos);
  CHECK(log.run({"history", "--limit", "-1"}).exit_code == 2);
  CHECK(log.run({"history", "--format", "xml"}).exit_code == 2);
}

TEST_CASE("log export: every set as CSV or JSON, atomically with -o", "[log][cli][export]") {
  Log log;
  log.clean({"log", "rdl", "8,8,7@60kg", "rir", "3,2,1", "--date", "2026-11-20", "--note", "=cmd|' /C calc'!A0"});
  auto csv = log.clean({"log", "export"}).out;
  CHECK(csv == "date,exercise_id,exercise,set,reps,seconds,breaths,load,unit,rir,per_side,warmup,note,source,session,pain\r\n"
               "2026-11-20,romanian-deadlift,Romanian deadlift (barbell),1,8,,,60,kg,3,false,false,'=cmd|' /C calc'!A0,typed,,\r\n"
               "2026-11-20,romanian-deadlift,Romanian deadlift (barbell),2,8,,,60,kg,2,false,false,'=cmd|' /C calc'!A0,typed,,\r\n"
               "2026-11-20,romanian-deadlift,Romanian deadlift (barbell),3,7,,,60,kg,1,false,false,'=cmd|' /C calc'!A0,typed,,\r\n");
  auto json = nlohmann::json::parse(log.clean({"log", "export", "--format", "json"}).out);
  CHECK(json["format"] == "lbtrain-log");
  CHECK(json["sets"].size() == 3);
  CHECK(json["sets"][2]["reps"] == 7);
  CHECK(json["sets"][2]["source"]["kind"] == "typed");
  std::string out = lbtrain::test::temp_dir() + "/export.csv";
  auto r = log.clean({"log", "export", "-o", out});
  CHECK(r.out.empty());
  CHECK(lbtrain::test::read_file(out) == csv);
  lbtrain::test::write_file(out, "keep me");
  r = log.run({"log", "export", "--format", "yaml", "-o", out});
  CHECK(r.exit_code == 2);
  CHECK(lbtrain::test::read_file(out) == "keep me");
  r = log.run({"log", "export", "-o", "/nonexistent/dir/x.csv"});
  CHECK(r.exit_code == 4);
  // An empty log exports its header alone.
  CHECK(Log().clean({"log", "export"}).out ==
        "date,exercise_id,exercise,set,reps,seconds,breaths,load,unit,rir,per_side,warmup,note,source,session,pain\r\n");
}

TEST_CASE("history is in pounds for a pounds log, --unit changes it, and the header says which", "[log][cli][history]") {
  // The unit most of the log's loads were logged in, whatever the unit setting says (it is for
  // loads typed without a unit); --unit over both; the setting for a log as much kg as lb.
  auto header = [](const std::string& out) {  // the first sentences, up to the sessions or the best set, on one line
    std::string text = out.substr(0, std::min(out.find("\nSessions, "), out.find("\nBest set: ")));
    std::replace(text.begin(), text.end(), '\n', ' ');
    return text;
  };
  Log log;
  log.clean({"log", "rdl", "3x8@135lb", "--date", "2026-11-01"});
  log.clean({"log", "rdl", "3x8@145lb", "--date", "2026-11-08"});
  log.clean({"log", "rdl", "1x8@60kg", "--date", "2026-11-08"});
  auto r = log.run({"history"}, {"LBTRAIN_UNIT=kg"});
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(header(r.out), Catch::EndsWith("2 sessions, 7 sets. Estimated 1RMs and trends in lb, the unit most of its "
                                            "loads were logged in (--unit kg changes it)."));
  CHECK_THAT(r.out, Catch::Contains("maximum in lb"));
  CHECK_THAT(r.out, Catch::Contains("  8 @ 145 lb  "));  // 145 x (1 + 8/30) = 183.7 lb > 60 kg's 167.6 lb
  CHECK_THAT(r.out, Catch::Contains(" 183.7 "));
  r = log.clean({"history", "rdl"});
  CHECK_THAT(header(r.out), Catch::EndsWith(" Estimated 1RMs and trends in lb, the unit most of its loads were logged in "
                                            "(--unit kg changes it)."));
  CHECK_THAT(r.out, Catch::Contains("estimated 1RM 183.7 lb."));
  auto json = nlohmann::json::parse(log.clean({"history", "--format", "json"}).out);
  CHECK(json["unit"] == "lb");
  CHECK_THAT(log.clean({"history", "--format", "csv"}).out, Catch::Contains(",183.67,lb\r\n"));
  r = log.clean({"history", "--unit", "kg"});
  CHECK_THAT(header(r.out), Catch::EndsWith(" Estimated 1RMs and trends in kg, as --unit asks."));
  CHECK_THAT(r.out, Catch::Contains(" 83.3 "));  // 183.7 lb
  CHECK(nlohmann::json::parse(log.clean({"history", "--format", "json", "--unit", "kg"}).out)["unit"] == "kg");
  // As many sets in kg as in lb: the unit setting.
  Log even;
  even.clean({"log", "rdl", "1x8@135lb", "--date", "2026-11-01"});
  even.clean({"log", "rdl", "1x8@60kg", "--date", "2026-11-08"});
  CHECK_THAT(header(even.run({"history"}, {"LBTRAIN_UNIT=lb"}).out),
             Catch::EndsWith(" Estimated 1RMs and trends in lb (--unit kg changes it)."));
  CHECK_THAT(header(even.clean({"history"}).out), Catch::EndsWith(" Estimated 1RMs and trends in kg (--unit lb changes it)."));
  // No estimated 1RM, no sentence on its unit.
  Log holds;
  holds.clean({"log", "side-plank", "2x30s", "--date", "2026-11-01"});
  CHECK_THAT(header(holds.clean({"history"}).out), Catch::EndsWith(" 1 session, 2 sets."));
}
