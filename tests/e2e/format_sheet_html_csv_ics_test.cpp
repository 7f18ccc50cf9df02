// Sheet, Markdown, CSV, HTML and iCalendar output; --week, --start, --on, --at; escaping.

#include "support/helpers.hpp"
#include "support/plans.hpp"

#include "lbtrain/model/calendar.hpp"
#include "format/escape.hpp"
#include "lbtrain/format.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fmt/format.h>

#include <regex>

using namespace lbtrain;

namespace {

std::vector<std::string> split(const std::string& text, char separator) {
  std::vector<std::string> parts;
  std::size_t pos = 0;
  while (true) {
    auto end = text.find(separator, pos);
    parts.push_back(text.substr(pos, end == std::string::npos ? std::string::npos : end - pos));
    if (end == std::string::npos) break;
    pos = end + 1;
  }
  return parts;
}

int columns(const std::string& line) {
  int width = 0;
  for (unsigned char c : line) {
    if ((c & 0xC0) != 0x80) ++width;
  }
  return width;
}

/// The pages of a sheet, each as its lines (the newline after the last line dropped).
std::vector<std::vector<std::string>> pages_of(const std::string& sheet) {
  std::vector<std::vector<std::string>> pages;
  for (auto& page : split(sheet, '\f')) {
    REQUIRE(!page.empty());
    REQUIRE(page.back() == '\n');
    page.pop_back();
    pages.push_back(split(page, '\n'));
  }
  return pages;
}

}  // namespace

TEST_CASE("dates: strict YYYY-MM-DD, real calendar days, weekdays from Monday", "[calendar]") {
  REQUIRE(parse_iso_date("2026-11-23"));
  CHECK(iso_date(*parse_iso_date("2026-11-23")) == "2026-11-23");
  CHECK(weekday_index(*parse_iso_date("2026-11-23")) == 0);  // a Monday
  CHECK(weekday_index(*parse_iso_date("2026-11-29")) == 6);  // a Sunday
  CHECK(parse_iso_date("2028-02-29"));
  for (const char* bad : {"2026-02-29", "2026-13-01", "2026-1-05", "26-11-23", "2026/11/23", "", "2026-11-23x"}) {
    INFO(bad);
    CHECK_FALSE(parse_iso_date(bad));
  }
  CHECK(parse_weekday("Wed") == 2);
  CHECK(parse_weekday("sunday") == 6);
  CHECK_FALSE(parse_weekday("wd"));
  CHECK(parse_clock("07:05") == 7 * 60 + 5);
  CHECK_FALSE(parse_clock("24:00"));
  CHECK_FALSE(parse_clock("7:05"));
}

TEST_CASE("sessions spread over the week, or fall on the named weekdays", "[calendar]") {
  CHECK(session_offsets(1, 0, {}) == std::vector<int>{0});
  CHECK(session_offsets(3, 0, {}) == std::vector<int>{0, 2, 4});
  CHECK(session_offsets(2, 0, {}) == std::vector<int>{0, 3});
  CHECK(session_offsets(7, 0, {}) == std::vector<int>{0, 1, 2, 3, 4, 5, 6});
  // A week starting on Wednesday with Monday, Wednesday and Friday sessions: Wed, Fri, Mon.
  CHECK(session_offsets(3, 2, {0, 2, 4}) == std::vector<int>{0, 2, 5});
}

