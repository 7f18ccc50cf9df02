// `lbtrain log import` on the dialects real exports come in (issue 24), end to end with the real
// binary: typos skipped and listed (or refused with --strict), rows with a field too many or too
// few, FitNotes' unquoted commas, Strong's Note and Rest Timer rows and its oldest header,
// loaded carries, Strong's header and Hevy's months in every language of
// data/import/export-languages.json, names in other words, loads as written, a --unit that
// contradicts the file. The fixtures in tests/data/log/ are written for these tests.

#include "support/helpers.hpp"
#include "support/log_fixture.hpp"

#include "lbtrain/model/error.hpp"
#include "log/import/export_languages.hpp"

#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <nlohmann/json.hpp>

#include <filesystem>

using lbtrain::test::run_lbtrain;
using lbtrain::test::RunResult;

using lbtrain::test::Log;

namespace {

const std::string samples = std::string(LBTRAIN_SOURCE_DIR) + "/tests/data/log/";

}  // namespace

TEST_CASE("rows beyond a limit or not a set are skipped and listed, the rest imported, exit 0", "[log][import][dialects]") {
  Log log;
  auto r = log.import(samples + "strong-typos.csv", {"--unit", "lb"});
  const std::string file = samples + "strong-typos.csv";
  CHECK(r.err == "lbtrain: warning: " + file +
                     ":3: column \"Weight\": \"2956\": 2956 lb is more than 2205 lb, the heaviest load lbtrain takes; "
                     "the row was skipped\n"
                     "lbtrain: warning: " + file +
                     ":6: column \"Reps\": \"877777\": 877777 reps is more than 1000, the most a set can have; the row "
                     "was skipped\n"
                     "lbtrain: warning: " + file +
                     ":8: column \"Weight\": \"ninety-five\": not a number; the row was skipped\n");
  CHECK_THAT(r.out, Catch::StartsWith("Imported strong-typos.csv (Strong): 5 sets added, 0 already in the log.\n"
                                      "Skipped: 3 rows that cannot be imported (each named in a warning).\n"));
  // What a human can do is kept: 257 back extensions, 112 calf raises, a two-hour plank.
  CHECK(log.count() == 5);
  CHECK(log.count("exercise_id = 'back-extension' AND reps = 257 AND load IS NULL") == 1);
  CHECK(log.count("exercise = 'Calf Raise (Machine)' AND reps = 112 AND load = 90 AND unit = 'lb'") == 1);
  CHECK(log.count("exercise_id = 'plank' AND seconds = 7200") == 1);
  CHECK(log.count("exercise_id = 'deadlift' AND load = 315") == 2);
  CHECK(log.count("reps = 877777 OR load = 2956") == 0);

  // --strict: all or nothing, every bad row listed, exit 3, no log made.
  Log strict;
  auto s = strict.run({"log", "import", file, "--unit", "lb", "--strict"});
  CHECK(s.exit_code == 3);
  CHECK(s.out.empty());
  CHECK(s.err == "lbtrain: error: " + file +
                     ": 3 rows cannot be imported, and --strict imports all or nothing; nothing was imported:\n  " +
                     file + ":3: column \"Weight\": \"2956\": 2956 lb is more than 2205 lb, the heaviest load lbtrain "
                     "takes\n  " + file +
                     ":6: column \"Reps\": \"877777\": 877777 reps is more than 1000, the most a set can have\n  " +
                     file + ":8: column \"Weight\": \"ninety-five\": not a number\n");
  CHECK_FALSE(std::filesystem::exists(strict.path));
  // A clean file imports with --strict as without.
  CHECK_THAT(strict.import(samples + "strong.csv", {"--unit", "kg", "--strict"}).out,
             Catch::StartsWith("Imported strong.csv (Strong): 15 sets added"));
}

TEST_CASE("a row with more or fewer fields than the header is an error naming the line and both counts",
          "[log][import][dialects]") {
  Log log;
  std::string bad = log.dir + "/fields.csv";
  lbtrain::test::write_file(bad, "Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time,Comment\n"
                                 "2024-04-01,Deadlift,Back,120.0,5,,,,\n"
                                 "2024-04-01,Deadlift,Back,120.0,5,,,,,\n");
  auto r = log.run({"log", "import", bad});
  CHECK(r.exit_code == 3);
  CHECK(r.err == "lbtrain: error: " + bad +
                     ":3: line 3 has 10 fields, the header has 9 (a field holding a ',' must be quoted); nothing was "
                     "imported\n");
  lbtrain::test::write_file(bad, "Date,Exercise,Category,Weight (kgs),Reps,Distance,Distance Unit,Time,Comment\n"
                                 "2024-04-01,Deadlift,Back,120.0,5\n");
  r = log.run({"log", "import", bad, "--strict"});
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains(":2: line 2 has 5 fields, the header has 9"));
  CHECK_FALSE(std::filesystem::exists(log.path));
}

