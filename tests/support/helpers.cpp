#include "support/helpers.hpp"

#include "lbtrain/screen.hpp"
#include "lbtrain/select.hpp"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fcntl.h>
#include <fstream>
#include <poll.h>
#include <pty.h>
#include <sstream>
#include <string_view>
#include <sys/wait.h>
#include <unistd.h>

namespace lbtrain::test {

const DataSet& builtin() {
  static const DataSet data = load_data_set({}, {});
  return data;
}

std::string describe(const PlanOptions& o) {
  std::string out;
  for (const auto& g : o.goals) out += "--goal " + g + " ";
  out += "--weeks " + o.weeks + " --level " + o.level + " --equipment " + o.equipment;
  if (o.days) out += " --days " + *o.days;
  if (o.start) out += " --start " + *o.start;
  for (const auto& f : o.flags) out += " --" + f;
  for (const auto& [k, v] : o.choices) out += " --" + k + " " + v;
  for (const auto& x : o.exclude) out += " --exclude " + x;
  return out;
}

std::unique_ptr<Selected> select_for(const PlanOptions& options, const DataSet& data) {
  auto selected = std::make_unique<Selected>();
  selected->request = resolve_request(options, resolve_output(options), data);
  auto result = screen(selected->request, data);
  REQUIRE(std::holds_alternative<Screened>(result));
  selected->screened = std::move(std::get<Screened>(result));
  selected->selection = select_exercises(data, selected->request, selected->screened);
  return selected;
}

Plan make_plan(const PlanOptions& options, const DataSet& data) {
  auto selected = select_for(options, data);
  return build_plan(data, selected->request, selected->screened, selected->selection);
}

Plan make_plan(const PlanOptions& options) { return make_plan(options, builtin()); }

namespace {
[[noreturn]] void exec_program(std::string program, const std::vector<std::string>& args) {
  std::vector<char*> argv;
  argv.push_back(program.data());
  std::vector<std::string> copies = args;
  for (auto& a : copies) argv.push_back(a.data());
  argv.push_back(nullptr);
  ::execvp(program.c_str(), argv.data());
  ::_exit(127);
}

[[noreturn]] void exec_lbtrain(const std::vector<std::string>& args) { exec_program(LBTRAIN_BINARY, args); }

// CTest runs the entries labelled `unit` with LBTRAIN_TEST_LABEL=unit (tests/CMakeLists.txt):
// such a test must not run a program, or the sanitizer pass and a reader would take an
// end-to-end test for a unit test.
void require_end_to_end() {
  const char* label = std::getenv("LBTRAIN_TEST_LABEL");
  if (label != nullptr && std::string_view(label) == "unit") {
    FAIL("this test runs a program, but its file is listed as unit in tests/CMakeLists.txt "
         "(LBTRAIN_UNIT_TEST_FILES): move it to tests/e2e/ and LBTRAIN_E2E_TEST_FILES");
  }
}
}  // namespace

RunResult run_lbtrain(const std::vector<std::string>& args, const std::vector<std::string>& env) {
  // Whoever runs the tests, their settings, colour preferences and training log stay out of
  // them: a test that forgets --db writes into a directory of its own.
  static const std::string data_home = temp_dir();
  std::vector<std::string> clean{"XDG_CONFIG_HOME=/nonexistent/lbtrain-tests", "XDG_DATA_HOME=" + data_home, "NO_COLOR=",
                                 "CLICOLOR_FORCE="};
  for (const auto& key : {"EQUIPMENT", "LEVEL", "DAYS", "START_WEEKDAY", "FORMAT", "COLOR", "UNIT", "DB", "PAGER"}) {
    clean.push_back(std::string("LBTRAIN_") + key + "=");
  }
  clean.insert(clean.end(), env.begin(), env.end());
  return run_program(LBTRAIN_BINARY, args, clean);
}

RunResult run_program(const std::string& program, const std::vector<std::string>& args,
                      const std::vector<std::string>& env) {
  require_end_to_end();
  int out_pipe[2];
  int err_pipe[2];
  REQUIRE(::pipe(out_pipe) == 0);
  REQUIRE(::pipe(err_pipe) == 0);
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  if (pid == 0) {
    int null_in = ::open("/dev/null", O_RDONLY);
    ::dup2(null_in, STDIN_FILENO);  // never a terminal, whoever runs the tests
    ::dup2(out_pipe[1], STDOUT_FILENO);
    ::dup2(err_pipe[1], STDERR_FILENO);
    ::close(out_pipe[0]);
    ::close(err_pipe[0]);
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    for (const auto& e : env) ::putenv(const_cast<char*>(e.c_str()));
    exec_program(program, args);
  }
  ::close(out_pipe[1]);
  ::close(err_pipe[1]);
  RunResult result;
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  int open_count = 2;
  char buffer[65536];
  while (open_count > 0) {
    ::poll(fds, 2, -1);
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
      ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
      if (n <= 0) {
        ::close(fds[i].fd);
        fds[i].fd = -1;
        --open_count;
      } else {
        (i == 0 ? result.out : result.err).append(buffer, static_cast<std::size_t>(n));
      }
    }
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + what.size())) ++n;
  return n;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void write_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary);
  out << content;
}

std::string temp_dir() {
  std::string pattern = "/tmp/lbtrain-test-XXXXXX";
  REQUIRE(::mkdtemp(pattern.data()) != nullptr);
  return pattern;
}

RunResult run_lbtrain_on_terminal(const std::vector<std::string>& args, const std::vector<std::string>& typed,
                                  const std::vector<std::string>& env, int columns) {
  require_end_to_end();
  int master = -1;
  winsize size{};
  size.ws_row = 50;
  size.ws_col = static_cast<unsigned short>(columns);
  pid_t pid = ::forkpty(&master, nullptr, nullptr, &size);
  REQUIRE(pid >= 0);
  if (pid == 0) {
    ::setenv("NO_COLOR", "1", 1);
    ::setenv("XDG_CONFIG_HOME", "/nonexistent/lbtrain-tests", 1);
    ::setenv("LBTRAIN_PAGER", "off", 1);  // the pager has tests of its own (done_test.cpp)
    for (const auto& e : env) ::putenv(const_cast<char*>(e.c_str()));
    exec_lbtrain(args);
  }
  RunResult result;
  char buffer[65536];
  // Read until the program waits for input ("> " or "? " prompt), then type the next line.
  auto read_for = [&](int milliseconds) {
    pollfd fd{master, POLLIN, 0};
    while (::poll(&fd, 1, milliseconds) > 0) {
      ssize_t n = ::read(master, buffer, sizeof buffer);
      if (n <= 0) return false;
      result.out.append(buffer, static_cast<std::size_t>(n));
    }
    return true;
  };
  for (const auto& line : typed) {
    read_for(300);
    if (::write(master, line.data(), line.size()) < 0) break;
  }
  read_for(2000);
  int status = 0;
  ::waitpid(pid, &status, 0);
  ::close(master);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

void check_golden(const std::string& name, const std::string& actual) {
  std::string path = std::string(LBTRAIN_SOURCE_DIR) + "/tests/golden/" + name;
  const char* update = std::getenv("LBTRAIN_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    write_file(path, actual);
    WARN("rewrote " << path);
    return;
  }
  std::string expected = read_file(path);
  INFO("golden file " << path << " (rerun with LBTRAIN_UPDATE_GOLDEN=1 to rewrite it)");
  REQUIRE_FALSE(expected.empty());
  CHECK(actual == expected);
}

}  // namespace lbtrain::test
