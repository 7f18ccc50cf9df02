// The command line: builds the application from the commands, parses, runs the one given, and
// is the one place where errors become messages and exit statuses.

#include "cli/cli.hpp"
#include "cli/commands.hpp"

#include "format/escape.hpp"
#include "lbtrain/output.hpp"
#include "text_match.hpp"
#include "lbtrain/version.hpp"

#include <fmt/format.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <sys/ioctl.h>
#include <unistd.h>

namespace lbtrain::cli {

const char* const exit_codes_help =
    "Exit status:\n"
    "  0  success\n"
    "  1  internal error (a bug in lbtrain)\n"
    "  2  usage error: unknown option, command, goal, level, equipment or exercise, or a value out of\n"
    "     range (a malformed or absurd 'lbtrain log' entry, a date in the future);\n"
    "     a bad setting in LBTRAIN_* or the config file; goals that cannot be combined\n"
    "  3  data error: a catalogue, rules or config file is unreadable or invalid;\n"
    "     'catalog validate' found a problem; the training log cannot be used (not SQLite,\n"
    "     a directory, read-only, from a newer lbtrain); an import file is unreadable or bad\n"
    "  4  output error: the output could not be written (silently when a pipe's reader stops early)\n"
    "  5  refused: screening (such as --injury) rules out any plan; see a professional first\n"
    "  6  cancelled: you left 'lbtrain assess' (Ctrl-C or end of input)\n";

Terminal this_terminal() {
  auto set = [](const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0';
  };
  Terminal tty;
  tty.stdout_is_tty = ::isatty(STDOUT_FILENO) == 1;
  tty.no_color = set("NO_COLOR");
  tty.clicolor_force = set("CLICOLOR_FORCE") && std::string(std::getenv("CLICOLOR_FORCE")) != "0";
  winsize size{};
  if (tty.stdout_is_tty && ::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0) tty.columns = size.ws_col;
  return tty;
}

/// Quoted values and unbroken runs over 240 bytes are cut, so a 10 MB field cannot flood the
/// terminal; a message may quote a file's bytes, so it goes through printable().
void print_error(const std::string& message) {
  if (message.empty()) return;
  std::fflush(stdout);
  std::cerr << "lbtrain: error: " << printable(cut_long_values(message)) << std::endl;
}

void print_warnings(const std::vector<std::string>& warnings) {
  if (warnings.empty()) return;
  std::fflush(stdout);
  for (const auto& warning : warnings) std::cerr << "lbtrain: warning: " << printable(cut_long_values(warning)) << "\n";
}

void write_for_reader(const std::string& text) { write_stdout(printable(text)); }

void write_data_output(const std::string& path, const std::string& text) {
  const bool to_stdout = path.empty() || path == "-";
  if (to_stdout && ::isatty(STDOUT_FILENO)) write_stdout(printable(text));
  else write_output(path, text, Privacy::private_data);
}

CLI::Option* add_output_option(CLI::App& command, std::string& path, const std::string& description) {
  return command.add_option("-o,--output", path, description)
      ->type_name("FILE")
      ->check([](const std::string& value) -> std::string {
        return value.empty() ? "an empty file name; give a file name, or - for standard output" : "";
      });
}

namespace {

/// The one place where the core's errors become messages and exit statuses.
template <typename Body>
int guarded(Body body) {
  try {
    return static_cast<int>(body());
  } catch (const Error& e) {
    print_error(e.what());
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    print_error(fmt::format("internal error: {}", e.what()));
    return static_cast<int>(ExitCode::internal);
  }
}

/// The command named `name`, or nullptr.
const CLI::App* find_command(const CLI::App& app, const std::string& name) {
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) {
    if (sub->get_name() == name) return sub;
  }
  return nullptr;
}

std::vector<std::string> command_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const auto* sub : app.get_subcommands([](const CLI::App*) { return true; })) names.push_back(sub->get_name());
  return names;
}

/// `lbtrain help [COMMAND]`, which is `lbtrain COMMAND --help`.
ExitCode help(const CLI::App& app, int argc, char** argv) {
  if (argc == 2) {
    write_stdout(app.help());
    return ExitCode::ok;
  }
  if (argc > 3) {
    usage_error(fmt::format("help takes one command, not \"{}\"\nRun 'lbtrain help' for the commands.", argv[3]));
  }
  std::string topic = argv[2];
  if (topic == "help") {
    write_stdout(app.help());
    return ExitCode::ok;
  }
  std::vector<std::string> names = command_names(app);
  const CLI::App* command = find_command(app, topic);
  if (!command) {
    usage_error(unknown_value_message("help", "command", topic, names, names));
  }
  write_stdout(command->help(app.get_name()));
  return ExitCode::ok;
}

