// The house rules CONTRIBUTING states for src/ and include/, checked on the sources themselves
// (issue 27): each file includes only its own layer and the layers below it; SQL only in the
// training log (src/log/), whose database nothing outside it opens; the environment and the
// standard streams only in the command-line layer (src/cli/ and the programs' main files); no
// file over 450 lines and no function over 100. Each known exception is listed with its reason
// and must still be one: a listed file that keeps the rule fails the test, so the list cannot
// outlive the problem.

#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
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
  // Known exceptions, each with its reason (none today: rules.hpp was split in three parts).
  const std::map<std::string, std::string> allowed = {};
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

namespace {

/// The layers of src/, top first (CONTRIBUTING, "The house"): a file includes only its own
/// layer's headers and those of layers below it.
const std::vector<std::string> layers = {"cli",    "app",    "report", "program", "log",  "format", "plan",
                                         "select", "screen", "data",   "read",    "write", "model",  "vendor"};

/// The layer of a source file: src/<layer>/..., include/lbtrain/<layer>.hpp,
/// include/lbtrain/model/...; main.cpp is above every layer.
std::string layer_of_file(const std::string& file) {
  const std::string_view path(file);
  if (file == "src/main.cpp") return "main";
  if (under(file, "include/lbtrain/model/")) return "model";
  if (under(file, "include/lbtrain/")) {
    const auto name = path.substr(std::string_view("include/lbtrain/").size());
    return std::string(name.substr(0, name.find('.')));
  }
  const auto rest = path.substr(std::string_view("src/").size());
  return std::string(rest.substr(0, rest.find('/')));
}

/// The layer an #include "..." names: "lbtrain/select.hpp" and "select/chooser.hpp" are both
/// select's; "" for a file beside the includer ("width_table.inc").
std::string layer_of_include(const std::string& target) {
  if (under(target, "lbtrain/model/")) return "model";
  if (under(target, "lbtrain/")) {
    const auto name = target.substr(std::string("lbtrain/").size());
    return name.substr(0, name.find('.'));
  }
  const auto slash = target.find('/');
  return slash == std::string::npos ? std::string() : target.substr(0, slash);
}

int rank_of(const std::string& layer) {
  if (layer == "main") return -1;
  for (std::size_t i = 0; i < layers.size(); ++i) {
    if (layers[i] == layer) return static_cast<int>(i);
  }
  return -2;  // not a layer: reported
}

}  // namespace

