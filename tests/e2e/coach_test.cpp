// For coaches and everyone (issue 28): --title on every format, -o saying what it wrote, config
// set and unset, a "no" that keeps the program, and an assessment that fits the terminal.

#include "support/helpers.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <sstream>

using namespace lbtrain;

namespace {

/// The widest line, leaving out the recommended command (a line to copy whole).
std::size_t widest_line(const std::string& text) {
  std::istringstream lines(text);
  std::size_t widest = 0;
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.rfind("  lbtrain plan ", 0) == 0) continue;
    widest = std::max(widest, line.size());
  }
  return widest;
}

test::RunResult plan(const std::string& format, const std::vector<std::string>& extra = {}) {
  std::vector<std::string> args{"plan", "--goal", "lockout", "--weeks", "2", "--start", "2026-11-23", "--format", format};
  args.insert(args.end(), extra.begin(), extra.end());
  return test::run_lbtrain(args);
}

}  // namespace

TEST_CASE("a title of your own heads every format and names the calendar", "[coach][title]") {
  const std::string title = "Anna K. <block 1> & co";
  struct Expected {
    std::string format, heading;
  };
  for (const Expected& e : {Expected{"text", "Anna K. <block 1> & co: Deadlift lockout"},
                            Expected{"markdown", "# Anna K. \\<block 1\\> \\& co: Deadlift lockout"},
                            Expected{"html", "<title>Anna K. &lt;block 1&gt; &amp; co: Deadlift lockout</title>"},
                            Expected{"html", "<h1>Anna K. &lt;block 1&gt; &amp; co: Deadlift lockout</h1>"},
                            Expected{"sheet", "Anna K. <block 1> & co: Deadlift lockout"},
                            Expected{"ics", "X-WR-CALNAME:Anna K. <block 1> & co\r\n"}}) {
    auto r = plan(e.format, {"--title", title});
    INFO(e.format << ":\n" << r.out.substr(0, 600) << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(r.out.find(e.heading) != std::string::npos);
    // Without --title, nothing changes but the heading.
    auto plain = plan(e.format);
    CHECK(plain.out.find("Anna") == std::string::npos);
  }
  // Every printed page carries it: each week's heading in HTML, each page of the sheet.
  auto html = plan("html", {"--title", "Anna"});
  CHECK(test::count(html.out, "<span class=\"goals\">Anna: Deadlift lockout</span>") == 2);
  auto sheet = plan("sheet", {"--title", "Anna"});
  CHECK(test::count(sheet.out, "Anna: Deadlift lockout") == test::count(sheet.out, "\f") + 1);
  // A title cannot break a line or a heading: control characters become spaces.
  auto text = plan("text", {"--title", "Anna\n# injected"});
  CHECK(text.out.find("Anna # injected: Deadlift lockout") != std::string::npos);
  auto empty = plan("text", {"--title", " "});
  CHECK(empty.exit_code == 2);
  CHECK(empty.err.find("--title: give a title") != std::string::npos);
  auto long_title = plan("text", {"--title", std::string(200, 'x')});
  CHECK(long_title.exit_code == 2);
  CHECK(long_title.err.find("give at most 120") != std::string::npos);
}

TEST_CASE("writing to a file says on standard error what it wrote, when that is a terminal", "[coach][output]") {
  std::string dir = test::temp_dir();
  std::string path = dir + "/plan.html";
  auto r = test::run_lbtrain_on_terminal(
      {"plan", "--goal", "lordosis", "--weeks", "4", "--days", "3", "--format", "html", "-o", path}, {});
  INFO(r.out);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("Wrote " + path + ": 4 weeks, 12 sessions") != std::string::npos);
  CHECK(std::filesystem::exists(path));
  auto week = test::run_lbtrain_on_terminal({"plan", "--goal", "lockout", "--week", "2", "-o", dir + "/w.txt"}, {});
  CHECK(week.out.find("Wrote " + dir + "/w.txt: 1 week, 1 session") != std::string::npos);
  // In a pipe or a script: silent, as before.
  auto piped = test::run_lbtrain({"plan", "--goal", "lockout", "-o", dir + "/p.txt"});
  CHECK(piped.exit_code == 0);
  CHECK(piped.err.empty());
  CHECK(piped.out.empty());
}

