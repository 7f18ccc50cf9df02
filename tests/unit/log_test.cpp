// The training log's pure parts: the notation, how sets are written, the estimated 1RM, dates
// and CSV as the apps export them, the formula guard that reads back exactly, and the names.

#include "support/helpers.hpp"

#include "log/import/csv_reader.hpp"
#include "log/exercise_index.hpp"
#include "log/exercise_lookup.hpp"
#include "log/import/import_format.hpp"
#include "log/log_csv.hpp"
#include "log/logged_set.hpp"
#include "log/import/name_map.hpp"
#include "log/notation.hpp"

#include "lbtrain/model/error.hpp"
#include "read/embedded.hpp"
#include "model/text_match.hpp"

#include <catch2/catch.hpp>

using namespace lbtrain;
using namespace lbtrain::log;

namespace {

/// The message of the usage Error that parsing `words` throws.
std::string notation_error(const std::vector<std::string>& words) {
  try {
    parse_notation(words);
  } catch (const Error& e) {
    CHECK(e.code() == ExitCode::usage);
    return e.what();
  }
  FAIL("no error for " << join(words, " "));
  return "";
}

LoggedSet set_of(int reps, std::optional<double> load, std::optional<double> rir = std::nullopt) {
  LoggedSet s;
  s.count = reps;
  s.load = load;
  s.rir = rir;
  return s;
}

}  // namespace

TEST_CASE("the notation: sets, loads, units, RIR and warm-ups", "[log][notation]") {
  auto g = parse_notation({"3x12@20kg", "rir4"});
  REQUIRE(g.size() == 1);
  CHECK(g[0].counts == std::vector<int>{12, 12, 12});
  CHECK(g[0].loads == std::vector<double>{20});
  CHECK(g[0].unit == LoadUnit::kg);
  CHECK(g[0].rir == std::vector<double>{4});
  CHECK_FALSE(g[0].kind.has_value());

  g = parse_notation({"8,8,7@60kg", "rir", "3,2,1"});
  CHECK(g[0].counts == std::vector<int>{8, 8, 7});
  CHECK(g[0].rir == std::vector<double>{3, 2, 1});

  g = parse_notation({"3x30s"});
  CHECK(g[0].kind == DoseKind::seconds);
  CHECK(g[0].loads.empty());
  CHECK(parse_notation({"2x10b"})[0].kind == DoseKind::breaths);
  CHECK(parse_notation({"30,30,25s"})[0].counts == std::vector<int>{30, 30, 25});

  g = parse_notation({"3x12", "@", "45", "lb", "rpe8"});
  CHECK(g[0].loads == std::vector<double>{45});
  CHECK(g[0].unit == LoadUnit::lb);
  CHECK(g[0].rir == std::vector<double>{2});

  g = parse_notation({"3x12@22.5"});
  CHECK(g[0].loads == std::vector<double>{22.5});
  CHECK_FALSE(g[0].unit.has_value());  // the default unit applies
  CHECK(parse_notation({"3x12@bw"})[0].loads.empty());
  CHECK(parse_notation({"3x5@60,65,70kg"})[0].loads == std::vector<double>{60, 65, 70});

  g = parse_notation({"warmup 2x5@40kg 3x5@100kg rir2"});  // one word holding several tokens
  REQUIRE(g.size() == 2);
  CHECK(g[0].warmup);
  CHECK_FALSE(g[1].warmup);
  CHECK(g[1].rir == std::vector<double>{2});
  CHECK(g[0].rir.empty());
}

