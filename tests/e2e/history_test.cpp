// `lbtrain history` as a lifter reads it (issue 26, item 6), end to end on the real binary:
// exercises by name, a long name wrapped inside its column, no estimated 1RM for a back extension
// or core work, the Epley formula in --help and not on every call, a name and an id shown once.

#include "support/helpers.hpp"
#include "support/log_fixture.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <map>
#include <string>
#include <vector>

using lbtrain::test::run_lbtrain;
using lbtrain::test::RunResult;

using lbtrain::test::Log;

namespace {

// 40 characters: longer than any column of the table.
const std::string long_name = "Single-Arm Cable Row With A Pause At Top";

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t end = text.find('\n'); end != std::string::npos; end = text.find('\n', start)) {
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

/// A log with a barbell lift, a plate-held back extension, core work with a cable, a hold, and an
/// imported exercise of 40 characters the catalogue does not know; trained on different days, so
/// neither the date nor the id orders them as their names do.
Log training_log() {
  Log log;
  log.env = {"COLUMNS=80"};  // every history here is read at 80 columns
  log.out({"log", "side-plank", "3x30s", "--date", "2026-11-01"});
  log.out({"log", "pallof-press", "3x10@10kg", "rir3", "--date", "2026-11-02"});
  log.out({"log", "deadlift", "3x5@100kg", "rir2", "--date", "2026-11-04"});
  log.out({"log", "back-extension", "3x12@20kg", "rir4", "--date", "2026-11-05"});
  log.out({"log", "rdl", "3x8@60kg", "rir2", "--date", "2026-11-06"});
  const std::string csv = lbtrain::test::temp_dir() + "/strong.csv";
  lbtrain::test::write_file(csv,
                            "Date,Workout Name,Exercise Name,Set Order,kg,Reps,km,Seconds,Notes\n"
                            "2026-11-03 18:00:00,\"Pull\",\"" + long_name + "\",0,30,10,0,0,\"\"\n"
                            "2026-11-03 18:00:00,\"Pull\",\"" + long_name + "\",1,30,10,0,0,\"\"\n");
  log.out({"log", "import", csv});
  return log;
}

}  // namespace

TEST_CASE("history: exercises by name, a 40-character name wrapped inside its column at 80 columns",
          "[log][cli][history]") {
  const Log log = training_log();
  const std::string out = log.out({"history"});
  INFO(out);
  const auto lines = lines_of(out);
  for (const auto& line : lines) CHECK(line.size() <= 80);
  std::size_t header = 0;
  while (header < lines.size() && lines[header].rfind("  exercise ", 0) != 0) ++header;
  REQUIRE(header < lines.size());
  const std::size_t e1rm_end = lines[header].find("e1RM") + 4, trend_at = lines[header].find("trend");
  // The summary's rows in order: the first line of each has a name and a best set (a wrapped
  // name goes on alone under itself).
  const std::size_t best_at = lines[header].find("best set");
  std::vector<std::string> rows;
  for (std::size_t i = header + 1; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.rfind("  ", 0) == 0 && line.size() > best_at && line[2] != ' ' && line[best_at] != ' ') rows.push_back(line);
  }
  REQUIRE(rows.size() == 6);
  CHECK(rows[0].rfind("  Back extension", 0) == 0);
  CHECK(rows[1].rfind("  Deadlift (barbell)", 0) == 0);
  CHECK(rows[2].rfind("  Pallof press (cable)", 0) == 0);
  CHECK(rows[3].rfind("  Romanian deadlift", 0) == 0);
  CHECK(rows[4].rfind("  Side plank", 0) == 0);
  CHECK(rows[5].rfind("  Single-Arm Cable Row", 0) == 0);
  // The long name goes on under itself; its best set, e1RM and trend stay in their columns on its
  // first line, and nothing of the name is lost.
  const std::string& row = rows[5];
  CHECK(row.find("10 @ 30 kg") == best_at);
  CHECK(row.substr(e1rm_end - 2, 2) == "40");  // 30 x (1 + 10/30)
  CHECK(row.size() > trend_at);
  CHECK(out.find("Pause At Top *\n") != std::string::npos);
  CHECK(out.find("...") == std::string::npos);
  // The sessions above it wrap it the same way: the sets on the name's first line.
  CHECK(out.find("\n  Single-Arm Cable Row With A   2 x 10 @ 30 kg\n  Pause At Top *\n") != std::string::npos);
  // A plate-held back extension and a cable Pallof press have no estimated 1RM; the deadlift has.
  for (std::size_t r : std::vector<std::size_t>{0, 2, 4}) {
    INFO(rows[r]);
    CHECK(rows[r].substr(e1rm_end - 1, 1) == "-");
  }
  CHECK(rows[1].substr(e1rm_end - 5, 5) == "123.3");  // 100 x (1 + (5 + 2)/30)
}