TEST_CASE("FitNotes' unquoted commas in a name are mended and said, loaded carries kept", "[log][import][dialects]") {
  Log log;
  auto r = log.import(samples + "fitnotes-commas.csv");
  CHECK(r.err.empty());
  CHECK(r.out == "Imported fitnotes-commas.csv (FitNotes): 4 sets added, 0 already in the log.\n"
                 "Skipped: 1 loaded carry with a distance but no time or reps (the log holds no distance alone).\n"
                 "Mended 2 rows whose exercise name holds an unquoted comma, as FitNotes writes it (lines 2, 3).\n"
                 "Loaded carries kept (a load and a distance: core work, not cardio), the distance in the note: 1.\n"
                 "Not in the catalogue, kept under custom ids (2 names, 3 sets):\n"
                 "  \"Farmer's Walk\"                           1 set   custom:farmer-s-walk\n"
                 "  \"Overhead Press (Each Side, Dumbb...      2 sets  custom:overhead-press-each-...\n"
                 "Next: 'lbtrain history deadlift' shows it session by session; 'lbtrain goals' lists the goals, and "
                 "'lbtrain start --goal GOAL' plans from here.\n"
               "New to lbtrain: 'lbtrain assess' asks a few questions and gives the start command that fits you.\n");
  CHECK(log.count("exercise = 'Overhead Press (Each Side, Dumbbells)' AND load = 20") == 2);
  CHECK(log.count("exercise = 'Farmer''s Walk' AND seconds = 35 AND load = 40 AND note = 'carried 30 m'") == 1);
  CHECK(log.count("exercise = 'Suitcase Carry'") == 0);
}

TEST_CASE("Strong's newest export: Note rows put on their exercise's sets, Rest Timers skipped, both counted",
          "[log][import][dialects]") {
  Log log;
  auto r = log.import(samples + "strong-newest.csv", {"--unit", "kg"});
  CHECK_THAT(r.out, Catch::StartsWith("Imported strong-newest.csv (Strong): 4 sets added, 0 already in the log.\n"
                                      "Skipped: 2 rest timers, 2 exercise note rows (each note put on its exercise's "
                                      "sets).\n"));
  CHECK(log.count() == 4);
  // The note before the sets and the note after them both reach every set; a set's own note follows.
  CHECK(log.count("exercise_id = 'deadlift' AND set_number = 1 AND note = 'Belt from the second set on'") == 1);
  CHECK(log.count("exercise_id = 'deadlift' AND set_number = 2 AND note = 'Belt from the second set on\ngrip went'") ==
        1);
  // A literal \n in the note is a line break.
  CHECK(log.count("exercise_id = 'back-extension' AND note = 'Hips on the pad\nslow down'") == 1);
  // A date with no time: the session is "strong", with no trailing space.
  CHECK(log.count("date = '2025-02-12' AND session = 'strong'") == 1);
  CHECK(log.count("session LIKE '% '") == 0);
}