TEST_CASE("config set and unset check the value as when read and write the file", "[coach][config]") {
  std::string dir = test::temp_dir();
  std::vector<std::string> env{"XDG_CONFIG_HOME=" + dir};
  std::string file = dir + "/lbtrain/config.json";
  auto set = test::run_lbtrain({"config", "set", "level", "beginner"}, env);
  INFO(set.err);
  CHECK(set.exit_code == 0);
  CHECK(set.out == "Set level to \"beginner\" in " + file + "\n");
  CHECK(test::run_lbtrain({"config", "set", "days", "3"}, env).exit_code == 0);
  CHECK(test::run_lbtrain({"config", "set", "equipment", "mat,band"}, env).exit_code == 0);
  CHECK(test::read_file(file) == "{\n  \"days\": 3,\n  \"equipment\": \"mat,band\",\n  \"level\": \"beginner\"\n}\n");
  auto show = test::run_lbtrain({"config", "show"}, env);
  CHECK(show.out.find("level          beginner") != std::string::npos);
  // The settings reach a plan.
  auto planned = test::run_lbtrain({"plan", "--goal", "lordosis"}, env);
  CHECK(planned.out.find("level beginner, equipment: mat,band") != std::string::npos);

  // Bad keys and values are refused, naming them, and the file stays as it was.
  const std::string before = test::read_file(file);
  struct Bad {
    std::vector<std::string> args;
    std::string message;
  };
  for (const Bad& bad :
       {Bad{{"set", "levle", "beginner"}, "config set: unknown setting \"levle\"; did you mean \"level\"?"},
        Bad{{"set", "level", "beginer"}, "config set level: unknown level \"beginer\"; did you mean \"beginner\"?"},
        Bad{{"set", "days", "9"}, "config set days"},
        Bad{{"set", "equipment", "mat,bandd"}, "unknown equipment \"bandd\"; did you mean \"band\"?"},
        Bad{{"set", "increment", "lots"}, "config set increment: \"lots\" is not a load step"},
        Bad{{"set", "format", "pdf"}, "config set format"},
        Bad{{"set", "level", ""}, "config set level: give a value"},
        Bad{{"unset", "colour"}, "did you mean \"color\"?"}}) {
    std::vector<std::string> args{"config"};
    args.insert(args.end(), bad.args.begin(), bad.args.end());
    auto r = test::run_lbtrain(args, env);
    INFO(r.err);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(bad.message) != std::string::npos);
    CHECK(test::read_file(file) == before);
  }
  auto unset = test::run_lbtrain({"config", "unset", "level"}, env);
  CHECK(unset.exit_code == 0);
  CHECK(unset.out == "Removed level from " + file + "; the default applies.\n");
  CHECK(test::read_file(file) == "{\n  \"days\": 3,\n  \"equipment\": \"mat,band\"\n}\n");
  auto again = test::run_lbtrain({"config", "unset", "level"}, env);
  CHECK(again.exit_code == 0);
  CHECK(again.out == "level is not set in " + file + "; nothing changed.\n");
  // Written through a temporary file renamed over it: nothing else is left beside it.
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(dir + "/lbtrain")) ++entries;
  CHECK(entries == 1);
  // A config file that is already bad is named before anything is written.
  test::write_file(file, "{\"level\": 3");
  auto broken = test::run_lbtrain({"config", "set", "days", "2"}, env);
  CHECK(broken.exit_code == 3);
  CHECK(test::read_file(file) == "{\"level\": 3");
}

TEST_CASE("answering n to replace the program keeps it and exits 0", "[coach][program]") {
  std::string db = test::temp_dir() + "/lbtrain.db";
  std::vector<std::string> start{"start", "--goal", "lockout", "--start", "2026-11-23", "--db", db};
  REQUIRE(test::run_lbtrain(start).exit_code == 0);
  auto no = test::run_lbtrain_on_terminal(start, {"n\n"});
  INFO(no.out);
  CHECK(no.exit_code == 0);
  CHECK(no.out.find("Replace it? [y/N]") != std::string::npos);
  CHECK(no.out.find("Kept the current program in " + db + "; nothing was changed.") != std::string::npos);
  CHECK(no.out.find("error") == std::string::npos);
  auto yes = test::run_lbtrain_on_terminal({"start", "--goal", "lordosis", "--start", "2026-11-23", "--db", db}, {"y\n"});
  CHECK(yes.exit_code == 0);
  CHECK(yes.out.find("Started: Lordosis (anterior pelvic tilt)") != std::string::npos);
  // Without a terminal nothing is asked: the usage error says how to replace it.
  auto piped = test::run_lbtrain(start);
  CHECK(piped.exit_code == 2);
  CHECK(piped.err.find("--force") != std::string::npos);
}

TEST_CASE("assess wraps to the terminal, shows the words it takes, and takes equipment items", "[coach][assess]") {
  auto r = test::run_lbtrain_on_terminal({"assess"}, {"no\n", "health\n", "yes\n", "no\n", "1\n", "mat, band\n", "n\n"},
                                         {}, 60);
  INFO(r.out);
  CHECK(r.exit_code == 0);
  CHECK(widest_line(r.out) <= 60);
  CHECK(r.out.find("1) yes\r\n") != std::string::npos);
  CHECK(r.out.find("1) lockout  A stronger deadlift") != std::string::npos);
  CHECK(r.out.find("Or type what you have, separated by commas: mat, wall,") != std::string::npos);
  CHECK(r.out.find("lbtrain plan --goal general --level beginner --equipment mat,band") != std::string::npos);
  // An item that is not equipment is asked again.
  auto again = test::run_lbtrain_on_terminal({"assess"}, {"no\n", "health\n", "yes\n", "no\n", "1\n", "mat,sofa\n",
                                                          "home\n", "n\n"});
  CHECK(test::count(again.out, "Please answer with a number from 1 to 3") == 1);
  CHECK(again.out.find("--equipment home") != std::string::npos);
}

TEST_CASE("Ctrl-D at assess's last question exits 6, as documented", "[coach][assess]") {
  auto r = test::run_lbtrain_on_terminal({"assess"}, {"no\n", "health\n", "yes\n", "no\n", "1\n", "gym\n", "\x04"});
  INFO(r.out);
  CHECK(r.exit_code == 6);
  CHECK(r.out.find("Run it now? [Y/n]") != std::string::npos);
  CHECK(r.out.find("assessment cancelled") != std::string::npos);
  CHECK(r.out.find("Week 1") == std::string::npos);
}
