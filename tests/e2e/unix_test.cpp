// lbtrain as a Unix tool: man page, shell completion, colour and width, config file and
// environment, help.

#include "support/helpers.hpp"

#include "lbtrain/data.hpp"
#include "lbtrain/screen.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <regex>
#include <set>
#include <sstream>

using namespace lbtrain;

namespace {

const std::string build_dir = LBTRAIN_BUILD_DIR;

std::string man_page() {
  std::string roff = test::read_file(build_dir + "/lbtrain.1");
  REQUIRE(!roff.empty());
  std::string plain;
  for (std::size_t i = 0; i < roff.size(); ++i) {
    if (roff[i] == '\\' && i + 1 < roff.size() && roff[i + 1] == '-') continue;  // "\-" is "-"
    plain += roff[i];
  }
  return plain;
}

/// Every option a help text shows: "-g", "--goal", ...
std::set<std::string> options_in(const std::string& help) {
  std::set<std::string> found;
  std::regex option("(^|[\\s,])(--?[A-Za-z][A-Za-z-]*)");
  for (std::sregex_iterator it(help.begin(), help.end(), option), end; it != end; ++it) found.insert((*it)[2]);
  return found;
}

/// The words bash completion offers for `line` (the last word is the one being completed).
std::vector<std::string> complete(const std::string& line) {
  std::string script = "source '" + build_dir + "/completions/bash/lbtrain'\n"
                       "read -ra COMP_WORDS <<< \"$1\"\n"
                       "[[ $1 == *' ' ]] && COMP_WORDS+=('')\n"
                       "COMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
                       "_lbtrain\n"
                       "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
  auto r = test::run_program("bash", {"-c", script, "complete", line});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> words;
  std::istringstream lines(r.out);
  for (std::string word; std::getline(lines, word);) {
    if (!word.empty()) words.push_back(word);
  }
  return words;
}

bool has(const std::vector<std::string>& words, const std::string& word) {
  return std::find(words.begin(), words.end(), word) != words.end();
}

std::string config_dir_with(const std::string& content) {
  std::string dir = test::temp_dir();
  test::run_program("mkdir", {"-p", dir + "/lbtrain"});
  test::write_file(dir + "/lbtrain/config.json", content);
  return dir;
}

}  // namespace

TEST_CASE("the man page documents every option that --help shows", "[unix][man]") {
  std::string man = man_page();
  for (std::vector<std::string> command : {std::vector<std::string>{"--help"}, {"plan", "--help"}, {"assess", "--help"},
                                           {"config", "--help"}, {"completion", "--help"}, {"goals", "--help"},
                                           {"exercises", "--help"}, {"exercises", "show", "--help"},
                                           {"catalog", "validate", "--help"}, {"catalog", "import", "--help"},
                                           {"log", "--help"}, {"log", "undo", "--help"}, {"log", "entries", "--help"},
                                           {"done", "--help"}, {"log", "import", "--help"},
                                           {"log", "export", "--help"}, {"log", "backup", "--help"}, {"history", "--help"},
                                           {"start", "--help"}, {"next", "--help"}, {"program", "--help"},
                                           {"report", "--help"}}) {
    auto r = test::run_lbtrain(command);
    REQUIRE(r.exit_code == 0);
    for (const auto& option : options_in(r.out)) {
      INFO(command.front() << ": " << option);
      CHECK(man.find(option) != std::string::npos);
    }
  }
  for (const auto& goal : test::builtin().rules.goals) CHECK(man.find(goal.id) != std::string::npos);
  for (const auto& format : format_names()) CHECK(man.find(".B " + format) != std::string::npos);
  for (int code = 0; code <= 6; ++code) CHECK(man.find(".B " + std::to_string(code) + "\n") != std::string::npos);
  for (const char* word : {"NO_COLOR", "CLICOLOR_FORCE", "XDG_CONFIG_HOME", "LBTRAIN_LEVEL", "config.json", "EXAMPLES",
                           "XDG_DATA_HOME", "LBTRAIN_DB", "LBTRAIN_UNIT", "lbtrain.db", "LBTRAIN_INCREMENT"}) {
    CHECK(man.find(word) != std::string::npos);
  }
  CHECK(man.find("lbtrain 0.1.0") != std::string::npos);  // the version comes from CMake
}

