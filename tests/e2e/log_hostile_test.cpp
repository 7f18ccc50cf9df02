// The training log against a hostile pass (issue 25), end to end with the real binary: -o naming
// the log, a backup, damaged and foreign databases, merged logs, saved programs moved between
// directories, clear one-line errors before SQLite's own, and limits on what an import holds.
// Each case failed once; the kill -9 and concurrency cases are in log_robustness_test.cpp.

#include "support/helpers.hpp"
#include "support/files.hpp"
#include "support/log_fixture.hpp"

#include "lbtrain/model/calendar.hpp"
#include "log/import/export_reader.hpp"
#include "log/import/name_map.hpp"
#include "model/text_match.hpp"

#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace test = lbtrain::test;
namespace fs = std::filesystem;
using test::Log;
using test::mode_of;
using test::RunResult;

namespace {

std::string day(int from_today) { return lbtrain::iso_date(lbtrain::today_local() + std::chrono::days{from_today}); }

/// lbtrain's own CSV of one typed set per row: date, exercise id, name, set, reps, load in kg.
std::string lbtrain_csv(const std::vector<std::vector<std::string>>& rows) {
  std::string text = "date,exercise_id,exercise,set,reps,seconds,breaths,load,unit,rir,per_side,warmup,note,source,session\r\n";
  for (const auto& r : rows) {
    text += r[0] + "," + r[1] + "," + r[2] + "," + r[3] + "," + r[4] + ",,," + r[5] + ",kg,,false,false,,typed,\r\n";
  }
  return text;
}

/// A Hevy export with both weight columns, and a row of 5 deadlifts in one session.
const std::string hevy_header = "\"title\",\"start_time\",\"end_time\",\"description\",\"exercise_title\","
                                "\"superset_id\",\"exercise_notes\",\"set_index\",\"set_type\",\"weight_kg\","
                                "\"weight_lbs\",\"reps\",\"distance_km\",\"duration_seconds\",\"rpe\"\n";
std::string hevy_row(const std::string& kg, const std::string& lb) {
  return "\"A\",\"5 Mar 2024, 18:00\",\"5 Mar 2024, 19:00\",\"\",\"Deadlift (Barbell)\",,\"\",0,\"normal\"," + kg +
         "," + lb + ",5,,,\n";
}

}  // namespace

TEST_CASE("output naming the training log or its -wal or -shm is refused, and the log is untouched", "[log][hostile]") {
  Log log;
  log.ok({"log", "back-extension", "1x12@20kg", "--date", day(-2)});
  log.ok({"start", "--goal", "lockout", "--weeks", "1", "--start", day(-1), "--force"});
  std::string before = test::read_file(log.path);
  REQUIRE(!before.empty());
  std::string link = log.dir + "/link.db";
  fs::create_symlink(log.path, link);
  std::string hard = log.dir + "/hard.db";
  fs::create_hard_link(log.path, hard);
  std::vector<std::vector<std::string>> commands{
      {"report", "--format", "html"}, {"program"}, {"next"}, {"log", "export"}};
  for (const auto& target : {log.path, log.path + "-wal", log.path + "-shm", link, hard}) {
    for (auto args : commands) {
      args.insert(args.end(), {"-o", target});
      auto r = log.run(args);
      INFO(args[0] << " -o " << target << ": " << r.err);
      CHECK(r.exit_code == 2);
      CHECK_THAT(r.err, Catch::Contains("is the training log"));
      CHECK(test::read_file(log.path) == before);
    }
  }
  CHECK_FALSE(fs::exists(log.path + "-wal"));
  CHECK(log.count() == 1);
}

