// The sinks formatters stream into (src/write/): a failure leaves no partial file and no
// temporary file, a closed pipe is a quiet output error, and the streamed bytes are the
// formatters' own, in process and from the real binary.
#include "support/helpers.hpp"

#include "lbtrain/format.hpp"
#include "lbtrain/model/error.hpp"
#include "lbtrain/write.hpp"

#include <catch2/catch.hpp>

#include <csignal>
#include <filesystem>
#include <string>
#include <unistd.h>
#include <vector>

using namespace lbtrain;

namespace {

std::vector<std::string> files_in(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) names.push_back(entry.path().filename().string());
  return names;
}

PlanOptions big_options(const std::string& format) {
  PlanOptions options;
  options.goals = {"lockout", "lordosis", "general"};
  options.weeks = "52";
  options.days = "7";
  options.start = "2026-01-05";
  options.format = format;
  return options;
}

}  // namespace

TEST_CASE("a file sink puts the file in place only when finished", "[sink]") {
  const std::string dir = test::temp_dir();
  const std::string path = dir + "/plan.txt";
  test::write_file(path, "my old plan\n");
  {
    FileSink sink(path);
    sink.write(std::string(200 * 1024, 'x'));  // more than a chunk: some of it is already written out
    CHECK(files_in(dir).size() == 2);          // the file and the temporary file beside it
    CHECK(test::read_file(path) == "my old plan\n");
  }  // destroyed unfinished, as when a formatter throws
  CHECK(test::read_file(path) == "my old plan\n");
  CHECK(files_in(dir) == std::vector<std::string>{"plan.txt"});

  FileSink sink(path);
  sink.write("new ");
  sink.put('p');
  sink.fill(2, 'l');
  sink.finish();
  CHECK(test::read_file(path) == "new pll");
  CHECK(files_in(dir) == std::vector<std::string>{"plan.txt"});
}

TEST_CASE("a sink over a closed pipe is a quiet output error", "[sink]") {
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  ::close(fds[0]);
  auto previous = std::signal(SIGPIPE, SIG_IGN);
  ExitCode code = ExitCode::ok;
  std::string message = "none";
  {
    FdSink sink(fds[1], "standard output");
    try {
      for (int i = 0; i < 4; ++i) sink.write(std::string(64 * 1024, 'x'));
      sink.finish();
    } catch (const Error& e) {
      code = e.code();
      message = e.what();
    }
  }
  std::signal(SIGPIPE, previous);
  ::close(fds[1]);
  CHECK(code == ExitCode::output);
  CHECK(message.empty());
}

TEST_CASE("each plan format streamed is the same bytes as the format as one string", "[sink][formats]") {
  for (std::string format : {"text", "json", "sheet", "markdown", "csv", "html", "ics"}) {
    INFO(format);
    const PlanOptions options = big_options(format);
    const Plan plan = test::make_plan(options);
    const OutputOptions output = resolve_output(options);
    const std::string whole = format_plan(plan, output, TextStyle{});
    const std::string dir = test::temp_dir();
    FileSink sink(dir + "/plan");
    write_plan(plan, output, TextStyle{}, sink);
    sink.finish();
    CHECK(test::read_file(dir + "/plan") == whole);
    // The real binary writes the same bytes to a pipe.
    auto run = test::run_lbtrain({"plan", "--goal", "lockout,lordosis,general", "--weeks", "52", "--days", "7",
                                  "--start", "2026-01-05", "--format", format});
    CHECK(run.exit_code == 0);
    CHECK(run.out == whole);
  }
}

TEST_CASE("a -o file that fails mid-write keeps the old file and leaves no temporary file", "[sink][cli]") {
  const std::string dir = test::temp_dir();
  const std::string path = dir + "/plan.json";
  test::write_file(path, "my old plan\n");
  // 100 KB a file at most (SIGXFSZ ignored, so the write fails with EFBIG): the 5 MB plan fails
  // after its first chunks were written to the temporary file.
  auto r = test::run_program("bash", {"-c", "trap '' XFSZ; ulimit -f 100; exec " + std::string(LBTRAIN_BINARY) +
                                                " plan --goal lockout,lordosis,general --weeks 52 --days 7 "
                                                "--format json -o " + path},
                             {"XDG_CONFIG_HOME=/nonexistent"});
  CHECK(r.exit_code == 4);
  CHECK(r.err == "lbtrain: error: cannot write '" + path + "': File too large\n");
  CHECK(test::read_file(path) == "my old plan\n");
  CHECK(files_in(dir) == std::vector<std::string>{"plan.json"});

  // Standard output cut the same way: an output error, not a crash.
  auto out = test::run_program("bash", {"-c", "trap '' XFSZ; ulimit -f 100; " + std::string(LBTRAIN_BINARY) +
                                              " plan --goal lockout,lordosis,general --weeks 52 --days 7 "
                                              "--format json > " + dir + "/out.json"},
                               {"XDG_CONFIG_HOME=/nonexistent"});
  CHECK(out.exit_code == 4);
  CHECK(out.err == "lbtrain: error: cannot write to standard output: File too large\n");
}