TEST_CASE("bash completion offers commands, options and values from the data", "[unix][completion]") {
  CHECK(complete("lbtrain ") == std::vector<std::string>{"plan", "assess", "goals", "exercises", "catalog", "log", "history",
                                                   "start", "next", "program", "report", "done", "config", "completion", "help", "-h", "--help", "-V", "--version"});
  CHECK(complete("lbtrain pl") == std::vector<std::string>{"plan"});
  auto options = complete("lbtrain plan --");
  for (const char* option : {"--goal", "--weeks", "--format", "--week", "--start", "--on", "--color", "--weakness", "--injury"}) {
    CHECK(has(options, option));
  }
  for (const auto& goal : test::builtin().rules.goals) {
    CHECK(has(complete("lbtrain plan --goal "), goal.id));
  }
  CHECK(complete("lbtrain plan --goal lo") == std::vector<std::string>{"lockout", "lordosis", "lower-back-health"});
  CHECK(complete("lbtrain plan -f ") == format_names());
  CHECK(complete("lbtrain plan --level b") == std::vector<std::string>{"beginner"});
  CHECK(complete("lbtrain plan --equipment dumbbell,ba") == std::vector<std::string>{"dumbbell,barbell", "dumbbell,band"});
  CHECK(has(complete("lbtrain plan --equipment "), "home"));
  CHECK(complete("lbtrain plan --weakness ") == std::vector<std::string>{"fatigue", "lockout", "setup", "start"});
  CHECK(complete("lbtrain plan --weeks ").empty());
  CHECK(complete("lbtrain config ") == std::vector<std::string>{"show", "path", "set", "unset"});
  CHECK(complete("lbtrain completion ") == std::vector<std::string>{"bash", "zsh", "fish"});
  CHECK(has(complete("lbtrain assess --"), "--answers"));
  // The training log: its subcommands and exercise ids after `log`, ids after `history`.
  auto log_words = complete("lbtrain log ");
  for (const char* word : {"undo", "entries", "import", "export", "backup", "back-extension", "romanian-deadlift",
                           "morning", "flag", "cleared"}) {
    CHECK(has(log_words, word));
  }
  CHECK(complete("lbtrain log entries -f ") == std::vector<std::string>{"text", "json"});
  CHECK(has(complete("lbtrain done --skip side-"), "side-plank"));
  CHECK(has(complete("lbtrain log backup --"), "--db"));
  CHECK(has(complete("lbtrain done --"), "--except"));
  CHECK(has(complete("lbtrain history back-ext"), "back-extension"));
  CHECK(complete("lbtrain log back-extension 3x12 --unit ") == std::vector<std::string>{"kg", "lb"});
  CHECK(complete("lbtrain history --format ") == std::vector<std::string>{"text", "json", "csv"});
  CHECK(has(complete("lbtrain log export --"), "--output"));
  CHECK(complete("lbtrain log export -f ") == std::vector<std::string>{"csv", "json"});
  CHECK(complete("lbtrain log import strong.csv --from ") == std::vector<std::string>{"strong", "hevy", "fitnotes", "lbtrain"});
  CHECK(has(complete("lbtrain catalog import --"), "--from"));
  CHECK(complete("lbtrain catalog import --from ").empty());  // not the log's formats
  CHECK(complete("lbtrain plan -f ") == format_names());      // not the export's
}