TEST_CASE("escaping: nothing a catalogue holds leaves its cell", "[escape]") {
  CHECK(single_line("a\nb\tc\x1b[31md") == "a b c [31md");
  CHECK(single_line("caf\xC3\xA9") == "caf\xC3\xA9");
  CHECK(single_line("bad \xFF byte") == "bad \xEF\xBF\xBD byte");
  CHECK(single_line("c1 \xC2\x9B control") == "c1   control");
  CHECK(valid_utf8("\xE0\x80\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong
  CHECK(html_escape("<script>alert('x') & \"y\"</script>") ==
        "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
  CHECK(markdown_cell("a | b\nc *d* <e>") == "a \\| b c \\*d\\* \\<e\\>");
  CHECK(csv_field("plain") == "plain");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("say \"hi\"") == "\"say \"\"hi\"\"\"");
  // One record per line: control characters become spaces, as in every other format.
  CHECK(csv_field("two\nlines\x1b[31m") == "two lines [31m");
  CHECK(csv_field("=HYPERLINK(\"http://x\")") == "\"'=HYPERLINK(\"\"http://x\"\")\"");
  for (const char* risky : {"+1", "-1", "@SUM(A1)"}) {
    INFO(risky);
    CHECK(csv_field(risky).find('\'') != std::string::npos);
  }
  CHECK(csv_field("\t=1+1") == " =1+1");  // a tab becomes a space: text, not a formula
  // Bidirectional overrides and isolates, and the line separators, cannot reorder a line.
  CHECK(single_line("a\xE2\x80\xAE" "b\xE2\x81\xA6" "c\xE2\x80\xA8" "d\xD8\x9C" "e") == "a b c d e");
  CHECK(printable("a\x1b]52;c;x\x07 \xE2\x80\xAE" "b\nc") == "a\\x1B]52;c;x\\x07 \\u202Eb\nc");
  // Markdown: nothing opens a block at the start of a line.
  CHECK(markdown_cell("# heading") == "\\# heading");
  CHECK(markdown_cell("- item") == "\\- item");
  CHECK(markdown_cell("12. item") == "12\\. item");
  CHECK(markdown_cell("    code") == "code");
  CHECK(markdown_cell("3-5 reps") == "3-5 reps");
  CHECK(ics_text("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne");
}

TEST_CASE("iCalendar lines fold at 75 octets, never inside a UTF-8 character", "[escape]") {
  std::string long_line = "DESCRIPTION:" + std::string(100, 'x');
  std::string folded = ics_line(long_line);
  auto lines = split(folded.substr(0, folded.size() - 2), '\n');
  REQUIRE(lines.size() == 2);
  CHECK(lines[0] == "DESCRIPTION:" + std::string(63, 'x') + "\r");
  CHECK(lines[1] == " " + std::string(37, 'x'));
  std::string accented;
  for (int i = 0; i < 60; ++i) accented += "\xC3\xA9";  // é, two octets each
  std::string unfolded;
  for (const auto& line : split(ics_line("SUMMARY:" + accented), '\n')) {
    if (line.empty()) continue;
    CHECK(line.size() <= 76);  // 75 octets + CR
    REQUIRE(line.back() == '\r');
    std::string body = line.substr(0, line.size() - 1);
    if (!unfolded.empty()) {
      REQUIRE(body.front() == ' ');
      body.erase(0, 1);
    }
    CHECK(valid_utf8(body) == body);  // no character split across lines
    unfolded += body;
  }
  CHECK(unfolded == "SUMMARY:" + accented);
}

TEST_CASE("sheet: a page per week, at most 80 columns and 66 lines", "[format][sheet]") {
  PlanOptions o = test::plan_options({"lockout"}).weeks("4");
  o.start = "2026-11-23";
  std::string sheet = format_sheet(test::make_plan(o));
  auto pages = pages_of(sheet);
  REQUIRE(pages.size() == 4);
  for (std::size_t p = 0; p < pages.size(); ++p) {
    INFO("page " << p + 1);
    CHECK(pages[p].size() <= 66);
    CHECK(pages[p][0].find("Deadlift lockout") == 0);
    CHECK(pages[p][0].find(fmt::format("Week {} of 4", p + 1)) != std::string::npos);
    for (const auto& line : pages[p]) CHECK(columns(line) <= 80);
  }
  CHECK(pages[0][1] == "Mon 2026-11-23 to Sun 2026-11-29");
  CHECK(pages[3][1] == "Mon 2026-12-14 to Sun 2026-12-20");
  // Week 4 of the reference block: back extension 3 x 15, a blank cell per set for load, reps
  // and reps in reserve, and a check box for each warm-up and cool-down drill.
  std::string week4 = sheet.substr(sheet.rfind('\f'));
  CHECK(week4.find("Back extension (45-degree)") != std::string::npos);
  CHECK(week4.find("3 x 15, RIR 0-2, rest 90 s") != std::string::npos);
  auto start = week4.find("Back extension");
  std::string grid = week4.substr(start, week4.find("\n\n", start) - start);
  CHECK(test::count(grid, "__________") == 9);
  CHECK(test::count(grid, "Set 3") == 1);
  CHECK(test::count(week4, "[ ]") == 6);
}

TEST_CASE("sheet geometry holds for long, many-session plans", "[format][sheet]") {
  PlanOptions all = test::plan_options({"lockout", "lordosis", "general"}).weeks("52");
  all.days = "7";
  PlanOptions lordosis = test::plan_options({"lordosis"}).weeks("3");
  PlanOptions home = test::plan_options({"general"}).weeks("6");
  home.equipment = "none";
  home.level = "beginner";
  for (const auto& o : {all, lordosis, home}) {
    Plan plan = test::make_plan(o);
    auto pages = pages_of(format_sheet(plan));
    CHECK(pages.size() >= static_cast<std::size_t>(plan.weeks));
    int week = 0;
    for (const auto& page : pages) {
      CHECK(page.size() <= 66);
      for (const auto& line : page) CHECK(columns(line) <= 80);
      // The header: the goals (wrapped when long), then "Week N of M".
      std::smatch m;
      std::string header = page[0] + "\n" + page[1] + "\n" + page[2];
      REQUIRE(std::regex_search(header, m, std::regex("Week (\\d+) of (\\d+)")));
      int number = std::stoi(m[1]);
      CHECK((number == week || number == week + 1));  // weeks in order, each on new pages
      if (number == week) CHECK(header.find("(continued)") != std::string::npos);
      week = number;
    }
    CHECK(week == plan.weeks);
  }
}

TEST_CASE("golden files for sheet, Markdown, CSV, HTML and iCalendar", "[format][golden]") {
  PlanOptions lockout = test::plan_options({"lockout"}).weeks("4");
  lockout.start = "2026-11-23";
  test::check_golden("lockout-4w.sheet", format_sheet(test::make_plan(lockout)));
  PlanOptions lordosis = test::plan_options({"lordosis"}).weeks("2");
  lordosis.on = "mon,wed,fri";
  test::check_golden("lordosis-2w.md", format_markdown(test::make_plan(lordosis)));
  test::check_golden("lockout-2w.csv", format_csv(test::make_plan(test::plan_options({"lockout"}).weeks("2"))));
  test::check_golden("lockout-4w.html", format_html(test::make_plan(lockout)));
  PlanOptions kyphosis = test::plan_options({"kyphosis"}).weeks("2");
  kyphosis.start = "2026-11-25";
  kyphosis.on = "mon,wed,fri";
  kyphosis.at = "18:30";
  test::check_golden("kyphosis-2w.ics", format_ics(test::make_plan(kyphosis)));
}

TEST_CASE("plan --week prints that week alone in every format", "[format][week]") {
  for (const char* format : {"text", "json", "sheet", "markdown", "csv", "html", "ics"}) {
    INFO(format);
    auto r = test::run_lbtrain({"plan", "--goal", "lockout", "--weeks", "4", "--week", "3", "--format", format,
                                "--start", "2026-11-23"});
    REQUIRE(r.exit_code == 0);
    CHECK(r.err.empty());
    std::string f = format;
    if (f == "json") {
      auto plan = nlohmann::json::parse(r.out);
      REQUIRE(plan["weeks"].size() == 1);
      CHECK(plan["weeks"][0]["number"] == 3);
      CHECK(plan["request"]["week"] == 3);
      CHECK(plan["weeks"][0]["sessions"][0]["date"] == "2026-12-07");
    } else if (f == "csv") {
      for (const auto& line : split(r.out, '\n')) {
        if (line.empty() || line.rfind("week,", 0) == 0) continue;
        CHECK(line.rfind("3,1,2026-12-07,", 0) == 0);
      }
    } else if (f == "ics") {
      CHECK(test::count(r.out, "BEGIN:VEVENT") == 1);
      CHECK(r.out.find("DTSTART;VALUE=DATE:20261207") != std::string::npos);
    } else {
      CHECK(r.out.find("Week 3 of 4") != std::string::npos);
      for (const char* other : {"Week 1 of 4", "Week 2 of 4", "Week 4 of 4"}) CHECK(r.out.find(other) == std::string::npos);
    }
  }
}

TEST_CASE("plan --start dates every session, and --on picks the weekdays and sets the sessions a week", "[format][dates]") {
  PlanOptions o = test::plan_options({"lordosis"}).weeks("2");
  o.start = "2026-11-25";  // a Wednesday
  o.on = "mon,wed,fri";
  Plan plan = test::make_plan(o);
  REQUIRE(plan.days == 3);
  std::vector<std::string> dates;
  for (const auto& week : plan.weeks_list) {
    for (const auto& session : week.sessions) dates.push_back(iso_date(*session.date));
  }
  CHECK(dates == std::vector<std::string>{"2026-11-25", "2026-11-27", "2026-11-30", "2026-12-02", "2026-12-04",
                                          "2026-12-07"});
  std::string text = format_text(plan, {});
  CHECK(text.find("Day 3, Mon 2026-11-30") != std::string::npos);
  // Without --start, days are numbered (and named when --on is given).
  CHECK(format_text(test::make_plan(test::plan_options({"lordosis"}).weeks("1")), {}).find("Day 2 (about") != std::string::npos);
  PlanOptions named = test::plan_options({"lordosis"}).weeks("1");
  named.on = "fri,tue,thu";
  CHECK(format_text(test::make_plan(named), {}).find("Day 1, Tue (about") != std::string::npos);
}

TEST_CASE("bad --week, --start, --on and --at are usage errors that name the value", "[cli][dates]") {
  struct Case {
    std::vector<std::string> args;
    std::string message;
  };
  std::vector<Case> cases{
      {{"--week", "5"}, "this plan has 4 weeks, so there is no week 5; allowed: 1 to 4"},
      {{"--week", "0"}, "--week: 0 is out of range"},
      {{"--start", "2026-02-30"}, "--start: \"2026-02-30\" is not a date"},
      {{"--start", "tomorrow"}, "YYYY-MM-DD"},
      {{"--start", "9999-12-01"}, "--start: \"9999-12-01\" is not a date from 1900 to 8999"},
      {{"--on", "mon,wendsday"}, "did you mean \"wednesday\"?"},
      {{"--on", "mon,mon"}, "\"mon\" is given twice"},
      {{"--on", "mon,wed", "--days", "3"}, "--on names 2 days but --days is 3"},
      {{"--at", "6pm"}, "--at: \"6pm\" is not a time of day"},
      {{"--format", "ics"}, "--format ics needs --start YYYY-MM-DD"},
      {{"--format", "pdf"}, "unknown format \"pdf\""},
  };
  for (const auto& c : cases) {
    std::vector<std::string> args{"plan", "--goal", "lockout"};
    args.insert(args.end(), c.args.begin(), c.args.end());
    INFO(c.args.front() << " " << c.args.back());
    auto r = test::run_lbtrain(args);
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err.find(c.message) != std::string::npos);
  }
}

TEST_CASE("iCalendar: CRLF, folded lines, stable UIDs, one event per session", "[format][ics]") {
  std::vector<std::string> args{"plan", "--goal", "lordosis", "--weeks", "2", "--format", "ics", "--start", "2026-11-23"};
  auto first = test::run_lbtrain(args);
  auto second = test::run_lbtrain(args);
  REQUIRE(first.exit_code == 0);
  CHECK(first.out == second.out);
  CHECK(test::count(first.out, "BEGIN:VEVENT") == 6);
  CHECK(test::count(first.out, "\n") == test::count(first.out, "\r\n"));
  for (const auto& line : split(first.out, '\n')) CHECK(line.size() <= 76);
  CHECK(first.out.find("UID:lbtrain-") != std::string::npos);
  auto other = test::run_lbtrain({"plan", "--goal", "lockout", "--format", "ics", "--start", "2026-11-23"});
  std::regex uid("UID:(lbtrain-[0-9a-f]+)-");
  std::smatch a, b;
  REQUIRE(std::regex_search(first.out, a, uid));
  REQUIRE(std::regex_search(other.out, b, uid));
  CHECK(a[1] != b[1]);  // another plan gets other UIDs
}

TEST_CASE("CSV: a header, then a row per set, RFC 4180 line ends", "[format][csv]") {
  Plan plan = test::make_plan(test::plan_options({"lockout"}).weeks("1"));
  std::string csv = format_csv(plan);
  auto lines = split(csv, '\n');
  lines.pop_back();  // after the last CRLF
  int sets = 0;
  for (const auto& block : plan.weeks_list[0].sessions[0].blocks) {
    for (const auto& item : block.items) sets += item.sets;
  }
  CHECK(lines.size() == static_cast<std::size_t>(sets) + 1);
  for (const auto& line : lines) CHECK(line.back() == '\r');
  CHECK(lines[0].rfind("week,day,date,weekday,block,exercise_id,exercise,set,count,unit,per_side,rir_min,rir_max", 0) == 0);
}
