// Output read back by real parsers nobody here wrote: Python's csv module, the icalendar
// package, cmark-gfm, and Chromium printing the HTML to PDF (read with pdfinfo/pdftotext).
// CTest installs them first when they are missing (tests/tools/ensure-test-tools).

#include "support/helpers.hpp"
#include "support/pdf.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <regex>
#include <sstream>

using namespace lbtrain;
using nlohmann::json;

namespace {

const std::string tools = std::string(LBTRAIN_SOURCE_DIR) + "/tests/tools/";

/// Runs lbtrain and writes its output to `dir`/`name`; returns the path.
std::string plan_to_file(const std::string& dir, const std::string& name, std::vector<std::string> args) {
  args.insert(args.begin(), "plan");
  auto r = test::run_lbtrain(args);
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::string path = dir + "/" + name;
  test::write_file(path, r.out);
  return path;
}

json run_reader(const std::string& script, const std::string& file) {
  auto r = test::run_program("/usr/bin/python3", {tools + script, file});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  return json::parse(r.out);
}

/// The hostile name given to every exercise: markup, a formula, table and CSV separators,
/// quotes, a newline, a terminal escape and non-ASCII text.
std::string hostile_name(const std::string& id) {
  return "=HYPERLINK(\"http://evil.example\",\"x\") <script>alert(1)</script> | a,b \"q\"\nnext line "
         "\xC3\x9C" "bung \xE2\x9C\x93 \x1b[31m" + id;
}

/// The built-in catalogue with every name and first cue replaced by hostile text.
std::string hostile_catalogue(const std::string& dir) {
  json catalogue = json::parse(test::read_file(std::string(LBTRAIN_SOURCE_DIR) + "/data/exercises.json"));
  for (auto& e : catalogue["exercises"]) {
    e["name"] = hostile_name(e["id"]);
    e["cues"][0] = "<img src=x onerror=alert(2)> | `code` *bold* & \"cue\"";
  }
  std::string path = dir + "/hostile.json";
  test::write_file(path, catalogue.dump(2));
  return path;
}

}  // namespace

TEST_CASE("CSV read back by Python's csv module: a row per set, dates, every field", "[readback][csv]") {
  std::string dir = test::temp_dir();
  std::string file = plan_to_file(dir, "plan.csv", {"--goal", "lockout", "--weeks", "4", "--format", "csv", "--start", "2026-11-23"});
  json rows = run_reader("read_csv.py", file);
  json plan = json::parse(test::run_lbtrain({"plan", "--goal", "lockout", "--weeks", "4", "--format", "json"}).out);
  std::size_t sets = 0;
  for (const auto& week : plan["weeks"]) {
    for (const auto& session : week["sessions"]) {
      for (const auto& block : session["blocks"]) {
        for (const auto& item : block["items"]) sets += item["sets"].get<std::size_t>();
      }
    }
  }
  REQUIRE(rows.size() == sets + 1);
  CHECK(rows[0][0] == "week");
  CHECK(rows[0].size() == 19);
  CHECK(rows[0][16] == "safety");
  for (std::size_t i = 1; i < rows.size(); ++i) CHECK(rows[i].size() == 19);
  // Week 4, the back extension: 3 sets of 15 at 0-2 reps in reserve (what the week-1 load
  // leaves by then), on 2026-12-14, with its safety cues.
  int found = 0;
  for (const auto& row : rows) {
    if (row[0] == "4" && row[5] == "back-extension") {
      ++found;
      CHECK(row[2] == "2026-12-14");
      CHECK(row[8] == "15");
      CHECK(row[9] == "reps");
      CHECK(row[11] == "0");
      CHECK(row[12] == "2");
      CHECK(row[15] == "same load as week 1");
      CHECK(row[16].get<std::string>().find("Stop short of the point where the lower back starts to round.") !=
            std::string::npos);
    }
  }
  CHECK(found == 3);
}

TEST_CASE("iCalendar read back by the icalendar package: an event per session on its date", "[readback][ics]") {
  std::string dir = test::temp_dir();
  std::string file = plan_to_file(dir, "plan.ics", {"--goal", "lordosis", "--weeks", "2", "--format", "ics", "--start",
                                                   "2026-11-25", "--on", "mon,wed,fri"});
  json cal = run_reader("read_ics.py", file);
  CHECK(cal["version"] == "2.0");
  auto& events = cal["events"];
  REQUIRE(events.size() == 6);
  std::vector<std::string> starts, uids;
  for (const auto& e : events) {
    starts.push_back(e["start"]);
    uids.push_back(e["uid"]);
    CHECK(e["all_day"] == true);
    CHECK(e["description"].get<std::string>().find("\nMain:\n- ") != std::string::npos);
  }
  CHECK(starts == std::vector<std::string>{"2026-11-25", "2026-11-27", "2026-11-30", "2026-12-02", "2026-12-04", "2026-12-07"});
  std::sort(uids.begin(), uids.end());
  CHECK(std::unique(uids.begin(), uids.end()) == uids.end());
  CHECK(events[0]["summary"] == "Lordosis (anterior pelvic tilt): Week 1 of 2, day 1");

  std::string timed = plan_to_file(dir, "timed.ics", {"--goal", "lockout", "--weeks", "1", "--format", "ics", "--start", "2026-11-23", "--at", "18:30"});
  json t = run_reader("read_ics.py", timed);
  REQUIRE(t["events"].size() == 1);
  CHECK(t["events"][0]["start"] == "2026-11-23T18:30:00");
  CHECK(t["events"][0]["duration_minutes"].get<int>() > 20);
}