TEST_CASE("the notation names the bad token and what is allowed", "[log][notation]") {
  CHECK_THAT(notation_error({"3xx12"}), Catch::StartsWith("\"3xx12\": \"x12\" is not a count; allowed: NxR (3x12)"));
  CHECK_THAT(notation_error({"-3x12"}), Catch::Contains("\"-3x12\": no negative numbers"));
  CHECK_THAT(notation_error({"3x12@-5kg"}), Catch::Contains("a load is a number with kg or lb"));
  CHECK_THAT(notation_error({"21x5"}), Catch::Contains("21 sets: a group has 1 to 20 sets"));
  CHECK_THAT(notation_error({"3x12", "rir11"}), Catch::Contains("\"rir11\": reps in reserve are 0 to 10"));
  CHECK_THAT(notation_error({"3x12", "rpe12"}), Catch::Contains("RPE is 0 to 10"));
  CHECK_THAT(notation_error({"8,8,7@60,65kg"}), Catch::Contains("2 loads for 3 sets"));
  CHECK_THAT(notation_error({"8,8,7", "rir", "3,2"}), Catch::Contains("2 values for 3 sets"));
  CHECK_THAT(notation_error({"3x12@20stone"}), Catch::Contains("a load is a number with kg or lb"));
  CHECK_THAT(notation_error({"rir4"}), Catch::Contains("\"rir4\": reps in reserve belongs after a group of sets"));
  CHECK_THAT(notation_error({"3x12", "rir"}), Catch::Contains("needs values after it"));
  CHECK_THAT(notation_error({"3x12", "warmup"}), Catch::Contains("marks the sets after it"));
  CHECK_THAT(notation_error({"3x12", "rri4"}), Catch::Contains("not part of the notation"));
  CHECK_THAT(notation_error({"3x12", "wramup"}), Catch::Contains("did you mean \"warmup\"?"));
  CHECK_THAT(notation_error({"3x99999999999"}), Catch::Contains("is too large"));
  CHECK_THAT(notation_error({}), Catch::StartsWith("no sets given"));
  CHECK_THAT(notation_error({"3x12s,b"}), Catch::Contains("not a count"));
  CHECK_THAT(notation_error({"3x12\x1b[31m"}), !Catch::Contains("\x1b"));  // nothing reaches a terminal raw
}

TEST_CASE("limits: reps, seconds, breaths, loads and RIR", "[log][notation]") {
  // What a human can do: 257 back extensions and an hour's plank are real; 877777 reps is a typo.
  CHECK(count_problem(DoseKind::reps, 257).empty());
  CHECK(count_problem(DoseKind::reps, 1000).empty());
  CHECK(count_problem(DoseKind::reps, 877777) == "877777 reps is more than 1000, the most a set can have");
  CHECK(count_problem(DoseKind::seconds, 10800).empty());
  CHECK(count_problem(DoseKind::seconds, 10801) == "10801 seconds is more than 10800, the most a set can have");
  CHECK(count_problem(DoseKind::breaths, 1000).empty());
  CHECK_FALSE(count_problem(DoseKind::breaths, 1001).empty());
  CHECK_FALSE(count_problem(DoseKind::breaths, 0).empty());
  CHECK(load_problem(1000, LoadUnit::kg).empty());
  CHECK_FALSE(load_problem(1000.5, LoadUnit::kg).empty());
  CHECK(load_problem(2205, LoadUnit::lb).empty());
  CHECK(load_problem(2956, LoadUnit::lb) == "2956 lb is more than 2205 lb, the heaviest load lbtrain takes");
  // The database's CHECKs are written from the same constants.
  CHECK(sets_limits_sql().find("reps BETWEEN 1 AND 1000)") != std::string::npos);
  CHECK(sets_limits_sql().find("seconds BETWEEN 1 AND 10800)") != std::string::npos);
  CHECK(sets_limits_sql().find("THEN 1000 ELSE 2205 END") != std::string::npos);
  CHECK_FALSE(load_problem(0, LoadUnit::kg).empty());
  CHECK(rir_problem(10).empty());
  CHECK_FALSE(rir_problem(10.5).empty());
}

TEST_CASE("sets are written in one line, grouped", "[log][text]") {
  std::vector<LoggedSet> sets{set_of(12, 20, 4), set_of(12, 20, 4), set_of(12, 20, 4)};
  CHECK(sets_text(sets) == "3 x 12 @ 20 kg, RIR 4");
  sets = {set_of(8, 60, 3), set_of(8, 60, 2), set_of(7, 60, 1)};
  CHECK(sets_text(sets) == "8, 8, 7 @ 60 kg, RIR 3, 2, 1");
  LoggedSet warm = set_of(5, 40);
  warm.warmup = true;
  sets = {warm, warm, set_of(5, 100), set_of(5, 102.5)};
  CHECK(sets_text(sets) == "warm-up 2 x 5 @ 40 kg; 2 x 5 @ 100, 102.5 kg");
  LoggedSet hold;
  hold.kind = DoseKind::seconds;
  hold.count = 30;
  hold.per_side = true;
  CHECK(sets_text({hold, hold, hold}) == "3 x 30 s per side");
  CHECK(sets_text({set_of(12, std::nullopt)}) == "1 x 12 bodyweight");
  LoggedSet pounds = set_of(10, 135);
  pounds.unit = LoadUnit::lb;
  CHECK(sets_text({set_of(10, 60), pounds}) == "2 x 10 @ 60 kg, 135 lb");
  CHECK(set_text(set_of(8, 60, 1)) == "8 @ 60 kg, RIR 1");
}

