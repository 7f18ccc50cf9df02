#include "cli/cli.hpp"

#include "lbtrain/app.hpp"
#include "lbtrain/data_set.hpp"
#include "lbtrain/error.hpp"
#include "lbtrain/text_match.hpp"
#include "lbtrain/version.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <optional>
#include <unistd.h>

namespace lbtrain::cli {

namespace {

const char* const exit_codes_help =
    "Exit status:\n"
    "  0  success\n"
    "  1  internal error (a bug in lbtrain)\n"
    "  2  usage error: unknown option, command, goal, level or equipment, or a value out of range\n"
    "  3  data error: a catalogue or rules file is unreadable or invalid\n"
    "  4  output error: the plan could not be written\n"
    "  5  refused: screening (such as --injury) rules out any plan; see a professional first\n";

// Goals are named in the help from the built-in rules, so the help never drifts from data.
std::string goals_help() {
  std::string text = "Goals (built in):\n";
  try {
    DataSet data = load_data_set("builtin", "builtin");
    for (const auto& goal : data.rules.goals) {
      text += fmt::format("  {:<10} {} (also: {})\n", goal.id, goal.name, join(goal.aliases, ", "));
    }
    std::vector<std::string> presets;
    for (const auto& [name, items] : data.vocabulary->equipment_presets) presets.push_back(name);
    text += "\nEquipment: " + join(data.vocabulary->equipment, ", ") + "\n";
    text += "Equipment presets: " + join(presets, ", ") + " (gym has everything)\n";
    text += "Levels: " + join(data.vocabulary->levels, ", ") + "\n";
  } catch (const Error&) {
  }
  return text;
}

const char* const plan_examples =
    "Examples:\n"
    "  lbtrain plan --goal lockout --weeks 4\n"
    "  lbtrain plan --goal lordosis --weeks 6 --days 3 --format json | jq '.weeks[0].sessions[0]'\n"
    "  lbtrain plan --goal general --equipment none --level beginner -o plan.txt\n";

void print_error(const std::string& message) {
  std::fflush(stdout);
  std::cerr << "lbtrain: error: " << message << std::endl;
}

}  // namespace

int run(int argc, char** argv) {
  CLI::App app{"lbtrain writes training plans for the lower back and the posterior chain:\n"
               "deadlift lockout, anterior or posterior pelvic tilt, and lower-back health.",
               "lbtrain"};
  app.set_version_flag("-V,--version", std::string(version()));
  app.require_subcommand(0, 1);
  app.footer(std::string("\nRun 'lbtrain plan --help' for the plan options.\n\n") + exit_codes_help);

  PlanOptions options;
  std::string days;
  auto* plan = app.add_subcommand("plan", "Write a training plan for one or more goals");
  // A repeated option takes its last value, as in most command-line tools; --goal and
  // --exclude collect every value instead.
  plan->option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  plan->add_option("-g,--goal", options.goals,
                   "Goal to train for; repeat (or comma-separate) to combine goals")
      ->delimiter(',')
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->type_name("GOAL");
  plan->add_option("-w,--weeks", options.weeks, "Number of weeks, 1 to 52")
      ->type_name("N")
      ->default_str("4");
  plan->add_option("-d,--days", days, "Sessions a week, 1 to 7")
      ->type_name("N")
      ->default_str("the goal's default");
  plan->add_option("-l,--level", options.level, "beginner, intermediate or advanced")
      ->type_name("LEVEL")
      ->default_str("intermediate");
  plan->add_option("-e,--equipment", options.equipment,
                   "Comma-separated equipment you have, or a preset (gym, home); none = bodyweight")
      ->type_name("LIST")
      ->default_str("gym");
  plan->add_option("-f,--format", options.format, "Output format: text or json")
      ->type_name("FORMAT")
      ->default_str("text");
  plan->add_flag("--compact", options.compact, "With --format json: print on one line");
  plan->add_option("-o,--output", options.output,
                   "Write to FILE (atomically: an existing file is replaced only on success)")
      ->type_name("FILE");
  plan->add_option("--catalog", options.catalogue, "Exercise catalogue to use instead of the built-in one")
      ->type_name("FILE");
  plan->add_option("--rules", options.rules, "Goal rules to use instead of the built-in ones")
      ->type_name("FILE");
  plan->add_option("-x,--exclude", options.exclude, "Never prescribe this exercise id (repeatable)")
      ->delimiter(',')
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->type_name("ID");

  // Screening questions come from the built-in rules: a flag for each yes/no question and an
  // option for each question with named answers.
  std::map<std::string, bool> flag_values;
  std::map<std::string, std::string> choice_values;
  std::vector<Screening> screening_questions;
  try {
    screening_questions = load_data_set("builtin", "builtin").rules.screening;
  } catch (const Error& e) {
    print_error(e.what());
    return static_cast<int>(e.code());
  }
  for (const auto& screening : screening_questions) {
    if (screening.is_choice()) {
      std::vector<std::string> ids;
      for (const auto& c : screening.choices) ids.push_back(c.id);
      plan->add_option("--" + screening.id, choice_values[screening.id], screening.help)
          ->type_name(join(ids, "|"))
          ->group("Screening");
    } else {
      plan->add_flag("--" + screening.id, flag_values[screening.id], screening.help)->group("Screening");
    }
  }
  plan->footer([] { return "\n" + goals_help() + "\n" + plan_examples + "\n" + exit_codes_help; });

  // An unknown command gets a suggestion rather than CLI11's generic complaint.
  if (argc > 1 && argv[1][0] != '-') {
    std::string command = argv[1];
    std::vector<std::string> commands{"plan", "help"};
    if (command == "help") {
      if (argc > 2 && std::string(argv[2]) == "plan") {
        std::cout << plan->help();
      } else {
        std::cout << app.help();
      }
      return 0;
    }
    if (std::find(commands.begin(), commands.end(), command) == commands.end()) {
      print_error(fmt::format("unknown command \"{}\"{}\nRun 'lbtrain --help' for the commands.",
                              command, did_you_mean(command, commands)));
      return static_cast<int>(ExitCode::usage);
    }
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::Success& e) {
    return app.exit(e);  // --help and --version print to stdout and succeed
  } catch (const CLI::ParseError& e) {
    std::string where = plan->parsed() ? "lbtrain plan --help" : "lbtrain --help";
    print_error(fmt::format("{}\nRun '{}' for usage.", e.what(), where));
    return static_cast<int>(ExitCode::usage);
  }

  if (!plan->parsed()) {
    std::cerr << app.help();
    return static_cast<int>(ExitCode::usage);
  }
  if (plan->count("--days") > 0) options.days = days;
  for (const auto& [id, given] : flag_values) {
    if (given) options.flags.push_back(id);
  }
  for (const auto& [id, value] : choice_values) {
    if (plan->count("--" + id) > 0) options.choices[id] = value;
  }

  const char* no_color = std::getenv("NO_COLOR");
  Terminal terminal{::isatty(STDOUT_FILENO) == 1, no_color != nullptr && *no_color != '\0'};
  try {
    return static_cast<int>(run_plan(options, terminal));
  } catch (const Error& e) {
    print_error(e.what());
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    print_error(fmt::format("internal error: {}", e.what()));
    return static_cast<int>(ExitCode::internal);
  }
  return 0;
}

}  // namespace lbtrain::cli
