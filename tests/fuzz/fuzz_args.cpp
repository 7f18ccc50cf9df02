// libFuzzer target: the argument layer. The input is a command line, one argument per line,
// run through lbtrain::cli::run as main() would (standard output goes to /dev/null). Arguments that
// would write files (-o, --output, --db) or read the terminal are left out, and the training log
// is a file in a temporary directory, so a run is harmless.
#include "cli/cli.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>
#include <fcntl.h>
#include <unistd.h>

namespace {

bool writes_files(const std::string& arg) {
  if (arg.rfind("--o", 0) == 0) return true;                                   // --output, --o...
  if (arg.rfind("--db", 0) == 0) return true;                                  // --db FILE, --db=FILE
  if (arg.size() > 1 && arg[0] == '-' && arg[1] != '-') return arg.find('o') != std::string::npos;  // -o, -xo, -ofile
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  int null = ::open("/dev/null", O_RDWR);
  ::dup2(null, STDIN_FILENO);
  ::dup2(null, STDOUT_FILENO);  // run libFuzzer with -close_fd_mask=2 to silence the error messages too
  ::setenv("XDG_CONFIG_HOME", "/nonexistent", 1);
  // `lbtrain log` writes to the log: one in a directory of its own, never the user's.
  static std::string data_home = "/tmp/lbtrain-fuzz-XXXXXX";
  if (::mkdtemp(data_home.data()) == nullptr) __builtin_trap();
  ::setenv("XDG_DATA_HOME", data_home.c_str(), 1);
  ::unsetenv("LBTRAIN_DB");
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> args{"lbtrain"};
  std::string current;
  for (std::size_t i = 0; i < size; ++i) {
    char c = static_cast<char>(data[i]);
    if (c == '\n') {
      args.push_back(current);
      current.clear();
    } else if (c != '\0') {
      current += c;
    }
  }
  if (!current.empty()) args.push_back(current);
  std::vector<char*> argv;
  for (auto& arg : args) {
    if (argv.empty() || !writes_files(arg)) argv.push_back(arg.data());
  }
  if (argv.size() > 64) argv.resize(64);
  argv.push_back(nullptr);
  int status = lbtrain::cli::run(static_cast<int>(argv.size() - 1), argv.data());
  std::fflush(stdout);
  if (status < 0 || status > 6) __builtin_trap();  // only the documented exit statuses
  return 0;
}
