// A hostile user, end to end with the real binary: where -o may point (symlinks, loops, FIFOs,
// devices, long names, a kept mode), signals during a write, NUL bytes and pipes, full disks
// for help and version, terminal escapes from data files, and text that is wide, long or
// written right to left. Each case here was a failure once; the issue tracker has the repro.

#include "support/helpers.hpp"
#include "support/files.hpp"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <fstream>
#include <sstream>

namespace test = lbtrain::test;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> plan{"plan", "--goal", "lockout", "--weeks", "1"};

std::vector<std::string> plan_to(const std::string& output) {
  auto args = plan;
  args.insert(args.end(), {"-o", output});
  return args;
}

std::string shell_quote(const std::string& text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

/// Runs `script` in sh with LBTRAIN naming the binary.
test::RunResult shell(const std::string& script) {
  return test::run_program("sh", {"-c", script},
                           {"LBTRAIN=" + std::string(LBTRAIN_BINARY), "XDG_CONFIG_HOME=/nonexistent", "LBTRAIN_DB="});
}

/// A minimal catalogue with one exercise named `name`, selectable by the lockout goal's slots
/// as the built-in back extension is (layered over the built-in catalogue, it replaces it).
std::string catalogue_naming_back_extension(const std::string& name) {
  std::string builtin = test::read_file(std::string(LBTRAIN_SOURCE_DIR) + "/data/exercises.json");
  std::string key = "\"name\": \"Back extension (45-degree)\"";
  auto at = builtin.find(key);
  REQUIRE(at != std::string::npos);
  std::string escaped;
  for (char c : name) {
    if (c == '"' || c == '\\') escaped += '\\';
    if (static_cast<unsigned char>(c) < 0x20) {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\u%04x", static_cast<unsigned>(c));
      escaped += buffer;
      continue;
    }
    escaped += c;
  }
  return builtin.replace(at, key.size(), "\"name\": \"" + escaped + "\"");
}

}  // namespace

TEST_CASE("plan -o follows a symlink and keeps it, refuses a loop, and keeps the file mode", "[hostile][output]") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/real.txt", "old\n");
  fs::create_symlink("real.txt", dir + "/link.txt");
  auto r = test::run_lbtrain(plan_to(dir + "/link.txt"));
  REQUIRE(r.exit_code == 0);
  CHECK(fs::is_symlink(dir + "/link.txt"));  // not replaced by a regular file
  CHECK(test::read_file(dir + "/real.txt").find("Week 1 of 1") != std::string::npos);

  fs::create_symlink("loop2", dir + "/loop1");
  fs::create_symlink("loop1", dir + "/loop2");
  r = test::run_lbtrain(plan_to(dir + "/loop1"));
  CHECK(r.exit_code == 4);
  CHECK(r.err.find("loop1") != std::string::npos);
  CHECK(r.err.find("symbolic links") != std::string::npos);
  CHECK(fs::is_symlink(dir + "/loop1"));

  // A dangling symlink: its target is created.
  fs::create_symlink("new.txt", dir + "/dangling");
  REQUIRE(test::run_lbtrain(plan_to(dir + "/dangling")).exit_code == 0);
  CHECK(fs::is_symlink(dir + "/dangling"));
  CHECK(fs::is_regular_file(dir + "/new.txt"));

  // A private file stays private.
  test::write_file(dir + "/private.txt", "secret\n");
  ::chmod((dir + "/private.txt").c_str(), 0600);
  REQUIRE(test::run_lbtrain(plan_to(dir + "/private.txt")).exit_code == 0);
  CHECK(test::mode_of(dir + "/private.txt") == 0600);

  // A name near NAME_MAX: the temporary file's name is cut to fit beside it.
  std::string long_name = dir + "/" + std::string(250, 'a') + ".txt";
  r = test::run_lbtrain(plan_to(long_name));
  CHECK(r.exit_code == 0);
  CHECK(fs::is_regular_file(long_name));
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++files;
  CHECK(files == 8);  // real, link, loop1, loop2, dangling, new, private, long: no temporary left
}

