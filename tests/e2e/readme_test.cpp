// The README a newcomer reads (issue 28): its first screen, its sample of output (what lbtrain
// prints today), its two commands (the first builds only lbtrain), and links that lead somewhere.

#include "support/helpers.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <regex>
#include <sstream>

using namespace lbtrain;

namespace {

const std::string source_dir = LBTRAIN_SOURCE_DIR;

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

/// The text of the section headed "## `title`..." (up to the next "## ").
std::string section(const std::string& readme, const std::string& title) {
  auto start = readme.find("\n## " + title);
  REQUIRE(start != std::string::npos);
  auto end = readme.find("\n## ", start + 1);
  return readme.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

/// The one line of the first ```sh block of `text`.
std::string first_command(const std::string& text) {
  auto start = text.find("```sh\n");
  REQUIRE(start != std::string::npos);
  start += 6;
  auto end = text.find("\n```", start);
  std::string command = text.substr(start, end - start);
  REQUIRE(command.find('\n') == std::string::npos);
  return command;
}

}  // namespace

TEST_CASE("the README's first 40 lines: what, for whom, safety, install, assess, a sample, the daily loop", "[readme]") {
  auto lines = lines_of(test::read_file(source_dir + "/README.md"));
  REQUIRE(lines.size() > 40);
  std::string first;
  for (std::size_t i = 0; i < 40; ++i) first += lines[i] + "\n";
  for (const char* wanted : {"training plans for the lower back", "for lifters", "coaches", "Safety first",
                             "doctor or physical", "apt-get install", "lbtrain assess", "$ lbtrain plan",
                             "Week 1 of 4", "lbtrain start", "lbtrain next", "lbtrain log", "lbtrain report"}) {
    INFO(wanted);
    CHECK(first.find(wanted) != std::string::npos);
  }
  // The rest stays short: the reference material lives in docs/ and CONTRIBUTING.md.
  CHECK(lines.size() <= 340);
  for (const char* moved : {"schema_version   1", "Why SQLiteCpp", "tests/tools/", "512 MB", "U+2028"}) {
    INFO(moved);
    CHECK(test::read_file(source_dir + "/README.md").find(moved) == std::string::npos);
  }
}

TEST_CASE("the README's sample of output is what lbtrain prints", "[readme]") {
  std::string readme = test::read_file(source_dir + "/README.md");
  std::smatch m;
  REQUIRE(std::regex_search(readme, m, std::regex("```text\n\\$ lbtrain ([^\n]*)\n([^`]*)```")));
  std::vector<std::string> args;
  std::istringstream words(m[1].str());
  for (std::string word; words >> word;) args.push_back(word);
  auto shown = lines_of(m[2].str());
  REQUIRE(shown.size() >= 5);
  REQUIRE(shown.back() == "...");
  shown.pop_back();
  auto r = test::run_lbtrain(args);
  REQUIRE(r.exit_code == 0);
  auto printed = lines_of(r.out);
  REQUIRE(printed.size() > shown.size());
  for (std::size_t i = 0; i < shown.size(); ++i) {
    INFO("line " << i + 1);
    CHECK(shown[i] == printed[i]);
  }
}

TEST_CASE("the quick start builds only lbtrain, the test command builds and runs the tests", "[readme]") {
  std::string readme = test::read_file(source_dir + "/README.md");
  std::string install = first_command(section(readme, "Quick start"));
  CHECK(install.find("-DLBTRAIN_BUILD_TESTS=OFF") != std::string::npos);
  CHECK(install.find("--target lbtrain &&") != std::string::npos);
  CHECK(install.find("./build/lbtrain plan --goal lockout --weeks 4") != std::string::npos);
  std::string tests = section(readme, "Running the tests");
  std::string command = first_command(tests);
  CHECK(command.find("-DLBTRAIN_BUILD_TESTS=ON") != std::string::npos);  // even after the quick start's OFF
  CHECK(command.find("ctest --test-dir build") != std::string::npos);
  CHECK(command.find("-j2") != std::string::npos);
  // The tools the tests install are named before the command.
  auto before = tests.substr(0, tests.find("```sh"));
  for (const char* tool : {"Chromium", "poppler-utils", "zsh", "fish", "locales", "npm", "apt-get"}) {
    INFO(tool);
    CHECK(before.find(tool) != std::string::npos);
  }
  // With the tests off, configuring defines lbtrain and no test program.
  std::string dir = test::temp_dir();
  auto configure = test::run_program("cmake", {"-S", source_dir, "-B", dir, "-DLBTRAIN_BUILD_TESTS=OFF"});
  INFO(configure.err);
  REQUIRE(configure.exit_code == 0);
  auto targets = test::run_program("cmake", {"--build", dir, "--target", "help"});
  CHECK(targets.out.find("... lbtrain\n") != std::string::npos);
  CHECK(targets.out.find("lbtrain_tests") == std::string::npos);
  std::filesystem::remove_all(dir);
}

TEST_CASE("every relative link of the README, CONTRIBUTING and docs leads to a file", "[readme]") {
  for (const char* file : {"README.md", "CONTRIBUTING.md", "docs/plans.md", "docs/training-log.md", "docs/catalogues.md"}) {
    std::string path = source_dir + "/" + file;
    std::string text = test::read_file(path);
    REQUIRE(!text.empty());
    std::regex link(R"(\]\(([^)#:]+)(#[^)]*)?\))");
    for (auto it = std::sregex_iterator(text.begin(), text.end(), link); it != std::sregex_iterator(); ++it) {
      std::string target = (*it)[1].str();
      INFO(file << " links to " << target);
      CHECK(std::filesystem::exists(std::filesystem::path(path).parent_path() / target));
    }
  }
}
