// `lbtrain history` as a lifter reads it (issue 26, item 6), end to end on the real binary:
// exercises by name, a long name wrapped inside its column, no estimated 1RM for a back extension
// or core work, the Epley formula in --help and not on every call, a name and an id shown once.

#include "helpers.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <string>
#include <vector>

using lbtrain::test::run_lbtrain;
using lbtrain::test::RunResult;

namespace {

// 40 characters: longer than any column of the table.
const std::string long_name = "Single-Arm Cable Row With A Pause At Top";

struct Log {
  std::string path = lbtrain::test::temp_dir() + "/lbtrain.db";

  RunResult run(std::vector<std::string> args) const {
    args.push_back("--db");
    args.push_back(path);
    return run_lbtrain(args, {"COLUMNS=80"});
  }
  std::string ok(const std::vector<std::string>& args) const {
    auto r = run(args);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return r.out;
  }
};

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
  log.ok({"log", "side-plank", "3x30s", "--date", "2026-11-01"});
  log.ok({"log", "pallof-press", "3x10@10kg", "rir3", "--date", "2026-11-02"});
  log.ok({"log", "deadlift", "3x5@100kg", "rir2", "--date", "2026-11-04"});
  log.ok({"log", "back-extension", "3x12@20kg", "rir4", "--date", "2026-11-05"});
  log.ok({"log", "rdl", "3x8@60kg", "rir2", "--date", "2026-11-06"});
  const std::string csv = lbtrain::test::temp_dir() + "/strong.csv";
  lbtrain::test::write_file(csv,
                            "Date,Workout Name,Exercise Name,Set Order,kg,Reps,km,Seconds,Notes\n"
                            "2026-11-03 18:00:00,\"Pull\",\"" + long_name + "\",0,30,10,0,0,\"\"\n"
                            "2026-11-03 18:00:00,\"Pull\",\"" + long_name + "\",1,30,10,0,0,\"\"\n");
  log.ok({"log", "import", csv});
  return log;
}

}  // namespace

TEST_CASE("history: exercises by name, a 40-character name wrapped inside its column at 80 columns",
          "[log][cli][history]") {
  const Log log = training_log();
  const std::string out = log.ok({"history"});
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
  CHECK(log.ok({"history"}).find("Epley") == std::string::npos);
  const std::string one = log.ok({"history", "deadlift"});
  INFO(one);
  CHECK(one.find("Epley") == std::string::npos);
  CHECK(one.find("estimated 1RM 123.3 kg") != std::string::npos);
  CHECK(one.rfind("Deadlift (barbell): 1 session, 3 sets", 0) == 0);  // not "Deadlift (barbell) (deadlift)"
  CHECK(log.ok({"history", "pallof press"}).rfind("Pallof press (cable): 1 session", 0) == 0);
  // An id that says what the name does not stays: a custom one, or a catalogue id of other words.
  const std::string custom = log.ok({"history", long_name});
  CHECK(custom.rfind(long_name + " *", 0) == 0);
  CHECK(custom.find("(custom:single-arm-cable-row") != std::string::npos);
  // JSON keeps its schema, its exercises in the same order as the table's.
  const auto json = nlohmann::json::parse(log.ok({"history", "--format", "json"}));
  std::vector<std::string> ids;
  for (const auto& e : json["exercises"]) ids.push_back(e["exercise_id"]);
  CHECK(ids == std::vector<std::string>{"back-extension", "deadlift", "pallof-press", "romanian-deadlift", "side-plank",
                                        "custom:single-arm-cable-row-with-a-pause-at-top"});
  CHECK(json["e1rm_formula"].get<std::string>().find("Epley") == 0);
  const std::string help = run_lbtrain({"history", "--help"}, {"COLUMNS=100"}).out;
  CHECK(help.find("Epley's: load x (1 + reps / 30)") != std::string::npos);
}