TEST_CASE("plan -o writes FIFOs and devices in place, and an empty name is a usage error", "[hostile][output]") {
  std::string dir = test::temp_dir();
  std::string fifo = dir + "/fifo";
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  auto r = shell("cat " + shell_quote(fifo) + " > " + shell_quote(dir + "/read.txt") + " & \"$LBTRAIN\" plan --goal lockout --weeks 1 -o " +
                 shell_quote(fifo) + "; status=$?; wait; exit $status");
  CHECK(r.exit_code == 0);
  CHECK(test::read_file(dir + "/read.txt").find("Week 1 of 1") != std::string::npos);
  CHECK(fs::is_fifo(fifo));

  // A device: written, never replaced. /dev/full says the disk is full, and stays a device.
  r = test::run_lbtrain(plan_to("/dev/full"));
  CHECK(r.exit_code == 4);
  CHECK(r.err.find("No space left on device") != std::string::npos);
  CHECK(fs::is_character_file("/dev/full"));
  // A null device of our own (root only: mknod), so a regression cannot replace the real one.
  // (A container may refuse mknod even to root; then this part says so and is skipped.)
  std::string null = dir + "/null";
  if (::geteuid() == 0 && ::mknod(null.c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0) {
    CHECK(test::run_lbtrain(plan_to(null)).exit_code == 0);
    CHECK(fs::is_character_file(null));
  } else {
    WARN("cannot make a null device here (not root, or mknod refused); /dev/full above covers devices");
  }

  r = test::run_lbtrain(plan_to(""));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("--output: an empty file name") != std::string::npos);
  CHECK(r.out.empty());
}

TEST_CASE("a signal during -o's write removes the temporary file and leaves the old one", "[hostile][output][signal]") {
  // strace holds fsync for two seconds; the signal arrives while the temporary file exists.
  // Where tracing is not allowed (a container without ptrace), strace cannot run at all: say so.
  auto can_trace = shell("strace -o /dev/null /bin/true");
  if (can_trace.exit_code != 0) {
    WARN("strace cannot trace here, so the signal case is not run: " << can_trace.err);
    return;
  }
  std::string dir = test::temp_dir();
  test::write_file(dir + "/plan.txt", "my old plan\n");
  // The child of strace is lbtrain; strace ends as its tracee did.
  auto r = shell("strace -o /dev/null -e trace=fsync -e inject=fsync:delay_enter=2000000 \"$LBTRAIN\" plan --goal lockout "
                 "--weeks 52 -o " + shell_quote(dir + "/plan.txt") +
                 " & s=$!; sleep 1; kill -TERM $(pgrep -P $s); wait $s; echo status=$?");
  INFO(r.out << r.err);
  CHECK(r.out.find("status=143") != std::string::npos);
  CHECK(test::read_file(dir + "/plan.txt") == "my old plan\n");
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& entry : fs::directory_iterator(dir)) ++files;
  CHECK(files == 1);
}