TEST_CASE("the estimated 1RM: Epley, with reps in reserve when logged", "[log][e1rm]") {
  CHECK(*estimated_1rm(set_of(10, 100), LoadUnit::kg) == Approx(100 * (1 + 10.0 / 30)));
  CHECK(*estimated_1rm(set_of(8, 100, 2), LoadUnit::kg) == Approx(100 * (1 + 10.0 / 30)));
  CHECK(*estimated_1rm(set_of(1, 150), LoadUnit::kg) == Approx(150));  // a single to failure
  CHECK(*estimated_1rm(set_of(1, 150, 0), LoadUnit::kg) == Approx(150));
  CHECK(*estimated_1rm(set_of(10, 100), LoadUnit::lb) == Approx(100 * (1 + 10.0 / 30) / kg_per_lb));
  CHECK_FALSE(estimated_1rm(set_of(10, std::nullopt), LoadUnit::kg));  // bodyweight
  LoggedSet hold = set_of(60, 10);
  hold.kind = DoseKind::seconds;
  CHECK_FALSE(estimated_1rm(hold, LoadUnit::kg));
}

TEST_CASE("sources read back from their text", "[log][text]") {
  for (const SetSource& s : {SetSource{}, SetSource{SetSource::Kind::import, "strong, 2024.csv", 0, 0},
                             SetSource{SetSource::Kind::program, "", 12, 3}}) {
    auto back = parse_source_text(source_text(s));
    REQUIRE(back);
    CHECK(back->kind == s.kind);
    CHECK(back->file == s.file);
    CHECK(back->week == s.week);
    CHECK(back->day == s.day);
  }
  CHECK_FALSE(parse_source_text("program:week 0 day 1"));
  CHECK_FALSE(parse_source_text("import:"));
  CHECK_FALSE(parse_source_text("typed "));
  CHECK(session_label("strong 17:30:00") == "17:30 (Strong)");
  CHECK(session_label("hevy 07:05") == "07:05 (Hevy)");
  CHECK(session_label("fitnotes") == "(FitNotes)");
}

TEST_CASE("dates and times as the apps write them", "[log][import]") {
  using P = std::pair<std::string, std::string>;
  CHECK(parse_date_time("2024-03-04 18:30:00") == P{"2024-03-04", "18:30:00"});
  CHECK(parse_date_time("2024-03-04 6:30:00 PM") == P{"2024-03-04", "18:30:00"});
  CHECK(parse_date_time("2024-03-04 12:05:00\xE2\x80\xAF" "AM") == P{"2024-03-04", "00:05:00"});
  CHECK(parse_date_time("2024-03-04T07:12") == P{"2024-03-04", "07:12"});
  CHECK(parse_date_time("2024-03-04") == P{"2024-03-04", ""});
  CHECK(parse_date_time("5 Mar 2024, 18:00") == P{"2024-03-05", "18:00"});
  CHECK(parse_date_time("15 Dec 2023, 07:30") == P{"2023-12-15", "07:30"});
  for (const char* bad : {"2024-02-30 10:00:00", "2024-03-04 25:00", "2024-03-04 13:00 PM", "5 Mrz 2024, 18:00",
                          "04/03/2024", "2024-03-04 18:30:00 extra", "", "2024-03-04 18:60"}) {
    INFO(bad);
    CHECK_FALSE(parse_date_time(bad));
  }
}