TEST_CASE("colour: --color, NO_COLOR and CLICOLOR_FORCE", "[unix][color]") {
  std::vector<std::string> plan{"plan", "--goal", "lockout", "--weeks", "1"};
  auto with = [&](std::vector<std::string> extra, std::vector<std::string> env) {
    auto args = plan;
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = test::run_lbtrain(args, env);
    REQUIRE(r.exit_code == 0);
    return r.out.find("\033[") != std::string::npos;
  };
  CHECK_FALSE(with({}, {}));                                   // a pipe: no colour
  CHECK(with({"--color", "always"}, {}));
  CHECK(with({"--color", "always"}, {"NO_COLOR=1"}));          // the flag wins
  CHECK(with({}, {"CLICOLOR_FORCE=1"}));
  CHECK_FALSE(with({}, {"CLICOLOR_FORCE=0"}));
  CHECK_FALSE(with({}, {"CLICOLOR_FORCE=1", "NO_COLOR=1"}));   // NO_COLOR wins over the force
  CHECK_FALSE(with({"--color", "never"}, {"CLICOLOR_FORCE=1"}));
  CHECK(with({}, {"LBTRAIN_COLOR=always"}));
  // On a terminal: colour unless NO_COLOR.
  auto tty = test::run_lbtrain_on_terminal(plan, {}, {"NO_COLOR="});
  CHECK(tty.out.find("\033[1m") != std::string::npos);
  auto no_color = test::run_lbtrain_on_terminal(plan, {});
  CHECK(no_color.out.find("\033[") == std::string::npos);
  auto bad = test::run_lbtrain({"plan", "--goal", "lockout", "--color", "sometimes"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--color: unknown colour mode \"sometimes\"") != std::string::npos);
}

TEST_CASE("text adapts to the terminal's width and is 80 columns in a pipe", "[unix][width]") {
  std::vector<std::string> plan{"plan", "--goal", "lordosis", "--weeks", "1"};
  auto longest = [](const std::string& text) {
    std::size_t width = 0;
    std::istringstream lines(text);
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      width = std::max(width, line.size());
    }
    return width;
  };
  auto wide = test::run_lbtrain_on_terminal(plan, {}, {}, 140);
  CHECK(longest(wide.out) > 80);
  CHECK(longest(wide.out) <= 140);
  auto narrow = test::run_lbtrain_on_terminal(plan, {}, {}, 64);
  CHECK(longest(narrow.out) <= 64);
  auto piped = test::run_lbtrain(plan);
  CHECK(longest(piped.out) <= 80);
  CHECK(longest(piped.out) > 64);
}

TEST_CASE("settings: command line, then LBTRAIN_*, then the config file, then defaults", "[unix][config]") {
  std::string dir = config_dir_with(R"({"level": "beginner", "equipment": ["dumbbell", "band"], "days": 2, "format": "json"})");
  std::string xdg = "XDG_CONFIG_HOME=" + dir;
  auto request = [&](std::vector<std::string> extra, std::vector<std::string> env) {
    std::vector<std::string> args{"plan", "--goal", "lockout", "--weeks", "1"};
    args.insert(args.end(), extra.begin(), extra.end());
    env.push_back(xdg);
    auto r = test::run_lbtrain(args, env);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    return nlohmann::json::parse(r.out)["request"];
  };
  auto from_file = request({}, {});
  CHECK(from_file["level"] == "beginner");
  CHECK(from_file["days"] == 2);
  CHECK(from_file["equipment"] == nlohmann::json{"none", "dumbbell", "band"});
  auto from_env = request({}, {"LBTRAIN_LEVEL=advanced", "LBTRAIN_DAYS=3"});
  CHECK(from_env["level"] == "advanced");
  CHECK(from_env["days"] == 3);
  auto from_flag = request({"--level", "intermediate", "--days", "1"}, {"LBTRAIN_LEVEL=advanced"});
  CHECK(from_flag["level"] == "intermediate");
  CHECK(from_flag["days"] == 1);

  auto show = test::run_lbtrain({"config", "show"}, {xdg, "LBTRAIN_LEVEL=advanced"});
  REQUIRE(show.exit_code == 0);
  CHECK(show.out.find("Config file: " + dir + "/lbtrain/config.json\n") != std::string::npos);
  CHECK(std::regex_search(show.out, std::regex("level +advanced +environment \\(LBTRAIN_LEVEL\\)")));
  CHECK(std::regex_search(show.out, std::regex("days +2 +config file")));
  CHECK(std::regex_search(show.out, std::regex("color +auto +default")));
  CHECK(test::run_lbtrain({"config", "path"}, {xdg}).out == dir + "/lbtrain/config.json\n");
  CHECK(test::run_lbtrain({"config", "path"}, {"XDG_CONFIG_HOME=", "HOME=/home/someone"}).out ==
        "/home/someone/.config/lbtrain/config.json\n");
}