TEST_CASE("a NUL byte is refused with its line and column, from a file or a pipe", "[hostile][input]") {
  std::string dir = test::temp_dir();
  auto with_nul = [&](const std::string& name, const std::string& json) {
    std::ofstream out(dir + "/" + name, std::ios::binary);
    out << json << '\0' << "x";
  };
  with_nul("catalogue.json", "{\"format\": \"lbtrain-catalogue\", \"version\": 1, \"exercises\": []}\n");
  with_nul("rules.json", "{}");
  with_nul("answers.json", "{\"goal\": \"lockout\"}");
  fs::create_directories(dir + "/config/lbtrain");
  with_nul("config/lbtrain/config.json", "{\"level\": \"beginner\"}");
  const std::string nul = "invalid JSON: a NUL byte; JSON text has none";
  auto r = test::run_lbtrain({"plan", "--goal", "lockout", "--catalog", dir + "/catalogue.json"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("catalogue.json:2:1: " + nul) != std::string::npos);
  r = test::run_lbtrain({"plan", "--goal", "lockout", "--rules", dir + "/rules.json"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("rules.json:1:3: " + nul) != std::string::npos);
  r = test::run_lbtrain({"assess", "--answers", dir + "/answers.json"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("answers.json:1:20: " + nul) != std::string::npos);
  r = test::run_lbtrain({"plan", "--goal", "lockout"}, {"XDG_CONFIG_HOME=" + dir + "/config"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("config.json:1:22: " + nul) != std::string::npos);
  // Through a pipe: the same line and column.
  r = shell("cat " + shell_quote(dir + "/catalogue.json") + " | \"$LBTRAIN\" plan --goal lockout --catalog /dev/stdin");
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("/dev/stdin:2:1: " + nul) != std::string::npos);
  // A NUL inside a string is refused too, not cut there.
  test::write_file(dir + "/inside.json", std::string("{\"level\": \"beg\0inner\"}", 22));
  r = test::run_lbtrain({"assess", "--answers", dir + "/inside.json"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("NUL") != std::string::npos);
}

TEST_CASE("help and version on a full disk fail with exit 4", "[hostile][output]") {
  for (const char* args : {"--version", "--help", "help plan", "plan --help", "help", "log --help", "history --help"}) {
    auto r = shell("\"$LBTRAIN\" " + std::string(args) + " > /dev/full");
    INFO(args << ": " << r.err);
    CHECK(r.exit_code == 4);
    CHECK(r.err.find("No space left on device") != std::string::npos);
  }
}

TEST_CASE("escapes from data files and settings reach the terminal as text", "[hostile][escape]") {
  std::string dir = test::temp_dir();
  fs::create_directories(dir + "/lbtrain");
  test::write_file(dir + "/lbtrain/config.json", "{\"level\": \"beg\\u001b[31minner\"}");
  auto r = test::run_lbtrain({"config", "show"}, {"XDG_CONFIG_HOME=" + dir});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find('\033') == std::string::npos);
  CHECK(r.out.find("beg\\x1B[31minner") != std::string::npos);
  std::istringstream lines(r.out);
  std::string line;
  std::size_t from_column = std::string::npos;
  while (std::getline(lines, line)) {  // the FROM column stays aligned around the shown escape
    if (line.rfind("SETTING", 0) == 0) from_column = line.find("FROM");
    if (line.rfind("level", 0) == 0) CHECK(line.find("config file") == from_column);
  }

  std::string catalogue = dir + "/catalogue.json";
  test::write_file(catalogue, catalogue_naming_back_extension("Back \x1b]0;owned\x07 extension \xe2\x80\xae" "evil"));
  for (std::vector<std::string> args : {std::vector<std::string>{"exercises", "show", "back-extension"},
                                        {"exercises"}, {"goals"}, {"plan", "--goal", "lockout", "--weeks", "1"},
                                        {"plan", "--goal", "lockout", "--weeks", "1", "--format", "ics", "--start", "2026-11-23"},
                                        {"plan", "--goal", "lockout", "--weeks", "1", "--format", "html"}}) {
    // Every format neutralises the marks that reorder text (ICS once let U+202E through).
    args.insert(args.end(), {"--catalog", catalogue});
    r = test::run_lbtrain(args);
    INFO(args.front() << "\n" << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out.find('\033') == std::string::npos);
    CHECK(r.out.find('\x07') == std::string::npos);
    CHECK(r.out.find("\xe2\x80\xae") == std::string::npos);  // no right-to-left override
  }
  r = test::run_lbtrain({"catalog", "validate", catalogue});
  CHECK(r.out.find('\033') == std::string::npos);
}

TEST_CASE("a rules layer that weakens screening is said aloud, by plan and by validate", "[hostile][rules]") {
  std::string dir = test::temp_dir();
  std::string rules = dir + "/weak.json";
  test::write_file(rules, R"({"format": "lbtrain-rules", "version": 2, "screening": [{"id": "injury",
    "label": "Back injury or warning signs", "help": "anything", "unused": "nothing"}]})");
  auto r = test::run_lbtrain({"plan", "--goal", "lockout", "--weeks", "1", "--rules", rules});
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("lbtrain: warning: ") != std::string::npos);
  CHECK(r.err.find("screening \"injury\" no longer refuses a plan") != std::string::npos);
  r = test::run_lbtrain({"catalog", "validate", rules});
  CHECK(r.out.find("warning: ") != std::string::npos);
  CHECK(r.out.find("no longer refuses") != std::string::npos);
}

