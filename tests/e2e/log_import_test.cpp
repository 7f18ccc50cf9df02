// `lbtrain log import` end to end: the real binary on a real database, with the sample exports
// in tests/data/log/ (Strong's old and current exports, Hevy, FitNotes), lbtrain's own export
// read back exactly, and files that are no export at all.

#include "support/helpers.hpp"
#include "support/log_fixture.hpp"

#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <regex>
#include <set>
#include <tuple>

using lbtrain::test::run_lbtrain;
using lbtrain::test::RunResult;

using lbtrain::test::Log;

namespace {

const std::string samples = std::string(LBTRAIN_SOURCE_DIR) + "/tests/data/log/";

/// Every set as the database holds it, exactly (the note in hex), oldest first.
std::string rows(const Log& log) {
  SQLite::Database db(log.path);
  SQLite::Statement q(db, "SELECT date, session, exercise_id, exercise, set_number, reps, seconds, breaths, "
                          "quote(load), unit, quote(rir), per_side, warmup, hex(note), source, source_file, "
                          "program_week, program_day FROM sets ORDER BY date, session, id");
  std::string out;
  while (q.executeStep()) {
    for (int i = 0; i < q.getColumnCount(); ++i) out += q.getColumn(i).getString() + "|";
    out += "\n";
  }
  return out;
}

/// A copy of a sample export with line `line` (1-based) replaced.
std::string with_line(const std::string& sample, std::size_t line, const std::string& replacement,
                      const std::string& path) {
  std::string text = lbtrain::test::read_file(samples + sample);
  std::size_t start = 0;
  for (std::size_t n = 1; n < line; ++n) start = text.find('\n', start) + 1;
  std::size_t end = text.find('\n', start);
  text.replace(start, end - start, replacement);
  lbtrain::test::write_file(path, text);
  return path;
}

}  // namespace

TEST_CASE("Strong's old export: semicolons, decimal commas and a unit on every row", "[log][import]") {
  Log log;
  auto out = log.clean_import(samples + "strong-old.csv");
  CHECK(out == "Imported strong-old.csv (Strong): 10 sets added, 0 already in the log.\n"
               "Skipped: 1 cardio set (a distance and no load, or over 3 hours).\n"
               "Workout notes kept on their session ('lbtrain log export --format json' lists them): 1.\n"
               "Not in the catalogue, kept under custom ids (1 name, 1 set):\n"
               "  \"Lat Pulldown (Cable)\"                    1 set   custom:lat-pulldown-cable\n"
               "Next: 'lbtrain history deadlift' shows it session by session; 'lbtrain goals' lists the goals, "
               "and 'lbtrain start --goal GOAL' plans from here.\n"
               "New to lbtrain: 'lbtrain assess' asks a few questions and gives the start command that fits you.\n");
  CHECK(log.count() == 10);
  CHECK(log.count("exercise_id = 'deadlift' AND session = 'strong 12:31:54'") == 3);
  CHECK(log.count("exercise_id = 'romanian-deadlift' AND load = 62.5 AND unit = 'kg'") == 2);  // "62,5"
  CHECK(log.count("exercise_id = 'back-extension' AND load = 45 AND unit = 'lb'") == 1);       // "lbs"
  CHECK(log.count("exercise_id = 'deadlift' AND set_number = 2 AND rir = 2") == 1);             // RPE 8
  CHECK(log.count("exercise_id = 'deadlift' AND set_number = 3 AND rir = 0.5") == 1);           // RPE "9,5"
  CHECK(log.count("exercise_id = 'plank' AND seconds = 60 AND reps IS NULL AND load IS NULL") == 1);
  CHECK(log.count("note = 'last set; grindy'") == 1);  // a semicolon inside quotes
  CHECK(log.count("exercise = 'Lat Pulldown (Cable)' AND exercise_id = 'custom:lat-pulldown-cable'") == 1);
  CHECK(log.count("source = 'import' AND source_file = 'strong-old.csv'") == 10);
  CHECK(log.count("warmup = 1") == 0);
  // --from strong reads it the same way.
  Log forced;
  CHECK(forced.clean_import(samples + "strong-old.csv", {"--from", "strong"}) == out);
  CHECK(rows(forced) == rows(log));
}