TEST_CASE("history: the Epley formula in --help and not on every call, a name and its id once", "[log][cli][history]") {
  const Log log = training_log();
  CHECK(log.out({"history"}).find("Epley") == std::string::npos);
  const std::string one = log.out({"history", "deadlift"});
  INFO(one);
  CHECK(one.find("Epley") == std::string::npos);
  CHECK(one.find("estimated 1RM 123.3 kg") != std::string::npos);
  CHECK(one.rfind("Deadlift (barbell): 1 session, 3 sets", 0) == 0);  // not "Deadlift (barbell) (deadlift)"
  CHECK(log.out({"history", "pallof press"}).rfind("Pallof press (cable): 1 session", 0) == 0);
  // An id that says what the name does not stays: a custom one, or a catalogue id of other words.
  const std::string custom = log.out({"history", long_name});
  CHECK(custom.rfind(long_name + " *", 0) == 0);
  CHECK(custom.find("(custom:single-arm-cable-row") != std::string::npos);
  // JSON keeps its schema, its exercises in the same order as the table's.
  const auto json = nlohmann::json::parse(log.out({"history", "--format", "json"}));
  std::vector<std::string> ids;
  for (const auto& e : json["exercises"]) ids.push_back(e["exercise_id"]);
  CHECK(ids == std::vector<std::string>{"back-extension", "deadlift", "pallof-press", "romanian-deadlift", "side-plank",
                                        "custom:single-arm-cable-row-with-a-pause-at-top"});
  CHECK(json["e1rm_formula"].get<std::string>().find("Epley") == 0);
  const std::string help = run_lbtrain({"history", "--help"}, {"COLUMNS=100"}).out;
  CHECK(help.find("Epley's: load x (1 + reps / 30)") != std::string::npos);
}

TEST_CASE("history: the summaries grouped in SQL keep the rules of a best set, a name, an order and a trend",
          "[log][history]") {
  // Issue 25, item 19: each exercise's summary now comes from one query grouped in SQL. Its rules:
  // the best set is a logged working set, ties go to the later one (date, session, then as
  // logged), a warm-up never counts; an exercise the catalogue does not know goes by the name of
  // its first set; the order is by that name, letter case aside, then id; an estimated 1RM only
  // where the built-in rules give one; the trend is the last 8 sessions' bests, oldest first.
  Log log;
  log.env = {"COLUMNS=80"};
  std::string csv = "date,exercise_id,exercise,set,reps,seconds,breaths,load,unit,rir,per_side,warmup,note,source,"
                    "session\r\n";
  auto row = [&](const std::string& date, const std::string& id, const std::string& name, int set,
                 const std::string& reps, const std::string& load, bool warmup, const std::string& note,
                 const std::string& session) {
    csv += date + "," + id + "," + name + "," + std::to_string(set) + "," + reps + ",,," + load + "," +
           (load.empty() ? "" : "kg") + ",,false," + (warmup ? "true" : "false") + "," + note + ",typed," + session +
           "\r\n";
  };
  row("2026-01-04", "custom:bench", "Bench Press Old", 1, "5", "100", false, "first", "");
  row("2026-01-05", "custom:bench", "Bench", 1, "5", "100", false, "second", "");
  row("2026-01-05", "custom:bench", "Bench", 2, "5", "100", false, "third", "");
  row("2026-01-05", "custom:bench", "Bench", 3, "5", "100", false, "fourth", "a workout");
  row("2026-01-06", "custom:bench", "Bench", 1, "1", "200", true, "warm-up", "");
  row("2026-01-06", "custom:b1", "apple", 1, "8", "", false, "", "");
  row("2026-01-06", "custom:a2", "Apple", 1, "8", "", false, "", "");
  row("2026-01-06", "custom:a3", "zed", 1, "8", "", false, "", "");
  row("2026-01-06", "custom:warm", "Warm", 1, "8", "20", true, "", "");
  row("2026-01-06", "back-extension", "Back extension", 1, "12", "20", false, "", "");
  for (int day = 10; day < 20; ++day) {
    row("2026-01-" + std::to_string(day), "deadlift", "Deadlift", 1, "5", std::to_string(day * 10), false, "", "");
  }
  const std::string file = lbtrain::test::temp_dir() + "/rules.csv";
  lbtrain::test::write_file(file, csv);
  log.out({"log", "import", file});
  auto history = nlohmann::json::parse(log.out({"history", "-f", "json", "--limit", "0"}));
  std::vector<std::string> ids;
  for (const auto& e : history["exercises"]) ids.push_back(e["exercise_id"]);
  // "apple" and "Apple" are equal letter case aside: by id. "Bench Press Old" is the first set's name.
  const std::vector<std::string> expected{"custom:a2", "custom:b1", "back-extension", "custom:bench",
                                          "deadlift", "custom:warm", "custom:a3"};
  CHECK(ids == expected);
  std::map<std::string, nlohmann::json> by_id;
  for (const auto& e : history["exercises"]) by_id[e["exercise_id"]] = e;
  const auto& bench = by_id["custom:bench"];
  CHECK(bench["exercise"] == "Bench Press Old");
  CHECK(bench["sessions"] == 4);
  CHECK(bench["sets"] == 5);
  CHECK(bench["last_date"] == "2026-01-06");
  CHECK(bench["measure"] == "e1rm");
  CHECK(bench["best_set"]["note"] == "fourth");  // four equal sets: the later; the warm-up left out
  CHECK(bench["trend"].size() == 3);
  CHECK(!by_id["back-extension"].contains("e1rm"));
  CHECK(by_id["back-extension"]["measure"] == "reps");
  CHECK(!by_id["custom:warm"].contains("best_set"));
  CHECK(by_id["custom:warm"]["trend"].empty());
  const auto& deadlift = by_id["deadlift"];
  REQUIRE(deadlift["trend"].size() == 8);
  CHECK(deadlift["trend"][0]["date"] == "2026-01-12");
  CHECK(deadlift["trend"][7]["date"] == "2026-01-19");
  CHECK(deadlift["best_set"]["date"] == "2026-01-19");
  CHECK(deadlift["e1rm"].get<double>() == Approx(190 * (1 + 5.0 / 30)).margin(0.005));  // rounded to 2 places
  // One exercise: the same summary.
  auto one = nlohmann::json::parse(log.out({"history", "custom:bench", "-f", "json"}));
  REQUIRE(one["exercises"].size() == 1);
  CHECK(one["exercises"][0] == bench);
}