TEST_CASE("log backup copies the log with its -wal into one 0600 file that reads back", "[log][hostile]") {
  Log log;
  log.ok({"log", "back-extension", "3x12@20kg", "--date", day(-3)});
  log.ok({"log", "rdl", "8,8,7@60kg", "--date", day(-2)});
  // A reader keeps the last entry in the -wal while the backup runs.
  SQLite::Database holder(log.path, SQLite::OPEN_READWRITE);
  holder.exec("PRAGMA wal_autocheckpoint = 0");
  REQUIRE(holder.execAndGet("SELECT count(*) FROM sets").getInt() == 6);  // joins the log's -wal
  log.ok({"log", "side-plank", "2x30s", "--date", day(-1)});
  REQUIRE(fs::exists(log.path + "-wal"));
  std::string backup = log.dir + "/backup.db";
  auto r = log.ok({"log", "backup", backup});
  CHECK_THAT(r.out, Catch::StartsWith("Backed up the training log"));
  CHECK_THAT(r.out, Catch::Contains("(8 sets)"));
  CHECK(mode_of(backup) == 0600);
  CHECK_FALSE(fs::exists(backup + "-wal"));
  auto original = log.ok({"log", "export"}).out;
  auto copied = test::run_lbtrain({"log", "export", "--db", backup});
  CHECK(copied.exit_code == 0);
  CHECK(copied.out == original);
  // Not onto the log itself, and not without a log.
  CHECK(log.run({"log", "backup", log.path}).exit_code == 2);
  CHECK(test::run_lbtrain({"log", "backup", backup, "--db", log.dir + "/none.db"}).exit_code == 2);
}

TEST_CASE("a log whose user_version no lbtrain wrote is refused, not a crash", "[log][hostile]") {
  Log log;
  log.ok({"log", "back-extension", "1x12@20kg", "--date", day(-1)});
  for (const char* version : {"-5", "-2147483648"}) {
    {
      SQLite::Database db(log.path, SQLite::OPEN_READWRITE);
      db.exec(std::string("PRAGMA user_version = ") + version);
    }
    for (std::vector<std::string> args : {std::vector<std::string>{"history"}, {"log", "rdl", "1x5@60kg"}, {"next"},
                                          {"log", "export"}}) {
      auto r = log.run(args);
      INFO(version << " " << args[0] << ": " << r.err);
      CHECK(r.exit_code == 3);
      CHECK_THAT(r.err, Catch::Contains("is not a training log lbtrain can read"));
    }
  }
}

TEST_CASE("a typed set after an imported one of the same name under another id takes the next number", "[log][hostile]") {
  Log log;
  std::string file = log.dir + "/other-catalogue.csv";
  test::write_file(file, lbtrain_csv({{day(-1), "custom:their-back-extension", "Back extension (45-degree)", "1", "12",
                                       "20"}}));
  log.ok({"log", "import", file});
  auto r = log.run({"log", "back-extension", "1x12@20kg", "--date", day(-1)});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("(set 2)"));
  CHECK(log.count() == 2);
}

TEST_CASE("a log made over an empty file, and files made from the log, are 0600", "[log][hostile]") {
  Log log;
  test::write_file(log.path, "");
  ::chmod(log.path.c_str(), 0644);
  log.ok({"log", "back-extension", "1x12@20kg", "--date", day(-2)});
  CHECK(mode_of(log.path) == 0600);
  log.ok({"start", "--goal", "lockout", "--weeks", "1", "--start", day(-1), "--force"});
  for (std::vector<std::string> args : {std::vector<std::string>{"log", "export"}, {"report", "--format", "html"},
                                        {"program"}, {"next"}}) {
    std::string out = log.dir + "/" + args[0] + ".out";
    args.insert(args.end(), {"-o", out});
    log.ok(args);
    CHECK(mode_of(out) == 0600);
    // A file that exists keeps its mode, as -o promises.
    ::chmod(out.c_str(), 0640);
    log.ok(args);
    CHECK(mode_of(out) == 0640);
  }
}