TEST_CASE("Strong's oldest export: the unit as the column's name, sets from 0, carries kept", "[log][import][dialects]") {
  Log log;
  auto r = log.import(samples + "strong-oldest-kg.csv");
  CHECK_THAT(r.out, Catch::StartsWith("Imported strong-oldest-kg.csv (Strong): 4 sets added, 0 already in the log.\n"
                                      "Skipped: 1 cardio set (a distance and no load, or over 3 hours).\n"
                                      "Loaded carries kept (a load and a distance: core work, not cardio), the "
                                      "distance in the note: 1.\n"));
  CHECK(log.count("exercise_id = 'deadlift' AND unit = 'kg'") == 2);
  CHECK(log.count("exercise_id = 'deadlift' AND set_number = 1 AND load = 100") == 1);  // Set Order 0
  CHECK(log.count("exercise = 'Farmer''s Walk' AND seconds = 45 AND load = 32 AND note = 'handles\ncarried 0.04 km'") ==
        1);
  CHECK(log.count("exercise_id = 'plank' AND seconds = 60") == 1);

  r = log.import(samples + "strong-oldest-lb.csv");
  CHECK(log.count("exercise_id = 'romanian-deadlift' AND unit = 'lb' AND load IN (135, 155)") == 2);
  CHECK(log.count("exercise = 'Suitcase Carry' AND load = 70 AND unit = 'lb' AND note = 'carried 0.05 mi'") == 1);
  // A --unit that contradicts the file's stated unit is an error, not ignored.
  Log other;
  auto bad = other.run({"log", "import", samples + "strong-oldest-lb.csv", "--unit", "kg"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err == "lbtrain: error: --unit kg contradicts " + samples +
                       "strong-oldest-lb.csv: its column \"lbs\" says the weights are in lb; leave --unit out\n");
  bad = other.run({"log", "import", samples + "hevy.csv", "--unit", "lb"});
  CHECK(bad.exit_code == 2);
  CHECK_THAT(bad.err, Catch::Contains("its column \"weight_kg\" says the weights are in kg"));
  CHECK_FALSE(std::filesystem::exists(other.path));
}

TEST_CASE("Strong's header in every language of the table imports as the English one", "[log][import][dialects]") {
  auto table = nlohmann::json::parse(lbtrain::test::read_file(std::string(LBTRAIN_SOURCE_DIR) +
                                                              "/data/import/export-languages.json"));
  REQUIRE(table["languages"].size() >= 13);
  for (const auto& language : table["languages"]) {
    std::string code = language["code"];
    INFO(code);
    std::string file = code == "en" ? "strong.csv" : "strong-" + code + ".csv";
    REQUIRE(std::filesystem::exists(samples + file));  // every language has a fixture
    Log log;
    auto r = log.import(samples + file, {"--unit", "kg"});
    CHECK_THAT(r.out, Catch::StartsWith("Imported " + file + " (Strong): "));
    if (code == "en") continue;
    CHECK(log.count() == 2);
    CHECK(log.count("exercise_id = 'deadlift' AND reps = 5 AND load = 100 AND unit = 'kg' AND rir = 2 AND "
                    "date = '2025-03-04' AND session = 'strong 18:30:00'") == 1);
    CHECK(log.count("exercise_id = 'plank' AND seconds = 60") == 1);
  }
  // A header in a language the table lacks says what it looks like and what works.
  Log log;
  std::string swedish = log.dir + "/sv.csv";
  lbtrain::test::write_file(swedish, "Datum,Passnamn,Varaktighet,Övningsnamn,Setordning,Vikt,Reps,Distans,Sekunder,"
                                     "Anteckningar,Träningsanteckningar,RPE\n"
                                     "2025-03-04 18:30:00,Pass,1h,Marklyft,1,100,5,0,0,,,8\n");
  auto r = log.run({"log", "import", swedish, "--unit", "kg"});
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.err, Catch::Contains("it looks like a Strong export in a language or version lbtrain does not know: "
                                    "export it again with Strong set to English, which lbtrain reads"));
}

TEST_CASE("Hevy's start_time with the month in every language of the table", "[log][import][dialects]") {
  Log log;
  auto r = log.import(samples + "hevy-months.csv");
  CHECK_THAT(r.out, Catch::StartsWith("Imported hevy-months.csv (Hevy): 16 sets added, 0 already in the log.\n"));
  // One row per language, each a different month; then Turkish Kas, Ağu and Şub as seen in real exports.
  std::vector<std::string> dates{"2025-01-10", "2025-06-11", "2025-11-12", "2025-04-13", "2025-09-14", "2025-02-15",
                                 "2025-07-16", "2025-12-17", "2025-05-18", "2025-04-19", "2025-03-20", "2025-08-21",
                                 "2025-01-22", "2024-11-20", "2024-08-21", "2024-02-22"};
  for (const auto& date : dates) {
    INFO(date);
    CHECK(log.count("date = '" + date + "'") == 1);
  }
}

