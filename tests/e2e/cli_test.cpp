#include "support/helpers.hpp"
#include "support/files.hpp"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <sys/stat.h>

using lbtrain::test::run_lbtrain;

namespace {

void check_usage_error(const std::vector<std::string>& args, const std::string& message) {
  auto r = run_lbtrain(args);
  INFO(r.err);
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::StartsWith("lbtrain: error: " + message));
}

}  // namespace

TEST_CASE("lbtrain plan --goal lockout --weeks 4 prints the reference block", "[cli]") {
  auto r = run_lbtrain({"plan", "--goal", "lockout", "--weeks", "4"});
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  lbtrain::test::check_golden("lockout-4w.txt", r.out);
}

TEST_CASE("JSON output pipes into other tools", "[cli]") {
  auto r = run_lbtrain({"plan", "--goal", "lordosis", "--weeks", "6", "--days", "3", "--format", "json"});
  REQUIRE(r.exit_code == 0);
  auto plan = nlohmann::json::parse(r.out);
  CHECK(plan["weeks"][0]["sessions"][0]["blocks"][0]["kind"] == "warmup");
  auto compact = run_lbtrain({"plan", "-g", "lordosis", "-f", "json", "--compact"});
  CHECK(std::count(compact.out.begin(), compact.out.end(), '\n') == 1);
}

TEST_CASE("the same request gives byte-identical output", "[cli]") {
  std::vector<std::string> args{"plan", "--goal", "general", "--goal", "lockout", "--weeks", "8", "--format", "json"};
  CHECK(run_lbtrain(args).out == run_lbtrain(args).out);
}

TEST_CASE("no colour in a pipe, even when NO_COLOR is unset", "[cli]") {
  auto r = run_lbtrain({"plan", "--goal", "lockout"});
  CHECK(r.out.find('\033') == std::string::npos);
}

TEST_CASE("plan -o writes the file atomically and prints nothing", "[cli]") {
  std::string dir = lbtrain::test::temp_dir();
  std::string path = dir + "/plan.json";
  auto r = run_lbtrain({"plan", "--goal", "kyphosis", "--format", "json", "-o", path});
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(nlohmann::json::parse(lbtrain::test::read_file(path))["goals"][0]["id"] == "kyphosis");
  CHECK(lbtrain::test::mode_of(path) != 0600);  // not left with the temporary file's mode
}

TEST_CASE("a failed run leaves an existing output file untouched", "[cli]") {
  std::string dir = lbtrain::test::temp_dir();
  std::string path = dir + "/plan.txt";
  lbtrain::test::write_file(path, "my old plan\n");
  auto r = run_lbtrain({"plan", "--goal", "lockot", "-o", path});
  CHECK(r.exit_code == 2);
  CHECK(lbtrain::test::read_file(path) == "my old plan\n");
  auto bad_catalogue = dir + "/bad.json";
  lbtrain::test::write_file(bad_catalogue, "{\"exercises\": [}");
  r = run_lbtrain({"plan", "--goal", "lockout", "--catalog", bad_catalogue, "-o", path});
  CHECK(r.exit_code == 3);
  CHECK(lbtrain::test::read_file(path) == "my old plan\n");
}

TEST_CASE("plan -o into a missing directory is an output error", "[cli]") {
  auto r = run_lbtrain({"plan", "--goal", "lockout", "-o", "/nonexistent-dir/plan.txt"});
  CHECK(r.exit_code == 4);
  CHECK(r.out.empty());
  CHECK(r.err == "lbtrain: error: cannot write '/nonexistent-dir/plan.txt': directory '/nonexistent-dir' does not exist\n");
}

TEST_CASE("writing to a full disk fails loudly", "[cli]") {
  // stdout redirected to /dev/full through the shell.
  int status = std::system((std::string(LBTRAIN_BINARY) + " plan --goal lockout > /dev/full 2>/dev/null").c_str());
  CHECK(WEXITSTATUS(status) == 4);
}