TEST_CASE("HTML printed by Chromium: one week per page, then the notes", "[readback][html]") {
  std::string dir = test::temp_dir();
  std::string html = plan_to_file(dir, "plan.html", {"--goal", "lockout", "--weeks", "4", "--format", "html", "--start", "2026-11-23"});
  std::string pdf = test::print_to_pdf(html);
  REQUIRE(test::pdf_pages(pdf) == 5);
  for (int page = 1; page <= 4; ++page) {
    std::string text = test::pdf_page_text(pdf, page);
    INFO("page " << page << ":\n" << text);
    CHECK(text.find("Week " + std::to_string(page) + " of 4") != std::string::npos);
    CHECK(test::count(text, "Week ") == 1);
    CHECK(text.find("Back extension (45-degree)") != std::string::npos);
    CHECK(text.find("Set 3") != std::string::npos);
  }
  CHECK(test::pdf_page_text(pdf, 1).find("Day 1, Mon 2026-11-23") != std::string::npos);
  CHECK(test::pdf_page_text(pdf, 5).find("Notes") != std::string::npos);

}

TEST_CASE("a plan with sessions taller than a page prints in few pages, no heading left alone", "[readback][html][print]") {
  // Issue 28: the 4-week home lordosis plan of 3 sessions a week printed on 30 pages, each week's
  // first page holding only its heading; the sheet of the same plan is 16.
  std::string dir = test::temp_dir();
  std::string html = plan_to_file(dir, "lordosis.html", {"--goal", "lordosis", "--weeks", "4", "--days", "3",
                                                         "--equipment", "home", "--format", "html"});
  std::string pdf = test::print_to_pdf(html);
  const int pages = test::pdf_pages(pdf);
  CHECK(pages <= 16);
  int days_seen = 0;
  for (int page = 1; page <= pages; ++page) {
    std::string text = test::pdf_page_text(pdf, page);
    INFO("page " << page << " of " << pages << ":\n" << text);
    days_seen += static_cast<int>(test::count(text, "Day "));
    // The last line of a page is never a heading: a week, a day or a block title.
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) {
      if (line.find_first_not_of(" \f") != std::string::npos) lines.push_back(line);
    }
    REQUIRE(lines.size() >= 3);
    const std::string& last = lines.back();
    CHECK(last.rfind("Week ", 0) != 0);
    CHECK(last.rfind("Day ", 0) != 0);
    for (const char* block : {"WARM-UP", "MAIN", "COOL-DOWN", "Warm-up", "Main", "Cool-down"}) CHECK(last.rfind(block, 0) != 0);
  }
  CHECK(days_seen == 12);
  // Each week still starts a page.
  for (int week = 1; week <= 4; ++week) {
    int first_page = 0;
    for (int page = 1; page <= pages && first_page == 0; ++page) {
      if (test::pdf_page_text(pdf, page).find("Week " + std::to_string(week) + " of 4") != std::string::npos) first_page = page;
    }
    INFO("week " << week);
    REQUIRE(first_page > 0);
    if (week > 1) CHECK(test::pdf_page_text(pdf, first_page - 1).find("Week " + std::to_string(week) + " of 4") == std::string::npos);
  }
}