TEST_CASE("another program's database in WAL mode is refused with every byte unchanged", "[log][hostile]") {
  std::string dir = test::temp_dir();
  std::string original = dir + "/app.db", copy = dir + "/copy.db";
  {
    SQLite::Database db(original, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA journal_mode = WAL");
    db.exec("PRAGMA wal_autocheckpoint = 0");
    db.exec("CREATE TABLE notes (text TEXT)");
    db.exec("INSERT INTO notes VALUES ('kept in the -wal')");
    // Copied while open: the copy has a -wal with the table in it, as a crashed program leaves.
    fs::copy_file(original, copy);
    fs::copy_file(original + "-wal", copy + "-wal");
  }
  std::string db_bytes = test::read_file(copy), wal_bytes = test::read_file(copy + "-wal");
  REQUIRE(!wal_bytes.empty());
  for (std::vector<std::string> args : {std::vector<std::string>{"history"}, {"log", "export"},
                                        {"log", "rdl", "1x5@60kg"}}) {
    args.insert(args.end(), {"--db", copy});
    auto r = test::run_lbtrain(args);
    INFO(args[0] << ": " << r.err);
    CHECK(r.exit_code == 3);
    CHECK_THAT(r.err, Catch::Contains("of another program"));
    CHECK(test::read_file(copy) == db_bytes);
    CHECK(test::read_file(copy + "-wal") == wal_bytes);
  }
}

TEST_CASE("merging two logs keeps different sets with the same number, and adds nothing twice", "[log][hostile]") {
  Log a, b;
  a.ok({"log", "rdl", "8@60kg", "--date", day(-1)});
  b.ok({"log", "rdl", "8@80kg", "--date", day(-1)});
  b.ok({"log", "side-plank", "2x30s", "--date", day(-1)});
  std::string exported = b.dir + "/b.csv";
  b.ok({"log", "export", "-o", exported});
  CHECK_THAT(a.ok({"log", "import", exported}).out, Catch::Contains(": 3 sets added, 0 already in the log."));
  CHECK(a.count() == 4);
  CHECK(a.count("load = 60") == 1);
  CHECK(a.count("load = 80") == 1);
  CHECK_THAT(a.ok({"log", "import", exported}).out, Catch::Contains(": 0 sets added, 3 already in the log."));
  // And back: B lacks only A's own set.
  std::string merged = a.dir + "/a.csv";
  a.ok({"log", "export", "-o", merged});
  CHECK_THAT(b.ok({"log", "import", merged}).out, Catch::Contains(": 1 set added, 3 already in the log."));
}

TEST_CASE("a saved program finds its catalogue from any directory, and says when it changed", "[log][hostile][program]") {
  Log log;
  std::string work = test::temp_dir(), elsewhere = test::temp_dir();
  std::string catalogue = test::read_file(std::string(LBTRAIN_SOURCE_DIR) + "/data/exercises.json");
  test::write_file(work + "/my-catalogue.json", catalogue);
  auto in = [&](const std::string& dir, const std::string& command) {
    return test::run_program("sh", {"-c", "cd '" + dir + "' && \"$LBTRAIN\" " + command + " --db '" + log.path + "'"},
                             {"LBTRAIN=" + std::string(LBTRAIN_BINARY), "XDG_CONFIG_HOME=/nonexistent", "LBTRAIN_DB="});
  };
  auto started = in(work, "start --goal lockout --weeks 1 --catalog my-catalogue.json --force --start " + day(0));
  INFO(started.err);
  REQUIRE(started.exit_code == 0);
  auto next = in(elsewhere, "next");
  INFO(next.err);
  CHECK(next.exit_code == 0);
  CHECK(next.err.empty());
  test::write_file(work + "/my-catalogue.json", catalogue + "\n");
  next = in(elsewhere, "next");
  CHECK(next.exit_code == 0);
  CHECK_THAT(next.err, Catch::Contains(work + "/my-catalogue.json\" has changed since the program was started"));
}

TEST_CASE("a read-only log opened through a symbolic link reads its -wal", "[log][hostile]") {
  Log log;
  log.ok({"log", "back-extension", "1x12@20kg", "--date", day(-2)});
  std::string dir = test::temp_dir();
  {
    SQLite::Database holder(log.path, SQLite::OPEN_READWRITE);
    holder.exec("PRAGMA wal_autocheckpoint = 0");
    REQUIRE(holder.execAndGet("SELECT count(*) FROM sets").getInt() == 1);  // joins the log's -wal
    log.ok({"log", "rdl", "5@100kg", "--date", day(-1)});  // only in the -wal while holder is open
    fs::copy_file(log.path, dir + "/log.db");
    fs::copy_file(log.path + "-wal", dir + "/log.db-wal");
  }
  ::chmod((dir + "/log.db").c_str(), 0444);
  std::string link = test::temp_dir() + "/link.db";
  fs::create_symlink(dir + "/log.db", link);
  auto r = test::run_lbtrain({"history", "--db", link});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("Romanian deadlift"));
  CHECK_THAT(r.out, Catch::Contains("100 kg"));
}

