// The house rules CONTRIBUTING states for src/ and include/, checked on the sources themselves
// (issue 27): SQL only in the training log's store (src/log/), the environment and the standard
// streams only in the command-line layer (src/cli/ and the programs' main files), no file over
// 450 lines. Each known exception is listed with its reason and must still be one: a listed file
// that keeps the rule fails the test, so the list cannot outlive the problem.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

namespace fs = std::filesystem;

const fs::path source_dir = LBTRAIN_SOURCE_DIR;

/// Every C++ source and header under src/ and include/, as paths relative to the project.
std::vector<std::string> sources() {
  std::vector<std::string> out;
  for (const char* top : {"src", "include"}) {
    for (const auto& entry : fs::recursive_directory_iterator(source_dir / top)) {
      const std::string ext = entry.path().extension().string();
      if (entry.is_regular_file() && (ext == ".cpp" || ext == ".hpp")) {
        out.push_back(fs::relative(entry.path(), source_dir).generic_string());
      }
    }
  }
  REQUIRE(out.size() > 100);  // the walk found the sources
  return out;
}

std::vector<std::string> lines_of(const std::string& file) {
  std::ifstream in(source_dir / file);
  std::vector<std::string> lines;
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

bool under(const std::string& file, const std::string& folder) { return file.rfind(folder, 0) == 0; }

/// The lines of `file` (outside // comments) that `pattern` finds, as "file:line: text".
std::vector<std::string> matches(const std::string& file, const std::regex& pattern, bool in_strings_only = false) {
  static const std::regex literal(R"re("(?:[^"\\]|\\.)*")re");
  std::vector<std::string> found;
  const auto lines = lines_of(file);
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string code = lines[i];
    if (auto comment = code.find("//"); comment != std::string::npos && code.find('"') > comment) code.resize(comment);
    bool hit = false;
    if (in_strings_only) {
      for (std::sregex_iterator it(code.begin(), code.end(), literal), end; it != end && !hit; ++it) {
        hit = std::regex_search(it->str(), pattern);
      }
    } else {
      hit = std::regex_search(code, pattern);
    }
    if (hit) found.push_back(file + ":" + std::to_string(i + 1) + ": " + lines[i]);
  }
  return found;
}

/// The files that define a program's main: they may print and read the environment.
bool is_main(const std::string& file) { return file == "src/main.cpp" || file == "src/data/bake.cpp"; }

std::string listing(const std::vector<std::string>& lines) {
  std::ostringstream out;
  for (const auto& line : lines) out << line << "\n";
  return out.str();
}

}  // namespace

TEST_CASE("layers: SQL is written only in the training log's store, src/log/", "[layers]") {
  // A string literal that reads as SQL: a statement's keyword followed by what SQL puts there.
  const std::regex sql(R"((^|[^A-Za-z_])(SELECT|INSERT INTO|UPDATE|DELETE FROM|CREATE TABLE|CREATE INDEX|PRAGMA|FROM|WHERE|GROUP BY|ORDER BY|BEGIN IMMEDIATE) [a-z_(*{?:])");
  const std::regex sqlite_headers(R"(#include\s*[<"](sqlite3\.h|SQLiteCpp/))");
  std::vector<std::string> outside;
  std::size_t in_log = 0;
  for (const auto& file : sources()) {
    auto found = matches(file, sql, true);
    auto headers = matches(file, sqlite_headers);
    if (under(file, "src/log/")) {
      in_log += found.size();
      continue;
    }
    outside.insert(outside.end(), found.begin(), found.end());
    outside.insert(outside.end(), headers.begin(), headers.end());
  }
  INFO(listing(outside));
  CHECK(outside.empty());
  CHECK(in_log > 20);  // the pattern finds the store's SQL: it would find SQL elsewhere
}

TEST_CASE("layers: the environment and the standard streams only in the command line", "[layers]") {
  const std::regex environment(R"((^|[^A-Za-z_])(getenv|secure_getenv|environ|setenv|putenv)\b)");
  const std::regex streams(R"((^|[^A-Za-z_:])(std::cout|std::cerr|std::clog|std::cin|stdout|stderr|stdin|printf|puts)\b)");
  // Known exceptions, each with its reason; a listed file that keeps the rule fails below.
  // None today: standard output is written by src/cli/stdout.cpp.
  const std::map<std::string, std::string> allowed_streams = {};
  std::vector<std::string> outside;
  std::set<std::string> still_needed;
  for (const auto& file : sources()) {
    if (under(file, "src/cli/") || is_main(file)) continue;
    auto env = matches(file, environment);
    outside.insert(outside.end(), env.begin(), env.end());
    auto printing = matches(file, streams);
    if (allowed_streams.count(file)) {
      if (!printing.empty()) still_needed.insert(file);
      continue;
    }
    outside.insert(outside.end(), printing.begin(), printing.end());
  }
  INFO(listing(outside));
  CHECK(outside.empty());
  for (const auto& [file, reason] : allowed_streams) {
    INFO(file << " is listed as an exception (" << reason << ") but no longer needs to be: remove it from the list");
    CHECK(still_needed.count(file) == 1);
  }
}

TEST_CASE("layers: no source file over 450 lines", "[layers]") {
  const std::size_t limit = 450;
  const std::map<std::string, std::string> allowed = {
      {"include/lbtrain/model/rules.hpp", "the rules' model in one header; split by the layout of issue 27"},
  };
  std::vector<std::string> over;
  for (const auto& file : sources()) {
    const std::size_t lines = lines_of(file).size();
    if (allowed.count(file)) {
      INFO(file << " is listed as an exception but has " << lines << " lines: remove it from the list");
      CHECK(lines > limit);
      continue;
    }
    if (lines > limit) over.push_back(file + ": " + std::to_string(lines) + " lines");
  }
  INFO(listing(over));
  CHECK(over.empty());
}