TEST_CASE("CSV as the apps export it: quotes, line breaks, semicolons, a BOM", "[log][csv]") {
  std::string text = "\xEF\xBB\xBF" "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\n\n1,,3\n";
  CsvReader csv(text, "t.csv", CsvReader::detect_delimiter(text));
  std::vector<std::string_view> f;
  REQUIRE(csv.next(f));
  CHECK(f == std::vector<std::string_view>{"a", "b", "c"});
  REQUIRE(csv.next(f));
  CHECK(csv.line() == 2);
  CHECK(f == std::vector<std::string_view>{"x, y", "say \"hi\"", "two\nlines"});
  REQUIRE(csv.next(f));
  CHECK(csv.line() == 5);  // the record after a quoted line break and a blank line
  CHECK(f == std::vector<std::string_view>{"1", "", "3"});
  CHECK_FALSE(csv.next(f));
  CHECK(CsvReader::detect_delimiter("Date;Workout Name;Exercise Name\n1,5;2") == ';');
  CHECK(CsvReader::detect_delimiter("Date,Exercise;x\n") == ',');

  std::string open = "a,b\n1,\"not closed\n";
  CsvReader bad(open, "t.csv", ',');
  REQUIRE(bad.next(f));
  CHECK_THROWS_WITH(bad.next(f), Catch::StartsWith("t.csv:2: a quoted field is not closed"));
  std::string after = "a\n\"x\"y\n";
  CsvReader junk(after, "t.csv", ',');
  REQUIRE(junk.next(f));
  CHECK_THROWS_WITH(junk.next(f), Catch::Contains("text after the closing quote"));
}

TEST_CASE("CSV read from a file in chunks: records across chunk ends, a long field cut and said", "[log][csv]") {
  // Fields that straddle the reader's 64 KB chunks read as in memory; a field over
  // max_field_bytes keeps its first bytes and is listed with its whole length, and the record
  // after it reads as usual.
  const std::size_t cap = CsvReader::max_field_bytes;
  std::string quoted = "say \"\"hi\"\"\n" + std::string(70000, 'q');  // over the cap, across a chunk end
  std::string row;
  for (int i = 0; i < 5; ++i) row += std::string(13000, 'x') + ",";  // the quoted field starts 65,011 bytes in
  std::string text = "a,b\r\n" + row + "\"" + quoted + "\"\r\n" + "1,\"two\nlines\"\n" + "last," +
                     std::string(cap, 'z') + "\n";
  std::string file = test::temp_dir() + "/chunks.csv";
  test::write_file(file, text);
  ByteSource source = ByteSource::from_file(file);
  CsvReader csv(source, ',');
  std::vector<std::string_view> f;
  REQUIRE(csv.next(f));
  CHECK(f == std::vector<std::string_view>{"a", "b"});
  REQUIRE(csv.next(f));
  CHECK(csv.line() == 2);
  REQUIRE(f.size() == 6);
  CHECK(f[4] == std::string(13000, 'x'));
  CHECK(csv.overlong() == std::vector<std::pair<std::size_t, std::size_t>>{{5, 70000 + 9}});
  CHECK(f[5].size() == cap);
  CHECK(f[5].substr(0, 9) == "say \"hi\"\n");
  REQUIRE(csv.next(f));
  CHECK(csv.line() == 4);  // the line break inside the quoted field counted
  CHECK(f == std::vector<std::string_view>{"1", "two\nlines"});
  CHECK(csv.overlong().empty());
  REQUIRE(csv.next(f));
  CHECK(csv.line() == 6);
  CHECK(f[1].size() == cap);  // exactly the cap: kept whole, not listed
  CHECK(csv.overlong().empty());
  CHECK(csv.done());
  CHECK_FALSE(csv.next(f));
}

TEST_CASE("the formula guard reads back exactly", "[log][csv]") {
  for (std::string text : {"=SUM(A1)", "+1", "-x", "@me", "'quoted", "''twice", "plain", "", "\ttab", "a,b \"c\"", "two\nlines", "\rcr"}) {
    std::string cell = guarded_field(text);
    INFO(text << " -> " << cell);
    if (!text.empty() && std::string("=+-@\t\r").find(text[0]) != std::string::npos) CHECK(cell.find('\'') <= 1);
    std::string file = cell + ",next\n";  // as in a row: an empty cell alone would be a blank line
    CsvReader csv(file, "t.csv", ',');
    std::vector<std::string_view> f;
    REQUIRE(csv.next(f));
    REQUIRE(f.size() == 2);
    CHECK(std::string(read_guarded(f[0])) == text);
  }
}