TEST_CASE("names as lifters write them: plurals, word order, the barbell hip thrust, and loads as written",
          "[log][import][dialects]") {
  Log log;
  auto r = log.import(samples + "hevy-names.csv");
  CHECK(log.count("exercise = 'Good Mornings' AND exercise_id = 'good-morning'") == 1);
  CHECK(log.count("exercise = 'Back Extensions' AND exercise_id = 'back-extension'") == 1);
  CHECK(log.count("exercise = 'Supermans' AND exercise_id = 'superman'") == 1);
  CHECK(log.count("exercise = 'Planks' AND exercise_id = 'plank' AND seconds = 60") == 1);
  // A barbell hip thrust is not the bodyweight glute bridge; both word orders are one exercise.
  CHECK(log.count("exercise_id = 'glute-bridge'") == 0);
  CHECK(log.count("exercise_id = 'custom:hip-thrust'") == 2);
  // 37.49999999999999 in the file is the 37.5 lb the lifter entered.
  CHECK(log.text("SELECT quote(load) FROM sets WHERE exercise = 'Hip Thrust (Barbell)'") == "37.5");
  // The Farmers Walk has a load and a distance but no time: counted, not cardio.
  CHECK_THAT(r.out, Catch::Contains("Skipped: 1 loaded carry with a distance but no time or reps"));
  CHECK_THAT(r.out, Catch::Contains("  \"Barbell Hip Thrust\"                      1 set   custom:hip-thrust\n"
                                    "  \"Hip Thrust (Barbell)\"                    1 set   custom:hip-thrust\n"));
}

TEST_CASE("the languages table: every month of every language, and a name that stands for two things refused",
          "[log][import][dialects]") {
  using namespace lbtrain::log;
  const auto& table = builtin_export_languages();
  CHECK(table.codes.size() >= 13);
  CHECK(month_number("Nis") == 4);
  CHECK(month_number("janv.") == 1);
  CHECK(month_number("Ağu") == 8);
  CHECK(month_number("12월") == 12);
  CHECK(month_number("Mon") == std::nullopt);
  CHECK(english_column("Nom de l\u2019exercice") == "Exercise Name");  // a typographic apostrophe
  CHECK(english_column("设置顺序") == "Set Order");
  CHECK(english_column("Comment") == "Comment");
  auto months = [](const std::string& first) {
    std::string list = "[[\"" + first + "\"]";
    for (int m = 2; m <= 12; ++m) list += ",[\"m" + std::to_string(m) + "\"]";
    return list + "]";
  };
  auto doc = [&](const std::string& columns, const std::string& first_month) {
    return R"({"format": "lbtrain-export-languages", "version": 1, "languages": [{"code": "xx", "name": "X",
      "strong": {"columns": )" + columns + R"(, "seen": [], "source": "s"},
      "hevy": {"months": )" + months(first_month) + R"(, "seen": [], "source": "s"}}]})";
  };
  CHECK_NOTHROW(parse_export_languages(doc(R"({"Date": "D"})", "m1"), "t.json"));
  CHECK_THROWS_WITH(parse_export_languages(doc(R"({"Date": "D", "Reps": "D"})", "m1"), "t.json"),
                    Catch::Contains("\"D\" stands for \"Date\" already"));
  CHECK_THROWS_WITH(parse_export_languages(doc(R"({"Date": "D"})", "m2"), "t.json"),
                    Catch::Contains("\"m2\" is month 1 already"));
  CHECK_THROWS_WITH(parse_export_languages(doc(R"({"Category": "C"})", "m1"), "t.json"),
                    Catch::Contains("\"Category\" is not a column of Strong's export"));
}

TEST_CASE("a set in pounds and one of the same number in kilograms are two sets, not one already in the log",
          "[log][import][dialects]") {
  Log log;
  const std::string header = "Date;Workout Name;Exercise Name;Set Order;Weight;Weight Unit;Reps;RPE;Distance;"
                             "Distance Unit;Seconds;Notes;Workout Notes;Workout Duration\n";
  std::string pounds = log.dir + "/pounds.csv", kilograms = log.dir + "/kilograms.csv";
  lbtrain::test::write_file(pounds, header + "2019-01-11 12:31:54;\"Pull\";\"Deadlift (Barbell)\";1;100;lbs;5;;;;0;\"\";\"\";52m\n");
  lbtrain::test::write_file(kilograms, header + "2019-01-11 12:31:54;\"Pull\";\"Deadlift (Barbell)\";1;100;kg;5;;;;0;\"\";\"\";52m\n");
  CHECK_THAT(log.import(pounds).out, Catch::StartsWith("Imported pounds.csv (Strong): 1 set added, 0 already in the log."));
  CHECK_THAT(log.import(kilograms).out,
             Catch::StartsWith("Imported kilograms.csv (Strong): 1 set added, 0 already in the log."));
  CHECK(log.count("exercise_id = 'deadlift' AND load = 100") == 2);
  CHECK_THAT(log.import(kilograms).out,
             Catch::StartsWith("Imported kilograms.csv (Strong): 0 sets added, 1 already in the log."));
}

