// `lbtrain plan`: its options, the screening flags the built-in rules define, and the settings
// that fill what the command line leaves out.

#include "cli/commands.hpp"
#include "cli/log_settings.hpp"
#include "cli/plan_options.hpp"

#include "lbtrain/app.hpp"
#include "lbtrain/data.hpp"
#include "lbtrain/format.hpp"
#include "cli/stdout.hpp"
#include "lbtrain/model/vocabulary.hpp"
#include "format/escape.hpp"
#include "model/text_match.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <iostream>
#include <map>
#include <optional>
#include <memory>
#include <vector>

namespace lbtrain::cli {

namespace {

const char* const plan_examples =
    "Examples:\n"
    "  lbtrain plan --goal lockout --weeks 4\n"
    "  lbtrain plan --goal lordosis --weeks 6 --days 3 --format json | jq '.weeks[0].sessions[0]'\n"
    "  lbtrain plan --goal general --equipment none --level beginner -o plan.txt\n"
    "  lbtrain plan --goal lockout --weeks 4 --format sheet | lpr\n"
    "  lbtrain plan --goal lordosis --title \"Anna: block 1\" --format html -o anna.html\n"
    "  lbtrain plan --goal lordosis --start 2026-11-23 --on mon,wed,fri --format ics -o plan.ics\n";

}  // namespace

// Goals are named in the help from the built-in rules, so the help never drifts from data.
std::string goals_help() {
  std::string text = "Goals (built in):\n";
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
  return text;
}

namespace {

/// Settings from the environment and the config file fill the options not given on the
/// command line; errors then name where the value came from.
void apply_settings(const CLI::App& plan, PlanOptions& options) {
  const Settings& settings = cli::settings();
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

void add_screening_options(CLI::App& plan, PlanArguments& args) {
  // Screening questions come from the built-in rules: a flag for each yes/no question and an
  // option for each question with named answers.
  for (const auto& screening : builtin_rules().screening) {
    if (screening.is_choice()) {
      std::vector<std::string> ids;
      for (const auto& c : screening.choices) ids.push_back(c.id);
      plan.add_option("--" + screening.id, args.choices[screening.id], screening.help)
          ->type_name(join(ids, "|"))
          ->group("Screening");
    } else {
      plan.add_flag("--" + screening.id, args.flags[screening.id], screening.help)->group("Screening");
    }
  }
}

void add_data_options(CLI::App& plan, PlanOptions& o) {
  plan.add_option("--catalog", o.catalogues,
                  "Exercise catalogue to use instead of the built-in one: lbtrain's format or free-exercise-db's; "
                  "repeat to layer catalogues (later ones win by id; 'builtin' names the built-in one)")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->type_name("FILE");
  plan.add_option("--catalog-format", o.catalogue_format,
                  "Format of the --catalog files: auto (told from the content), lbtrain or free-exercise-db")
      ->type_name("FORMAT")
      ->default_str(o.catalogue_format);
  plan.add_option("--rules", o.rules,
                  "Goal rules layered over the built-in ones: goals, progressions and screening with a new id are "
                  "added, with a known id replace it (repeatable)")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->type_name("FILE");
}

}  // namespace

void add_request_options(CLI::App& command, PlanArguments& args) {
  PlanOptions& o = args.options;
  // A repeated option takes its last value, as in most command-line tools; --goal and
  // --exclude collect every value instead.
  command.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  command.add_option("-g,--goal", o.goals, "Goal to train for; repeat (or comma-separate) to combine goals")
      ->delimiter(',')
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->type_name("GOAL");
  command.add_option("-w,--weeks", o.weeks, "Number of weeks, 1 to 52")->type_name("N")->default_str(o.weeks);
  command.add_option("-d,--days", args.days, "Sessions a week, 1 to 7")->type_name("N")->default_str("the goal's default");
  command.add_option("-l,--level", o.level, "beginner, intermediate or advanced")->type_name("LEVEL")->default_str(o.level);
  command.add_option("-e,--equipment", o.equipment,
                     "Comma-separated equipment you have, or a preset (gym, home); none = bodyweight")
      ->type_name("LIST")
      ->default_str(o.equipment);
  command.add_option("--start", args.start, "Date of the plan's first day; sessions get real dates")->type_name("YYYY-MM-DD");
  command.add_option("--on", args.on, "Training weekdays, e.g. mon,wed,fri (sets --days; default: spread over the week)")
      ->type_name("DAYS");
  command.add_option("--at", args.at, "Time of day the sessions start; calendar events are then timed, not all-day")
      ->type_name("HH:MM");
  add_data_options(command, o);
  command.add_option("-x,--exclude", o.exclude, "Never prescribe this exercise id (repeatable)")
      ->delimiter(',')
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll)
      ->type_name("ID");
  add_screening_options(command, args);
}

PlanOptions collect_request(PlanArguments& args, const CLI::App& command) {
  PlanOptions& options = args.options;
  auto given = [&](const char* name, const std::string& value, std::optional<std::string>& into) {
    const CLI::Option* option = command.get_option_no_throw(name);
    if (option && option->count() > 0) into = value;
  };
  given("--days", args.days, options.days);
  given("--week", args.week, options.week);
  given("--start", args.start, options.start);
  given("--on", args.on, options.on);
  given("--at", args.at, options.at);
  given("--title", args.title, options.title);
  for (const auto& [id, on] : args.flags) {
    if (on) options.flags.push_back(id);
  }
  for (const auto& [id, value] : args.choices) {
    if (command.count("--" + id) > 0) options.choices[id] = value;
  }
  apply_settings(command, options);
  return options;
}

Command add_plan(CLI::App& app) {
  auto args = std::make_shared<PlanArguments>();
  PlanOptions& o = args->options;
  auto* plan = app.add_subcommand("plan", "Write a training plan for one or more goals");
  add_request_options(*plan, *args);
  plan->add_option("-f,--format", o.format,
                   "Output format: text, json, sheet (printable, a page per week), markdown, csv, html, ics "
                   "(calendar; needs --start)")
      ->type_name("FORMAT")
      ->default_str(o.format);
  plan->add_option("--week", args->week, "Print only week N of the plan")->type_name("N");
  plan->add_option("--title", args->title,
                   "A heading of your own, such as a client's name: the title of every format, and the calendar's name")
      ->type_name("TEXT");
  plan->add_flag("--compact", o.compact, "With --format json: print on one line");
  plan->add_flag("--details", o.details,
                 "Text: every exercise's cues, safety cues and alternatives every week, every note and source in full");
  plan->add_option("--color", o.color, "Colour: auto (on a terminal, unless NO_COLOR is set), always or never")
      ->type_name("WHEN")
      ->default_str(o.color);
  add_output_option(*plan, o.output, "Write to FILE (atomically: an existing file is replaced only on success)");
  plan->footer([] { return "\n" + goals_help() + "\n" + plan_examples + "\n" + exit_codes_help; });

  return {plan, [args, plan] { return run_plan(collect_request(*args, *plan), this_terminal()); }};
}

namespace {

/// The process ends after the plan is written: a big plan's thousands of strings are not freed
/// one by one (0.3-0.6 ms of a 52-week plan). It stays reachable, so no leak checker counts it.
void keep_until_exit(std::optional<Plan> plan) {
  static std::vector<std::unique_ptr<std::optional<Plan>>>* kept = new std::vector<std::unique_ptr<std::optional<Plan>>>;
  kept->push_back(std::make_unique<std::optional<Plan>>(std::move(plan)));
}

}  // namespace

ExitCode run_plan(const PlanOptions& options, const Terminal& terminal) {
  Rendered rendered = render_plan(options, terminal);
  print_warnings(rendered.warnings);
  const bool to_stdout = options.output.empty() || options.output == "-";
  if (rendered.refused && !to_stdout) {
    std::cerr << rendered.bytes << std::flush;
  } else if (rendered.refused) {
    write_stdout(rendered.bytes);
  } else {
    // Streamed as it is formatted: a 52-week plan is megabytes, never held whole (but for a pager).
    auto sink = open_output(options.output);
    write_plan(*rendered.plan, rendered.output, rendered.style, *sink);
    sink->finish();
    keep_until_exit(std::move(rendered.plan));
    if (!to_stdout && terminal.stderr_is_tty) {
      std::cerr << "Wrote " << printable(options.output) << ": " << rendered.summary << "\n" << std::flush;
    }
  }
  return rendered.refused ? ExitCode::refused : ExitCode::ok;
}

}  // namespace lbtrain::cli