TEST_CASE("answers, help and --compact: odd requests get clear answers", "[hostile][cli]") {
  std::string dir = test::temp_dir();
  test::write_file(dir + "/answers.json", R"({"injury": true})");
  auto r = test::run_lbtrain({"assess", "--answers", dir + "/answers.json"});
  CHECK(r.exit_code == 2);  // a wrong answer, as a wrong option value
  CHECK(r.err.find("\"injury\": true is not an answer; answer with a string, one of: yes, no") != std::string::npos);
  CHECK(r.err.find("\n  \"goal\" is not answered") != std::string::npos);  // one problem a line

  r = test::run_lbtrain({"help", "help"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == test::run_lbtrain({"--help"}).out);
  r = test::run_lbtrain({"help", "plan", "extra"});
  CHECK(r.exit_code == 2);
  for (std::vector<std::string> args : {std::vector<std::string>{"plan", "--goal", "lockout", "--compact"},
                                        {"goals", "--compact"}, {"history", "--compact"}, {"log", "export", "--compact"}}) {
    r = test::run_lbtrain(args);
    INFO(args.front());
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("--compact works only with --format json") != std::string::npos);
  }
}

TEST_CASE("wide, long and mixed-script names keep the sheet and text within 80 columns, losing nothing", "[hostile][width]") {
  std::string dir = test::temp_dir();
  std::string wide = dir + "/wide.json";
  const std::string name = "背中の伸展 🏋️ extension with a long name (ẞ, é, 한국어)";
  test::write_file(wide, catalogue_naming_back_extension(name));
  // Widths from Python's unicodedata (East Asian Wide and Fullwidth count two, marks zero),
  // independent of lbtrain's own table.
  std::string checker = dir + "/widest.py";
  test::write_file(checker, "import sys, unicodedata\n"
                            "def w(line):\n"
                            "    n = 0\n"
                            "    for ch in line:\n"
                            "        if unicodedata.combining(ch) or ch in '\\u200d\\ufe0f': continue\n"
                            "        n += 2 if unicodedata.east_asian_width(ch) in 'WF' else 1\n"
                            "    return n\n"
                            "print(max(w(l) for l in sys.stdin.read().replace('\\f', '').split('\\n')))\n");
  for (const char* format : {"sheet", "text"}) {
    auto r = shell("\"$LBTRAIN\" plan --goal lockout --weeks 2 --format " + std::string(format) + " --catalog " + shell_quote(wide) +
                   " | python3 " + shell_quote(checker));
    INFO(format << ": " << r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(std::stoi(r.out) <= 80);
  }
  auto text = test::run_lbtrain({"plan", "--goal", "lockout", "--weeks", "1", "--catalog", wide});
  CHECK(text.out.find("背中の伸展") != std::string::npos);

  // A 5,000-character name: wrapped over lines, every character still there.
  std::string long_name;
  for (int i = 0; i < 500; ++i) long_name += "word" + std::to_string(i % 10) + "abcd ";
  long_name.pop_back();
  std::string huge = dir + "/huge.json";
  test::write_file(huge, catalogue_naming_back_extension(long_name));
  for (const char* format : {"text", "sheet"}) {
    auto r = test::run_lbtrain({"plan", "--goal", "lockout", "--weeks", "1", "--format", format, "--catalog", huge});
    REQUIRE(r.exit_code == 0);
    std::string letters;
    std::istringstream lines(r.out);
    std::size_t widest = 0;
    for (std::string line; std::getline(lines, line);) {
      if (!line.empty() && line.front() == '\f') line.erase(0, 1);  // a new page
      widest = std::max(widest, line.size());
      for (char c : line) if (c != ' ' && c != '\f') letters += c;
    }
    INFO(format);
    CHECK(widest <= 80);
    if (std::string(format) == "sheet") {
      CHECK(test::count(r.out, "abcd") == 500);  // every word of the name, on however many pages
    } else {                                     // in text, in one piece
      std::string expected;
      for (char c : long_name) if (c != ' ') expected += c;
      CHECK(letters.find(expected) != std::string::npos);
    }
  }
}

TEST_CASE("what validates plans: a note without {name}, an absurd tempo, deep answers, endless input", "[hostile][input]") {
  std::string dir = test::temp_dir();
  auto goals = nlohmann::json::parse(test::read_file(std::string(LBTRAIN_SOURCE_DIR) + "/data/goals.json"));
  auto layer = [&](const std::string& name, const std::function<void(nlohmann::json&)>& change) {
    nlohmann::json block = goals["progressions"]["back-extension-block"];
    change(block);
    nlohmann::json rules{{"format", "lbtrain-rules"}, {"version", goals["version"]}, {"progressions", {{"back-extension-block", block}}}};
    test::write_file(dir + "/" + name, rules.dump());
    return dir + "/" + name;
  };
  // A note without the {name} placeholder: validates, and plans (it was an internal error).
  std::string note = layer("note.json", [](nlohmann::json& b) { b["note"] = "a note without the name"; });
  CHECK(test::run_lbtrain({"catalog", "validate", note}).exit_code == 0);
  // (The short text gives how each exercise progresses as one line; --details prints the notes.)
  auto r = test::run_lbtrain({"plan", "--goal", "lockout", "--weeks", "2", "--rules", note, "--details"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("a note without the name") != std::string::npos);

  // A tempo of 80 nines with 10 sets of 600 reps: refused by validate and by plan, not a
  // session of minus 35 million minutes.
  std::string tempo = layer("tempo.json", [](nlohmann::json& b) {
    b["tempo"] = std::string(80, '9');
    b["sets"] = 10;
    b["start"] = {{"reps", 600}};
    b["max"] = {{"reps", 600}};
  });
  r = test::run_lbtrain({"plan", "--goal", "lockout", "--rules", tempo});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("is not a tempo") != std::string::npos);
  CHECK(r.out.find("min") == std::string::npos);
  CHECK(test::run_lbtrain({"catalog", "validate", tempo}).exit_code == 3);

  // Answers nested 100,000 deep: refused at the depth bound, not a stack overflow.
  test::write_file(dir + "/deep.json", "{\"injury\": " + std::string(100000, '[') + std::string(100000, ']') + "}");
  r = test::run_lbtrain({"assess", "--answers", dir + "/deep.json"});
  CHECK(r.exit_code == 3);
  CHECK(r.err.find("nested more than 256 levels deep") != std::string::npos);

  // Endless input is refused by a read budget, quickly and in little memory.
  for (const char* option : {"--rules", "--catalog"}) {
    r = test::run_lbtrain({"plan", "--goal", "lockout", option, "/dev/zero"});
    CHECK(r.exit_code == 3);
    CHECK(r.err.find("/dev/zero") != std::string::npos);
  }
  r = test::run_lbtrain({"assess", "--answers", "/dev/zero"});
  CHECK(r.exit_code == 3);
  r = test::run_lbtrain({"assess", "--answers", ""});
  CHECK(r.exit_code != 0);
  CHECK(r.err.find("not a terminal") == std::string::npos);
}

TEST_CASE("the log's export keeps every byte in a file, and shows escapes as text on a terminal", "[hostile][escape][log]") {
  std::string dir = test::temp_dir();
  std::string db = dir + "/log.db";
  auto r = test::run_lbtrain({"log", "plank", "2x30s", "--note", "a \x1b]0;owned\x07 note", "--db", db});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find('\033') == std::string::npos);
  auto piped = test::run_lbtrain({"log", "export", "--db", db});
  CHECK(piped.out.find("a \x1b]0;owned\x07 note") != std::string::npos);  // exact, for a file or a program
  for (std::vector<std::string> args : {std::vector<std::string>{"log", "export"}, {"log", "export", "-f", "json"},
                                        {"history", "-f", "csv"}, {"history"}}) {
    args.insert(args.end(), {"--db", db});
    auto shown = test::run_lbtrain_on_terminal(args, {});
    INFO(args[0] << " " << args[1]);
    CHECK(shown.exit_code == 0);
    CHECK(shown.out.find('\033') == std::string::npos);
    CHECK(shown.out.find('\x07') == std::string::npos);
  }
}
