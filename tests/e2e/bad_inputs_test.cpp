// The bad-input suite: every case refused end to end with a clear error, a documented exit
// status, nothing on standard output and no partial output file.

#include "support/helpers.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace lbtrain;

namespace {

const std::string inputs = std::string(LBTRAIN_SOURCE_DIR) + "/tests/bad_inputs/";

/// Runs a plan with `file` as --catalog or --rules and checks it fails safely with `code`.
void refuses(const std::string& option, const std::string& file, int code, const std::string& message) {
  INFO(option << " " << file);
  std::string dir = test::temp_dir();
  std::string out = dir + "/plan.txt";
  auto r = test::run_lbtrain({"plan", "--goal", "lockout", option, file, "-o", out});
  CHECK(r.exit_code == code);
  CHECK(r.out.empty());
  CHECK(r.err.rfind("lbtrain: error: ", 0) == 0);
  CHECK(r.err.find(message) != std::string::npos);
  CHECK(r.err.find(file) != std::string::npos);
  CHECK(r.err.size() < 4000);  // huge values are cut in messages
  CHECK_FALSE(std::filesystem::exists(out));
  auto piped = test::run_lbtrain({"plan", "--goal", "lockout", option, file});
  CHECK(piped.exit_code == code);
  CHECK(piped.out.empty());
}

}  // namespace

TEST_CASE("bad data files are refused with a clear error and exit status 3", "[bad-input]") {
  struct Case {
    const char* file;
    const char* message;
  };
  for (auto [file, message] : std::vector<Case>{
           {"empty.json", ":1:1: invalid JSON: syntax error while parsing value - unexpected end of input"},
           {"not-json.json", ":1:2: invalid JSON: syntax error while parsing value - invalid literal"},
           {"truncated.json", "invalid JSON"},
           {"invalid-utf8.json", ":1:73: invalid JSON: syntax error while parsing value - invalid string: ill-formed UTF-8 byte"},
           {"duplicate-keys.json", "the key \"version\" appears twice"},
           {"huge-number.json", "invalid JSON: number overflow parsing '1e999'"},
       }) {
    refuses("--catalog", inputs + file, 3, message);
    refuses("--rules", inputs + file, 3, message);
  }
  // An array is read as a free-exercise-db catalogue, whose records must be objects.
  refuses("--catalog", inputs + "array.json", 3, "array.json:1:2: /0: record: expected an object, found an integer");
  refuses("--rules", inputs + "array.json", 3, "array.json:1:1: /: expected an object, found an array");
  refuses("--catalog", inputs + "wrong-types.json", 3, "problem");
}

TEST_CASE("huge and odd inputs: deep nesting, long strings, directories, missing, unreadable, oversized", "[bad-input]") {
  std::string dir = test::temp_dir();
  std::string nested = dir + "/nested.json";
  test::write_file(nested, std::string(200000, '[') + std::string(200000, ']'));
  refuses("--catalog", nested, 3, "nested more than 256 levels deep");
  std::string deep_object = dir + "/deep.json";
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "{\"a\":";
  text += "1" + std::string(100000, '}');
  test::write_file(deep_object, text);
  refuses("--rules", deep_object, 3, "deep.json");

  std::string long_string = dir + "/long.json";
  test::write_file(long_string, "{\"format\": \"lbtrain-catalogue\", \"version\": 1, \"exercises\": [{\"id\": \"" +
                                    std::string(10 << 20, 'a') + "\"}]}");
  refuses("--catalog", long_string, 3, "long.json");

  refuses("--catalog", dir, 3, "it is a directory");
  refuses("--catalog", dir + "/missing.json", 3, "No such file or directory");
  // Unreadable: a file without read permission, or (for root, who may read anything) a file
  // whose read fails.
  std::string unreadable = dir + "/unreadable.json";
  test::write_file(unreadable, "{}");
  std::filesystem::permissions(unreadable, std::filesystem::perms::none);
  if (::geteuid() != 0) {
    refuses("--catalog", unreadable, 3, "Permission denied");
  } else {
    refuses("--catalog", "/proc/self/mem", 3, "Input/output error");
  }
  std::string oversized = dir + "/oversized.json";
  std::ofstream{oversized}.close();
  std::filesystem::resize_file(oversized, std::uintmax_t{600} << 20);  // sparse: no disk used
  refuses("--catalog", oversized, 3, "it is 600 MB, over the 512 MB limit");
  std::filesystem::remove(oversized);
}

TEST_CASE("output that cannot be written fails safely", "[bad-input]") {
  std::string dir = test::temp_dir();
  auto missing_dir = test::run_lbtrain({"plan", "--goal", "lockout", "-o", dir + "/no/such/dir/plan.txt"});
  CHECK(missing_dir.exit_code == 4);
  CHECK(missing_dir.err.find("does not exist") != std::string::npos);

  std::string existing = dir + "/plan.txt";
  test::write_file(existing, "my old plan\n");
  auto failed = test::run_lbtrain({"plan", "--goal", "lockout", "--catalog", inputs + "truncated.json", "-o", existing});
  CHECK(failed.exit_code == 3);
  CHECK(test::read_file(existing) == "my old plan\n");
  CHECK(std::filesystem::directory_iterator(dir)->path() == existing);  // no temporary left behind

  auto full = test::run_program("sh", {"-c", std::string(LBTRAIN_BINARY) + " plan --goal lockout > /dev/full"},
                                {"XDG_CONFIG_HOME=/nonexistent"});
  CHECK(full.exit_code == 4);
  CHECK(full.err == "lbtrain: error: cannot write to standard output: No space left on device\n");

  // A reader that stops early (| head -c 10) gets its bytes; lbtrain exits quietly.
  auto closed = test::run_program(
      "bash", {"-c", std::string(LBTRAIN_BINARY) + " plan --goal lockout --weeks 52 --days 7 | head -c 10; "
                     "echo \" status=${PIPESTATUS[0]}\""},
      {"XDG_CONFIG_HOME=/nonexistent"});
  CHECK(closed.out.rfind("lbtrain pl status=", 0) == 0);
  CHECK(closed.err.empty());
  CHECK(closed.out == "lbtrain pl status=4\n");  // output error, silently
}
