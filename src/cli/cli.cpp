// The command line: builds the application from the commands, parses, runs the one given, and
// is the one place where errors become messages and exit statuses.

#include "cli/cli.hpp"
#include "cli/commands.hpp"
#include "cli/pager.hpp"
#include "cli/help.hpp"

#include "format/escape.hpp"
#include "cli/stdout.hpp"
#include "model/text_match.hpp"
#include "lbtrain/model/version.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <sstream>
#include <sys/ioctl.h>
#include <unistd.h>

namespace lbtrain::cli {

// The exit statuses are listed once, in the man page (EXIT STATUS); help points there.
const char* const exit_codes_help =
    "Exit status: 0 on success, 2 for a usage error; every status is in 'man lbtrain' (EXIT STATUS).\n";

Terminal this_terminal() {
  auto set = [](const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0';
  };
  Terminal tty;
  tty.stdout_is_tty = ::isatty(STDOUT_FILENO) == 1;
  tty.stderr_is_tty = ::isatty(STDERR_FILENO) == 1;
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

/// `lbtrain help [COMMAND [SUBCOMMAND...]]`, which is `lbtrain COMMAND [SUBCOMMAND...] --help`.
ExitCode help(const CLI::App& app, int argc, char** argv) {
  const CLI::App* at = &app;
  std::string path = "lbtrain";
  for (int i = 2; i < argc; ++i) {
    std::string topic = argv[i];
    if (i == 2 && topic == "help") break;
    std::vector<std::string> names = command_names(*at);
    if (names.empty()) {
      usage_error(fmt::format("'{}' has no command \"{}\"\nRun '{} --help' for its options.", path, topic, path));
    }
    const CLI::App* command = find_command(*at, topic);
    if (!command) usage_error(unknown_value_message(path == "lbtrain" ? "help" : path, "command", topic, names, names));
    path += " " + topic;
    at = command;
  }
  write_stdout(at == &app ? app.help() : at->help(path.substr(0, path.rfind(' '))));
  return ExitCode::ok;
}

/// The deepest command given on the command line.
const CLI::App* deepest_command(const CLI::App& app) {
  const CLI::App* at = &app;
  for (bool deeper = true; deeper;) {
    deeper = false;
    for (const auto* sub : at->get_subcommands([](const CLI::App*) { return true; })) {
      if (sub->parsed()) {
        at = sub;
        deeper = true;
        break;
      }
    }
  }
  return at;
}

/// The names of every option of `command` and the commands above it ("--weeks", "-w").
std::vector<std::string> option_names(const CLI::App* command) {
  std::vector<std::string> names;
  for (; command != nullptr; command = command->get_parent()) {
    for (const auto* option : command->get_options()) {
      for (const auto& name : option->get_lnames()) names.push_back("--" + name);
      for (const auto& name : option->get_snames()) names.push_back("-" + name);
    }
  }
  return names;
}

/// The deepest command given on the command line, as `lbtrain X --help` names it.
std::string command_path(const CLI::App& app) {
  std::string where;
  for (const CLI::App* at = deepest_command(app); at != nullptr; at = at->get_parent()) {
    where = at->get_name() + (where.empty() ? "" : " " + where);
  }
  return where;
}

/// What was not expected, in the order typed: the first unknown option with the nearest option
/// of the command, else the first argument left over.
std::string unexpected_message(const CLI::App& app, int argc, char** argv) {
  const CLI::App* command = deepest_command(app);
  std::vector<std::string> known = option_names(command);
  std::vector<std::string> left = app.remaining(true);
  auto is_left = [&](const std::string& token) { return std::find(left.begin(), left.end(), token) != left.end(); };
  std::string where = command_path(app);
  for (int i = 1; i < argc; ++i) {
    std::string token = argv[i];
    if (token.size() < 2 || token[0] != '-' || token == "--" || !is_left(token)) continue;
    std::string name = token.substr(0, token.find('='));
    if (std::find(known.begin(), known.end(), name) != known.end()) continue;
    return fmt::format("'{}' has no option \"{}\"{}", where, name, did_you_mean(name, known));
  }
  for (int i = 1; i < argc; ++i) {
    if (is_left(argv[i])) return fmt::format("'{}' does not take \"{}\"", where, argv[i]);
  }
  return "unexpected arguments";
}

/// Adds the commands to `app`.
std::vector<Command> add_commands(CLI::App& app, std::string_view first) {
  // Only the command given (`first`) is built (a plan's options come from the built-in rules,
  // and every command's options cost start-up time); help, completion, a mistyped command or
  // none at all build them all.
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
      {{"start", "next", "program", "report", "done"}, add_program_commands},
      {{"config"}, add_config},
      {{"completion"}, [](CLI::App& a) { return std::vector<Command>{add_completion(a)}; }},
  };
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
  return commands;
}

/// A mistyped command, or a plan's option given before any command: a usage error saying what
/// was meant ("help" is answered before this).
void refuse_unknown_start(CLI::App& app, int argc, char** argv) {
  if (argc > 1 && argv[1][0] != '-') {
    std::string command = argv[1];
    std::vector<std::string> names = command_names(app);
    if (!find_command(app, command)) {
      names.push_back("help");
      usage_error(fmt::format("unknown command \"{}\"{}\nRun 'lbtrain --help' for the commands.", command,
                              did_you_mean(command, names)));
    }
  }
  // An option given before any command is most often a plan's: `lbtrain --goal lockout`.
  if (argc > 1 && argv[1][0] == '-' && argv[1][1] != '\0') {
    std::string option = std::string(argv[1]).substr(0, std::string(argv[1]).find('='));
    const CLI::App* plan = find_command(app, "plan");
    if (option != "-h" && option != "--help" && plan && plan->get_option_no_throw(option) != nullptr) {
      std::string typed;
      for (int i = 1; i < argc; ++i) typed += std::string(" ") + argv[i];
      usage_error(fmt::format("\"{}\" is an option of a command; did you mean 'lbtrain plan{}'?\n"
                              "Run 'lbtrain --help' for the commands.",
                              option, typed));
    }
  }
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
  app.formatter(help_formatter(help_width()));
  app.set_version_flag("-V,--version", std::string(version()));
  app.require_subcommand(0, 1);
  std::vector<Command> commands = add_commands(app, argc > 1 ? argv[1] : "");

  // After the commands: CLI11 gives a new command its parent's footer, and the commands' own
  // help must not repeat this one.
  app.footer(std::string("\nExamples:\n"
                         "  lbtrain assess                         # new here? start with questions\n"
                         "  lbtrain plan --goal lockout --weeks 4  # a 4-week plan on the terminal\n"
                         "  lbtrain start --goal lordosis --on mon,wed,fri --equipment home\n"
                         "  lbtrain next                           # the next session, with loads\n"
                         "  lbtrain log back-extension 3x12@20kg rir4\n"
                         "  lbtrain report -o progress.html\n\n"
                         "Run 'lbtrain plan --help' for the plan options, 'lbtrain help COMMAND' for any command.\n"
                         "On a terminal, output taller than the screen goes through LBTRAIN_PAGER, PAGER or less -FRX;\n"
                         "--no-pager (with any command) or the pager setting \"off\" turn that off.\n\n") +
             exit_codes_help);
  if (argc > 1 && std::string_view(argv[1]) == "help") return help(app, argc, argv);
  refuse_unknown_start(app, argc, argv);
  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    // --help and --version print to standard output and succeed.
    std::ostringstream out, err;
    app.exit(e, out, err);
    write_stdout(out.str());
    return ExitCode::ok;
  } catch (const CLI::ExtrasError&) {
    usage_error(fmt::format("{}\nRun '{} --help' for usage.", unexpected_message(app, argc, argv), command_path(app)));
  } catch (const CLI::ParseError& e) {
    const CLI::App* command = deepest_command(app);
    std::vector<std::string> names = command_names(*command);
    if (!names.empty() && command->get_subcommands().empty() && std::string(e.what()).find("ubcommand") != std::string::npos) {
      usage_error(fmt::format("'{}' needs a command: {}\nRun '{} --help' for usage.", command_path(app), join(names, ", "),
                              command_path(app)));
    }
    usage_error(fmt::format("{}\nRun '{} --help' for usage.", e.what(), command_path(app)));
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
  bool no_pager = false;
  std::vector<char*> args = take_no_pager(argc, argv, no_pager);
  return guarded([&] {
    // A bad setting is an error of the command that reads it, not of every command.
    try {
      use_pager(no_pager, args.size() > 2 ? std::string_view(args[1]) : std::string_view());
    } catch (const Error&) {
    }
    return run_command_line(static_cast<int>(args.size()) - 1, args.data());
  });
}

}  // namespace lbtrain::cli