TEST_CASE("dates and set numbers the log cannot hold are refused before SQLite, with the right status",
          "[log][hostile]") {
  Log log;
  auto r = log.run({"log", "back-extension", "1x12@20kg", "--date", "0999-01-01"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("before 1900"));
  CHECK(r.err.find("CHECK") == std::string::npos);
  r = log.run({"start", "--goal", "lockout", "--start", "3000-01-01", "--force"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("after 2999"));
  std::string file = log.dir + "/far.csv";
  test::write_file(file, lbtrain_csv({{day(-1), "rdl", "RDL", "1", "5", "60"}, {"9999-12-31", "rdl", "RDL", "1", "5", "60"}}));
  // Without --strict the row is skipped and named in a warning, the rest imported.
  r = log.run({"log", "import", file});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.err, Catch::Contains("lbtrain: warning: " + file + ":3:"));
  CHECK_THAT(r.err, Catch::Contains("in the future"));
  CHECK(r.err.find("CHECK") == std::string::npos);
  CHECK(log.count("date = '9999-12-31'") == 0);
  log.ok({"log", "undo"});
  r = log.run({"log", "import", file, "--strict"});
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains(file + ":3:"));
  CHECK_THAT(r.err, Catch::Contains("in the future"));
  CHECK(r.err.find("CHECK") == std::string::npos);
  // An app's export numbers the sets of a session itself: the 10,001st of one exercise.
  std::string sets = hevy_header;
  for (int n = 1; n <= 10001; ++n) sets += hevy_row("100", "");
  test::write_file(file, sets);
  r = log.run({"log", "import", file, "--strict"});
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains(file + ":10002:"));
  CHECK(r.err.find("CHECK") == std::string::npos);
}

TEST_CASE("an entry saved but not printed says it was saved", "[log][hostile]") {
  Log log;
  auto r = test::run_program("sh", {"-c", "\"$LBTRAIN\" log side-plank 2x30s --db '" + log.path + "' > /dev/full"},
                             {"LBTRAIN=" + std::string(LBTRAIN_BINARY), "XDG_CONFIG_HOME=/nonexistent", "LBTRAIN_DB="});
  CHECK(r.exit_code == 4);
  CHECK_THAT(r.err, Catch::Contains("the entry was saved in the training log all the same (do not log it again)"));
  CHECK(log.count() == 2);
}

TEST_CASE("smaller findings: pounds in Hevy, future imports, non-finite loads, custom ids, empty --db and no home",
          "[log][hostile]") {
  Log log;
  // A Hevy file with both weight columns: a row's load is where it is.
  std::string hevy = log.dir + "/hevy.csv";
  test::write_file(hevy, hevy_header + hevy_row("", "225"));
  log.ok({"log", "import", hevy});
  CHECK(log.count("load = 225 AND unit = 'lb'") == 1);
  // A day after tomorrow in an import is refused as `log --date` refuses it.
  std::string ahead = log.dir + "/ahead.csv";
  test::write_file(ahead, lbtrain_csv({{day(10), "rdl", "RDL", "1", "5", "60"}}));
  auto r = log.run({"log", "import", ahead, "--strict"});
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains("in the future"));
  // A load that is not a number never reaches JSON.
  {
    SQLite::Database db(log.path, SQLite::OPEN_READWRITE);
    db.exec("PRAGMA ignore_check_constraints = ON");
    db.exec("UPDATE sets SET load = 9e999");
  }
  for (std::vector<std::string> args : {std::vector<std::string>{"log", "export", "-f", "json"}, {"history", "-f", "json"}}) {
    r = log.run(args);
    INFO(args[0]);
    CHECK(r.exit_code == 3);
    CHECK(r.out.find("inf") == std::string::npos);
  }
  CHECK(lbtrain::log::custom_id("Жим лпвщ") != lbtrain::log::custom_id("Жим нзка"));
  for (std::vector<std::string> args : {std::vector<std::string>{"history"}, {"log", "rdl", "1x5@60kg"}, {"next"},
                                        {"log", "export"}, {"log", "backup", log.dir + "/b.db"}}) {
    args.insert(args.end(), {"--db", ""});
    r = test::run_lbtrain(args, {"LBTRAIN_DB=" + log.path});
    INFO(args[0]);
    CHECK(r.exit_code == 2);
    CHECK_THAT(r.err, Catch::Contains("--db"));
  }
  r = test::run_lbtrain({"history"}, {"HOME=", "XDG_DATA_HOME="});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("neither XDG_DATA_HOME nor HOME is set"));
}

