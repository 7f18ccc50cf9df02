// The pager, as git does it: on a terminal, text taller than the screen goes through
// $LBTRAIN_PAGER (the pager setting, also the config file's pager), else $PAGER, else `less
// -FRX`; --no-pager and a pager of "off" (or "cat", or PAGER="") turn it off; a pipe, a file and -o never page (write_stdout is not called for a file, and this is set
// only when standard output is a terminal).

#include "cli/pager.hpp"

#include "cli/commands.hpp"
#include "cli/log_settings.hpp"

#include "cli/stdout.hpp"
#include "lbtrain/app.hpp"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace lbtrain::cli {

namespace {

int screen_rows() {
  winsize size{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_row > 0) return size.ws_row;
  const char* lines = std::getenv("LINES");
  if (lines && *lines) {
    int rows = std::atoi(lines);
    if (rows > 0) return rows;
  }
  return 24;
}

/// The pager setting (LBTRAIN_PAGER, else the config file's pager), else $PAGER, else less.
std::string pager_command(const std::string& setting) {
  if (!setting.empty()) return setting;
  if (const char* pager = std::getenv("PAGER")) return pager;
  return "less -FRX";
}

bool page(const std::string& command, std::string_view text) {
  const auto lines = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  if (lines < screen_rows()) return false;
  std::FILE* pipe = ::popen(command.c_str(), "w");
  if (!pipe) return false;
  // The lifter may quit the pager before the end: what is left is not theirs to see (SIGPIPE
  // is ignored, so a write fails quietly).
  std::fwrite(text.data(), 1, text.size(), pipe);
  const int status = ::pclose(pipe);
  if (status != -1 && WIFEXITED(status) && (WEXITSTATUS(status) == 127 || WEXITSTATUS(status) == 126)) {
    // The shell found no such pager (or could not run it): the text was read by no one, so it
    // is printed here rather than lost.
    print_warnings({"the pager \"" + command + "\" could not run; printing without it (LBTRAIN_PAGER, PAGER, or "
                    "lbtrain config set pager off)"});
    return false;
  }
  return true;
}

}  // namespace

std::vector<char*> take_no_pager(int argc, char** argv, bool& no_pager) {
  std::vector<char*> kept;
  bool options_end = false;
  for (int i = 0; i < argc; ++i) {
    std::string_view word = argv[i];
    if (i > 0 && !options_end && word == "--no-pager") {
      no_pager = true;
      continue;
    }
    if (word == "--") options_end = true;
    kept.push_back(argv[i]);
  }
  kept.push_back(nullptr);
  return kept;
}

void use_pager(bool no_pager, std::string_view command_name) {
  // Commands that print one result; assess and start ask questions, done and log write.
  static const std::string_view paged[] = {"plan", "next", "program", "report", "history", "exercises", "goals",
                                           "config", "catalog", "help"};
  if (std::find(std::begin(paged), std::end(paged), command_name) == std::end(paged)) return;
  if (no_pager || ::isatty(STDOUT_FILENO) != 1) return;
  const std::string command = pager_command(settings().get("pager").value);
  if (command.empty() || command == "off" || command == "cat") return;
  set_stdout_pager([command](std::string_view text) { return page(command, text); });
}

}  // namespace lbtrain::cli