/// The deepest command given on the command line, as `lbtrain X --help` names it.
std::string usage_hint(const CLI::App& app) {
  std::string where = "lbtrain";
  const CLI::App* at = &app;
  for (bool deeper = true; deeper;) {
    deeper = false;
    for (const auto* sub : at->get_subcommands([](const CLI::App*) { return true; })) {
      if (sub->parsed()) {
        where += " " + sub->get_name();
        at = sub;
        deeper = true;
        break;
      }
    }
  }
  return where + " --help";
}

ExitCode run_command_line(int argc, char** argv) {
  // `lbtrain --version` alone needs none of the commands: it is answered before any are built.
  if (argc == 2 && (std::string_view(argv[1]) == "--version" || std::string_view(argv[1]) == "-V")) {
    write_stdout(std::string(version()) + "\n");
    return ExitCode::ok;
  }
  CLI::App app{"lbtrain writes training plans for the lower back and the posterior chain:\n"
               "deadlift lockout, anterior or posterior pelvic tilt, and lower-back health.",
               "lbtrain"};
  app.set_version_flag("-V,--version", std::string(version()));
  app.require_subcommand(0, 1);
  app.footer(std::string("\nRun 'lbtrain plan --help' for the plan options, 'lbtrain help COMMAND' for any command.\n\n") +
             exit_codes_help);
  // Only the command given is built (a plan's options come from the built-in rules, and every
  // command's options cost start-up time); help, completion, a mistyped command or none at all
  // build them all.
  using Adder = std::vector<Command> (*)(CLI::App&);
  struct Group {
    std::vector<std::string_view> names;
    Adder add;
  };
  static const Group groups[] = {
      {{"plan"}, [](CLI::App& a) { return std::vector<Command>{add_plan(a)}; }},
      {{"assess"}, [](CLI::App& a) { return std::vector<Command>{add_assess(a)}; }},
      {{"goals"}, [](CLI::App& a) { return std::vector<Command>{add_goals(a)}; }},
      {{"exercises"}, add_exercises},
      {{"catalog"}, add_catalog},
      {{"log"}, add_log},
      {{"history"}, [](CLI::App& a) { return std::vector<Command>{add_history(a)}; }},
      {{"start", "next", "program", "report"}, add_program_commands},
      {{"config"}, add_config},
      {{"completion"}, [](CLI::App& a) { return std::vector<Command>{add_completion(a)}; }},
  };
  std::string_view first = argc > 1 ? argv[1] : "";
  const Group* only = nullptr;
  for (const auto& group : groups) {
    for (auto name : group.names) {
      if (name == first && name != "completion") only = &group;
    }
  }
  std::vector<Command> commands;
  for (const auto& group : groups) {
    if (only && only != &group) continue;
    auto added = group.add(app);
    commands.insert(commands.end(), added.begin(), added.end());
  }

  if (argc > 1 && argv[1][0] != '-') {
    std::string command = argv[1];
    if (command == "help") return help(app, argc, argv);
    std::vector<std::string> names = command_names(app);
    if (!find_command(app, command)) {
      names.push_back("help");
      usage_error(fmt::format("unknown command \"{}\"{}\nRun 'lbtrain --help' for the commands.", command,
                              did_you_mean(command, names)));
    }
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    // --help and --version print to standard output and succeed.
    std::ostringstream out, err;
    app.exit(e, out, err);
    write_stdout(out.str());
    return ExitCode::ok;
  } catch (const CLI::ParseError& e) {
    usage_error(fmt::format("{} (run '{}' for usage)", e.what(), usage_hint(app)));
  }
  for (const auto& command : commands) {
    if (command.app->parsed()) return command.run();
  }
  std::cerr << app.help();
  return ExitCode::usage;
}

}  // namespace

int run(int argc, char** argv) {
  // A closed pipe is seen as EPIPE from write(), so lbtrain can exit quietly with its own status.
  std::signal(SIGPIPE, SIG_IGN);
  return guarded([&] { return run_command_line(argc, argv); });
}

}  // namespace lbtrain::cli