TEST_CASE("layers: a file includes only its own layer and the layers below it", "[layers]") {
  const std::regex include(R"re(^\s*#\s*include\s+"([^"]+)")re");
  std::vector<std::string> upward;
  std::size_t checked = 0;
  for (const auto& file : sources()) {
    const std::string layer = layer_of_file(file);
    INFO(file << " is in no layer: " << layer);
    REQUIRE(rank_of(layer) != -2);
    const auto lines = lines_of(file);
    for (std::size_t i = 0; i < lines.size(); ++i) {
      std::smatch m;
      if (!std::regex_search(lines[i], m, include)) continue;
      const std::string target = layer_of_include(m[1]);
      if (target.empty()) continue;
      ++checked;
      INFO(file << ":" << i + 1 << " includes " << m[1] << ", in no layer");
      REQUIRE(rank_of(target) != -2);
      if (rank_of(target) < rank_of(layer)) {
        upward.push_back(file + ":" + std::to_string(i + 1) + ": " + layer + " includes " + m[1].str() + " (" + target + ")");
      }
    }
  }
  INFO(listing(upward));
  CHECK(upward.empty());
  CHECK(checked > 400);  // the pattern finds the includes
}

TEST_CASE("layers: the log's database is opened only inside src/log/", "[layers]") {
  // The Store (lbtrain/log.hpp) is what the layers above hold; its SQLite connection, the
  // schema and the set rows are in these private headers of the log.
  const std::regex database_headers(R"re(^\s*#\s*include\s+"log/(store|schema)\.hpp")re");
  std::vector<std::string> outside;
  for (const auto& file : sources()) {
    if (under(file, "src/log/")) continue;
    auto found = matches(file, database_headers);
    outside.insert(outside.end(), found.begin(), found.end());
  }
  INFO(listing(outside));
  CHECK(outside.empty());
}

namespace {

/// `text` with comments blanked and string and character literals (raw ones too) emptied,
/// newlines kept: what is left is code, whose braces can be counted.
std::string code_only(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  const auto blank = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to && k < text.size(); ++k) out += text[k] == '\n' ? '\n' : ' ';
  };
  for (std::size_t i = 0; i < text.size();) {
    const char c = text[i];
    const bool word_before = i > 0 && (std::isalnum(static_cast<unsigned char>(text[i - 1])) || text[i - 1] == '_');
    if (text.compare(i, 2, "//") == 0) {
      const std::size_t end = std::min(text.find('\n', i), text.size());
      blank(i, end);
      i = end;
    } else if (text.compare(i, 2, "/*") == 0) {
      const std::size_t end = std::min(text.find("*/", i + 2), text.size() - 2) + 2;
      blank(i, end);
      i = end;
    } else if (c == 'R' && !word_before && text.compare(i + 1, 1, "\"") == 0) {
      const std::size_t open = text.find('(', i + 2);
      const std::string close = ")" + text.substr(i + 2, open - (i + 2)) + "\"";
      const std::size_t end = std::min(text.find(close, open), text.size()) + close.size();
      out += "\"\"";
      blank(i + 2, end);
      i = end;
    } else if (c == '"' || (c == '\'' && !word_before)) {  // 1'000 is a digit separator
      std::size_t end = i + 1;
      while (end < text.size() && text[end] != c) end += text[end] == '\\' ? 2 : 1;
      out += c;
      blank(i + 1, end);
      out += c;
      i = end + 1;
    } else {
      out += c;
      ++i;
    }
  }
  return out;
}

/// Each function body of `file` (at namespace or class scope, lambdas inside counted with it)
/// as its first line and its length in lines, from the line of `{` to the line of `}`.
std::vector<std::pair<std::size_t, std::size_t>> function_lengths(const fs::path& path) {
  std::ifstream in(path);
  const std::string code = code_only(std::string(std::istreambuf_iterator<char>(in), {}));
  static const std::regex qualifiers(R"(\s*(const|noexcept|override|final|mutable)$)");
  std::vector<std::pair<bool, std::size_t>> open;  // a function's body?, its first line
  std::vector<std::pair<std::size_t, std::size_t>> found;
  std::size_t line = 1;
  int in_function = 0;
  for (std::size_t i = 0; i < code.size(); ++i) {
    if (code[i] == '\n') {
      ++line;
    } else if (code[i] == '{') {
      bool body = false;
      if (in_function == 0) {
        std::string before = code.substr(i >= 400 ? i - 400 : 0, i >= 400 ? 400 : i);
        while (!before.empty() && std::isspace(static_cast<unsigned char>(before.back()))) before.pop_back();
        for (std::smatch m; std::regex_search(before, m, qualifiers);) before.resize(static_cast<std::size_t>(m.position(0)));
        body = !before.empty() && before.back() == ')';
      }
      in_function += body ? 1 : 0;
      open.emplace_back(body, line);
    } else if (code[i] == '}' && !open.empty()) {
      if (open.back().first) {
        --in_function;
        found.emplace_back(open.back().second, line - open.back().second + 1);
      }
      open.pop_back();
    }
  }
  return found;
}

}  // namespace

TEST_CASE("layers: no function over 100 lines", "[layers]") {
  const std::size_t limit = 100;
  std::vector<std::string> over;
  std::size_t functions = 0;
  for (const auto& file : sources()) {
    for (const auto& [first, length] : function_lengths(source_dir / file)) {
      ++functions;
      if (length > limit) over.push_back(file + ":" + std::to_string(first) + ": " + std::to_string(length) + " lines");
    }
  }
  INFO(listing(over));
  CHECK(over.empty());
  CHECK(functions > 1000);  // the walk finds the functions
}

TEST_CASE("layers: the function counter counts what it should", "[layers]") {
  // The counter's own cases, on a file written for the purpose: a long function is found with
  // its length, braces in strings, raw strings, characters and comments are not counted, and a
  // class's or a namespace's braces are not a function.
  const fs::path probe = fs::temp_directory_path() / ("lbtrain-layers-probe-" + std::to_string(::getpid()) + ".cpp");
  std::ofstream(probe) << "namespace a {\nstruct S {\n  int f() const noexcept {\n    return 1;\n  }\n};\n"
                                      "// } {\nint g(int x) {\n  const char* s = \"}}{\";\n  char c = '}';\n"
                                      "  auto r = R\"x(})x\";\n  if (x) {\n    return 2;\n  }\n  return 3;\n}\n}\n";
  const auto found = function_lengths(probe);
  fs::remove(probe);
  REQUIRE(found.size() == 2);
  CHECK(found[0] == std::pair<std::size_t, std::size_t>{3, 3});
  CHECK(found[1] == std::pair<std::size_t, std::size_t>{8, 9});
}