TEST_CASE("one-line messages: an empty -o, a huge --limit, a UTF-16 export", "[log][hostile]") {
  Log log;
  auto r = log.run({"log", "export", "-o", ""});
  CHECK(r.exit_code == 2);
  // One error line, then the usage hint every command-line error ends with.
  CHECK(test::count(r.err, "\n") == 2);
  CHECK_THAT(r.err, Catch::EndsWith("Run 'lbtrain log export --help' for usage.\n"));
  log.ok({"log", "side-plank", "2x30s", "--date", day(-1)});
  r = log.run({"history", "--limit", "99999999999"});
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("Side plank"));
  std::string utf16 = log.dir + "/utf16.csv";
  test::write_file(utf16, std::string("\xFF\xFE" "d\0a\0t\0e\0", 10));
  r = log.run({"log", "import", utf16});
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains("looks like UTF-16; save it as UTF-8"));
  CHECK(test::count(r.err, "\n") == 1);
}

TEST_CASE("an import's names, notes and fields have limits", "[log][hostile]") {
  Log log;
  std::string file = log.dir + "/long.csv";
  test::write_file(file, lbtrain_csv({{day(-1), "custom:long", std::string(201, 'x'), "1", "5", "60"}}));
  auto r = log.run({"log", "import", file, "--strict"});
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains(file + ":2: an exercise name of 201 characters; lbtrain keeps up to 200"));
  // Characters, not bytes: 200 Cyrillic letters are 400 bytes and fit.
  std::string cyrillic;
  for (int i = 0; i < 200; ++i) cyrillic += "ж";
  test::write_file(file, lbtrain_csv({{day(-1), "custom:long", cyrillic, "1", "5", "60"}}));
  CHECK(log.run({"log", "import", file}).exit_code == 0);
  r = log.run({"log", "side-plank", "2x30s", "--note", std::string(2001, 'n')});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("--note: 2001 characters"));
  test::write_file(file, std::string(5000, ',') + "\n1\n");
  r = log.run({"log", "import", file});
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains(file + ":1: more than 1000 fields in one record"));
}

TEST_CASE("lbtrain's own export reads back at any size, an app's export up to 128 MB", "[log][hostile]") {
  // A log of 1.1 million sets exports to 142 MB; the 128 MB limit of the apps' exports once
  // refused it. (The limit is told from the header, so no 142 MB file is needed here.)
  std::string dir = test::temp_dir();
  const std::uintmax_t apps = std::uintmax_t{128} << 20;
  test::write_file(dir + "/own.csv", lbtrain_csv({{day(-1), "rdl", "RDL", "1", "5", "60"}}));
  CHECK(lbtrain::log::import_size_limit(dir + "/own.csv") > (std::uintmax_t{1} << 40));
  test::write_file(dir + "/strong.csv", "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps\n");
  CHECK(lbtrain::log::import_size_limit(dir + "/strong.csv") == apps);
  REQUIRE(::mkfifo((dir + "/fifo").c_str(), 0600) == 0);
  CHECK(lbtrain::log::import_size_limit(dir + "/fifo") == apps);  // not read ahead
}