TEST_CASE("a --unit that contradicts the unit written on a row is an error naming the line", "[log][import][dialects]") {
  // Strong's old export and FitNotes' newer one give each row's unit; --unit was silently ignored.
  Log log;
  const std::string strong = samples + "strong-old.csv";
  auto r = log.run({"log", "import", strong, "--unit", "lb"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "lbtrain: error: --unit lb contradicts " + strong +
                     ":2: its column \"Weight Unit\" says this row's weight is in kg; leave --unit out\n");
  // The file has a row in pounds too (line 7): --unit kg contradicts that one.
  r = log.run({"log", "import", strong, "--unit", "kg"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains(strong + ":7: its column \"Weight Unit\" says this row's weight is in lb"));
  CHECK_FALSE(std::filesystem::exists(log.path));

  std::string fitnotes = log.dir + "/fitnotes.csv";
  lbtrain::test::write_file(fitnotes, "Date,Exercise,Category,Weight,Weight Unit,Reps,Distance,Distance Unit,Time,Comment\n"
                                      "2024-04-01,Deadlift,Back,100.0,kgs,5,,,,\n"
                                      "2024-04-01,Plank,Abs,,,,,,0:01:00,\n");
  r = log.run({"log", "import", fitnotes, "--unit", "lb"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "lbtrain: error: --unit lb contradicts " + fitnotes +
                     ":2: its column \"Weight Unit\" says this row's weight is in kg; leave --unit out\n");
  // A --unit that agrees with every row is no contradiction.
  CHECK_THAT(log.import(fitnotes, {"--unit", "kg"}).out, Catch::StartsWith("Imported fitnotes.csv (FitNotes): 2 sets added"));

  // lbtrain's own export gives each set's unit too.
  std::string own = log.dir + "/own.csv";
  log.run({"log", "export", "-o", own});
  Log other;
  r = other.run({"log", "import", own, "--unit", "lb"});
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains(own + ":2: its column \"unit\" says this row's weight is in kg"));
}

TEST_CASE("a workout's own note is kept once on its session, not on its sets, and the JSON export lists it",
          "[log][import][dialects]") {
  // Strong's "Workout Notes" and Hevy's "description", repeated on every row of the workout.
  Log log;
  auto r = log.import(samples + "strong-workout-notes.csv", {"--unit", "kg"});
  CHECK_THAT(r.out, Catch::Contains("\nWorkout notes kept on their session ('lbtrain log export --format json' lists "
                                    "them): 1.\n"));
  r = log.import(samples + "hevy-description.csv");
  CHECK_THAT(r.out, Catch::Contains("\nWorkout notes kept on their session ('lbtrain log export --format json' lists "
                                    "them): 1.\n"));
  SQLite::Database db(log.path);
  CHECK(db.execAndGet("SELECT count(*) FROM session_notes").getInt() == 2);
  CHECK(log.count("note LIKE '%stiff%' OR note LIKE '%Short on time%'") == 0);  // not copied onto the sets
  CHECK(log.count("exercise_id = 'deadlift' AND set_number = 2 AND note = 'belt'") == 1);
  // A literal \n is a line break, as in a set's note.
  CHECK(log.text("SELECT note FROM session_notes WHERE date = '2025-03-03' AND session = 'strong 07:00:00'") ==
        "Back stiff in the morning\nwarmed up longer");
  CHECK(log.text("SELECT note FROM session_notes WHERE date = '2025-03-07' AND session = 'hevy 18:00'") ==
        "Short on time, skipped the last block");

  auto exported = nlohmann::json::parse(log.run({"log", "export", "--format", "json"}).out);
  REQUIRE(exported["session_notes"].size() == 2);
  CHECK(exported["session_notes"][0] == nlohmann::json{{"date", "2025-03-03"},
                                                       {"session", "strong 07:00:00"},
                                                       {"note", "Back stiff in the morning\nwarmed up longer"}});
  // Importing again adds nothing, and no entry; undoing the import takes its note back with it.
  CHECK_THAT(log.import(samples + "hevy-description.csv").out,
             Catch::StartsWith("Imported hevy-description.csv (Hevy): 0 sets added, 2 already in the log.\n"));
  CHECK(db.execAndGet("SELECT count(*) FROM session_notes").getInt() == 2);
  REQUIRE(log.run({"log", "undo"}).exit_code == 0);
  CHECK(db.execAndGet("SELECT count(*) FROM session_notes").getInt() == 1);
  // A log without workout notes exports no session_notes at all.
  Log plain;
  plain.import(samples + "fitnotes.csv");
  CHECK_FALSE(nlohmann::json::parse(plain.run({"log", "export", "--format", "json"}).out).contains("session_notes"));
}
