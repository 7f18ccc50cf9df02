#include "cli/cli.hpp"
#include "cli/completion.hpp"

#include "lbtrain/app.hpp"
#include "lbtrain/assessment.hpp"
#include "lbtrain/browse.hpp"
#include "lbtrain/import.hpp"
#include "lbtrain/format.hpp"
#include "lbtrain/json_input.hpp"
#include "lbtrain/output.hpp"
#include "lbtrain/data_set.hpp"
#include "lbtrain/error.hpp"
#include "lbtrain/escape.hpp"
#include "lbtrain/settings.hpp"
#include "lbtrain/vocabulary.hpp"
#include "lbtrain/text_match.hpp"
#include "lbtrain/version.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>

#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <map>
#include <sys/ioctl.h>
#include <unistd.h>

namespace lbtrain::cli {

namespace {

const char* const exit_codes_help =
    "Exit status:\n"
    "  0  success\n"
    "  1  internal error (a bug in lbtrain)\n"
    "  2  usage error: unknown option, command, goal, level or equipment, or a value out of range;\n"
    "     a bad setting in LBTRAIN_* or the config file; goals that cannot be combined\n"
    "  3  data error: a catalogue, rules or config file is unreadable or invalid;\n"
    "     'catalog validate' found a problem\n"
    "  4  output error: the plan could not be written (silently when a pipe's reader stops early)\n"
    "  5  refused: screening (such as --injury) rules out any plan; see a professional first\n"
    "  6  cancelled: you left 'lbtrain assess' (Ctrl-C or end of input)\n";

// Goals are named in the help from the built-in rules, so the help never drifts from data.
std::string goals_help() {
  std::string text = "Goals (built in):\n";
  try {
    for (const auto& goal : builtin_rules().goals) {
      text += fmt::format("  {:<10} {} (also: {})\n", goal.id, goal.name, join(goal.aliases, ", "));
    }
    const Vocabulary& vocabulary = builtin_vocabulary();
    text += "\nEquipment: " + join(vocabulary.equipment, ", ") + "\n";
    for (const auto& [name, items] : vocabulary.equipment_presets) {
      std::string contents = items == vocabulary.equipment ? "everything" : join(items, ", ");
      text += fmt::format("Preset {}: {}\n", name, contents);
    }
    text += "Levels: " + join(vocabulary.levels, ", ") + "\n";
  } catch (const Error&) {
  }
  return text;
}

const char* const plan_examples =
    "Examples:\n"
    "  lbtrain plan --goal lockout --weeks 4\n"
    "  lbtrain plan --goal lordosis --weeks 6 --days 3 --format json | jq '.weeks[0].sessions[0]'\n"
    "  lbtrain plan --goal general --equipment none --level beginner -o plan.txt\n"
    "  lbtrain plan --goal lockout --weeks 4 --format sheet | lpr\n"
    "  lbtrain plan --goal lordosis --start 2026-11-23 --on mon,wed,fri --format ics -o plan.ics\n";

/// Prints an error; quoted values and unbroken runs over 240 bytes are cut so a 10 MB field
/// cannot flood the terminal. An empty message (the reader closed the pipe) prints nothing.
void print_error(const std::string& message) {
  if (message.empty()) return;
  std::string shown = cut_long_values(message);
  std::fflush(stdout);
  // A message may quote a file's bytes; keep it valid UTF-8 for the terminal.
  std::cerr << "lbtrain: error: " << valid_utf8(shown) << std::endl;
}

const char* const assess_examples =
    "Examples:\n"
    "  lbtrain assess                         # answer on the terminal\n"
    "  lbtrain assess --answers answers.json  # {\"injury\": \"no\", \"goal\": \"lockout\", ...}\n"
    "  lbtrain assess --answers answers.json --run\n";

extern "C" void cancel_assessment(int) {
  static const char message[] = "\nlbtrain: assessment cancelled; no plan written\n";
  [[maybe_unused]] auto n = ::write(STDERR_FILENO, message, sizeof message - 1);
  ::_exit(static_cast<int>(ExitCode::cancelled));
}

/// `lbtrain assess`: ask (or read) the answers, print the recommended command, maybe run it.
ExitCode run_assess(const std::string& answers_file, bool run_now, const Terminal& terminal) {
  const Rules& rules = builtin_rules();
  Answers answers;
  bool interactive = answers_file.empty();
  if (!interactive) {
    auto json = parse_json(read_data_file(answers_file), answers_file);
    answers = answers_from_json(rules, json, answers_file);
    run_now = run_now || (json.contains("run") && json["run"] == true);
  } else {
    if (::isatty(STDIN_FILENO) != 1) {
      usage_error("'lbtrain assess' asks its questions on a terminal, and standard input is not one; "
                  "answer from a file instead with --answers FILE (a JSON object such as "
                  "{\"injury\": \"no\", \"goal\": \"lockout\", ...}; see 'lbtrain assess --help')");
    }
    std::signal(SIGINT, cancel_assessment);
    std::cout << "lbtrain assess: a few questions to find the plan that fits you.\n"
                 "Answer with the number or the word; Ctrl-C or Ctrl-D leaves at any time.\n";
    answers = ask_questions(rules, std::cin, std::cout);
  }
  PlanOptions options = options_from_answers(rules, answers);
  if (auto refusal = refusal_for(rules, options.flags)) {
    write_stdout((interactive ? "\n" : "") + format_refusal_text(*refusal, {}));
    return ExitCode::refused;
  }
  std::string command = plan_command(rules, options);
  write_stdout((interactive ? "\nRecommended plan:\n  " : "") + command + "\n");
  if (interactive && !run_now) {
    std::cout << "\nRun it now? [Y/n] " << std::flush;
    std::string reply;
    run_now = std::getline(std::cin, reply) && (reply.empty() || reply[0] == 'y' || reply[0] == 'Y');
    if (run_now) std::cout << "\n" << std::flush;
  }
  return run_now ? run_plan(options, terminal) : ExitCode::ok;
}

const char* const config_help =
    "Settings are read from, in order of precedence: the command line; the environment\n"
    "(LBTRAIN_EQUIPMENT, LBTRAIN_LEVEL, LBTRAIN_DAYS, LBTRAIN_START_WEEKDAY, LBTRAIN_FORMAT,\n"
    "LBTRAIN_COLOR); the config file $XDG_CONFIG_HOME/lbtrain/config.json (default\n"
    "~/.config/lbtrain/config.json), a JSON object such as\n"
    "  {\"equipment\": \"home\", \"level\": \"beginner\", \"days\": 3, \"start_weekday\": \"mon\",\n"
    "   \"format\": \"sheet\", \"color\": \"never\"}\n"
    "and the built-in defaults. 'lbtrain config show' prints each setting and where it came from.\n\n"
    "Examples:\n"
    "  lbtrain config show\n"
    "  LBTRAIN_LEVEL=beginner lbtrain config show\n"
    "  lbtrain config path\n";

const char* const completion_examples =
    "Examples:\n"
    "  source <(lbtrain completion bash)                 # bash, this shell only\n"
    "  lbtrain completion zsh > ~/.zfunc/_lbtrain        # zsh, with ~/.zfunc in fpath\n"
    "  lbtrain completion fish > ~/.config/fish/completions/lbtrain.fish\n"
    "Installed packages put the scripts where each shell finds them.\n";

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

/// Settings from the environment and the config file fill the options not given on the
/// command line; errors then name where the value came from.
void apply_settings(const CLI::App& plan, PlanOptions& options) {
  Settings settings = load_settings(std::getenv);
  auto from_settings = [&](const std::string& key) -> const Setting* {
    const Setting& s = settings.get(key);
    const CLI::Option* flag = plan.get_option_no_throw(key == "start_weekday" ? "--start" : "--" + key);
    if ((flag && flag->count() > 0) || s.origin == "default" || s.value.empty()) return nullptr;
    options.where[key] = s.where;
    return &s;
  };
  if (auto* s = from_settings("equipment")) options.equipment = s->value;
  if (auto* s = from_settings("level")) options.level = s->value;
  if (auto* s = from_settings("format")) options.format = s->value;
  if (auto* s = from_settings("color")) options.color = s->value;
  if (auto* s = from_settings("days"); s && !options.on) options.days = s->value;
  if (auto* s = from_settings("start_weekday")) {
    options.start = iso_date(next_weekday(today_local(), *parse_weekday(s->value)));
    options.where["start"] = s->where;
  }
}

/// `lbtrain config show`.
ExitCode show_settings() {
  Settings settings = load_settings(std::getenv);
  std::string out = fmt::format("Config file: {}{}\n\n", settings.config_path, settings.config_found ? "" : " (not found)");
  out += fmt::format("{:<14} {:<16} {}\n", "SETTING", "VALUE", "FROM");
  for (const auto& s : settings.items) {
    std::string from = s.origin == "environment" ? "environment (" + s.where + ")" : s.origin == "config" ? "config file" : "default";
    out += fmt::format("{:<14} {:<16} {}\n", s.key, s.value.empty() ? "-" : s.value, from);
  }
  write_stdout(out);
  return ExitCode::ok;
}

/// `lbtrain completion SHELL`.
ExitCode print_completion(const CLI::App& app, const std::string& shell) {
  write_stdout(completion_script(app, shell, completion_values(builtin_rules(), builtin_vocabulary())));
  return ExitCode::ok;
}

/// The one place where the core's errors become messages and exit statuses.
template <typename Command>
int guarded(Command command) {
  try {
    return static_cast<int>(command());
  } catch (const Error& e) {
    print_error(e.what());
    return static_cast<int>(e.code());
  } catch (const std::exception& e) {
    print_error(fmt::format("internal error: {}", e.what()));
    return static_cast<int>(ExitCode::internal);
  }
}

}  // namespace

int run(int argc, char** argv) {
  // A closed pipe is seen as EPIPE from write(), so lbtrain can exit quietly with its own status.
  std::signal(SIGPIPE, SIG_IGN);
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
  plan->add_option("-f,--format", options.format,
                   "Output format: text, json, sheet (printable, a page per week), markdown, csv, html, "
                   "ics (calendar; needs --start)")
      ->type_name("FORMAT")
      ->default_str("text");
  std::string week, start, on, at;
  plan->add_option("--week", week, "Print only week N of the plan")->type_name("N");
  plan->add_option("--start", start, "Date of the plan's first day; sessions get real dates")
      ->type_name("YYYY-MM-DD");
  plan->add_option("--on", on, "Training weekdays, e.g. mon,wed,fri (sets --days; default: spread over the week)")
      ->type_name("DAYS");
  plan->add_option("--at", at, "Time of day the sessions start; calendar events are then timed, not all-day")
      ->type_name("HH:MM");
  plan->add_flag("--compact", options.compact, "With --format json: print on one line");
  plan->add_option("--color", options.color,
                   "Colour: auto (on a terminal, unless NO_COLOR is set), always or never")
      ->type_name("WHEN")
      ->default_str("auto");
  plan->add_option("-o,--output", options.output,
                   "Write to FILE (atomically: an existing file is replaced only on success)")
      ->type_name("FILE");
  plan->add_option("--catalog", options.catalogues,
                   "Exercise catalogue to use instead of the built-in one: lbtrain's format or "
                   "free-exercise-db's; repeat to layer catalogues (later ones win by id; 'builtin' names the "
                   "built-in one)")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->type_name("FILE");
  plan->add_option("--catalog-format", options.catalogue_format,
                   "Format of the --catalog files: auto (told from the content), lbtrain or free-exercise-db")
      ->type_name("FORMAT")
      ->default_str("auto");
  plan->add_option("--rules", options.rules,
                   "Goal rules layered over the built-in ones: goals, progressions and screening with a new id "
                   "are added, with a known id replace it (repeatable)")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->type_name("FILE");
  plan->add_option("-x,--exclude", options.exclude, "Never prescribe this exercise id (repeatable)")
      ->delimiter(',')
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->type_name("ID");

  // Screening questions come from the built-in rules: a flag for each yes/no question and an
  // option for each question with named answers.
  std::map<std::string, bool> flag_values;
  std::map<std::string, std::string> choice_values;
  const std::vector<Screening>* screening_questions = nullptr;
  try {
    screening_questions = &builtin_rules().screening;
  } catch (const Error& e) {
    print_error(e.what());
    return static_cast<int>(e.code());
  }
  for (const auto& screening : *screening_questions) {
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
  std::string answers_file;
  bool run_now = false;
  auto* assess = app.add_subcommand("assess", "Answer a few questions and get the plan command that fits you");
  assess->add_option("--answers", answers_file, "Read the answers from a JSON file instead of asking")
      ->type_name("FILE");
  assess->add_flag("--run", run_now, "Run the recommended plan without asking");
  assess->footer(std::string("\n") + assess_examples + "\n" + exit_codes_help);

  plan->footer([] { return "\n" + goals_help() + "\n" + plan_examples + "\n" + exit_codes_help; });

  auto* config = app.add_subcommand("config", "Show your settings and where each comes from");
  config->require_subcommand(1);
  auto* config_show = config->add_subcommand("show", "Print the effective settings and where each came from");
  auto* config_path_command = config->add_subcommand("path", "Print the path of the config file");
  config->footer(std::string("\n") + config_help + "\n" + exit_codes_help);

  // Browsing and checking the data.
  struct DataOptions {
    std::vector<std::string> catalogues;
    std::string catalogue_format = "auto";
    std::vector<std::string> rules;
  } data_options;
  auto add_data_options = [&](CLI::App* command) {
    command->add_option("--catalog", data_options.catalogues, "Catalogue to read instead of the built-in one (repeatable)")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->type_name("FILE");
    command->add_option("--catalog-format", data_options.catalogue_format, "auto, lbtrain or free-exercise-db")
        ->type_name("FORMAT")
        ->default_str("auto");
    command->add_option("--rules", data_options.rules, "Rules layered over the built-in ones (repeatable)")
        ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
        ->type_name("FILE");
  };
  std::string list_format = "text";
  bool list_compact = false;
  auto add_list_format = [&](CLI::App* command) {
    command->add_option("-f,--format", list_format, "text or json")->type_name("FORMAT")->default_str("text");
    command->add_flag("--compact", list_compact, "With --format json: print on one line");
  };

  auto* goals = app.add_subcommand("goals", "List the goals: aliases, what each strengthens, stretches and avoids");
  add_data_options(goals);
  add_list_format(goals);
  goals->footer("\nExamples:\n  lbtrain goals\n  lbtrain goals --format json | jq -r '.[].id'\n"
                "  lbtrain goals --rules docs/examples/glute-goal.json\n\n" + std::string(exit_codes_help));

  ExerciseFilter filter;
  std::string show_id;
  auto* exercises = app.add_subcommand("exercises", "List the exercises of the catalogue, filtered; or show one");
  exercises->add_option("-m,--muscle", filter.muscle, "Only exercises that work this muscle")->type_name("MUSCLE");
  exercises->add_option("-e,--equipment", filter.equipment, "Only exercises this equipment list or preset allows")
      ->type_name("LIST");
  exercises->add_option("-c,--category", filter.category, "Only this category")->type_name("CATEGORY");
  exercises->add_option("-g,--goal", filter.goal, "Only exercises the goal can prescribe")->type_name("GOAL");
  add_data_options(exercises);
  add_list_format(exercises);
  auto* show = exercises->add_subcommand("show", "Everything about one exercise: muscles, dose, cues, source, "
                                                 "which goals use it, what excludes it, alternatives");
  show->add_option("id", show_id, "Exercise id, as 'lbtrain exercises' lists it")->required()->type_name("ID");
  add_data_options(show);
  add_list_format(show);
  exercises->footer("\nExamples:\n  lbtrain exercises --muscle hamstrings --category stretch\n"
                    "  lbtrain exercises --goal lordosis --equipment home\n"
                    "  lbtrain exercises show back-extension\n"
                    "  lbtrain exercises --catalog exercises.json --format json | jq length\n\n" +
                    std::string(exit_codes_help));

  std::vector<std::string> validate_paths;
  std::string import_from, import_input, import_output;
  auto* catalog = app.add_subcommand("catalog", "Check catalogue and rules files, or import another catalogue format");
  catalog->require_subcommand(1);
  auto* validate = catalog->add_subcommand(
      "validate", "Check catalogue and rules files and report every problem with file, line and column");
  validate->add_option("files", validate_paths, "Catalogue or rules files (told apart by their content)")
      ->required()
      ->type_name("FILE...");
  validate->add_option("--catalog-format", data_options.catalogue_format, "auto, lbtrain or free-exercise-db")
      ->type_name("FORMAT")
      ->default_str("auto");
  auto* import_command = catalog->add_subcommand("import", "Convert another catalogue format into an lbtrain catalogue");
  import_command->add_option("--from", import_from, "The input's format: free-exercise-db")
      ->required()
      ->type_name("FORMAT");
  import_command->add_option("input", import_input, "The catalogue to convert")->required()->type_name("IN");
  import_command->add_option("-o,--output", import_output, "Write to FILE (atomically) instead of standard output")
      ->type_name("FILE");
  catalog->footer("\nExamples:\n  lbtrain catalog validate my-exercises.json my-goals.json\n"
                  "  lbtrain catalog import --from free-exercise-db exercises.json -o catalogue.json\n\n"
                  "'catalog validate' exits 0 when every file is clean and 3 when any has a problem.\n\n" +
                  std::string(exit_codes_help));

  std::string shell;
  auto* completion = app.add_subcommand("completion", "Print the shell completion script for bash, zsh or fish");
  completion->add_option("shell", shell, "bash, zsh or fish")->required()->type_name("SHELL");
  completion->footer(std::string("\n") + completion_examples);

  // An unknown command gets a suggestion rather than CLI11's generic complaint.
  std::vector<char*> help_args;
  if (argc > 1 && argv[1][0] != '-') {
    std::string command = argv[1];
    std::vector<std::string> commands{"plan", "goals", "exercises", "catalog", "assess", "config", "completion", "help"};
    if (command == "help") {
      if (argc == 2) {
        std::cout << app.help();
        return 0;
      }
      std::string topic = argv[2];
      if (topic == "help" || std::find(commands.begin(), commands.end(), topic) == commands.end()) {
        print_error(fmt::format("no help for \"{}\"{}; commands: plan, goals, exercises, catalog, assess, config, "
                                "completion",
                                topic,
                                did_you_mean(topic, commands)));
        return static_cast<int>(ExitCode::usage);
      }
      // "lbtrain help plan" is "lbtrain plan --help".
      help_args = {argv[0], argv[2], const_cast<char*>("--help")};
      argc = 3;
      argv = help_args.data();
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
    std::string where = "lbtrain --help";
    for (auto* sub : {plan, goals, exercises, catalog, assess, config, completion}) {
      if (sub->parsed()) where = "lbtrain " + sub->get_name() + " --help";
    }
    print_error(fmt::format("{}\nRun '{}' for usage.", e.what(), where));
    return static_cast<int>(ExitCode::usage);
  }

  Terminal tty = this_terminal();
  auto load_data = [&] {
    return load_data_set(data_options.catalogues, data_options.rules, parse_catalogue_format(data_options.catalogue_format));
  };
  auto json_wanted = [&] {
    const std::vector<std::string> list_formats{"text", "json"};
    if (list_format != "text" && list_format != "json") {
      usage_error(unknown_value_message("--format", "format", list_format, list_formats, list_formats));
    }
    return list_format == "json";
  };
  if (goals->parsed()) {
    return guarded([&] {
      bool json = json_wanted();
      write_stdout(format_goals(load_data(), json, list_compact));
      return ExitCode::ok;
    });
  }
  if (show->parsed()) {
    return guarded([&] {
      bool json = json_wanted();
      write_stdout(format_exercise_details(load_data(), show_id, json, list_compact));
      return ExitCode::ok;
    });
  }
  if (exercises->parsed()) {
    return guarded([&] {
      bool json = json_wanted();
      DataSet data = load_data();
      write_stdout(format_exercise_list(filter_exercises(data, filter), json, list_compact));
      return ExitCode::ok;
    });
  }
  if (validate->parsed()) {
    return guarded([&] {
      ValidationReport report = validate_files(validate_paths, parse_catalogue_format(data_options.catalogue_format));
      std::string out;
      for (const auto& line : report.lines) out += valid_utf8(cut_long_values(line)) + "\n";
      write_stdout(out);
      if (report.files_with_problems == 0) return ExitCode::ok;
      print_error(fmt::format("{} of {} file{} with problems", report.files_with_problems, validate_paths.size(),
                              validate_paths.size() == 1 ? "" : "s"));
      return ExitCode::data;
    });
  }
  if (import_command->parsed()) {
    return guarded([&] {
      if (import_from != "free-exercise-db") {
        usage_error(unknown_value_message("--from", "catalogue format", import_from, {"free-exercise-db"}, {"free-exercise-db"}));
      }
      std::string text =
          catalogue_to_json(load_catalogue_file(import_input, builtin_vocabulary(), CatalogueFormat::free_exercise_db));
      if (import_output.empty() || import_output == "-") write_stdout(text);
      else write_file_atomically(import_output, text);
      return ExitCode::ok;
    });
  }
  if (assess->parsed()) return guarded([&] { return run_assess(answers_file, run_now, tty); });
  if (completion->parsed()) return guarded([&] { return print_completion(app, shell); });
  if (config_path_command->parsed()) {
    return guarded([] {
      write_stdout(config_path(std::getenv) + "\n");
      return ExitCode::ok;
    });
  }
  if (config_show->parsed()) return guarded([&] { return show_settings(); });
  if (!plan->parsed()) {
    std::cerr << app.help();
    return static_cast<int>(ExitCode::usage);
  }
  if (plan->count("--days") > 0) options.days = days;
  if (plan->count("--week") > 0) options.week = week;
  if (plan->count("--start") > 0) options.start = start;
  if (plan->count("--on") > 0) options.on = on;
  if (plan->count("--at") > 0) options.at = at;
  for (const auto& [id, given] : flag_values) {
    if (given) options.flags.push_back(id);
  }
  for (const auto& [id, value] : choice_values) {
    if (plan->count("--" + id) > 0) options.choices[id] = value;
  }

  return guarded([&] {
    apply_settings(*plan, options);
    return run_plan(options, tty);
  });
}

}  // namespace lbtrain::cli