TEST_CASE("exercises by id, alias or name, in any case and spacing", "[log][names]") {
  const Catalogue& c = test::builtin().catalogue;
  CHECK(find_exercise(c, "back-extension").id == "back-extension");
  CHECK(find_exercise(c, "Back Extension").id == "back-extension");
  CHECK(find_exercise(c, "rdl").id == "romanian-deadlift");
  CHECK(find_exercise(c, "Romanian deadlift (barbell)").id == "romanian-deadlift");
  CHECK(find_exercise(c, "romanian deadlift").id == "romanian-deadlift");
  CHECK_THROWS_WITH(find_exercise(c, "back-extenson"), Catch::Contains("did you mean \"back-extension\"?"));
  CHECK(match_key("  Deadlift (Barbell) ") == "deadlift-barbell");
}

TEST_CASE("the compiled-in exercise index is the built-in catalogue", "[log][names]") {
  Catalogue index = builtin_log_catalogue();
  const Catalogue& full = test::builtin().catalogue;
  REQUIRE(index.exercises.size() == full.exercises.size());
  for (std::size_t i = 0; i < full.exercises.size(); ++i) {
    const Exercise& a = index.exercises[i];
    const Exercise& b = full.exercises[i];
    INFO(b.id);
    CHECK(a.id == b.id);
    CHECK(a.name == b.name);
    CHECK(a.aliases == b.aliases);
    CHECK(a.dose.kind == b.dose.kind);
    CHECK(a.per_side == b.per_side);
  }
}

TEST_CASE("the app name mapping: every entry is an exercise, names resolve, others go custom", "[log][names]") {
  const auto& map = builtin_name_map();
  CHECK(map.size() >= 30);
  const Catalogue& c = test::builtin().catalogue;
  NameResolver names(map, c);
  struct Case {
    const char* name;
    const char* id;
  };
  for (auto [name, id] : {Case{"Back Extension", "back-extension"}, Case{"Back Extension (Hyperextension)", "back-extension"},
                          Case{"Romanian Deadlift (Barbell)", "romanian-deadlift"}, Case{"Good Morning (Barbell)", "good-morning"},
                          Case{"Deadlift (Barbell)", "deadlift"}, Case{"Plank", "plank"}, Case{"Side Plank", "side-plank"},
                          Case{"Squat (Barbell)", "back-squat"}, Case{"Barbell Squat", "back-squat"},
                          Case{"Leg Press (Machine)", "leg-press"}, Case{"Hip Thrust (Barbell)", "custom:hip-thrust"},
                          Case{"Lying Leg Curl Machine", "hamstring-curl"},  // FitNotes' spelling, same key
                          Case{"Superman", "superman"},                       // the catalogue's own name
                          Case{"Supermans", "superman"}, Case{"Good Mornings", "good-morning"},  // plurals
                          Case{"Barbell Hip Thrust", "custom:hip-thrust"},  // the words in another order
                          Case{"Crunches", "custom:crunches"},
                          Case{"Bench Press (Barbell)", "custom:bench-press-barbell"}}) {
    INFO(name);
    CHECK(names.resolve(name).id == id);
  }
  CHECK(names.resolve("Bench Press (Barbell)").exercise == nullptr);
  CHECK(names.resolve("Hip Thrust (Barbell)").exercise == nullptr);  // not the bodyweight glute bridge
  CHECK(words_key("Hip Thrust (Barbell)") == "barbell-hip-thrust");
  CHECK(words_key("Lateral Band Walks") == "band-lateral-walk");
  CHECK(words_key("Leg Press") == "leg-press");  // "press" is one press
  CHECK(words_key("Crunches") == "crunch");
  // A bad mapping fails naming the entry.
  CHECK_THROWS_WITH(parse_name_map(R"({"format": "lbtrain-log-names", "version": 1, "names": [
      {"name": "X", "id": "no-such", "apps": ["strong"], "source": "s", "why": "w"}]})", "m.json", c),
                    Catch::Contains("m.json: /names/0/id: \"no-such\" is not an exercise"));
  CHECK_THROWS_WITH(parse_name_map(R"({"format": "lbtrain-log-names", "version": 1, "names": [
      {"name": "X", "id": "plank", "apps": ["strong"], "source": "s", "why": "w"},
      {"name": "x", "id": "plank", "apps": ["hevy"], "source": "s", "why": "w"}]})", "m.json", c),
                    Catch::Contains("is mapped already"));
  CHECK_THROWS_WITH(parse_name_map(R"({"format": "lbtrain-log-names", "version": 1, "names": [
      {"name": "X", "id": "plank", "apps": ["strong"], "source": "s"}]})", "m.json", c),
                    Catch::Contains("/names/0/why: a non-empty string is required"));
}
