// Help that fits (issue 28): each command's help once, examples first, wrapped to the terminal
// (80 columns in a pipe), the exit statuses left to the man page; mistakes answered with the
// nearest thing meant.

#include "support/helpers.hpp"

#include <catch2/catch.hpp>

#include <sstream>

using namespace lbtrain;

namespace {

const std::vector<std::vector<std::string>> every_command = {
    {}, {"plan"}, {"assess"}, {"goals"}, {"exercises"}, {"exercises", "show"}, {"catalog"}, {"catalog", "validate"},
    {"catalog", "import"}, {"log"}, {"log", "undo"}, {"log", "entries"}, {"log", "import"}, {"log", "export"},
    {"history"}, {"start"}, {"next"}, {"done"}, {"program"}, {"report"}, {"config"}, {"config", "set"}, {"config", "unset"}, {"completion"}};

std::string describe(const std::vector<std::string>& command) {
  std::string text = "lbtrain";
  for (const auto& word : command) text += " " + word;
  return text;
}

/// The widest line of `text` in bytes (help is ASCII), carriage returns left out. A line that is
/// one word (such as a CSV header to copy) cannot be broken and is not counted.
std::size_t widest_line(const std::string& text) {
  std::istringstream lines(text);
  std::size_t widest = 0;
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    auto first = line.find_first_not_of(' ');
    if (first != std::string::npos && line.find(' ', first) == std::string::npos) continue;
    widest = std::max(widest, line.size());
  }
  return widest;
}

}  // namespace

TEST_CASE("every command's help is printed once, examples first, within 80 columns in a pipe", "[help]") {
  for (const auto& command : every_command) {
    std::vector<std::string> args = command;
    args.push_back("--help");
    auto help = test::run_lbtrain(args);
    INFO(describe(command) << " --help:\n" << help.out);
    REQUIRE(help.exit_code == 0);
    CHECK(widest_line(help.out) <= 80);
    CHECK(test::count(help.out, "Usage:") == 1);
    CHECK(test::count(help.out, "Exit status") == 1);
    CHECK(help.out.find("man lbtrain") != std::string::npos);
    // The table lives in the man page only.
    CHECK(help.out.find("3  data error") == std::string::npos);
    auto examples = help.out.find("Examples:");
    if (examples != std::string::npos) {
      CHECK(test::count(help.out, "Examples:") == 1);
      auto options = help.out.find("Options:");
      if (options != std::string::npos) CHECK(examples < options);
    }
    // `lbtrain help A B` is `lbtrain A B --help`.
    std::vector<std::string> through_help{"help"};
    through_help.insert(through_help.end(), command.begin(), command.end());
    CHECK(test::run_lbtrain(through_help).out == help.out);
  }
}

TEST_CASE("help's prose is wrapped as paragraphs, not where its source broke the lines", "[help]") {
  // Found reading `lbtrain next --help`: a source line over 80 columns was broken again, so
  // "load as a" ended a short indented line and "number once the log knows one" began the next.
  for (const auto& command : every_command) {
    std::vector<std::string> args = command;
    args.push_back("--help");
    auto help = test::run_lbtrain(args);
    REQUIRE(help.exit_code == 0);
    std::istringstream lines(help.out);
    std::string before;
    for (std::string line; std::getline(lines, line); before = line) {
      bool runs_on_in_lowercase = !line.empty() && std::islower(static_cast<unsigned char>(line.front())) != 0;
      INFO(describe(command) << " --help, the lines\n" << before << "\n" << line);
      CHECK_FALSE((runs_on_in_lowercase && !before.empty() && before.size() < 50));
    }
  }
  auto next = test::run_lbtrain({"next", "--help"});
  CHECK(next.out.find("load as a number once the log knows one") != std::string::npos);
}

TEST_CASE("help is wrapped to the terminal's width", "[help]") {
  for (int columns : {60, 100}) {
    auto help = test::run_lbtrain_on_terminal({"plan", "--help"}, {}, {}, columns);
    INFO(help.out);
    REQUIRE(help.exit_code == 0);
    CHECK(widest_line(help.out) <= static_cast<std::size_t>(columns));
    CHECK(help.out.find("--weeks") != std::string::npos);
  }
  // A wide terminal keeps a long option description on one line.
  auto wide = test::run_lbtrain_on_terminal({"plan", "--help"}, {}, {}, 160);
  CHECK(widest_line(wide.out) > 80);
}

TEST_CASE("the top-level help starts a newcomer with lbtrain assess, and has examples", "[help]") {
  auto help = test::run_lbtrain({"--help"});
  INFO(help.out);
  auto examples = help.out.find("Examples:");
  REQUIRE(examples != std::string::npos);
  CHECK(help.out.find("lbtrain assess", examples) != std::string::npos);
  CHECK(help.out.find("new here? start with questions") != std::string::npos);
  CHECK(examples < help.out.find("Subcommands:"));
}

TEST_CASE("a mistyped option is named as typed, with the nearest option", "[help]") {
  auto r = test::run_lbtrain({"plan", "--wekks", "4"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err == "lbtrain: error: 'lbtrain plan' has no option \"--wekks\"; did you mean \"--weeks\"?\n"
                 "Run 'lbtrain plan --help' for usage.\n");
  // The first one typed is named first.
  r = test::run_lbtrain({"plan", "--goal", "lockout", "--formt", "json", "--wekks", "4"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("no option \"--formt\"; did you mean \"--format\"?") != std::string::npos);
  r = test::run_lbtrain({"log", "undo", "--dbb", "x.db"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("'lbtrain log undo' has no option \"--dbb\"; did you mean \"--db\"?") != std::string::npos);
  // A stray argument with no option to blame is named too.
  r = test::run_lbtrain({"goals", "extra"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("'lbtrain goals' does not take \"extra\"") != std::string::npos);
}

TEST_CASE("a plan option given without a command suggests lbtrain plan", "[help]") {
  auto r = test::run_lbtrain({"--goal", "lockout", "--weeks", "4"});
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("did you mean 'lbtrain plan --goal lockout --weeks 4'?") != std::string::npos);
}

TEST_CASE("a command that needs a subcommand names them", "[help]") {
  auto r = test::run_lbtrain({"config"});
  CHECK(r.exit_code == 2);
  CHECK(r.err == "lbtrain: error: 'lbtrain config' needs a command: show, path, set, unset\n"
                 "Run 'lbtrain config --help' for usage.\n");
  r = test::run_lbtrain({"catalog"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("'lbtrain catalog' needs a command: validate, import") != std::string::npos);
}

TEST_CASE("help for nested commands, and help for what does not exist", "[help]") {
  auto undo = test::run_lbtrain({"help", "log", "undo"});
  CHECK(undo.exit_code == 0);
  CHECK(undo.out == test::run_lbtrain({"log", "undo", "--help"}).out);
  CHECK(undo.out.find("lbtrain log undo") != std::string::npos);
  auto bad = test::run_lbtrain({"help", "log", "udno"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("did you mean \"undo\"?") != std::string::npos);
  auto leaf = test::run_lbtrain({"help", "plan", "extra"});
  CHECK(leaf.exit_code == 2);
  CHECK(leaf.err.find("'lbtrain plan' has no command \"extra\"") != std::string::npos);
}

TEST_CASE("report offers no --compact, which it has no JSON for", "[help]") {
  auto help = test::run_lbtrain({"report", "--help"});
  CHECK(help.out.find("--compact") == std::string::npos);
  auto r = test::run_lbtrain({"report", "--compact"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("has no option \"--compact\"") != std::string::npos);
}
