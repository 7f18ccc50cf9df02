// `lbtrain start`, `lbtrain next` and `lbtrain program`: a saved program, and the sessions the
// log makes of it.

#include "cli/commands.hpp"
#include "cli/log_settings.hpp"
#include "cli/plan_options.hpp"

#include "cli/stdout.hpp"
#include "lbtrain/program.hpp"
#include "lbtrain/report.hpp"
#include "format/escape.hpp"

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <unistd.h>

namespace lbtrain::cli {

namespace {

const char* const start_help =
    "Saves the plan these options make (the same options as lbtrain plan) as the current program in\n"
    "the training log's database, from --start (default: today). lbtrain next then gives each session\n"
    "adapted to what you log: the plan advances on a success (every working set at the target reps or\n"
    "seconds, load and reps in reserve), a miss repeats the session, two misses in a row take about 10%\n"
    "off the load, every set at the top of the block's range starts the next block one increment\n"
    "heavier, and a session not logged is repeated, not skipped. The rules are in the built-in data\n"
    "(\"adaptation\"). A current program is replaced after asking on a terminal, or with --force; the\n"
    "log keeps every set.\n\n"
    "Examples:\n"
    "  lbtrain start --goal lockout --start 2026-11-23 --on mon,thu\n"
    "  lbtrain start --goal lordosis --weeks 8 --equipment home --force\n";

const char* const next_help =
    "The next session due on or after --date (default today), with each loaded exercise's load as a\n"
    "number once the log knows one, last time's numbers beside the target, and the reason for any\n"
    "change from the plan as written. Log it with lbtrain log; an entry logged on a session's date is\n"
    "matched to that session.\n"
    "The load step is --increment, else the increment setting (LBTRAIN_INCREMENT or the config file),\n"
    "else 2.5 kg (5 lb).\n\n"
    "Examples:\n"
    "  lbtrain next\n"
    "  lbtrain next --format sheet | lpr\n"
    "  lbtrain next --format json | jq '.weeks[0].sessions[0].blocks[1].items[0].target_load'\n";

const char* const report_help =
    "Your progress as the log shows it: for each main exercise of the current program, a chart of each\n"
    "session as logged against its prescription (load, estimated 1RM, reps or seconds), and how many\n"
    "sessions were planned, due and logged. With -o FILE (or standard output not a terminal): a\n"
    "standalone HTML page (no script, nothing fetched; it prints on A4); on a terminal: a text summary.\n"
    "--format html or text chooses outright.\n\n"
    "Examples:\n"
    "  lbtrain report\n"
    "  lbtrain report -o progress.html\n";

const char* const program_help =
    "Every session of the current program: the ones done with what was logged beside what was\n"
    "prescribed, the next one, and the ones ahead as the log now makes them. Calendar events (--format\n"
    "ics) keep their UIDs across exports, so importing again updates them.\n\n"
    "Examples:\n"
    "  lbtrain program\n"
    "  lbtrain program --format ics -o program.ics\n"
    "  lbtrain program --format json | jq '[.weeks[].sessions[] | select(.status == \"done\")] | length'\n";

const char* const done_help =
    "Logs the session lbtrain next gives for the same --date (default today) as one entry: each main\n"
    "exercise at its prescribed sets, reps or seconds, load (bodyweight where it has none) and the\n"
    "lowest reps in reserve of its target. --except \"EXERCISE NOTATION\" logs what you really did of one\n"
    "exercise instead (the notation of lbtrain log), --skip EXERCISE leaves one out. An exercise whose\n"
    "load the log does not know yet needs an --except. It prints what it logged and the next session;\n"
    "'lbtrain log undo' takes the whole entry back. A date with a session logged already is refused\n"
    "(exit 2) unless --again. --pain N logs the worst back pain during the session, 0 to 10, with every\n"
    "exercise's sets (an --except with its own pain N keeps it), as 'lbtrain log ... pain N' does.\n\n"
    "Examples:\n"
    "  lbtrain done\n"
    "  lbtrain done --pain 2\n"
    "  lbtrain done --except \"rdl 8,8,6@60kg rir 2,1,0\" --skip side-plank\n"
    "  lbtrain done --date yesterday\n";

/// What `next` and `program` take.
struct ViewArguments {
  std::string db, date, increment, format = "text", color = "auto", output;
  bool compact = false, details = false;
};

Date parse_day(const std::string& text) {
  if (text.empty() || text == "today") return today_local();
  if (text == "tomorrow") return today_local() + std::chrono::days{1};
  if (text == "yesterday") return today_local() - std::chrono::days{1};
  auto date = parse_iso_date(text);
  // As for plan --start: calendars read four-digit years, and a program may run late by years.
  if (!date || text < "1900" || text >= "9000") {
    usage_error(fmt::format("--date: \"{}\" is not a date from 1900 to 8999; give YYYY-MM-DD (such as 2026-11-23), "
                            "today, tomorrow or yesterday",
                            single_line(text)));
  }
  return *date;
}

void add_view_options(CLI::App& command, ViewArguments& a, const char* format_help, bool has_json = true) {
  command.add_option("--date", a.date, "Work the program out as of this day: YYYY-MM-DD, today, tomorrow")
      ->type_name("DATE")
      ->default_str("today");
  command.add_option("-f,--format", a.format, format_help)->type_name("FORMAT")->default_str(a.format.empty() ? "auto" : a.format);
  // A report has no JSON, so no --compact: help offers nothing a command refuses.
  if (has_json) command.add_flag("--compact", a.compact, "With --format json: print on one line");
  if (has_json) {
    command.add_flag("--details", a.details,
                     "Text: every exercise's cues, safety cues and alternatives, and the plan's notes");
  }
  command.add_option("--color", a.color, "Colour: auto, always or never")->type_name("WHEN")->default_str("auto");
  command.add_option("--increment", a.increment, "The load step for load changes, such as 2.5kg or 5lb")
      ->type_name("LOAD");
  add_output_option(command, a.output, "Write to FILE (atomically: an existing file is replaced only on success)");
  command.add_option("--db", a.db, "The training log's database file (default: LBTRAIN_DB, the config file's db, or "
                                   "$XDG_DATA_HOME/lbtrain/lbtrain.db)")
      ->type_name("FILE")
      ->check(db_option_problem);
}

using Render = std::string (*)(const ProgramView&, const OutputOptions&, const TextStyle&);

/// The output choices the arguments make (checked before the log is read) and the program view.
std::pair<OutputOptions, ProgramView> read_view(const ViewArguments& a) {
  const OutputOptions output = resolve_output(OutputRequest{a.format, a.color, a.compact, a.details, a.output});
  ProgramQuery query;
  query.db = log_database(a.db);
  refuse_output_onto_log(a.output, query.db);
  query.date = parse_day(a.date);
  query.increment = a.increment;
  resolve_increment(query);
  ProgramView view = view_program(query);
  print_warnings(view.warnings);
  return {output, std::move(view)};
}

ExitCode run_view(const ViewArguments& a, Render render) {
  auto [output, view] = read_view(a);
  write_output(a.output, render(view, output, text_style(output, this_terminal())), Privacy::private_data);
  return ExitCode::ok;
}

/// `report`: HTML to a file or a pipe, text on a terminal, unless --format says.
ExitCode run_report(ViewArguments a) {
  Terminal terminal = this_terminal();
  const bool to_stdout = a.output.empty() || a.output == "-";
  if (a.format.empty()) a.format = to_stdout && terminal.stdout_is_tty ? "text" : "html";
  if (a.format != "html" && a.format != "text") {
    usage_error(fmt::format("--format: \"{}\" is not a report format; give html or text", single_line(a.format)));
  }
  auto [output, view] = read_view(a);
  std::string bytes =
      a.format == "html" ? format_report_html(view) : format_report_text(view, text_style(output, terminal));
  write_output(a.output, bytes, Privacy::private_data);
  return ExitCode::ok;
}

/// Thrown by ask() when the lifter answers no on a terminal: a choice, not an error.
struct Declined {};

bool ask(const std::string& question) {
  if (!::isatty(STDIN_FILENO) || !::isatty(STDERR_FILENO)) return false;
  std::cerr << printable(question) << " [y/N] " << std::flush;
  std::string answer;
  if (!std::getline(std::cin, answer)) {
    std::cerr << "\n";
    return false;  // end of input decides nothing: the usage error says how to replace it
  }
  if (answer == "y" || answer == "Y" || answer == "yes" || answer == "Yes") return true;
  throw Declined{};
}

}  // namespace

std::vector<Command> add_program_commands(CLI::App& app) {
  struct StartArguments {
    PlanArguments plan;
    StartOptions options;
  };
  auto start_args = std::make_shared<StartArguments>();
  auto* start = app.add_subcommand("start", "Save a plan as your program; lbtrain next then follows your log");
  add_request_options(*start, start_args->plan);
  start->add_flag("--force", start_args->options.force, "Replace the current program without asking");
  start->add_option("--db", start_args->options.db, "The training log's database file (default: LBTRAIN_DB, the "
                                                    "config file's db, or $XDG_DATA_HOME/lbtrain/lbtrain.db)")
      ->type_name("FILE")
      ->check(db_option_problem);
  start->footer([] { return std::string("\n") + start_help + "\n" + goals_help() + "\n" + exit_codes_help; });

  auto next_args = std::make_shared<ViewArguments>();
  auto* next = app.add_subcommand("next", "The next session of your program, adapted to your log");
  add_view_options(*next, *next_args, "text, json, sheet, markdown, csv, html or ics");
  next->footer(std::string("\n") + next_help + "\n" + exit_codes_help);

  auto program_args = std::make_shared<ViewArguments>();
  auto* program = app.add_subcommand("program", "Your whole program: done as logged, and ahead as adapted");
  add_view_options(*program, *program_args, "text, json, sheet, markdown, csv, html or ics");
  program->footer(std::string("\n") + program_help + "\n" + exit_codes_help);

  auto report_args = std::make_shared<ViewArguments>();
  report_args->format.clear();
  auto* report = app.add_subcommand("report", "Charts of your progress in the current program (HTML), or a summary");
  add_view_options(*report, *report_args, "html or text (default: text on a terminal, else html)", false);
  report->footer(std::string("\n") + report_help + "\n" + exit_codes_help);

  struct DoneArguments {
    DoneOptions options;
    std::string db, date, unit, pain;
  };
  auto done_args = std::make_shared<DoneArguments>();
  auto* done = app.add_subcommand("done", "Log the next session as prescribed, but for --except and --skip");
  done->add_option("--date", done_args->date, "The day you trained: YYYY-MM-DD, today or yesterday")
      ->type_name("DATE")
      ->default_str("today");
  done->add_option("--except", done_args->options.except,
                   "What you really did of one exercise: \"rdl 3x8@60kg rir2\" (repeatable)")
      ->type_name("\"EXERCISE NOTATION\"")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  done->add_option("--skip", done_args->options.skip, "An exercise you left out (repeatable)")
      ->type_name("EXERCISE")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  done->add_option("--pain", done_args->pain,
                   "The worst back pain during the session, 0 to 10, logged with each exercise's sets")
      ->type_name("N");
  done->add_flag("--again", done_args->options.again, "Log another session on a date that has one already");
  done->add_option("--unit", done_args->unit, "kg or lb: the unit of an --except load written without one")
      ->type_name("UNIT");
  done->add_option("--increment", done_args->options.query.increment,
                   "The load step for load changes, such as 2.5kg or 5lb")
      ->type_name("LOAD");
  done->add_option("--db", done_args->db, "The training log's database file (default: LBTRAIN_DB, the config file's "
                                          "db, or $XDG_DATA_HOME/lbtrain/lbtrain.db)")
      ->type_name("FILE")
      ->check(db_option_problem);
  done->footer(std::string("\n") + done_help + "\n" + exit_codes_help);

  return {{done,
           [done_args, done] {
             DoneOptions options = done_args->options;
             options.query.db = log_database(done_args->db);
             options.query.date = parse_day(done_args->date);
             resolve_increment(options.query);
             options.unit = done->count("--unit") > 0 ? parse_unit_option(done_args->unit, "--unit") : unit_setting();
             if (done->count("--pain") > 0) options.pain = parse_pain_option(done_args->pain);
             write_for_reader(log_done_session(options));
             return ExitCode::ok;
           }},
          {start,
           [start_args, start] {
             StartOptions options = start_args->options;
             options.plan = collect_request(start_args->plan, *start);
             options.db = log_database(options.db);
             Started started;
             try {
               started = start_program(options, ask);
             } catch (const Declined&) {
               write_for_reader(fmt::format("Kept the current program in {}; nothing was changed.\n", options.db));
               return ExitCode::ok;
             }
             print_warnings(started.warnings);
             if (started.refusal) {
               std::cout << format_refusal_text(*started.refusal, TextStyle{}) << std::flush;
               return ExitCode::refused;
             }
             write_for_reader(started.message);
             return ExitCode::ok;
           }},
          {next, [next_args] { return run_view(*next_args, render_next); }},
          {program, [program_args] { return run_view(*program_args, render_program); }},
          {report, [report_args] { return run_report(*report_args); }}};
}

}  // namespace lbtrain::cli