TEST_CASE("usage errors: clear message, exit 2, nothing on stdout", "[cli]") {
  check_usage_error({"plan", "--goal", "lockot"},
                    "--goal: unknown goal \"lockot\"; did you mean \"lockout\"? allowed: lockout, lordosis, kyphosis, general\n");
  check_usage_error({"plan"}, "--goal is required; choose one of: lockout, lordosis, kyphosis, general\n");
  check_usage_error({"plan", "--goal", "lockout", "--weeks", "0"}, "--weeks: 0 is out of range; allowed: 1 to 52\n");
  check_usage_error({"plan", "--goal", "lockout", "--weeks", "abc"}, "--weeks: \"abc\" is not a whole number; allowed: 1 to 52\n");
  check_usage_error({"plan", "--goal", "lockout", "--days", "9"}, "--days: 9 is out of range; allowed: 1 to 7\n");
  check_usage_error({"plan", "--goal", "lockout", "--days", "-1"}, "");
  check_usage_error({"plan", "--goal", "lockout", "--equipment", "roman chiar"},
                    "--equipment: unknown equipment \"roman chiar\"; did you mean \"roman-chair\"?");
  check_usage_error({"plan", "--goal", "lockout", "--level", "pro"}, "--level: unknown level \"pro\"");
  check_usage_error({"plan", "--goal", "lockout", "--format", "pdf"}, "--format: unknown format \"pdf\"; allowed: text, json, sheet, markdown, csv, html, ics\n");
  check_usage_error({"plan", "--goal", "lockout", "--frobnicate"}, "'lbtrain plan' has no option \"--frobnicate\"");
  check_usage_error({"plna"}, "unknown command \"plna\"; did you mean \"plan\"?");
}

TEST_CASE("data errors: the file, line and column, exit 3", "[cli]") {
  std::string dir = lbtrain::test::temp_dir();
  std::string path = dir + "/catalogue.json";
  lbtrain::test::write_file(path, "{\n  \"exercises\": [\n    {\"id\": 1,}\n  ]\n}\n");
  auto r = run_lbtrain({"plan", "--goal", "lockout", "--catalog", path});
  CHECK(r.exit_code == 3);
  CHECK(r.out.empty());
  CHECK_THAT(r.err, Catch::StartsWith("lbtrain: error: " + path + ":3:14: invalid JSON:"));
  r = run_lbtrain({"plan", "--goal", "lockout", "--catalog", dir + "/missing.json"});
  CHECK(r.exit_code == 3);
  CHECK(r.err == "lbtrain: error: cannot read '" + dir + "/missing.json': No such file or directory\n");
  r = run_lbtrain({"plan", "--goal", "lockout", "--rules", dir});
  CHECK(r.exit_code == 3);
  CHECK(r.err == "lbtrain: error: cannot read '" + dir + "': it is a directory\n");
}

TEST_CASE("help and version", "[cli]") {
  auto help = run_lbtrain({"plan", "--help"});
  CHECK(help.exit_code == 0);
  for (const char* text : {"--goal", "--weeks", "--days", "--level", "--equipment", "--format", "--output",
                           "--compact", "--catalog", "--rules", "lockout", "lordosis", "kyphosis", "general",
                           "Exit status:", "man lbtrain"}) {
    INFO(text);
    CHECK(help.out.find(text) != std::string::npos);
  }
  auto version = run_lbtrain({"--version"});
  CHECK(version.exit_code == 0);
  CHECK_THAT(version.out, Catch::Matches("\\d+\\.\\d+\\.\\d+\n"));
  // Answered before any command is built (issue 18), in the same words as through CLI11.
  CHECK(run_lbtrain({"-V"}).out == version.out);
  CHECK(run_lbtrain({"-V", "--help"}).out == version.out);
  auto bare = run_lbtrain({});
  CHECK(bare.exit_code == 2);
  CHECK(bare.out.empty());
  CHECK(bare.err.find("plan") != std::string::npos);
}