TEST_CASE("start_weekday dates plans from the next such weekday", "[unix][config]") {
  auto r = test::run_lbtrain({"plan", "--goal", "lockout", "--weeks", "1", "--format", "json"}, {"LBTRAIN_START_WEEKDAY=wed"});
  REQUIRE(r.exit_code == 0);
  auto request = nlohmann::json::parse(r.out)["request"];
  REQUIRE(request.contains("start"));
  Date start = *parse_iso_date(request["start"].get<std::string>());
  CHECK(weekday_index(start) == 2);
  CHECK((start - today_local()).count() >= 0);
  CHECK((start - today_local()).count() < 7);
}

TEST_CASE("a bad config file or setting is an error naming where it is", "[unix][config]") {
  struct Case {
    std::string content;
    int exit_code;
    std::string message;
  };
  std::vector<Case> cases{
      {"{\"level\": \"beginner\",\n \"days\": }", 3, "/lbtrain/config.json:2:10: invalid JSON"},
      {R"({"levl": "beginner"})", 2, "config.json: unknown setting \"levl\"; did you mean \"level\"?"},
      {R"({"days": "many"})", 2, "config.json: days: unknown value \"many\""},
      {R"({"days": true})", 2, "config.json: \"days\" must be a whole number, not boolean"},
      {R"({"color": "alwayz"})", 2, "did you mean \"always\"?"},
      {R"({"level": "expert"})", 2, "config.json: level: unknown level \"expert\""},
      {R"(["level"])", 2, "expected a JSON object of settings"},
  };
  for (const auto& c : cases) {
    INFO(c.content);
    std::string dir = config_dir_with(c.content);
    auto r = test::run_lbtrain({"plan", "--goal", "lockout"}, {"XDG_CONFIG_HOME=" + dir});
    CHECK(r.exit_code == c.exit_code);
    CHECK(r.out.empty());
    CHECK(r.err.find(dir) != std::string::npos);
    CHECK(r.err.find(c.message) != std::string::npos);
  }
  auto env = test::run_lbtrain({"plan", "--goal", "lockout"}, {"LBTRAIN_LEVEL=beginer"});
  CHECK(env.exit_code == 2);
  CHECK(env.err == "lbtrain: error: LBTRAIN_LEVEL: unknown level \"beginer\"; did you mean \"beginner\"? allowed: "
                   "beginner, intermediate, advanced\n");
}

TEST_CASE("help for every command, with examples, and unknown help topics suggest one", "[unix][help]") {
  for (const char* command : {"plan", "assess", "config", "completion"}) {
    INFO(command);
    auto help = test::run_lbtrain({"help", command});
    REQUIRE(help.exit_code == 0);
    CHECK(help.out == test::run_lbtrain({command, "--help"}).out);
    CHECK(help.out.find("Examples:") != std::string::npos);
  }
  auto bad = test::run_lbtrain({"help", "plna"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("did you mean \"plan\"?") != std::string::npos);
  auto version = test::run_lbtrain({"--version"});
  CHECK(version.out == "0.1.0\n");
  auto shell = test::run_lbtrain({"completion", "tcsh"});
  CHECK(shell.exit_code == 2);
  CHECK(shell.err.find("unknown shell \"tcsh\"") != std::string::npos);
}