TEST_CASE("a hostile catalogue cannot break out of any format", "[readback][escape]") {
  std::string dir = test::temp_dir();
  std::string catalogue = hostile_catalogue(dir);
  std::vector<std::string> common{"--goal", "lockout", "--weeks", "1", "--catalog", catalogue, "--start", "2026-11-23"};
  auto with = [&](const std::string& format) {
    auto args = common;
    args.insert(args.end(), {"--format", format});
    return args;
  };
  auto run = [&](const std::string& format) {
    auto args = with(format);
    args.insert(args.begin(), "plan");
    return test::run_lbtrain(args);
  };
  std::string name = hostile_name("back-extension");

  SECTION("JSON keeps the text exactly") {
    auto r = run("json");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    auto plan = json::parse(r.out);
    CHECK(plan["weeks"][0]["sessions"][0]["blocks"][1]["items"][0]["exercise"]["name"] == name);
  }
  SECTION("text and sheet: one line per name, no terminal escapes, 80 columns") {
    for (const char* format : {"text", "sheet"}) {
      auto r = run(format);
      REQUIRE(r.exit_code == 0);
      CHECK(r.out.find('\x1b') == std::string::npos);
      CHECK(r.out.find("<script>alert(1)</script> | a,b \"q\"") != std::string::npos);
      CHECK(r.out.find("next line \xC3\x9C" "bung") != std::string::npos);
    }
  }
  SECTION("CSV: every row keeps its 19 fields; formulas are shown as text") {
    std::string file = plan_to_file(dir, "hostile.csv", with("csv"));
    json rows = run_reader("read_csv.py", file);
    REQUIRE(rows.size() > 10);
    for (const auto& row : rows) CHECK(row.size() == 19);
    // The name on one line: the newline and the escape character became spaces.
    std::string one_line = hostile_name(rows[1][5]);
    for (char& c : one_line) {
      if (c == '\n' || c == '\x1b') c = ' ';
    }
    CHECK(rows[1][6] == "'" + one_line);
    for (std::size_t i = 1; i < rows.size(); ++i) CHECK(rows[i][6].get<std::string>().front() == '\'');
  }
  SECTION("iCalendar: the description holds the text, escaped and unescaped again") {
    std::string file = plan_to_file(dir, "hostile.ics", with("ics"));
    json cal = run_reader("read_ics.py", file);
    REQUIRE(cal["events"].size() == 1);
    std::string description = cal["events"][0]["description"];
    CHECK(description.find("<script>alert(1)</script> | a,b \"q\"\nnext line \xC3\x9C" "bung") != std::string::npos);
    CHECK(description.find('\x1b') == std::string::npos);
  }
  SECTION("Markdown rendered by cmark-gfm: every table row has its five cells, no live markup") {
    std::string file = plan_to_file(dir, "hostile.md", with("markdown"));
    auto r = test::run_program("cmark-gfm", {"-e", "table", file});
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find("<script") == std::string::npos);
    CHECK(r.out.find("<img") == std::string::npos);
    CHECK(r.out.find("&lt;script&gt;alert(1)&lt;/script&gt; | a,b") != std::string::npos);
    std::regex row("<tr>([\\s\\S]*?)</tr>");
    int rows = 0;
    for (std::sregex_iterator it(r.out.begin(), r.out.end(), row), end; it != end; ++it) {
      std::string cells = (*it)[1];
      CHECK((test::count(cells, "<td") == 6 || test::count(cells, "<th") == 6));
      ++rows;
    }
    CHECK(rows > 5);
  }
  SECTION("HTML: no element from the catalogue; Chromium shows the text as text") {
    std::string file = plan_to_file(dir, "hostile.html", with("html"));
    std::string html = test::read_file(file);
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("<img") == std::string::npos);
    std::string pdf = test::print_to_pdf(file);
    std::string text = test::pdf_page_text(pdf, 0);
    CHECK(text.find("<script>alert(1)</script>") != std::string::npos);
    CHECK(text.find("<img src=x onerror=alert(2)>") != std::string::npos);
  }
}

TEST_CASE("zsh and fish read the generated completions, and fish completes goals and formats", "[readback][completion]") {
  std::string dir = std::string(LBTRAIN_BUILD_DIR) + "/completions/";
  auto zsh = test::run_program("zsh", {"-n", dir + "zsh/_lbtrain"});
  INFO(zsh.err);
  CHECK(zsh.exit_code == 0);
  auto fish_syntax = test::run_program("fish", {"--no-execute", dir + "fish/lbtrain.fish"});
  CHECK(fish_syntax.exit_code == 0);
  auto fish = test::run_program("fish", {"-c", "source " + dir + "fish/lbtrain.fish; complete -C 'lbtrain plan --goal lo'; "
                                                "echo ---; complete -C 'lbtrain plan --weakness '; echo ---; complete -C 'lbtrain '"});
  REQUIRE(fish.exit_code == 0);
  auto parts = fish.out;
  std::regex word("^([^\\t\\n]+)", std::regex::multiline);
  std::vector<std::string> words;
  for (std::sregex_iterator it(parts.begin(), parts.end(), word), end; it != end; ++it) words.push_back((*it)[1]);
  CHECK(words == std::vector<std::string>{"lockout", "lordosis", "lower-back-health", "---", "fatigue", "lockout", "setup", "start",
                                          "---", "assess", "catalog", "completion", "config", "done", "exercises", "goals", "help", "history", "log", "next", "plan", "program", "report", "start"});
}

TEST_CASE("output is byte-identical in every locale", "[readback][locale]") {
  std::vector<std::string> args{"plan", "--goal", "lockout,lordosis", "--weeks", "6", "--format", "json", "--start", "2026-11-23"};
  auto installed = test::run_program("locale", {"-a"});
  REQUIRE(installed.out.find("de_DE.utf8") != std::string::npos);  // a comma-decimal locale
  REQUIRE(installed.out.find("fr_FR.utf8") != std::string::npos);
  for (const char* locale : {"C.UTF-8", "de_DE.UTF-8", "fr_FR.UTF-8"}) {
    INFO(locale);
    for (const char* format : {"json", "text", "csv", "ics"}) {
      auto with_format = args;
      with_format[6] = format;
      auto expected = test::run_lbtrain(with_format, {"LC_ALL=C"});
      auto r = test::run_lbtrain(with_format, {std::string("LC_ALL=") + locale, std::string("LANG=") + locale});
      CHECK(r.exit_code == 0);
      CHECK(r.out == expected.out);
    }
  }
}