TEST_CASE("Strong's current export needs --unit: rest timers skipped, warm-ups kept and marked", "[log][import]") {
  Log log;
  auto r = log.run({"log", "import", samples + "strong.csv"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "lbtrain: error: " + samples +
                     "strong.csv is Strong's export, which does not say whether its weights are kg or lb (they are in "
                     "the unit the app was set to): give --unit kg or --unit lb\n");
  CHECK_FALSE(std::filesystem::exists(log.path));  // refused before the log was opened
  r = log.run({"log", "import", samples + "strong.csv", "--unit", "stone"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("--unit: unknown unit \"stone\""));

  auto out = log.clean_import(samples + "strong.csv", {"--unit", "lb"});
  CHECK(out == "Imported strong.csv (Strong): 15 sets added, 0 already in the log.\n"
               "Skipped: 2 rest timers, 1 cardio set (a distance and no load, or over 3 hours).\n"
               "Warm-up sets kept, marked as warm-ups: 2.\n"
               "Not in the catalogue, kept under custom ids (3 names, 4 sets):\n"
               "  \"=HYPERLINK(\"http://example.inval...      1 set   custom:hyperlink-http-examp...\n"
               "  \"Face Pull\"                               2 sets  custom:face-pull\n"
               "  \"Hip Thrust (Barbell)\"                    1 set   custom:hip-thrust\n"
               "Next: 'lbtrain history deadlift' shows it session by session; 'lbtrain goals' lists the goals, "
               "and 'lbtrain start --goal GOAL' plans from here.\n"
               "New to lbtrain: 'lbtrain assess' asks a few questions and gives the start command that fits you.\n");
  CHECK(log.count() == 15);
  CHECK(log.count("load IS NOT NULL AND unit <> 'lb'") == 0);
  CHECK(log.count("seconds = 180 OR seconds = 90") == 0);  // the rest timers
  // Warm-ups are kept, marked, and numbered with the other sets in file order.
  CHECK(log.count("warmup = 1") == 2);
  CHECK(log.count("warmup = 1 AND exercise_id = 'deadlift' AND set_number = 1 AND load = 60") == 1);
  CHECK(log.count("warmup = 1 AND exercise_id = 'back-squat' AND set_number = 1 AND load = 60") == 1);
  CHECK(log.count("exercise_id = 'deadlift'") == 4);  // W, 1, 2 and the drop set D
  // RPE becomes reps in reserve: 10 - RPE.
  CHECK(log.number("SELECT rir FROM sets WHERE exercise_id = 'deadlift' AND set_number = 2") == 2);
  CHECK(log.number("SELECT rir FROM sets WHERE exercise_id = 'deadlift' AND set_number = 3") == 1.5);
  CHECK(log.count("exercise_id = 'back-extension' AND rir = 4") == 1);  // RPE 6
  CHECK(log.count("exercise_id = 'deadlift' AND set_number = 4 AND rir IS NULL") == 1);
  // Names the catalogue does not know keep their sets under a custom id, with the name as written.
  CHECK(log.count("exercise_id = 'custom:face-pull' AND exercise = 'Face Pull'") == 2);
  CHECK(log.count("exercise = '=HYPERLINK(\"http://example.invalid\")' AND exercise_id LIKE 'custom:%'") == 1);
  CHECK(log.count("exercise_id = 'split-squat' AND load IS NULL AND per_side = 1") == 1);  // weight 0: bodyweight
  CHECK(log.count("note = 'slow, 3 s down'") == 1);
}

TEST_CASE("Hevy and FitNotes exports: the counts of what was read and what was skipped", "[log][import]") {
  Log log;
  auto out = log.clean_import(samples + "hevy.csv");
  CHECK(out == "Imported hevy.csv (Hevy): 12 sets added, 0 already in the log.\n"
               "Skipped: 1 cardio set (a distance and no load, or over 3 hours).\n"
               "Warm-up sets kept, marked as warm-ups: 1.\n"
               "Workout notes kept on their session ('lbtrain log export --format json' lists them): 1.\n"
               "Not in the catalogue, kept under custom ids (1 name, 1 set):\n"
               "  \"Cable Crunch\"                            1 set   custom:cable-crunch\n"
               "Next: 'lbtrain history romanian-deadlift' shows it session by session; 'lbtrain goals' lists the goals, "
               "and 'lbtrain start --goal GOAL' plans from here.\n"
               "New to lbtrain: 'lbtrain assess' asks a few questions and gives the start command that fits you.\n");
  CHECK(log.count() == 12);
  CHECK(log.count("session = 'hevy 18:00' AND date = '2024-03-05'") == 10);
  CHECK(log.count("warmup = 1 AND exercise_id = 'romanian-deadlift' AND set_number = 1 AND load = 40") == 1);
  CHECK(log.count("exercise_id = 'romanian-deadlift' AND rir = 3") == 1);                    // RPE 7
  CHECK(log.count("exercise_id = 'romanian-deadlift' AND set_number = 3 AND rir = 2") == 1);  // RPE 8
  CHECK(log.count("exercise_id = 'romanian-deadlift' AND reps = 7 AND rir = 0") == 1);        // failure, RPE 10
  CHECK(log.count("exercise_id = 'side-plank' AND seconds = 45 AND per_side = 1") == 1);
  CHECK(log.count("exercise_id = 'custom:cable-crunch' AND load = 30") == 1);
  CHECK(log.count("exercise = 'Cycling'") == 0);

  out = log.clean_import(samples + "fitnotes.csv");
  CHECK(out == "Imported fitnotes.csv (FitNotes): 8 sets added, 0 already in the log.\n"
               "Skipped: 1 cardio set (a distance and no load, or over 3 hours).\n"
               "Not in the catalogue, kept under custom ids (1 name, 1 set):\n"
               "  \"Flat Barbell Bench Press\"                1 set   custom:flat-barbell-bench-p...\n"
               "Next: 'lbtrain history back-squat' shows it session by session; 'lbtrain goals' lists the goals, "
               "and 'lbtrain start --goal GOAL' plans from here.\n"
               "New to lbtrain: 'lbtrain assess' asks a few questions and gives the start command that fits you.\n");
  CHECK(log.count("source_file = 'fitnotes.csv'") == 8);
  CHECK(log.count("session = 'fitnotes' AND date = '2024-02-14' AND exercise_id = 'back-squat'") == 2);
  CHECK(log.count("exercise_id = 'plank' AND seconds = 60 AND source_file = 'fitnotes.csv'") == 1);  // "0:01:00"
  CHECK(log.count("note = 'Felt strong, belt on'") == 1);
  CHECK(log.count("exercise_id = 'custom:flat-barbell-bench-press' AND reps = 8 AND load = 60") == 1);
  CHECK(log.count() == 20);
}

TEST_CASE("importing the same file twice adds nothing, and says so", "[log][import]") {
  Log log;
  struct Sample {
    std::string file;
    std::vector<std::string> options;
    std::string name;
    int sets;
  };
  std::vector<Sample> all{{"strong-old.csv", {}, "Strong", 10},
                          {"strong.csv", {"--unit", "kg"}, "Strong", 15},
                          {"hevy.csv", {}, "Hevy", 12},
                          {"fitnotes.csv", {}, "FitNotes", 8}};
  std::int64_t total = 0;
  for (const auto& s : all) {
    INFO(s.file);
    log.clean_import(samples + s.file, s.options);
    total += s.sets;
    REQUIRE(log.count() == total);
    auto entries = log.table_rows("entries");
    auto again = log.clean_import(samples + s.file, s.options);
    CHECK_THAT(again, Catch::StartsWith("Imported " + s.file + " (" + s.name + "): 0 sets added, " +
                                        std::to_string(s.sets) + " already in the log.\n"));
    CHECK(log.count() == total);
    CHECK(log.table_rows("entries") == entries);  // no empty entry for 'log undo' to take back
  }
  CHECK(log.clean({"log", "undo"}).out == "Removed the last entry: import of fitnotes.csv (FitNotes) (8 sets).\n");
  CHECK(log.count() == total - 8);
}

TEST_CASE("a format named with --from overrides the header's, and a wrong one is a clear error", "[log][import]") {
  Log log;
  // A header both Strong's and FitNotes' columns are in: Strong by default, FitNotes with --from.
  std::string both = log.dir + "/both.csv";
  lbtrain::test::write_file(both, "Date,Exercise Name,Set Order,Exercise,Category,Weight (kgs),Reps\n"
                                  "2024-02-12,Deadlift,1,Deadlift,Back,100,5\n");
  CHECK_THAT(log.clean_import(both), Catch::StartsWith("Imported both.csv (Strong): 1 set added"));
  CHECK_THAT(log.clean_import(both, {"--from", "fitnotes"}), Catch::StartsWith("Imported both.csv (FitNotes): 1 set added"));
  CHECK(log.count("session = 'fitnotes'") == 1);
  CHECK(log.count("session LIKE 'strong%'") == 1);

  Log other;
  auto r = other.run({"log", "import", samples + "strong.csv", "--from", "hevy"});
  CHECK(r.exit_code == 3);
  CHECK(r.out.empty());
  CHECK(r.err == "lbtrain: error: " + samples +
                     "strong.csv:1: not a Hevy export: its header needs the columns title,start_time,exercise_title,"
                     "set_index,set_type,weight_kg,reps,distance_km,duration_seconds,rpe; nothing was imported\n");
  r = other.run({"log", "import", samples + "hevy.csv", "--from", "lbtrain"});
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err,
             Catch::Contains("hevy.csv:1: not an lbtrain export: its header needs the columns date,exercise_id,"));
  r = other.run({"log", "import", samples + "hevy.csv", "--from", "csv"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "lbtrain: error: --from: unknown format \"csv\"; allowed: auto, lbtrain, strong, hevy, fitnotes\n");
  CHECK_FALSE(std::filesystem::exists(other.path));  // nothing was even opened
  // A header no reader knows names the formats, on one line.
  std::string notes = other.dir + "/notes.csv";
  lbtrain::test::write_file(notes, "Day,Lift,Sets\n2024-01-01,Deadlift,3x5\n");
  r = other.run({"log", "import", notes});
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::StartsWith("lbtrain: error: " + notes + ":1: not an export lbtrain reads: the header "
                                      "\"Day,Lift,Sets\" is none of lbtrain, Strong, Hevy, FitNotes (give --from"));
  CHECK(lbtrain::test::count(r.err, "\n") == 1);
}

TEST_CASE("with --strict a bad row anywhere fails the import with exit 3 naming FILE:LINE, and the log is unchanged",
          "[log][import]") {
  Log log;
  log.clean_import(samples + "hevy.csv");
  const std::string before = rows(log);
  REQUIRE(log.count() == 12);
  const std::string bad = log.dir + "/bad.csv";
  struct Case {
    std::size_t line;
    std::string row;
    std::string message;
  };
  std::vector<Case> cases{
      {6, "2019-01-11 12:31:54;\"Pull\";\"Romanian Deadlift (Barbell)\";2;sixty;kg;8;;;;0;\"\";\"\";52m",
       ":6: column \"Weight\": \"sixty\": not a number\n"},
      {12, "2019-01-14 18:02:00;\"Legs\";\"Cycling\";1;80;kg;5;11;;;0;\"\";\"\";41m",
       ":12: column \"RPE\": \"11\": RPE is 0 to 10 (reps in reserve are 10 - RPE)\n"},
      {3, "2019-01-11 12:31:54;\"Pull\";\"Deadlift (Barbell)\";X;110;kg;5;8;;;0;\"\";\"\";52m",
       ":3: column \"Set Order\": \"X\": allowed: a set number, W (warm-up), D (drop set), F (failure), Rest Timer or "
       "Note\n"},
      {9, "2019-01-14;\"Legs\";\"Squat (Barbell)\";1;80;stone;5;;;;0;\"\";\"\";41m",
       ":9: column \"Weight Unit\": \"stone\": allowed: kg or lbs\n"},
      {7, "2019-01-11 12:31:54;\"Pull\";\"Back Extension\";1;45;lbs;1001;;;;0;\"\";\"\";52m",
       ":7: column \"Reps\": \"1001\": "},
  };
  for (const auto& c : cases) {
    INFO("line " << c.line << ": " << c.row);
    with_line("strong-old.csv", c.line, c.row, bad);
    auto r = log.run({"log", "import", bad, "--strict"});
    INFO(r.err);
    CHECK(r.exit_code == 3);
    CHECK(r.out.empty());
    CHECK_THAT(r.err, Catch::StartsWith("lbtrain: error: " + bad + ": 1 row cannot be imported, and --strict imports "
                                        "all or nothing; nothing was imported:\n  " + bad + c.message));
    CHECK(log.count() == 12);
    CHECK(log.table_rows("entries") == 1);
  }
  // A quote left open on the last row runs to the end of the file: named at the line it opens on.
  with_line("strong-old.csv", 12, "2019-01-14 18:02:00;\"Legs\";\"Cycling;1;;;;;12;km;1800;;;41m", bad);
  auto r = log.run({"log", "import", bad});
  CHECK(r.exit_code == 3);
  CHECK(r.err == "lbtrain: error: " + bad + ":12: a quoted field is not closed (a \" is missing)\n");
  CHECK(rows(log) == before);
  // The good file still imports in full afterwards.
  CHECK_THAT(log.clean_import(samples + "strong-old.csv"),
             Catch::StartsWith("Imported strong-old.csv (Strong): 10 sets added"));
}

TEST_CASE("log export then log import into a new log gives back the same log, byte for byte", "[log][import][export]") {
  Log log;
  const std::string note =
      "=SUM(A1), \"quoted\"\nline two: Kniebeuge \xE2\x80\x93 gut \xF0\x9F\x92\xAA \xE6\x97\xA5\xE6\x9C\xAC";
  log.clean({"log", "rdl", "8,8,7@62.5kg", "rir", "3,2,1.5", "--date", "2026-01-02", "--note", note});
  log.clean({"log", "back-extension", "2x12@45", "--unit", "lb", "--date", "2026-01-03", "--note", "'quoted first, -1"});
  log.clean({"log", "side-plank", "warmup", "1x20s", "2x30s", "--date", "2026-01-03", "--week", "2", "--day", "3"});
  log.clean({"log", "back-extension", "3x12@22.25kg", "--date", "2026-01-03", "--note", "@home\ttab"});
  log.clean_import(samples + "strong.csv", {"--unit", "kg"});
  for (const char* file : {"strong-old.csv", "hevy.csv", "fitnotes.csv"}) log.clean_import(samples + file);
  const std::int64_t sets = log.count();
  REQUIRE(sets == 3 + 2 + 3 + 3 + 15 + 10 + 12 + 8);
  CHECK(log.count("note = '" + note + "'") == 3);

  std::string exported = log.dir + "/my log.csv";
  CHECK(log.clean({"log", "export", "--format", "csv", "-o", exported}).out.empty());
  std::string csv = lbtrain::test::read_file(exported);
  CHECK(csv.find("\"'=SUM(A1), \"\"quoted\"\"\nline two") != std::string::npos);  // guarded and quoted
  CHECK(csv.find("\"'=HYPERLINK(\"\"http://example.invalid\"\")\"") != std::string::npos);

  Log copy;
  auto out = copy.clean_import(exported);
  CHECK_THAT(out,
             Catch::StartsWith("Imported my log.csv (lbtrain): " + std::to_string(sets) + " sets added, 0 already"));
  CHECK(copy.clean({"log", "export"}).out == csv);
  // Every set; the workouts' notes (strong-old.csv's and hevy.csv's) are not in the CSV, one set a
  // row, so the copy has none (log backup keeps them).
  auto json = nlohmann::json::parse(log.clean({"log", "export", "--format", "json"}).out);
  CHECK(json["session_notes"].size() == 2);
  json.erase("session_notes");
  CHECK(nlohmann::json::parse(copy.clean({"log", "export", "--format", "json"}).out) == json);
  CHECK(rows(copy) == rows(log));  // every value as stored, not only as printed
  CHECK(copy.count("note = '" + note + "'") == 3);
  CHECK(copy.count("note = '''quoted first, -1'") == 2);
  CHECK(copy.count("source = 'program' AND program_week = 2 AND program_day = 3 AND warmup = 1") == 1);
  // Importing the export into the log it came from adds nothing.
  CHECK_THAT(log.clean_import(exported), Catch::Contains(": 0 sets added, " + std::to_string(sets) + " already in the log."));
  CHECK(log.count() == sets);
}

TEST_CASE("files that hold no export: clear errors, exit 3, and no log created", "[log][import]") {
  Log log;
  std::string header_only = log.dir + "/header-only.csv";
  std::string hevy = lbtrain::test::read_file(samples + "hevy.csv");
  lbtrain::test::write_file(header_only, hevy.substr(0, hevy.find('\n') + 1) + "\n\r\n");
  std::string empty = log.dir + "/empty.csv";
  lbtrain::test::write_file(empty, "");
  std::string blank = log.dir + "/blank.csv";
  lbtrain::test::write_file(blank, "\r\n\n");
  struct Case {
    std::string file;
    std::string message;
  };
  std::vector<Case> cases{
      {empty, empty + " is empty: an export starts with its header; nothing was imported\n"},
      {blank, blank + " is empty: an export starts with its header; nothing was imported\n"},
      {"/dev/null", "/dev/null is empty: an export starts with its header; nothing was imported\n"},
      {header_only, header_only + " has a header and no rows: there is nothing to import; nothing was imported\n"},
      {log.dir, "cannot read '" + log.dir + "': it is a directory\n"},
      {log.dir + "/missing.csv", "cannot read '" + log.dir + "/missing.csv': No such file or directory\n"},
  };
  for (const auto& c : cases) {
    auto r = log.run({"log", "import", c.file});
    INFO(c.file << "\n" << r.err);
    CHECK(r.exit_code == 3);
    CHECK(r.out.empty());
    CHECK(r.err == "lbtrain: error: " + c.message);
  }
  CHECK_FALSE(std::filesystem::exists(log.path));
  // A strong export's header alone: the missing --unit is named first, as for a full one.
  std::string strong_header = log.dir + "/strong-header.csv";
  lbtrain::test::write_file(strong_header, "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps\r\n");
  CHECK(log.run({"log", "import", strong_header}).exit_code == 2);
  CHECK(log.run({"log", "import", strong_header, "--unit", "kg"}).exit_code == 3);
  CHECK_FALSE(std::filesystem::exists(log.path));
}

TEST_CASE("custom ids are ASCII ids, distinct for distinct names, and lbtrain CSV holds ids and weeks as the log does",
          "[log][import]") {
  Log log;
  std::string odd = log.dir + "/odd.csv";
  lbtrain::test::write_file(odd, "Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,Seconds,Notes,"
                                 "Workout Notes,RPE\n"
                                 "2024-05-06 07:12:40,W,1h,!!!,1,60,5,0,0,,,\n"
                                 "2024-05-06 07:12:40,W,1h,???,1,60,5,0,0,,,\n"
                                 "2024-05-06 07:12:40,W,1h,Жим лёжа,1,60,5,0,0,,,\n"
                                 "2024-05-06 07:12:40,W,1h,Cable Crunch \xe2\x80\xae,1,60,5,0,0,,,\n");
  log.clean_import(odd, {"--unit", "kg"});
  SQLite::Database db(log.path);
  SQLite::Statement ids(db, "SELECT DISTINCT exercise_id FROM sets");
  std::set<std::string> seen;
  while (ids.executeStep()) {
    std::string id = ids.getColumn(0).getString();
    INFO(id);
    CHECK(std::regex_match(id, std::regex("custom:[a-z0-9]+(-[a-z0-9]+)*")));
    seen.insert(id);
  }
  CHECK(seen.size() == 4);  // "!!!" and "???" do not share one id
  CHECK(seen.count("custom:cable-crunch") == 0);  // the override mark is not dropped silently: hashed

  // lbtrain's own CSV: an id the log could not have written, or a week past 52, names the line.
  std::string exported = log.dir + "/export.csv";
  log.clean({"log", "export", "-o", exported});
  for (const auto& [from, to, column] : std::vector<std::tuple<std::string, std::string, std::string>>{
           {"custom:bbe43c17ca866be2", "Foo Bar!", "exercise_id"}, {"typed", "program:week 60 day 1", "source"}}) {
    std::string text = lbtrain::test::read_file(exported);
    auto at = text.find(from == "typed" ? ",import:" : from);
    REQUIRE(at != std::string::npos);
    if (from == "typed") {
      auto end = text.find(',', at + 1);
      text.replace(at + 1, end - at - 1, to);
    } else {
      text.replace(at, from.size(), to);
    }
    std::string bad = log.dir + "/bad-" + column + ".csv";
    lbtrain::test::write_file(bad, text);
    Log fresh;
    auto r = fresh.run({"log", "import", bad, "--strict"});
    INFO(r.err);
    CHECK(r.exit_code == 3);
    CHECK(r.err.find(":2: column \"" + column + "\"") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(fresh.path));
  }
}
